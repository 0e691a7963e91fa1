"""Rules of Attachment 9: deteriorating key indicators, supplier counts that disagree with
the reported share, declared negative-list circumstances."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

from ...blocks.negative_list import declared_findings
from ...findings import Finding, Severity
from ...model.introspection import field_map
from .._shared.dynamic_table import listing_findings
from .model import SupplyChainDynamicReport

_HIGHER_IS_BETTER = ("low_risk_supplier_share", "product_recovery_rate",
                     "packaging_recovery_rate", "gsci")


def check_dynamic(report: SupplyChainDynamicReport) -> list[Finding]:
    """Every finding for one dynamic management table (pure)."""
    return [*_deteriorations(report), *_share_consistency(report),
            *declared_findings(report.negative_list),
            *_listing(report)]


def _deteriorations(report: SupplyChainDynamicReport) -> Iterator[Finding]:
    labels = field_map(type(report.indicators))
    for name in _HIGHER_IS_BETTER:
        series = getattr(report.indicators, name)
        for (y0, v0), (y1, v1) in itertools.pairwise(series.items):
            if v0 is not None and v1 is not None and v1 < v0:
                yield Finding("year-over-year", Severity.WARNING, f"indicators.{name}[{y1}]",
                              f"{labels[name].label} fell from {v0} ({y0}) to {v1} ({y1}); "
                              "explain it",
                              f"{labels[name].label}由{y0}年的{v0}降至{y1}年的{v1}；请说明原因")


def _share_consistency(report: SupplyChainDynamicReport) -> Iterator[Finding]:
    ind = report.indicators
    for year in report.years:
        counts = [ind.high_risk_suppliers[year], ind.medium_risk_suppliers[year],
                  ind.low_risk_suppliers[year]]
        share = ind.low_risk_supplier_share[year]
        if share is None or any(c is None for c in counts) or not sum(counts):  # type: ignore[arg-type]
            continue
        low = counts[2]
        assert low is not None
        computed = low / sum(counts) * 100  # type: ignore[arg-type]
        if abs(computed - share) > 1:
            yield Finding("supplier-share", Severity.WARNING,
                          f"indicators.low_risk_supplier_share[{year}]",
                          f"{share} % disagrees with the supplier counts, which give "
                          f"{computed.quantize(Decimal('0.1'))} %",
                          f"低风险供应商占比{share}%与供应商数量不符，按数量计算为"
                          f"{computed.quantize(Decimal('0.1'))}%")


def _listing(report: SupplyChainDynamicReport) -> Iterator[Finding]:
    yield from listing_findings("enterprise.listed_year", report.enterprise.name,
                                report.enterprise.listed_year, report.reporting_year)
