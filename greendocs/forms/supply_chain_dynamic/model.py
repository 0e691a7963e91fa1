"""Attachment 9: the green supply-chain management enterprise dynamic management table
(绿色供应链管理企业动态管理表). Its columns are not published; the model follows the
notice's dynamic-management requirements and the supply-chain indicator system."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ...blocks.change_declaration import Changes
from ...blocks.contact_person import ContactPerson
from ...blocks.listed_unit import ListedUnit, in_base_order
from ...blocks.negative_list import NegativeList
from ...model import field_specs as f
from ...types.year_series import YearSeries, check_years


@attrs.frozen(kw_only=True, field_transformer=in_base_order)
class ListedEnterprise(ListedUnit):
    """The listed green supply-chain management enterprise."""

    name: str = f.text("企业名称", max_length=100)


@attrs.frozen(kw_only=True)
class SupplyChainKeyIndicators:
    """The supply chain's key indicators for each of the three years."""

    low_risk_supplier_share: YearSeries = f.series_in("低风险供应商占比", "%")
    product_recovery_rate: YearSeries = f.series_in("产品回收率", "%")
    packaging_recovery_rate: YearSeries = f.series_in("包装回收率", "%")
    high_risk_suppliers: YearSeries = f.series_in("高风险供应商数量", "家")
    medium_risk_suppliers: YearSeries = f.series_in("中风险供应商数量", "家")
    low_risk_suppliers: YearSeries = f.series_in("低风险供应商数量", "家")
    supplier_audits: YearSeries = f.series_in("开展供应商审核次数", "次")
    gsci: YearSeries = f.series_in("绿色供应链管理指数（自评）", "分")


@attrs.frozen(kw_only=True)
class Disclosure:
    """Green information the enterprise disclosed in a year."""

    year: int = f.year("年度")
    channel: str = f.text("披露渠道", max_length=100)
    content: str = f.text("披露内容", max_length=1000, single_line=False)


def _indicator_years(instance: SupplyChainDynamicReport, attribute: attrs.Attribute[Any],
                     value: SupplyChainKeyIndicators) -> None:
    for a in attrs.fields(type(value)):
        check_years(getattr(value, a.name), instance.years, instance.reporting_year,
                    f"{attribute.name}.{a.name}")


@attrs.frozen(kw_only=True)
class SupplyChainDynamicReport:
    """Attachment 9: one listed enterprise's annual dynamic management table."""

    enterprise: ListedEnterprise = f.typed(ListedEnterprise, "企业基本信息")
    contact: ContactPerson = f.typed(ContactPerson, "联系人信息")
    reporting_year: int = f.year("填报年度")
    indicators: SupplyChainKeyIndicators = attrs.field(
        validator=[attrs.validators.instance_of(SupplyChainKeyIndicators), _indicator_years],
        metadata={"label": "关键指标（近三年）", "unit": None, "help": None})
    disclosures: tuple[Disclosure, ...] = f.items("绿色信息披露情况")
    negative_list: NegativeList = f.typed(NegativeList, "负面清单情况（近三年）")
    changes: Changes = f.typed(Changes, "变更情况")
    filled_by: str = f.text("填报人", max_length=30)
    fill_date: dt.date = f.date("填报日期")

    @property
    def years(self) -> tuple[int, int, int]:
        """The three year columns: the two years before the reporting year, and it."""
        y = self.reporting_year
        return (y - 2, y - 1, y)
