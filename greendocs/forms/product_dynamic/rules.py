"""Rules of Attachment 7: products no longer produced or no longer compliant, falling
output, key indicators that worsened (the direction from the product's standard), declared
negative-list circumstances."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ...blocks.negative_list import declared_findings
from ...errors import ValidationError
from ...findings import Finding, Severity
from .._shared.dynamic_table import listing_findings
from ..product.standard import ProductStandard, resolve_standard
from .model import ListedProduct, ProductDynamicReport


def check_dynamic(report: ProductDynamicReport) -> list[Finding]:
    """Every finding for one table (reads the standards the products name)."""
    findings: list[Finding] = []
    for i, product in enumerate(report.products):
        where = f"products[{i}]"
        findings += listing_findings(f"{where}.listed_year", product.name,
                                     product.listed_year, report.reporting_year)
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
                      "produced is proposed for removal from the list",
                      f"{product.name}已停产：已停产的入选产品拟移出名单")
    if not product.still_compliant:
        yield Finding("product-status", Severity.WARNING, f"{where}.still_compliant",
                      f"{product.name} no longer meets its evaluation standard"
                      + (f" ({product.standard_changes})" if product.standard_changes else "")
                      + ": it is proposed for removal from the list",
                      f"{product.name}已不符合其评价标准"
                      + (f"（{product.standard_changes}）" if product.standard_changes else "")
                      + "：拟移出名单")
    for (y0, v0), (y1, v1) in itertools.pairwise(product.output.items):
        if v0 and v1 is not None and v1 == 0:
            yield Finding("product-status", Severity.WARNING, f"{where}.output[{y1}]",
                          f"{product.name}: output fell from {v0} ({y0}) to 0 ({y1}); say "
                          "whether it is still produced",
                          f"{product.name}的产量由{y0}年的{v0}降为{y1}年的0；请说明是否仍在生产")


def _fits_standard(product: ListedProduct, standard: ProductStandard,
                   where: str) -> Iterator[Finding]:
    """Key indicators that are not the standard's, or given in another unit."""
    for k, row in enumerate(product.indicators):
        ind = standard.indicator(row.id)
        if ind is None:
            known = ", ".join(i.id for i in standard.indicators) or "none"
            yield Finding("product-standard", Severity.ERROR, f"{where}.indicators[{k}].id",
                          f"{row.id!r} is not an indicator of {standard.number} ({known})",
                          f"{row.id!r}不是{standard.number}的指标（应为{known}之一）")
        elif ind.unit and str(row.unit or "") != ind.unit:
            yield Finding("product-standard", Severity.ERROR,
                          f"{where}.indicators[{k}].unit",
                          f"{row.name} is given in {row.unit or 'no unit'}; "
                          f"{standard.number} states it in {ind.unit}",
                          f"{row.name}的单位为{row.unit or '空'}；"
                          f"{standard.number}规定为{ind.unit}")


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
                asks_zh = (f"标准要求{ind.threshold_text}" if ind.threshold is not None
                           else ("越低越好" if lower else "越高越好"))
                yield Finding("year-over-year", Severity.WARNING,
                              f"{where}.indicators[{k}].values[{y1}]",
                              f"{product.name}: {row.name} worsened from {v0} ({y0}) to {v1} "
                              f"({y1}); {asks} — explain it",
                              f"{product.name}的{row.name}由{y0}年的{v0}变为{y1}年的{v1}，"
                              f"{asks_zh}；请说明原因")
