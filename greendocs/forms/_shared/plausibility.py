"""Figures that are valid numbers but implausible: a percentage typed as a fraction (0.85
for 85 %), and a figure that misses the threshold its requirement states ("建筑密度不低于
30%"). Both are warnings naming the field: the consultant checks the figure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from ...findings import Finding, Severity

_PERCENT = frozenset({"%", "％"})
#: a requirement's stated limit: 不低于30%, ≥ 95%, 不高于 0.5%
_THRESHOLD = re.compile(r"(不低于|不小于|不少于|大于等于|≥|>=|不高于|不大于|不超过|小于等于|≤|<=)"
                        r"\s*(\d+(?:\.\d+)?)\s*([%％])")
_AT_LEAST = ("不低于", "不小于", "不少于", "大于等于", "≥", ">=")


def is_percent(unit: str | None) -> bool:
    """Whether *unit* is per cent."""
    return unit is not None and unit.strip() in _PERCENT


def percent_as_fraction(path: str, name: str, value: Decimal | None) -> Finding | None:
    """A warning when *value*, a percentage, lies strictly between 0 and 1: most likely a
    fraction (0.85) typed where the form wants per cent (85)."""
    if value is None or not 0 < value < 1:
        return None
    percent = (value * 100).normalize()
    return Finding("plausibility", Severity.WARNING, path,
                   f"{name}: {value} % looks like a fraction; percentages are written in per "
                   f"cent ({percent} for {percent} %), confirm the figure",
                   f"{name}：{value}%像是小数；百分比应按百分数填写（{percent}%填{percent}），"
                   "请核对")


def fractions(figures: Iterable[tuple[str, str, Decimal | None]]) -> list[Finding]:
    """:func:`percent_as_fraction` of each percentage (path, name, value) of *figures*."""
    return [found for path, name, value in figures
            if (found := percent_as_fraction(path, name, value)) is not None]


def stated_threshold(text: str) -> tuple[bool, Decimal] | None:
    """(at least?, limit in per cent) of a requirement that states one ("不低于30%"),
    or None."""
    m = _THRESHOLD.search(text)
    if m is None:
        return None
    return m.group(1) in _AT_LEAST, Decimal(m.group(2))


def missed_threshold(path: str, text: str, value: Decimal | None) -> Finding | None:
    """A warning when *value* (in per cent) misses the limit the requirement *text* states."""
    found = stated_threshold(text)
    if found is None or value is None:
        return None
    at_least, limit = found
    if (value >= limit) if at_least else (value <= limit):
        return None
    said = f"{'不低于' if at_least else '不高于'}{limit}%"
    return Finding("threshold", Severity.WARNING, path,
                   f"{value} % misses the requirement's {'minimum' if at_least else 'maximum'} "
                   f"of {limit} % ({text}); confirm the figure or the points given",
                   f"{value}%未达到评价要求的“{said}”（{text}），请核对数值或得分")
