"""The page layout of Attachment 10, the agency's annual work report; its .docx template
and .odt come from it."""

from __future__ import annotations

from ...blocks.contact_person import contact_rows
from ...layout import elements as page
from .._shared.report import cover, pledge, section
from .model import Agency, AgencyAnnualReport, Project, RelatedEntity, StaffMember

PLEDGE = ("本机构郑重承诺：本报告所填写的内容和提供的材料真实、准确、完整；评价工作独立、客观、"
          "公正，未参与受评价方自评价报告的编制；如有弄虚作假，愿承担相应责任。")


def _agency_rows() -> tuple[page.Row, ...]:
    al = page.labels(Agency)
    return (
        page.Row((al["name"], "{{ agency.name }}", None, None)),
        page.Row((al["credit_code"], "{{ agency.credit_code }}", al["nature"],
                  "{{ agency.nature }}")),
        page.Row((al["legal_representative"], "{{ agency.legal_representative }}",
                  al["legal_representative_phone"], "{{ agency.legal_representative_phone }}")),
        page.Row((al["registered_address"], "{{ agency.registered_address }}", None, None)),
        page.Row((al["office_address"], "{{ agency.office_address }}", None, None)),
        page.Row((al["fields"], page.ListCell("field", "agency.fields", "{{ field }}"),
                  None, None)),
        *contact_rows(),
    )


def annual_report_layout() -> page.Layout:
    """Attachment 10, the agency's annual work report."""
    rl = page.labels(RelatedEntity)
    sl = page.labels(StaffMember)
    pl = page.labels(Project)
    return page.Layout("评价机构年度工作报告", (
        *cover("10", "机构名称：{{ agency.name }}", "报告年度：{{ year }}年", contents=False),
        page.Paragraph("一、机构基本情况", "heading"),
        page.four_columns(_agency_rows()),
        page.Paragraph("关联单位（母公司、子公司及其他关联单位）", "heading2"),
        page.Table((12.0, 66.0, 50.0, 28.0), (
            page.Row(("序号", rl["name"], rl["credit_code"], rl["relation"])),
            page.LoopRow("r", "agency.related", ("{{ loop.index }}", "{{ r.name }}",
                                                 "{{ r.credit_code }}", "{{ r.relation }}")),
        ), header_rows=1, widest=("", "", page.CREDIT_CODE, "")),
        page.Paragraph(page.labels(AgencyAnnualReport)["staff"], "heading"),
        page.Table((10.0, 18.0, 24.0, 16.0, 20.0, 14.0, 16.0, 38.0), (
            page.Row(("序号", sl["name"], sl["title"], sl["level"], sl["specialty"],
                      sl["full_time"], sl["years"], sl["certificate"])),
            page.LoopRow("s", "staff", (
                "{{ loop.index }}", "{{ s.name }}", "{{ s.title }}", "{{ s.level }}",
                "{{ s.specialty }}", "{{ s.full_time }}", "{{ s.years }}",
                "{{ s.certificate }}")),
        ), header_rows=1),
        page.Paragraph("专职中级及以上职称评价人员{{ staff_count.qualified|length }}人，其中"
                       "能源、环境、生态、低碳、生命周期评价领域高级职称"
                       "{{ staff_count.senior|length }}人。"),
        page.Paragraph(page.labels(AgencyAnnualReport)["projects"], "heading"),
        page.Table((7.0, 12.0, 44.0, 10.0, 30.0, 12.0, 9.0, 9.0, 23.0), (
            page.Row(("序号", pl["category"], f"{pl['unit']}\n{pl['credit_code']}", pl["region"],
                      pl["evaluated_on"], "得分", "是否符合", "参与编制", "承担单位")),
            page.LoopRow("p", "projects", (
                "{{ loop.index }}", "{{ p.category }}", "{{ p.unit }}\n{{ p.credit_code }}",
                "{{ p.region }}", "{{ p.evaluated_on }}", "{{ p.score }}", "{{ p.passed }}",
                "{{ p.helped_self_evaluation }}", "{{ p.evaluated_by }}")),
        ), header_rows=1, widest=("", "", page.CREDIT_CODE, "", page.DATE, page.SCORE, "", "", "")),
        page.Paragraph("本年度评价项目{{ projects|length }}个（含关联单位承担的项目）。"),
        *section(AgencyAnnualReport, "quality_control"),
        *section(AgencyAnnualReport, "past_work"),
        *section(AgencyAnnualReport, "improvements"),
        *pledge(PLEDGE, "法定代表人签字", heading="承诺"),
    ), header="评价机构年度工作报告")
