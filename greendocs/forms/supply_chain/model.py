"""Attachment 5: the green supply-chain management enterprise self-evaluation report and
third-party evaluation report (绿色供应链管理企业自评价报告 / 第三方评价报告)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from ...blocks.agency import EvaluationAgency
from ...blocks.contact_person import ContactPerson
from ...blocks.enterprise import Enterprise
from ...blocks.unit_nature import UnitNature
from ...model import field_specs as f
from ...types.contact import Phone
from .indicator_system import designation


@attrs.frozen(kw_only=True)
class SupplyChainEnterprise(Enterprise):
    """The applicant, with the evidence that it leads its supply chain."""

    nature: UnitNature = f.typed(UnitNature, "单位性质")
    legal_representative: str = f.text("法定代表人", max_length=30)
    legal_representative_phone: Phone = f.typed(Phone, "法定代表人电话")
    main_products: str = f.text("主要产品", max_length=300)
    revenue: Decimal | None = f.amount("上年度营业收入（万元）", "万元")
    chain_position: str | None = f.optional_text("产业链地位（链主情况）", max_length=500)
    supplier_count: Decimal | None = f.amount("一级供应商数量（家）", "家")


@attrs.frozen(kw_only=True)
class IndicatorAssessment:
    """One indicator as assessed: the score (qualitative) or the figure (quantitative)."""

    id: str = f.text("指标编号", max_length=10)
    score: Decimal | None = f.amount("得分", None)
    value: Decimal | None = f.amount("指标值", None)
    evidence: str | None = f.optional_text("证明材料索引", max_length=500)


@attrs.frozen(kw_only=True)
class PracticeSections:
    """What the enterprise does, one list of paragraphs per indicator group."""

    strategy: f.NarrativeBlocks = f.narrative("一、绿色供应链管理战略")
    supplier_management: f.NarrativeBlocks = f.narrative("二、实施绿色供应商管理")
    green_production: f.NarrativeBlocks = f.narrative("三、绿色生产")
    recycling: f.NarrativeBlocks = f.narrative("四、绿色回收")
    information_platform: f.NarrativeBlocks = f.narrative("五、绿色信息平台建设")
    disclosure: f.NarrativeBlocks = f.narrative("六、绿色信息披露")


@attrs.frozen(kw_only=True)
class SupplyChainSelfReport:
    """Attachment 5-1: the enterprise's self-evaluation report."""

    enterprise: SupplyChainEnterprise = f.typed(SupplyChainEnterprise, "企业基本信息")
    contact: ContactPerson = f.typed(ContactPerson, "联系人信息")
    profile: str = f.text("单位简介", max_length=3000, single_line=False)
    indicator_system: str = f.text("评价指标体系", max_length=60, canonical=designation,
                                   help="id of the indicator system: 'general' or a loaded one")
    practices: PracticeSections = f.typed(PracticeSections, "绿色供应链管理实施情况")
    assessments: tuple[IndicatorAssessment, ...] = f.items("自评价指标", min_items=1)
    next_steps: f.NarrativeBlocks = f.narrative("八、下一步工作计划")
    signatory: str = f.text("法人或单位负责人", max_length=30)
    report_date: dt.date = f.date("报告日期")


@attrs.frozen(kw_only=True)
class SupplyChainThirdPartyReport:
    """Attachment 5-2: the third-party agency's evaluation report."""

    enterprise: SupplyChainEnterprise = f.typed(SupplyChainEnterprise, "受评价企业基本信息")
    contact: ContactPerson = f.typed(ContactPerson, "企业联系人信息")
    agency: EvaluationAgency = f.typed(EvaluationAgency, "第三方评价机构信息")
    indicator_system: str = f.text("评价指标体系", max_length=60, canonical=designation)
    basic_requirements_met: bool = f.typed(bool, "基本要求是否符合")
    highlights: str = f.text("受评价方主要亮点", max_length=100, single_line=False)
    overview: f.NarrativeBlocks = f.narrative("一、概述", min_items=1)
    process: f.NarrativeBlocks = f.narrative("二、评价过程和方法", min_items=1)
    practices: PracticeSections = f.typed(PracticeSections, "三、评价内容")
    assessments: tuple[IndicatorAssessment, ...] = f.items("评价指标", min_items=1)
    conclusion: f.NarrativeBlocks = f.narrative("四、评价结论", min_items=1)
    evaluation_date: dt.date = f.date("现场评价日期")
    report_date: dt.date = f.date("报告日期")
