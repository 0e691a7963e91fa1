"""The roll-up's agency checks: annual work reports joined with the third-party reports
that name their agencies; the cap counted with related legal persons."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import pytest

import greendocs
from greendocs.forms.agency import Project
from greendocs.rollup.agencies import Blacklist, BlacklistEntry, agency_problems
from greendocs.rollup.collect import summarize
from greendocs.rollup.entry import AgencyEntry, Category, ListedProject, Role, SummaryEntry
from greendocs.types.credit_code import check_character
from tests.samples import load_sample

SELF = load_sample("supply-chain-self")
THIRD = load_sample("supply-chain-third-party")
ANNUAL = load_sample("agency-annual")


def code(n: int, division: str = "330600") -> str:
    first17 = f"91{division}MA{n:07d}"
    return first17 + check_character(first17)


def unit(n: int) -> Any:
    return attrs.evolve(SELF.enterprise, name=f"浙江示例{n}号纺织有限公司", credit_code=code(n))


def project(n: int, by: str | None = None) -> Project:
    e = unit(n)
    return Project(category="supply_chain", unit=e.name, credit_code=e.credit_code,  # type: ignore[arg-type]
                   region="浙江", evaluated_on=dt.date(2022, 9, 1), passed=True,  # type: ignore[arg-type]
                   helped_self_evaluation=False, evaluated_by=by)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Agency A (东方绿评) with nine qualified staff and three projects; agency B (华夏绿源)
    whose subsidiary C carries six of its sixteen projects; every unit with both reports."""
    root = tmp_path_factory.mktemp("agencies")
    a = attrs.evolve(THIRD.agency, name="东方绿评（杭州）技术有限公司",
                     credit_code=code(900, "330100"))
    b = THIRD.agency
    c_related = ANNUAL.agency.related[0]
    c = attrs.evolve(THIRD.agency, name=c_related.name, credit_code=c_related.credit_code)
    staff_a = tuple(attrs.evolve(s, full_time=False) if s.name in ("冯雪", "何亮") else s
                    for s in ANNUAL.staff)
    annual_a = attrs.evolve(ANNUAL, agency=attrs.evolve(ANNUAL.agency, name=a.name,
                                                        credit_code=a.credit_code, related=()),
                            staff=staff_a, projects=tuple(project(n) for n in range(1, 4)))
    annual_b = attrs.evolve(ANNUAL, projects=(
        *(project(n) for n in range(4, 14)), *(project(n, c.name) for n in range(14, 20))))
    (root / "东方绿评-年度工作报告.docx").write_bytes(greendocs.render(annual_a))
    (root / "华夏绿源-年度工作报告.odt").write_bytes(greendocs.render(annual_b, "odt"))
    for n in range(1, 20):
        agency = a if n < 4 else b if n < 14 else c
        (root / f"u{n:02d}-self.docx").write_bytes(
            greendocs.render(attrs.evolve(SELF, enterprise=unit(n))))
        (root / f"u{n:02d}-third.docx").write_bytes(
            greendocs.render(attrs.evolve(THIRD, enterprise=unit(n), agency=agency)))
    return root


def test_two_agencies_give_exactly_their_problems(folder: Path) -> None:
    result = summarize(folder, province="浙江", batch_year=2022, date=dt.date(2022, 10, 31),
                       workers=2)
    assert sorted(p.kind for p in result.problems) == ["agency-quota", "agency-staff"]
    by_kind = {p.kind: p for p in result.problems}
    staff = by_kind["agency-staff"]
    assert staff.files.endswith("东方绿评-年度工作报告.docx")
    assert "东方绿评（杭州）技术有限公司 has 9 full-time evaluation staff" in staff.message
    quota = by_kind["agency-quota"]
    assert "华夏绿源评价技术服务有限公司（含关联单位） evaluated 16 units" in quota.message
    assert "浙江示例4号纺织有限公司" in quota.message
    assert "浙江示例19号纺织有限公司" in quota.message
    assert "华夏绿源-年度工作报告.odt" in quota.files and "u19-third.docx" in quota.files
    assert "u01-third.docx" not in quota.files
    statuses = {Path(f.path).name: (f.status.value, f.form) for f in result.files}
    assert statuses["华夏绿源-年度工作报告.odt"] == ("used", "agency-annual")
    assert len(result.summary.supply_chains) == 19


def _third(n: int, agency: str, agency_code: str | None) -> tuple[str, SummaryEntry]:
    e = unit(n)
    return f"u{n}-third.docx", SummaryEntry(
        Category.SUPPLY_CHAIN, Role.THIRD_PARTY, str(e.credit_code), e.name, "浙江",
        {"credit_code": str(e.credit_code)}, agency, agency_code)


def _annual(*projects: int, name: str = "华夏绿源评价技术服务有限公司",
            code_: str = "91110108MA01H3K73J") -> tuple[str, AgencyEntry]:
    listed = tuple(ListedProject(Category.SUPPLY_CHAIN, unit(n).name, str(unit(n).credit_code),
                                 "浙江") for n in projects)
    return "annual.docx", AgencyEntry(name, code_, (), listed)


def test_reports_match_by_normalised_name_and_listings_are_compared() -> None:
    problems = agency_problems(
        [_annual(1, 2, 3)],
        # report 1 names the agency with another spelling and a wrong code: matched by name
        [_third(1, "华夏绿源评价技术服务有限责任公司", "91110108MA01H3K74X"),
         _third(2, "华夏绿源评价技术服务有限公司", "91110108MA01H3K73J"),
         _third(4, "华夏绿源评价技术服务有限公司", "91110108MA01H3K73J"),
         _third(5, "无名评价中心", None)],
        province="浙江", on=dt.date(2022, 10, 31))
    found = sorted((p.kind, p.severity.value, p.files) for p in problems)
    assert found == [
        ("agency-no-report", "warning", "u5-third.docx"),
        ("agency-project-unlisted", "error", "u4-third.docx, annual.docx"),
        ("agency-project-unmatched", "warning", "annual.docx"),
    ]
    unmatched = next(p for p in problems if p.kind == "agency-project-unmatched")
    assert "浙江示例3号纺织有限公司" in unmatched.message


def test_without_annual_reports_only_the_batch_rules_apply() -> None:
    problems = agency_problems([], [_third(n, "某机构", "91110108MA01H3K73J")
                                    for n in range(1, 17)],
                               province="浙江", on=dt.date(2022, 10, 31))
    assert [p.kind for p in problems] == ["agency-quota"]


def test_reports_by_a_blacklisted_agency() -> None:
    entry = BlacklistEntry(name="黑名单评价公司", listed_on=dt.date(2021, 5, 1), reason="弄虚作假",
                           source="某省通报")
    blacklist = Blacklist(source="test", verified=True, entries=(entry,))
    problems = agency_problems([], [_third(1, "黑名单评价公司", None)], province="浙江",
                               on=dt.date(2022, 10, 31), blacklist=blacklist)
    assert [(p.kind, p.files) for p in problems] == [("agency-blacklist", "u1-third.docx")]
    later = agency_problems([], [_third(1, "黑名单评价公司", None)], province="浙江",
                            on=dt.date(2024, 5, 1), blacklist=blacklist)
    assert later == []


def test_a_listing_counts_in_the_batch_year() -> None:
    entry = BlacklistEntry(name="黑名单评价公司", listed_on=dt.date(2021, 3, 1), reason="弄虚作假",
                           source="某省通报")
    blacklist = Blacklist(source="test", verified=True, entries=(entry,))
    reports = [_third(1, "黑名单评价公司", None)]
    assert [p.kind for p in agency_problems([], reports, province="浙江",
                                            on=dt.date(2022, 12, 31), blacklist=blacklist)] \
        == ["agency-blacklist"]
    assert agency_problems([], reports, province="浙江", on=dt.date(2025, 12, 31),
                           blacklist=blacklist) == []
