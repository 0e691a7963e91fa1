"""Rules of Attachment 5: the scores fit the indicator system, the applicant leads its
chain, and the notice's industries use their industry system."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from .._shared.plausibility import fractions, is_percent
from .indicator_system import IndicatorSystem, shipped_system
from .model import SupplyChainSelfReport, SupplyChainThirdPartyReport
from .scoring import assessment_problems

#: GB/T 4754-2017 divisions of the industries for which the notice requires the industry
#: system instead of the general one.
INDUSTRY_SYSTEMS = {
    "38": "电子电器行业", "39": "电子电器行业",
    "34": "机械行业", "35": "机械行业",
    "36": "汽车行业",
}

Report = SupplyChainSelfReport | SupplyChainThirdPartyReport


def check_report(report: Report, system: IndicatorSystem | None = None) -> list[Finding]:
    """Every finding for a self-evaluation or third-party report (pure)."""
    system = system or shipped_system(report.indicator_system)
    findings: list[Finding] = []
    if system is None:
        findings.append(Finding(
            "indicator-system", Severity.ERROR, "indicator_system",
            f"{report.indicator_system!r} is not an indicator system shipped with greendocs "
            "('general'); score an industry system with load_system(FILE)",
            f"{report.indicator_system!r}不是greendocs所附的评价指标体系；行业评价体系请以数据文件提供"))
    else:
        unverified = [r.source for r in system.rules.values() if not r.verified]
        if not system.verified or unverified:  # said here and in draft output only
            findings.append(Finding(
                "unverified-system", Severity.WARNING, "indicator_system",
                f"{system.name}: the quantitative indicators are scored by a configured rule "
                f"not verified against official text ({'; '.join(unverified)}); source: "
                f"{system.source}",
                f"{system.name}：定量指标按所配置的计分规则计算，该规则未经官方核实"
                f"（{'；'.join(unverified)}）；来源：{system.source}"))
        findings += [Finding("scoring", Severity.ERROR, p.path, p.message, p.message_zh)
                     for p in assessment_problems(report.assessments, system)]
        findings += _industry_system(report, system)
        findings += _percentages(report, system)
    findings += _chain_leader(report)
    if isinstance(report, SupplyChainThirdPartyReport) and not report.basic_requirements_met:
        findings.append(Finding("basic-requirements", Severity.WARNING,
                                "basic_requirements_met", "the agency found the basic "
                                "requirements not met: the enterprise cannot be recommended",
                                "评价机构认定基本要求不满足：该企业不能推荐"))
    return findings


def _percentages(report: Report, system: IndicatorSystem) -> list[Finding]:
    return fractions((f"assessments[{i}].value", indicator.name, a.value)
                     for i, a in enumerate(report.assessments)
                     if (indicator := system.indicator(a.id)) is not None
                     and is_percent(indicator.unit))


def _industry_system(report: Report, system: IndicatorSystem) -> Iterator[Finding]:
    for i, industry in enumerate(report.enterprise.industries):
        needed = INDUSTRY_SYSTEMS.get(industry.code[:2])
        if needed and industry.code[:2] not in system.industries:
            yield Finding(
                "industry-system", Severity.WARNING, f"enterprise.industries[{i}]",
                f"{industry} belongs to the {needed}, for which the notice requires the "
                f"{needed} green supply-chain evaluation system; it was scored against "
                f"{system.name}",
                f"{industry}属于{needed}，通知要求采用{needed}绿色供应链管理评价体系；"
                f"本报告按{system.name}评分")


def _chain_leader(report: Report) -> Iterator[Finding]:
    e = report.enterprise
    missing: list[tuple[str, Any]] = [("revenue", e.revenue), ("chain_position",
                                                              e.chain_position),
                                      ("supplier_count", e.supplier_count)]
    for name, value in missing:
        if value is None:
            yield Finding("chain-leader", Severity.WARNING, f"enterprise.{name}",
                          "is empty: the notice recommends chain-leading enterprises; "
                          "record the evidence (revenue, position in the chain, suppliers)",
                          "未填写：通知推荐链主企业，请填写相关依据（营业收入、产业链地位、供应商数量）")
