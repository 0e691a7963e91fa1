"""Rules of Attachment 2: the evaluation fits its indicator system and passes it, the
totals printed in the document are the computed ones, the negative list is clear, and the
factory's energy efficiency reaches its benchmark."""

from __future__ import annotations

from collections.abc import Iterator

from ...blocks.negative_list import declared_findings
from ...blocks.requirement_check import Conformity
from ...errors import ValidationError
from ...findings import Finding, Severity
from .._shared.plausibility import is_percent, missed_threshold, percent_as_fraction
from .._shared.report import data_file_findings, resolve_data_file
from .energy_benchmarks import BenchmarkTable, energy_findings, resolve_benchmarks
from .indicator_system import IndicatorSystem, resolve_system
from .model import (
    FactorySelfReport,
    FactoryThirdPartyReport,
)
from .scoring import ScoreCard, assessment_problems, score_evaluation, unsupplied_figures

Report = FactorySelfReport | FactoryThirdPartyReport


def check_report(report: Report, system: IndicatorSystem | None = None,
                 benchmarks: BenchmarkTable | None = None) -> list[Finding]:
    """Every finding for a self-evaluation or third-party report (pure when *system* and
    *benchmarks* are given; otherwise the files the report names are read)."""
    findings: list[Finding] = []
    if system is None:
        system, findings = resolve_data_file(resolve_system, report.indicator_system,
                                             "indicator-system", "indicator_system")
    if system is not None:
        findings += _evaluation(report, system)
    findings += declared_findings(report.negative_list, applicant=True)
    if benchmarks is None and report.benchmark_table is not None:
        try:
            benchmarks = resolve_benchmarks(report.benchmark_table)
        except ValidationError as exc:
            findings += data_file_findings("energy-benchmark", "benchmark_table", exc)
    findings += energy_findings(report.energy, benchmarks)
    return findings


def _evaluation(report: Report, system: IndicatorSystem) -> Iterator[Finding]:
    unsupplied = unsupplied_figures(system)
    if unsupplied is not None:
        yield Finding("indicator-system", Severity.ERROR, unsupplied.path, unsupplied.message,
                      unsupplied.message_zh)
        return
    if not system.verified:  # said here, and in draft output; never in the document handed in
        verified = system.verified_figures()
        yield Finding("unverified-system", Severity.WARNING, "indicator_system",
                      f"{system.label}: the scores follow configured figures not all verified "
                      f"against official text (verified: {', '.join(verified) or 'none'}); "
                      f"source: {system.source}",
                      f"{system.label}：得分按所配置的指标体系计算，其中部分数据未经官方核实"
                      f"（已核实：{'、'.join(verified) or '无'}）；来源：{system.source}")
    problems = assessment_problems(report.basic_requirements, report.assessments, system)
    if problems:
        yield from (Finding("scoring", Severity.ERROR, p.path, p.message, p.message_zh)
                    for p in problems)
        return
    yield from _figures(report, system)
    card = score_evaluation(report.basic_requirements, report.assessments, system)
    yield from _failures(report, card)
    yield from _stated(report, card)


def _figures(report: Report, system: IndicatorSystem) -> Iterator[Finding]:
    """Percentages typed as fractions, and figures short of the limit their requirement
    states ("建筑密度不低于30%")."""
    requirements = {r.id: r for _, _, r in system.requirements()}
    for i, a in enumerate(report.assessments):
        r = requirements.get(a.id)
        if r is None or a.value is None or not (is_percent(r.unit) or "%" in r.text):
            continue
        path = f"assessments[{i}].value"
        found = percent_as_fraction(path, r.text, a.value) or missed_threshold(path, r.text,
                                                                                a.value)
        if found is not None:
            yield found


def _failures(report: Report, card: ScoreCard) -> Iterator[Finding]:
    basic_at = {b.id: i for i, b in enumerate(report.basic_requirements)}
    assessed_at = {a.id: i for i, a in enumerate(report.assessments)}
    for failure in card.failures:
        if failure.rule == "basic-requirement":
            path = f"basic_requirements[{basic_at[failure.id]}].met"
        elif failure.rule == "mandatory":
            path = f"assessments[{assessed_at[failure.id]}]"
        else:
            path = "assessments"
        yield Finding(failure.rule, Severity.ERROR, path,
                      failure.message + "; the factory is not a green factory",
                      failure.text_zh + "；不能评为绿色工厂")


def _stated(report: Report, card: ScoreCard) -> Iterator[Finding]:
    if report.stated_total is not None and report.stated_total != card.total:
        yield Finding("stated-score", Severity.ERROR, "stated_total",
                      f"the document states {report.stated_total} but the assessments give "
                      f"{card.total}; render the report again to print the computed total",
                      f"文中所写总分为{report.stated_total}，按各项评分计算为{card.total}；"
                      "请重新生成报告以写入计算结果")
    if isinstance(report, FactoryThirdPartyReport) and report.stated_basic_met is not None \
            and (report.stated_basic_met is Conformity.MET) != card.basic_met:
        found = Conformity.MET if card.basic_met else Conformity.NOT_MET
        yield Finding("stated-score", Severity.ERROR, "stated_basic_met",
                      f"the document states the basic requirements "
                      f"{report.stated_basic_met.label} but the checks give {found.label}; "
                      "render the report again",
                      f"文中写基本要求{report.stated_basic_met.label}，按各项检查为{found.label}；"
                      "请重新生成报告")
