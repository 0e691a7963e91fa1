"""Rules of Attachment 10: what the notice requires of an agency — qualified staff, the three
fields, the project cap, independence from the self-evaluations, and no falsification record
— checked against versioned requirement data and a blacklist (both data files)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs

from ...findings import Finding, Severity
from ...model.data_files import shipped, user_file
from ...rollup.agencies import Blacklist
from ...types.names import normalise_name
from .model import AgencyAnnualReport, EvaluationField, Specialty, StaffMember, TitleLevel


@attrs.frozen
class AgencyRequirements:
    """What a notice requires of an agency, as figures (``requirements/<id>.yaml``)."""

    id: str
    name: str
    source: str
    verified: bool
    min_qualified_staff: int
    qualified_levels: tuple[TitleLevel, ...]
    min_senior_staff: int
    senior_levels: tuple[TitleLevel, ...]
    senior_specialties: tuple[Specialty, ...]
    required_fields: tuple[EvaluationField, ...]
    max_projects: int
    blacklist_years: int


def _no_check(model: object, source: str) -> None:
    """Requirement and blacklist files need no check beyond their types."""


def requirements(edition: str = "miit-2022") -> AgencyRequirements:
    """A shipped edition of the agency requirements (``requirements/<edition>.yaml``)."""
    found = shipped(__package__, f"requirements/{edition}.yaml", AgencyRequirements, _no_check)
    if found is None:
        raise KeyError(f"no shipped agency requirements {edition!r}")
    return found


def load_blacklist(path: str | Path | None = None) -> Blacklist:
    """The blacklist at *path* (YAML, read again when it changes), or the shipped one,
    which is empty (see ``blacklist.yaml``)."""
    if path is None:
        found = shipped(__package__, "blacklist.yaml", Blacklist, _no_check)
        assert found is not None, "the shipped blacklist is part of the package"
        return found
    return user_file(path, Blacklist, _no_check, "blacklist")


@attrs.frozen
class StaffCount:
    """The staff the notice counts: full-time, intermediate title or above; and of those,
    senior titles in the named specialties."""

    qualified: tuple[StaffMember, ...]
    senior: tuple[StaffMember, ...]


def count_staff(report: AgencyAnnualReport, req: AgencyRequirements) -> StaffCount:
    """Who counts towards the notice's staff requirements."""
    qualified = tuple(s for s in report.staff
                      if s.full_time and s.level in req.qualified_levels)
    senior = tuple(s for s in qualified
                   if s.level in req.senior_levels and s.specialty in req.senior_specialties)
    return StaffCount(qualified, senior)


def check_report(report: AgencyAnnualReport, req: AgencyRequirements | None = None,
                 blacklist: Blacklist | None = None) -> list[Finding]:
    """Every finding for one annual report (pure when *req* and *blacklist* are given)."""
    req = req or requirements()
    blacklist = blacklist or load_blacklist()
    return [*_staff(report, req), *_fields(report, req), *_projects(report, req),
            *_blacklisted(report, req, blacklist)]


def _staff(report: AgencyAnnualReport, req: AgencyRequirements) -> Iterator[Finding]:
    count = count_staff(report, req)
    name = report.agency.name
    if len(count.qualified) < req.min_qualified_staff:
        yield Finding("agency-staff", Severity.ERROR, "staff",
                      f"{name} has {len(count.qualified)} full-time evaluation staff with "
                      f"intermediate titles or above; {req.name} requires at least "
                      f"{req.min_qualified_staff}",
                      f"{name}具有中级及以上职称的专职评价人员{len(count.qualified)}人；"
                      f"{req.name}要求不少于{req.min_qualified_staff}人")
    if len(count.senior) < req.min_senior_staff:
        fields = "、".join(s.label for s in req.senior_specialties)
        yield Finding("agency-staff", Severity.ERROR, "staff",
                      f"{name} has {len(count.senior)} of them with senior titles in "
                      f"{fields}; {req.name} requires at least {req.min_senior_staff}",
                      f"{name}其中具有{fields}高级职称的{len(count.senior)}人；"
                      f"{req.name}要求不少于{req.min_senior_staff}人")


def _fields(report: AgencyAnnualReport, req: AgencyRequirements) -> Iterator[Finding]:
    missing = [f for f in req.required_fields if f not in report.agency.fields]
    if missing:
        yield Finding("agency-fields", Severity.ERROR, "agency.fields",
                      f"{report.agency.name} does not evaluate "
                      f"{'、'.join(m.label for m in missing)}; an agency must be able to "
                      f"evaluate {'、'.join(f.label for f in req.required_fields)}",
                      f"{report.agency.name}不具备{'、'.join(m.label for m in missing)}评价业务；"
                      f"评价机构应能评价{'、'.join(f.label for f in req.required_fields)}")


def _projects(report: AgencyAnnualReport, req: AgencyRequirements) -> Iterator[Finding]:
    units = {(p.category, str(p.credit_code) if p.credit_code else normalise_name(p.unit))
             for p in report.projects}
    if len(units) > req.max_projects:
        yield Finding("agency-quota", Severity.ERROR, "projects",
                      f"{report.agency.name} and its related legal persons evaluated "
                      f"{len(units)} units; {req.name} allows at most {req.max_projects} per "
                      "legal person, related entities included",
                      f"{report.agency.name}及其关联法人共评价{len(units)}家单位；{req.name}规定"
                      f"同一法人（含关联单位）最多{req.max_projects}家")
    for i, p in enumerate(report.projects):
        if p.helped_self_evaluation:
            yield Finding("agency-independence", Severity.ERROR,
                          f"projects[{i}].helped_self_evaluation",
                          f"{report.agency.name} helped prepare the self-evaluation of "
                          f"{p.unit}, which it then evaluated; an agency must be independent "
                          "of the self-evaluation it evaluates",
                          f"{report.agency.name}参与编制了{p.unit}的自评价报告，又对其进行评价；"
                          "评价机构应独立于被评价单位的自评价")
        if p.score is not None and p.score > 100:
            yield Finding("agency-projects", Severity.ERROR, f"projects[{i}].score",
                          f"{p.score} is above 100, the highest score of any evaluation",
                          f"评分{p.score}超过满分100分")
        if p.evaluated_on.year != report.year:
            yield Finding("agency-projects", Severity.WARNING, f"projects[{i}].evaluated_on",
                          f"{p.unit} was evaluated in {p.evaluated_on.year}, not in the "
                          f"report's year {report.year}",
                          f"{p.unit}的评价年份为{p.evaluated_on.year}年，不是报告年度{report.year}年")
    related = {normalise_name(r.name) for r in report.agency.related}
    for i, p in enumerate(report.projects):
        if p.evaluated_by and normalise_name(p.evaluated_by) not in related \
                and normalise_name(p.evaluated_by) != normalise_name(report.agency.name):
            yield Finding("agency-projects", Severity.ERROR, f"projects[{i}].evaluated_by",
                          f"{p.evaluated_by!r} is neither {report.agency.name} nor one of "
                          "its related legal persons; list it under agency.related",
                          f"{p.evaluated_by!r}既不是{report.agency.name}，也不是其关联法人；"
                          "请在关联法人中列出")


def _blacklisted(report: AgencyAnnualReport, req: AgencyRequirements,
                 blacklist: Blacklist) -> Iterator[Finding]:
    day = report.report_date
    agency = report.agency
    for where, name, code in (("agency", agency.name, str(agency.credit_code)),
                              *((f"agency.related[{i}]", r.name, str(r.credit_code))
                                for i, r in enumerate(agency.related))):
        entry = attrs.evolve(blacklist, years=req.blacklist_years).find(name, code, day)
        if entry is not None:
            yield Finding("agency-blacklist", Severity.ERROR, where,
                          f"{name} is on the blacklist since {entry.listed_on} ({entry.reason}; "
                          f"{entry.source}): its results are refused for {req.blacklist_years} "
                          "years",
                          f"{name}自{entry.listed_on}起列入限制名单（{entry.reason}）："
                          f"{req.blacklist_years}年内其评价结果不予采信")
