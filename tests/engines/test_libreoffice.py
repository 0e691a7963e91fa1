"""Every registered form against the real LibreOffice: re-saves via .docx, .odt and .doc read
back equal; PDFs have pages, visible text and an embedded CJK font; .wps files are read."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import greendocs
from greendocs.demo import pdf_pages
from greendocs.engines.libreoffice import LibreOffice, find_soffice
from greendocs.parsing import OLE_MAGIC
from tests.samples import load_sample

needs_libreoffice = pytest.mark.skipif(
    find_soffice() is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui "
    "libreoffice-calc-nogui fonts-noto-cjk poppler-utils); these tests need the real program")

FORMS = [spec.id for spec in greendocs.forms()]


@pytest.fixture(scope="module")
def lo() -> LibreOffice:
    return LibreOffice()


@pytest.fixture(scope="module", params=FORMS)
def form_sample(request: pytest.FixtureRequest) -> Any:
    spec = greendocs.forms().get(request.param)
    # as a document states it (computed totals filled in), so it reads back equal
    return spec.as_rendered(load_sample(spec.id))


@needs_libreoffice
@pytest.mark.parametrize("via", ["docx", "odt", "doc"])
def test_docx_saved_by_libreoffice_reads_back_equal(lo: LibreOffice, form_sample: Any,
                                                    via: str) -> None:
    saved = lo.convert(greendocs.render(form_sample, "docx"), ".docx", via)
    back = saved if via == "docx" else lo.convert(saved, f".{via}", "docx")
    parsed = greendocs.parse(back, source=f"via-{via}.docx")
    assert parsed.model == form_sample
    assert parsed.found_by["bookmark"] > 0


@needs_libreoffice
@pytest.mark.parametrize("via", ["odt", "docx"])
def test_odt_saved_by_libreoffice_reads_back_equal(lo: LibreOffice, form_sample: Any,
                                                   via: str) -> None:
    saved = lo.convert(greendocs.render(form_sample, "odt"), ".odt", via)
    parsed = greendocs.parse(saved, source=f"odt-via-{via}")
    assert parsed.format == via and parsed.model == form_sample


@needs_libreoffice
def test_xlsx_saved_by_libreoffice_calc_reads_back_equal(lo: LibreOffice,
                                                         form_sample: Any) -> None:
    saved = lo.convert(greendocs.render(form_sample, "xlsx"), ".xlsx", "xlsx")
    assert greendocs.parse(saved).model == form_sample


@needs_libreoffice
def test_doc_output_and_a_wps_file_are_read(tmp_path: Path, form_sample: Any) -> None:
    doc = greendocs.render(form_sample, "doc")
    assert doc.startswith(b"\xd0\xcf\x11\xe0")  # Word 97 binary
    wps = tmp_path / "filled-in-wps.wps"
    wps.write_bytes(doc)
    parsed = greendocs.parse_file(wps)
    assert parsed.format == "wps" and parsed.model == form_sample


needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None or
                                   shutil.which("pdffonts") is None,
                                   reason="poppler-utils is not installed")


@needs_libreoffice
@needs_poppler
def test_pdf_has_pages_visible_text_and_an_embedded_cjk_font(tmp_path: Path,
                                                             form_sample: Any) -> None:
    pdf = tmp_path / "form.pdf"
    greendocs.render_file(form_sample, pdf)
    assert 1 <= pdf_pages(pdf.read_bytes()) <= 20
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "p")], check=True)
    pgm = next(tmp_path.glob("p*.pgm")).read_bytes()
    # P5 header: magic, width height, maxval, then one byte a pixel
    fields = pgm.split(maxsplit=4)
    pixels = fields[4]
    dark = sum(1 for b in pixels if b < 128)
    assert dark / len(pixels) > 0.005, "page 1 looks blank"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    cjk = [f for f in fonts if "CJK" in f or "Hei" in f or "Song" in f or "Fang" in f]
    assert cjk and all(f.split()[-5] == "yes" for f in cjk), fonts  # embedded
    # every glyph is there: the Chinese text comes back out of the PDF as typed
    text = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    spec = greendocs.forms().for_model(form_sample)
    assert spec.title_zh in "".join(text.split())
    assert "\ufffd" not in text


@needs_libreoffice
def test_a_batch_is_converted_by_one_process(lo: LibreOffice, tmp_path: Path,
                                             form_sample: Any) -> None:
    files = []
    for i in range(3):
        f = tmp_path / f"form{i}.docx"
        f.write_bytes(greendocs.render(form_sample, "docx"))
        files.append(f)
    out = lo.convert_files(files, "odt", tmp_path / "odt")
    assert [p.name for p in out] == ["form0.odt", "form1.odt", "form2.odt"]
    assert all(greendocs.parse_file(p).model == form_sample for p in out)


def test_missing_libreoffice_says_how_to_install(monkeypatch: pytest.MonkeyPatch,
                                                 sample: Any) -> None:
    monkeypatch.setenv("GREENDOCS_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(greendocs.ConversionError, match="apt-get install libreoffice"):
        greendocs.Renderer().render(sample, "pdf")
    with pytest.raises(greendocs.ParseError, match=r"x\.doc: a \.doc file is read through "
                       "LibreOffice: LibreOffice is not installed"):
        word97 = OLE_MAGIC + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(100)
        greendocs.parse(word97, source="x.doc")


def test_the_font_replacement_table_maps_missing_chinese_fonts_to_sc_faces() -> None:
    from greendocs.engines.libreoffice import profile_settings

    noto = frozenset({"Noto Serif CJK SC", "Noto Sans CJK SC"})
    xcu = profile_settings(noto)
    assert "<value>仿宋</value></prop><prop oor:name=\"SubstituteFont\" oor:op=\"fuse\">" \
           "<value>Noto Serif CJK SC</value>" in xcu
    assert "<value>黑体</value></prop><prop oor:name=\"SubstituteFont\" oor:op=\"fuse\">" \
           "<value>Noto Sans CJK SC</value>" in xcu
    # a machine with the real 仿宋 keeps it; one without Noto gets no replacement to it
    assert "<value>仿宋</value>" not in profile_settings(noto | {"仿宋"})
    assert "<value>仿宋</value>" not in profile_settings(frozenset())
