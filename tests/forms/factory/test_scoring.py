"""Green-factory indicator systems and scoring (greendocs.forms.factory)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

import greendocs
from greendocs import ValidationError
from greendocs.forms.factory import (
    BasicRequirementCheck,
    FactorySelfReport,
    RequirementAssessment,
    check_report,
    load_factory_system,
    missing_figures,
    score_evaluation,
    score_factory,
    shipped_factory_system,
)
from tests.docx_edit import docx_text

D = Decimal


def _full(factory_self: FactorySelfReport) -> FactorySelfReport:
    """Every basic requirement met and every requirement at full points."""
    system = shipped_factory_system()
    assert system is not None
    return attrs.evolve(
        factory_self,
        basic_requirements=tuple(BasicRequirementCheck(id=b.id, met=True)
                                 for b in system.basic_requirements),
        assessments=tuple(RequirementAssessment(id=r.id, score=r.points)
                          for _, _, r in system.requirements()))


def _with_score(factory_self: FactorySelfReport, req_id: str, score: str) -> FactorySelfReport:
    return attrs.evolve(factory_self, assessments=tuple(
        attrs.evolve(a, score=D(score)) if a.id == req_id else a for a in factory_self.assessments))


def test_shipped_2018_system_has_the_verified_structure() -> None:
    system = shipped_factory_system("gbt36132-2018")
    assert system is not None
    assert [g.name for g in system.groups] == ["基础设施", "管理体系", "能源与资源投入", "产品",
                                               "环境排放", "绩效"]
    assert sum(len(g.indicators) for g in system.groups) == 25
    assert len(system.basic_requirements) == 8
    assert system.groups[0].weight == 20
    assert sum(g.weight or 0 for g in system.groups) == 100
    assert all(g.points == 100 for g in system.groups)
    building = system.groups[0].indicators[0].requirements
    assert [r.points for r in building[:3]] == [8, 6, 3]
    assert not system.verified and system.figures_note
    assert missing_figures(system) == []


def test_shipped_2025_system_is_structure_waiting_for_figures(
        factory_self: FactorySelfReport) -> None:
    system = shipped_factory_system("gbt36132-2025")
    assert system is not None
    assert [g.name for g in system.groups] == ["能源低碳化", "资源高效化", "生产洁净化",
                                               "产品绿色化", "用地集约化"]
    assert "groups[0].weight" in missing_figures(system)
    with pytest.raises(ValidationError, match="cannot score yet: its figures are not supplied"):
        score_evaluation(factory_self.basic_requirements, factory_self.assessments, system)
    on_2025 = attrs.evolve(factory_self, indicator_system="gbt36132-2025")
    [finding] = [f for f in check_report(on_2025) if f.rule == "indicator-system"]
    assert finding.path == "indicator_system"
    assert "greendocs system factory-self gbt36132-2025 -o FILE" in finding.message


def _filled_2025(tmp_path: Path) -> Path:
    """The shipped 2025 structure with figures filled in (illustrative, for the test)."""
    system = shipped_factory_system("gbt36132-2025")
    assert system is not None
    data: Any = greendocs.unstructure(system)
    for group, weight in zip(data["groups"], (30, 30, 16, 16, 8), strict=True):
        group["weight"] = weight
        for ind in group["indicators"]:
            for req in ind["requirements"]:
                req["points"] = 10
                if req.get("quantitative"):
                    lower = req["better"] == "lower"
                    req["baseline"], req["leading"] = (200, 100) if lower else (20, 60)
    data["id"] = "my-2025"
    path = tmp_path / "my-2025.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_2025_scores_linearly_between_baseline_and_leading(tmp_path: Path,
                                                           factory_self: FactorySelfReport) -> None:
    system = load_factory_system(_filled_2025(tmp_path))
    basic = tuple(BasicRequirementCheck(id=b.id, met=True) for b in system.basic_requirements)
    values = {"E1.1": "100", "E1.2": "40", "E2.1": "250"}  # leading, halfway, worse than base
    assessed = tuple(
        RequirementAssessment(id=r.id, value=D(values.get(r.id, "150" if r.better == "lower"
                                                         else "20")))
        if r.quantitative else RequirementAssessment(id=r.id, score=D(10))
        for _, _, r in system.requirements())
    card = score_evaluation(basic, assessed, system)
    got = {s.requirement.id: s.score for s in card.scores()}
    assert got["E1.1"] == 10 and got["E1.2"] == 5 and got["E2.1"] == 0
    assert got["R1.1"] == 5 and got["R1.3"] == 0  # halfway (lower better); at the baseline
    energy = card.groups[0]
    assert energy.earned == 15 and energy.points == 30 and energy.weighted == 15


def test_total_is_the_weighted_sum_of_groups(factory_self: FactorySelfReport) -> None:
    assert score_factory(_full(factory_self)).total == 100
    card = score_factory(factory_self)
    expected = sum(g.group.weight * g.earned / g.points for g in card.groups)  # type: ignore[operator]
    assert card.total == expected.quantize(D("0.01")) == D("91.95")
    assert card.passed and card.verdict_zh == "符合绿色工厂评价要求"


def test_a_basic_requirement_not_met_is_a_veto(factory_self: FactorySelfReport) -> None:
    vetoed = attrs.evolve(_full(factory_self), basic_requirements=tuple(
        attrs.evolve(b, met=b.id != "B2") for b in _full(factory_self).basic_requirements))
    card = score_factory(vetoed)
    assert card.total == 100 and not card.passed and not card.basic_met
    assert [(f.rule, f.id) for f in card.failures] == [("basic-requirement", "B2")]
    assert "基本要求B2不符合" in card.verdict_zh
    findings = [f for f in check_report(vetoed) if f.rule == "basic-requirement"]
    assert [(f.severity.value, f.path) for f in findings] == [("error",
                                                              "basic_requirements[1].met")]


def test_a_mandatory_requirement_missed_fails_the_factory(factory_self: FactorySelfReport) -> None:
    missed = _with_score(_full(factory_self), "G1.2.1", "4")  # 必选, 8 points
    card = score_factory(missed)
    assert [(f.rule, f.id) for f in card.failures] == [("mandatory", "G1.2.1")]
    assert card.total == D("99.2")  # 4 of the group's 100 points, times its weight 20 %
    finding = next(f for f in check_report(missed) if f.rule == "mandatory")
    assert finding.path == "assessments[6]"
    assert "G1.2.1" in finding.message and "4 of 8 points" in finding.message
    # an optional requirement below full points is no failure
    assert score_factory(_with_score(_full(factory_self), "G1.1.5", "0")).passed


def test_a_pass_mark_is_configuration(factory_self: FactorySelfReport) -> None:
    system = shipped_factory_system()
    assert system is not None and system.pass_mark is None
    card = score_evaluation(factory_self.basic_requirements, factory_self.assessments, system,
                            pass_mark=D(95))
    assert [f.rule for f in card.failures] == ["pass-mark"]


@pytest.mark.parametrize(("req_id", "score", "message"), [
    ("G1.1.1", "9", "9 is outside 0 to 8"),
    ("G6.5.2", "-1", "negative"),
])
def test_score_over_the_maximum_is_refused(factory_self: FactorySelfReport, req_id: str,
                                           score: str, message: str) -> None:
    if score.startswith("-"):
        with pytest.raises(ValidationError, match=message):
            greendocs.structure({**greendocs.unstructure(factory_self), "assessments": [
                {"id": req_id, "score": score}]}, FactorySelfReport)
        return
    bad = _with_score(factory_self, req_id, score)
    findings = [f for f in check_report(bad) if f.rule == "scoring"]
    assert len(findings) == 1 and message in findings[0].message
    index = [a.id for a in bad.assessments].index(req_id)
    assert findings[0].path == f"assessments[{index}].score"
    with pytest.raises(ValidationError, match=message):
        greendocs.render(bad)


def test_unknown_repeated_and_missing_requirements_are_named(
        factory_self: FactorySelfReport) -> None:
    assessed = factory_self.assessments
    bad = attrs.evolve(factory_self, assessments=(*assessed[1:], assessed[2],
                                            RequirementAssessment(id="G9.9", score=D(1))))
    messages = {f.path: f.message for f in check_report(bad) if f.rule == "scoring"}
    assert "is assessed twice" in messages[f"assessments[{len(assessed) - 1}].id"]
    assert "'G9.9' is not a requirement" in messages[f"assessments[{len(assessed)}].id"]
    assert "G1.1.1" in messages["assessments"] and "is not assessed" in messages["assessments"]


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "system.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _shipped_data() -> Any:
    system = shipped_factory_system()
    assert system is not None
    return greendocs.unstructure(system)


def test_loader_checks_that_weights_and_points_add_up(tmp_path: Path) -> None:
    data = _shipped_data()
    data["groups"][1]["weight"] = 20
    data["groups"][0]["indicators"][0]["requirements"][0]["points"] = 9
    with pytest.raises(ValidationError) as exc:
        load_factory_system(_write(tmp_path, data))
    got = {e.path: e.message for e in exc.value.errors}
    assert "add up to 105, not to the total 100" in got["groups"]
    assert "基础设施 add up to 101 points, not 100" in got["groups[0]"]
    assert str(tmp_path / "system.yaml") in str(exc.value)


def test_loader_checks_ids_and_quantitative_requirements(tmp_path: Path) -> None:
    data = _shipped_data()
    reqs = data["groups"][5]["indicators"][4]["requirements"]
    reqs[1]["id"] = reqs[0]["id"]
    reqs[0].update(quantitative=True, better="lower", baseline=1, leading=2)
    with pytest.raises(ValidationError) as exc:
        load_factory_system(_write(tmp_path, data))
    got = {e.path: e.message for e in exc.value.errors}
    where = "groups[5].indicators[4].requirements"
    assert "'G6.5.1' is used twice" in got[f"{where}[1].id"]
    assert "needs a unit" in got[f"{where}[0].unit"]
    assert "2 is not better than the baseline 1" in got[f"{where}[0].leading"]


def test_a_report_can_name_its_own_system_file(tmp_path: Path,
                                               factory_self: FactorySelfReport) -> None:
    data = _shipped_data()
    data.update(id="ind-std", name="某行业绿色工厂评价要求", standard="T/XX 1-2024",
                pass_mark=90)
    path = _write(tmp_path, data)
    mine = attrs.evolve(factory_self, indicator_system=str(path))
    assert score_factory(mine).pass_mark == 90
    docx = greendocs.render(mine)
    text = docx_text(docx)
    assert f"某行业绿色工厂评价要求（{path}）" in text  # the file, which validate reads again
    assert "合格分数线：90分" in docx_text(greendocs.render(mine, draft=True))
    missing = attrs.evolve(factory_self, indicator_system=str(tmp_path / "nope.yaml"))
    finding = next(f for f in check_report(missing) if f.rule == "indicator-system")
    assert finding.path == "indicator_system" and "nope.yaml" in finding.message


def test_reports_name_the_figures_that_are_verified(factory_self: FactorySelfReport) -> None:
    from greendocs.forms.factory import system_note

    system = shipped_factory_system()
    assert system is not None
    assert system.verified_figures() == ["基础设施权重", "G1.1.1分值", "G1.1.2分值",
                                         "G1.1.3分值"]
    note = system_note(system)
    assert "未经官方核实" in note and "已核实：基础设施权重、G1.1.1分值" in note
    # the console says it; a draft prints it; the document handed in does not
    assert note not in docx_text(greendocs.render(factory_self)).replace("评价依据：", "")
    assert note in docx_text(greendocs.render(factory_self, draft=True)).replace("评价依据：", "")
    warned = next(f for f in check_report(factory_self) if f.rule == "unverified-system")
    assert warned.severity.value == "warning" and "基础设施权重" in warned.message_zh
