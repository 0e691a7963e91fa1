"""Page layouts of Attachment 5, the self-evaluation and third-party reports; their .docx
templates and .odt come from these."""

from __future__ import annotations

from ...blocks.agency import agency_rows
from ...blocks.contact_person import contact_rows
from ...layout.elements import (
    FOUR_COLUMNS,
    Block,
    Layout,
    ListCell,
    LoopRow,
    PageBreak,
    Paragraph,
    Row,
    Table,
    labels,
)
from .._shared.report import cover, narrative_sections, section
from .model import (
    PracticeSections,
    SupplyChainEnterprise,
    SupplyChainSelfReport,
    SupplyChainThirdPartyReport,
)

PLEDGE = ("本单位郑重承诺：所提交的报告及相关材料真实、准确、完整，不存在虚假记载、误导性陈述"
          "或重大遗漏；如有不实，愿承担相应责任。")
AGENCY_PLEDGE = ("本机构郑重承诺：评价工作独立、客观、公正，未参与受评价方自评价报告的编制；评价"
                 "报告内容真实、准确，如有不实，愿承担相应责任。")


def _enterprise_rows() -> tuple[Row, ...]:
    el = labels(SupplyChainEnterprise)
    return (
        Row((el["name"], "{{ enterprise.name }}", None, None)),
        Row((el["credit_code"], "{{ enterprise.credit_code }}", el["nature"],
             "{{ enterprise.nature }}")),
        Row((el["region"], "{{ enterprise.region }}", el["city"], "{{ enterprise.city }}")),
        Row((el["address"], "{{ enterprise.address }}", None, None)),
        Row((el["industries"], ListCell("industry", "enterprise.industries", "{{ industry }}"),
             None, None)),
        Row((el["legal_representative"], "{{ enterprise.legal_representative }}",
             el["legal_representative_phone"], "{{ enterprise.legal_representative_phone }}")),
        Row((el["main_products"], "{{ enterprise.main_products }}", None, None)),
        Row((el["revenue"], "{{ enterprise.revenue }}", el["supplier_count"],
             "{{ enterprise.supplier_count }}")),
        Row((el["chain_position"], "{{ enterprise.chain_position }}", None, None)),
    )


def _score_tables(score_label: str) -> tuple[Block, ...]:
    return (
        Table((12.0, 20.0, 32.0, 12.0, 10.0, 14.0, 14.0, 14.0, 28.0), (
            Row(("指标编号", "一级指标", "二级指标", "类型", "满分", "指标值", score_label,
                 "计分", "证明材料索引")),
            LoopRow("a", "assessments", (
                "{{ a.id }}", "{{ rows[a.id].group }}", "{{ rows[a.id].name }}",
                "{{ rows[a.id].kind }}", "{{ rows[a.id].max }}", "{{ a.value }}",
                "{{ a.score }}", "{{ rows[a.id].score }}", "{{ a.evidence }}")),
        ), header_rows=1, size=9),
        Table((78.0, 39.0, 39.0), (
            Row(("一级指标", "满分", "得分")),
            LoopRow("g", "scorecard.groups", (
                "{{ g.group.name }}", "{{ g.group.max }}", "{{ g.subtotal }}")),
            Row(("绿色供应链管理指数（GSCI）", "{{ scorecard.system.total }}",
                 "{{ scorecard.total }}")),
        ), header_rows=1),
        Paragraph("评价依据：{{ system_note }}", "note"),
    )


def self_report_layout() -> Layout:
    """Attachment 5-1, the self-evaluation report."""
    return Layout("绿色供应链管理企业自评价报告", (
        *cover("5", "申报单位：{{ enterprise.name }}"),
        Paragraph("基本信息表", "title"),
        Table(FOUR_COLUMNS, (*_enterprise_rows(), *contact_rows(),
                             Row(("单位简介", "{{ profile }}", None, None)))),
        Paragraph("材料真实性承诺", "heading"),
        Paragraph(PLEDGE),
        Paragraph("法人或单位负责人签字：{{ signatory }}"),
        Paragraph("单位公章："),
        PageBreak(),
        Paragraph("绿色供应链管理实施情况", "title"),
        *narrative_sections(PracticeSections, "practices"),
        Paragraph("七、自评价得分", "heading"),
        Paragraph("评价指标体系：{{ indicator_system }}"),
        *_score_tables("自评得分"),
        *section(SupplyChainSelfReport, "next_steps"),
    ))


def third_party_layout() -> Layout:
    """Attachment 5-2, the third-party evaluation report."""
    return Layout("绿色供应链管理企业第三方评价报告", (
        *cover("5", "企业名称：{{ enterprise.name }}", "第三方评价机构：{{ agency.name }}"),
        Paragraph("基本信息表", "title"),
        Paragraph("受评价企业", "heading"),
        Table(FOUR_COLUMNS, (*_enterprise_rows(), *contact_rows())),
        Paragraph("第三方评价机构", "heading"),
        Table(FOUR_COLUMNS, agency_rows()),
        Paragraph("评价结果", "heading"),
        Table(FOUR_COLUMNS, (
            Row(("基本要求是否符合", "{{ basic_requirements_met }}", "指标得分（GSCI）",
                 "{{ scorecard.total }}")),
            Row(("受评价方主要亮点", "{{ highlights }}", None, None)),
        )),
        Paragraph(AGENCY_PLEDGE),
        Paragraph("法人代表签字：　　　　　　单位公章："),
        PageBreak(),
        *section(SupplyChainThirdPartyReport, "overview"),
        *section(SupplyChainThirdPartyReport, "process"),
        Paragraph("现场评价日期：{{ evaluation_date }}"),
        Paragraph("三、评价内容", "heading"),
        *narrative_sections(PracticeSections, "practices", "subtitle"),
        Paragraph("评价指标体系：{{ indicator_system }}"),
        *_score_tables("评定得分"),
        *section(SupplyChainThirdPartyReport, "conclusion"),
        Paragraph("报告日期：{{ report_date }}"),
    ))
