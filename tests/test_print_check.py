"""The print check: every registered form's sample, rendered to PDF by the real LibreOffice,
read with poppler as a person reads the printed pages.

One LibreOffice process converts all forms; each form is then checked for what an office
would refuse: a credit code, date, score or indicator number broken over two lines in a
table, a Latin word that the input did not hold (English notes, internal keys), a page
number or running header on the cover, a blank page, a CJK face other than the Simplified
Chinese ones. The pages are kept as PNGs in ``out/print-check/<form>/`` for a person to
look at (CI keeps ``out/`` as its artifacts).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest

import greendocs
from greendocs.engines.libreoffice import find_soffice
from tests.samples import sample_path

pytestmark = pytest.mark.skipif(
    find_soffice() is None or shutil.which("pdftotext") is None,
    reason="the print check needs LibreOffice and poppler-utils (apt-get install "
    "libreoffice-writer-nogui fonts-noto-cjk poppler-utils)")

FORMS = [spec.id for spec in greendocs.forms()]
PNG_FOLDER = Path(__file__).resolve().parent.parent / "out" / "print-check"

#: values that must stay on one line in a table cell
_UNBREAKABLE = re.compile(
    r"(?<![0-9A-Za-z.])(?:"
    r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}"  # 统一社会信用代码
    r"|\d{4}年\d{1,2}月(?:\d{1,2}日)?"  # a date
    r"|[A-Z]{1,3}\d+(?:\.\d+)+|[A-Z]{1,2}\d{1,3}"  # an indicator number: G1.1.1, X11, B8
    r"|\d+(?:\.\d+)?/\d+(?:\.\d+)?"  # a score out of its maximum
    r"|\d{3,4}-\d{7,8}|1\d{10}"  # a telephone number
    r")(?![0-9A-Za-z])")
#: Latin words that may stand in an official document although no input holds them
_LATIN_ALLOWED = frozenset({"ISO", "GB", "GBT"})


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=120).stdout


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each form's sample as a PDF (``pdf/<form>.pdf``, its .docx beside the folder), all
    converted by one LibreOffice process."""
    folder = tmp_path_factory.mktemp("print")
    models = [greendocs.load_file(sample_path(form)) for form in FORMS]
    for form, model in zip(FORMS, models, strict=True):
        greendocs.render_file(model, folder / f"{form}.docx")
    pdfs = greendocs.Renderer().render_pdfs(models, folder / "pdf", names=FORMS)
    return {path.stem: path for path in pdfs}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif value is not None:
        yield str(value)


def _table_cells(path: Path) -> Iterator[str]:
    document = docx.Document(str(path))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    yield paragraph.text


def _pages(pdf: Path) -> list[str]:
    return _run("pdftotext", "-layout", str(pdf), "-").split("\f")


@pytest.mark.parametrize("form", FORMS)
def test_values_in_tables_are_never_broken_over_lines(printed: dict[str, Path],
                                                      form: str) -> None:
    # the space put between Chinese and Latin letters or digits is not a cell's edge
    lines = [re.sub(r"(?<=[\u3000-\u9fff]) (?=\S)|(?<=\S) (?=[\u3000-\u9fff])", "", line)
             for page in _pages(printed[form]) for line in page.splitlines()]
    expected = {text.strip() for text in _table_cells(printed[form].parent.parent /
                                                      f"{form}.docx")
                if _UNBREAKABLE.fullmatch(text.strip())}
    assert expected
    broken = sorted(value for value in expected
                    if not any(re.search(rf"(?<![0-9A-Za-z.]){re.escape(value)}"
                                         r"(?![0-9A-Za-z])", line) for line in lines))
    assert not broken, f"{form}: broken over lines in the PDF: {broken}"


@pytest.mark.parametrize("form", FORMS)
def test_no_latin_words_but_those_of_the_input(printed: dict[str, Path], form: str) -> None:
    import yaml

    data = yaml.safe_load(sample_path(form).read_text(encoding="utf-8"))
    # Latin words of what a person typed (names, addresses, codes, e-mail), never a key
    # such as an indicator system's id (gbt36132-2018, general)
    typed = {w.lower() for s in _strings(data) if not re.fullmatch(r"[a-z][a-z0-9.-]*", s)
             for w in re.findall(r"[A-Za-z]+", s)}
    text = "\n".join(_pages(printed[form]))
    words = {w for w in re.findall(r"[A-Za-z]{5,}", text)
             if w.lower() not in typed and w.upper() not in _LATIN_ALLOWED}
    assert not words, f"{form}: Latin words no input holds are printed: {sorted(words)}"


@pytest.mark.parametrize("form", FORMS)
def test_a_cover_carries_no_page_number_or_running_header(printed: dict[str, Path],
                                                          form: str) -> None:
    layout = greendocs.forms().get(form).layout
    assert layout is not None
    pages = _pages(printed[form])
    numbered = [i + 1 for i, page in enumerate(pages) if re.search(r"—\s*\d+\s*—", page)]
    if not layout().has_cover:
        assert numbered == list(range(1, len(pages) + (pages[-1].strip() != "")))
        return
    cover = pages[0]
    assert not re.search(r"—\s*\d+\s*—", cover), f"{form}: the cover has a page number"
    header = layout().header
    if header:
        assert header not in cover.split("\n", 3)[0], f"{form}: the cover has the header"
    assert 1 not in numbered and 2 in numbered


@pytest.mark.parametrize("form", FORMS)
def test_every_page_is_printed_and_kept_as_png(printed: dict[str, Path], form: str) -> None:
    folder = PNG_FOLDER / form
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    _run("pdftoppm", "-r", "50", "-png", str(printed[form]), str(folder / "page"))
    pages = [page for page in _pages(printed[form]) if page.strip()]
    assert len(sorted(folder.glob("page-*.png"))) == len(_pages(printed[form])) - 1
    header = greendocs.forms().get(form).layout().header  # type: ignore[misc]
    for number, page in enumerate(pages, 1):
        body = re.sub(r"—\s*\d+\s*—", "", page.replace(header or "\0", ""))
        assert body.strip(), f"{form}: page {number} has nothing but its header and number"
    gray = printed[form].parent / f"{form}-gray"
    _run("pdftoppm", "-r", "20", "-gray", str(printed[form]), str(gray))
    for pgm in sorted(gray.parent.glob(f"{gray.name}-*.pgm")):
        pixels = pgm.read_bytes().split(maxsplit=4)[4]  # P5 header: magic, w h, maxval
        assert any(b < 128 for b in pixels), f"{form}: {pgm.name} is blank"


@pytest.mark.parametrize("form", FORMS)
def test_text_comes_back_out_and_the_fonts_are_embedded(printed: dict[str, Path],
                                                        form: str) -> None:
    pages = _pages(printed[form])
    assert 1 <= len(pages) - 1 <= 20
    assert greendocs.forms().get(form).title_zh in "".join("".join(pages[:2]).split())
    assert "\ufffd" not in "".join(pages)  # every glyph is there
    fonts = _run("pdffonts", str(printed[form])).splitlines()[2:]
    cjk = [f for f in fonts if "CJK" in f]
    assert cjk and all(f.split()[-5] == "yes" for f in fonts), fonts  # all embedded


@pytest.mark.parametrize("form", FORMS)
def test_the_contents_list_each_heading_at_its_page(printed: dict[str, Path],
                                                    form: str) -> None:
    layout = greendocs.forms().get(form).layout
    assert layout is not None
    headings = [text for _, text in layout().headings()]
    if not headings:
        return
    pages = _pages(printed[form])
    listed = {m.group(1).strip(): int(m.group(2))
              for m in re.finditer(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$", pages[1], re.M)}
    assert list(listed) == headings, f"{form}: the 目录 lists {list(listed)}"
    for title, number in listed.items():
        assert title in "".join(pages[number - 1].split()), f"{form}: {title} not on {number}"


def _light_pixels(pdf: Path, folder: Path) -> list[int]:
    """Per page, the pixels of a light gray (the watermark's silver), at 20 dpi."""
    _run("pdftoppm", "-r", "20", "-gray", str(pdf), str(folder / pdf.stem))
    return [sum(1 for b in pgm.read_bytes().split(maxsplit=4)[4] if 150 <= b <= 235)
            for pgm in sorted(folder.glob(f"{pdf.stem}-*.pgm"))]


def test_a_draft_prints_caogao_across_every_page(printed: dict[str, Path],
                                                 tmp_path: Path) -> None:
    model = greendocs.load_file(sample_path("factory-self"))
    draft = greendocs.Renderer().render_pdfs([model], tmp_path, names=["draft"], draft=True)[0]
    final = _light_pixels(printed["factory-self"], tmp_path)
    marked = _light_pixels(draft, tmp_path)
    assert len(marked) == len(final)
    assert all(d > f + 200 for d, f in zip(marked, final, strict=True)), (marked, final)
    assert "【草稿】" in _pages(draft)[0] and "【草稿】" not in "".join(
        _pages(printed["factory-self"]))


@pytest.mark.parametrize("form", FORMS)
def test_every_paragraph_is_printed_whole(printed: dict[str, Path], form: str) -> None:
    """Each paragraph of the .docx is in the PDF character for character: nothing lost at a
    line's end (LibreOffice dropped the punctuation that hung off a justified line)."""
    header = greendocs.forms().get(form).layout().header  # type: ignore[misc]
    pages = _run("pdftotext", str(printed[form]), "-").split("\f")
    text = "".join(re.sub(r"—\s*\d+\s*—", "", page.strip().removeprefix(header or "\0"))
                   for page in pages)
    flat = "".join(text.split())
    document = docx.Document(str(printed[form].parent.parent / f"{form}.docx"))
    # each run of text between spaces (text set apart by spaces may be read out elsewhere)
    missing = [p.text for p in document.paragraphs if "\t" not in p.text
               and any(part not in flat for part in p.text.split())]
    assert not missing, f"{form}: paragraphs not printed as written: {missing}"
