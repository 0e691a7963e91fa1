"""Judging a design product against its evaluation standard (pure functions): it is a green
design product only when it meets every basic requirement, every indicator of the standard,
and has a life-cycle assessment report — the decision rule the standards state."""

from __future__ import annotations

from typing import ClassVar

import attrs

from ...blocks.requirement_check import BasicRequirementCheck
from ...errors import FieldError, ValidationError
from .._shared.report import Failure, Judgement
from .model import IndicatorResult, ProductSelfReport
from .standard import ProductStandard, StandardIndicator, StandardRequirement, missing_figures


@attrs.frozen
class IndicatorVerdict:
    """One indicator: the standard's row, what was entered, and whether it is met."""

    indicator: StandardIndicator
    result: IndicatorResult
    met: bool


@attrs.frozen
class Verdict(Judgement):
    """The whole judgment: basic requirements, indicators, the LCA, the conclusion."""

    requirement_zh: ClassVar[str] = "绿色设计产品评价要求"

    standard: ProductStandard
    basic: tuple[tuple[StandardRequirement, BasicRequirementCheck], ...]
    indicators: tuple[IndicatorVerdict, ...]
    lca_present: bool

    @property
    def failures(self) -> tuple[Failure, ...]:
        out = [Failure("basic-requirement", req.id, f"basic requirement {req.id} is not met "
                       f"({req.text})", f"基本要求{req.id}不符合")
               for req, check in self.basic if not check.met]
        out += [Failure("indicator", v.indicator.id, f"indicator {v.indicator.id} "
                        f"({v.indicator.name}) is not met: {_shown(v)} against "
                        f"{v.indicator.threshold_text}", f"{v.indicator.name}不符合")
                for v in self.indicators if not v.met]
        if not self.lca_present:
            out.append(Failure("lca", "lca", "there is no life-cycle assessment report "
                               "(functional unit, boundary, inventory and impact results)",
                               "未提供产品生命周期评价报告"))
        return tuple(out)


def _shown(v: IndicatorVerdict) -> str:
    if v.indicator.quantitative and v.result.value is not None:
        return f"{format(v.result.value, 'f')} {v.indicator.unit}"
    return "judged not met"


def fit_problems(report: ProductSelfReport, standard: ProductStandard) -> list[FieldError]:
    """Every way the report's checks and indicator results do not fit *standard*: a
    general standard, figures the standard leaves unsupplied, unknown, repeated or missing
    ids, a figure without the unit the standard expects, a judged indicator not judged."""
    if standard.kind == "general":
        return [FieldError("product.standard", f"{standard.label} is the general rules and "
                           "has no indicator table; name the product's own standard",
                           f"{standard.label}为通则，没有指标表；请引用该产品的评价标准")]
    if not standard.indicators:
        return [FieldError("product.standard", f"{standard.label} ships without its indicator "
                           "table; copy it (greendocs system product-self "
                           f"{standard.id} -o FILE), fill in the table from the standard's "
                           "text and name the copy",
                           f"{standard.label}未附指标表；请复制该标准的数据文件，按标准原文补全"
                           "指标表后在报告中引用")]
    missing = missing_figures(standard)
    if missing:
        return [FieldError("product.standard", f"{standard.label} cannot judge yet: its "
                           f"thresholds are not supplied ({', '.join(missing)}); copy it "
                           f"(greendocs system product-self {standard.id} -o FILE), fill them "
                           "in from the standard's text and name the copy",
                           f"{standard.label}尚缺判定所需限值（{', '.join(missing)}），暂不能判定；"
                           "请复制该标准的数据文件，按标准原文补全后在报告中引用")]
    problems = _basic_fit(report.basic_requirements, standard)
    seen: dict[str, int] = {}
    for i, result in enumerate(report.indicators):
        where = f"indicators[{i}]"
        ind = standard.indicator(result.id)
        if ind is None:
            known = ", ".join(x.id for x in standard.indicators)
            problems.append(FieldError(f"{where}.id", f"{result.id!r} is not an indicator of "
                                       f"{standard.number} ({known})",
                                       f"{result.id!r}不是{standard.number}的指标（应为{known}之一）"))
            continue
        if result.id in seen:
            problems.append(FieldError(f"{where}.id", f"{result.id} is evaluated twice (also "
                                       f"at indicators[{seen[result.id]}])",
                                       f"指标{result.id}重复评价（另见第{seen[result.id] + 1}项）"))
        seen.setdefault(result.id, i)
        problems += _result_fit(result, ind, where)
    for ind in standard.indicators:
        if ind.id not in seen:
            problems.append(FieldError("indicators", f"{ind.id} ({ind.name}) is not "
                                       "evaluated", f"指标{ind.id}（{ind.name}）未评价"))
    return problems


def _basic_fit(checks: tuple[BasicRequirementCheck, ...],
               standard: ProductStandard) -> list[FieldError]:
    problems: list[FieldError] = []
    seen: set[str] = set()
    for i, check in enumerate(checks):
        if standard.requirement(check.id) is None:
            known = ", ".join(r.id for r in standard.basic_requirements)
            problems.append(FieldError(f"basic_requirements[{i}].id", f"{check.id!r} is not a "
                                       f"basic requirement of {standard.number} ({known})",
                                       f"{check.id!r}不是{standard.number}的基本要求"))
        seen.add(check.id)
    problems += [FieldError("basic_requirements", f"{r.id} ({r.text}) is not checked",
                            f"基本要求{r.id}（{r.text}）未检查")
                 for r in standard.basic_requirements if r.id not in seen]
    return problems


def _result_fit(result: IndicatorResult, ind: StandardIndicator, where: str
                ) -> list[FieldError]:
    if ind.quantitative:
        if result.value is None:
            return [FieldError(f"{where}.value", f"{ind.name} is judged by its figure: give "
                               f"the value in {ind.unit}",
                               f"{ind.name}按数值判定：请填写以{ind.unit}计的数值")]
        if ind.unit == "%" and not 0 <= result.value <= 100:
            return [FieldError(f"{where}.value", f"{result.value} % is not a share: "
                               f"{ind.name} lies between 0 and 100",
                               f"{result.value}%不是有效比例：{ind.name}应在0至100之间")]
        if result.unit is None or str(result.unit) != ind.unit:
            got = f"{result.unit!s}" if result.unit is not None else "no unit"
            return [FieldError(f"{where}.unit", f"{ind.name} is given in {got}; "
                               f"{ind.threshold_text} is in {ind.unit}: give the value in "
                               f"{ind.unit}",
                               f"{ind.name}的单位为{got}；{ind.threshold_text}以{ind.unit}计："
                               f"请以{ind.unit}填写")]
        return []
    if result.met is None:
        return [FieldError(f"{where}.met", f"{ind.name} ({ind.requirement}) is judged by "
                           "the assessor: say whether it is met",
                           f"{ind.name}（{ind.requirement}）由评价人员判定：请填写是否符合")]
    return []


def _met(ind: StandardIndicator, result: IndicatorResult) -> bool:
    if not ind.quantitative:
        return bool(result.met)
    value, threshold = result.value, ind.threshold
    assert value is not None and threshold is not None
    if ind.comparison == "le":
        return value <= threshold
    if ind.comparison == "ge":
        return value >= threshold
    return value == threshold


def judge(report: ProductSelfReport, standard: ProductStandard) -> Verdict:
    """The verdict on *report* against *standard*; :class:`ValidationError` listing what
    does not fit (see :func:`fit_problems`)."""
    problems = fit_problems(report, standard)
    if problems:
        raise ValidationError(problems)
    checks = {c.id: c for c in report.basic_requirements}
    results = {r.id: r for r in report.indicators}
    return Verdict(
        standard,
        tuple((req, checks[req.id]) for req in standard.basic_requirements),
        tuple(IndicatorVerdict(ind, results[ind.id], _met(ind, results[ind.id]))
              for ind in standard.indicators),
        report.lca.present)


__all__ = ["Failure", "IndicatorVerdict", "Verdict", "fit_problems", "judge"]
