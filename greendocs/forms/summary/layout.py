"""The page layout of Attachment 1 (A4 landscape, one table per category)."""

from __future__ import annotations

from ...blocks.contact_person import contact_rows
from ...layout import elements as page
from .model import ParkRow, ProductRow, UnitRow

LANDSCAPE = page.PageSetup(width=297, height=210, top=28, bottom=26, left=37, right=35)


def _unit_table(field: str) -> page.Table:
    ul = page.labels(UnitRow)
    return page.Table((8.0, 38.0, 42.0, 18.0, 16.0, 36.0, 12.0, 30.0, 25.0), (
        page.Row(("序号", ul["name"], ul["credit_code"], ul["region"], ul["city"],
             ul["industries"], ul["score"], ul["agency"], ul["remarks"])),
        page.LoopRow("u", field, ("{{ loop.index }}", "{{ u.name }}", "{{ u.credit_code }}",
                             "{{ u.region }}", "{{ u.city }}",
                             page.ListCell("i", "u.industries", "{{ i }}"), "{{ u.score }}",
                             "{{ u.agency }}", "{{ u.remarks }}")),
    ), header_rows=1, widest=("", "", page.CREDIT_CODE, "", "", "", page.SCORE, "", ""))


def build_layout() -> page.Layout:
    """Attachment 1 as blocks."""
    pl, rl = page.labels(ProductRow), page.labels(ParkRow)
    return page.Layout("省级工业和信息化主管部门推荐汇总表", (
        page.Paragraph("附件1", "attachment"),
        page.Paragraph("{{ form_title }}", "title"),
        page.Paragraph("推荐单位（盖章）：{{ department }}　　推荐地区：{{ province }}",
                       "subtitle"),
        page.Paragraph("批次年度：{{ batch_year }}　　填报日期：{{ date }}", "subtitle"),
        page.Table((45.0, 67.0, 45.0, 68.0), contact_rows()),
        page.Paragraph("一、绿色工厂", "heading"),
        _unit_table("factories"),
        page.Paragraph("二、绿色设计产品", "heading"),
        page.Table((8.0, 36.0, 42.0, 18.0, 16.0, 28.0, 27.0, 30.0, 20.0), (
            page.Row(("序号", pl["name"], pl["credit_code"], pl["region"], pl["city"],
                 pl["product_name"], pl["product_model"], pl["standard"], pl["remarks"])),
            page.LoopRow("p", "products", ("{{ loop.index }}", "{{ p.name }}",
                                      "{{ p.credit_code }}", "{{ p.region }}", "{{ p.city }}",
                                      "{{ p.product_name }}", "{{ p.product_model }}",
                                      "{{ p.standard }}", "{{ p.remarks }}")),
        ), header_rows=1, widest=("", "", page.CREDIT_CODE, "", "", "", "", "", "")),
        page.Paragraph("三、绿色工业园区", "heading"),
        page.Table((8.0, 60.0, 22.0, 22.0, 20.0, 15.0, 45.0, 33.0), (
            page.Row(("序号", rl["name"], rl["region"], rl["city"], rl["level"], rl["score"],
                 rl["agency"], rl["remarks"])),
            page.LoopRow("k", "parks", ("{{ loop.index }}", "{{ k.name }}", "{{ k.region }}",
                                   "{{ k.city }}", "{{ k.level }}", "{{ k.score }}",
                                   "{{ k.agency }}", "{{ k.remarks }}")),
        ), header_rows=1),
        page.Paragraph("四、绿色供应链管理企业", "heading"),
        _unit_table("supply_chains"),
    ), LANDSCAPE)

