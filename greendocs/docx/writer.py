"""Rendering a compiled .docx template: values written inside markers, zipped deterministically."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jinja2

from ..errors import TemplateError
from ..markers.bookmark_names import form_bookmark, pattern_key
from ..markers.model_view import Marked
from ..package.zip_writer import ZipMember, build_zip
from ..value_text import format_value
from .run_xml import escape_xml, marked_run, text_run
from .template import MARKER_VAR, CompiledDocx

FORM_PATTERN = "_form"


class MarkerWriter:
    """Writes marked runs for one render; numbers bookmarks from 1 (so output is repeatable)."""

    __slots__ = ("_form_id", "_next", "_run_props")

    def __init__(self, run_props: tuple[str, ...], form_id: str) -> None:
        self._run_props = run_props
        self._form_id = form_id
        self._next = 0

    def mark(self, value: Any, run_index: int) -> str:
        """The run XML for *value*; a :class:`Marked` value also gets its markers."""
        rpr = self._run_props[run_index]
        if type(value) is Marked:
            self._next += 1
            if value.pattern == FORM_PATTERN:
                name = form_bookmark(self._form_id)
            else:
                name = "gd" + pattern_key(value.pattern)
                for i in value.indices:
                    name += "_" + i
            return marked_run(rpr, format_value(value.value), name, value.label, self._next)
        return text_run(rpr, value if isinstance(value, str) else format_value(value))


@jinja2.pass_context
def mark_filter(context: jinja2.runtime.Context, value: Any, run_index: int) -> str:
    """The ``gdmark`` filter that compiled templates call for each value inside a run."""
    writer: MarkerWriter = context.parent[MARKER_VAR]
    return writer.mark(value, run_index)


def text_filter(value: Any) -> str:
    """The ``gdtext`` filter for expressions outside runs (attribute values and the like)."""
    if isinstance(value, Marked):
        value = value.value
    return escape_xml(value if isinstance(value, str) else format_value(value))


def render_docx(compiled: CompiledDocx, context: Mapping[str, Any], form_id: str) -> bytes:
    """The bytes of the .docx that *compiled* gives for *context*."""
    writer = MarkerWriter(compiled.run_props, form_id)
    ctx = {**context, MARKER_VAR: writer}
    members: list[ZipMember] = []
    for name, part in compiled.parts:
        if isinstance(part, ZipMember):
            members.append(part)
            continue
        try:
            xml = part.render(ctx)
        except jinja2.TemplateError as exc:
            raise TemplateError(f"template {compiled.source}: {name}: {exc}") from None
        members.append(ZipMember.of(name, xml.encode("utf-8"), level=1))
    return build_zip(members)
