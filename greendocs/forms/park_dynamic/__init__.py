"""Attachment 8: the green industrial park dynamic management table."""

from __future__ import annotations

from typing import Any

from ...errors import ValidationError
from ...registry import FormSpec
from .._shared.report import RowsById
from ..park.indicator_system import resolve_system
from .layout import dynamic_layout
from .model import ListedPark, ParkDynamicReport
from .rules import check_dynamic


def table_context(report: ParkDynamicReport) -> dict[str, Any]:
    """The three years, and the names and units of the system's indicators."""
    try:
        system = resolve_system(report.indicator_system)
        names = {i.id: {"name": i.name, "unit": i.unit} for _, i in system.indicators()}
    except ValidationError:
        names = {}
    return {"years": report.years, "names": RowsById(names, {"name": "", "unit": None})}


SPEC = FormSpec(
    id="park-dynamic", attachment="8", title_zh="绿色工业园区动态管理表",
    title_en="Green industrial park dynamic management table", model=ParkDynamicReport,
    rules=check_dynamic, context=table_context, context_names=("years", "names"),
    layout=dynamic_layout)

__all__ = ["SPEC", "ListedPark", "ParkDynamicReport", "check_dynamic", "table_context"]
