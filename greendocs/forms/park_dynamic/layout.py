"""The page layout of Attachment 8, the park dynamic management table."""

from __future__ import annotations

from ...blocks.contact_person import contact_rows
from ...blocks.park import park_rows
from ...layout import elements as page
from ...model.introspection import fields_of
from .._shared.dynamic_table import YEAR_COLUMNS, table_head, table_tail
from ..park.model import ParkFigures
from .model import ListedPark


def _year_cells(expr: str) -> tuple[str, ...]:
    return tuple(f"{{{{ {expr}[years[{k}]] }}}}" for k in range(3))


def dynamic_layout() -> page.Layout:
    """Attachment 8 as blocks: the park, its base figures and key indicators for three
    years, changes, the negative list, the sign-off."""
    pl = page.labels(ListedPark)
    return page.Layout("绿色工业园区动态管理表", (
        *table_head("8", (
            *park_rows(),
            page.Row((pl["listed_year"], "{{ park.listed_year }}", pl["listed_batch"],
                      "{{ park.listed_batch }}")),
            *contact_rows())),
        page.Paragraph("管理机构变化情况：{{ management_change }}"),
        page.Paragraph("三、园区基础数据（近三年）", "heading"),
        page.Table((80.0, 25.0, 25.0, 26.0), (
            page.Row(("项目", *YEAR_COLUMNS)),
            *(page.Row((f.label, *_year_cells(f"figures.{f.name}")))
              for f in fields_of(ParkFigures))), header_rows=1),
        page.Paragraph("四、关键指标（近三年）", "heading"),
        page.Paragraph("评价指标体系：{{ indicator_system }}"),
        page.Table((11.0, 46.0, 16.0, 17.0, 17.0, 17.0, 32.0), (
            page.Row(("编号", "指标名称", "单位", *YEAR_COLUMNS, "说明")),
            page.LoopRow("r", "indicators", (
                "{{ r.id }}", "{{ names[r.id].name }}", "{{ names[r.id].unit }}",
                *_year_cells("r.values"), "{{ r.evidence }}")),
        ), header_rows=1, widest=(page.INDICATOR_ID, "", "", "", "", "", "")),
        *table_tail("五", "六"),
    ))
