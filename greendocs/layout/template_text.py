"""What a layout prints itself — the text the read-back tells from values a person typed
(a section's heading ends its paragraphs; a table's header row is not an inserted row)."""

from __future__ import annotations

from ..markers.labels import normalise_label
from ..markers.read_back import TemplateText
from .elements import Contents, Layout, ListCell, Narrative, Paragraph, Paragraphs, Table


def template_text(layout: Layout) -> TemplateText:
    """What *layout* prints itself: paragraphs and cell lines without expressions, and the
    fixed beginnings of those that go on with one."""
    exact: set[str] = set()
    beginnings: set[str] = set()

    def add(text: str) -> None:
        for line in text.split("\n"):
            head = line.split("{{", 1)[0].split("{%", 1)[0]
            key = normalise_label(head)
            if key and head == line:
                exact.add(key)
            elif len(key) >= 2:
                beginnings.add(key)

    sections: list[tuple[str, str]] = []
    if layout.header:
        add(layout.header)
    previous = None
    for block in layout.blocks:
        if isinstance(block, (Paragraphs, Narrative)) and isinstance(previous, Paragraph) and \
                "{" not in previous.text and block.iterable.replace(".", "").replace(
                    "_", "").isalnum():
            sections.append((f"{block.iterable}[]", normalise_label(previous.text)))
        previous = block
        if isinstance(block, (Paragraph, Paragraphs)):
            add(block.text)
        elif isinstance(block, Contents):
            add(block.title)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    if isinstance(cell, str):
                        add(cell)
                    elif isinstance(cell, ListCell):
                        add(cell.text)
    return TemplateText(frozenset(exact), tuple(sorted(beginnings)), tuple(sections))
