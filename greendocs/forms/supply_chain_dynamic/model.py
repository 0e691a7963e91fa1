"""Attachment 9: the green supply-chain management enterprise dynamic management table
(绿色供应链管理企业动态管理表). Its columns are not published; the model follows the
notice's dynamic-management requirements and the supply-chain indicator system."""

from __future__ import annotations

import attrs

from ...blocks.listed_unit import ListedUnit
from ...model import field_specs as f
from ...model.introspection import meta
from ...types.year_series import YearSeries
from .._shared.dynamic_table import DynamicTable, covers_table_years, table_order

#: the listed enterprise (the listed unit block, whose name label is 企业名称)
ListedEnterprise = ListedUnit


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


@attrs.frozen(kw_only=True,
              field_transformer=table_order("enterprise", "indicators", "disclosures"))
class SupplyChainDynamicReport(DynamicTable):
    """Attachment 9: one listed enterprise's annual dynamic management table."""

    enterprise: ListedEnterprise = f.typed(ListedEnterprise, "企业基本信息")
    indicators: SupplyChainKeyIndicators = attrs.field(
        validator=[attrs.validators.instance_of(SupplyChainKeyIndicators), covers_table_years],
        metadata=meta("关键指标（近三年）"))
    disclosures: tuple[Disclosure, ...] = f.items("绿色信息披露情况")
