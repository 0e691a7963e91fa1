"""Scoring a park against its indicator system, year by year (pure functions).

Indicators that follow from the park's base figures (水资源产出率 = 工业增加值 ÷ 工业用新鲜水量,
…) are computed when the figures are given. Each counted indicator — every mandatory one,
and the optional ones reported, at least k of each optional group — scores its ratio to the
leading value (inverted when lower is better; 1 or 0 when qualitative), capped; a group
scores the mean of its indicators; a year's green-park index is the groups' weighted sum
on the system's scale. No pass mark is official: it is configuration.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

import attrs

from ...blocks.requirement_check import BasicRequirementCheck
from ...errors import FieldError, ValidationError
from ...model.introspection import field_map
from ...types.quantity import tidy
from ...types.year_series import YearSeries
from .indicator_system import ParkGroup, ParkIndicator, ParkSystem, missing_figures
from .model import IndicatorValues, ParkFigures

_CENT = Decimal("0.01")


def _cents(value: Decimal) -> Decimal:
    return tidy(value.quantize(_CENT, rounding=ROUND_HALF_UP))


def industrial_share(figures: ParkFigures) -> dict[int, Decimal | None]:
    """The industrial share of the park's added value (%) per year: 工业增加值 ÷ 地区生产总值."""
    out: dict[int, Decimal | None] = {}
    for year, gdp in figures.gdp.items:
        added = figures.industrial_added_value.as_dict().get(year)
        out[year] = _cents(added / gdp * 100) if added is not None and gdp else None
    return out


def derived_values(figures: ParkFigures, system: ParkSystem) -> dict[str, dict[int, Decimal]]:
    """The values the system's formulas give from the base figures, by indicator and year
    (to 0.01; years whose figures are missing are left out)."""
    fields = field_map(ParkFigures)
    out: dict[str, dict[int, Decimal]] = {}
    for _, ind in system.indicators():
        formula = ind.formula
        if formula is None or formula.numerator not in fields or \
                formula.denominator not in fields:
            continue
        top = getattr(figures, formula.numerator).as_dict()
        bottom = getattr(figures, formula.denominator).as_dict()
        for year, num in top.items():
            den = bottom.get(year)
            if num is not None and den:
                out.setdefault(ind.id, {})[year] = _cents(num / den * formula.factor)
    return out


def formula_problems(system: ParkSystem) -> list[FieldError]:
    """Formulas naming base figures the park forms do not have."""
    fields = field_map(ParkFigures)
    return [FieldError("indicator_system", f"{system.id}: the formula of {ind.id} uses "
                       f"{name!r}, which is not a base figure ({', '.join(fields)})",
                       f"{system.label}中{ind.id}的计算公式引用了{name!r}，该项不是园区基础数据")
            for _, ind in system.indicators() if ind.formula is not None
            for name in (ind.formula.numerator, ind.formula.denominator) if name not in fields]


def indicator_values(rows: Sequence[IndicatorValues], figures: ParkFigures,
                     system: ParkSystem, years: Sequence[int]
                     ) -> dict[str, dict[int, Decimal | None]]:
    """Each indicator's value per year: as entered, else as derived from the base figures."""
    derived = derived_values(figures, system)
    out: dict[str, dict[int, Decimal | None]] = {}
    for row in rows:
        typed = row.values.as_dict()
        out[row.id] = {y: typed.get(y) if typed.get(y) is not None
                       else derived.get(row.id, {}).get(y) for y in years}
    return out


@attrs.frozen
class IndicatorScore:
    """One counted indicator in one year: its value and its ratio to the leading value."""

    indicator: ParkIndicator
    value: Decimal
    ratio: Decimal


@attrs.frozen
class GroupScore:
    """A group in one year: its counted indicators and its score (0 to 1)."""

    group: ParkGroup
    scores: tuple[IndicatorScore, ...]

    @property
    def score(self) -> Decimal:
        if not self.scores:
            return Decimal(0)
        return sum((s.ratio for s in self.scores), Decimal(0)) / len(self.scores)


@attrs.frozen
class YearScore:
    """One evaluated year: the groups and the green-park index."""

    year: int
    groups: tuple[GroupScore, ...]
    index: Decimal


@attrs.frozen
class ScoreCard:
    """The three evaluated years' indices, and the basic requirements."""

    system: ParkSystem
    years: tuple[YearScore, ...]
    basic: tuple[tuple[str, bool], ...]

    def index(self, year: int) -> Decimal:
        return next(y.index for y in self.years if y.year == year)

    @property
    def basic_met(self) -> bool:
        return all(met for _, met in self.basic)

    def group_rows(self) -> list[dict[str, object]]:
        """A row per group: its name and score per year (for the score table)."""
        return [{"name": g.group.name,
                 "scores": {y.year: _cents(y.groups[k].score * self.system.scoring.scale)
                            for y in self.years}}
                for k, g in enumerate(self.years[0].groups)] if self.years else []


def _ratio(ind: ParkIndicator, value: Decimal, cap: Decimal) -> Decimal:
    if ind.direction == "qualitative":
        ratio = value
    elif ind.direction == "lower":
        assert ind.leading is not None
        ratio = cap if value <= 0 else ind.leading / value
    else:
        assert ind.leading is not None
        ratio = value / ind.leading
    return min(max(ratio, Decimal(0)), cap)


def fit_problems(basic: Sequence[BasicRequirementCheck], rows: Sequence[IndicatorValues],
                 figures: ParkFigures, system: ParkSystem, years: Sequence[int]
                 ) -> list[FieldError]:
    """Every way a report's checks and indicators do not fit *system*: figures the system
    leaves unsupplied, unknown or repeated ids, basic requirements not checked, a mandatory
    indicator without a value for a year, fewer optional indicators than a group asks for,
    qualitative values other than 0 and 1, a typed value its base figures contradict."""
    missing = missing_figures(system)
    if missing:
        shown = ", ".join(missing[:6]) + (f" and {len(missing) - 6} more"
                                          if len(missing) > 6 else "")
        return [FieldError("indicator_system", f"{system.id} ({system.standard}) cannot score "
                           f"yet: its figures are not supplied ({shown}); copy it (greendocs "
                           f"system park-self {system.id} -o FILE), fill them in and name the "
                           "copy", f"评价指标体系{system.label}尚缺评分所需数值（{shown}），暂不能"
                           "评分；请复制该体系的数据文件，补全数值后在报告中引用")]
    problems = formula_problems(system)
    known_basic = {b.id for b in system.basic_requirements}
    checked = {b.id for b in basic}
    problems += [FieldError(f"basic_requirements[{i}].id", f"{b.id!r} is not a basic "
                            f"requirement of {system.label} ({', '.join(sorted(known_basic))})",
                            f"{b.id!r}不是{system.label}的基本要求")
                 for i, b in enumerate(basic) if b.id not in known_basic]
    problems += [FieldError("basic_requirements", f"{b.id} ({b.text}) is not checked",
                            f"基本要求{b.id}（{b.text}）未检查")
                 for b in system.basic_requirements if b.id not in checked]
    at: dict[str, int] = {}
    for n, row in enumerate(rows):
        if system.indicator(row.id) is None:
            problems.append(FieldError(f"indicators[{n}].id", f"{row.id!r} is not an "
                                       f"indicator of {system.label}",
                                       f"{row.id!r}不是{system.label}的指标"))
        elif row.id in at:
            problems.append(FieldError(f"indicators[{n}].id", f"{row.id} is given twice (also "
                                       f"at indicators[{at[row.id]}])",
                                       f"指标{row.id}重复填写（另见第{at[row.id] + 1}项）"))
        at.setdefault(row.id, n)
    values = indicator_values(rows, figures, system, years)
    problems += value_problems(rows, figures, system)
    for _, ind in system.indicators():
        i = at.get(ind.id)
        vals = values.get(ind.id, {})
        if ind.mandatory:
            for year in years:
                if vals.get(year) is None:
                    where = f"indicators[{i}].values[{year}]" if i is not None else "indicators"
                    problems.append(FieldError(where, f"{ind.id} {ind.name} is mandatory and "
                                               f"has no value for {year}",
                                               f"{ind.id} {ind.name}为必选指标，"
                                               f"缺少{year}年的数值"))
        elif i is not None and ind.leading is None and ind.direction != "qualitative" and \
                any(v is not None for v in vals.values()):
            problems.append(FieldError(f"indicators[{i}]", f"{ind.id} {ind.name} has no leading "
                                       "value in the system and cannot be counted; supply it "
                                       "in a copy of the system or leave the indicator out",
                                       f"{ind.id} {ind.name}在评价指标体系中没有引领值，无法计入；"
                                       "请在体系副本中补充，或不填该指标"))
    for opt in system.optional_groups:
        for year in years:
            given = [n for n in opt.indicators if values.get(n, {}).get(year) is not None]
            if len(given) < opt.choose:
                problems.append(FieldError("indicators", f"{year}: {len(given)} of the "
                                           f"optional indicators {'、'.join(opt.indicators)} "
                                           f"are given; at least {opt.choose} must be",
                                           f"{year}年：可选指标{'、'.join(opt.indicators)}中"
                                           f"填写了{len(given)}项，至少应填写{opt.choose}项"))
    return problems


def fill_derived(rows: Sequence[IndicatorValues], figures: ParkFigures,
                 system: ParkSystem) -> tuple[IndicatorValues, ...]:
    """*rows* with the values their base figures give filled in where left empty."""
    derived = derived_values(figures, system)
    return tuple(attrs.evolve(row, values=YearSeries(tuple(
        (y, v if v is not None else derived.get(row.id, {}).get(y))
        for y, v in row.values.items))) for row in rows)


def value_problems(rows: Sequence[IndicatorValues], figures: ParkFigures,
                   system: ParkSystem) -> list[FieldError]:
    """What is wrong with the values themselves, whatever the table: a share over 100 %, a
    qualitative value other than 0 or 1, a typed value its base figures contradict."""
    derived = derived_values(figures, system)
    problems: list[FieldError] = []
    for i, row in enumerate(rows):
        ind = system.indicator(row.id)
        if ind is None:
            continue
        for year, value in row.values.items:
            if value is None:
                continue
            where = f"indicators[{i}].values[{year}]"
            # a share lies in 0..100; a rate of reduction (消减率) may be negative
            low = None if "消减率" in ind.name else 0
            if ind.unit == "%" and (value > 100 or (low is not None and value < low)):
                problems.append(FieldError(where, f"{value} % is not a share: {ind.name} lies "
                                           "between 0 and 100",
                                           f"{value}%不是有效比例：{ind.name}应在0至100之间"))
            if ind.direction == "qualitative" and value not in (0, 1):
                problems.append(FieldError(where, f"{value}: a qualitative indicator is 1 "
                                           f"({ind.leading_text}) or 0",
                                           f"{value}：定性指标只能为1（{ind.leading_text}）或0"))
            computed = derived.get(ind.id, {}).get(year)
            if computed is not None and _cents(value) != computed:
                problems.append(FieldError(
                    where, f"{ind.name} is given as {value} {ind.unit} but the base figures "
                    f"give {computed}; correct the figures or leave the value out to have it "
                    "computed", f"{ind.name}填写为{value}{ind.unit}，按基础数据计算为{computed}；"
                    "请更正基础数据，或不填该值以自动计算"))
    return problems


def score(basic: Sequence[BasicRequirementCheck], rows: Sequence[IndicatorValues],
          figures: ParkFigures, system: ParkSystem, years: Iterable[int]) -> ScoreCard:
    """The score card for the years; :class:`ValidationError` when the entries do not fit
    the system (see :func:`fit_problems`)."""
    years = tuple(years)
    problems = fit_problems(basic, rows, figures, system, years)
    if problems:
        raise ValidationError(problems)
    values = indicator_values(rows, figures, system, years)
    rule = system.scoring
    results = []
    for year in years:
        groups = []
        for group in system.groups:
            counted = tuple(
                IndicatorScore(ind, value, _ratio(ind, value, rule.cap))
                for ind in group.indicators
                if (value := values.get(ind.id, {}).get(year)) is not None
                and (ind.mandatory or ind.leading is not None or ind.direction == "qualitative"))
            groups.append(GroupScore(group, counted))
        if rule.group_weights == "equal":
            scored = [g for g in groups if g.scores]
            total = sum((g.score for g in scored), Decimal(0)) / (len(scored) or 1)
        else:
            total = sum((g.score * (g.group.weight or 0) / 100 for g in groups), Decimal(0))
        results.append(YearScore(year, tuple(groups), _cents(total * rule.scale)))
    checks = {b.id: b.met for b in basic}
    return ScoreCard(system, tuple(results),
                     tuple((b.id, checks.get(b.id, False)) for b in system.basic_requirements))
