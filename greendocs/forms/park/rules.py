"""Rules of Attachment 4: the notice's eligibility (provincial level or above — the model
allows no other —, manufacturing and energy supply as main functions, industrial added
value above 50 % of the park's, a statutory boundary, a unified management body), the
basic requirements (a veto), the indicators fitting the system, the printed scores being
the computed ones, and the negative list."""

from __future__ import annotations

from collections.abc import Iterator

from ...blocks.negative_list import declared_findings
from ...blocks.requirement_check import Conformity
from ...findings import Finding, Severity
from .._shared.report import resolve_data_file
from .indicator_system import ParkSystem, resolve_system
from .model import ParkSelfReport, ParkThirdPartyReport
from .scoring import fit_problems, industrial_share, score

Report = ParkSelfReport | ParkThirdPartyReport
#: the share of industrial added value a park must exceed (the notice: 50 %)
INDUSTRIAL_SHARE = 50


def check_report(report: Report, system: ParkSystem | None = None) -> list[Finding]:
    """Every finding for a park report (pure when *system* is given; otherwise the system
    the report names is read)."""
    findings: list[Finding] = [*_eligibility(report)]
    if system is None:
        system, unusable = resolve_data_file(resolve_system, report.indicator_system,
                                             "indicator-system", "indicator_system")
        findings += unusable
    if system is not None:
        findings += _evaluation(report, system)
    findings += declared_findings(report.negative_list, applicant=True)
    return findings


def _eligibility(report: Report) -> Iterator[Finding]:
    flags = (("manufacturing_main", "its main functions are not product manufacturing and "
              "energy supply"),
             ("statutory_boundary", "it has no statutory boundary"),
             ("unified_management", "it has no unified management body"))
    for name, reason in flags:
        if not getattr(report.eligibility, name):
            yield Finding("eligibility", Severity.ERROR, f"eligibility.{name}",
                          f"{report.park.name} cannot be recommended: {reason}")
    shares = industrial_share(report.figures)
    latest = report.reporting_year
    for year, share in shares.items():
        where = f"figures.industrial_added_value[{year}]"
        if share is None:
            if year == latest:
                yield Finding("eligibility", Severity.ERROR, where,
                              f"the industrial share of {year} cannot be computed: give the "
                              "park's added value and its industrial added value")
        elif share <= INDUSTRIAL_SHARE:
            yield Finding("eligibility", Severity.ERROR if year == latest else Severity.WARNING,
                          where, f"industrial added value is {share} % of the park's in "
                          f"{year}; the notice requires more than {INDUSTRIAL_SHARE} %")


def _evaluation(report: Report, system: ParkSystem) -> Iterator[Finding]:
    if not system.verified:
        note = f" ({system.figures_note})" if system.figures_note else ""
        yield Finding("unverified-system", Severity.WARNING, "indicator_system",
                      f"{system.label} is not verified against official text{note}; the scores "
                      "follow the configured figures")
    problems = fit_problems(report.basic_requirements, report.indicators, report.figures,
                            system, report.years)
    if problems:
        yield from (Finding("scoring", Severity.ERROR, p.path, p.message) for p in problems)
        return
    card = score(report.basic_requirements, report.indicators, report.figures, system,
                 report.years)
    at = {b.id: i for i, b in enumerate(report.basic_requirements)}
    for rid, met in card.basic:
        if not met:
            yield Finding("basic-requirement", Severity.ERROR, f"basic_requirements[{at[rid]}].met",
                          f"basic requirement {rid} is not met: a veto; the park is not a "
                          "green park")
    pass_mark = system.scoring.pass_mark
    for year in card.years:
        if pass_mark is not None and year.index < pass_mark:
            yield Finding("pass-mark", Severity.ERROR, f"stated_scores[{year.year}]",
                          f"the {year.year} index {year.index} is below the configured pass "
                          f"mark {pass_mark}")
        printed = report.stated_scores.as_dict().get(year.year)
        if printed is not None and printed != year.index:
            yield Finding("stated-score", Severity.ERROR, f"stated_scores[{year.year}]",
                          f"the document states {printed} for {year.year} but the indicators "
                          f"give {year.index}; render the report again")
    if isinstance(report, ParkThirdPartyReport) and report.stated_basic_met is not None and \
            (report.stated_basic_met is Conformity.MET) != card.basic_met:
        found = Conformity.of(card.basic_met)
        yield Finding("stated-score", Severity.ERROR, "stated_basic_met",
                      f"the document states the basic requirements "
                      f"{report.stated_basic_met.label} but the checks give {found.label}; "
                      "render the report again")
