"""Green industrial park indicator systems as data: the 2016 system behind the 2022 notice
(31 indicators in six groups) and later ones, each a YAML file with its basic
requirements, its groups and indicators (unit, direction, leading value, mandatory or
optional, the formula that derives it from the park's base figures), the "choose at least
k of n" optional groups, and its scoring rule — every figure with its ``verified`` flag.

A system whose figures are not known (the 2025 skeleton) leaves them ``null``:
:func:`missing_figures` names them and scoring refuses until the user supplies them.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs

from ...errors import FieldError, ValidationError
from ...model.data_files import (
    read_yaml_model,
    shipped_by,
    shipped_names,
    shown_as,
    user_file,
)

DIRECTIONS = ("higher", "lower", "qualitative")


@attrs.frozen
class Formula:
    """How an indicator follows from the park's base figures (``ParkFigures`` fields):
    ``numerator ÷ denominator × factor`` for each year."""

    numerator: str
    denominator: str
    factor: Decimal = Decimal(1)


@attrs.frozen
class ParkIndicator:
    """One indicator of a park system."""

    id: str
    name: str
    #: higher or lower is better; qualitative: reported as 1 (具备/是/完善) or 0
    direction: str
    mandatory: bool
    unit: str | None = None
    #: 引领值; None while not supplied
    leading: Decimal | None = None
    #: 基准值, where a system sets one (later editions): the leading value must be better
    baseline: Decimal | None = None
    #: the leading value as printed, for qualitative indicators (具备, 是, 完善)
    leading_text: str | None = None
    formula: Formula | None = None
    verified: bool = False

    @property
    def kind_label(self) -> str:
        return "必选" if self.mandatory else "可选"

    @property
    def leading_shown(self) -> str:
        """The 引领值 column."""
        if self.direction == "qualitative":
            return self.leading_text or "／"
        return format(self.leading, "f") if self.leading is not None else "／"


@attrs.frozen
class ParkGroup:
    """A first-level group (能源利用绿色化, …) with its weight and indicators."""

    id: str
    name: str
    indicators: tuple[ParkIndicator, ...]
    #: share of the index (percent); None: the scoring rule's ``group_weights`` decides
    weight: Decimal | None = None


@attrs.frozen
class OptionalGroup:
    """Optional indicators of which at least ``choose`` must be reported."""

    id: str
    indicators: tuple[str, ...]
    choose: int
    verified: bool = False


@attrs.frozen
class ScoringRule:
    """How a year's green-park index is computed.

    ``ratio-to-leading``: each counted indicator scores value ÷ leading value (leading ÷
    value when lower is better; 1 or 0 when qualitative), capped at ``cap``; a group scores
    the mean of its indicators; the index is the groups' weighted sum × ``scale``, with
    ``group_weights: equal`` or each group's ``weight``."""

    rule: str
    verified: bool
    source: str
    cap: Decimal = Decimal(1)
    scale: Decimal = Decimal(100)
    group_weights: str = "equal"  # equal | configured
    #: the index a park must reach; None: none is set nationally
    pass_mark: Decimal | None = None


@attrs.frozen
class BasicRequirement:
    """A basic requirement (pass/fail)."""

    id: str
    text: str


@attrs.frozen
class ParkSystem:
    """A whole park indicator system, as loaded from its data file."""

    id: str
    name: str
    standard: str
    version: str
    source: str
    verified: bool
    scoring: ScoringRule
    groups: tuple[ParkGroup, ...]
    basic_requirements: tuple[BasicRequirement, ...] = ()
    optional_groups: tuple[OptionalGroup, ...] = ()
    figures_note: str | None = None

    def indicators(self) -> Iterator[tuple[ParkGroup, ParkIndicator]]:
        for group in self.groups:
            for indicator in group.indicators:
                yield group, indicator

    def indicator(self, indicator_id: str) -> ParkIndicator | None:
        return next((i for _, i in self.indicators() if i.id == indicator_id), None)

    @property
    def label(self) -> str:
        return f"{self.name}（{self.standard}）"


def missing_figures(system: ParkSystem) -> list[str]:
    """Paths of the figures *system* leaves to the user (leading values of mandatory
    indicators, configured group weights); empty when it can score. An optional indicator
    without a leading value cannot be chosen until it has one."""
    missing = []
    for gi, group in enumerate(system.groups):
        if system.scoring.group_weights == "configured" and group.weight is None:
            missing.append(f"groups[{gi}].weight")
        for ii, ind in enumerate(group.indicators):
            if ind.mandatory and ind.direction != "qualitative" and ind.leading is None:
                missing.append(f"groups[{gi}].indicators[{ii}].leading")
    return missing


def check_system(system: ParkSystem, source: str) -> None:
    """Raise :class:`ValidationError` listing every inconsistency of *system*: ids used
    twice, unknown directions, quantitative indicators without a unit, leading values not
    above 0, optional groups naming unknown or mandatory indicators or asking for more than
    they have, configured weights that do not add up to 100."""
    problems: list[FieldError] = []
    seen: dict[str, str] = {}
    for gi, group in enumerate(system.groups):
        for ii, ind in enumerate(group.indicators):
            where = f"groups[{gi}].indicators[{ii}]"
            if ind.id in seen:
                problems.append(FieldError(f"{where}.id", f"{ind.id!r} is used twice (also at "
                                           f"{seen[ind.id]})"))
            seen.setdefault(ind.id, f"{where}.id")
            if ind.direction not in DIRECTIONS:
                problems.append(FieldError(f"{where}.direction", f"{ind.direction!r}: say "
                                           "higher, lower or qualitative"))
            elif ind.direction != "qualitative" and not ind.unit:
                problems.append(FieldError(f"{where}.unit", f"{ind.name} is a figure: give "
                                           "its unit"))
            if ind.leading is not None and ind.leading <= 0:
                problems.append(FieldError(f"{where}.leading", f"{ind.leading} must be above "
                                           "0"))
            elif ind.leading is not None and ind.baseline is not None and \
                    ind.direction in ("higher", "lower") and \
                    (ind.leading <= ind.baseline if ind.direction == "higher"
                     else ind.leading >= ind.baseline):
                problems.append(FieldError(f"{where}.leading", f"{ind.leading} is not better "
                                           f"than the baseline {ind.baseline} when "
                                           f"{ind.direction} values are better"))
    for oi, opt in enumerate(system.optional_groups):
        for name in opt.indicators:
            chosen = system.indicator(name)
            if chosen is None:
                problems.append(FieldError(f"optional_groups[{oi}].indicators", f"{name!r} is "
                                           "not an indicator of the system"))
            elif chosen.mandatory:
                problems.append(FieldError(f"optional_groups[{oi}].indicators", f"{name} is "
                                           "mandatory; only optional indicators are chosen"))
        if not 1 <= opt.choose <= len(opt.indicators):
            problems.append(FieldError(f"optional_groups[{oi}].choose", f"{opt.choose} is "
                                       f"not between 1 and {len(opt.indicators)}"))
    if system.scoring.rule != "ratio-to-leading":
        problems.append(FieldError("scoring.rule", f"{system.scoring.rule!r} is not a known "
                                   "rule (ratio-to-leading)"))
    if system.scoring.group_weights not in ("equal", "configured"):
        problems.append(FieldError("scoring.group_weights", "say equal or configured"))
    weights = [g.weight for g in system.groups]
    if system.scoring.group_weights == "configured" and all(w is not None for w in weights):
        added = sum((w for w in weights if w is not None), Decimal(0))
        if added != 100:
            problems.append(FieldError("groups", f"the weights add up to {added}, not 100"))
    if problems:
        raise ValidationError(problems, source)


def load_system(path: str | Path) -> ParkSystem:
    """Load and check a park system from a YAML file (a provincial system, or a copy of a
    shipped one with its figures filled in)."""
    return read_yaml_model(path, ParkSystem, check_system, "indicator_system")


def shipped_systems() -> tuple[str, ...]:
    """The ids of the systems shipped with greendocs."""
    return shipped_names(__package__, "indicators")


def designation(ref: str) -> str:
    """What a report prints for the system *ref* names: a shipped system's issuing document
    (``工信厅节函〔2016〕586号``) for its id; anything else as it is."""
    return shown_as(__package__, "indicators", ParkSystem, check_system, ref,
                    lambda system: system.standard)


def resolve_system(ref: str) -> ParkSystem:
    """The system a report names: a shipped one by id (``park-586-2016``) or by the
    document that issued it (``工信厅节函〔2016〕586号``), or the path of a YAML file.
    :class:`ValidationError` at ``indicator_system`` listing the shipped ones otherwise."""
    found = shipped_by(__package__, "indicators", ParkSystem, check_system, ref,
                       lambda system: system.standard)
    if found is not None:
        return found
    path = Path(ref)
    if path.suffix.lower() in (".yaml", ".yml") and path.is_file():
        return user_file(path, ParkSystem, check_system, "indicator_system")
    raise ValidationError([FieldError(
        "indicator_system", f"{ref!r} is neither a shipped system "
        f"({', '.join(shipped_systems())}) nor an existing .yaml file")])
