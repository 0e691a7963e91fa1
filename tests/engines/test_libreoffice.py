"""Every registered form against the real LibreOffice: re-saves via .docx, .odt and .doc read
back equal; PDFs have pages, visible text and an embedded CJK font; .wps files are read."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import greendocs
from greendocs.engines.libreoffice import LibreOffice, find_soffice, installed_fonts
from greendocs.model.images import without_photo_bytes
from greendocs.parsing import OLE_MAGIC
from tests.samples import load_sample

needs_libreoffice = pytest.mark.skipif(
    find_soffice() is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui "
    "libreoffice-calc-nogui fonts-noto-cjk poppler-utils); these tests need the real program")

FORMS = [spec.id for spec in greendocs.forms()]


@pytest.fixture(scope="module")
def lo() -> Iterator[LibreOffice]:
    with LibreOffice() as office:
        yield office


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
    if via == "doc":  # Word 97 files hold the photos re-encoded: other bytes
        assert without_photo_bytes(parsed.model) == without_photo_bytes(form_sample)
    else:
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
    # a workbook lists the narrative's photos and holds none
    assert greendocs.parse(saved).model == without_photo_bytes(form_sample)


@needs_libreoffice
def test_doc_output_and_a_wps_file_are_read(tmp_path: Path, form_sample: Any) -> None:
    doc = greendocs.render(form_sample, "doc")
    assert doc.startswith(b"\xd0\xcf\x11\xe0")  # Word 97 binary
    wps = tmp_path / "filled-in-wps.wps"
    wps.write_bytes(doc)
    parsed = greendocs.parse_file(wps)
    # Word 97 files hold the photos re-encoded: the same photos, other bytes
    assert parsed.format == "wps"
    assert without_photo_bytes(parsed.model) == without_photo_bytes(form_sample)


needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None or
                                   shutil.which("pdffonts") is None,
                                   reason="poppler-utils is not installed")


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


def _glyph_probe(path: Path, font: str) -> Path:
    """A page with three characters whose Simplified Chinese and Japanese forms differ."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    run = document.add_paragraph().add_run("骨直角")
    run.font.size = Pt(72)
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    document.save(str(path))
    return path


@needs_libreoffice
@needs_poppler
@pytest.mark.skipif(not {"Noto Serif CJK SC", "Noto Serif CJK JP", "Noto Sans CJK SC",
                         "AR PL UKai CN"} <= (installed_fonts() or frozenset()),
                    reason="needs fonts-noto-cjk and fonts-arphic-ukai (./run test installs "
                    "them)")
def test_pdfs_draw_the_documents_fonts_with_simplified_chinese_faces(
        lo: LibreOffice, tmp_path: Path) -> None:
    fonts = {"fangsong": "仿宋", "heiti": "黑体", "kaiti": "楷体",
             "serif-sc": "Noto Serif CJK SC", "serif-jp": "Noto Serif CJK JP",
             "sans-sc": "Noto Sans CJK SC", "sans-jp": "Noto Sans CJK JP",
             "kai": "AR PL UKai CN"}
    probes = [_glyph_probe(tmp_path / f"{name}.docx", font) for name, font in fonts.items()]
    pages = {}
    for pdf in lo.convert_files(probes, "pdf", tmp_path / "pdf"):
        subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", str(pdf),
                        str(tmp_path / pdf.stem)], check=True)
        pages[pdf.stem] = next(tmp_path.glob(f"{pdf.stem}-*.pgm")).read_bytes()
    assert pages["fangsong"] == pages["serif-sc"] != pages["serif-jp"]
    assert pages["heiti"] == pages["sans-sc"] != pages["sans-jp"]
    assert pages["kaiti"] == pages["kai"] != pages["serif-sc"]
