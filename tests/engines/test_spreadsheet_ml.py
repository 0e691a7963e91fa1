"""The .xlsx a form's values are written into, read by openpyxl as Excel would show it."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook

import greendocs
from greendocs.engines.xlsx.spreadsheet_ml import CellStyle, SheetWriter, Validation, column_letter
from tests.samples import load_sample


def test_column_letters() -> None:
    assert [column_letter(i) for i in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]


def test_a_sheet_holds_its_values_styles_checks_and_print_setup() -> None:
    sheet = SheetWriter("表's <名>", (30, 20, 10), hidden="C")
    head = CellStyle(bold=True, fill="DDEBF7", center=True)
    sheet.row(("项目", "内容", "字段"), head)
    sheet.row(("=1+1", 7.5, "a.b"))
    sheet.row(("日期", dt.date(2022, 9, 16), None), CellStyle(wrap=True), height=45)
    sheet.row(("是否", "是", "c"))
    sheet.check(Validation("list", '"是,否"'), "B4")
    sheet.check(Validation("decimal", "0", "8", "得分超出范围", "得分应在0至8之间"), "B2")
    wb = load_workbook(io.BytesIO(sheet.to_bytes(creator="greendocs", title="标题")))
    ws = wb.active
    assert ws is not None and ws.title == "表's <名>"
    assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb == "FFDDEBF7"
    assert ws["A1"].alignment.horizontal == "center"
    # text is text, a formula's look-alike included; figures and dates as typed
    assert ws["A2"].value == "=1+1" and ws["A2"].data_type == "s"
    assert ws["B2"].value == 7.5 and ws["B3"].value == dt.datetime(2022, 9, 16)
    assert ws["B3"].number_format == "yyyy-mm-dd" and ws["A3"].alignment.wrap_text
    assert ws.row_dimensions[3].height == 45
    assert ws.column_dimensions["C"].hidden and ws.column_dimensions["A"].width == 30
    assert ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1"
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "portrait"
    checks = {str(v.sqref): v for v in ws.data_validations.dataValidation}
    assert checks["B4"].type == "list" and checks["B4"].formula1 == '"是,否"'
    assert checks["B2"].formula2 == "8" and checks["B2"].error == "得分应在0至8之间"
    assert wb.properties.creator == "greendocs" and wb.properties.title == "标题"


def test_the_same_rows_give_the_same_bytes() -> None:
    report = load_sample("factory-self")
    assert greendocs.render(report, "xlsx") == greendocs.render(report, "xlsx")


def test_a_text_too_long_for_a_cell_is_refused_with_its_field() -> None:
    import attrs
    import pytest

    from greendocs.types.narrative import NarrativeTable

    report = load_sample("factory-self")
    table = NarrativeTable("大表", ("项目", "说明"), tuple((f"{i}", "文字" * 20)
                                                        for i in range(999)))
    report = attrs.evolve(report, creation=attrs.evolve(report.creation, products=(table,)))
    with pytest.raises(greendocs.OutputError, match=r"creation\.products\[0\]: [\d,]+ "
                       r"characters do not fit in a spreadsheet cell \(at most 32,767\)"):
        greendocs.render(report, "xlsx")
    assert greendocs.render(report, "docx")  # the documents hold it
