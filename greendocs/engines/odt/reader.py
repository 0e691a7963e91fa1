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
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_FO_WEIGHT = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}font-weight"
_SPAN, _STYLE_NAME = TEXT + "span", TEXT + "style-name"
_IMAGE = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}image"
_HREF = "{http://www.w3.org/1999/xlink}href"
_FRAME = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame"
_SVG_WIDTH = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}width"
_MM_PER = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72, "pc": 25.4 / 6}


def length_mm(length: str) -> float | None:
    """An ODF length (``120.00mm``, ``4.72in``, ``12cm``) in mm, or None."""
    for unit, factor in _MM_PER.items():
        if length.endswith(unit):
            try:
                return float(length[: -len(unit)]) * factor
            except ValueError:
                return None
    return None


def bold_text_styles(*roots: etree._Element) -> frozenset[str]:
    """The names of the text styles (automatic or common) that set bold type."""
    names = set()
    for root in roots:
        for style in root.iter(STYLE + "style"):
            if style.get(STYLE + "family") != "text":
                continue
            props = style.find(STYLE + "text-properties")
            weight = props.get(_FO_WEIGHT) if props is not None else None
            if weight == "bold" or ((weight or "").isdigit() and int(weight or 0) >= 600):
                names.add(style.get(STYLE + "name") or "")
    return frozenset(names)


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

    def __init__(self, bold: frozenset[str] = frozenset()) -> None:
        self.out = OutlineBuilder()
        self.bold_styles = bold  # text styles that set bold type
        self.cells = 0  # the depth of table cells being read
        #: the covered cells still to come of the row's last cell spanning columns: part of
        #: that cell, no column of their own (a covered cell below a cell spanning rows is)
        self.covered = 0
        self.pictures: set[str] = set()  # the files of the body's pictures

    def blocks(self, parent: etree._Element) -> None:
        for el in parent:
            tag = el.tag
            if tag in (_P, _H):
                self.out.paragraph_start()
                self.inline(el, False)
                self.out.paragraph_end()
            elif tag == _TABLE:
                self.out.table_start()
                self.blocks(el)
                self.out.table_end()
            elif tag == _ROW:
                self.covered = 0
                self.out.row_start()
                self.blocks(el)
                self.out.row_end()
            elif tag == _COVERED and self.covered:
                self.covered -= 1  # covered by the cell before it, which spans its column
            elif tag in (_CELL, _COVERED):
                text = el.get(TABLE + "number-columns-spanned")
                span = int(text) if text and text.isdigit() and int(text) > 0 else 1
                self.out.cell_start(span)
                self.cells += 1
                self.blocks(el)  # (a table inside the cell has rows of its own)
                self.cells -= 1
                self.out.cell_end()
                self.covered = span - 1
            elif tag in _BLOCK_WRAPPERS:
                self.blocks(el)
            elif tag in (_BM, _BM_START, _BM_END):
                self.bookmark(el)
            # anything else — a table of contents (目录) among them — holds no values

    def inline(self, el: etree._Element, bold: bool) -> None:
        """The text of a paragraph's content: the character data of text elements (spans,
        links, content controls), never of annotations or notes' citations; in the body's
        paragraphs, with its bold (a span of a bold style) and its pictures."""
        textual = el.tag in _TEXTUAL
        if el.tag == _SPAN and not self.cells and el.get(_STYLE_NAME) in self.bold_styles:
            bold = True
        if textual and el.text:
            self.out.text(el.text, bold)
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                pass
            elif tag == _IMAGE:
                href = child.get(_HREF) or ""
                if href and self.cells:  # in a table's cell: not read, but said
                    self.out.image(href)
                elif href and "://" not in href:
                    self.pictures.add(href)
                    self.out.image(href, length_mm(el.get(_SVG_WIDTH) or "")
                                   if el.tag == _FRAME else None)
            elif tag == _S:
                self.out.text(" " * int(child.get(TEXT + "c") or 1), bold)
            elif tag == _TAB:
                self.out.text("\t", bold)
            elif tag == _BR:
                self.out.text("\n", bold)
            elif tag in (_BM, _BM_START, _BM_END):
                self.bookmark(child)
            else:
                self.inline(child, bold)
            if textual and child.tail:
                self.out.text(child.tail, bold)

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
    members = read_members(data, source, ["mimetype", "content.xml", "styles.xml"])
    if members.get("mimetype", b"").strip() != ODT_MIMETYPE or "content.xml" not in members:
        raise ParseError(f"{source}: not an OpenDocument text (.odt) document",
                         zh="不是OpenDocument文本（.odt）文档")
    root = parse_xml(members["content.xml"], f"{source}: content.xml")
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise ParseError(f"{source}: the .odt has no text body", zh=".odt文档没有正文")
    styles = [root]
    if "styles.xml" in members:
        styles.append(parse_xml(members["styles.xml"], f"{source}: styles.xml"))
    walker = _OutlineWalker(bold_text_styles(*styles))
    walker.blocks(body)
    if walker.pictures:  # the body's pictures: their files' bytes
        found = read_members(data, source, {p.removeprefix("./") for p in walker.pictures})
        walker.out.images.update({p: found[p.removeprefix("./")] for p in walker.pictures
                                  if p.removeprefix("./") in found})
    outline = walker.out.build()
    return OdtValues(outline.form_id, outline, outline.first_texts(), root)
