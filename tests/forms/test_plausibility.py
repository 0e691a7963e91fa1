"""Figures valid as numbers but implausible: a percentage typed as a fraction, a figure
short of the limit its requirement states. Warnings naming the field, in every form that
takes percentages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

import greendocs
from tests.samples import load_sample


def _warnings(model: Any, rule: str) -> list[Any]:
    return [f for f in greendocs.validate(model).warnings if f.rule == rule]


def _with_value(model: Any, field: str, key: str, **changes: Any) -> Any:
    rows = tuple(attrs.evolve(r, **changes) if r.id == key else r
                 for r in getattr(model, field))
    return attrs.evolve(model, **{field: rows})


def test_a_share_typed_as_a_fraction_is_a_warning_naming_the_field() -> None:
    chain = _with_value(load_sample("supply-chain-self"), "assessments", "X26",
                        value=Decimal("0.85"))
    [found] = _warnings(chain, "plausibility")
    i = next(i for i, a in enumerate(chain.assessments) if a.id == "X26")
    assert found.path == f"assessments[{i}].value"
    assert "低风险供应商占比: 0.85 % looks like a fraction" in found.message
    assert "百分比应按百分数填写（85%填85）" in found.message_zh
    assert not _warnings(load_sample("supply-chain-self"), "plausibility")


def test_a_factory_figure_is_checked_against_its_requirement() -> None:
    sample = load_sample("factory-self")
    assert not _warnings(sample, "threshold") and not _warnings(sample, "plausibility")
    fraction = _with_value(sample, "assessments", "G6.1.2", value=Decimal("0.465"))
    [found] = _warnings(fraction, "plausibility")
    assert "建筑密度不低于30%: 0.465 % looks like a fraction" in found.message
    short = _with_value(sample, "assessments", "G6.1.2", value=Decimal("25"))
    [found] = _warnings(short, "threshold")
    assert found.message.startswith("25 % misses the requirement's minimum of 30 %")
    assert "25%未达到评价要求的“不低于30%”" in found.message_zh


def test_park_and_dynamic_table_percentages_are_checked_each_year() -> None:
    park = load_sample("park-self")
    row = next(r for r in park.indicators if r.id == "EG2")
    values = greendocs.YearSeries.of({**{y: v for y, v in row.values.as_dict().items()},
                                      park.reporting_year: "0.18"})
    park = _with_value(park, "indicators", "EG2", values=values)
    [found] = _warnings(park, "plausibility")
    assert found.path.endswith(f".values[{park.reporting_year}]")
    table = load_sample("factory-dynamic")
    i = next(i for i, r in enumerate(table.indicators) if str(r.unit) == "%")
    rows = list(table.indicators)
    rows[i] = attrs.evolve(rows[i], values=greendocs.YearSeries.of(
        {y: "0.62" for y in rows[i].values.as_dict()}))
    found = _warnings(attrs.evolve(table, indicators=tuple(rows)), "plausibility")
    assert [f.path for f in found] == [f"indicators[{i}].values[{y}]"
                                       for y in rows[i].values.as_dict()]
