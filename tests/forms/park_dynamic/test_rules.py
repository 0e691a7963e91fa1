"""Attachment 8: a listed park year by year."""

from __future__ import annotations

import attrs

import greendocs
from greendocs.forms.park_dynamic import check_dynamic
from greendocs.types.year_series import YearSeries
from tests.samples import load_sample

SAMPLE = load_sample("park-dynamic")


def test_the_sample_warns_of_the_indicator_that_worsened() -> None:
    assert [(f.rule, f.path) for f in check_dynamic(SAMPLE)] == [
        ("year-over-year", "indicators[6].values[2021]")]


def test_derived_indicators_are_compared_too_and_unknown_ids_refused() -> None:
    # more waste water for the same added value: 单位工业增加值废水排放量 (lower is better) rises
    figures = attrs.evolve(SAMPLE.figures, wastewater=YearSeries.of(
        {2019: 9800000, 2020: 9650000, 2021: 12000000}))
    rows = (*SAMPLE.indicators, attrs.evolve(SAMPLE.indicators[0], id="ZZ1"))
    found = [(f.rule, f.path) for f in check_dynamic(attrs.evolve(SAMPLE, figures=figures,
                                                                  indicators=rows))]
    assert ("year-over-year", "indicators[5].values[2021]") in found
    assert ("indicator-system", "indicators[7].id") in found


def test_an_industrial_share_no_longer_above_half() -> None:
    figures = attrs.evolve(SAMPLE.figures, gdp=YearSeries.of(
        {2019: 3850000, 2020: 4120000, 2021: 7000000}))
    found = check_dynamic(attrs.evolve(SAMPLE, figures=figures))
    assert ("eligibility", "figures.industrial_added_value[2021]") in \
        [(f.rule, f.path) for f in found]


def test_values_are_checked_as_in_the_reports() -> None:
    from decimal import Decimal

    def values(row_id: str, *vals: object) -> tuple[object, ...]:
        return tuple(attrs.evolve(r, values=YearSeries.of(dict(zip((2019, 2020, 2021), vals,
                                                                   strict=True))))
                     if r.id == row_id else r for r in SAMPLE.indicators)

    found = [(f.rule, f.path) for f in check_dynamic(attrs.evolve(
        SAMPLE, indicators=values("EG2", 11.2, 12.6, 140)))]
    assert ("indicators", "indicators[1].values[2021]") in found
    found = [(f.rule, f.path) for f in check_dynamic(attrs.evolve(
        SAMPLE, indicators=values("EG1", 9.9, None, None)))]
    assert ("indicators", "indicators[0].values[2019]") in found
    rendered = greendocs.forms().get("park-dynamic").as_rendered(SAMPLE)
    assert rendered.indicators[0].values.as_dict()[2021] == Decimal("2.95")


def test_computed_indicators_are_printed_and_read_back() -> None:
    spec = greendocs.forms().get("park-dynamic")
    back = greendocs.parse(greendocs.render(SAMPLE)).model
    assert back == spec.as_rendered(SAMPLE)
    assert back.indicators[0].values.as_dict()[2019] is not None
