"""Attachment 7: the green design product dynamic management table."""

from __future__ import annotations

from ...registry import FormSpec, on_first_use
from .._shared.dynamic_table import YEARS_CONTEXT, years_context
from .model import ListedProduct, ProductDynamicReport, ProductIndicator
from .rules import check_dynamic

SPEC = FormSpec(
    id="product-dynamic", attachment="7", title_zh="绿色设计产品动态管理表",
    title_en="Green design product dynamic management table", model=ProductDynamicReport,
    rules=check_dynamic, context=years_context, context_names=YEARS_CONTEXT,
    layout=on_first_use(f"{__name__}.layout:dynamic_layout"))

__all__ = ["SPEC", "ListedProduct", "ProductDynamicReport", "ProductIndicator",
           "check_dynamic"]
