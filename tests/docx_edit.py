"""Editing a .docx the way Word, WPS or LibreOffice leave it (test helper, no library code)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable


def edit_document_xml(data: bytes, edit: Callable[[str], str]) -> bytes:
    """The .docx *data* with word/document.xml passed through *edit*."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "word/document.xml":
                body = edit(body.decode("utf-8")).encode("utf-8")
            dst.writestr(info, body)
    return out.getvalue()


def strip_content_controls(xml: str) -> str:
    return re.sub(r"<w:sdt><w:sdtPr>.*?</w:sdtPr><w:sdtContent>(.*?)</w:sdtContent></w:sdt>",
                  r"\1", xml, flags=re.DOTALL)


def strip_bookmarks(xml: str) -> str:
    return re.sub(r"<w:bookmark(Start|End)[^>]*/>", "", xml)


def docx_text(data: bytes) -> str:
    """Each paragraph's text, values inside content controls included (python-docx's
    ``paragraph.text`` skips them), one per line."""
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    xml = xml.replace("<w:noBreakHyphen/>", "<w:t>-</w:t>").replace("\u00a0", " ")  # as shown
    return "\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", para))
                     for para in re.findall(r"<w:p[ >].*?</w:p>", xml, re.DOTALL))
