"""Scoring supply-chain assessments against an indicator system: pure functions.

GSCI (绿色供应链管理指数) is the sum of the indicator scores. Qualitative indicators carry
the assessor's score (0 to the maximum); quantitative ones are computed from the figure by
the system's rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from ...errors import FieldError, ValidationError
from ...types.points import add_up, linear_points, share_of
from .indicator_system import Indicator, IndicatorGroup, IndicatorSystem, ScoringRule
from .model import IndicatorAssessment


@attrs.frozen
class IndicatorScore:
    """One indicator's result: what was entered and the score it gives."""

    indicator: Indicator
    value: Decimal | None  # the figure, for quantitative indicators
    score: Decimal
    evidence: str | None


@attrs.frozen
class GroupScore:
    """A group's indicators and their subtotal."""

    group: IndicatorGroup
    scores: tuple[IndicatorScore, ...]

    @property
    def subtotal(self) -> Decimal:
        return add_up(s.score for s in self.scores)


@attrs.frozen
class ScoreCard:
    """The whole evaluation: per group, the GSCI total, and the grade if the system has one."""

    system: IndicatorSystem
    groups: tuple[GroupScore, ...]

    @property
    def total(self) -> Decimal:
        """GSCI: the sum of all indicator scores."""
        return add_up(g.subtotal for g in self.groups)

    @property
    def grade(self) -> str | None:
        return self.system.grade(self.total)

    def by_id(self) -> dict[str, IndicatorScore]:
        return {s.indicator.id: s for g in self.groups for s in g.scores}


def rule_score(rule: ScoringRule, maximum: Decimal, value: Decimal) -> Decimal:
    """The score a figure earns under *rule*, between 0 and *maximum*, to 0.01."""
    if rule.kind == "proportional":
        assert rule.target is not None
        return share_of(maximum, min(value, rule.target) / rule.target)
    assert rule.baseline is not None and rule.leading is not None
    return linear_points(maximum, value, rule.baseline, rule.leading)


def assessment_problems(assessments: Sequence[IndicatorAssessment],
                        system: IndicatorSystem) -> list[FieldError]:
    """Every way *assessments* do not fit *system* (paths into ``assessments``)."""
    problems: list[FieldError] = []
    seen: dict[str, int] = {}
    for i, a in enumerate(assessments):
        ind = system.indicator(a.id)
        where = f"assessments[{i}]"
        if ind is None:
            problems.append(FieldError(f"{where}.id", f"{a.id!r} is not an indicator of "
                                       f"{system.name} ({system.id})",
                                       f"{a.id!r}不是{system.name}的指标"))
            continue
        if a.id in seen:
            problems.append(FieldError(f"{where}.id", f"{a.id} is assessed twice (also at "
                                       f"assessments[{seen[a.id]}])",
                                       f"{a.id}重复评分（另见第{seen[a.id] + 1}项）"))
        seen.setdefault(a.id, i)
        if ind.kind == "qualitative":
            if a.score is None:
                problems.append(FieldError(f"{where}.score", f"{a.id} {ind.name} is "
                                           "qualitative: give the assessed score",
                                           f"{a.id} {ind.name}为定性指标：请填写评定得分"))
            elif not Decimal(0) <= a.score <= ind.max:
                problems.append(FieldError(f"{where}.score", f"{a.score} is outside 0 to "
                                           f"{ind.max}, the range of {a.id} {ind.name}",
                                           f"得分{a.score}超出{a.id} {ind.name}的分值范围"
                                           f"0至{ind.max}"))
        elif a.value is None:
            problems.append(FieldError(f"{where}.value", f"{a.id} {ind.name} is quantitative: "
                                       f"give the figure ({ind.unit or 'value'})",
                                       f"{a.id} {ind.name}为定量指标：请填写数值"
                                       f"{f'（{ind.unit}）' if ind.unit else ''}"))
        elif a.score is not None:
            problems.append(FieldError(f"{where}.score", f"{a.id} is scored from its figure; "
                                       "leave the score out",
                                       f"{a.id}按数值评分；请勿填写得分"))
    for ind in system.indicators():
        if ind.id not in seen:
            problems.append(FieldError("assessments", f"{ind.id} {ind.name} is not assessed",
                                       f"{ind.id} {ind.name}未评分"))
    return problems


def score(assessments: Sequence[IndicatorAssessment], system: IndicatorSystem,
          source: str | None = None) -> ScoreCard:
    """The score card of *assessments*; :class:`ValidationError` if they do not fit."""
    problems = assessment_problems(assessments, system)
    if problems:
        raise ValidationError(problems, source)
    by_id = {a.id: a for a in assessments}
    groups = []
    for group in system.groups:
        scores = []
        for ind in group.indicators:
            a = by_id[ind.id]
            if ind.kind == "qualitative":
                assert a.score is not None
                points = a.score
            else:
                assert a.value is not None and ind.rule is not None
                points = rule_score(system.rules[ind.rule], ind.max, a.value)
            scores.append(IndicatorScore(ind, a.value, points, a.evidence))
        groups.append(GroupScore(group, tuple(scores)))
    return ScoreCard(system, tuple(groups))
