"""Attachment 7: the green design product dynamic management table (绿色设计产品动态管理表).

The table's columns are not published. The model follows what the notice and the domain
notes ask of a listed product each year (``shared/domain`` research F, round 2 §3): is it
still produced, three years of output and sales, the key indicators of its standard, and
changes of models or of the standard's edition — per product, for one enterprise's listed
products — with the change declaration, the negative list and the sign-off of every
dynamic table.
"""

from __future__ import annotations

from typing import Any

import attrs

from ...blocks.listed_unit import ListedUnit
from ...model import field_specs as f
from ...types.quantity import Unit
from ...types.year_series import YearSeries, check_series
from .._shared.dynamic_table import DynamicTable, covers_table_years, table_order


def _fits_unit(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    check_series(value, str(instance.unit) if instance.unit else None, attribute.name)


def _fits_output_unit(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    check_series(value, str(instance.output_unit), attribute.name)


@attrs.frozen(kw_only=True)
class ProductIndicator:
    """A key indicator of the product's standard, for the three years."""

    id: str = f.text("指标编号", max_length=20, help="the indicator's id in the standard file")
    name: str = f.text("指标名称", max_length=100)
    unit: Unit | None = f.typed(Unit, "计量单位", optional=True)
    values: YearSeries = f.series("指标值", _fits_unit)


@attrs.frozen(kw_only=True)
class ListedProduct:
    """A listed green design product of the enterprise, as it stands this year."""

    name: str = f.text("产品名称", max_length=100)
    models: tuple[str, ...] = f.items("规格型号", min_items=1, max_items=50)
    standard: str = f.text("评价依据标准", max_length=200)
    listed_year: int = f.year("入选年度")
    still_produced: bool = f.typed(bool, "是否仍在生产")
    still_compliant: bool = f.typed(bool, "是否仍符合评价标准")
    output_unit: Unit = f.typed(Unit, "产销量计量单位")
    output: YearSeries = f.series("产量", _fits_output_unit)
    sales: YearSeries = f.series("销量", _fits_output_unit)
    indicators: tuple[ProductIndicator, ...] = f.items("关键指标", max_items=50)
    model_changes: str | None = f.optional_text("型号变化情况", max_length=500)
    standard_changes: str | None = f.optional_text(
        "标准更新情况", max_length=500,
        help="a new edition of the standard, and whether the product still meets it")


@attrs.frozen(kw_only=True, field_transformer=table_order("enterprise", "products"))
class ProductDynamicReport(DynamicTable):
    """Attachment 7: one enterprise's listed design products in the reporting year."""

    enterprise: ListedUnit = f.typed(ListedUnit, "企业基本信息")
    products: tuple[ListedProduct, ...] = f.items("产品情况", min_items=1, max_items=200,
                                                  also=covers_table_years)
