"""Editing a .docx the way Word, WPS or LibreOffice leave it (test helper, no library code)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path


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


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(data: bytes, suffix: str, target: str) -> bytes:
    """Open *data* (a file with *suffix*) in LibreOffice headless and save it as *target*
    (``docx``, ``odt`` or ``doc``); the bytes LibreOffice wrote."""
    filters = {"docx": "docx:MS Word 2007 XML", "odt": "odt", "doc": "doc:MS Word 97"}
    exe = soffice()
    assert exe is not None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"in{suffix}"
        src.write_bytes(data)
        outdir = Path(tmp) / "out"
        subprocess.run([exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--norestore", "--convert-to", filters[target], "--outdir",
                        str(outdir), str(src)], check=True, capture_output=True, timeout=180)
        return (outdir / f"in.{target}").read_bytes()
