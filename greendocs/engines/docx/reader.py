"""Reading values back from a .docx: by bookmark, else by content-control tag, else by label.

The reader walks the XML itself rather than python-docx's paragraph API, which misses
text inside content controls; deleted text of tracked changes is ignored, inserted
text counts.
"""

from __future__ import annotations

from collections.abc import Container

import attrs
from lxml import etree

from ...markers.bookmark_names import FORM_PREFIX, PREFIX
from ...markers.labels import labels_beside
from ...package.safe_xml import parse_xml
from ...package.safe_zip import read_members

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_T, _TAB, _BR, _CR, _P = W + "t", W + "tab", W + "br", W + "cr", W + "p"
_BM_START, _BM_END = W + "bookmarkStart", W + "bookmarkEnd"
_NAME, _ID, _TAG, _VAL = W + "name", W + "id", W + "tag", W + "val"


@attrs.frozen
class DocxValues:
    """What a document holds: values by bookmark, its first paragraphs, and its XML.

    Values by content-control tag and by label are read only when bookmarks miss some.
    """

    form_id: str | None
    by_bookmark: dict[str, str]
    first_paragraphs: tuple[str, ...]
    root: etree._Element

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


def _text_of(el: etree._Element) -> str:
    parts: list[str] = []
    for node in el.iter(_T, _TAB, _BR, _CR, _P):
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _P:
            if parts:
                parts.append("\n")
        else:
            parts.append("\n")
    return "".join(parts)


def read_docx_values(data: bytes, source: str) -> DocxValues:
    """All bookmarked values of the main document part, in one pass over the text nodes."""
    members = read_members(data, source, ["word/document.xml"])
    if "word/document.xml" not in members:
        raise_not_word(source)
    root = parse_xml(members["word/document.xml"], f"{source}: word/document.xml")

    by_bookmark: dict[str, list[str]] = {}
    active: dict[str, list[str]] = {}
    form_id: str | None = None
    # Tag-filtered iteration runs in C; a paragraph start while a bookmark is open means
    # the value goes on in a new paragraph.
    for el in root.iter(_T, _BM_START, _BM_END, _TAB, _BR, _CR, _P):
        tag = el.tag
        if tag == _T:
            if active:
                text = el.text or ""
                for buf in active.values():
                    buf.append(text)
        elif tag == _BM_START:
            name = el.get(_NAME) or ""
            if name.startswith(FORM_PREFIX):
                form_id = form_id or name[len(FORM_PREFIX):].replace("_", "-")
            elif name.startswith(PREFIX) and name not in by_bookmark:
                collected: list[str] = []
                by_bookmark[name] = collected
                active[el.get(_ID) or ""] = collected
        elif tag == _BM_END:
            if active:
                active.pop(el.get(_ID) or "", None)
        elif active:
            sep = "\t" if tag == _TAB else "\n"
            for buf in active.values():
                buf.append(sep)

    body = root.find(W + "body")
    firsts: list[str] = []
    if body is not None:
        for p in body.iterchildren(_P):
            text = "".join(_text_of(p).split())
            if text:
                firsts.append(text)
            if len(firsts) >= 5:
                break
    return DocxValues(form_id, {k: "".join(v).strip("\n") for k, v in by_bookmark.items()},
                      tuple(firsts), root)


def raise_not_word(source: str) -> None:
    from ...errors import ParseError

    raise ParseError(f"{source}: not a Word document (no word/document.xml)",
                     zh="不是Word文档（缺少word/document.xml）")
