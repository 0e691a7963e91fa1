"""Green factories: Attachment 2, the self-evaluation report (2-1) and the third-party
evaluation report (2-2), scored against a green-factory indicator system
(GB/T 36132-2018 shipped complete, GB/T 36132-2025 as structure, or the user's own)."""

from __future__ import annotations

from typing import Any

from ...blocks.requirement_check import BasicRequirementCheck, Conformity
from ...blocks.unit_nature import TICK_LINE
from ...errors import ValidationError
from ...markers.model_view import Marked
from ...model.stated_figures import stating
from ...registry import FormSpec, SheetNotes, on_first_use
from ...rollup.entry import Category
from ...types.tick_boxes import TickBoxes
from .._shared.report import Failure, report_summary
from .energy_benchmarks import BenchmarkEntry, BenchmarkTable, energy_findings, load_benchmarks
from .indicator_system import (
    SHIPPED_SYSTEMS,
    BasicRequirement,
    Indicator,
    IndicatorGroup,
    IndicatorSystem,
    Requirement,
    load_system,
    missing_figures,
    resolve_system,
    shipped_system,
)
from .model import (
    BenchmarkKind,
    CreationSections,
    EnergyEfficiency,
    Factory,
    FactorySelfReport,
    FactoryThirdPartyReport,
    Registration,
    RequirementAssessment,
    SelfEvaluatedFactory,
)
from .rules import check_report
from .scoring import (
    BasicResult,
    GroupResult,
    RequirementScore,
    ScoreCard,
    assessment_problems,
    score_evaluation,
)

Report = FactorySelfReport | FactoryThirdPartyReport


def score(report: Report, system: IndicatorSystem | None = None) -> ScoreCard:
    """The score card of a report, against *system* or the system the report names."""
    system = system or resolve_system(report.indicator_system)
    return score_evaluation(report.basic_requirements, report.assessments, system)


def system_note(system: IndicatorSystem) -> str:
    """What a rendered report says about the system its scores follow."""
    note = f"{system.label}，{system.version}版指标体系。来源：{system.source}。"
    if not system.verified:
        note += "本报告得分按所配置的指标体系计算，其中部分数据未经官方核实。"
        verified = system.verified_figures()
        if verified:
            note += f"已核实：{'、'.join(verified)}；其余为待核实的配置值。"
        if system.figures_note:
            note += f"{system.figures_note}。"
    if system.pass_mark is not None:
        note += f"合格分数线：{system.pass_mark}分。"
    return note


def report_context(report: Report, card: ScoreCard | None = None) -> dict[str, Any]:
    """The score card (*card*, else the report's), its table rows and the tick boxes
    for a report's template. The report comes through :func:`as_rendered`, so its total
    is the computed one."""
    card = card if card is not None else score(report)
    rows = {s.requirement.id: {"group": g.group.name, "indicator": s.indicator.name,
                               "text": s.requirement.text, "kind": s.requirement.kind_label,
                               "points": s.requirement.points, "score": s.score}
            for g in card.groups for s in g.scores}
    context: dict[str, Any] = {
        "scorecard": card, "rows": rows, "system_label": card.system.label,
        "system_name": card.system.name,
        "basic_texts": {b.id: b.text for b in card.system.basic_requirements},
        "system_note": system_note(card.system),
        "nature_ticks": Marked(TickBoxes(report.factory.nature, TICK_LINE), "factory.nature",
                               (), "单位性质"),
    }
    if isinstance(report, FactoryThirdPartyReport):
        verdict = Conformity.MET if card.basic_met else Conformity.NOT_MET
        context["basic_ticks"] = Marked(TickBoxes(verdict, "{met}　{not_met}"),
                                        "stated_basic_met", (), "基本要求")
    return context


def as_rendered(report: Report) -> Report:
    """*report* with the figures its documents print filled in: the computed total and,
    for a third-party report, the basic-requirement result. Unchanged when it cannot be
    scored (its rules say why)."""
    try:
        card = score(report)
    except ValidationError:
        return report
    return _stating(report, card)


def _stating(report: Report, card: ScoreCard) -> Report:
    """*report* stating *card*'s total (and, third-party, its basic-requirement result)."""
    if isinstance(report, FactoryThirdPartyReport):
        met = Conformity.MET if card.basic_met else Conformity.NOT_MET
        return stating(report, stated_total=card.total, stated_basic_met=met)
    return stating(report, stated_total=card.total)


def rendered_context(report: Report) -> tuple[Report, dict[str, Any]]:
    """:func:`as_rendered` and :func:`report_context` with one score card (a report that
    cannot be scored is refused, as its context is: its rules say why)."""
    card = score(report)
    rendered = _stating(report, card)
    return rendered, report_context(rendered, card)


def sheet_notes(report: Report) -> SheetNotes:
    """Beside each assessment in the spreadsheet: its requirement and full points (the
    score cell checked against them); below, each group's and the total score."""
    try:
        card = score(report)
    except ValidationError:
        return SheetNotes()
    described = ((s.requirement.id, f"{g.group.name}／{s.indicator.name}：{s.requirement.text}"
                  f"（{s.requirement.kind_label}，满分{s.requirement.points}）",
                  s.requirement.points) for g in card.groups for s in g.scores)
    totals = [(f"得分汇总 / {g.group.name}（权重{g.group.weight}%）", g.weighted)
              for g in card.groups]
    return SheetNotes.for_scores(report.assessments, described, [*totals, ("总分", card.total)])


_CONTEXT_NAMES = ("scorecard", "rows", "system_label", "system_name", "basic_texts", "system_note",
                  "nature_ticks")


summary_entry = report_summary(Category.FACTORY, "factory", lambda r: score(r).total)


SELF_SPEC = FormSpec(
    id="factory-self", attachment="2", title_zh="绿色工厂自评价报告",
    title_en="Green factory self-evaluation report",
    model=FactorySelfReport, rules=check_report, context=report_context,
    sheet_notes=sheet_notes,
    context_names=_CONTEXT_NAMES, layout=on_first_use(f"{__name__}.layout:self_report_layout"),
    summary_entry=summary_entry,
    as_rendered=as_rendered, rendered_context=rendered_context)

THIRD_PARTY_SPEC = FormSpec(
    id="factory-third-party", attachment="2", title_zh="绿色工厂第三方评价报告",
    title_en="Green factory third-party evaluation report",
    model=FactoryThirdPartyReport, rules=check_report, context=report_context,
    sheet_notes=sheet_notes,
    context_names=(*_CONTEXT_NAMES, "basic_ticks"),
    layout=on_first_use(f"{__name__}.layout:third_party_layout"),
    summary_entry=summary_entry, as_rendered=as_rendered, rendered_context=rendered_context)

#: the names these had before every form used one name per concept
FactoryScoreCard = ScoreCard
FactorySystem = IndicatorSystem
score_factory = score
load_factory_system = load_system
shipped_factory_system = shipped_system
resolve_factory_system = resolve_system

__all__ = [
    "SELF_SPEC",
    "SHIPPED_SYSTEMS",
    "THIRD_PARTY_SPEC",
    "BasicRequirement",
    "BasicRequirementCheck",
    "BasicResult",
    "BenchmarkEntry",
    "BenchmarkKind",
    "BenchmarkTable",
    "Conformity",
    "CreationSections",
    "EnergyEfficiency",
    "Factory",
    "FactoryScoreCard",
    "FactorySelfReport",
    "FactorySystem",
    "FactoryThirdPartyReport",
    "Failure",
    "GroupResult",
    "Indicator",
    "IndicatorGroup",
    "IndicatorSystem",
    "Registration",
    "Requirement",
    "RequirementAssessment",
    "RequirementScore",
    "ScoreCard",
    "SelfEvaluatedFactory",
    "as_rendered",
    "assessment_problems",
    "check_report",
    "energy_findings",
    "load_benchmarks",
    "load_factory_system",
    "load_system",
    "missing_figures",
    "report_context",
    "resolve_factory_system",
    "resolve_system",
    "score",
    "score_evaluation",
    "score_factory",
    "shipped_factory_system",
    "shipped_system",
    "system_note",
]
