"""The third-party evaluation agency block shared by the third-party reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..model import field_specs as f
from ..types.contact import Phone
from ..types.credit_code import CreditCode

if TYPE_CHECKING:  # the layout's elements: imported where the rows are made (a
    # render from a shipped template needs none)
    from ..layout.elements import Row


@attrs.frozen
class EvaluationAgency:
    """第三方评价机构: who evaluated, who wrote and who reviewed the report."""

    name: str = f.text("机构名称", max_length=100)
    credit_code: CreditCode = f.typed(CreditCode, "机构统一社会信用代码")
    address: str = f.text("机构地址", max_length=200)
    legal_representative: str = f.text("法定代表人", max_length=30)
    legal_representative_phone: Phone = f.typed(Phone, "法定代表人电话")
    contact: str = f.text("机构联系人", max_length=30)
    contact_phone: Phone = f.typed(Phone, "机构联系人电话")
    report_author: str = f.text("报告编制负责人", max_length=30)
    report_author_phone: Phone = f.typed(Phone, "报告编制负责人电话")
    reviewer: str | None = f.optional_text("报告审核人", max_length=30, single_line=True)
    reviewer_phone: Phone | None = f.typed(Phone, "报告审核人电话", optional=True)


def agency_rows(prefix: str = "agency") -> tuple[Row, ...]:
    """Rows of a four-column table for an :class:`EvaluationAgency` at *prefix*."""
    from ..layout.elements import Row, labels

    al = labels(EvaluationAgency)

    def pair(a: str, b: str | None = None) -> Row:
        if b is None:
            return Row((al[a], f"{{{{ {prefix}.{a} }}}}", None, None))
        return Row((al[a], f"{{{{ {prefix}.{a} }}}}", al[b], f"{{{{ {prefix}.{b} }}}}"))

    return (pair("name"), pair("credit_code"), pair("address"),
            pair("legal_representative", "legal_representative_phone"),
            pair("contact", "contact_phone"), pair("report_author", "report_author_phone"),
            pair("reviewer", "reviewer_phone"))
