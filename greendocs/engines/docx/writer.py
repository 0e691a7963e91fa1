"""Rendering a compiled .docx template: values written inside markers, zipped deterministically."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...markers.bookmark_names import MARKER_VAR
from ...package.zip_writer import ZipMember, build_zip
from ..template_env import render_part
from .filters import MarkerWriter
from .narrative import with_images
from .template import CONTENT_TYPES_PART, RELS_PART, CompiledDocx


def render_docx(compiled: CompiledDocx, context: Mapping[str, Any], form_id: str) -> bytes:
    """The bytes of the .docx that *compiled* gives for *context*."""
    writer = MarkerWriter(compiled.run_props, form_id, compiled.text_box, compiled.sites)
    ctx = {**context, MARKER_VAR: writer}
    members: list[ZipMember] = []
    for name, part in compiled.parts:
        if isinstance(part, ZipMember):
            members.append(part)
            continue
        xml = render_part(part, ctx, f"template {compiled.source}: {name}",
                          bounded=not compiled.trusted)
        members.append(ZipMember.of(name, xml.encode("utf-8"), level=1))
    images = writer.figures.images
    if images:  # a narrative's photos: their parts, relationships and content types
        package = dict(compiled.package)
        rels, types = with_images(package[RELS_PART], package[CONTENT_TYPES_PART], images)
        patched = {RELS_PART: rels, CONTENT_TYPES_PART: types}
        members = [ZipMember.of(m.name, patched[m.name]) if m.name in patched else m
                   for m in members]
        members += [ZipMember.of(f"word/{part}", data, store=True)
                    for part, data, _ in images]
    return build_zip(members)
