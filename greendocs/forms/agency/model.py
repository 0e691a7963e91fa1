"""Attachment 10: the evaluation agency's annual work report (评价机构年度工作报告).

The notice names the report and the conditions it must evidence, not its fields; the model
follows those conditions (see ``shared/domain``, research G and round 2 §4): the agency and
the legal persons related to it (the 15-project cap counts them together), its evaluation
staff, the projects it evaluated in the batch, its quality control, its relevant work of
the past five years, problems and improvements, the pledge and signature.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from ...blocks.contact_person import ContactPerson
from ...model import field_specs as f
from ...rollup.entry import Category
from ...types.contact import Phone
from ...types.credit_code import CreditCode
from ...types.labelled_enum import LabelledEnum
from ...types.region import Region


class AgencyNature(LabelledEnum):
    """机构性质."""

    ENTERPRISE = ("enterprise", "企业")
    PUBLIC_INSTITUTION = ("public_institution", "事业单位")
    SOCIAL_ORGANISATION = ("social_organisation", "社会团体")
    INDUSTRY_ASSOCIATION = ("industry_association", "行业协会")


class EvaluationField(LabelledEnum):
    """What an agency evaluates (the notice requires all three); values as
    :class:`~greendocs.rollup.entry.Category`."""

    FACTORY = ("factory", "绿色工厂")
    PARK = ("park", "绿色工业园区")
    SUPPLY_CHAIN = ("supply_chain", "绿色供应链管理企业")

    @property
    def category(self) -> Category:
        """The Attachment 1 table of units of this field."""
        return Category(self.value)


class Relation(LabelledEnum):
    """How a legal person is related to the agency."""

    PARENT = ("parent", "母公司")
    SUBSIDIARY = ("subsidiary", "子公司")
    SAME_REPRESENTATIVE = ("same_representative", "同一法定代表人")
    AFFILIATE = ("affiliate", "其他关联单位")


class TitleLevel(LabelledEnum):
    """职称级别."""

    JUNIOR = ("junior", "初级")
    INTERMEDIATE = ("intermediate", "中级")
    SENIOR = ("senior", "副高级")
    FULL_SENIOR = ("full_senior", "正高级")


class Specialty(LabelledEnum):
    """专业领域 (the notice names the first five for senior staff)."""

    ENERGY = ("energy", "能源")
    ENVIRONMENT = ("environment", "环境")
    ECOLOGY = ("ecology", "生态")
    LOW_CARBON = ("low_carbon", "低碳")
    LCA = ("lca", "生命周期评价")
    OTHER = ("other", "其他")


@attrs.frozen(kw_only=True)
class RelatedEntity:
    """A legal person related to the agency (parent, subsidiary, affiliate)."""

    name: str = f.text("关联单位名称", max_length=100)
    credit_code: CreditCode = f.typed(CreditCode, "统一社会信用代码")
    relation: Relation = f.typed(Relation, "关联关系")


@attrs.frozen(kw_only=True)
class Agency:
    """The agency as the report's first table names it."""

    name: str = f.text("机构名称", max_length=100)
    credit_code: CreditCode = f.typed(CreditCode, "统一社会信用代码")
    nature: AgencyNature = f.typed(AgencyNature, "机构性质")
    legal_representative: str = f.text("法定代表人", max_length=30)
    legal_representative_phone: Phone = f.typed(Phone, "法定代表人电话")
    registered_address: str = f.text("注册地址", max_length=200)
    office_address: str = f.text("办公地址", max_length=200)
    fields: tuple[EvaluationField, ...] = f.items("评价业务领域", min_items=1, max_items=3)
    related: tuple[RelatedEntity, ...] = f.items("关联单位", max_items=50)


@attrs.frozen(kw_only=True)
class StaffMember:
    """A member of the agency's evaluation staff."""

    name: str = f.text("姓名", max_length=30)
    title: str = f.text("职称", max_length=30, help="e.g. 高级工程师")
    level: TitleLevel = f.typed(TitleLevel, "职称级别")
    specialty: Specialty = f.typed(Specialty, "专业领域")
    full_time: bool = f.typed(bool, "是否专职")
    years: Decimal = f.amount("从事绿色评价年限", "年", optional=False)
    certificate: str | None = f.optional_text("证书编号", max_length=40, single_line=True)


@attrs.frozen(kw_only=True)
class Project:
    """A project the agency (or a related legal person) evaluated in the batch."""

    category: EvaluationField = f.typed(EvaluationField, "类别")
    unit: str = f.text("受评价单位", max_length=100)
    credit_code: CreditCode | None = f.typed(CreditCode, "统一社会信用代码", optional=True)
    region: Region = f.typed(Region, "地区")
    evaluated_on: dt.date = f.date("评价日期")
    score: Decimal | None = f.amount("评价得分", None)
    passed: bool = f.typed(bool, "评价结论是否符合")
    helped_self_evaluation: bool = f.typed(bool, "是否参与自评价报告编制")
    evaluated_by: str | None = f.optional_text(
        "评价单位（关联单位承担时填写）", max_length=100, single_line=True,
        help="the related legal person that carried the project, when not the agency itself")


@attrs.frozen(kw_only=True)
class AgencyAnnualReport:
    """Attachment 10: one agency's annual work report."""

    agency: Agency = f.typed(Agency, "机构基本信息")
    contact: ContactPerson = f.typed(ContactPerson, "联系人信息")
    year: int = f.year("报告年度")
    staff: tuple[StaffMember, ...] = f.items("二、评价人员情况", min_items=1, max_items=500)
    projects: tuple[Project, ...] = f.items("三、年度评价项目情况", max_items=500)
    quality_control: f.NarrativeBlocks = f.narrative("四、质量控制情况", min_items=1)
    past_work: f.NarrativeBlocks = f.narrative("五、近五年相关工作情况", min_items=1)
    improvements: f.NarrativeBlocks = f.narrative("六、存在的问题及改进措施")
    signatory: str = f.text("法定代表人", max_length=30)
    report_date: dt.date = f.date("报告日期")
