"""Page layouts of Attachment 2: the self-evaluation report (2-1) and the third-party
evaluation report (2-2). Their .docx templates and the .odt come from these."""

from __future__ import annotations

from ...blocks.contact_person import contact_rows
from ...blocks.negative_list import negative_list_section
from ...blocks.requirement_check import basic_requirements_table
from ...layout import elements as page
from .._shared.report import (
    cover,
    evaluation_process,
    instructions,
    narrative_sections,
    pledge,
    section,
    third_party_front,
)
from .model import (
    CreationSections,
    EnergyEfficiency,
    Factory,
    FactorySelfReport,
    FactoryThirdPartyReport,
    Registration,
)

#: The GB/T 4754 edition the instructions cite (copies of the blank cite 2011 or 2017).
INDUSTRY_EDITION = "GB/T 4754-2017"

INSTRUCTIONS = (
    "一、申报单位应如实填写报告内容，并对所提供材料的真实性负责。",
    f"二、所属行业按《国民经济行业分类》（{INDUSTRY_EDITION}）填写行业代码及名称。",
    "三、单位性质按营业执照填写。",
    "四、报告内容可另附页，附页应编号并与正文对应。",
    "五、报告采用A4纸双面打印，装订成册；纸质版一式三份，并提交电子版。",
)
PLEDGE = ("本单位郑重承诺：本报告所填写的内容和提供的材料真实、有效，接受有关部门的抽查核实，"
          "如有不实，愿承担相应责任。")
AGENCY_PLEDGE = ("本机构郑重承诺：评价工作程序完整，证据充分，未参与受评价方自评价报告的编制；如有"
                 "弄虚作假，愿承担相应责任。")


def _factory_rows(registration: bool) -> tuple[page.Row, ...]:
    fl = page.labels(Factory)
    rows = [
        page.Row((fl["name"], "{{ factory.name }}", None, None)),
        page.Row((fl["industries"],
                  page.ListCell("industry", "factory.industries", "{{ industry }}"),
                  fl["credit_code"], "{{ factory.credit_code }}")),
        page.Row((fl["region"], "{{ factory.region }}", fl["city"], "{{ factory.city }}")),
    ]
    if registration:
        rl = page.labels(Registration)
        rows += [
            page.Row((fl["address"], "{{ factory.address }}", rl["postcode"],
                 "{{ registration.postcode }}")),
            page.Row((fl["nature"], "{{ nature_ticks }}", None, None)),
            page.Row((rl["authority"], "{{ registration.authority }}", rl["capital"],
                 "{{ registration.capital }}")),
            page.Row((rl["founded"], "{{ registration.founded }}", rl["valid_until"],
                 "{{ registration.valid_until }}")),
        ]
    else:
        rows += [page.Row((fl["address"], "{{ factory.address }}", None, None)),
                 page.Row((fl["nature"], "{{ nature_ticks }}", None, None))]
    rows += [
        page.Row((fl["legal_representative"], "{{ factory.legal_representative }}",
             fl["legal_representative_phone"], "{{ factory.legal_representative_phone }}")),
        page.Row((fl["main_products"], "{{ factory.main_products }}", None, None)),
    ]
    return (*rows, *contact_rows())


def _energy_table() -> page.Table:
    el = page.labels(EnergyEfficiency)
    return page.Table((9.0, 20.0, 20.0, 14.0, 15.0, 18.0, 16.0, 18.0, 26.0), (
        page.Row(("序号", el["product"], el["indicator"], el["unit"], el["value"], el["kind"],
             el["entry"], el["reference"], el["reference_source"])),
        page.LoopRow("e", "energy", (
            "{{ loop.index }}", "{{ e.product }}", "{{ e.indicator }}", "{{ e.unit }}",
            "{{ e.value }}", "{{ e.kind }}", "{{ e.entry }}", "{{ e.reference }}",
            "{{ e.reference_source }}")),
    ), header_rows=1)


def _scoring(score_label: str, numbers: tuple[str, str, str] = ("（一）", "（二）", "（三）"),
             level: str = "heading2") -> tuple[page.Block, ...]:
    return (
        page.Paragraph("评价指标体系：{{ system_name }}（{{ indicator_system }}）"),
        page.Paragraph(f"{numbers[0]}基本要求", level),
        basic_requirements_table(),
        page.Paragraph(f"{numbers[1]}评价指标", level),
        page.Table((13.0, 14.0, 14.0, 37.0, 10.0, 10.0, 14.0, 12.0, 12.0, 20.0), (
            page.Row(("编号", "一级指标", "二级指标", "评价要求", "要求类型", "分值", "指标值",
                 score_label, "计分", "证明材料索引")),
            page.LoopRow("a", "assessments", (
                "{{ a.id }}", "{{ rows[a.id].group }}", "{{ rows[a.id].indicator }}",
                "{{ rows[a.id].text }}", "{{ rows[a.id].kind }}", "{{ rows[a.id].points }}",
                "{{ a.value }}", "{{ a.score }}", "{{ rows[a.id].score }}",
                "{{ a.evidence }}")),
        ), header_rows=1, widest=(page.INDICATOR_ID, "基础设施", "基础设施", "", "", "", "",
                                  page.SCORE, page.SCORE, "")),
        page.Paragraph(f"{numbers[2]}得分汇总", level),
        page.Table((56.0, 25.0, 25.0, 25.0, 25.0), (
            page.Row(("一级指标", "权重（%）", "满分", "得分", "折算得分")),
            page.LoopRow("g", "scorecard.groups", (
                "{{ g.group.name }}", "{{ g.group.weight }}", "{{ g.points }}",
                "{{ g.earned }}", "{{ g.weighted }}")),
            page.Row(("总分", "{{ scorecard.system.total }}", None, None, "{{ stated_total }}")),
        ), header_rows=1),
        page.Paragraph("评价结果：{{ scorecard.verdict_zh }}"),
        page.Paragraph("评价依据：{{ system_note }}", "note", draft_only=True),
    )


def self_report_layout() -> page.Layout:
    """Attachment 2-1, the self-evaluation report."""
    return page.Layout("绿色工厂自评价报告", (
        *cover("2", "申报单位：{{ factory.name }}",
               "所在省市：{{ factory.region }}　{{ factory.city }}"),
        *instructions(INSTRUCTIONS),
        page.four_columns((*_factory_rows(registration=True),
                             page.Row(("单位简介", "{{ profile }}", None, None)))),
        *pledge(PLEDGE, "法人或单位负责人签字"),
        page.PageBreak(),
        *section(FactorySelfReport, "overview"),
        page.Paragraph("二、绿色工厂创建情况", "heading"),
        *narrative_sections(CreationSections, "creation", "heading3"),
        *section(FactorySelfReport, "next_steps"),
        *negative_list_section("四"),
        page.Paragraph("五、能效对标情况", "heading"),
        _energy_table(),
        page.Paragraph("能效对标依据表：{{ benchmark_table }}", "note"),
        page.Paragraph("六、自评价得分", "heading"),
        *_scoring("自评得分"),
    ), header="绿色工厂自评价报告")


def third_party_layout() -> page.Layout:
    """Attachment 2-2, the third-party evaluation report."""
    return page.Layout("绿色工厂第三方评价报告", (
        *cover("2", "工厂名称：{{ factory.name }}", "第三方评价机构：{{ agency.name }}"),
        *third_party_front(
            "受评价工厂", _factory_rows(registration=False),
            page.Row(("基本要求", "{{ basic_ticks }}", "指标得分", "{{ stated_total }}")),
            AGENCY_PLEDGE),
        *evaluation_process(FactoryThirdPartyReport),
        page.Paragraph("三、评价内容", "heading"),
        *negative_list_section("（一）"),
        page.Paragraph("（二）绿色工厂创建情况核实", "heading2"),
        *narrative_sections(CreationSections, "content", "heading3"),
        page.Paragraph("（三）能效对标情况", "heading2"),
        _energy_table(),
        page.Paragraph("能效对标依据表：{{ benchmark_table }}", "note"),
        page.Paragraph("（四）指标评价", "heading2"),
        *_scoring("评定得分", ("1. ", "2. ", "3. "), "heading3"),
        *section(FactoryThirdPartyReport, "conclusion"),
        *section(FactoryThirdPartyReport, "suggestions"),
        *section(FactoryThirdPartyReport, "references"),
        *section(FactoryThirdPartyReport, "qualification"),
        page.Paragraph("报告日期：{{ report_date }}"),
    ), header="绿色工厂第三方评价报告")
