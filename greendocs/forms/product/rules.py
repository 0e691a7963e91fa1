"""Rules of Attachment 3: the evaluation fits its standard and the product qualifies, the
printed conclusion is the computed one, the negative list is clear; unverified standard
figures are said (as a warning, never in the document)."""

from __future__ import annotations

from collections.abc import Iterator

from ...blocks.negative_list import declared_findings
from ...blocks.requirement_check import Conformity
from ...findings import Finding, Severity
from .._shared.report import resolve_data_file
from .model import ProductSelfReport
from .standard import ProductStandard, resolve_standard
from .verdict import fit_problems, judge

_PATHS = {"basic-requirement": "basic_requirements", "indicator": "indicators", "lca": "lca"}


def check_report(report: ProductSelfReport,
                 standard: ProductStandard | None = None) -> list[Finding]:
    """Every finding for a self-evaluation report (pure when *standard* is given;
    otherwise the standard the report names is read)."""
    findings: list[Finding] = []
    if standard is None:
        standard, findings = resolve_data_file(resolve_standard, report.product.standard,
                                               "product-standard", "product.standard")
    if standard is not None:
        findings += _evaluation(report, standard)
    findings += declared_findings(report.negative_list, applicant=True)
    return findings


def _evaluation(report: ProductSelfReport, standard: ProductStandard) -> Iterator[Finding]:
    if not standard.verified:
        note = f"; {standard.figures_note}" if standard.figures_note else ""
        yield Finding("unverified-standard", Severity.WARNING, "product.standard",
                      f"{standard.label} is not verified against the standard's text "
                      f"({standard.source}{note}); the conclusion follows the configured "
                      "figures",
                      f"{standard.label}未经标准原文核实；结论按所配置的数值得出")
    problems = fit_problems(report, standard)
    if problems:
        yield from (Finding("product-standard", Severity.ERROR, p.path, p.message, p.message_zh)
                    for p in problems)
        return
    verdict = judge(report, standard)
    at = {r.id: i for i, r in enumerate(report.indicators)}
    basic_at = {c.id: i for i, c in enumerate(report.basic_requirements)}
    for failure in verdict.failures:
        if failure.rule == "indicator":
            path = f"indicators[{at[failure.id]}]"
        elif failure.rule == "basic-requirement":
            path = f"basic_requirements[{basic_at[failure.id]}].met"
        else:
            path = _PATHS[failure.rule]
        yield Finding(failure.rule, Severity.ERROR, path,
                      failure.message + "; the product is not a green design product",
                      failure.text_zh + "；不能评为绿色设计产品")
    for v in verdict.indicators:
        if v.indicator.quantitative and v.result.met is not None and v.result.met != v.met:
            printed, computed = ("是" if v.result.met else "否"), ("是" if v.met else "否")
            yield Finding("stated-verdict", Severity.ERROR, f"indicators[{at[v.result.id]}].met",
                          f"the document says {v.indicator.name} is met: {printed}, but "
                          f"{v.result.value} against {v.indicator.threshold_text} gives "
                          f"{computed}; render the report again",
                          f"文中写{v.indicator.name}符合：{printed}，但{v.result.value}对照"
                          f"{v.indicator.threshold_text}应为{computed}；请重新生成报告")
    found = Conformity.of(verdict.passed)
    if report.stated_verdict is not None and report.stated_verdict is not found:
        yield Finding("stated-verdict", Severity.ERROR, "stated_verdict",
                      f"the document concludes {report.stated_verdict.label} but the "
                      f"evaluation gives {found.label}; render the report again",
                      f"文中结论为{report.stated_verdict.label}，按评价应为{found.label}；"
                      "请重新生成报告")
