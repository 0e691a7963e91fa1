"""Supply-chain indicator systems as data: the shipped general system, and industry
systems users supply as YAML files, checked the same way."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs

from ...errors import FieldError, ValidationError
from ...model.data_files import read_yaml_model, shipped_by, shown_as
from ...types.points import add_up


@attrs.frozen
class ScoringRule:
    """How a quantitative indicator's figure becomes a score.

    ``proportional``: max × min(value, target) / target. ``linear``: 0 at ``baseline``,
    max at ``leading`` (either direction), straight in between, capped at both ends.
    """

    kind: str
    verified: bool
    source: str
    target: Decimal | None = None
    baseline: Decimal | None = None
    leading: Decimal | None = None


@attrs.frozen
class Indicator:
    """One indicator: its id (``X26``), name, unit, maximum score and kind."""

    id: str
    name: str
    max: Decimal
    kind: str  # qualitative | quantitative
    unit: str | None = None
    rule: str | None = None


@attrs.frozen
class IndicatorGroup:
    """A first-level group of indicators."""

    id: str
    name: str
    indicators: tuple[Indicator, ...]

    @property
    def max(self) -> Decimal:
        return add_up(i.max for i in self.indicators)


@attrs.frozen
class GradeBand:
    """A grade reached at ``min`` points or more (e.g. stars)."""

    min: Decimal
    label: str


@attrs.frozen
class Grading:
    """Grades by total score, highest band first."""

    bands: tuple[GradeBand, ...]
    verified: bool
    source: str


@attrs.frozen
class IndicatorSystem:
    """A whole system: groups of indicators, scoring rules, and an optional grading."""

    id: str
    name: str
    version: str
    source: str
    verified: bool
    total: Decimal
    groups: tuple[IndicatorGroup, ...]
    rules: dict[str, ScoringRule] = attrs.field(factory=dict)
    #: GB/T 4754 divisions (2 digits) the system is made for; empty for the general one
    industries: tuple[str, ...] = ()
    grading: Grading | None = None

    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for g in self.groups for i in g.indicators)

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators() if i.id == indicator_id), None)

    def grade(self, total: Decimal) -> str | None:
        if self.grading is None:
            return None
        return next((b.label for b in self.grading.bands if total >= b.min), None)


def check_system(system: IndicatorSystem, source: str) -> None:
    """Raise :class:`ValidationError` listing every inconsistency of *system*."""
    problems: list[FieldError] = []
    seen: set[str] = set()
    for gi, group in enumerate(system.groups):
        for key in (group.id,):
            if key in seen:
                problems.append(FieldError(f"groups[{gi}].id", f"{key!r} is used twice"))
            seen.add(key)
        for ii, ind in enumerate(group.indicators):
            where = f"groups[{gi}].indicators[{ii}]"
            if ind.id in seen:
                problems.append(FieldError(f"{where}.id", f"{ind.id!r} is used twice"))
            seen.add(ind.id)
            if ind.max <= 0:
                problems.append(FieldError(f"{where}.max", f"{ind.max} must be above 0"))
            if ind.kind not in ("qualitative", "quantitative"):
                problems.append(FieldError(f"{where}.kind", f"{ind.kind!r} is not qualitative "
                                           "or quantitative"))
            if ind.kind == "quantitative" and ind.rule not in system.rules:
                problems.append(FieldError(f"{where}.rule", f"{ind.rule!r} is not one of the "
                                           f"rules ({', '.join(system.rules) or 'none'})"))
    total = sum((g.max for g in system.groups), Decimal(0))
    if total != system.total:
        problems.append(FieldError("total", f"the indicators' maximum scores add up to "
                                   f"{total}, not {system.total}"))
    for name, rule in system.rules.items():
        if rule.kind == "proportional" and not (rule.target and rule.target > 0):
            problems.append(FieldError(f"rules.{name}.target", "a proportional rule needs a "
                                       "target above 0"))
        elif rule.kind == "linear" and (rule.baseline is None or rule.leading is None
                                        or rule.baseline == rule.leading):
            problems.append(FieldError(f"rules.{name}", "a linear rule needs a baseline and a "
                                       "different leading value"))
        elif rule.kind not in ("proportional", "linear"):
            problems.append(FieldError(f"rules.{name}.kind", f"{rule.kind!r} is not "
                                       "proportional or linear"))
    if system.grading is not None:
        mins = [b.min for b in system.grading.bands]
        if mins != sorted(mins, reverse=True):
            problems.append(FieldError("grading.bands", "list the bands from the highest "
                                       "minimum down"))
    if problems:
        raise ValidationError(problems, source)


def load_system(path: str | Path) -> IndicatorSystem:
    """Load and check an indicator system from a YAML file (an industry system, say)."""
    return read_yaml_model(path, IndicatorSystem, check_system, "indicator_system")


def shipped_system(system_id: str = "general") -> IndicatorSystem | None:
    """A system shipped with greendocs by id (``general``) or by its name
    (``绿色供应链管理企业评价指标（通用）``), or None."""
    return shipped_by(__package__, "indicators", IndicatorSystem, check_system, system_id,
                      lambda system: system.name)


def designation(ref: str) -> str:
    """What a report prints for the system *ref* names: a shipped system's name for its
    id (``general`` → ``绿色供应链管理企业评价指标（通用）``); anything else as it is."""
    return shown_as(__package__, "indicators", IndicatorSystem, check_system, ref,
                    lambda system: system.name)
