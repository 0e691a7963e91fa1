"""Reading an .odt back (ours, or a .docx LibreOffice saved as .odt): its outline
(paragraphs, tables, every bookmarked value and its place), else values by the label cell
beside them."""

from __future__ import annotations

from collections.abc import Container

import attrs
from lxml import etree

from ...errors import ParseError
from ...markers.bookmark_names import FORM_PREFIX, PREFIX
from ...markers.labels import labels_beside
from ...markers.outline import Outline, OutlineBuilder
from ...package.safe_xml import parse_xml
from ...package.safe_zip import read_members

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_P, _H, _S, _TAB, _BR = TEXT + "p", TEXT + "h", TEXT + "s", TEXT + "tab", TEXT + "line-break"
_BM, _BM_START, _BM_END = TEXT + "bookmark", TEXT + "bookmark-start", TEXT + "bookmark-end"
_NAME = TEXT + "name"
# Elements whose character data is document text (not styles, not annotations' metadata).
_TEXTUAL = frozenset({*(TEXT + t for t in ("p", "h", "span", "a", "meta", "ruby-base",
                                           "bookmark-ref", "soft-page-break")),
                      "{urn:org:documentfoundation:names:experimental:office:xmlns:"
                      "loext:1.0}content-control"})
_SKIP = frozenset({TEXT + "note-citation", OFFICE + "annotation", TEXT + "tracked-changes",
                   TEXT + "table-of-content"})
_TABLE, _ROW, _CELL, _COVERED = (TABLE + "table", TABLE + "table-row", TABLE + "table-cell",
                                 TABLE + "covered-table-cell")
#: elements that hold paragraphs or rows without being one
_BLOCK_WRAPPERS = frozenset({TEXT + "list", TEXT + "list-item", TEXT + "list-header",
                             TEXT + "section", TABLE + "table-header-rows",
                             TABLE + "table-rows", TABLE + "table-row-group"})
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


class _Walker:
    """Collects the text of each greendocs bookmark in one pass, in document order."""

    def __init__(self) -> None:
        self.values: dict[str, list[str]] = {}
        self.active: dict[str, list[str]] = {}
        self.form_id: str | None = None

    def emit(self, text: str) -> None:
        for buf in self.active.values():
            buf.append(text)

    def walk(self, el: etree._Element) -> None:
        tag = el.tag
        if tag in _SKIP:
            return
        if tag in (_BM_START, _BM):
            name = el.get(_NAME) or ""
            if name.startswith(FORM_PREFIX):
                self.form_id = self.form_id or name[len(FORM_PREFIX):].replace("_", "-")
            elif name.startswith(PREFIX) and name not in self.values and tag == _BM_START:
                self.values[name] = self.active[name] = []
            elif name.startswith(PREFIX) and tag == _BM:
                self.values.setdefault(name, [])
        elif tag == _BM_END:
            self.active.pop(el.get(_NAME) or "", None)
        elif tag == _S:
            self.emit(" " * int(el.get(TEXT + "c") or 1))
        elif tag == _TAB:
            self.emit("\t")
        elif tag == _BR or (tag in (_P, _H) and self.active):
            self.emit("\n")
        textual = tag in _TEXTUAL
        if textual and el.text and self.active:
            self.emit(el.text)
        for child in el:
            self.walk(child)
            if textual and child.tail and self.active:
                self.emit(child.tail)


def _text_of(el: etree._Element) -> str:
    w = _Walker()
    buf: list[str] = []
    w.active["_"] = buf
    w.walk(el)
    return "".join(buf).strip("\n").replace("\u2011", "-").replace("\u00a0", " ")


class _OutlineWalker:
    """Reads the body in document order into an :class:`OutlineBuilder`."""

    def __init__(self) -> None:
        self.out = OutlineBuilder()

    def blocks(self, parent: etree._Element) -> None:
        for el in parent:
            tag = el.tag
            if tag in (_P, _H):
                self.out.paragraph_start()
                self.inline(el)
                self.out.paragraph_end()
            elif tag == _TABLE:
                self.out.table_start()
                self.blocks(el)
                self.out.table_end()
            elif tag == _ROW:
                self.out.row_start()
                self.blocks(el)
                self.out.row_end()
            elif tag in (_CELL, _COVERED):
                span = el.get(TABLE + "number-columns-spanned")
                self.out.cell_start(int(span) if span and span.isdigit() else 1)
                self.blocks(el)
                self.out.cell_end()
            elif tag in _BLOCK_WRAPPERS:
                self.blocks(el)
            elif tag in (_BM, _BM_START, _BM_END):
                self.bookmark(el)
            # anything else — a table of contents (目录) among them — holds no values

    def inline(self, el: etree._Element) -> None:
        """The text of a paragraph's content: the character data of text elements (spans,
        links, content controls), never of annotations or notes' citations."""
        textual = el.tag in _TEXTUAL
        if textual and el.text:
            self.out.text(el.text)
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                pass
            elif tag == _S:
                self.out.text(" " * int(child.get(TEXT + "c") or 1))
            elif tag == _TAB:
                self.out.text("\t")
            elif tag == _BR:
                self.out.text("\n")
            elif tag in (_BM, _BM_START, _BM_END):
                self.bookmark(child)
            else:
                self.inline(child)
            if textual and child.tail:
                self.out.text(child.tail)

    def bookmark(self, el: etree._Element) -> None:
        name = el.get(_NAME) or ""
        if el.tag == _BM_END:
            self.out.bookmark_end(name)
        elif el.tag == _BM:
            self.out.collapsed_bookmark(name)
        else:
            self.out.bookmark_start(name, name)


@attrs.frozen
class OdtValues:
    """What an .odt holds: its outline, its first paragraphs, and its XML."""

    form_id: str | None
    outline: Outline
    first_paragraphs: tuple[str, ...]
    root: etree._Element

    @property
    def by_bookmark(self) -> dict[str, str]:
        """The first text of each greendocs bookmark (copies' names taken back)."""
        return self.outline.first_values()

    def by_tag(self, skip: Container[str] = ()) -> dict[str, str]:
        """ODF has no tagged controls that survive editing; always empty."""
        return {}

    def by_label(self) -> dict[str, str]:
        """For each table cell's text (normalised), the text of the cell to its right."""
        return labels_beside([_text_of(c) for c in row.iterchildren(TABLE + "table-cell")]
                             for row in self.root.iter(TABLE + "table-row"))


def read_odt_values(data: bytes, source: str) -> OdtValues:
    """All bookmarked values of an .odt's content."""
    members = read_members(data, source, ["mimetype", "content.xml"])
    if members.get("mimetype", b"").strip() != ODT_MIMETYPE or "content.xml" not in members:
        raise ParseError(f"{source}: not an OpenDocument text (.odt) document",
                         zh="不是OpenDocument文本（.odt）文档")
    root = parse_xml(members["content.xml"], f"{source}: content.xml")
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise ParseError(f"{source}: the .odt has no text body", zh=".odt文档没有正文")
    walker = _OutlineWalker()
    walker.blocks(body)
    outline = walker.out.build()
    return OdtValues(outline.form_id, outline, outline.first_texts(), root)
