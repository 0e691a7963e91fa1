"""The dynamic management tables' shared pieces (Attachments 6-9): the sign-off table."""

from __future__ import annotations

from ...layout.elements import FOUR_COLUMNS, Paragraph, Row, Table


def sign_off_section(number: str) -> tuple[Paragraph, Table]:
    """Who filled the table, when, the seal and the local review."""
    return (Paragraph(f"{number}、填报信息", "heading"), Table(FOUR_COLUMNS, (
        Row(("填报人", "{{ filled_by }}", "填报日期", "{{ fill_date }}")),
        Row(("填报单位（盖章）", "", None, None)),
        Row(("地方审核意见", "", None, None)),
    )))
