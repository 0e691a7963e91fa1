"""Attachment 6: the green factory dynamic management table (绿色工厂动态管理表).

The notice does not publish the table's columns. This model follows what the notice and
the provincial rules ask of dynamic management (see ``shared/domain``): the listed
factory's identity, declared changes, three years of key green-manufacturing indicators,
and the negative-list declarations for the reporting year.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ...blocks.change_declaration import Changes
from ...blocks.contact_person import ContactPerson
from ...blocks.listed_unit import ListedUnit, in_base_order
from ...blocks.negative_list import NegativeList
from ...model import field_specs as f
from ...model.introspection import meta
from ...types.quantity import Unit
from ...types.year_series import YearSeries, check_series, check_years


@attrs.frozen(kw_only=True, field_transformer=in_base_order)
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


@attrs.frozen
class KeyIndicator:
    """One key indicator row: an indicator of the catalogue, its unit, three years of values."""

    code: str = f.text("指标代码", max_length=40,
                       help="a code from the form's indicator catalogue, or 'other'")
    name: str = f.text("指标名称", max_length=100)
    unit: Unit = f.typed(Unit, "计量单位")
    values: YearSeries = f.series("数值", _series_fits_unit)
    note: str | None = f.optional_text("备注", max_length=500)


def _years_match(instance: FactoryDynamicReport, attribute: attrs.Attribute[Any],
                 value: Any) -> None:
    for i, row in enumerate(value):
        name = "output" if isinstance(row, ProductOutput) else "values"
        check_years(getattr(row, name), instance.years, instance.reporting_year,
                    f"{attribute.name}[{i}].{name}")


@attrs.frozen
class FactoryDynamicReport:
    """Attachment 6: one listed green factory's annual dynamic management table."""

    factory: ListedFactory = f.typed(ListedFactory, "工厂基本信息")
    contact: ContactPerson = f.typed(ContactPerson, "联系人信息")
    reporting_year: int = f.year("填报年度")
    products: tuple[ProductOutput, ...] = f.items("主要产品及产量", min_items=1,
                                                  also=_years_match)
    indicators: tuple[KeyIndicator, ...] = f.items("关键指标", min_items=1, also=_years_match)
    negative_list: NegativeList = f.typed(NegativeList, "负面清单情况（近三年）")
    filled_by: str = f.text("填报人", max_length=30)
    fill_date: dt.date = f.date("填报日期")
    changes: Changes = attrs.field(factory=Changes,
                                   validator=attrs.validators.instance_of(Changes),
                                   metadata=meta("变更情况"))

    @property
    def years(self) -> tuple[int, int, int]:
        """The three year columns: the two years before the reporting year, and it."""
        y = self.reporting_year
        return (y - 2, y - 1, y)

    def indicator(self, code: str) -> list[KeyIndicator]:
        """The indicator rows with *code*."""
        return [row for row in self.indicators if row.code == code]


__all__ = [
    "Changes", "FactoryDynamicReport", "KeyIndicator", "ListedFactory",
    "ProductOutput",
]
