"""The Jinja environments that .docx templates and layout expressions (for .odt) run in: a
user's template is untrusted input and runs sandboxed.

Templates run in Jinja's immutable sandbox: no attribute starting with ``_`` (so no
``__globals__``, ``__class__`` or ``__subclasses__``), no method that changes an object,
no globals at all (no ``range``, ``lipsum``, ``cycler``, ``namespace``), no ``include``,
``import`` or ``extends`` (there is no loader), and repetition and powers bounded, so a
template cannot run code, read files or build a value of gigabytes. Loops can only go over
the model's lists, which the models bound; the output of a render is bounded too (see
:data:`MAX_OUTPUT_CHARS`).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import GreenDocsError, TemplateError
from ..markers.model_view import Marked, positions_filter, rows_filter
from .blocks import caption_filter, image_filter, kind_filter, rich_filter, table_filter
from .docx.filters import (
    mark_filter,
    path_mark_filter,
    text_filter,
    view_filter,
    year_mark_filter,
)
from .odt.values import odt_filter
from .template_paths import FieldReadCompiler

#: the most characters one template part may render to
MAX_OUTPUT_CHARS = 200_000_000
#: the longest string or list a template may make by repetition (``'a' * n``)
MAX_REPEAT = 100_000
#: the largest exponent a template may raise a number to
MAX_EXPONENT = 1_000

_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "*": operator.mul, "**": operator.pow,
}


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with bounded repetition and powers."""

    intercepted_binops = frozenset(_BINOPS)

    def call_binop(self, context: jinja2.runtime.Context, operator_: str, left: Any,
                   right: Any) -> Any:
        left, right = _plain(left), _plain(right)
        if operator_ == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int) and \
                        len(seq) * count > MAX_REPEAT:
                    raise SecurityError(f"repeating a value {count} times makes it longer "
                                        f"than {MAX_REPEAT:,}")
        elif operator_ == "**" and isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"an exponent of {right} is above {MAX_EXPONENT}")
        return _BINOPS[operator_](left, right)


def _plain(value: Any) -> Any:
    """A marked model value's value (arithmetic in a template works on the values)."""
    return value.value if isinstance(value, Marked) else value


def make_environment(*, sandboxed: bool = True) -> jinja2.Environment:
    """A new environment: undefined names are errors, and every value is escaped by the
    marker filters that each output expression is rewritten to pass through (see
    :func:`~greendocs.engines.docx.template.inject_markers`), the same guarantee as
    autoescape without escaping each value twice. Sandboxed unless *sandboxed* is false —
    only for the templates and layouts of installed forms, which are code already (the
    sandbox costs about a third of a render)."""
    kind = _Sandbox if sandboxed else jinja2.Environment
    env = kind(autoescape=False, undefined=jinja2.StrictUndefined,
               keep_trailing_newline=True, auto_reload=False)
    if not sandboxed:  # a resolved template's reads of the model's fields, plain
        env.code_generator_class = FieldReadCompiler
    env.globals.clear()
    env.filters["gdmark"] = mark_filter
    env.filters["gdtext"] = text_filter
    env.filters["gdodt"] = odt_filter
    env.filters["gdrows"] = rows_filter
    # a template's model paths resolved when it was compiled (engines/template_paths.py)
    env.filters.update(gdm=path_mark_filter, gdms=year_mark_filter, gdat=view_filter,
                       gdpositions=positions_filter)
    # a narrative's blocks (engines/blocks.py), written by each format's value writer
    env.filters.update(gdkind=kind_filter, gdrich=rich_filter, gdcaption=caption_filter,
                       gdimage=image_filter, gdtable=table_filter)
    return env


def render_part(template: jinja2.Template, context: dict[str, Any], where: str, *,
                bounded: bool = True) -> str:
    """*template* rendered with *context* (its output *bounded*, see
    :func:`render_bounded`); a failure is a :class:`TemplateError` saying *where*, a value
    the document cannot hold (an image whose file was not read) its own error."""
    try:
        return render_bounded(template, context, where) if bounded else \
            template.render(context)
    except GreenDocsError:
        raise
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{where}: {exc}") from None
    except Exception as exc:  # a template's own expression failed (1 + 'a', x / 0, …)
        raise TemplateError(f"{where}: an expression failed: {type(exc).__name__}: {exc}"
                            ) from None


def render_bounded(template: jinja2.Template, context: dict[str, Any], where: str) -> str:
    """*template* rendered with *context*, refused (:class:`jinja2.TemplateError`) once its
    output passes :data:`MAX_OUTPUT_CHARS`."""
    out: list[str] = []
    size = 0
    for chunk in template.generate(context):
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise SecurityError(f"{where} renders to more than {MAX_OUTPUT_CHARS:,} characters")
        out.append(chunk)
    return "".join(out)
