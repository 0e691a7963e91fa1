"""What the writers produce for the Attachment 6 sample, seen by the libraries other
systems read it with (python-docx, openpyxl)."""

from __future__ import annotations

from typing import Any

from docx import Document
from openpyxl import load_workbook

import greendocs


def test_docx_opens_in_python_docx_with_the_values(sample: Any, sample_docx: bytes,
                                                   tmp_path: Any) -> None:
    path = tmp_path / "a6.docx"
    path.write_bytes(sample_docx)
    doc = Document(str(path))
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert "统一社会信用代码" in cells
    assert len(doc.tables) == 6
    # python-docx does not see text inside content controls; the XML holds the values
    xml = doc.element.xml
    assert "91440606MA4UQX8K8B" in xml and "岭南绿源电器制造有限公司" in xml
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_xlsx_is_typed_with_frozen_header(sample_xlsx: bytes, tmp_path: Any) -> None:
    path = tmp_path / "a6.xlsx"
    path.write_bytes(sample_xlsx)
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == ["项目", "内容", "单位", "字段", "说明"]
    assert ws.freeze_panes == "A2"
    rows = {r[3].value: r for r in ws.iter_rows(min_row=2)}
    energy = rows["indicators[1].values[2021]"]
    assert energy[1].value == 21980 and energy[1].data_type == "n"
    assert energy[2].value == "tce"
    assert rows["reporting_year"][1].value == 2021
    assert rows["fill_date"][1].is_date
    assert rows["negative_list.accident.present"][1].value == "否"


def test_xml_special_characters_appear_as_typed(sample: Any) -> None:
    import attrs

    tricky = 'A&B <公司> "引号" \'单\' {{ not_jinja }} {% raw %}'
    model = attrs.evolve(sample, factory=attrs.evolve(sample.factory, name=tricky))
    for fmt in ("docx", "xlsx"):
        assert greendocs.parse(greendocs.render(model, fmt)).model.factory.name == tricky


def test_text_between_two_values_comes_out_exactly() -> None:
    """The cover's "{{ region }}　{{ city }}": the full-width space between the two
    values is text the template holds, and is printed."""
    from tests.docx_edit import docx_text
    from tests.samples import load_sample

    report = load_sample("factory-self")
    assert "所在省市：安徽省\u3000合肥市" in docx_text(greendocs.render(report))


def test_a_standard_number_never_breaks_at_its_hyphen_and_reads_back_as_typed() -> None:
    import io
    import zipfile

    import attrs

    from tests.samples import load_sample

    summary = load_sample("summary")
    product = attrs.evolve(summary.products[0], standard="GB/T 32161-2015")
    model = attrs.evolve(summary, products=(product,))
    docx = greendocs.render(model, "docx")
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert "32161</w:t><w:noBreakHyphen/>" in xml
    assert "0571-87051234" in xml  # a telephone number keeps its hyphen
    odt = greendocs.render(model, "odt")
    assert "32161\u20112015" in zipfile.ZipFile(io.BytesIO(odt)).read("content.xml").decode()
    for data in (docx, odt):
        assert greendocs.parse(data).model.products[0].standard == "GB/T 32161-2015"


def test_a_report_workbook_shows_requirements_maxima_and_totals_and_keeps_decimals() -> None:
    import io

    from tests.samples import load_sample

    model = load_sample("supply-chain-self")
    sheet = load_workbook(io.BytesIO(greendocs.render(model, "xlsx"))).active
    assert sheet is not None
    rows = {r[3].value: r for r in sheet.iter_rows(min_row=2) if r[3].value}
    score = rows["assessments[0].score"]
    assert score[4].value == "绿色供应链管理战略／纳入公司发展规划（定性，满分8）"
    assert score[1].number_format == "General"  # a 7.5 typed over it shows as 7.5
    checks = {str(d.sqref): d for d in sheet.data_validations.dataValidation}
    check = next(d for ref, d in checks.items() if score[1].coordinate in ref.split())
    assert (check.type, check.formula1, check.formula2) == ("decimal", "0", "8")
    labels = [r[0].value for r in sheet.iter_rows(min_row=2) if not r[3].value]
    assert labels[-1] == "总分（GSCI）" and sheet.cell(sheet.max_row, 2).value == 86.45
    assert sheet.column_dimensions["D"].hidden
    assert any((sheet.row_dimensions[r].height or 0) >= 30 for r in range(2, sheet.max_row))
    assert greendocs.parse(greendocs.render(model, "xlsx")).model == \
        greendocs.forms().get("supply-chain-self").as_rendered(model)
