"""Untrusted documents: damaged, foreign, oversized and hostile files fail cleanly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import greendocs
from greendocs.cli import main
from tests.docx_edit import edit_document_xml
from tests.samples import sample_path


def test_truncated_docx_is_a_one_line_parse_error(sample_docx: bytes) -> None:
    with pytest.raises(greendocs.ParseError) as info:
        greendocs.parse(sample_docx[: len(sample_docx) // 2], source="half.docx")
    assert str(info.value).startswith("half.docx: the document is damaged or truncated")
    assert "\n" not in str(info.value)


def test_non_zip_file_is_refused_by_content_not_name() -> None:
    with pytest.raises(greendocs.ParseError, match=r"^notes\.docx: not a form document"):
        greendocs.parse(b"just some text, renamed to .docx", source="notes.docx")


def test_zip_bomb_stops_at_the_limit_without_expanding(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    chunk = bytes(1 << 20)
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(1024):  # 1 GiB of zeros
                member.write(chunk)
    assert bomb.stat().st_size < 3 * 1024 * 1024  # tiny on disk
    with pytest.raises(greendocs.UnsafeDocumentError, match="zip bomb"):
        greendocs.parse_file(bomb)


def test_entity_expansion_is_refused(sample_docx: bytes) -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')

    def edit(xml: str) -> str:
        return laughs + xml.split("?>", 1)[1]

    with pytest.raises(greendocs.UnsafeDocumentError, match="DTD or entities"):
        greendocs.parse(edit_document_xml(sample_docx, edit))


def test_too_many_parts_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(5001):
            zf.writestr(f"p{i}", b"")
    with pytest.raises(greendocs.UnsafeDocumentError, match="5,001 parts"):
        greendocs.parse(buf.getvalue(), source="many.docx")


@pytest.mark.parametrize(("old", "new", "message"), [
    ("91440606MA4UQX8K8B", "91440606MA4UQX8K8C",
     "factory.credit_code: '91440606MA4UQX8K8C' has a wrong check character 'C', expected 'B'"),
    ("region: 广东", "region: 粤东", "factory.region: '粤东' is not one of the 37 submitting"),
    ("2020: 94.1", "2020: 120", "indicators[8].values[2020]: 120 % is not a share"),
    ("name: 岭南绿源电器制造有限公司", 'name: "岭南\\x0b绿源"',
     "factory.name: '岭南\\x0b绿源' contains the control character U+000B"),
])
def test_a_bad_input_gives_a_clear_error_and_no_output_file(
        tmp_path: Path, old: str, new: str, message: str) -> None:
    bad = tmp_path / "bad.yaml"
    src = sample_path("factory-dynamic").read_text(encoding="utf-8")
    assert old in src
    bad.write_text(src.replace(old, new), encoding="utf-8")
    for fmt in ("docx", "xlsx"):
        out = tmp_path / f"out.{fmt}"
        result = CliRunner().invoke(main, ["render", str(bad), "-o", str(out)])
        assert result.exit_code == 1
        assert message in result.stderr
        assert "Traceback" not in result.output
        assert list(tmp_path.iterdir()) == [bad]


def test_output_is_never_written_over_the_input(tmp_path: Path, sample: Any) -> None:
    target = tmp_path / "in.docx"
    target.write_bytes(b"original")
    with pytest.raises(greendocs.OutputError, match="refusing to overwrite the input"):
        greendocs.Renderer().render_file(sample, target, inputs=[target])
    assert target.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == ["in.docx"]


def _docx_with(document_xml: bytes) -> bytes:
    import io as _io
    import zipfile as _zipfile

    from tests.samples import template_path

    source = _zipfile.ZipFile(template_path("factory-dynamic"))
    out = _io.BytesIO()
    with _zipfile.ZipFile(out, "w", _zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            body = document_xml if info.filename == "word/document.xml" else \
                source.read(info.filename)
            z.writestr(info.filename, body)
    return out.getvalue()


def test_millions_of_empty_paragraphs_are_refused_before_parsing() -> None:
    import time as _time

    body = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
            b'main"><w:body>' + b"<w:p/>" * 3_000_000 + b"</w:body></w:document>")
    data = _docx_with(body)
    assert len(data) < 1_000_000  # a small file …
    started = _time.perf_counter()
    with pytest.raises(greendocs.UnsafeDocumentError, match="more than 2,000,000 XML elements"):
        greendocs.parse(data)
    assert _time.perf_counter() - started < 2  # … refused at once


@pytest.mark.parametrize("where", ["utf-16", "after a long comment"])
def test_a_dtd_anywhere_is_refused_by_the_parser(where: str) -> None:
    dtd = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    doc = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
           'main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
    if where == "utf-16":
        xml = ('<?xml version="1.0" encoding="UTF-16"?>' + dtd + doc).encode("utf-16")
    else:
        xml = ('<?xml version="1.0"?><!--' + "x" * 70_000 + "-->" + dtd + doc).encode()
    with pytest.raises(greendocs.UnsafeDocumentError, match="DTD"):
        greendocs.parse(_docx_with(xml))
