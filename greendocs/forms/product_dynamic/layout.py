"""The page layout of Attachment 7, the design-product dynamic management table."""

from __future__ import annotations

from ...blocks.listed_unit import ListedUnit, listed_unit_rows
from ...layout import elements as page
from .._shared.dynamic_table import YEAR_COLUMNS, table_head, table_tail
from .model import ListedProduct, ProductIndicator


def _years(expr: str) -> tuple[str, ...]:
    return tuple(f"{{{{ {expr}[years[{k}]] }}}}" for k in range(3))


def dynamic_layout() -> page.Layout:
    """Attachment 7 as blocks: the enterprise, its products, their output and sales and
    their key indicators for three years, changes, the negative list, the sign-off."""
    pl = page.labels(ListedProduct)
    il = page.labels(ProductIndicator)
    return page.Layout("绿色设计产品动态管理表", (
        *table_head("7", listed_unit_rows("enterprise", ListedUnit)),
        page.Paragraph("三、产品情况", "heading"),
        page.Table((8.0, 30.0, 30.0, 36.0, 16.0, 18.0, 18.0), (
            page.Row(("序号", pl["name"], pl["models"], pl["standard"], pl["listed_year"],
                      pl["still_produced"], pl["still_compliant"])),
            page.LoopRow("p", "products", (
                "{{ loop.index }}", "{{ p.name }}", page.ListCell("m", "p.models", "{{ m }}"),
                "{{ p.standard }}", "{{ p.listed_year }}", "{{ p.still_produced }}",
                "{{ p.still_compliant }}")),
        ), header_rows=1),
        page.Paragraph("四、产量及销量（近三年）", "heading"),
        page.Table((8.0, 34.0, 16.0, 16.0, 16.0, 16.0, 16.0, 16.0, 18.0), (
            page.Row(("序号", pl["name"], pl["output_unit"], *(f"产量{y}" for y in YEAR_COLUMNS),
                      *(f"销量{y}" for y in YEAR_COLUMNS))),
            page.LoopRow("p", "products", (
                "{{ loop.index }}", "{{ p.name }}", "{{ p.output_unit }}", *_years("p.output"),
                *_years("p.sales"))),
        ), header_rows=1),
        page.Paragraph("五、关键指标（近三年）", "heading"),
        page.Table((8.0, 24.0, 11.0, 41.0, 16.0, 19.0, 19.0, 18.0), (
            page.Row(("序号", pl["name"], il["id"], il["name"], il["unit"], *YEAR_COLUMNS)),
            page.LoopRow("p", "products", (
                "{{ loop.index }}", "{{ p.name }}",
                page.ListCell("i", "p.indicators", "{{ i.id }}"),
                page.ListCell("i", "p.indicators", "{{ i.name }}"),
                page.ListCell("i", "p.indicators", "{{ i.unit }}"),
                *(page.ListCell("i", "p.indicators", f"{{{{ i.values[years[{k}]] }}}}")
                  for k in range(3)))),
        ), header_rows=1, widest=("", "", "EN10", "", "", "", "", "")),
        page.Paragraph("六、型号及标准变化情况", "heading"),
        page.Table((8.0, 34.0, 57.0, 57.0), (
            page.Row(("序号", pl["name"], pl["model_changes"], pl["standard_changes"])),
            page.LoopRow("p", "products", (
                "{{ loop.index }}", "{{ p.name }}", "{{ p.model_changes }}",
                "{{ p.standard_changes }}")),
        ), header_rows=1),
        *table_tail("七", "八"),
    ))


