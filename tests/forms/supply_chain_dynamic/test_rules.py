"""Attachment 9 rules: falling indicators, counts against the reported share, declarations."""

from __future__ import annotations

import attrs

import greendocs
from greendocs.forms.supply_chain import check_dynamic
from tests.samples import load_sample

SAMPLE = load_sample("supply-chain-dynamic")


def test_sample_has_its_one_falling_indicator() -> None:
    assert [(f.rule, f.path) for f in check_dynamic(SAMPLE)] == [
        ("year-over-year", "indicators.packaging_recovery_rate[2021]")]


def test_share_that_disagrees_with_supplier_counts_is_flagged() -> None:
    ind = attrs.evolve(SAMPLE.indicators, low_risk_supplier_share=greendocs.YearSeries.of(
        {2019: 78.2, 2020: 81.5, 2021: 95}))
    found = [f for f in check_dynamic(attrs.evolve(SAMPLE, indicators=ind))
             if f.rule == "supplier-share"]
    assert len(found) == 1 and "95 % disagrees with the supplier counts, which give 84.0 %" \
        in found[0].message


def test_years_must_be_the_reporting_years() -> None:
    data = greendocs.unstructure(SAMPLE)
    data["indicators"]["gsci"] = {"2018": 80, "2020": 84, "2021": 86}
    try:
        greendocs.load(data, "supply-chain-dynamic")
    except greendocs.ValidationError as exc:
        assert [str(e) for e in exc.errors] == [
            "indicators.gsci: gives years [2018, 2020, 2021]; the 2021 table reports exactly "
            "[2019, 2020, 2021]"]
    else:
        raise AssertionError("years not checked")
