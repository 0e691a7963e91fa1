"""Evaluation agencies: Attachment 10, the agency's annual work report, and the notice's
requirements of agencies (staff, fields, project cap, independence, blacklist) as data."""

from __future__ import annotations

from typing import Any

from ...registry import FormSpec, on_first_use
from ...rollup.agencies import Blacklist, BlacklistEntry
from ...rollup.entry import AgencyEntry, ListedProject
from .model import (
    Agency,
    AgencyAnnualReport,
    AgencyNature,
    EvaluationField,
    Project,
    RelatedEntity,
    Relation,
    Specialty,
    StaffMember,
    TitleLevel,
)
from .rules import (
    AgencyRequirements,
    StaffCount,
    check_report,
    count_staff,
    load_blacklist,
    requirements,
)


def report_context(report: AgencyAnnualReport) -> dict[str, Any]:
    """The staff the notice counts, for the sentence under the staff table."""
    return {"staff_count": count_staff(report, requirements())}


def agency_entry(report: AgencyAnnualReport) -> AgencyEntry:
    """The agency, its related legal persons and its projects, for the roll-up."""
    agency = report.agency
    return AgencyEntry(
        name=agency.name, credit_code=str(agency.credit_code),
        related=tuple((r.name, str(r.credit_code)) for r in agency.related),
        projects=tuple(ListedProject(p.category.category,
                                     p.unit, str(p.credit_code) if p.credit_code else None,
                                     str(p.region), p.evaluated_by)
                       for p in report.projects))


SPEC = FormSpec(
    id="agency-annual", attachment="10", title_zh="评价机构年度工作报告",
    title_en="Evaluation agency annual work report", model=AgencyAnnualReport,
    layout=on_first_use(f"{__name__}.layout:annual_report_layout"), rules=check_report,
    context=report_context,
    context_names=("staff_count",), agency_entry=agency_entry)

__all__ = [
    "SPEC", "Agency", "AgencyAnnualReport", "AgencyNature", "AgencyRequirements", "Blacklist",
    "BlacklistEntry", "EvaluationField", "Project", "RelatedEntity", "Relation", "Specialty",
    "StaffCount", "StaffMember", "TitleLevel", "agency_entry", "check_report", "count_staff",
    "load_blacklist", "report_context", "requirements",
]
