"""Green supply-chain management enterprises: Attachment 5, the self-evaluation and
third-party reports. (Attachment 9, the dynamic table, is ``supply_chain_dynamic``; its
names are re-exported here as before.)"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ...errors import FieldError, ValidationError
from ...registry import FormSpec, SheetNotes, on_first_use
from ...rollup.entry import Category
from .._shared.report import report_summary
from ..supply_chain_dynamic import (  # Attachment 9, formerly in this package
    DYNAMIC_SPEC,
    Disclosure,
    ListedEnterprise,
    SupplyChainDynamicReport,
    SupplyChainKeyIndicators,
    check_dynamic,
)
from .indicator_system import (
    GradeBand,
    Grading,
    Indicator,
    IndicatorGroup,
    IndicatorSystem,
    ScoringRule,
    load_system,
    shipped_system,
)
from .model import (
    IndicatorAssessment,
    PracticeSections,
    SupplyChainEnterprise,
    SupplyChainSelfReport,
    SupplyChainThirdPartyReport,
)
from .rules import INDUSTRY_SYSTEMS, check_report
from .scoring import GroupScore, IndicatorScore, ScoreCard, assessment_problems, rule_score, score

_KIND = {"qualitative": "定性", "quantitative": "定量"}


def report_context(report: SupplyChainSelfReport | SupplyChainThirdPartyReport,
                   system: IndicatorSystem | None = None) -> dict[str, Any]:
    """The score card and its table rows for a report's template (scores computed here,
    never typed by hand)."""
    system = system or shipped_system(report.indicator_system)
    if system is None:
        raise ValidationError([FieldError(
            "indicator_system", f"{report.indicator_system!r} is not a shipped indicator "
            "system; render with the Python API and an IndicatorSystem from load_system()",
            f"{report.indicator_system!r}不是greendocs所附的评价指标体系")])
    card = score(report.assessments, system)
    rows = {s.indicator.id: {"group": g.group.name, "name": s.indicator.name,
                             "kind": _KIND[s.indicator.kind], "max": s.indicator.max,
                             "score": s.score}
            for g in card.groups for s in g.scores}
    note = f"{system.name}（{system.version}）。来源：{system.source}。"
    if not system.verified or any(not r.verified for r in system.rules.values()):
        unverified = "；".join(f"{r.source}" for r in system.rules.values() if not r.verified)
        note += f"定量指标按所配置的计分规则计算（该规则未经官方核实：{unverified}）。"
    if card.grade:
        note += f"评价等级：{card.grade}。"
    return {"scorecard": card, "rows": rows, "system": system, "system_note": note}


_REPORT_NAMES = ("scorecard", "rows", "system", "system_note")


def _total(report: SupplyChainSelfReport | SupplyChainThirdPartyReport) -> Decimal | None:
    system = shipped_system(report.indicator_system)
    if system is None or assessment_problems(report.assessments, system):
        return None
    return score(report.assessments, system).total


summary_entry = report_summary(Category.SUPPLY_CHAIN, "enterprise", _total)


def sheet_notes(report: SupplyChainSelfReport | SupplyChainThirdPartyReport) -> SheetNotes:
    """Beside each assessment in the spreadsheet: its indicator and maximum (the score cell
    checked against it); below, each group's subtotal and the GSCI total."""
    system = shipped_system(report.indicator_system)
    if system is None or assessment_problems(report.assessments, system):
        return SheetNotes()
    card = score(report.assessments, system)
    described = ((s.indicator.id, f"{g.group.name}／{s.indicator.name}（{_KIND[s.indicator.kind]}"
                  + (f"，单位{s.indicator.unit}" if s.indicator.unit else "")
                  + f"，满分{s.indicator.max}）", s.indicator.max)
                 for g in card.groups for s in g.scores)
    totals = [(f"得分汇总 / {g.group.name}", g.subtotal) for g in card.groups]
    return SheetNotes.for_scores(report.assessments, described,
                                 [*totals, ("总分（GSCI）", card.total)])


SELF_SPEC = FormSpec(
    id="supply-chain-self", attachment="5", title_zh="绿色供应链管理企业自评价报告",
    title_en="Green supply-chain management enterprise self-evaluation report",
    model=SupplyChainSelfReport, rules=check_report, context=report_context,
    sheet_notes=sheet_notes,
    context_names=_REPORT_NAMES, layout=on_first_use(f"{__name__}.layout:self_report_layout"),
    summary_entry=summary_entry,)

THIRD_PARTY_SPEC = FormSpec(
    id="supply-chain-third-party", attachment="5", title_zh="绿色供应链管理企业第三方评价报告",
    title_en="Green supply-chain management enterprise third-party evaluation report",
    model=SupplyChainThirdPartyReport, rules=check_report, context=report_context,
    sheet_notes=sheet_notes,
    context_names=_REPORT_NAMES, layout=on_first_use(f"{__name__}.layout:third_party_layout"),
    summary_entry=summary_entry,)

__all__ = [
    "DYNAMIC_SPEC", "INDUSTRY_SYSTEMS", "SELF_SPEC", "THIRD_PARTY_SPEC", "Disclosure",
    "GradeBand", "Grading", "GroupScore", "Indicator", "IndicatorAssessment", "IndicatorGroup",
    "IndicatorScore", "IndicatorSystem", "ListedEnterprise", "PracticeSections", "ScoreCard",
    "ScoringRule", "SupplyChainDynamicReport", "SupplyChainEnterprise",
    "SupplyChainKeyIndicators", "SupplyChainSelfReport", "SupplyChainThirdPartyReport",
    "check_dynamic", "check_report", "load_system", "report_context", "rule_score", "score",
    "shipped_system",
]
