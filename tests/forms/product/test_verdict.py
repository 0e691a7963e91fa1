"""Attachment 3: the verdict against a design-product standard (basic requirements, every
indicator, an LCA report), standard files, and bad input with its path."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

import greendocs
from greendocs.forms.product import (
    LifeCycleAssessment,
    as_rendered,
    check_report,
    load_standard,
    resolve_standard,
    verdict,
)
from greendocs.forms.product.standard import check_standard
from tests.samples import load_sample

SAMPLE = load_sample("product-self")


def errors(report: Any) -> list[tuple[str, str]]:
    return [(f.rule, f.path) for f in check_report(report) if f.severity.value == "error"]


def with_value(report: Any, indicator: str, **changes: Any) -> Any:
    rows = tuple(attrs.evolve(r, **changes) if r.id == indicator else r
                 for r in report.indicators)
    return attrs.evolve(report, indicators=rows)


def test_the_sample_qualifies_with_every_requirement_met() -> None:
    found = verdict(SAMPLE)
    assert found.passed and found.lca_present
    assert found.verdict_zh == "符合绿色设计产品评价要求"
    assert errors(SAMPLE) == []
    # the demonstration standard is said to be unverified — on the console, not in print
    assert [f.rule for f in check_report(SAMPLE)] == ["unverified-standard"]


def test_one_indicator_missed_fails_the_product() -> None:
    report = with_value(SAMPLE, "E1", value=Decimal("12.5"))
    found = verdict(report)
    assert not found.passed
    assert found.verdict_zh == "不符合绿色设计产品评价要求（单位产品综合能耗不符合）"
    assert errors(report) == [("indicator", "indicators[2]")]
    rendered = as_rendered(report)
    assert rendered.indicators[2].met is False
    assert rendered.stated_verdict.label == "不符合"


def test_a_judged_indicator_and_a_basic_requirement() -> None:
    report = with_value(SAMPLE, "EN1", met=False)
    checks = (attrs.evolve(SAMPLE.basic_requirements[0], met=False),
              *SAMPLE.basic_requirements[1:])
    report = attrs.evolve(report, basic_requirements=checks)
    assert errors(report) == [("basic-requirement", "basic_requirements[0].met"),
                              ("indicator", "indicators[3]")]


def test_no_lca_report_fails_the_product() -> None:
    report = attrs.evolve(SAMPLE, lca=LifeCycleAssessment())
    assert errors(report) == [("lca", "lca")]
    assert "未提供产品生命周期评价报告" in verdict(report).verdict_zh


def test_a_printed_result_that_no_longer_matches() -> None:
    printed = as_rendered(SAMPLE)
    edited = with_value(printed, "R1", value=Decimal("2.0"))  # above ≤1.5, still says 是
    assert ("stated-verdict", "indicators[0].met") in errors(edited)
    assert ("stated-verdict", "stated_verdict") in errors(edited)


def test_a_value_without_the_unit_the_standard_expects() -> None:
    report = with_value(SAMPLE, "E1", unit=None)
    found = check_report(report)
    assert [(f.rule, f.path) for f in found if f.severity.value == "error"] == [
        ("product-standard", "indicators[2].unit")]
    assert "is given in no unit; ≤12 is in kgce/t" in str(found[-1].message)
    report = with_value(SAMPLE, "E1", unit="tce")
    assert errors(report) == [("product-standard", "indicators[2].unit")]


def test_an_unknown_standard_lists_the_shipped_ones() -> None:
    report = attrs.evolve(SAMPLE, product=attrs.evolve(SAMPLE.product, standard="GB/T 99999"))
    found = [f for f in check_report(report) if f.severity.value == "error"]
    assert [f.path for f in found] == ["product.standard"]
    assert "GB/T 32163.1-2015 (gbt32163.1-2015)" in found[0].message
    assert "greendocs system product-self" in found[0].message


def test_a_shipped_skeleton_refuses_to_judge_and_names_the_thresholds() -> None:
    report = attrs.evolve(SAMPLE, product=attrs.evolve(SAMPLE.product,
                                                       standard="GB/T 32163.1-2015"))
    found = [f for f in check_report(report) if f.severity.value == "error"]
    assert [f.path for f in found] == ["product.standard"]
    assert "indicators[0].threshold" in found[0].message
    assert resolve_standard("gbt32163.1-2015").verified is False
    # the general rules have no indicator table
    general = attrs.evolve(SAMPLE, product=attrs.evolve(SAMPLE.product,
                                                        standard="GB/T 32161-2015"))
    assert "general rules" in next(f for f in check_report(general)
                               if f.severity.value == "error").message


def _user_standard(tmp_path: Path, **changes: Any) -> Path:
    """A user's standard file: a copy of the demonstration standard with *changes*."""
    spec = greendocs.forms().get("product-self")
    text = spec.shipped_systems()["demo-liquid-detergent"]
    data = yaml.safe_load(text)
    data.update(id="mine", number="Q/JY 001-2022", title="企业自定评价要求", verified=True)
    data.update(changes)
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_users_standard_file_is_read_and_checked(tmp_path: Path) -> None:
    path = _user_standard(tmp_path)
    report = attrs.evolve(SAMPLE, product=attrs.evolve(SAMPLE.product, standard=str(path)))
    assert check_report(report) == []
    assert verdict(report).standard.label == "Q/JY 001-2022《企业自定评价要求》"
    assert load_standard(path).number == "Q/JY 001-2022"


def test_a_standard_file_whose_thresholds_are_missing(tmp_path: Path) -> None:
    spec = greendocs.forms().get("product-self")
    data = yaml.safe_load(spec.shipped_systems()["demo-liquid-detergent"])
    data["indicators"][0].pop("unit")
    data["indicators"][3].pop("requirement")
    data["indicators"][4]["comparison"] = "about"
    path = _user_standard(tmp_path, indicators=data["indicators"])
    with pytest.raises(greendocs.ValidationError) as info:
        load_standard(path)
    text = str(info.value)
    assert "indicators[0].unit: 单位产品取水量 is compared by its figure: give the unit" in text
    assert "indicators[3].requirement" in text and "indicators[4].comparison" in text
    # thresholds left out load (a skeleton) but the report cannot be judged against them
    data = yaml.safe_load(spec.shipped_systems()["demo-liquid-detergent"])
    data["indicators"][2]["threshold"] = None
    path = _user_standard(tmp_path, indicators=data["indicators"])
    report = attrs.evolve(SAMPLE, product=attrs.evolve(SAMPLE.product, standard=str(path)))
    found = [f for f in check_report(report) if f.severity.value == "error"]
    assert "indicators[2].threshold" in found[0].message


def test_ids_are_checked_both_ways() -> None:
    rows = (*SAMPLE.indicators[1:], attrs.evolve(SAMPLE.indicators[1], id="X9"))
    report = attrs.evolve(SAMPLE, indicators=rows)
    found = errors(report)
    assert ("product-standard", "indicators[5].id") in found
    assert ("product-standard", "indicators") in found


def test_check_standard_accepts_every_shipped_file() -> None:
    spec = greendocs.forms().get("product-self")
    for name, text in spec.shipped_systems().items():
        data = yaml.safe_load(text)
        assert data["id"] == name
    assert check_standard(resolve_standard("demo-liquid-detergent"), "x") is None


def test_a_share_over_100_percent_and_a_broken_standard_file(tmp_path: Path) -> None:
    report = with_value(SAMPLE, "EN2", value=Decimal(104))
    assert errors(report) == [("product-standard", "indicators[4].value")]
    spec = greendocs.forms().get("product-self")
    data = yaml.safe_load(spec.shipped_systems()["demo-liquid-detergent"])
    data["indicators"][1]["id"] = "R1"
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    report = attrs.evolve(SAMPLE, product=attrs.evolve(SAMPLE.product, standard=str(path)))
    found = [f for f in check_report(report) if f.severity.value == "error"]
    assert [f.path for f in found] == ["product.standard"]
    assert str(path) in found[0].message and "indicators[1].id" in found[0].message
    missing = attrs.evolve(SAMPLE, product=attrs.evolve(SAMPLE.product,
                                                        standard="elsewhere/mine.yaml"))
    assert "is not here" in next(f.message for f in check_report(missing)
                                 if f.severity.value == "error")
