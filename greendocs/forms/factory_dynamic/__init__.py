"""Attachment 6: the green factory dynamic management table."""

from __future__ import annotations

from typing import Any

from ...blocks.change_declaration import Changes
from ...registry import FormSpec
from .indicator_catalogue import IndicatorCatalogue, IndicatorDefinition, load_catalogue
from .layout import build_layout
from .model import FactoryDynamicReport, KeyIndicator, ListedFactory, ProductOutput
from .rules import check_factory_dynamic


def _context(report: FactoryDynamicReport) -> dict[str, Any]:
    return {"years": report.years}


SPEC = FormSpec(
    id="factory-dynamic",
    attachment="6",
    title_zh="绿色工厂动态管理表",
    title_en="Green factory dynamic management table",
    model=FactoryDynamicReport,
    rules=check_factory_dynamic,
    context=_context,
    context_names=("years",),
    layout=build_layout,
)

__all__ = [
    "SPEC", "Changes", "FactoryDynamicReport", "IndicatorCatalogue",
    "IndicatorDefinition", "KeyIndicator", "ListedFactory", "ProductOutput",
    "check_factory_dynamic", "load_catalogue",
]
