"""The page layout of Attachment 6, from which its .docx template and its .odt are made."""

from __future__ import annotations

from ...blocks.change_declaration import changes_section
from ...blocks.listed_unit import listed_unit_rows
from ...blocks.negative_list import negative_list_section
from ...layout.elements import FOUR_COLUMNS, Layout, LoopRow, Paragraph, Row, Table
from .._shared.dynamic_table import sign_off_section
from .model import ListedFactory

YEARS = ("{{ years[0] }}年", "{{ years[1] }}年", "{{ years[2] }}年")


def build_layout() -> Layout:
    """Attachment 6 as blocks; labels come from the model so the parser's label fallback
    always matches."""
    return Layout("绿色工厂动态管理表", (
        Paragraph("附件6", "attachment"),
        Paragraph("{{ form_title }}", "title"),
        Paragraph("（填报年度：{{ reporting_year }}年）", "subtitle"),
        Paragraph("一、基本信息", "heading"),
        Table(FOUR_COLUMNS, listed_unit_rows("factory", ListedFactory)),
        *changes_section("二"),
        Paragraph("三、主要产品及产量", "heading"),
        Table((12.0, 52.0, 20.0, 24.0, 24.0, 24.0), (
            Row(("序号", "产品名称", "计量单位", *YEARS)),
            LoopRow("p", "products", (
                "{{ loop.index }}", "{{ p.name }}", "{{ p.unit }}", "{{ p.output[years[0]] }}",
                "{{ p.output[years[1]] }}", "{{ p.output[years[2]] }}")),
        ), header_rows=1),
        Paragraph("四、关键指标（近三年）", "heading"),
        Table((8.0, 31.0, 32.0, 15.0, 17.0, 17.0, 17.0, 19.0), (
            Row(("序号", "指标代码", "指标名称", "计量单位", *YEARS, "备注")),
            LoopRow("row", "indicators", (
                "{{ loop.index }}", "{{ row.code }}", "{{ row.name }}", "{{ row.unit }}",
                "{{ row.values[years[0]] }}", "{{ row.values[years[1]] }}",
                "{{ row.values[years[2]] }}", "{{ row.note }}")),
        ), header_rows=1, size=9),
        *negative_list_section("五"),
        *sign_off_section("六"),
        Paragraph("说明：1. 关键指标填写填报年度及前两年的数值，无数据处填“／”；2. 指标代码见指标"
                  "目录（output_value 工业总产值、energy_total 综合能源消费量等），主要污染物每种"
                  "一行；3. 负面清单任一情形为“是”的，须在情况说明中写明情况。", "note"),
    ))
