"""Green-factory indicator systems as data (GB/T 36132-2018, -2025, industry standards).

A system is a YAML file: the basic requirements (a veto, not scored), then first-level
groups with a weight, second-level indicators, and under them the evaluation
requirements, each mandatory (必选) or optional (可选) with its points. A requirement is
qualitative (the assessor gives points, 0 to the maximum) or quantitative (points from
the figure, linear between a baseline value and a leading value, as GB/T 36132-2025 does).

Systems whose figures are not known yet (the shipped 2025 structure) load with ``null``
weights, points and values; :func:`missing_figures` lists them and scoring refuses to run
until the user supplies them in their own copy of the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs

from ...errors import FieldError, ValidationError
from ...model.data_files import read_yaml_model, shipped_by, shipped_names, shown_as, user_file
from ...types.points import add_up


@attrs.frozen
class BasicRequirement:
    """A basic requirement (基本要求): met or not; one unmet requirement is a veto."""

    id: str
    text: str


@attrs.frozen
class Requirement:
    """One evaluation requirement (评价要求) and how it is scored."""

    id: str
    text: str
    mandatory: bool
    #: full points; None while the figure is not supplied
    points: Decimal | None
    quantitative: bool = False
    unit: str | None = None
    #: quantitative only: which way is better ("lower" for consumption, "higher" for rates)
    better: str | None = None
    baseline: Decimal | None = None
    leading: Decimal | None = None
    #: whether ``points`` (and the values) were read in an official source
    verified: bool = False

    @property
    def kind_label(self) -> str:
        return "必选" if self.mandatory else "可选"


@attrs.frozen
class Indicator:
    """A second-level indicator (二级指标) and its requirements."""

    id: str
    name: str
    requirements: tuple[Requirement, ...]


@attrs.frozen
class IndicatorGroup:
    """A first-level indicator (一级指标): its weight in the total and its indicators."""

    id: str
    name: str
    #: share of the total score (percent); None while not supplied
    weight: Decimal | None
    indicators: tuple[Indicator, ...]
    #: whether ``weight`` was read in an official source
    verified: bool = False

    def requirements(self) -> Iterator[Requirement]:
        for indicator in self.indicators:
            yield from indicator.requirements

    @property
    def points(self) -> Decimal | None:
        """The group's full points (sum of its requirements'), None if one is missing."""
        values = [r.points for r in self.requirements()]
        if any(v is None for v in values):
            return None
        return add_up(v for v in values if v is not None)


@attrs.frozen
class IndicatorSystem:
    """A whole green-factory indicator system, as loaded from its data file."""

    id: str
    name: str
    standard: str
    version: str
    source: str
    #: whether every figure was read in an official source
    verified: bool
    #: the total score the weights add up to (100)
    total: Decimal
    basic_requirements: tuple[BasicRequirement, ...]
    groups: tuple[IndicatorGroup, ...]
    #: what the figures rest on when ``verified`` is false (printed in reports)
    figures_note: str | None = None
    #: the total a factory must reach; None: no pass mark (none is set nationally)
    pass_mark: Decimal | None = None
    #: the points each group's requirements must add up to (100 in GB/T 36132-2018)
    group_points: Decimal | None = None

    def requirements(self) -> Iterator[tuple[IndicatorGroup, Indicator, Requirement]]:
        for group in self.groups:
            for indicator in group.indicators:
                for requirement in indicator.requirements:
                    yield group, indicator, requirement

    def requirement(self, requirement_id: str) -> Requirement | None:
        return next((r for _, _, r in self.requirements() if r.id == requirement_id), None)

    def basic_requirement(self, requirement_id: str) -> BasicRequirement | None:
        return next((b for b in self.basic_requirements if b.id == requirement_id), None)

    def verified_figures(self) -> list[str]:
        """The figures read in an official source, named for a report (``基础设施权重``,
        ``G1.1.1分值``)."""
        found = [f"{g.name}权重" for g in self.groups if g.verified and g.weight is not None]
        found += [f"{r.id}分值" for _, _, r in self.requirements()
                  if r.verified and r.points is not None]
        return found

    @property
    def label(self) -> str:
        """How reports name the system: ``绿色工厂评价通则（GB/T 36132-2018）``."""
        return f"{self.name}（{self.standard}）"


def missing_figures(system: IndicatorSystem) -> list[str]:
    """Paths of the figures *system* leaves to the user (weights, points, baseline and
    leading values); empty when the system can score."""
    missing: list[str] = []
    for gi, group in enumerate(system.groups):
        if group.weight is None:
            missing.append(f"groups[{gi}].weight")
        for ii, indicator in enumerate(group.indicators):
            for ri, req in enumerate(indicator.requirements):
                if req.points is not None and (not req.quantitative or (
                        req.baseline is not None and req.leading is not None)):
                    continue  # (most: a system is checked on every render that scores)
                where = f"groups[{gi}].indicators[{ii}].requirements[{ri}]"
                if req.points is None:
                    missing.append(f"{where}.points")
                if req.quantitative:
                    missing += [f"{where}.{name}" for name in ("baseline", "leading")
                                if getattr(req, name) is None]
    return missing


def check_system(system: IndicatorSystem, source: str) -> None:
    """Raise :class:`ValidationError` listing every inconsistency of *system*: ids used
    twice, points or weights not above 0, weights that do not add up to the total, and
    quantitative requirements without a unit or with values against their direction."""
    problems: list[FieldError] = []
    seen: dict[str, str] = {}

    def unique(key: str, where: str) -> None:
        if key in seen:
            problems.append(FieldError(where, f"{key!r} is used twice (also at {seen[key]})"))
        else:
            seen[key] = where

    for bi, basic in enumerate(system.basic_requirements):
        unique(basic.id, f"basic_requirements[{bi}].id")
    for gi, group in enumerate(system.groups):
        unique(group.id, f"groups[{gi}].id")
        if group.weight is not None and group.weight <= 0:
            problems.append(FieldError(f"groups[{gi}].weight", f"{group.weight} must be above 0"))
        if not group.indicators:
            problems.append(FieldError(f"groups[{gi}].indicators", "list at least one"))
        for ii, indicator in enumerate(group.indicators):
            unique(indicator.id, f"groups[{gi}].indicators[{ii}].id")
            if not indicator.requirements:
                problems.append(FieldError(f"groups[{gi}].indicators[{ii}].requirements",
                                           "list at least one"))
            for ri, req in enumerate(indicator.requirements):
                where = f"groups[{gi}].indicators[{ii}].requirements[{ri}]"
                unique(req.id, f"{where}.id")
                problems += _requirement_problems(req, where)
        if system.group_points is not None and group.points not in (None,
                                                                    system.group_points):
            problems.append(FieldError(f"groups[{gi}]", f"the requirements of {group.name} "
                                       f"add up to {group.points} points, not "
                                       f"{system.group_points}"))
    weights = [g.weight for g in system.groups]
    if all(w is not None for w in weights):
        added = add_up(w for w in weights if w is not None)
        if added != system.total:
            problems.append(FieldError("groups", f"the weights add up to {added}, not to "
                                       f"the total {system.total}"))
    if system.pass_mark is not None and not 0 <= system.pass_mark <= system.total:
        problems.append(FieldError("pass_mark", f"{system.pass_mark} is outside 0 to "
                                   f"{system.total}"))
    if problems:
        raise ValidationError(problems, source)


def _requirement_problems(req: Requirement, where: str) -> list[FieldError]:
    problems: list[FieldError] = []
    if req.points is not None and req.points <= 0:
        problems.append(FieldError(f"{where}.points", f"{req.points} must be above 0"))
    if not req.quantitative:
        for name in ("baseline", "leading", "better"):
            if getattr(req, name) is not None:
                problems.append(FieldError(f"{where}.{name}", "only quantitative "
                                           "requirements have one (set quantitative: true)"))
        return problems
    if not req.unit:
        problems.append(FieldError(f"{where}.unit", "a quantitative requirement needs a unit"))
    if req.better not in ("lower", "higher"):
        problems.append(FieldError(f"{where}.better", f"{req.better!r}: say whether lower "
                                   "or higher values are better ('lower' or 'higher')"))
    elif req.baseline is not None and req.leading is not None:
        if req.baseline == req.leading:
            problems.append(FieldError(f"{where}.leading", "must differ from the baseline"))
        elif (req.leading < req.baseline) != (req.better == "lower"):
            problems.append(FieldError(
                f"{where}.leading", f"{req.leading} is not better than the baseline "
                f"{req.baseline} when {req.better} values are better"))
    return problems


def load_system(path: str | Path) -> IndicatorSystem:
    """Load and check a green-factory indicator system from a YAML file (an industry
    standard's system, or a copy of a shipped one with the figures filled in)."""
    return read_yaml_model(path, IndicatorSystem, check_system, "indicator_system")


#: ids of the systems shipped with greendocs (``indicators/<id>.yaml``)
SHIPPED_SYSTEMS = shipped_names(__package__, "indicators")


def shipped_system(system_id: str = "gbt36132-2018") -> IndicatorSystem | None:
    """A system shipped with greendocs by id (see :data:`SHIPPED_SYSTEMS`) or by its
    standard's number (``GB/T 36132-2018``), or None."""
    return shipped_by(__package__, "indicators", IndicatorSystem, check_system, system_id,
                      lambda system: system.standard)


def designation(ref: str) -> str:
    """What a report prints for the system *ref* names: a shipped system's standard number
    (``GB/T 36132-2018``) for its id; a standard number or a file's path as it is."""
    return shown_as(__package__, "indicators", IndicatorSystem, check_system, ref,
                    lambda system: system.standard)


def resolve_system(ref: str) -> IndicatorSystem:
    """The system a report names: a shipped id, or the path of a YAML file (read once per
    version of the file). :class:`ValidationError` at ``indicator_system`` otherwise."""
    found = shipped_system(ref)
    if found is not None:
        return found
    path = Path(ref)
    if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
        raise ValidationError([FieldError(
            "indicator_system", f"{ref!r} is neither a shipped system "
            f"({', '.join(SHIPPED_SYSTEMS)}) nor an existing .yaml file")])
    return user_file(path, IndicatorSystem, check_system, "indicator_system")
