"""Rendering a compiled .docx template: values written inside markers, zipped deterministically."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jinja2
from markupsafe import Markup

from ..errors import TemplateError
from ..markers.bookmark_names import bookmark_name, form_bookmark
from ..markers.model_view import Marked
from ..package.zip_writer import ZipMember, build_zip
from ..value_text import format_value
from .run_xml import marked_run, text_run
from .template import CompiledDocx


class MarkerWriter:
    """Writes marked runs for one render; numbers bookmarks from 1 (so output is repeatable)."""

    __slots__ = ("_run_props", "_form_id", "_next")

    def __init__(self, run_props: tuple[str, ...], form_id: str) -> None:
        self._run_props = run_props
        self._form_id = form_id
        self._next = 0

    def mark(self, value: Any, run_index: int) -> Markup:
        rpr = self._run_props[run_index]
        if isinstance(value, Marked):
            self._next += 1
            name = (form_bookmark(self._form_id) if value.path == "_form"
                    else bookmark_name(value.path))
            return Markup(marked_run(rpr, format_value(value.value), name, value.label,
                                     self._next))
        return Markup(text_run(rpr, value if isinstance(value, str) else format_value(value)))


def render_docx(compiled: CompiledDocx, context: Mapping[str, Any], form_id: str) -> bytes:
    """The bytes of the .docx that *compiled* gives for *context*."""
    writer = MarkerWriter(compiled.run_props, form_id)
    ctx = {**context, "_gd": writer}
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
