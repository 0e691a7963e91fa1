"""Green industrial parks: Attachment 4, the self-evaluation (4-1) and third-party (4-2)
reports, scored year by year against a park indicator system shipped as data (the 2016
system behind the 2022 notice, a 2025 skeleton) or supplied by the user."""

from __future__ import annotations

import contextlib
from typing import Any

import attrs

from ...blocks.park import ManagementBody, Park, ParkLevel, ParkType
from ...blocks.requirement_check import Conformity
from ...errors import ValidationError
from ...markers.model_view import Marked
from ...registry import FormSpec, on_first_use
from ...rollup.entry import Category, Role, SummaryEntry
from ...types.tick_boxes import TickBoxes
from ...types.year_series import YearSeries
from .._shared.report import RowsById
from .indicator_system import (
    Formula,
    OptionalGroup,
    ParkGroup,
    ParkIndicator,
    ParkSystem,
    ScoringRule,
    load_system,
    missing_figures,
    resolve_system,
    shipped_systems,
)
from .model import (
    CreationSections,
    Eligibility,
    IndicatorValues,
    ParkFigures,
    ParkSelfReport,
    ParkThirdPartyReport,
)
from .rules import INDUSTRIAL_SHARE, check_report
from .scoring import (
    GroupScore,
    IndicatorScore,
    ScoreCard,
    YearScore,
    derived_values,
    fill_derived,
    fit_problems,
    indicator_values,
    industrial_share,
)
from .scoring import score as score_years

Report = ParkSelfReport | ParkThirdPartyReport


def score(report: Report, system: ParkSystem | None = None) -> ScoreCard:
    """The score card of a report, against *system* or the system the report names."""
    system = system or resolve_system(report.indicator_system)
    return score_years(report.basic_requirements, report.indicators, report.figures, system,
                       report.years)


def as_rendered(report: Report) -> Report:
    """*report* with what its documents print filled in: the indicators derived from the
    base figures where left empty, the index of each year (empty when it cannot be scored:
    its rules say why) and, for a third-party report, the basic-requirement result."""
    return _rendered(report)[0]


def _rendered(report: Report) -> tuple[Report, ScoreCard | None]:
    """:func:`as_rendered`'s report, and its score card (None when it cannot be scored)."""
    if isinstance(report, ParkThirdPartyReport):
        report = attrs.evolve(report, stated_basic_met=_basic_result(report))
    unscored = YearSeries(tuple((y, None) for y in report.years))
    try:
        system = resolve_system(report.indicator_system)
    except ValidationError:
        return attrs.evolve(report, stated_scores=unscored), None
    report = attrs.evolve(report, indicators=fill_derived(report.indicators, report.figures,
                                                          system))
    try:
        card = score(report, system)
    except ValidationError:
        return attrs.evolve(report, stated_scores=unscored), None
    return attrs.evolve(report, stated_scores=YearSeries(tuple(
        (y.year, y.index) for y in card.years))), card


def rendered_context(report: Report) -> tuple[Report, dict[str, Any]]:
    """:func:`as_rendered` and :func:`report_context` with one score card."""
    rendered, card = _rendered(report)
    return rendered, report_context(rendered, card)


def _basic_result(report: Report) -> Conformity:
    """符合 when every basic requirement checked is met (the rules see that all are checked)."""
    return Conformity.of(all(b.met for b in report.basic_requirements))


def report_context(report: Report, card: ScoreCard | None = None) -> dict[str, Any]:
    """The system's rows and texts, the group scores per year (of *card*, else of the
    report's own score card), the industrial share line, and (third-party) the
    basic-requirement tick boxes."""
    try:
        system: ParkSystem | None = resolve_system(report.indicator_system)
    except ValidationError:
        system = None
    rows: dict[str, dict[str, Any]] = {}
    texts: dict[str, str] = {}
    groups: list[dict[str, object]] = []
    if system is not None:
        rows = {i.id: {"group": g.name, "name": i.name, "unit": i.unit,
                       "leading": i.leading_shown, "kind": i.kind_label}
                for g, i in system.indicators()}
        texts = {b.id: b.text for b in system.basic_requirements}
        if card is not None:
            groups = card.group_rows()
        else:
            with contextlib.suppress(ValidationError):
                groups = score(report, system).group_rows()
    shares = industrial_share(report.figures)
    share_line = "；".join(f"{y}年：{s if s is not None else '／'}" for y, s in shares.items())
    blank = {"group": "", "name": "", "unit": None, "leading": "", "kind": ""}
    context: dict[str, Any] = {
        "years": report.years, "rows": RowsById(rows, blank), "basic_texts": RowsById(texts, ""),
        "system_name": system.name if system else "",
        "group_rows": groups, "share_line": share_line,
    }
    if isinstance(report, ParkThirdPartyReport):
        context["basic_ticks"] = Marked(TickBoxes(_basic_result(report), "{met}　{not_met}"),
                                        "stated_basic_met", (), "基本要求")
    return context


def summary_entry(report: Report) -> SummaryEntry:
    """The park table row a report gives; a park is identified by its name and region."""
    park = report.park
    agency = report.agency if isinstance(report, ParkThirdPartyReport) else None
    try:
        latest = score(report).index(report.reporting_year)
    except ValidationError:
        latest = None
    return SummaryEntry(
        Category.PARK, Role.SELF if agency is None else Role.THIRD_PARTY, key=park.key,
        name=park.name, region=str(park.region),
        row={"name": park.name, "region": str(park.region), "city": park.city,
             "level": park.level.value, "score": latest,
             "agency": agency.name if agency else None},
        agency=agency.name if agency else None,
        agency_credit_code=str(agency.credit_code) if agency else None)


_NAMES = ("years", "rows", "basic_texts", "system_name", "group_rows", "share_line")

SELF_SPEC = FormSpec(
    id="park-self", attachment="4", title_zh="绿色工业园区自评价报告",
    title_en="Green industrial park self-evaluation report", model=ParkSelfReport,
    layout=on_first_use(f"{__name__}.layout:self_report_layout"), rules=check_report,
    context=report_context, context_names=_NAMES, summary_entry=summary_entry,
    as_rendered=as_rendered, rendered_context=rendered_context)

THIRD_PARTY_SPEC = FormSpec(
    id="park-third-party", attachment="4", title_zh="绿色工业园区第三方评价报告",
    title_en="Green industrial park third-party evaluation report",
    model=ParkThirdPartyReport, layout=on_first_use(f"{__name__}.layout:third_party_layout"),
    rules=check_report,
    context=report_context, context_names=(*_NAMES, "basic_ticks"),
    summary_entry=summary_entry, as_rendered=as_rendered, rendered_context=rendered_context)

__all__ = [
    "INDUSTRIAL_SHARE", "SELF_SPEC", "THIRD_PARTY_SPEC", "CreationSections", "Eligibility",
    "Formula", "GroupScore", "IndicatorScore", "IndicatorValues", "ManagementBody",
    "OptionalGroup", "Park", "ParkFigures", "ParkGroup", "ParkIndicator", "ParkLevel",
    "ParkSelfReport", "ParkSystem", "ParkThirdPartyReport", "ParkType", "ScoreCard",
    "ScoringRule", "YearScore", "as_rendered", "check_report", "derived_values",
    "fit_problems", "indicator_values", "industrial_share", "load_system", "missing_figures",
    "report_context", "resolve_system", "score", "shipped_systems", "summary_entry",
]
