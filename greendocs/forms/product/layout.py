"""The page layout of Attachment 3, the design-product self-evaluation report; its .docx
template and .odt come from it."""

from __future__ import annotations

from ...blocks.contact_person import contact_rows
from ...blocks.enterprise import applicant_rows
from ...blocks.negative_list import negative_list_section
from ...blocks.requirement_check import basic_requirements_table
from ...layout import elements as page
from .._shared.report import cover, instructions, pledge, section
from .model import (
    ImpactResult,
    InventoryItem,
    LifeCycleAssessment,
    Product,
    ProductEnterprise,
    ProductSelfReport,
)

INSTRUCTIONS = (
    "一、申报单位应如实填写报告内容，并对所提供材料的真实性负责。",
    "二、申报产品应属于工业和信息化部绿色设计产品标准清单所列产品，按相应评价标准开展自评价。",
    "三、所属行业按《国民经济行业分类》（GB/T 4754-2017）填写行业代码及名称；"
    "单位性质按营业执照填写。",
    "四、报告内容可另附页，附页应编号并与正文对应。",
    "五、报告采用A4纸双面打印，装订成册；纸质版一式三份，并提交电子版。",
)
PLEDGE = ("本单位郑重承诺：本报告所填写的内容和提供的材料真实、有效，接受有关部门的抽查核实，"
          "如有不实，愿承担相应责任。")


def _basic_information() -> tuple[page.Row, ...]:
    pl = page.labels(Product)
    return (
        *applicant_rows("enterprise", ProductEnterprise),
        *contact_rows(),
        page.Row((pl["name"], "{{ product.name }}", None, None)),
        page.Row((pl["models"], page.ListCell("m", "product.models", "{{ m }}"), None, None)),
        page.Row((pl["standard"], "{{ product.standard }}", None, None)),
        page.Row((pl["output"], "{{ product.output }}", pl["sales"], "{{ product.sales }}")),
        page.Row((pl["output_unit"], "{{ product.output_unit }}", pl["functional_unit"],
                  "{{ product.functional_unit }}")),
        page.Row((pl["description"], "{{ product.description }}", None, None)),
        page.Row(("单位简介", "{{ profile }}", None, None)),
    )


def _lca() -> tuple[page.Block, ...]:
    ll = page.labels(LifeCycleAssessment)
    il = page.labels(InventoryItem)
    rl = page.labels(ImpactResult)
    return (
        page.Paragraph(page.labels(ProductSelfReport)["lca"], "heading"),
        page.Table((40.0, 116.0), (
            page.Row((ll["functional_unit"], "{{ lca.functional_unit }}")),
            page.Row((ll["system_boundary"],
                      page.ListCell("stage", "lca.system_boundary", "{{ stage }}"))),
            page.Row((ll["cutoff_rule"], "{{ lca.cutoff_rule }}")),
            page.Row((ll["data_sources"], "{{ lca.data_sources }}")),
        )),
        page.Paragraph(ll["inventory"], "heading2"),
        page.Table((10.0, 30.0, 52.0, 20.0, 24.0, 20.0), (
            page.Row(("序号", il["stage"], il["flow"], il["direction"], il["amount"],
                      il["unit"])),
            page.LoopRow("x", "lca.inventory", (
                "{{ loop.index }}", "{{ x.stage }}", "{{ x.flow }}", "{{ x.direction }}",
                "{{ x.amount }}", "{{ x.unit }}")),
        ), header_rows=1),
        page.Paragraph(ll["impacts"], "heading2"),
        page.Table((10.0, 76.0, 40.0, 30.0), (
            page.Row(("序号", rl["category"], rl["value"], rl["unit"])),
            page.LoopRow("x", "lca.impacts", (
                "{{ loop.index }}", "{{ x.category }}", "{{ x.value }}", "{{ x.unit }}")),
        ), header_rows=1),
        *section(LifeCycleAssessment, "interpretation", "heading2", at="lca"),
        *section(LifeCycleAssessment, "improvements", "heading2", at="lca"),
    )


def self_report_layout() -> page.Layout:
    """Attachment 3, the design-product self-evaluation report."""
    return page.Layout("绿色设计产品自评价报告", (
        *cover("3", "产品名称：{{ product.name }}", "申报单位：{{ enterprise.name }}",
               "所在省市：{{ enterprise.region }}　{{ enterprise.city }}"),
        *instructions(INSTRUCTIONS),
        page.four_columns(_basic_information()),
        *pledge(PLEDGE, "法人或单位负责人签字"),
        page.PageBreak(),
        *section(ProductSelfReport, "overview"),
        *section(ProductSelfReport, "product_overview"),
        page.Paragraph("三、评价依据", "heading"),
        page.Paragraph("{{ standard_label }}；GB/T 32161-2015《生态设计产品评价通则》。"),
        page.Paragraph("四、基本要求符合性", "heading"),
        basic_requirements_table(),
        *negative_list_section("五"),
        page.Paragraph("六、评价指标符合性", "heading"),
        page.Table((9.0, 13.0, 24.0, 13.0, 14.0, 24.0, 15.0, 16.0, 9.0, 19.0), (
            page.Row(("编号", "一级指标", "二级指标", "单位", "基准值", "判定依据", "所属阶段",
                      "实际值", "是否符合", "证明材料")),
            page.LoopRow("r", "indicators", (
                "{{ r.id }}", "{{ rows[r.id].group }}", "{{ rows[r.id].name }}",
                "{{ rows[r.id].unit }}", "{{ rows[r.id].threshold }}", "{{ rows[r.id].basis }}",
                "{{ rows[r.id].stage }}", "{{ r.value }}\n{{ r.unit }}", "{{ r.met }}",
                "{{ r.evidence }}")),
        ), header_rows=1, widest=("EN10", "", "", "", "", "", "", "", "", "")),
        *_lca(),
        *section(ProductSelfReport, "conclusion"),
        page.Paragraph("自评价结论：{{ stated_verdict }}绿色设计产品评价要求。"),
    ), header="绿色设计产品自评价报告")
