"""Reading a .docx back: its outline (paragraphs, tables, every bookmarked value and its
place), then values by content-control tag (documents of earlier versions) and by label.

The reader walks the XML itself rather than python-docx's paragraph API, which misses
text inside content controls; deleted text of tracked changes is ignored, inserted
text counts.
"""

from __future__ import annotations

import posixpath
from collections.abc import Container

import attrs
from lxml import etree

from ...markers.bookmark_names import FORM_PREFIX, PREFIX
from ...markers.labels import labels_beside
from ...markers.outline import Outline, OutlineBuilder
from ...package.safe_xml import parse_xml
from ...package.safe_zip import read_members
from .template import RELS_PART

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_T, _TAB, _BR, _CR, _P = W + "t", W + "tab", W + "br", W + "cr", W + "p"
_HYPHEN = W + "noBreakHyphen"  # a hyphen that never breaks a line (Ctrl+Shift+-)
_BM_START, _BM_END = W + "bookmarkStart", W + "bookmarkEnd"
_NAME, _ID, _TAG, _VAL = W + "name", W + "id", W + "tag", W + "val"
_TBL, _TR, _TC, _SPAN = W + "tbl", W + "tr", W + "tc", W + "gridSpan"
#: elements that wrap paragraphs, rows or cells without being one (content controls,
#: custom XML, tracked insertions, smart tags)
_WRAPPERS = frozenset(W + t for t in ("sdt", "sdtContent", "customXml", "ins", "smartTag",
                                      "moveTo"))
_RPR, _B = W + "rPr", W + "b"
#: a picture's image part, by its relationship
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


@attrs.frozen
class DocxValues:
    """What a document holds: its outline, its first paragraphs, and its XML.

    Values by content-control tag and by label are read only when bookmarks miss some.
    """

    form_id: str | None
    outline: Outline
    first_paragraphs: tuple[str, ...]
    root: etree._Element

    @property
    def by_bookmark(self) -> dict[str, str]:
        """The first text of each greendocs bookmark (copies' names taken back)."""
        return self.outline.first_values()

    def by_tag(self, skip: Container[str] = ()) -> dict[str, str]:
        """Values of greendocs content controls (by tag), except the names in *skip*."""
        out: dict[str, str] = {}
        for tag_el in self.root.iter(_TAG):
            name = tag_el.get(_VAL) or ""
            if not name.startswith(PREFIX) or name in skip or name.startswith(FORM_PREFIX):
                continue
            sdt_pr = tag_el.getparent()
            sdt = sdt_pr.getparent() if sdt_pr is not None else None
            content = sdt.find(W + "sdtContent") if sdt is not None else None
            if content is not None:
                out.setdefault(name, _text_of(content))
        return out

    def by_label(self) -> dict[str, str]:
        """For each table cell's text (normalised), the text of the cell to its right."""
        return labels_beside([_text_of(tc) for tc in tr.iterchildren(W + "tc")]
                             for tr in self.root.iter(W + "tr"))


_FLD_CHAR, _INSTR, _FLD_TYPE = W + "fldChar", W + "instrText", W + "fldCharType"


def _starts_contents(paragraph: etree._Element) -> bool:
    """Whether *paragraph* begins a TOC field (Word's and greendocs' 目录)."""
    return any((node.text or "").lstrip().startswith("TOC") for node in paragraph.iter(_INSTR))


def _fields_opened(paragraph: etree._Element) -> int:
    """Fields begun less fields ended in *paragraph*."""
    change = 0
    for node in paragraph.iter(_FLD_CHAR):
        kind = node.get(_FLD_TYPE)
        change += 1 if kind == "begin" else -1 if kind == "end" else 0
    return change


def _text_of(el: etree._Element) -> str:
    parts: list[str] = []
    for node in el.iter(_T, _TAB, _BR, _CR, _P, _HYPHEN):
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _HYPHEN:
            parts.append("-")
        elif tag == _P:
            if parts:
                parts.append("\n")
        else:
            parts.append("\n")
    return "".join(parts).replace("\u00a0", " ")  # a no-break space is the space typed


def read_docx_values(data: bytes, source: str) -> DocxValues:
    """All bookmarked values of the main document part, in one pass over the text nodes."""
    members = read_members(data, source, ["word/document.xml", RELS_PART])
    if "word/document.xml" not in members:
        raise_not_word(source)
    root = parse_xml(members["word/document.xml"], f"{source}: word/document.xml")
    walker = _Walker()
    body = root.find(W + "body")
    if body is not None:
        walker.blocks(body)
    if walker.pictures:  # the body's pictures: their image parts' bytes
        walker.out.images.update(_pictures(data, source, members.get(RELS_PART), walker.pictures))
    outline = walker.out.build()
    return DocxValues(outline.form_id, outline, outline.first_texts(), root)


class _Walker:
    """Reads the body in document order into an :class:`OutlineBuilder`."""

    def __init__(self) -> None:
        self.out = OutlineBuilder()
        self.contents = 0  # fields open in a table of contents (目录) being skipped
        self.pictures: set[str] = set()  # the relationships of the body's pictures

    def blocks(self, parent: etree._Element, body: bool = True) -> None:
        for el in parent:
            tag = el.tag
            # a 目录 is in the body, never in a table cell (whose paragraphs are many)
            if tag == _P and body and (self.contents or _starts_contents(el)):
                # a 目录 repeats headings and page numbers: no values, nothing typed (its
                # paragraphs are counted, so places number paragraphs as Word does)
                self.contents = max(0, self.contents + _fields_opened(el))
                self.out.paragraph_start()
                self.out.paragraph_end()
            elif tag == _P and body:
                self.out.paragraph_start()
                self.body_inline(el)
                self.out.paragraph_end()
            elif tag == _P:
                self.out.paragraph_start()
                self.inline(el)
                self.out.paragraph_end()
            elif tag == _TBL:
                self.out.table_start()
                self.rows(el)
                self.out.table_end()
            elif tag in _WRAPPERS:
                self.blocks(el, body)
            elif tag in (_BM_START, _BM_END):
                self.bookmark(el)

    def rows(self, parent: etree._Element) -> None:
        for el in parent:
            if el.tag == _TR:
                self.out.row_start()
                self.cells(el)
                self.out.row_end()
            elif el.tag in _WRAPPERS:
                self.rows(el)
            elif el.tag in (_BM_START, _BM_END):
                self.bookmark(el)

    def cells(self, parent: etree._Element) -> None:
        for el in parent:
            if el.tag == _TC:
                span = el.find(f"{W}tcPr/{_SPAN}")
                value = span.get(_VAL) if span is not None else None
                self.out.cell_start(int(value) if value and value.isdigit() else 1)
                self.blocks(el, body=False)
                self.out.cell_end()
            elif el.tag in _WRAPPERS:
                self.cells(el)
            elif el.tag in (_BM_START, _BM_END):
                self.bookmark(el)

    def inline(self, paragraph: etree._Element) -> None:
        # Tag-filtered iteration runs in C (text boxes' paragraphs count as this one's).
        for el in paragraph.iter(_T, _BM_START, _BM_END, _TAB, _BR, _CR, _HYPHEN, _BLIP):
            tag = el.tag
            if tag == _T:
                self.out.text(el.text or "")
            elif tag == _BLIP:  # a picture in a table's cell: not read, but said
                self.out.image(el.get(_EMBED) or "")
            elif tag == _TAB:
                self.out.text("\t")
            elif tag == _HYPHEN:
                self.out.text("-")
            elif tag in (_BR, _CR):
                if el.get(W + "type") != "page":
                    self.out.text("\n")
            else:
                self.bookmark(el)

    def body_inline(self, paragraph: etree._Element) -> None:
        """A body paragraph: as :meth:`inline`, with each text's bold and the pictures."""
        for el in paragraph.iter(_T, _BM_START, _BM_END, _TAB, _BR, _CR, _HYPHEN, _BLIP):
            tag = el.tag
            if tag == _T:
                self.out.text(el.text or "", _in_bold_run(el))
            elif tag == _BLIP:
                rid = el.get(_EMBED)
                if rid:
                    self.pictures.add(rid)
                    self.out.image(rid, _printed_width(el))
            elif tag == _TAB:
                self.out.text("\t", _in_bold_run(el))
            elif tag == _HYPHEN:
                self.out.text("-", _in_bold_run(el))
            elif tag in (_BR, _CR):
                if el.get(W + "type") != "page":
                    self.out.text("\n", _in_bold_run(el))
            else:
                self.bookmark(el)

    def bookmark(self, el: etree._Element) -> None:
        if el.tag == _BM_END:
            self.out.bookmark_end(el.get(_ID) or "")
            return
        self.out.bookmark_start(el.get(_ID) or "", el.get(_NAME) or "")


def _in_bold_run(el: etree._Element) -> bool:
    """Whether *el* (a run's text, tab, break) is in a run set bold."""
    run = el.getparent()
    props = run.find(_RPR) if run is not None else None
    bold = props.find(_B) if props is not None else None
    return bold is not None and bold.get(_VAL) not in ("0", "false", "off")


def _printed_width(blip: etree._Element) -> float | None:
    """The printed width (mm) of the picture *blip* shows: its drawing's extent."""
    for up in blip.iterancestors(_WP + "inline", _WP + "anchor"):
        extent = up.find(_WP + "extent")
        cx = extent.get("cx") if extent is not None else None
        return int(cx) / 36000 if cx and cx.isdigit() else None
    return None


def _pictures(data: bytes, source: str, rels: bytes | None,
              wanted: set[str]) -> dict[str, bytes]:
    """The bytes of the image parts the relationships *wanted* name."""
    if rels is None:
        return {}
    targets: dict[str, str] = {}
    for rel in parse_xml(rels, f"{source}: {RELS_PART}").iter(_REL):
        rid, target = rel.get("Id"), rel.get("Target") or ""
        if rid in wanted and rel.get("TargetMode") != "External":
            name = posixpath.normpath(posixpath.join("word", target)).lstrip("/")
            targets[rid] = target[1:] if target.startswith("/") else name
    parts = read_members(data, source, set(targets.values()))
    return {rid: parts[name] for rid, name in targets.items() if name in parts}


def raise_not_word(source: str) -> None:
    from ...errors import ParseError

    raise ParseError(f"{source}: not a Word document (no word/document.xml)",
                     zh="不是Word文档（缺少word/document.xml）")
