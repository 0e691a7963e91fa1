"""What one completed form contributes to the provincial summary (Attachment 1).

Each form that feeds the summary says so in its :class:`~greendocs.registry.FormSpec`
(``summary_entry``): the roll-up reads only these entries, never the form's model.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from .industry import Industry


class Category(enum.StrEnum):
    """The four tables of Attachment 1."""

    FACTORY = "factory"
    PRODUCT = "product"
    PARK = "park"
    SUPPLY_CHAIN = "supply_chain"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {Category.FACTORY: "绿色工厂", Category.PRODUCT: "绿色设计产品",
           Category.PARK: "绿色工业园区", Category.SUPPLY_CHAIN: "绿色供应链管理企业"}


class Role(enum.StrEnum):
    """Which report of the unit a form is."""

    SELF = "self"
    THIRD_PARTY = "third_party"


@attrs.frozen
class SummaryEntry:
    """One applicant as one of its reports describes it."""

    category: Category
    role: Role
    name: str
    credit_code: str
    region: str
    city: str
    industries: tuple[Industry, ...] = ()
    score: Decimal | None = None
    agency: str | None = None
    agency_credit_code: str | None = None
    product_name: str | None = None
    product_model: str | None = None
    standard: str | None = None
    park_level: str | None = None


def report_entry(category: Category, unit: Any, agency: Any = None,
                 score: Decimal | None = None) -> SummaryEntry:
    """The row that a report on *unit* gives: a self-evaluation when *agency* is None,
    else a third-party report. *unit* has a name, credit code, region, city and
    industries; *agency* a name and credit code."""
    return SummaryEntry(
        category=category, role=Role.SELF if agency is None else Role.THIRD_PARTY,
        name=unit.name, credit_code=str(unit.credit_code), region=str(unit.region),
        city=unit.city, industries=tuple(unit.industries), score=score,
        agency=agency.name if agency is not None else None,
        agency_credit_code=str(agency.credit_code) if agency is not None else None)
