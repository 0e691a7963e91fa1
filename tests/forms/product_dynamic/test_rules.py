"""Attachment 7: listed design products year by year."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import greendocs
from greendocs.forms.product_dynamic import check_dynamic
from greendocs.types.year_series import YearSeries
from tests.samples import load_sample

SAMPLE = load_sample("product-dynamic")


def test_the_sample_warns_of_the_one_indicator_that_worsened() -> None:
    found = check_dynamic(SAMPLE)
    assert [(f.rule, f.path) for f in found] == [
        ("year-over-year", "products[1].indicators[0].values[2021]")]
    assert "lower is better" in found[0].message


def test_a_product_no_longer_produced_or_compliant() -> None:
    p = attrs.evolve(SAMPLE.products[0], still_produced=False, still_compliant=False,
                     standard_changes="标准已修订为新版本，单位产品综合能耗要求提高",
                     output=YearSeries(((2019, Decimal(5)), (2020, Decimal(3)),
                                        (2021, Decimal(0)))))
    found = check_dynamic(attrs.evolve(SAMPLE, products=(p,)))
    assert [(f.rule, f.path) for f in found] == [
        ("product-status", "products[0].still_produced"),
        ("product-status", "products[0].still_compliant"),
        ("product-status", "products[0].output[2021]")]
    assert "标准已修订为新版本" in found[1].message


def test_every_series_of_every_product_gives_the_table_years() -> None:
    data = greendocs.unstructure(SAMPLE)
    data["products"][0]["indicators"][1]["values"] = {"2019": 10, "2021": 9}
    with pytest.raises(greendocs.ValidationError) as info:
        greendocs.load(data, "product-dynamic")
    assert "products[0].indicators[1].values: gives years [2019, 2021]; the 2021 table " \
        "reports exactly [2019, 2020, 2021]" in str(info.value)


def test_indicators_fit_the_standard_and_listing_precedes_the_year() -> None:
    p = SAMPLE.products[0]
    rows = (attrs.evolve(p.indicators[0], id="ZZ"),
            attrs.evolve(p.indicators[1], unit="tce/t"), *p.indicators[2:])
    p = attrs.evolve(p, indicators=rows, listed_year=2023)
    found = [(f.rule, f.path) for f in check_dynamic(attrs.evolve(SAMPLE, products=(p,)))
             if f.severity.value == "error"]
    assert found == [("listing", "products[0].listed_year"),
                     ("product-standard", "products[0].indicators[0].id"),
                     ("product-standard", "products[0].indicators[1].unit")]
