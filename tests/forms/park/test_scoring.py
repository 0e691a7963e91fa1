"""Attachment 4: the green-park index year by year, derived indicators, eligibility, and
bad input with its path."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

import greendocs
from greendocs.forms.park import (
    ParkSystem,
    as_rendered,
    check_report,
    derived_values,
    load_system,
    resolve_system,
    score,
)
from greendocs.types.year_series import YearSeries
from tests.samples import load_sample

SAMPLE = load_sample("park-self")
SYSTEM = resolve_system("park-586-2016")


def errors(report: Any, system: ParkSystem | None = None) -> list[tuple[str, str]]:
    return [(f.rule, f.path) for f in check_report(report, system)
            if f.severity.value == "error"]


def series(*values: object) -> YearSeries:
    return YearSeries.of(dict(zip((2019, 2020, 2021), values, strict=True)))


def at_leading(report: Any, fraction: Decimal = Decimal(1)) -> Any:
    """*report* with every indicator at *fraction* of its leading value (qualitative 1)."""
    rows = []
    for row in report.indicators:
        ind = SYSTEM.indicator(row.id)
        assert ind is not None
        if ind.direction == "qualitative":
            value: Decimal = Decimal(1)
        elif ind.direction == "lower":
            value = ind.leading / fraction  # type: ignore[operator]
        else:
            value = ind.leading * fraction  # type: ignore[operator]
        rows.append(attrs.evolve(row, values=series(value, value, value)))
    # base figures no longer contradict the typed values: leave them out of the formulas
    figures = attrs.evolve(report.figures, energy=series(None, None, None),
                           fresh_water=series(None, None, None),
                           built_area=series(None, None, None),
                           employees=series(None, None, None),
                           solid_waste_generated=series(None, None, None),
                           wastewater=series(None, None, None))
    return attrs.evolve(report, indicators=tuple(rows), figures=figures)


def test_the_sample_scores_each_year_and_prints_the_indices() -> None:
    card = score(SAMPLE)
    assert [(y.year, y.index) for y in card.years] == [
        (2019, Decimal("84.67")), (2020, Decimal("94.17")), (2021, Decimal("98.25"))]
    rendered = as_rendered(SAMPLE)
    assert rendered.stated_scores.as_dict() == {2019: Decimal("84.67"),
                                                2020: Decimal("94.17"),
                                                2021: Decimal("98.25")}
    assert errors(SAMPLE) == []


def test_every_leading_value_met_scores_the_full_scale() -> None:
    card = score(at_leading(SAMPLE))
    assert [y.index for y in card.years] == [Decimal(100)] * 3


def test_no_leading_value_met() -> None:
    """Every figure at half its leading value, every qualitative indicator 0: groups score
    0.5, except 基础设施 (IG1 0, IG2 0.5: 0.25) and 运行管理 (0): (4 × 0.5 + 0.25) ÷ 6."""
    report = at_leading(SAMPLE, Decimal("0.5"))
    rows = tuple(attrs.evolve(r, values=series(0, 0, 0))
                 if SYSTEM.indicator(r.id).direction == "qualitative" else r  # type: ignore[union-attr]
                 for r in report.indicators)
    card = score(attrs.evolve(report, indicators=rows))
    assert [y.index for y in card.years] == [Decimal("37.5")] * 3


def test_derived_indicators_follow_the_base_figures() -> None:
    derived = derived_values(SAMPLE.figures, SYSTEM)
    # 水资源产出率 = 工业增加值 (万元) × 10000 ÷ 工业用新鲜水量 (m³)
    assert derived["RG1"][2021] == Decimal("1571.43")
    assert derived["EG1"][2019] == Decimal("2.6")
    assert derived["EN3"][2021] == Decimal("2.98")
    rendered = as_rendered(SAMPLE)
    rg1 = next(r for r in rendered.indicators if r.id == "RG1")
    assert rg1.values.as_dict()[2021] == Decimal("1571.43")
    typed = attrs.evolve(SAMPLE, indicators=tuple(
        attrs.evolve(r, values=series(1200, 1300, 1400)) if r.id == "RG1" else r
        for r in SAMPLE.indicators))
    found = [f for f in check_report(typed) if f.severity.value == "error"]
    assert [f.path for f in found] == [f"indicators[3].values[{y}]" for y in (2019, 2020, 2021)]
    assert "the base figures give 1571.43" in found[-1].message


def test_a_missing_year_of_a_mandatory_indicator() -> None:
    rows = tuple(attrs.evolve(r, values=series(11.2, None, 14.1)) if r.id == "EG2" else r
                 for r in SAMPLE.indicators)
    found = [f for f in check_report(attrs.evolve(SAMPLE, indicators=rows))
             if f.severity.value == "error"]
    assert [(f.path, f.message) for f in found] == [
        ("indicators[1].values[2020]", "EG2 可再生能源使用比例 is mandatory and has no value "
         "for 2020")]


def test_too_few_optional_indicators() -> None:
    rows = tuple(r for r in SAMPLE.indicators if r.id != "RG5")
    found = [f.message for f in check_report(attrs.evolve(SAMPLE, indicators=rows))
             if f.severity.value == "error"]
    assert found[0] == ("2019: 0 of the optional indicators RG5、RG6、RG7、RG8 are given; at "
                        "least 1 must be")


def test_industrial_share_must_exceed_half() -> None:
    def with_share(gdp: int) -> Any:
        figures = attrs.evolve(SAMPLE.figures, gdp=series(3850000, 4120000, gdp))
        return attrs.evolve(SAMPLE, figures=figures)

    assert errors(with_share(6380000)) == [
        ("eligibility", "figures.industrial_added_value[2021]")]  # 3190000/6380000 = 50 %
    assert errors(with_share(6379000)) == []  # 50.01 %
    flags = attrs.evolve(SAMPLE.eligibility, statutory_boundary=False)
    assert errors(attrs.evolve(SAMPLE, eligibility=flags)) == [
        ("eligibility", "eligibility.statutory_boundary")]


def test_a_basic_requirement_not_met_is_a_veto() -> None:
    checks = (*SAMPLE.basic_requirements[:3],
              attrs.evolve(SAMPLE.basic_requirements[3], met=False),
              *SAMPLE.basic_requirements[4:])
    assert errors(attrs.evolve(SAMPLE, basic_requirements=checks)) == [
        ("basic-requirement", "basic_requirements[3].met")]


def _load_error(change: Any) -> str:
    data = greendocs.unstructure(SAMPLE)
    change(data)
    with pytest.raises(greendocs.ValidationError) as info:
        greendocs.load(data, "park-self")
    return str(info.value)


def test_bad_input_gives_its_path() -> None:
    assert "figures.energy: gives years [2019, 2021]; the 2021 table reports exactly " \
        "[2019, 2020, 2021]" in _load_error(
            lambda d: d["figures"].__setitem__("energy", {"2019": 1, "2021": 2}))
    assert "indicators[1].values: gives years [2019, 2020, 2021, 2022]" in _load_error(
        lambda d: d["indicators"][1]["values"].__setitem__("2022", 3))
    assert "figures.gdp[2020]: -5 万元 is negative" in _load_error(
        lambda d: d["figures"]["gdp"].__setitem__("2020", -5))
    rows = (*SAMPLE.indicators, attrs.evolve(SAMPLE.indicators[0], id="XX9"))
    assert ("scoring", "indicators[24].id") in errors(attrs.evolve(SAMPLE, indicators=rows))


def test_a_share_over_100_percent() -> None:
    rows = tuple(attrs.evolve(r, values=series(91, 92, 120)) if r.id == "RG4" else r
                 for r in SAMPLE.indicators)
    found = [f for f in check_report(attrs.evolve(SAMPLE, indicators=rows))
             if f.severity.value == "error"]
    assert [(f.path, f.message) for f in found] == [
        ("indicators[6].values[2021]", "120 % is not a share: 工业用水重复利用率 lies between "
         "0 and 100")]


def test_a_system_file_with_a_leading_value_on_the_wrong_side(tmp_path: Path) -> None:
    spec = greendocs.forms().get("park-self")
    data = yaml.safe_load(spec.shipped_systems()["park-586-2016"])
    data["groups"][4]["indicators"][2]["baseline"] = 3  # EN3, lower is better, leading 5
    data["groups"][0]["indicators"][1].pop("unit")
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(greendocs.ValidationError) as info:
        load_system(path)
    text = str(info.value)
    assert "groups[4].indicators[2].leading: 5 is not better than the baseline 3 when lower " \
        "values are better" in text
    assert "groups[0].indicators[1].unit" in text


def test_the_2025_skeleton_refuses_to_score() -> None:
    report = attrs.evolve(SAMPLE, indicator_system="park-miit-2025")
    found = [f for f in check_report(report) if f.severity.value == "error"]
    assert found[0].path == "indicator_system" and "cannot score yet" in found[0].message


def test_third_party_report_states_the_basic_result_and_scores() -> None:
    report = load_sample("park-third-party")
    rendered = as_rendered(report)
    assert rendered.stated_basic_met.label == "符合"
    assert rendered.stated_scores.as_dict()[2021] == Decimal("98.25")
    back = greendocs.parse(greendocs.render(report)).model
    assert back == rendered
