"""The roll-up's checks of the evaluation agencies across a batch: agencies' annual work
reports (Attachment 10) joined with the third-party reports that name them — by credit
code, else by normalised name — and the notice's rules applied to each agency with the
legal persons related to it: the project cap, reports by an agency without an annual report,
blacklisted agencies, and projects listed without a report or reported without a listing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from ..findings import Severity
from ..types.credit_code import CreditCode
from ..types.names import normalise_name
from .entry import AgencyEntry, Category, ListedProject, Role, SummaryEntry
from .problems import Problem

#: the most evaluation projects one legal person, related entities included, may carry in
#: a batch (the notice, section 4)
AGENCY_QUOTA = 15


@attrs.frozen
class BlacklistEntry:
    """An agency whose results are refused: since when, why, on whose word."""

    name: str
    listed_on: dt.date
    reason: str
    source: str
    credit_code: CreditCode | None = None


@attrs.frozen
class Blacklist:
    """The agencies whose results are refused (a data file the user keeps)."""

    source: str
    verified: bool
    entries: tuple[BlacklistEntry, ...] = ()
    #: for how many years a listing refuses an agency's results
    years: int = 3

    def find(self, name: str, credit_code: str | None, on: dt.date) -> BlacklistEntry | None:
        """The entry for the agency (by credit code, else by normalised name) in force on
        *on*, if any."""
        key = normalise_name(name)
        for entry in self.entries:
            same = (credit_code is not None and entry.credit_code == credit_code) or \
                normalise_name(entry.name) == key
            if same and entry.listed_on <= on < _years_after(entry.listed_on, self.years):
                return entry
        return None


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def project_key(category: Category, credit_code: str | None, name: str, region: str) -> str:
    """What identifies an evaluated unit across reports and annual-report listings: its
    credit code, else its normalised name and region (a park)."""
    return credit_code or f"{normalise_name(name)}|{region}"


def _entry_key(entry: SummaryEntry) -> str:
    code = entry.row.get("credit_code")
    return project_key(entry.category, str(code) if code else None, entry.name, entry.region)


@attrs.frozen
class _Group:
    """An agency with its related legal persons: who they are, what they report."""

    name: str
    path: str | None  # the annual report's file; None when the folder has none
    codes: frozenset[str]
    names: frozenset[str]
    projects: tuple[ListedProject, ...] = ()


def agency_problems(agency_reports: Sequence[tuple[str, AgencyEntry]],
                    third_party: Sequence[tuple[str, SummaryEntry]], *, province: str,
                    on: dt.date, blacklist: Blacklist | None = None,
                    quota: int = AGENCY_QUOTA) -> list[Problem]:
    """Every agency problem of a batch, from the annual reports (file, entry) and the
    third-party reports (file, entry) read from one folder (pure)."""
    groups = [_Group(a.name, path, frozenset({a.credit_code, *(c for _, c in a.related)}),
                     frozenset(normalise_name(n) for n in (a.name, *(n for n, _ in a.related))),
                     a.projects)
              for path, a in agency_reports]
    by_code = {code: g for g in groups for code in g.codes}
    by_name = {name: g for g in groups for name in g.names}
    reports: dict[int, list[tuple[str, SummaryEntry]]] = defaultdict(list)
    problems: list[Problem] = []
    for path, entry in third_party:
        if entry.role is not Role.THIRD_PARTY:
            continue
        group = by_code.get(entry.agency_credit_code or "") or \
            by_name.get(normalise_name(entry.agency or ""))
        if group is None:
            group = _Group(entry.agency or "", None, frozenset({entry.agency_credit_code or ""}),
                           frozenset({normalise_name(entry.agency or "")}))
            groups.append(group)
            by_code[entry.agency_credit_code or ""] = group
            by_name[normalise_name(entry.agency or "")] = group
        reports[id(group)].append((path, entry))
    checking = bool(agency_reports)  # agencies are checked when their reports were collected
    for group in groups:
        mine = reports[id(group)]
        problems += _quota(group, mine, quota)
        problems += _blacklisted(group, mine, on, blacklist)
        if not checking:
            continue
        if group.path is None:
            problems.append(Problem(
                "agency-no-report", _files(mine), "agency",
                f"{group.name} wrote {len(mine)} third-party report(s) in this batch but the "
                "folder holds no annual work report of it (Attachment 10)", Severity.WARNING,
                f"{group.name}本批次出具{len(mine)}份第三方评价报告，但未提交评价机构年度工作报告"
                "（附件10）"))
            continue
        problems += _listing(group, mine, province)
    return problems


def _files(reports: Iterable[tuple[str, SummaryEntry]]) -> str:
    return ", ".join(path for path, _ in reports)


def _quota(group: _Group, reports: list[tuple[str, SummaryEntry]], quota: int) -> list[Problem]:
    units: dict[str, str] = {}
    for p in group.projects:
        units.setdefault(project_key(p.category, p.credit_code, p.unit, p.region), p.unit)
    for _, entry in reports:
        units.setdefault(_entry_key(entry), entry.name)
    if len(units) <= quota:
        return []
    who = group.name + ("（含关联单位）" if len(group.codes) > 1 else "")
    return [Problem("agency-quota", ", ".join(filter(None, (group.path, _files(reports)))),
                    "agency", f"{who} evaluated {len(units)} units in this batch "
                    f"({'、'.join(sorted(units.values()))}); a legal person, related entities "
                    f"included, may carry at most {quota}", Severity.ERROR,
                    f"{who}本批次评价{len(units)}个单位（{'、'.join(sorted(units.values()))}），"
                    f"同一法人（含关联单位）每批次不超过{quota}个")]


def _blacklisted(group: _Group, reports: list[tuple[str, SummaryEntry]], on: dt.date,
                 blacklist: Blacklist | None) -> list[Problem]:
    if blacklist is None or not reports:
        return []
    out = []
    for path, entry in reports:
        found = blacklist.find(entry.agency or "", entry.agency_credit_code, on)
        if found is not None:
            out.append(Problem("agency-blacklist", path, "agency",
                               f"the report on {entry.name} is by {entry.agency}, on the "
                               f"blacklist since {found.listed_on} ({found.reason}; "
                               f"{found.source}): its results are refused", Severity.ERROR,
                               f"{entry.name}的评价报告由{entry.agency}出具，该机构自"
                               f"{found.listed_on}起被列入限制名单（{found.reason}；"
                               f"{found.source}），其评价结果不予采信"))
    return out


def _listing(group: _Group, reports: list[tuple[str, SummaryEntry]],
             province: str) -> list[Problem]:
    listed = {project_key(p.category, p.credit_code, p.unit, p.region): p
              for p in group.projects}
    reported = {_entry_key(e): (path, e) for path, e in reports}
    out = []
    for key, (path, entry) in reported.items():
        if key not in listed:
            out.append(Problem("agency-project-unlisted", f"{path}, {group.path}", "agency",
                               f"{group.name} evaluated {entry.name} (this report) but its "
                               "annual work report does not list the project", Severity.ERROR,
                               f"{group.name}评价了{entry.name}，但其年度工作报告未列出该项目"))
    for key, p in listed.items():
        if p.region == province and key not in reported:
            out.append(Problem("agency-project-unmatched", group.path or "", "projects",
                               f"{group.name} lists {p.unit} ({p.category.label}, {p.region}) "
                               "but the folder holds no third-party report on it",
                               Severity.WARNING,
                               f"{group.name}年度工作报告列出的{p.unit}（{p.category.label}，"
                               f"{p.region}）无对应的第三方评价报告"))
    return out
