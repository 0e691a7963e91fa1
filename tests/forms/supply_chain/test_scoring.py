"""Supply-chain scoring: the shipped system, full and zero marks, quantitative rules,
industry systems from user files and the checks on them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

import greendocs
from greendocs.forms.supply_chain import (
    IndicatorAssessment,
    check_report,
    load_system,
    rule_score,
    score,
    shipped_system,
)
from tests.samples import load_sample

GENERAL = shipped_system("general")
assert GENERAL is not None
SYSTEM_FILE = Path("greendocs/forms/supply_chain/indicators/general.yaml")


def assessments(points: str, value: str) -> tuple[IndicatorAssessment, ...]:
    """Every indicator at *points* × max (qualitative) or with the figure *value*."""
    out = []
    for ind in GENERAL.indicators():
        if ind.kind == "qualitative":
            out.append(IndicatorAssessment(id=ind.id, score=ind.max * Decimal(points)))
        else:
            out.append(IndicatorAssessment(id=ind.id, value=Decimal(value)))
    return tuple(out)


def test_general_system_is_the_published_one() -> None:
    assert GENERAL.verified and GENERAL.total == 100
    assert [i.id for i in GENERAL.indicators()] == [
        "X11", "X12", "X13", "X21", "X22", "X23", "X24", "X25", "X26", "X31", "X32",
        "X41", "X42", "X43", "X44", "X51", "X61", "X62", "X63", "X64"]
    assert [str(g.max) for g in GENERAL.groups] == ["20", "20", "20", "20", "10", "10"]
    assert {i.id for i in GENERAL.indicators() if i.kind == "quantitative"} == {
        "X26", "X41", "X42"}
    assert not GENERAL.rules["share"].verified  # the formula is not published


def test_full_marks_enterprise_scores_100() -> None:
    card = score(assessments("1", "100"), GENERAL)
    assert card.total == 100
    assert [g.subtotal for g in card.groups] == [g.max for g in GENERAL.groups]


def test_zero_enterprise_scores_0() -> None:
    card = score(assessments("0", "0"), GENERAL)
    assert card.total == 0 and card.grade is None


def test_quantitative_figure_scores_in_proportion() -> None:
    card = score(assessments("0", "82.5"), GENERAL)
    by_id = card.by_id()
    assert by_id["X26"].score == Decimal("3.3")  # 4 × 82.5 %
    assert by_id["X41"].score == Decimal("4.13")  # 5 × 82.5 %, to 0.01
    assert card.total == Decimal("11.56")


def test_sample_total_is_computed_not_typed() -> None:
    report = load_sample("supply-chain-self")
    card = score(report.assessments, GENERAL)
    assert card.total == Decimal("86.45")
    # nothing wrong; a warning that the quantitative rule is not verified
    assert [(f.rule, f.severity.value) for f in check_report(report)] == \
        [("unverified-system", "warning")]


def test_a_score_over_the_maximum_is_refused_with_its_path() -> None:
    bad = list(assessments("1", "100"))
    bad[0] = attrs.evolve(bad[0], score=Decimal(9))
    with pytest.raises(greendocs.ValidationError) as info:
        score(bad, GENERAL)
    assert str(info.value.errors[0]) == ("assessments[0].score: 9 is outside 0 to 8, the "
                                         "range of X11 纳入公司发展规划")


def test_missing_duplicate_and_unknown_indicators_are_listed() -> None:
    bad = [*assessments("1", "100")[1:], IndicatorAssessment(id="X12", score=Decimal(1)),
           IndicatorAssessment(id="X99", score=Decimal(1))]
    with pytest.raises(greendocs.ValidationError) as info:
        score(bad, GENERAL)
    text = str(info.value)
    assert "X12 is assessed twice" in text and "'X99' is not an indicator" in text
    assert "X11 纳入公司发展规划 is not assessed" in text


def _user_system(tmp_path: Path, **changes: Any) -> Path:
    data = yaml.safe_load(SYSTEM_FILE.read_text(encoding="utf-8"))
    data.update(id="electronics", name="绿色供应链管理企业评价指标（电子电器行业）",
                industries=["38", "39"], verified=False, source="user file",
                grading={"verified": False, "source": "published scheme",
                         "bands": [{"min": 85, "label": "五星"}, {"min": 80, "label": "四星"},
                                   {"min": 75, "label": "三星"}, {"min": 70, "label": "二星"}]})
    data["rules"]["share"]["target"] = 60
    data.update(changes)
    path = tmp_path / "electronics.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_industry_system_from_a_user_file_with_stars(tmp_path: Path) -> None:
    system = load_system(_user_system(tmp_path))
    over_target = score(assessments("1", "75"), system)  # 75 % against a 60 % target
    assert over_target.by_id()["X26"].score == 4 and over_target.total == 100
    assert over_target.grade == "五星"
    assert score(assessments("0.8", "48"), system).grade == "四星"  # 80.00
    report = load_sample("supply-chain-self")
    electronics = attrs.evolve(report.enterprise, industries=(
        greendocs.Industry("3851", "家用制冷电器具制造"),))
    warned = check_report(attrs.evolve(report, enterprise=electronics))
    assert [f.rule for f in warned] == ["unverified-system", "industry-system"]
    # the user's electronics system: no industry warning (its rule is as unverified)
    assert [f.rule for f in check_report(attrs.evolve(report, enterprise=electronics),
                                         system)] == ["unverified-system"]


def test_user_system_whose_scores_do_not_add_up(tmp_path: Path) -> None:
    data = yaml.safe_load(SYSTEM_FILE.read_text(encoding="utf-8"))
    data["groups"][0]["indicators"][0]["max"] = 9
    data["groups"][1]["indicators"][1]["id"] = "X21"
    data["groups"][2]["indicators"][0]["kind"] = "judgement"
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(greendocs.ValidationError) as info:
        load_system(path)
    text = str(info.value)
    assert text.startswith(f"{path}: 3 problems found")
    assert "total: the indicators' maximum scores add up to 101, not 100" in text
    assert "groups[1].indicators[1].id: 'X21' is used twice" in text
    assert "groups[2].indicators[0].kind: 'judgement' is not qualitative or quantitative" in text


def test_linear_rule_between_baseline_and_leading_value() -> None:
    from greendocs.forms.supply_chain import ScoringRule

    rule = ScoringRule(kind="linear", verified=False, source="t", baseline=Decimal(20),
                       leading=Decimal(60))
    assert [rule_score(rule, Decimal(5), Decimal(v)) for v in (10, 20, 40, 60, 90)] == [
        0, 0, Decimal("2.5"), 5, 5]


def test_rendered_report_shows_the_computed_total() -> None:
    report = load_sample("supply-chain-third-party")
    card = score(report.assessments, GENERAL)
    xml = greendocs.render(report, "docx")
    import io
    import zipfile

    body = zipfile.ZipFile(io.BytesIO(xml)).read("word/document.xml").decode()
    assert f">{card.total}<" in body
    assert "该规则未经官方核实" not in body  # said on the console, printed in a draft only
    draft = greendocs.render(report, "docx", draft=True)
    assert "该规则未经官方核实" in zipfile.ZipFile(io.BytesIO(draft)).read(
        "word/document.xml").decode()
