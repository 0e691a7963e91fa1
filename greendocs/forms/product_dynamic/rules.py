"""Rules of Attachment 7: products no longer produced or no longer compliant, falling
output, key indicators that worsened (the direction from the product's standard), declared
negative-list circumstances."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ...blocks.negative_list import declared_findings
from ...errors import ValidationError
from ...findings import Finding, Severity
from ..product.standard import ProductStandard, resolve_standard
from .model import ListedProduct, ProductDynamicReport


def check_dynamic(report: ProductDynamicReport) -> list[Finding]:
    """Every finding for one table (reads the standards the products name)."""
    findings: list[Finding] = []
    for i, product in enumerate(report.products):
        where = f"products[{i}]"
        if product.listed_year > report.reporting_year:
            findings.append(Finding("listing", Severity.ERROR, f"{where}.listed_year",
                                    f"{product.name} is listed in {product.listed_year}, after "
                                    f"the reporting year {report.reporting_year}"))
        findings += _status(product, where)
        try:
            standard = resolve_standard(product.standard)
        except ValidationError:
            continue  # a standard greendocs does not know gives nothing to compare with
        findings += _fits_standard(product, standard, where)
        findings += _worsened(product, standard, where)
    findings += declared_findings(report.negative_list)
    return findings


def _status(product: ListedProduct, where: str) -> Iterator[Finding]:
    if not product.still_produced:
        yield Finding("product-status", Severity.WARNING, f"{where}.still_produced",
                      f"{product.name} is no longer produced: a listed product that is not "
                      "produced is proposed for removal from the list")
    if not product.still_compliant:
        yield Finding("product-status", Severity.WARNING, f"{where}.still_compliant",
                      f"{product.name} no longer meets its evaluation standard"
                      + (f" ({product.standard_changes})" if product.standard_changes else "")
                      + ": it is proposed for removal from the list")
    for (y0, v0), (y1, v1) in itertools.pairwise(product.output.items):
        if v0 and v1 is not None and v1 == 0:
            yield Finding("product-status", Severity.WARNING, f"{where}.output[{y1}]",
                          f"{product.name}: output fell from {v0} ({y0}) to 0 ({y1}); say "
                          "whether it is still produced")


def _fits_standard(product: ListedProduct, standard: ProductStandard,
                   where: str) -> Iterator[Finding]:
    """Key indicators that are not the standard's, or given in another unit."""
    for k, row in enumerate(product.indicators):
        ind = standard.indicator(row.id)
        if ind is None:
            known = ", ".join(i.id for i in standard.indicators) or "none"
            yield Finding("product-standard", Severity.ERROR, f"{where}.indicators[{k}].id",
                          f"{row.id!r} is not an indicator of {standard.number} ({known})")
        elif ind.unit and str(row.unit or "") != ind.unit:
            yield Finding("product-standard", Severity.ERROR,
                          f"{where}.indicators[{k}].unit",
                          f"{row.name} is given in {row.unit or 'no unit'}; "
                          f"{standard.number} states it in {ind.unit}")


def _worsened(product: ListedProduct, standard: ProductStandard,
              where: str) -> Iterator[Finding]:
    for k, row in enumerate(product.indicators):
        ind = standard.indicator(row.id)
        if ind is None or ind.comparison not in ("le", "ge"):
            continue
        for (y0, v0), (y1, v1) in itertools.pairwise(row.values.items):
            if v0 is None or v1 is None or v0 == v1:
                continue
            lower = ind.comparison == "le"
            if (v1 > v0) == lower:
                asks = (f"the standard asks {ind.threshold_text}" if ind.threshold is not None
                        else f"{'lower' if lower else 'higher'} is better")
                yield Finding("year-over-year", Severity.WARNING,
                              f"{where}.indicators[{k}].values[{y1}]",
                              f"{product.name}: {row.name} worsened from {v0} ({y0}) to {v1} "
                              f"({y1}); {asks} — explain it")
