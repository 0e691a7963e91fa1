"""The form kit: everything a form package needs, in one import.

A form is one package — its model, its layout, its rules and its files named by the form
id (``<id>.yaml``, the sample; ``<id>.docx``, a template, optional) — that declares a
:class:`FormSpec` and registers it under the ``greendocs.forms`` entry points. See
``docs/adding-a-form.md`` for the steps and a complete example::

    from greendocs import kit

    @attrs.frozen(kw_only=True)
    class MyForm:
        enterprise: kit.Enterprise = kit.typed(kit.Enterprise, "申报企业")
        report_date: datetime.date = kit.date("填报日期")
"""

from __future__ import annotations

from .blocks.agency import EvaluationAgency, agency_rows
from .blocks.change_declaration import Changes, changes_section
from .blocks.contact_person import ContactPerson, contact_rows
from .blocks.enterprise import Enterprise, applicant_rows
from .blocks.listed_unit import ListedUnit, listed_unit_rows
from .blocks.negative_list import NegativeList, declared_findings, negative_list_section
from .blocks.park import ManagementBody, Park, ParkLevel, ParkType, park_rows
from .blocks.requirement_check import (
    BasicRequirementCheck,
    Conformity,
    basic_requirements_table,
)
from .blocks.unit_nature import TICK_LINE, UnitNature
from .findings import Finding, Severity
from .forms._shared.dynamic_table import (
    YEAR_COLUMNS,
    YEARS_CONTEXT,
    DynamicTable,
    ThreeYears,
    covers_table_years,
    table_head,
    table_order,
    table_tail,
    years_context,
)
from .forms._shared.report import (
    Failure,
    Judgement,
    RowsById,
    conclusion_zh,
    cover,
    evaluation_process,
    instructions,
    narrative_sections,
    pledge,
    report_summary,
    section,
    third_party_front,
)
from .layout.elements import (
    CREDIT_CODE,
    DATE,
    FOUR_COLUMNS,
    INDICATOR_ID,
    MONTH,
    PHONE,
    SCORE,
    Contents,
    Layout,
    ListCell,
    LoopRow,
    Narrative,
    PageBreak,
    Paragraph,
    Paragraphs,
    Row,
    Table,
    four_columns,
    labels,
)
from .model.data_files import shipped, user_file
from .model.field_specs import (
    NarrativeBlocks,
    amount,
    date,
    in_order_of,
    items,
    narrative,
    optional_text,
    paragraphs,
    series,
    series_in,
    text,
    typed,
    year,
)
from .registry import FormSpec, XlsxCodec, on_first_use
from .rollup.entry import Category, Role, SummaryEntry, report_entry
from .types.contact import Email, Phone, Postcode
from .types.credit_code import CreditCode
from .types.industry import Industry
from .types.labelled_enum import LabelledEnum
from .types.narrative import NarrativeImage, NarrativeTable
from .types.quantity import Unit
from .types.region import Region
from .types.year_series import YearSeries

__all__ = [
    "CREDIT_CODE",
    "DATE",
    "FOUR_COLUMNS",
    "INDICATOR_ID",
    "MONTH",
    "PHONE",
    "SCORE",
    "TICK_LINE",
    "YEARS_CONTEXT",
    "YEAR_COLUMNS",
    "BasicRequirementCheck",
    "Category",
    "Changes",
    "Conformity",
    "ContactPerson",
    "Contents",
    "CreditCode",
    "DynamicTable",
    "Email",
    "Enterprise",
    "EvaluationAgency",
    "Failure",
    "Finding",
    "FormSpec",
    "Industry",
    "Judgement",
    "LabelledEnum",
    "Layout",
    "ListCell",
    "ListedUnit",
    "LoopRow",
    "ManagementBody",
    "Narrative",
    "NarrativeBlocks",
    "NarrativeImage",
    "NarrativeTable",
    "NegativeList",
    "PageBreak",
    "Paragraph",
    "Paragraphs",
    "Park",
    "ParkLevel",
    "ParkType",
    "Phone",
    "Postcode",
    "Region",
    "Role",
    "Row",
    "RowsById",
    "Severity",
    "SummaryEntry",
    "Table",
    "ThreeYears",
    "Unit",
    "UnitNature",
    "XlsxCodec",
    "YearSeries",
    "agency_rows",
    "amount",
    "applicant_rows",
    "basic_requirements_table",
    "changes_section",
    "conclusion_zh",
    "contact_rows",
    "cover",
    "covers_table_years",
    "date",
    "declared_findings",
    "evaluation_process",
    "four_columns",
    "in_order_of",
    "instructions",
    "items",
    "labels",
    "listed_unit_rows",
    "narrative",
    "narrative_sections",
    "negative_list_section",
    "on_first_use",
    "optional_text",
    "paragraphs",
    "park_rows",
    "pledge",
    "report_entry",
    "report_summary",
    "section",
    "series",
    "series_in",
    "shipped",
    "table_head",
    "table_order",
    "table_tail",
    "text",
    "third_party_front",
    "typed",
    "user_file",
    "year",
    "years_context",
]
