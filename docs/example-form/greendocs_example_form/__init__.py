"""An example form package: a province's own low-carbon factory application (fictional).

Its model, layout and sample are all greendocs needs; the .docx template is built from the
layout, and the form feeds the factory table of the provincial roll-up.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from greendocs import kit


@attrs.frozen(kw_only=True)
class LowCarbonFactory:
    """A low-carbon factory application (示例：省级绿色低碳工厂申报表)."""

    factory: kit.Enterprise = kit.typed(kit.Enterprise, "申报企业")
    contact: kit.ContactPerson = kit.typed(kit.ContactPerson, "联系人信息")
    carbon_intensity: Decimal = kit.amount("单位产值碳排放（tCO2/万元）", "tCO2/万元",
                                           optional=False)
    measures: tuple[str, ...] = kit.paragraphs("一、主要降碳措施", min_items=1)
    report_date: dt.date = kit.date("填报日期")


def layout() -> kit.Layout:
    """The printed form: title, a basic-information table, the measures, the date."""
    el = kit.labels(kit.Enterprise)
    return kit.Layout("省级绿色低碳工厂申报表", (
        kit.Paragraph("{{ form_title }}", "title"),
        kit.four_columns((
            kit.Row((el["name"], "{{ factory.name }}", None, None)),
            kit.Row((el["credit_code"], "{{ factory.credit_code }}", el["region"],
                     "{{ factory.region }}")),
            kit.Row((el["city"], "{{ factory.city }}", el["address"], "{{ factory.address }}")),
            kit.Row((el["industries"], kit.ListCell("i", "factory.industries", "{{ i }}"),
                     None, None)),
            *kit.contact_rows(),
            kit.Row(("单位产值碳排放（tCO2/万元）", "{{ carbon_intensity }}", None, None)),
        )),
        *kit.section(LowCarbonFactory, "measures"),
        kit.Paragraph("填报日期：{{ report_date }}"),
    ))


def rules(form: LowCarbonFactory) -> list[kit.Finding]:
    """A rule of the (fictional) provincial notice: at most 0.5 tCO2 per 10,000 yuan."""
    if form.carbon_intensity > Decimal("0.5"):
        return [kit.Finding("carbon-intensity", kit.Severity.ERROR, "carbon_intensity",
                            f"{form.carbon_intensity} tCO2/万元 is above the 0.5 the "
                            "provincial notice allows")]
    return []


SPEC = kit.FormSpec(
    id="example-low-carbon-factory", attachment="省1", title_zh="省级绿色低碳工厂申报表",
    title_en="Provincial low-carbon factory application (example)",
    model=LowCarbonFactory, layout=layout, rules=rules,
    summary_entry=lambda form: kit.report_entry(kit.Category.FACTORY, form.factory))
