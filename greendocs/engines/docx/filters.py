"""The Jinja filters compiled .docx templates call: every value written as its own run,
inside its markers when it is a model value, and always escaped."""

from __future__ import annotations

from typing import Any

import jinja2

from ...markers.bookmark_names import MARKER_VAR, value_bookmark
from ...markers.model_view import Marked
from ...model.value_text import format_value
from .run_xml import RUN_END, escape_xml, run_body, run_start


class MarkerWriter:
    """Writes marked runs for one render; numbers bookmarks from 1 (so output is repeatable).

    The same XML as :func:`~.run_xml.marked_run` and :func:`~.run_xml.text_run`, written
    in one step: this is called for every value of a document."""

    __slots__ = ("_form_id", "_next", "_starts")

    def __init__(self, run_props: tuple[str, ...], form_id: str) -> None:
        self._starts = tuple(run_start(rpr) for rpr in run_props)
        self._form_id = form_id
        self._next = 0

    def mark(self, value: Any, run_index: int) -> str:
        """The run XML for *value*; a :class:`Marked` value also gets its markers."""
        start = self._starts[run_index]
        if type(value) is Marked:
            self._next += 1
            bid = self._next
            name = value_bookmark(value.pattern, value.indices, self._form_id)
            text = value.value
            body = run_body(text if type(text) is str else format_value(text))
            return (f'<w:bookmarkStart w:id="{bid}" w:name="{name}"/>{start}{body}{RUN_END}'
                    f'<w:bookmarkEnd w:id="{bid}"/>')
        return f"{start}{run_body(value if type(value) is str else format_value(value))}{RUN_END}"


@jinja2.pass_context
def mark_filter(context: jinja2.runtime.Context, value: Any, run_index: int) -> str:
    """The ``gdmark`` filter that compiled templates call for each value inside a run."""
    writer: MarkerWriter = context.parent[MARKER_VAR]
    return writer.mark(value, run_index)


def text_filter(value: Any) -> str:
    """The ``gdtext`` filter for expressions outside runs (attribute values and the like)."""
    if isinstance(value, Marked):
        value = value.value
    return escape_xml(value if type(value) is str else format_value(value))
