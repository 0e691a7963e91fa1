"""Attachment 8: the green industrial park dynamic management table."""

from __future__ import annotations

from typing import Any

import attrs

from ...errors import ValidationError
from ...registry import FormSpec, on_first_use
from .._shared.report import RowsById
from ..park.indicator_system import resolve_system
from ..park.scoring import fill_derived
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


def as_rendered(report: ParkDynamicReport) -> ParkDynamicReport:
    """*report* with the indicators its system derives from the base figures filled in
    where left empty, as the table prints them."""
    try:
        system = resolve_system(report.indicator_system)
    except ValidationError:
        return report
    return attrs.evolve(report, indicators=fill_derived(report.indicators, report.figures,
                                                        system))


SPEC = FormSpec(
    id="park-dynamic", attachment="8", title_zh="绿色工业园区动态管理表",
    title_en="Green industrial park dynamic management table", model=ParkDynamicReport,
    rules=check_dynamic, context=table_context, context_names=("years", "names"),
    layout=on_first_use(f"{__name__}.layout:dynamic_layout"), as_rendered=as_rendered)

__all__ = ["SPEC", "ListedPark", "ParkDynamicReport", "check_dynamic", "table_context"]
