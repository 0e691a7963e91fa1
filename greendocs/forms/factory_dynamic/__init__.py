"""Attachment 6: the green factory dynamic management table."""

from __future__ import annotations

from ...blocks.change_declaration import Changes
from ...registry import FormSpec, on_first_use
from .._shared.dynamic_table import YEARS_CONTEXT, years_context
from .indicator_catalogue import IndicatorCatalogue, IndicatorDefinition, load_catalogue
from .model import FactoryDynamicReport, KeyIndicator, ListedFactory, ProductOutput
from .rules import check_dynamic

SPEC = FormSpec(
    id="factory-dynamic",
    attachment="6",
    title_zh="绿色工厂动态管理表",
    title_en="Green factory dynamic management table",
    model=FactoryDynamicReport,
    rules=check_dynamic,
    context=years_context,
    context_names=YEARS_CONTEXT,
    layout=on_first_use(f"{__name__}.layout:build_layout"),
)

check_factory_dynamic = check_dynamic  # its name before forms shared one scheme

__all__ = [
    "SPEC",
    "Changes",
    "FactoryDynamicReport",
    "IndicatorCatalogue",
    "IndicatorDefinition",
    "KeyIndicator",
    "ListedFactory",
    "ProductOutput",
    "check_dynamic",
    "check_factory_dynamic",
    "load_catalogue",
]
