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
from .._shared.plausibility import fractions, is_percent
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
              "energy supply", "主要功能不是产品制造和能源供给"),
             ("statutory_boundary", "it has no statutory boundary", "没有法定边界范围"),
             ("unified_management", "it has no unified management body", "没有统一的管理机构"))
    for name, reason, reason_zh in flags:
        if not getattr(report.eligibility, name):
            yield Finding("eligibility", Severity.ERROR, f"eligibility.{name}",
                          f"{report.park.name} cannot be recommended: {reason}",
                          f"{report.park.name}不能推荐：{reason_zh}")
    shares = industrial_share(report.figures)
    latest = report.reporting_year
    for year, share in shares.items():
        where = f"figures.industrial_added_value[{year}]"
        if share is None:
            if year == latest:
                yield Finding("eligibility", Severity.ERROR, where,
                              f"the industrial share of {year} cannot be computed: give the "
                              "park's added value and its industrial added value",
                              f"无法计算{year}年工业增加值占比：请填写园区增加值和工业增加值")
        elif share <= INDUSTRIAL_SHARE:
            yield Finding("eligibility", Severity.ERROR if year == latest else Severity.WARNING,
                          where, f"industrial added value is {share} % of the park's in "
                          f"{year}; the notice requires more than {INDUSTRIAL_SHARE} %",
                          f"{year}年工业增加值占园区增加值的{share}%；通知要求高于"
                          f"{INDUSTRIAL_SHARE}%")


def _evaluation(report: Report, system: ParkSystem) -> Iterator[Finding]:
    if not system.verified:
        note = f" ({system.figures_note})" if system.figures_note else ""
        yield Finding("unverified-system", Severity.WARNING, "indicator_system",
                      f"{system.label} is not verified against official text{note}; the scores "
                      "follow the configured figures",
                      f"{system.label}未经官方文本核实；评分按所配置的数值计算")
    problems = fit_problems(report.basic_requirements, report.indicators, report.figures,
                            system, report.years)
    if problems:
        yield from (Finding("scoring", Severity.ERROR, p.path, p.message, p.message_zh)
                    for p in problems)
        return
    yield from fractions((f"indicators[{i}].values[{when}]", indicator.name, value)
                         for i, row in enumerate(report.indicators)
                         if (indicator := system.indicator(row.id)) is not None
                         and is_percent(indicator.unit)
                         for when, value in row.values.as_dict().items())
    card = score(report.basic_requirements, report.indicators, report.figures, system,
                 report.years)
    at = {b.id: i for i, b in enumerate(report.basic_requirements)}
    for rid, met in card.basic:
        if not met:
            yield Finding("basic-requirement", Severity.ERROR, f"basic_requirements[{at[rid]}].met",
                          f"basic requirement {rid} is not met: a veto; the park is not a "
                          "green park",
                          f"基本要求{rid}不满足，一票否决；不能评为绿色园区")
    pass_mark = system.scoring.pass_mark
    for year in card.years:
        if pass_mark is not None and year.index < pass_mark:
            yield Finding("pass-mark", Severity.ERROR, f"stated_scores[{year.year}]",
                          f"the {year.year} index {year.index} is below the configured pass "
                          f"mark {pass_mark}",
                          f"{year.year}年评价指数{year.index}低于所配置的合格线{pass_mark}")
        printed = report.stated_scores.as_dict().get(year.year)
        if printed is not None and printed != year.index:
            yield Finding("stated-score", Severity.ERROR, f"stated_scores[{year.year}]",
                          f"the document states {printed} for {year.year} but the indicators "
                          f"give {year.index}; render the report again",
                          f"文中所写{year.year}年评价指数为{printed}，按各项指标计算为{year.index}；"
                          "请重新生成报告")
    if isinstance(report, ParkThirdPartyReport) and report.stated_basic_met is not None and \
            (report.stated_basic_met is Conformity.MET) != card.basic_met:
        found = Conformity.of(card.basic_met)
        yield Finding("stated-score", Severity.ERROR, "stated_basic_met",
                      f"the document states the basic requirements "
                      f"{report.stated_basic_met.label} but the checks give {found.label}; "
                      "render the report again",
                      f"文中写基本要求{report.stated_basic_met.label}，按各项检查为{found.label}；"
                      "请重新生成报告")
