"""Attachment 3: the green design product self-evaluation report (绿色设计产品自评价报告).

No copy of the national blank was found. The report follows the skeleton of the verified
Attachment 2-1 (cover, 填写说明, 基本信息表, pledge, numbered sections) and, for its body,
the chapters every design-product standard shares (评价要求 → 产品生命周期评价报告 →
评价方法); see ``shared/domain`` research E and round 2 §1.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from ...blocks.contact_person import ContactPerson
from ...blocks.enterprise import Enterprise
from ...blocks.negative_list import NegativeList
from ...blocks.requirement_check import BasicRequirementCheck, Conformity
from ...blocks.unit_nature import UnitNature
from ...model import field_specs as f
from ...model.introspection import meta
from ...types.contact import Phone
from ...types.quantity import Unit
from .standard import LifecycleStage


@attrs.frozen(kw_only=True, field_transformer=f.in_order_of(Enterprise))
class ProductEnterprise(Enterprise):
    """The applicant enterprise, as the basic-information table names it."""

    name: str = f.text("申报单位", max_length=100)
    nature: UnitNature = f.typed(UnitNature, "单位性质")
    legal_representative: str = f.text("法定代表人", max_length=30)
    legal_representative_phone: Phone = f.typed(Phone, "法定代表人电话")


@attrs.frozen(kw_only=True)
class Product:
    """The product evaluated: several models may be declared together."""

    name: str = f.text("产品名称", max_length=100)
    models: tuple[str, ...] = f.items("规格型号", min_items=1, max_items=50)
    standard: str = f.text("评价依据标准", max_length=200,
                           help="a shipped standard's number or id (GB/T 32163.1-2015), or the "
                           "path of your standard's YAML file")
    output: Decimal = f.amount("上年度产量", None, optional=False)
    sales: Decimal | None = f.amount("上年度销量", None)
    output_unit: Unit = f.typed(Unit, "产销量计量单位")
    functional_unit: str = f.text("功能单位", max_length=200)
    description: str = f.text("产品简介", max_length=1000, single_line=False)


@attrs.frozen(kw_only=True)
class IndicatorResult:
    """One indicator of the standard as evaluated: the product's figure (quantitative
    indicators, compared with the 基准值) or the assessor's judgment (the others), whether
    it is met, and the evidence."""

    id: str = f.text("指标编号", max_length=20)
    value: Decimal | None = f.amount("实际值", None, signed=True)
    unit: Unit | None = f.typed(Unit, "实际值单位", optional=True)
    met: bool | None = f.typed(
        bool, "是否符合", optional=True,
        help="the assessor's judgment for indicators without a figure; for the others it is "
        "computed (printed on render, checked on read-back)")
    evidence: str | None = f.optional_text("证明材料索引", max_length=500)


@attrs.frozen(kw_only=True)
class InventoryItem:
    """A row of the life-cycle inventory: a flow of one stage, per functional unit."""

    stage: LifecycleStage = f.typed(LifecycleStage, "生命周期阶段")
    flow: str = f.text("清单物质", max_length=100)
    direction: str = f.text("输入/输出", max_length=10)
    amount: Decimal = f.amount("数量", None, optional=False)
    unit: Unit = f.typed(Unit, "单位")


@attrs.frozen(kw_only=True)
class ImpactResult:
    """An impact category's result per functional unit (e.g. climate change, kg CO2 eq)."""

    category: str = f.text("影响类型", max_length=60)
    value: Decimal = f.amount("结果", None, optional=False)
    unit: Unit = f.typed(Unit, "单位")


@attrs.frozen(kw_only=True)
class LifeCycleAssessment:
    """七、产品生命周期评价报告: goal and scope, inventory, impacts, interpretation,
    improvements (GB/T 24040/24044 frame). Left empty when the product has no life-cycle
    assessment, which the verdict then fails."""

    functional_unit: str | None = f.optional_text("功能单位", max_length=200,
                                                  single_line=True)
    system_boundary: tuple[LifecycleStage, ...] = f.items("系统边界", max_items=6)
    cutoff_rule: str | None = f.optional_text("数据取舍原则", max_length=500)
    data_sources: str | None = f.optional_text(
        "数据来源", max_length=500, help="primary data, background databases and versions")
    inventory: tuple[InventoryItem, ...] = f.items("生命周期清单", max_items=500)
    impacts: tuple[ImpactResult, ...] = f.items("影响评价结果", max_items=50)
    interpretation: f.NarrativeBlocks = f.narrative("结果解释")
    improvements: f.NarrativeBlocks = f.narrative("绿色设计改进方案")

    @property
    def present(self) -> bool:
        """Whether there is an assessment: a functional unit, a boundary, an inventory and
        impact results."""
        return bool(self.functional_unit and self.system_boundary and self.inventory
                    and self.impacts)


@attrs.frozen(kw_only=True)
class ProductSelfReport:
    """Attachment 3: an enterprise's self-evaluation of one green design product."""

    enterprise: ProductEnterprise = f.typed(ProductEnterprise, "申报单位基本信息")
    contact: ContactPerson = f.typed(ContactPerson, "申报工作联系人")
    profile: str = f.text("单位简介", max_length=3000, single_line=False)
    product: Product = f.typed(Product, "产品基本信息")
    negative_list: NegativeList = f.typed(NegativeList, "负面清单情况")
    overview: f.NarrativeBlocks = f.narrative("一、企业基本情况", min_items=1)
    product_overview: f.NarrativeBlocks = f.narrative("二、产品基本情况", min_items=1)
    basic_requirements: tuple[BasicRequirementCheck, ...] = f.items("基本要求符合性")
    indicators: tuple[IndicatorResult, ...] = f.items("评价指标符合性", max_items=200)
    lca: LifeCycleAssessment = attrs.field(
        factory=LifeCycleAssessment, validator=attrs.validators.instance_of(LifeCycleAssessment),
        metadata=meta("七、产品生命周期评价报告"))
    conclusion: f.NarrativeBlocks = f.narrative("八、评价结论", min_items=1)
    signatory: str = f.text("法人或单位负责人", max_length=30)
    report_date: dt.date = f.date("报告日期")
    #: the verdict as printed in the document (read back by the parser; computed on render)
    stated_verdict: Conformity | None = f.typed(Conformity, "自评价结论", optional=True)
