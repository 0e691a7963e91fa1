"""Attachment 10: the notice's requirements of an agency, checked from its annual report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import pytest

import greendocs
from greendocs.forms.agency import (
    EvaluationField,
    Project,
    check_report,
    count_staff,
    load_blacklist,
    requirements,
)
from greendocs.rollup.agencies import Blacklist, BlacklistEntry
from greendocs.types.names import normalise_name
from tests.samples import load_sample

SAMPLE = load_sample("agency-annual")


def rules(report: Any, blacklist: Blacklist | None = None) -> list[tuple[str, str]]:
    return [(f.rule, f.path) for f in check_report(report, blacklist=blacklist)
            if f.severity.value == "error"]


def test_the_sample_meets_every_requirement() -> None:
    assert check_report(SAMPLE) == []
    count = count_staff(SAMPLE, requirements())
    assert (len(count.qualified), len(count.senior)) == (11, 6)


def test_nine_qualified_staff_are_too_few() -> None:
    # two of the eleven counted become part-time: nine remain
    staff = tuple(attrs.evolve(s, full_time=False) if s.name in ("冯雪", "何亮") else s
                  for s in SAMPLE.staff)
    findings = check_report(attrs.evolve(SAMPLE, staff=staff))
    assert [(f.rule, f.path) for f in findings] == [("agency-staff", "staff")]
    assert "has 9 full-time evaluation staff" in findings[0].message
    assert "at least 10" in findings[0].message


def test_seniors_count_only_in_the_named_fields() -> None:
    staff = tuple(attrs.evolve(s, specialty="other") if s.level.value != "intermediate" else s
                  for s in SAMPLE.staff)
    findings = check_report(attrs.evolve(SAMPLE, staff=staff))
    assert [f.rule for f in findings] == ["agency-staff"]
    assert "has 0 of them with senior titles in 能源、环境、生态、低碳、生命周期评价" in \
        findings[0].message


def test_an_agency_must_cover_the_three_fields() -> None:
    agency = attrs.evolve(SAMPLE.agency, fields=(EvaluationField.FACTORY,))
    findings = check_report(attrs.evolve(SAMPLE, agency=agency))
    assert [(f.rule, f.path) for f in findings] == [("agency-fields", "agency.fields")]
    assert "does not evaluate 绿色工业园区、绿色供应链管理企业" in findings[0].message


def test_helping_with_the_self_evaluation_breaks_independence() -> None:
    projects = (attrs.evolve(SAMPLE.projects[0], helped_self_evaluation=True),
                *SAMPLE.projects[1:])
    assert rules(attrs.evolve(SAMPLE, projects=projects)) == [
        ("agency-independence", "projects[0].helped_self_evaluation")]


def test_more_than_fifteen_units_with_related_entities() -> None:
    extra = tuple(Project(category="factory", unit=f"示例工厂{n}", region="浙江",  # type: ignore[arg-type]
                          evaluated_on=dt.date(2022, 9, 1), passed=True,
                          helped_self_evaluation=False,
                          evaluated_by="华夏绿源(浙江)检测认证有限责任公司")
                  for n in range(11))
    findings = check_report(attrs.evolve(SAMPLE, projects=(*SAMPLE.projects, *extra)))
    assert [f.rule for f in findings] == ["agency-quota"]
    assert "evaluated 16 units" in findings[0].message


def test_a_project_by_an_unrelated_legal_person() -> None:
    projects = (attrs.evolve(SAMPLE.projects[0], evaluated_by="别家评价公司"),
                *SAMPLE.projects[1:])
    assert rules(attrs.evolve(SAMPLE, projects=projects)) == [
        ("agency-projects", "projects[0].evaluated_by")]


def test_blacklisted_for_three_years_by_code_or_by_name() -> None:
    entry = BlacklistEntry(name="华夏绿源评价技术服务有限责任公司", listed_on=dt.date(2020, 3, 1),
                           reason="评价报告弄虚作假", source="某省通报")
    listed = Blacklist(source="test", verified=True, entries=(entry,))
    assert rules(SAMPLE, listed) == [("agency-blacklist", "agency")]
    expired = attrs.evolve(listed, entries=(attrs.evolve(entry, listed_on=dt.date(2019, 9, 1)),))
    assert rules(SAMPLE, expired) == []
    related = attrs.evolve(entry, name="其他名称", credit_code=SAMPLE.agency.related[0].credit_code)
    assert rules(SAMPLE, attrs.evolve(listed, entries=(related,))) == [
        ("agency-blacklist", "agency.related[0]")]


def test_blacklist_files_load_with_their_errors(tmp_path: Path) -> None:
    assert load_blacklist().entries == ()
    good = tmp_path / "blacklist.yaml"
    good.write_text("source: 某省通报\nverified: true\nentries:\n  - {name: 某评价公司, "
                    "listed_on: 2022-06-30, reason: 弄虚作假, source: 某省通报}\n",
                    encoding="utf-8")
    assert load_blacklist(good).entries[0].listed_on == dt.date(2022, 6, 30)
    bad = tmp_path / "bad.yaml"
    bad.write_text("source: x\nverified: true\nentries:\n  - {name: 某公司, listed_on: 明天}\n",
                   encoding="utf-8")
    with pytest.raises(greendocs.ValidationError) as info:
        load_blacklist(bad)
    text = str(info.value)
    assert "entries[0].listed_on" in text and "entries[0].reason: is required" in text


def test_names_compare_across_spellings() -> None:
    assert normalise_name("华夏绿源（浙江）检测认证 有限责任公司") == \
        normalise_name("华夏绿源(浙江)检测认证有限公司")
    assert normalise_name("甲公司") != normalise_name("乙公司")


def test_labels_are_accepted_as_input() -> None:
    data = greendocs.unstructure(SAMPLE)
    data["staff"][0]["level"] = "正高级"
    data["agency"]["related"][0]["relation"] = "子公司"
    assert greendocs.load(data, "agency-annual") == SAMPLE
