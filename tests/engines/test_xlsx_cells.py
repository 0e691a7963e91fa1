"""Every spreadsheet cell greendocs writes is data: text that looks like a formula is
stored as text, in Attachment 1, in the roll-up's sheets and in every form's workbook."""

from __future__ import annotations

import io
import re
import zipfile

import attrs
import pytest
from openpyxl import load_workbook

import greendocs
from greendocs.model.images import without_photo_bytes
from greendocs.rollup.collect import FileResult, FileStatus, build_rollup
from greendocs.rollup.report import write_rollup_xlsx
from tests.samples import load_sample

FORMULA = '=HYPERLINK("http://example.invalid","点击")'


def _no_formula(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name


def test_attachment_1_stores_a_formula_like_name_as_text() -> None:
    table = load_sample("summary")
    row = attrs.evolve(table.factories[0], name=FORMULA, remarks="+1+2")
    table = attrs.evolve(table, factories=(row, *table.factories[1:]))
    data = greendocs.render(table, "xlsx")
    _no_formula(data)
    ws = load_workbook(io.BytesIO(data))["绿色工厂"]
    assert ws["C2"].value == FORMULA and ws["C2"].data_type == "s"
    assert greendocs.parse(data).model == table


def test_every_form_workbook_and_the_rollup_sheets() -> None:
    report = load_sample("supply-chain-self")
    report = attrs.evolve(report, profile=FORMULA)
    data = greendocs.render(report, "xlsx")
    _no_formula(data)
    assert greendocs.parse(data).model.profile == FORMULA
    failed = FileResult(FORMULA, FileStatus.FAILED, kind="unreadable", reason=FORMULA)
    result = build_rollup([failed], province="浙江", batch_year=2022)
    data = write_rollup_xlsx(result)
    _no_formula(data)
    wb = load_workbook(io.BytesIO(data))
    assert wb["文件清单"]["B2"].value == FORMULA


@pytest.mark.parametrize("form", ["summary", "factory-dynamic"])
def test_workbooks_carry_no_time_of_making(form: str) -> None:
    """The same model gives the same bytes at any time: openpyxl's created and modified
    stamps are fixed."""
    data = greendocs.render(load_sample(form), "xlsx")
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    stamps = re.findall(r"<dcterms:(created|modified)[^>]*>([^<]*)<", core)
    assert sorted(stamps) == [("created", "2022-09-16T00:00:00Z"),
                              ("modified", "2022-09-16T00:00:00Z")]


def test_the_generic_workbook_is_laid_out_for_people() -> None:
    model = load_sample("factory-self")
    wb = load_workbook(io.BytesIO(greendocs.render(model, "xlsx")))
    ws = wb.active
    assert ws.column_dimensions["D"].hidden  # field paths: for the read-back only
    assert ws.page_setup.orientation == "portrait" and int(ws.page_setup.paperSize) == 9
    long = next(r[1] for r in ws.iter_rows(min_row=3) if isinstance(r[1].value, str)
                and len(r[1].value) > 40)
    assert long.alignment.wrap_text
    # a workbook lists the narrative's photos and holds none
    assert greendocs.parse(greendocs.render(model, "xlsx")).model == without_photo_bytes(
        greendocs.forms().get("factory-self").as_rendered(model))
