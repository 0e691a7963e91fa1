"""Reading values back from a .docx: by bookmark, else by content-control tag, else by label.

The reader walks the XML itself rather than python-docx's paragraph API, which misses
text inside content controls; deleted text of tracked changes is ignored, inserted
text counts.
"""

from __future__ import annotations

import attrs
from lxml import etree

from ..markers.bookmark_names import FORM_PREFIX, PREFIX
from ..package.safe_xml import parse_xml
from ..package.safe_zip import read_members

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_T, _TAB, _BR, _CR, _P = W + "t", W + "tab", W + "br", W + "cr", W + "p"
_BM_START, _BM_END = W + "bookmarkStart", W + "bookmarkEnd"


@attrs.frozen
class DocxValues:
    """What a document holds: values by marker, label cells, and its first paragraphs."""

    form_id: str | None
    by_bookmark: dict[str, str]
    by_tag: dict[str, str]
    by_label: dict[str, str]
    first_paragraphs: tuple[str, ...]


def normalise_label(text: str) -> str:
    """A label as compared: no white space, no trailing colon."""
    return "".join(text.split()).rstrip(":：")


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
    """All marked values and label cells of the main document part."""
    members = read_members(data, source, ["word/document.xml"])
    if "word/document.xml" not in members:
        raise_not_word(source)
    root = parse_xml(members["word/document.xml"], f"{source}: word/document.xml")

    by_bookmark: dict[str, list[str]] = {}
    active: dict[str, list[str]] = {}
    form_id: str | None = None
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag == _T:
                if active:
                    for buf in active.values():
                        buf.append(el.text or "")
            elif tag == _BM_START:
                name = el.get(W + "name") or ""
                if name.startswith(FORM_PREFIX):
                    form_id = form_id or name[len(FORM_PREFIX):].replace("_", "-")
                elif name.startswith(PREFIX) and name not in by_bookmark:
                    buf: list[str] = []
                    by_bookmark[name] = buf
                    active[el.get(W + "id") or ""] = buf
            elif tag == _BM_END:
                active.pop(el.get(W + "id") or "", None)
            elif active and tag in (_TAB, _BR, _CR):
                for buf in active.values():
                    buf.append("\t" if tag == _TAB else "\n")
        elif tag == _P and active:
            for buf in active.values():
                buf.append("\n")

    by_tag: dict[str, str] = {}
    for sdt in root.iter(W + "sdt"):
        tag_el = sdt.find(f"{W}sdtPr/{W}tag")
        content = sdt.find(W + "sdtContent")
        if tag_el is None or content is None:
            continue
        name = tag_el.get(W + "val") or ""
        if name.startswith(PREFIX) and not name.startswith(FORM_PREFIX):
            by_tag.setdefault(name, _text_of(content))

    by_label: dict[str, str] = {}
    for tr in root.iter(W + "tr"):
        cells = [_text_of(tc) for tc in tr.iterchildren(W + "tc")]
        for label, value in zip(cells, cells[1:], strict=False):
            key = normalise_label(label)
            if key:
                by_label.setdefault(key, value)

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
                      by_tag, by_label, tuple(firsts))


def raise_not_word(source: str) -> None:
    from ..errors import ParseError

    raise ParseError(f"{source}: not a Word document (no word/document.xml)")
