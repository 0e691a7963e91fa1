"""Attachment 9: the green supply-chain management enterprise dynamic management table."""

from __future__ import annotations

from ...registry import FormSpec, on_first_use
from .._shared.dynamic_table import YEARS_CONTEXT, years_context
from .model import Disclosure, ListedEnterprise, SupplyChainDynamicReport, SupplyChainKeyIndicators
from .rules import check_dynamic

DYNAMIC_SPEC = FormSpec(
    id="supply-chain-dynamic", attachment="9", title_zh="绿色供应链管理企业动态管理表",
    title_en="Green supply-chain management enterprise dynamic management table",
    model=SupplyChainDynamicReport, rules=check_dynamic,
    context=years_context, context_names=YEARS_CONTEXT,
    layout=on_first_use(f"{__name__}.layout:dynamic_layout"))
SPEC = DYNAMIC_SPEC

__all__ = ["DYNAMIC_SPEC", "SPEC", "Disclosure", "ListedEnterprise", "SupplyChainDynamicReport",
           "SupplyChainKeyIndicators", "check_dynamic"]
