"""What one completed form contributes to the provincial summary (Attachment 1).

Each form that feeds the summary says so in its :class:`~greendocs.registry.FormSpec`
(``summary_entry``): the form builds its own Attachment 1 row and says how its unit is
identified, so the roll-up reads only these entries and knows no form and no category.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs


class Category(enum.StrEnum):
    """The four tables of Attachment 1."""

    FACTORY = "factory"
    PRODUCT = "product"
    PARK = "park"
    SUPPLY_CHAIN = "supply_chain"

    @property
    def label(self) -> str:
        """The table's Chinese title."""
        return _LABELS[self]

    @property
    def table(self) -> str:
        """The field of :class:`~greendocs.forms.summary.SummaryTable` holding its rows."""
        return _TABLES[self]


_LABELS = {Category.FACTORY: "绿色工厂", Category.PRODUCT: "绿色设计产品",
           Category.PARK: "绿色工业园区", Category.SUPPLY_CHAIN: "绿色供应链管理企业"}
_TABLES = {Category.FACTORY: "factories", Category.PRODUCT: "products",
           Category.PARK: "parks", Category.SUPPLY_CHAIN: "supply_chains"}


class Role(enum.StrEnum):
    """Which report of the unit a form is."""

    SELF = "self"
    THIRD_PARTY = "third_party"


@attrs.frozen
class SummaryEntry:
    """One applicant as one of its reports describes it."""

    category: Category
    role: Role
    #: what identifies the unit within its category: the credit code of an enterprise,
    #: credit code + product + model for a design product, name + region for a park
    key: str
    #: how problems name the unit
    name: str
    region: str
    #: the unit's row of its Attachment 1 table, as plain data (field → value)
    row: Mapping[str, Any]
    agency: str | None = None
    agency_credit_code: str | None = None
    #: whether the unit's application also needs a third-party report (design products
    #: are self-evaluated only)
    third_party_expected: bool = True


def report_entry(category: Category, unit: Any, agency: Any = None,
                 score: Decimal | None = None) -> SummaryEntry:
    """The entry of a report on an enterprise (identified by its credit code): a
    self-evaluation when *agency* is None, else a third-party report. *unit* has a name,
    credit code, region, city and industries; *agency* a name and credit code."""
    return SummaryEntry(
        category=category, role=Role.SELF if agency is None else Role.THIRD_PARTY,
        key=str(unit.credit_code), name=unit.name, region=str(unit.region),
        row={"name": unit.name, "credit_code": str(unit.credit_code),
             "region": str(unit.region), "city": unit.city,
             "industries": [str(i) for i in unit.industries], "score": score,
             "agency": agency.name if agency is not None else None},
        agency=agency.name if agency is not None else None,
        agency_credit_code=str(agency.credit_code) if agency is not None else None)


@attrs.frozen
class ListedProject:
    """A project an agency's annual report lists: which unit, in which table and region."""

    category: Category
    unit: str
    credit_code: str | None
    region: str
    evaluated_by: str | None = None


@attrs.frozen
class AgencyEntry:
    """What an agency's annual work report contributes to the roll-up's agency checks: the
    agency, the legal persons related to it (the project cap counts them together), and
    the projects it lists."""

    name: str
    credit_code: str
    related: tuple[tuple[str, str], ...]  # (name, credit code)
    projects: tuple[ListedProject, ...]
