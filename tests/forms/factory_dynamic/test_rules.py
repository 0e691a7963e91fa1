"""Attachment 6 rules: catalogue conformity, deteriorations, declarations."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

import greendocs
from greendocs.forms.factory_dynamic import KeyIndicator, check_dynamic, load_catalogue


def rules(model: Any) -> list[str]:
    return [f"{f.severity.value} {f.path} [{f.rule}]" for f in check_dynamic(model)]


def with_row(model: Any, key: str, **changes: Any) -> Any:
    code = load_catalogue().code_of(key)
    rows = [attrs.evolve(r, **changes) if r.code == code else r for r in model.indicators]
    return attrs.evolve(model, indicators=tuple(rows))


def test_sample_has_exactly_its_two_deteriorations(sample: Any) -> None:
    assert rules(sample) == ["warning indicators[0].values[2020] [year-over-year]",
                             "warning indicators[3].values[2021] [year-over-year]"]
    report = greendocs.validate(sample)
    assert report.ok and len(report.warnings) == 2


def test_rising_energy_per_product_is_flagged_with_figures(sample: Any) -> None:
    values = greendocs.YearSeries.of({2019: "7.86", 2020: "7.61", 2021: "8.10"})
    model = with_row(sample, "energy_per_product", values=values)
    found = [f for f in check_dynamic(model) if f.path == "indicators[2].values[2021]"]
    assert len(found) == 1
    assert "worsened from 7.61 (2020) to 8.10 (2021) kgce/台 (+6.4 %)" in found[0].message


def test_missing_key_indicator_and_unknown_code_are_errors(sample: Any) -> None:
    rows = tuple(r for r in sample.indicators if r.code != "K05")
    model = attrs.evolve(sample, indicators=(*rows, attrs.evolve(rows[0], code="gdp")))
    report = greendocs.validate(model)
    assert not report.ok
    messages = [str(f) for f in report.errors]
    assert any("二氧化碳排放量 (K05) is missing" in m for m in messages)
    assert any("'gdp' is not in the indicator catalogue" in m for m in messages)


def test_an_indicator_given_by_its_key_is_kept_and_printed_by_its_code(sample: Any) -> None:
    row = KeyIndicator(code="co2_total", name="二氧化碳排放量", unit="tCO2",
                                 values=sample.indicators[4].values)
    assert row.code == "K05" and attrs.evolve(row, code="other").code == "其他"
    import io

    import docx
    text = "\n".join(c.text for t in docx.Document(io.BytesIO(greendocs.render(sample))).tables
                     for r in t.rows for c in r.cells)
    assert "K05" in text and "co2_total" not in text and "energy_total" not in text


def test_wrong_unit_for_catalogue_indicator(sample: Any) -> None:
    model = with_row(sample, "energy_total", unit=greendocs.Unit("t"))
    assert "error indicators[1].unit [indicator-catalogue]" in rules(model)


def test_declared_negative_list_circumstance_is_a_warning(sample: Any) -> None:
    nl = attrs.evolve(sample.negative_list, accident=greendocs.Declaration(
        present=True, detail="2021年5月涂装车间发生一般火灾事故"))
    assert "warning negative_list.accident [negative-list]" in rules(
        attrs.evolve(sample, negative_list=nl))


def test_catalogue_is_data_with_source_and_verification_state() -> None:
    cat = load_catalogue()
    assert cat.verified is False and "GB/T 36132-2018" in cat.source
    assert cat.get("pollutant") is not None and cat.get("pollutant").repeatable  # type: ignore[union-attr]
    assert Decimal(0) == 0
