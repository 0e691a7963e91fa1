"""Page layouts of Attachment 4: the park self-evaluation (4-1) and third-party (4-2)
reports; their .docx templates and .odt come from these."""

from __future__ import annotations

from ...blocks.contact_person import contact_rows
from ...blocks.negative_list import negative_list_section
from ...blocks.park import park_rows
from ...blocks.requirement_check import basic_requirements_table
from ...layout import elements as page
from ...model.introspection import fields_of
from .._shared.dynamic_table import YEAR_COLUMNS
from .._shared.report import (
    cover,
    instructions,
    narrative_sections,
    pledge,
    section,
    third_party_front,
)
from .model import (
    CreationSections,
    Eligibility,
    ParkFigures,
    ParkSelfReport,
    ParkThirdPartyReport,
)

PLEDGE = ("本园区郑重承诺：近三年园区内未发生安全（含网络安全、数据安全）、质量、环境污染等事故"
          "以及偷漏税等违法违规行为，在国务院督查等检查中未发现存在严重问题，完成国家和地方下达的"
          "节能减排目标；所提供的数据和材料真实、有效，如有不实，愿承担相应责任。")
AGENCY_PLEDGE = ("本机构郑重承诺：评价工作独立、客观、公正，未参与受评价园区自评价报告的编制；"
                 "评价报告内容真实、准确，如有不实，愿承担相应责任。")
INSTRUCTIONS = (
    "一、申报园区应为省级及以上工业园区，以产品制造和能源供给为主要功能，工业增加值占园区"
    "增加值比例超过50%，具有法定边界范围和统一的管理机构。",
    "二、申报单位应如实填写报告内容，并对所提供材料的真实性负责。",
    "三、评价指标按近三年逐年填写；可由基础数据计算的指标，按基础数据计算填写。",
    "四、报告采用A4纸双面打印，装订成册；纸质版一式三份，并提交电子版。",
)


def _year_cells(expr: str) -> tuple[str, ...]:
    return tuple(f"{{{{ {expr}[years[{k}]] }}}}" for k in range(3))


def _data_tables() -> tuple[page.Block, ...]:
    el = page.labels(Eligibility)
    figure_rows = tuple(page.Row((f.label, *_year_cells(f"figures.{f.name}")))
                        for f in fields_of(ParkFigures))
    return (
        page.Paragraph("申报条件", "heading2"),
        page.Table((100.0, 56.0), (
            page.Row(("园区级别", "{{ park.level }}")),
            *(page.Row((label, f"{{{{ eligibility.{name} }}}}")) for name, label in el.items()),
            page.Row(("工业增加值占园区增加值比例（%，按基础数据计算）",
                      "{{ share_line }}")),
        )),
        page.Paragraph("园区基础数据（近三年）", "heading2"),
        page.Table((80.0, 25.0, 25.0, 26.0), (
            page.Row(("项目", *YEAR_COLUMNS)), *figure_rows), header_rows=1),
    )


def _evaluation_tables(score_heading: str) -> tuple[page.Block, ...]:
    return (
        page.Paragraph("评价指标体系：{{ system_name }}（{{ indicator_system }}）"),
        page.Paragraph("（一）基本要求", "heading2"),
        basic_requirements_table(),
        page.Paragraph("（二）评价指标（近三年）", "heading2"),
        page.Table((11.0, 18.0, 36.0, 15.0, 12.0, 10.0, 18.0, 18.0, 18.0), (
            page.Row(("编号", "一级指标", "二级指标", "单位", "引领值", "类型",
                      *YEAR_COLUMNS)),
            page.LoopRow("r", "indicators", (
                "{{ r.id }}", "{{ rows[r.id].group }}", "{{ rows[r.id].name }}",
                "{{ rows[r.id].unit }}", "{{ rows[r.id].leading }}", "{{ rows[r.id].kind }}",
                *_year_cells("r.values"))),
        ), header_rows=1, widest=(page.INDICATOR_ID, "能源利用", "", "", "", "", "", "", "")),
        page.Paragraph("说明：定性指标填1（具备、是、完善）或0；可由园区基础数据计算的指标"
                       "按计算值填写。", "note"),
        page.Table((9.0, 50.0, 97.0), (
            page.Row(("编号", "二级指标", "评价情况说明")),
            page.LoopRow("r", "indicators", ("{{ r.id }}", "{{ rows[r.id].name }}",
                                             "{{ r.evidence }}")),
        ), header_rows=1, widest=(page.INDICATOR_ID, "", "")),
        page.Paragraph(score_heading, "heading2"),
        page.Table((65.0, 30.0, 30.0, 31.0), (
            page.Row(("一级指标", *YEAR_COLUMNS)),
            page.LoopRow("g", "group_rows", ("{{ g.name }}", "{{ g.scores[years[0]] }}",
                                             "{{ g.scores[years[1]] }}",
                                             "{{ g.scores[years[2]] }}")),
            page.Row(("绿色园区指数（评价得分）", *_year_cells("stated_scores"))),
        ), header_rows=1),
    )


def self_report_layout() -> page.Layout:
    """Attachment 4-1, the park's self-evaluation report."""
    return page.Layout("绿色工业园区自评价报告", (
        *cover("4", "园区名称：{{ park.name }}",
               "所在省市：{{ park.region }}　{{ park.city }}"),
        *instructions(INSTRUCTIONS),
        page.four_columns((
            *park_rows(), *contact_rows(),
            page.Row((page.labels(ParkSelfReport)["reporting_year"], "{{ reporting_year }}",
                      None, None)),
            page.Row(("园区简介", "{{ profile }}", None, None)),
            page.Row(("绿色园区创建经验及成效", "{{ experience }}", None, None)),
        )),
        *pledge(PLEDGE, "园区负责人签字", seal="（盖章）", heading="承诺"),
        page.PageBreak(),
        *section(ParkSelfReport, "overview"),
        *_data_tables(),
        page.Paragraph(page.labels(ParkSelfReport)["creation"], "heading"),
        *narrative_sections(CreationSections, "creation", "heading2"),
        page.Paragraph("三、自评价", "heading"),
        *_evaluation_tables("（三）近三年评价得分"),
        *section(ParkSelfReport, "next_steps"),
        *negative_list_section("五"),
    ), header="绿色工业园区自评价报告")


def third_party_layout() -> page.Layout:
    """Attachment 4-2, the third-party evaluation report on a park."""
    return page.Layout("绿色工业园区第三方评价报告", (
        *cover("4", "园区名称：{{ park.name }}", "第三方评价机构：{{ agency.name }}"),
        *third_party_front(
            "受评价园区", (*park_rows(), *contact_rows(),
                       page.Row((page.labels(ParkThirdPartyReport)["reporting_year"],
                                 "{{ reporting_year }}", None, None))),
            page.Row(("基本要求", "{{ basic_ticks }}", "近三年评价得分",
                      "\n".join(f"{y}：{{{{ stated_scores[years[{k}]] }}}}"
                                for k, y in enumerate(YEAR_COLUMNS)))),
            AGENCY_PLEDGE),
        *section(ParkThirdPartyReport, "introduction"),
        *_data_tables(),
        *section(ParkThirdPartyReport, "process"),
        page.Paragraph("现场评价日期：{{ evaluation_date }}"),
        *_evaluation_tables("（三）近三年评价得分"),
        *negative_list_section("（四）"),
        *section(ParkThirdPartyReport, "practices"),
        *section(ParkThirdPartyReport, "strengths"),
        *section(ParkThirdPartyReport, "problems"),
        *section(ParkThirdPartyReport, "suggestions"),
        *section(ParkThirdPartyReport, "references"),
        *section(ParkThirdPartyReport, "qualification"),
        page.Paragraph("报告日期：{{ report_date }}"),
    ), header="绿色工业园区第三方评价报告")
