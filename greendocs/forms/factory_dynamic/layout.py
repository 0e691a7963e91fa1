"""The page layout of Attachment 6, from which its .docx template and its .odt are made."""

from __future__ import annotations

from ...blocks.listed_unit import listed_unit_rows
from ...layout import elements as page
from .._shared.dynamic_table import YEAR_COLUMNS, table_head, table_tail
from .model import ListedFactory

YEARS = YEAR_COLUMNS


def build_layout() -> page.Layout:
    """Attachment 6 as blocks; labels come from the model so the parser's label fallback
    always matches."""
    return page.Layout("绿色工厂动态管理表", (
        *table_head("6", listed_unit_rows("factory", ListedFactory)),
        page.Paragraph("三、主要产品及产量", "heading"),
        page.Table((12.0, 52.0, 20.0, 24.0, 24.0, 24.0), (
            page.Row(("序号", "产品名称", "计量单位", *YEARS)),
            page.LoopRow("p", "products", (
                "{{ loop.index }}", "{{ p.name }}", "{{ p.unit }}", "{{ p.output[years[0]] }}",
                "{{ p.output[years[1]] }}", "{{ p.output[years[2]] }}")),
        ), header_rows=1),
        page.Paragraph("四、关键指标（近三年）", "heading"),
        page.Table((8.0, 12.0, 36.0, 15.0, 17.0, 17.0, 17.0, 34.0), (
            page.Row(("序号", "指标代码", "指标名称", "计量单位", *YEARS, "备注")),
            page.LoopRow("row", "indicators", (
                "{{ loop.index }}", "{{ row.code }}", "{{ row.name }}", "{{ row.unit }}",
                "{{ row.values[years[0]] }}", "{{ row.values[years[1]] }}",
                "{{ row.values[years[2]] }}", "{{ row.note }}")),
        ), header_rows=1, widest=("", "K01", "", "", "", "", "", "")),
        *table_tail("五", "六"),
        page.Paragraph("说明：1. 关键指标填写填报年度及前两年的数值，无数据处填“／”；"
                       "2. 指标代码见指标目录（K01 工业总产值、K02 综合能源消费量等），"
                       "主要污染物每种一行；"
                       "3. 负面清单任一情形为“是”的，须在情况说明中写明情况。", "note"),
    ))
