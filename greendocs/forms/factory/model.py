"""Attachment 2: the green-factory self-evaluation report (绿色工厂自评价报告, 2-1) and the
third-party evaluation report (第三方评价报告, 2-2)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from ...blocks.agency import EvaluationAgency
from ...blocks.contact_person import ContactPerson
from ...blocks.enterprise import Enterprise
from ...blocks.negative_list import NegativeList
from ...blocks.requirement_check import BasicRequirementCheck, Conformity
from ...blocks.unit_nature import UnitNature
from ...model import field_specs as f
from ...types.contact import Phone, Postcode
from ...types.industry import Industry
from ...types.labelled_enum import LabelledEnum
from ...types.region import Region
from .indicator_system import designation


@attrs.frozen(kw_only=True, field_transformer=f.in_order_of(Enterprise))
class Factory(Enterprise):
    """The factory as the basic-information table names it."""

    name: str = f.text("工厂名称", max_length=100)
    region: Region = f.typed(Region, "所在省份")
    nature: UnitNature = f.typed(UnitNature, "单位性质")
    legal_representative: str = f.text("法定代表人", max_length=30)
    legal_representative_phone: Phone = f.typed(Phone, "法定代表人电话")
    main_products: str | None = f.optional_text("主要产品", max_length=300, single_line=True)


@attrs.frozen(kw_only=True, field_transformer=f.in_order_of(Factory))
class SelfEvaluatedFactory(Factory):
    """The factory on the self-evaluation form, which has one 所属行业."""

    industries: tuple[Industry, ...] = f.items(
        "所属行业", min_items=1, max_items=1,
        help="the self-evaluation form has one industry; the third-party report lists several")


@attrs.frozen(kw_only=True)
class Registration:
    """The business-licence block of the self-evaluation report's basic information."""

    postcode: Postcode = f.typed(Postcode, "邮编")
    authority: str = f.text("注册机关", max_length=100)
    capital: Decimal = f.amount("注册资本（万元）", "万元", optional=False)
    founded: dt.date = f.date("成立日期")
    valid_until: str = f.text("有效期", max_length=40, help="营业期限: a date or 长期")


@attrs.frozen(kw_only=True)
class RequirementAssessment:
    """One evaluation requirement as assessed: the points (qualitative requirements) or
    the figure (quantitative ones, scored by the system), and the evidence index."""

    id: str = f.text("编号", max_length=20)
    score: Decimal | None = f.amount("得分", None)
    value: Decimal | None = f.amount("指标值", None, signed=True)
    evidence: str | None = f.optional_text("证明材料索引", max_length=500)


class BenchmarkKind(LabelledEnum):
    """What the energy figure is compared with (the notice's two cases)."""

    BENCHMARK = ("benchmark", "能效标杆水平")
    LIMIT_ADVANCED = ("limit_advanced", "能耗限额标准先进值")


@attrs.frozen(kw_only=True)
class EnergyEfficiency:
    """A product's (or process's) energy efficiency and what it is compared with.

    The reference figure comes from the benchmark table the report names (by ``entry``)
    or, failing that, is entered here with its source.
    """

    product: str = f.text("产品或工序", max_length=100)
    indicator: str = f.text("能效指标", max_length=100)
    unit: str = f.text("计量单位", max_length=30)
    value: Decimal = f.amount("实际值", None, optional=False)
    kind: BenchmarkKind = f.typed(BenchmarkKind, "对标类型")
    entry: str | None = f.optional_text("对标条目", max_length=60, single_line=True,
                                        help="id of the entry in the benchmark table")
    reference: Decimal | None = f.amount("标杆值或先进值", None)
    reference_source: str | None = f.optional_text("对标依据", max_length=200,
                                                   single_line=True)


@attrs.frozen(kw_only=True)
class CreationSections:
    """二、绿色工厂创建情况: what the factory has done, one list of paragraphs per area."""

    infrastructure: f.NarrativeBlocks = f.narrative("1. 基础设施")
    management: f.NarrativeBlocks = f.narrative("2. 管理体系")
    energy_resources: f.NarrativeBlocks = f.narrative("3. 能源与资源投入")
    products: f.NarrativeBlocks = f.narrative("4. 产品")
    emissions: f.NarrativeBlocks = f.narrative("5. 环境排放")
    performance: f.NarrativeBlocks = f.narrative("6. 绩效")


@attrs.frozen(kw_only=True)
class FactorySelfReport:
    """Attachment 2-1: the factory's self-evaluation report."""

    factory: SelfEvaluatedFactory = f.typed(SelfEvaluatedFactory, "工厂基本信息")
    registration: Registration = f.typed(Registration, "登记信息")
    contact: ContactPerson = f.typed(ContactPerson, "申报工作联系人")
    profile: str = f.text("单位简介", max_length=3000, single_line=False)
    negative_list: NegativeList = f.typed(NegativeList, "负面清单情况")
    overview: f.NarrativeBlocks = f.narrative("一、工厂基本情况", min_items=1)
    creation: CreationSections = f.typed(CreationSections, "二、绿色工厂创建情况")
    next_steps: f.NarrativeBlocks = f.narrative("三、下一步工作")
    indicator_system: str = f.text("评价指标体系", max_length=200, canonical=designation,
                                   help="a shipped system id (gbt36132-2018, gbt36132-2025) "
                                   "or the path of your own system's YAML file")
    basic_requirements: tuple[BasicRequirementCheck, ...] = f.items("基本要求自评", min_items=1)
    assessments: tuple[RequirementAssessment, ...] = f.items("评价指标自评", min_items=1)
    energy: tuple[EnergyEfficiency, ...] = f.items("能效对标")
    benchmark_table: str | None = f.optional_text(
        "能效对标依据表", max_length=200, single_line=True,
        help="path of a benchmark table YAML file (NDRC 1609/723 and the like)")
    signatory: str = f.text("法人或单位负责人", max_length=30)
    report_date: dt.date = f.date("报告日期")
    #: the total as printed in the document (read back by the parser; computed on render)
    stated_total: Decimal | None = f.amount("自评总分", None)


@attrs.frozen(kw_only=True)
class FactoryThirdPartyReport:
    """Attachment 2-2: the third-party agency's evaluation report."""

    factory: Factory = f.typed(Factory, "受评价工厂基本信息")
    contact: ContactPerson = f.typed(ContactPerson, "申报工作联系人")
    agency: EvaluationAgency = f.typed(EvaluationAgency, "第三方评价机构信息")
    highlights: str = f.text("受评价方主要亮点", max_length=100, single_line=False)
    overview: f.NarrativeBlocks = f.narrative("一、概述", min_items=1)
    process: f.NarrativeBlocks = f.narrative("二、评价过程和方法", min_items=1)
    evaluation_date: dt.date = f.date("现场评价日期")
    negative_list: NegativeList = f.typed(NegativeList, "负面清单核查")
    content: CreationSections = f.typed(CreationSections, "三、评价内容")
    indicator_system: str = f.text("评价指标体系", max_length=200, canonical=designation)
    basic_requirements: tuple[BasicRequirementCheck, ...] = f.items("基本要求评价", min_items=1)
    assessments: tuple[RequirementAssessment, ...] = f.items("评价指标评价", min_items=1)
    energy: tuple[EnergyEfficiency, ...] = f.items("能效对标")
    benchmark_table: str | None = f.optional_text("能效对标依据表", max_length=200,
                                                  single_line=True)
    conclusion: f.NarrativeBlocks = f.narrative("四、评价结论", min_items=1)
    suggestions: f.NarrativeBlocks = f.narrative("五、建议")
    references: f.NarrativeBlocks = f.narrative("六、参考文件")
    qualification: f.NarrativeBlocks = f.narrative("七、第三方机构资质符合性证明材料")
    report_date: dt.date = f.date("报告日期")
    #: as printed in the document (read back by the parser; computed on render)
    stated_basic_met: Conformity | None = f.typed(Conformity, "基本要求", optional=True)
    stated_total: Decimal | None = f.amount("指标得分", None)
