"""A narrative's blocks as the templates of every format see them: ``gdkind`` says how a
block prints; ``gdrich``, ``gdcaption`` and ``gdimage`` name what to write in a paragraph
(its runs with their bold, its 表N/图N caption, its photo), which the format's value
writer writes inside the block's marker; ``gdtable`` asks that writer for a table."""

from __future__ import annotations

from typing import Any

import jinja2

from ..markers.bookmark_names import MARKER_VAR
from ..markers.model_view import Marked
from ..types.narrative import Block, NarrativeImage, NarrativeTable, kind


class Rich:
    """A paragraph's text, to be written as runs (``**bold**`` in bold type)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class Caption(Rich):
    """A table's or a photo's caption, numbered (表1, 图1) as it is written."""


class Drawing(Rich):
    """A photo, written as a picture in its paragraph."""


def block_of(value: Any) -> Block:
    """The block a template value holds (a marked value's own)."""
    block: Block = value.value if type(value) is Marked else value
    return block


def kind_filter(value: Any) -> str:
    """``gdkind``: how the block prints (:func:`~greendocs.types.narrative.kind`)."""
    block = block_of(value)
    return kind(block) if isinstance(block, (str, NarrativeTable, NarrativeImage)) else "body"


def rich_filter(value: Any) -> Rich:
    return Rich(value)


def caption_filter(value: Any) -> Caption:
    return Caption(value)


def image_filter(value: Any) -> Drawing:
    return Drawing(value)


@jinja2.pass_context
def table_filter(context: jinja2.runtime.Context, value: Any) -> str:
    """``gdtable``: the table a block holds, as the render's value writer writes one."""
    table = block_of(value)
    if not isinstance(table, NarrativeTable):
        return ""
    text: str = context.parent[MARKER_VAR].table(table)
    return text
