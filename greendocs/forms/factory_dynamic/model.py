"""Attachment 6: the green factory dynamic management table (绿色工厂动态管理表).

The notice does not publish the table's columns. This model follows what the notice and
the provincial rules ask of dynamic management (see ``shared/domain``): the listed
factory's identity, declared changes, three years of key green-manufacturing indicators,
and the negative-list declarations for the reporting year.
"""

from __future__ import annotations

from typing import Any

import attrs

from ...blocks.change_declaration import Changes
from ...blocks.listed_unit import ListedUnit
from ...model import field_specs as f
from ...types.quantity import Unit
from ...types.year_series import YearSeries, check_series
from .._shared.dynamic_table import DynamicTable, covers_table_years, table_order
from .indicator_catalogue import load_catalogue


@attrs.frozen(kw_only=True, field_transformer=f.in_order_of(ListedUnit))
class ListedFactory(ListedUnit):
    """The listed green factory, as on its listing."""

    name: str = f.text("工厂名称", max_length=100)


def _series_fits_unit(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    check_series(value, str(instance.unit), attribute.name)


@attrs.frozen
class ProductOutput:
    """A main product and its output in each of the three years."""

    name: str = f.text("产品名称", max_length=100)
    unit: Unit = f.typed(Unit, "计量单位")
    output: YearSeries = f.series("产量", _series_fits_unit)


def _catalogue_code(value: str) -> str:
    return load_catalogue().code_of(value)


@attrs.frozen
class KeyIndicator:
    """One key indicator row: an indicator of the catalogue, its unit, three years of values."""

    code: str = f.text("指标代码", max_length=40, canonical=_catalogue_code,
                       help="a code from the form's indicator catalogue (K01 …, 其他), or its "
                       "key (output_value …, other)")
    name: str = f.text("指标名称", max_length=100)
    unit: Unit = f.typed(Unit, "计量单位")
    values: YearSeries = f.series("数值", _series_fits_unit)
    note: str | None = f.optional_text("备注", max_length=500)


@attrs.frozen(kw_only=True, field_transformer=table_order("factory", "products", "indicators"))
class FactoryDynamicReport(DynamicTable):
    """Attachment 6: one listed green factory's annual dynamic management table."""

    factory: ListedFactory = f.typed(ListedFactory, "工厂基本信息")
    products: tuple[ProductOutput, ...] = f.items("主要产品及产量", min_items=1,
                                                  also=covers_table_years)
    indicators: tuple[KeyIndicator, ...] = f.items("关键指标", min_items=1,
                                                   also=covers_table_years)

    def indicator(self, code: str) -> list[KeyIndicator]:
        """The indicator rows with *code* (a catalogue code or key)."""
        code = _catalogue_code(code)
        return [row for row in self.indicators if row.code == code]


__all__ = [
    "Changes", "FactoryDynamicReport", "KeyIndicator", "ListedFactory",
    "ProductOutput",
]
