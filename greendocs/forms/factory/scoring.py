"""Scoring a green-factory evaluation against its indicator system: pure functions.

The basic requirements are a veto. Each requirement earns points: qualitative ones the
points the assessor gives (0 to the maximum), quantitative ones points from the figure,
linear between the baseline and the leading value. A group's score is its points as a
share of the group's full points, times the group's weight; the total is the sum.
A factory passes when every basic requirement and every mandatory requirement is met
and, where a pass mark is configured, the total reaches it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import ClassVar

import attrs

from ...blocks.requirement_check import BasicRequirementCheck
from ...errors import FieldError, ValidationError
from ...types.points import add_up, linear_points, share_of
from .._shared.report import Failure, Judgement
from .indicator_system import (
    BasicRequirement,
    Indicator,
    IndicatorGroup,
    IndicatorSystem,
    Requirement,
    missing_figures,
)
from .model import (
    RequirementAssessment,
)


@attrs.frozen
class RequirementScore:
    """One requirement's result: what was entered and the points it gives."""

    indicator: Indicator
    requirement: Requirement
    value: Decimal | None
    score: Decimal
    evidence: str | None

    @property
    def met(self) -> bool:
        """Full points for a qualitative requirement; for a quantitative one, a figure at
        or better than the baseline."""
        req = self.requirement
        if req.quantitative:
            assert self.value is not None and req.baseline is not None
            return (self.value <= req.baseline if req.better == "lower"
                    else self.value >= req.baseline)
        return self.score == req.points


@attrs.frozen
class GroupResult:
    """A first-level group: its requirements' points, and its weighted score."""

    group: IndicatorGroup
    scores: tuple[RequirementScore, ...]

    @property
    def earned(self) -> Decimal:
        return add_up(s.score for s in self.scores)

    @property
    def points(self) -> Decimal:
        points = self.group.points
        assert points is not None
        return points

    @property
    def weighted(self) -> Decimal:
        """The group's contribution to the total (out of its weight), to 0.01."""
        assert self.group.weight is not None
        return share_of(self.group.weight, self.earned / self.points)


@attrs.frozen
class BasicResult:
    """A basic requirement and whether it was found met."""

    requirement: BasicRequirement
    met: bool
    evidence: str | None


@attrs.frozen
class ScoreCard(Judgement):
    """The whole evaluation: the veto, each group, the total and the verdict."""

    requirement_zh: ClassVar[str] = "绿色工厂评价要求"

    system: IndicatorSystem
    basic: tuple[BasicResult, ...]
    groups: tuple[GroupResult, ...]
    pass_mark: Decimal | None = None

    @property
    def total(self) -> Decimal:
        """The sum of the groups' weighted scores."""
        return add_up(g.weighted for g in self.groups)

    @property
    def basic_met(self) -> bool:
        return all(b.met for b in self.basic)

    def scores(self) -> tuple[RequirementScore, ...]:
        return tuple(s for g in self.groups for s in g.scores)

    def by_id(self) -> dict[str, RequirementScore]:
        return {s.requirement.id: s for s in self.scores()}

    @property
    def failures(self) -> tuple[Failure, ...]:
        """Every reason the factory fails, basic requirements first."""
        out = [Failure("basic-requirement", b.requirement.id,
                       f"basic requirement {b.requirement.id} is not met "
                       f"({b.requirement.text}): a veto", f"基本要求{b.requirement.id}不符合")
               for b in self.basic if not b.met]
        out += [Failure("mandatory", s.requirement.id,
                        f"mandatory requirement {s.requirement.id} ({s.requirement.text}) is "
                        f"not met: {s.score} of {s.requirement.points} points"
                        + (f", figure {s.value} against the baseline {s.requirement.baseline}"
                           if s.requirement.quantitative else ""),
                        f"必选要求{s.requirement.id}未满足")
                for s in self.scores() if s.requirement.mandatory and not s.met]
        if self.pass_mark is not None and self.total < self.pass_mark:
            out.append(Failure("pass-mark", "total", f"the total {self.total} is below the "
                               f"pass mark {self.pass_mark}",
                               f"总分{self.total}低于{self.pass_mark}分"))
        return tuple(out)


def assessment_problems(basic: Sequence[BasicRequirementCheck],
                        assessments: Sequence[RequirementAssessment],
                        system: IndicatorSystem) -> list[FieldError]:
    """Every way the checks and assessments do not fit *system*: unknown or repeated ids,
    requirements left out, points outside 0 to the maximum, missing figures."""
    problems: list[FieldError] = []
    seen: dict[str, int] = {}
    for i, b in enumerate(basic):
        where = f"basic_requirements[{i}].id"
        if system.basic_requirement(b.id) is None:
            problems.append(FieldError(where, f"{b.id!r} is not a basic requirement of "
                                       f"{system.label} ({_ids(system.basic_requirements)})",
                                       f"{b.id!r}不是{system.label}的基本要求"
                                       f"（应为{_ids(system.basic_requirements)}之一）"))
        elif b.id in seen:
            problems.append(FieldError(where, f"{b.id} is checked twice (also at "
                                       f"basic_requirements[{seen[b.id]}])",
                                       f"基本要求{b.id}重复检查（另见第{seen[b.id] + 1}项）"))
        seen.setdefault(b.id, i)
    for basic_req in system.basic_requirements:
        if basic_req.id not in seen:
            problems.append(FieldError("basic_requirements", f"{basic_req.id} "
                                       f"({basic_req.text}) is not checked",
                                       f"基本要求{basic_req.id}（{basic_req.text}）未检查"))
    seen = {}
    requirements = {r.id: r for _, _, r in system.requirements()}
    for i, a in enumerate(assessments):
        req = requirements.get(a.id)
        if req is None:
            problems.append(FieldError(f"assessments[{i}].id", f"{a.id!r} is not a "
                                       f"requirement of {system.label} ({system.id})",
                                       f"{a.id!r}不是{system.label}的评价要求"))
            continue
        if a.id in seen:
            problems.append(FieldError(f"assessments[{i}].id", f"{a.id} is assessed twice "
                                       f"(also at assessments[{seen[a.id]}])",
                                       f"{a.id}重复评分（另见第{seen[a.id] + 1}项）"))
        seen.setdefault(a.id, i)
        problems += _fit(a, req, i)
    for req in requirements.values():
        if req.id not in seen:
            problems.append(FieldError("assessments", f"{req.id} ({req.text}) is not assessed",
                                       f"{req.id}（{req.text}）未评分"))
    return problems


def _fit(a: RequirementAssessment, req: Requirement, i: int) -> list[FieldError]:
    """What is wrong with the assessment *a* (``assessments[i]``) of *req*."""
    if req.quantitative:
        if a.value is not None and a.score is None:
            return []
        where = f"assessments[{i}]"
        if a.value is None:
            return [FieldError(f"{where}.value", f"{a.id} ({req.text}) is scored from its "
                               f"figure: give the value in {req.unit}",
                               f"{a.id}（{req.text}）按数值评分：请填写以{req.unit}计的数值")]
        if a.score is not None:
            return [FieldError(f"{where}.score", f"{a.id} is scored from its figure; leave "
                               "the score out",
                               f"{a.id}按数值评分；请勿填写得分")]
        return []
    if a.score is not None and (req.points is None or Decimal(0) <= a.score <= req.points):
        return []
    where = f"assessments[{i}]"
    if a.score is None:
        return [FieldError(f"{where}.score", f"{a.id} ({req.text}) needs the points given, "
                           f"0 to {req.points}",
                           f"{a.id}（{req.text}）需填写得分，0至{req.points}分")]
    if req.points is not None and not Decimal(0) <= a.score <= req.points:
        return [FieldError(f"{where}.score", f"{a.score} is outside 0 to {req.points}, the "
                           f"range of {a.id} ({req.kind_label})",
                           f"得分{a.score}超出{a.id}（{req.kind_label}）的分值范围0至{req.points}")]
    return []


def _ids(items: Sequence[BasicRequirement]) -> str:
    return ", ".join(i.id for i in items)


def unsupplied_figures(system: IndicatorSystem) -> FieldError | None:
    """The problem of a system that leaves figures to the user, or None if it can score."""
    missing = missing_figures(system)
    if not missing:
        return None
    shown = ", ".join(missing[:6]) + (f" and {len(missing) - 6} more" if len(missing) > 6
                                      else "")
    return FieldError(
        "indicator_system", f"{system.id} ({system.standard}) cannot score yet: its figures "
        f"are not supplied ({shown}); copy the system's YAML file (greendocs system "
        f"factory-self {system.id} -o FILE), fill them in and name the copy",
        f"评价指标体系{system.standard}尚缺评分所需数值（{shown}），暂不能评分；"
        "请复制该体系的数据文件，补全数值后在报告中引用")


def score_evaluation(basic: Sequence[BasicRequirementCheck],
                     assessments: Sequence[RequirementAssessment], system: IndicatorSystem, *,
                     pass_mark: Decimal | None = None,
                     source: str | None = None) -> ScoreCard:
    """The score card of an evaluation against *system*. :class:`ValidationError` when the
    system lacks figures or the entries do not fit it. *pass_mark* overrides the system's."""
    unsupplied = unsupplied_figures(system)
    if unsupplied is not None:
        raise ValidationError([unsupplied], source)
    problems = assessment_problems(basic, assessments, system)
    if problems:
        raise ValidationError(problems, source)
    checks = {b.id: b for b in basic}
    by_id = {a.id: a for a in assessments}
    groups = []
    for group in system.groups:
        scores = []
        for indicator in group.indicators:
            for req in indicator.requirements:
                a = by_id[req.id]
                scores.append(RequirementScore(indicator, req, a.value, _points(req, a),
                                               a.evidence))
        groups.append(GroupResult(group, tuple(scores)))
    basic_results = tuple(BasicResult(r, checks[r.id].met, checks[r.id].evidence)
                          for r in system.basic_requirements)
    return ScoreCard(system, basic_results, tuple(groups),
                            system.pass_mark if pass_mark is None else pass_mark)


def _points(req: Requirement, a: RequirementAssessment) -> Decimal:
    assert req.points is not None
    if req.quantitative:
        assert a.value is not None and req.baseline is not None and req.leading is not None
        return linear_points(req.points, a.value, req.baseline, req.leading)
    assert a.score is not None
    return a.score
