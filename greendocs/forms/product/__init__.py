"""Green design products: Attachment 3, the self-evaluation report, judged against a design
product evaluation standard shipped as data (GB/T 32161-2015 and product standards) or
supplied by the user."""

from __future__ import annotations

from typing import Any

import attrs

from ...blocks.requirement_check import Conformity
from ...errors import ValidationError
from ...registry import FormSpec, on_first_use
from ...rollup.entry import Category, Role, SummaryEntry
from .._shared.report import Failure, RowsById
from .model import (
    ImpactResult,
    IndicatorResult,
    InventoryItem,
    LifeCycleAssessment,
    Product,
    ProductEnterprise,
    ProductSelfReport,
)
from .rules import check_report
from .standard import (
    LifecycleStage,
    ProductStandard,
    StandardIndicator,
    StandardRequirement,
    load_standard,
    missing_figures,
    resolve_standard,
    shipped_standards,
)
from .verdict import IndicatorVerdict, Verdict, fit_problems, judge


def verdict(report: ProductSelfReport) -> Verdict:
    """The verdict on a report against the standard it names."""
    return judge(report, resolve_standard(report.product.standard))


def as_rendered(report: ProductSelfReport) -> ProductSelfReport:
    """*report* with what its documents print filled in: whether each figure meets its
    基准值 and the conclusion. Unchanged when it cannot be judged (its rules say why)."""
    try:
        found = verdict(report)
    except ValidationError:
        return report
    met = {v.indicator.id: v.met for v in found.indicators if v.indicator.quantitative}
    indicators = tuple(attrs.evolve(r, met=met[r.id]) if r.id in met else r
                       for r in report.indicators)
    return attrs.evolve(report, indicators=indicators,
                        stated_verdict=Conformity.of(found.passed))


def report_context(report: ProductSelfReport) -> dict[str, Any]:
    """The standard's rows and texts, and the conclusion line, for the template."""
    try:
        standard = resolve_standard(report.product.standard)
    except ValidationError:
        standard = None
    rows: dict[str, dict[str, Any]] = {}
    texts: dict[str, str] = {}
    line = ""
    if standard is not None:
        rows = {i.id: {"group": i.group, "name": i.name, "unit": i.unit,
                       "threshold": i.threshold_text, "basis": i.basis, "stage": i.stage}
                for i in standard.indicators}
        texts = {r.id: r.text for r in standard.basic_requirements}
        try:
            line = judge(report, standard).verdict_zh
        except ValidationError:
            line = ""
    unknown = {"group": "", "name": "", "unit": None, "threshold": "", "basis": "",
               "stage": None}
    return {"rows": RowsById(rows, unknown), "basic_texts": RowsById(texts, ""),
            "standard_label": standard.label if standard else report.product.standard,
            "verdict_line": line}


def summary_entry(report: ProductSelfReport) -> SummaryEntry:
    """The design-product row a report gives; one product (name and models) of one
    enterprise is one unit, so an enterprise may list several products."""
    e, p = report.enterprise, report.product
    models = "、".join(p.models)
    try:
        standard = resolve_standard(p.standard).label
    except ValidationError:
        standard = p.standard
    return SummaryEntry(
        Category.PRODUCT, Role.SELF, key=f"{e.credit_code}|{p.name}|{models}",
        name=f"{e.name} {p.name}（{models}）", region=str(e.region),
        row={"name": e.name, "credit_code": str(e.credit_code), "region": str(e.region),
             "city": e.city, "product_name": p.name, "product_model": models,
             "standard": standard},
        third_party_expected=False)


SPEC = FormSpec(
    id="product-self", attachment="3", title_zh="绿色设计产品自评价报告",
    title_en="Green design product self-evaluation report", model=ProductSelfReport,
    layout=on_first_use(f"{__name__}.layout:self_report_layout"), rules=check_report,
    context=report_context,
    context_names=("rows", "basic_texts", "standard_label", "verdict_line"),
    summary_entry=summary_entry, as_rendered=as_rendered, data_folder="standards")

__all__ = [
    "SPEC", "Failure", "ImpactResult", "IndicatorResult", "IndicatorVerdict", "InventoryItem",
    "LifeCycleAssessment", "LifecycleStage", "Product", "ProductEnterprise", "ProductSelfReport",
    "ProductStandard", "StandardIndicator", "StandardRequirement", "Verdict", "as_rendered",
    "check_report", "fit_problems", "judge", "load_standard", "missing_figures",
    "report_context", "resolve_standard", "shipped_standards", "summary_entry", "verdict",
]
