"""Attachment 4: the green industrial park self-evaluation report (4-1) and third-party
evaluation report (4-2) — the park, its eligibility, its base figures and indicators for
each of the last three years, the basic requirements, the narrative, and (third-party) the
agency and its result block. See ``shared/domain`` (README "Green industrial park",
research A4 and C, round 2 §2)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ...blocks.agency import EvaluationAgency
from ...blocks.contact_person import ContactPerson
from ...blocks.negative_list import NegativeList
from ...blocks.park import Park
from ...blocks.requirement_check import BasicRequirementCheck, Conformity
from ...errors import FieldValueError
from ...model import field_specs as f
from ...model.introspection import meta
from ...types.year_series import YearSeries
from .._shared.dynamic_table import ThreeYears, covers_table_years
from .indicator_system import designation


def _any_series(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Values by year of any sign (rates of change, elasticities)."""
    if not isinstance(value, YearSeries):
        raise FieldValueError(f"expected values by year, got {value!r}", attribute.name,
                              zh=f"应为按年份填写的数值，实为{value!r}")


@attrs.frozen(kw_only=True)
class ParkFigures:
    """The park's base figures for the three years: eligibility (the industrial share of
    added value) and the indicators that follow from them are computed from these."""

    gdp: YearSeries = f.series_in("园区地区生产总值（万元）", "万元")
    industrial_added_value: YearSeries = f.series_in("园区工业增加值（万元）", "万元")
    energy: YearSeries = f.series_in("园区综合能源消费量（tce）", "tce")
    fresh_water: YearSeries = f.series_in("工业用新鲜水量（m³）", "m³")
    built_area: YearSeries = f.series_in("工业用地面积（km²）", "km²")
    employees: YearSeries = f.series_in("工业从业人员（人）", "人")
    solid_waste_generated: YearSeries = f.series_in("工业固体废物产生量（t）", "t")
    solid_waste_used: YearSeries = f.series_in("工业固体废物综合利用量（t）", "t")
    wastewater: YearSeries = f.series_in("工业废水排放量（t）", "t")


@attrs.frozen(kw_only=True)
class Eligibility:
    """What the notice requires of a park besides its figures (yes/no as declared)."""

    manufacturing_main: bool = f.typed(bool, "以产品制造和能源供给为主要功能")
    statutory_boundary: bool = f.typed(bool, "具有法定边界范围")
    unified_management: bool = f.typed(bool, "具备统一的管理机构")


@attrs.frozen(kw_only=True)
class IndicatorValues:
    """One indicator of the system, for each of the three years. Qualitative indicators
    are 1 (具备/是/完善) or 0; an indicator the system derives from the base figures may be
    left empty and is computed."""

    id: str = f.text("指标编号", max_length=20)
    values: YearSeries = f.series("指标值", _any_series)
    evidence: str | None = f.optional_text("评价情况说明", max_length=500)


@attrs.frozen(kw_only=True)
class CreationSections:
    """二、绿色园区创建情况, one list of paragraphs per area."""

    energy: f.NarrativeBlocks = f.narrative("（一）能源利用绿色化")
    resources: f.NarrativeBlocks = f.narrative("（二）资源利用绿色化")
    infrastructure: f.NarrativeBlocks = f.narrative("（三）基础设施绿色化")
    industry: f.NarrativeBlocks = f.narrative("（四）产业绿色化")
    ecology: f.NarrativeBlocks = f.narrative("（五）生态环境绿色化")
    management: f.NarrativeBlocks = f.narrative("（六）运行管理绿色化")


@attrs.frozen(kw_only=True)
class ParkSelfReport(ThreeYears):
    """Attachment 4-1: the park's self-evaluation report."""

    park: Park = f.typed(Park, "园区基本信息")
    contact: ContactPerson = f.typed(ContactPerson, "申报单位联系人")
    reporting_year: int = f.year("评价年度（近三年的最后一年）")
    profile: str = f.text("园区简介", max_length=500, single_line=False)
    experience: str = f.text("绿色园区创建经验及成效", max_length=1000, single_line=False)
    eligibility: Eligibility = f.typed(Eligibility, "申报条件")
    figures: ParkFigures = attrs.field(
        validator=[attrs.validators.instance_of(ParkFigures), covers_table_years],
        metadata=meta("园区基础数据（近三年）"))
    indicator_system: str = f.text("评价指标体系", max_length=200, canonical=designation,
                                   help="a shipped system id (park-586-2016, park-miit-2025) "
                                   "or the path of your own system's YAML file")
    basic_requirements: tuple[BasicRequirementCheck, ...] = f.items("基本要求")
    indicators: tuple[IndicatorValues, ...] = f.items("评价指标（近三年）", min_items=1,
                                                      max_items=200, also=covers_table_years)
    negative_list: NegativeList = f.typed(NegativeList, "负面清单情况")
    overview: f.NarrativeBlocks = f.narrative("一、园区基本情况", min_items=1)
    creation: CreationSections = f.typed(CreationSections, "二、绿色园区创建情况")
    next_steps: f.NarrativeBlocks = f.narrative("四、下一步工作计划")
    signatory: str = f.text("园区负责人", max_length=30)
    report_date: dt.date = f.date("报告日期")
    #: the index of each year as printed (read back; computed on render)
    stated_scores: YearSeries = attrs.field(
        factory=lambda: YearSeries(()), validator=_any_series, metadata=meta("近三年评价得分"))


@attrs.frozen(kw_only=True)
class ParkThirdPartyReport(ThreeYears):
    """Attachment 4-2: the third-party agency's evaluation report on a park."""

    park: Park = f.typed(Park, "受评价园区基本信息")
    contact: ContactPerson = f.typed(ContactPerson, "园区联系人")
    agency: EvaluationAgency = f.typed(EvaluationAgency, "第三方评价机构信息")
    reporting_year: int = f.year("评价年度（近三年的最后一年）")
    eligibility: Eligibility = f.typed(Eligibility, "申报条件")
    figures: ParkFigures = attrs.field(
        validator=[attrs.validators.instance_of(ParkFigures), covers_table_years],
        metadata=meta("园区基础数据（近三年）"))
    indicator_system: str = f.text("评价指标体系", max_length=200, canonical=designation)
    basic_requirements: tuple[BasicRequirementCheck, ...] = f.items("基本要求评价")
    indicators: tuple[IndicatorValues, ...] = f.items("评价指标（近三年）", min_items=1,
                                                      max_items=200, also=covers_table_years)
    negative_list: NegativeList = f.typed(NegativeList, "负面清单核查")
    highlights: str = f.text("受评价方主要亮点", max_length=100, single_line=False)
    introduction: f.NarrativeBlocks = f.narrative("一、评价园区情况介绍", min_items=1)
    process: f.NarrativeBlocks = f.narrative("二、评价过程描述", min_items=1)
    practices: f.NarrativeBlocks = f.narrative("三、主要做法", min_items=1)
    strengths: f.NarrativeBlocks = f.narrative("四、工作亮点", min_items=1)
    problems: f.NarrativeBlocks = f.narrative("五、存在的问题")
    suggestions: f.NarrativeBlocks = f.narrative("六、有关建议")
    references: f.NarrativeBlocks = f.narrative("七、参考文件清单")
    qualification: f.NarrativeBlocks = f.narrative("八、第三方机构资质符合性证明材料")
    evaluation_date: dt.date = f.date("现场评价日期")
    report_date: dt.date = f.date("报告日期")
    stated_basic_met: Conformity | None = f.typed(Conformity, "基本要求", optional=True)
    stated_scores: YearSeries = attrs.field(
        factory=lambda: YearSeries(()), validator=_any_series, metadata=meta("近三年评价得分"))
