"""The base of the annual dynamic management tables (Attachments 6-9): the listed unit,
the contact, the reporting year and its three year columns, the change declaration, the
negative list and the sign-off — as a model base, a field order, a year check, and the
layout's head and tail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ...blocks.change_declaration import Changes, changes_section
from ...blocks.contact_person import ContactPerson
from ...blocks.negative_list import NegativeList, negative_list_section
from ...findings import Finding, Severity
from ...model import field_specs as f
from ...model.introspection import fields_of, meta
from ...types.year_series import YearSeries, check_years

if TYPE_CHECKING:  # the layout's elements: imported where the blocks are made (a render
    # from a shipped template needs none)
    from ...layout.elements import Block, Paragraph, Row, Table

#: the header cells of the three year columns
YEAR_COLUMNS = ("{{ years[0] }}年", "{{ years[1] }}年", "{{ years[2] }}年")
#: what :func:`years_context` adds to the template context
YEARS_CONTEXT = ("years",)


class ThreeYears:
    """A model reporting the last three years: the reporting year and the two before."""

    reporting_year: int

    @property
    def years(self) -> tuple[int, int, int]:
        """The three year columns: the two years before the reporting year, and it."""
        y = self.reporting_year
        return (y - 2, y - 1, y)


@attrs.frozen(kw_only=True)
class DynamicTable(ThreeYears):
    """What every dynamic management table holds besides its unit and its indicators.
    A form subclasses it, adds its unit and indicator fields, and orders them with
    :func:`table_order`."""

    contact: ContactPerson = f.typed(ContactPerson, "联系人信息")
    reporting_year: int = f.year("填报年度")
    negative_list: NegativeList = f.typed(NegativeList, "负面清单情况（近三年）")
    changes: Changes = attrs.field(factory=Changes,
                                   validator=attrs.validators.instance_of(Changes),
                                   metadata=meta("变更情况"))
    filled_by: str = f.text("填报人", max_length=30)
    fill_date: dt.date = f.date("填报日期")


def table_order(unit: str, *own: str) -> Callable[[type, Sequence[Any]], list[Any]]:
    """An attrs ``field_transformer`` ordering a table's fields as its documents and
    workbooks show them: the *unit*, the contact and reporting year, the table's *own*
    fields, then the change declaration, the negative list and the sign-off."""
    order = {name: i for i, name in enumerate(
        (unit, "contact", "reporting_year", *own, "changes", "negative_list", "filled_by",
         "fill_date"))}

    def arrange(cls: type, fields: Sequence[Any]) -> list[Any]:
        return sorted(fields, key=lambda a: order.get(a.name, len(order)))

    return arrange


def covers_table_years(instance: ThreeYears, attribute: attrs.Attribute[Any],
                       value: Any) -> None:
    """A validator: every year series in *value* (a record, or a list of records, and the
    records they hold) gives exactly the table's three years."""
    _check_years(value, attribute.name, instance)


def _check_years(value: Any, where: str, table: ThreeYears) -> None:
    if isinstance(value, tuple):
        for i, item in enumerate(value):
            _check_years(item, f"{where}[{i}]", table)
    elif isinstance(value, YearSeries):
        check_years(value, table.years, table.reporting_year, where)
    elif attrs.has(type(value)):
        for field in fields_of(type(value)):
            if field.shape.kind in ("series", "list", "model"):
                _check_years(getattr(value, field.name), f"{where}.{field.name}", table)


def years_context(table: ThreeYears) -> Mapping[str, Any]:
    """The template context a dynamic table adds: its three years."""
    return {"years": table.years}


def listing_findings(path: str, name: str, listed_year: int,
                     reporting_year: int) -> list[Finding]:
    """An error when *name* is listed after the year a table reports on (the table can only
    follow up units already on the list)."""
    if listed_year <= reporting_year:
        return []
    return [Finding("listing", Severity.ERROR, path,
                    f"{name} is listed in {listed_year}, after the reporting year "
                    f"{reporting_year}",
                    f"{name}的入选年份{listed_year}年晚于报告年度{reporting_year}年")]


def table_head(attachment: str, unit_rows: tuple[Row, ...]) -> tuple[Block, ...]:
    """The head of a table: attachment number, title, reporting year, 一、基本信息 (the
    unit's *unit_rows*, e.g. :func:`~greendocs.blocks.listed_unit.listed_unit_rows`) and
    二、变更情况."""
    from ...layout.elements import Paragraph, four_columns

    return (
        Paragraph(f"附件{attachment}", "attachment"),
        Paragraph("{{ form_title }}", "title"),
        Paragraph("（填报年度：{{ reporting_year }}年）", "subtitle"),
        Paragraph("一、基本信息", "heading"),
        four_columns(unit_rows),
        *changes_section("二"),
    )


def table_tail(first: str, second: str) -> tuple[Block, ...]:
    """The tail of a table: the negative list (section *first*) and the sign-off
    (section *second*)."""
    return (*negative_list_section(first), *sign_off_section(second))


def sign_off_section(number: str) -> tuple[Paragraph, Table]:
    """Who filled the table, when, the seal and the local review."""
    from ...layout.elements import Paragraph, Row, four_columns

    return (Paragraph(f"{number}、填报信息", "heading"), four_columns((
        Row(("填报人", "{{ filled_by }}", "填报日期", "{{ fill_date }}")),
        Row(("填报单位（盖章）", "", None, None), min_height=30),
        Row(("地方审核意见", "", None, None), min_height=30),
    )))
