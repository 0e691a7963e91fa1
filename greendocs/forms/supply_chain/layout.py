"""Page layouts of Attachment 5, the self-evaluation and third-party reports; their .docx
templates and .odt come from these."""

from __future__ import annotations

from ...blocks.contact_person import contact_rows
from ...blocks.enterprise import applicant_rows
from ...layout import elements as page
from .._shared.report import (
    cover,
    evaluation_process,
    narrative_sections,
    pledge,
    section,
    third_party_front,
)
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


def _enterprise_rows() -> tuple[page.Row, ...]:
    el = page.labels(SupplyChainEnterprise)
    return (
        *applicant_rows("enterprise", SupplyChainEnterprise),
        page.Row((el["main_products"], "{{ enterprise.main_products }}", None, None)),
        page.Row((el["revenue"], "{{ enterprise.revenue }}", el["supplier_count"],
                  "{{ enterprise.supplier_count }}")),
        page.Row((el["chain_position"], "{{ enterprise.chain_position }}", None, None)),
    )


def _score_tables(score_label: str, numbers: tuple[str, str] = ("（一）", "（二）")
                  ) -> tuple[page.Block, ...]:
    return (
        page.Paragraph(f"{numbers[0]}指标得分", "heading2"),
        page.Table((12.0, 20.0, 32.0, 12.0, 10.0, 14.0, 14.0, 14.0, 28.0), (
            page.Row(("编号", "一级指标", "二级指标", "类型", "满分", "指标值", score_label,
                 "计分", "证明材料索引")),
            page.LoopRow("a", "assessments", (
                "{{ a.id }}", "{{ rows[a.id].group }}", "{{ rows[a.id].name }}",
                "{{ rows[a.id].kind }}", "{{ rows[a.id].max }}", "{{ a.value }}",
                "{{ a.score }}", "{{ rows[a.id].score }}", "{{ a.evidence }}")),
        ), header_rows=1, widest=(page.INDICATOR_ID, "绿色供应链", "", "", page.SCORE, "",
                                  page.SCORE, page.SCORE, "")),
        page.Paragraph(f"{numbers[1]}得分汇总", "heading2"),
        page.Table((78.0, 39.0, 39.0), (
            page.Row(("一级指标", "满分", "得分")),
            page.LoopRow("g", "scorecard.groups", (
                "{{ g.group.name }}", "{{ g.group.max }}", "{{ g.subtotal }}")),
            page.Row(("绿色供应链管理指数（GSCI）", "{{ scorecard.system.total }}",
                 "{{ scorecard.total }}")),
        ), header_rows=1),
        page.Paragraph("评价依据：{{ system_note }}", "note", draft_only=True),
    )


def self_report_layout() -> page.Layout:
    """Attachment 5-1, the self-evaluation report."""
    return page.Layout("绿色供应链管理企业自评价报告", (
        *cover("5", "申报单位：{{ enterprise.name }}",
               "所在省市：{{ enterprise.region }}　{{ enterprise.city }}"),
        page.Paragraph("基本信息表", "title"),
        page.four_columns((*_enterprise_rows(), *contact_rows(),
                             page.Row(("单位简介", "{{ profile }}", None, None)))),
        *pledge(PLEDGE, "法人或单位负责人签字"),
        page.PageBreak(),
        page.Paragraph("绿色供应链管理实施情况", "title"),
        *narrative_sections(PracticeSections, "practices"),
        page.Paragraph("七、自评价得分", "heading"),
        page.Paragraph("评价指标体系：{{ indicator_system }}"),
        *_score_tables("自评得分"),
        page.Paragraph("自评价结果：绿色供应链管理指数（GSCI）{{ scorecard.total }}分。"),
        *section(SupplyChainSelfReport, "next_steps"),
    ), header="绿色供应链管理企业自评价报告")


def third_party_layout() -> page.Layout:
    """Attachment 5-2, the third-party evaluation report."""
    return page.Layout("绿色供应链管理企业第三方评价报告", (
        *cover("5", "企业名称：{{ enterprise.name }}", "第三方评价机构：{{ agency.name }}"),
        *third_party_front(
            "受评价企业", (*_enterprise_rows(), *contact_rows()),
            page.Row(("基本要求是否符合", "{{ basic_requirements_met }}", "指标得分（GSCI）",
                      "{{ scorecard.total }}")),
            AGENCY_PLEDGE),
        *evaluation_process(SupplyChainThirdPartyReport),
        page.Paragraph("三、评价内容", "heading"),
        *narrative_sections(PracticeSections, "practices", "heading2", nested=True),
        page.Paragraph("评价指标体系：{{ indicator_system }}"),
        *_score_tables("评定得分", ("（七）", "（八）")),
        *section(SupplyChainThirdPartyReport, "conclusion"),
        page.Paragraph("报告日期：{{ report_date }}"),
    ), header="绿色供应链管理企业第三方评价报告")
