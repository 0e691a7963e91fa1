"""Rules of Attachment 6: catalogue conformity, year-over-year deterioration, declarations."""

from __future__ import annotations

from collections.abc import Iterator

from ...blocks.negative_list import declared_findings
from ...findings import Finding, Severity
from .._shared.dynamic_table import listing_findings
from .._shared.plausibility import fractions, is_percent
from .indicator_catalogue import IndicatorCatalogue, load_catalogue
from .model import FactoryDynamicReport


def check_dynamic(report: FactoryDynamicReport,
                          catalogue: IndicatorCatalogue | None = None) -> list[Finding]:
    """Every finding for one table: pure function of the report and the catalogue."""
    cat = catalogue or load_catalogue()
    return [*_catalogue_conformity(report, cat), *_deteriorations(report, cat),
            *_percentages(report), *declared_findings(report.negative_list),
            *_identity(report)]


def _percentages(report: FactoryDynamicReport) -> list[Finding]:
    return fractions((f"indicators[{i}].values[{year}]", row.name, value)
                     for i, row in enumerate(report.indicators) if is_percent(str(row.unit))
                     for year, value in row.values.as_dict().items())


def _catalogue_conformity(report: FactoryDynamicReport,
                          cat: IndicatorCatalogue) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for i, row in enumerate(report.indicators):
        d = cat.get(row.code)
        if d is None:
            codes = ", ".join(x.code for x in cat.indicators)
            yield Finding("indicator-catalogue", Severity.ERROR, f"indicators[{i}].code",
                          f"{row.code!r} is not in the indicator catalogue; use one of {codes}",
                          f"{row.code!r}不在指标目录中；应为"
                          f"{'、'.join(x.name for x in cat.indicators)}之一")
            continue
        seen[row.code] = seen.get(row.code, 0) + 1
        if d.units and row.unit not in d.units:
            yield Finding("indicator-catalogue", Severity.ERROR, f"indicators[{i}].unit",
                          f"{d.name} is reported in {row.unit!r}; expected one of "
                          f"{', '.join(d.units)}",
                          f"{d.name}的单位为{row.unit!r}；应为{'、'.join(d.units)}之一")
        if seen[row.code] > 1 and not d.repeatable:
            yield Finding("indicator-catalogue", Severity.ERROR, f"indicators[{i}].code",
                          f"{d.name} ({row.code}) appears more than once",
                          f"{d.name}出现不止一次")
    for d in cat.indicators:
        if d.required and d.code not in seen:
            yield Finding("key-indicators", Severity.ERROR, "indicators",
                          f"the key indicator {d.name} ({d.code}) is missing",
                          f"缺少关键指标{d.name}")
    for i, row in enumerate(report.indicators):
        d = cat.get(row.code)
        if d is not None and d.required and row.values.items[-1][1] is None:
            yield Finding("key-indicators", Severity.ERROR,
                          f"indicators[{i}].values[{report.reporting_year}]",
                          f"{row.name} has no value for the reporting year",
                          f"{row.name}缺少报告年度（{report.reporting_year}年）的数值")


def _deteriorations(report: FactoryDynamicReport, cat: IndicatorCatalogue) -> Iterator[Finding]:
    for i, row in enumerate(report.indicators):
        d = cat.get(row.code)
        if d is None or d.better == "none":
            continue
        for (y0, v0), (y1, v1) in zip(row.values.items, row.values.items[1:], strict=False):
            if v0 is None or v1 is None or v0 == v1:
                continue
            worse = v1 > v0 if d.better == "lower" else v1 < v0
            if worse:
                change = "" if v0 == 0 else f" ({(v1 - v0) / v0 * 100:+.1f} %)"
                yield Finding(
                    "year-over-year", Severity.WARNING, f"indicators[{i}].values[{y1}]",
                    f"{row.name} worsened from {v0} ({y0}) to {v1} ({y1}) {row.unit}{change}; "
                    f"{'lower' if d.better == 'lower' else 'higher'} is better — explain it in "
                    "the note",
                    f"{row.name}由{y0}年的{v0}变为{y1}年的{v1}{row.unit}{change}，"
                    f"指标{'越低越好' if d.better == 'lower' else '越高越好'}；请在备注中说明原因")


def _identity(report: FactoryDynamicReport) -> Iterator[Finding]:
    if report.factory.credit_code.organisation_code_ok is False:
        yield Finding("credit-code", Severity.WARNING, "factory.credit_code",
                      f"{report.factory.credit_code}: characters 9-17 fail the GB 11714 "
                      "organisation-code check; confirm the code on the business licence",
                      f"{report.factory.credit_code}的第9至17位未通过GB 11714组织机构代码校验；"
                      "请核对营业执照上的代码")
    yield from listing_findings("factory.listed_year", report.factory.name,
                                report.factory.listed_year, report.reporting_year)
