"""The page layout of Attachment 9, the supply-chain dynamic management table."""

from __future__ import annotations

from ...blocks.listed_unit import listed_unit_rows
from ...layout import elements as page
from ...model.introspection import fields_of
from .._shared.dynamic_table import YEAR_COLUMNS, table_head, table_tail
from .model import ListedEnterprise, SupplyChainKeyIndicators


def dynamic_layout() -> page.Layout:
    """Attachment 9, the dynamic management table."""
    indicator_rows = tuple(
        page.Row((label, info_unit,
                  *(f"{{{{ indicators.{name}[years[{k}]] }}}}" for k in range(3))))
        for name, label, info_unit in _indicator_rows())
    return page.Layout("绿色供应链管理企业动态管理表", (
        *table_head("9", listed_unit_rows("enterprise", ListedEnterprise)),
        page.Paragraph("三、关键指标（近三年）", "heading"),
        page.Table((58.0, 20.0, 26.0, 26.0, 26.0),
              (page.Row(("指标", "计量单位", *YEAR_COLUMNS)), *indicator_rows), header_rows=1),
        page.Paragraph("四、绿色信息披露情况", "heading"),
        page.Table((16.0, 40.0, 100.0), (
            page.Row(("年度", "披露渠道", "披露内容")),
            page.LoopRow("d", "disclosures", ("{{ d.year }}", "{{ d.channel }}",
                                         "{{ d.content }}")),
        ), header_rows=1),
        *table_tail("五", "六"),
    ))


def _indicator_rows() -> list[tuple[str, str, str]]:
    return [(f.name, f.label, f.unit or "") for f in fields_of(SupplyChainKeyIndicators)]
