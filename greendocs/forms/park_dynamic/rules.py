"""Rules of Attachment 8: indicators that are not the system's, key indicators that
worsened year over year (the direction from the park's system), an industrial share no
longer above 50 %, declared negative-list circumstances."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ...blocks.negative_list import declared_findings
from ...errors import ValidationError
from ...findings import Finding, Severity
from .._shared.report import data_file_findings
from ..park.indicator_system import ParkSystem, resolve_system
from ..park.rules import INDUSTRIAL_SHARE
from ..park.scoring import indicator_values, industrial_share, value_problems
from .model import ParkDynamicReport


def check_dynamic(report: ParkDynamicReport) -> list[Finding]:
    """Every finding for one table (reads the system the table names)."""
    findings: list[Finding] = []
    try:
        system = resolve_system(report.indicator_system)
    except ValidationError as exc:
        findings += data_file_findings("indicator-system", "indicator_system", exc)
    else:
        findings += [Finding("indicators", Severity.ERROR, p.path, p.message, p.message_zh)
                     for p in value_problems(report.indicators, report.figures, system)]
        findings += _indicators(report, system)
    for year, share in industrial_share(report.figures).items():
        if share is not None and share <= INDUSTRIAL_SHARE:
            findings.append(Finding(
                "eligibility", Severity.WARNING, f"figures.industrial_added_value[{year}]",
                f"industrial added value is {share} % of the park's in {year}; a green park's "
                f"must stay above {INDUSTRIAL_SHARE} %",
                f"{year}年工业增加值占园区增加值的{share}%；绿色园区应保持在{INDUSTRIAL_SHARE}%以上"))
    findings += declared_findings(report.negative_list)
    return findings


def _indicators(report: ParkDynamicReport, system: ParkSystem) -> Iterator[Finding]:
    values = indicator_values(report.indicators, report.figures, system, report.years)
    for i, row in enumerate(report.indicators):
        ind = system.indicator(row.id)
        if ind is None:
            yield Finding("indicator-system", Severity.ERROR, f"indicators[{i}].id",
                          f"{row.id!r} is not an indicator of {system.label}",
                          f"{row.id!r}不是{system.label}的指标")
            continue
        lower = ind.direction == "lower"
        for (y0, v0), (y1, v1) in itertools.pairwise(values[row.id].items()):
            if v0 is None or v1 is None or v0 == v1 or (v1 > v0) != lower:
                continue
            yield Finding("year-over-year", Severity.WARNING, f"indicators[{i}].values[{y1}]",
                          f"{ind.name} worsened from {v0} ({y0}) to {v1} ({y1})"
                          f"{' ' + ind.unit if ind.unit else ''}; "
                          f"{'lower' if lower else 'higher'} is better — explain it",
                          f"{ind.name}由{y0}年的{v0}变为{y1}年的{v1}{ind.unit or ''}，"
                          f"{'越低越好' if lower else '越高越好'}；请说明原因")
