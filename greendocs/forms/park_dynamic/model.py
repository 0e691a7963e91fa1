"""Attachment 8: the green industrial park dynamic management table (绿色工业园区动态管理表).

The table's columns are not published. The model follows what the notice and the domain
notes ask of a listed park each year (``shared/domain`` research F, round 2 §3): its base
figures and the indicators of its system for the last three years, changes of name,
boundary or management body, the negative list, the sign-off.
"""

from __future__ import annotations

import attrs

from ...blocks.park import Park
from ...model import field_specs as f
from ...model.introspection import meta
from .._shared.dynamic_table import DynamicTable, covers_table_years, table_order
from ..park.indicator_system import designation
from ..park.model import IndicatorValues, ParkFigures


@attrs.frozen(kw_only=True, field_transformer=f.in_order_of(Park))
class ListedPark(Park):
    """The listed green park, as on its listing."""

    listed_year: int = f.year("入选年度")
    listed_batch: str | None = f.optional_text("入选批次", max_length=20, single_line=True)


@attrs.frozen(kw_only=True,
              field_transformer=table_order("park", "figures", "indicator_system",
                                            "indicators", "management_change"))
class ParkDynamicReport(DynamicTable):
    """Attachment 8: one listed park's annual dynamic management table."""

    park: ListedPark = f.typed(ListedPark, "园区基本信息")
    figures: ParkFigures = attrs.field(
        validator=[attrs.validators.instance_of(ParkFigures), covers_table_years],
        metadata=meta("园区基础数据（近三年）"))
    indicator_system: str = f.text("评价指标体系", max_length=200, canonical=designation)
    indicators: tuple[IndicatorValues, ...] = f.items("关键指标（近三年）", min_items=1,
                                                      max_items=200, also=covers_table_years)
    management_change: str | None = f.optional_text("管理机构变化情况", max_length=1000)
