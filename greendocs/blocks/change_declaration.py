"""Changes since listing that every dynamic management table declares."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..model import field_specs as f

if TYPE_CHECKING:  # the layout's elements: imported where the rows are made (a
    # render from a shipped template needs none)
    from ..layout.elements import Paragraph, Table


@attrs.frozen
class Changes:
    """Renaming, and changes of production scope, address or organisational boundary."""

    former_name: str | None = f.optional_text("原名称（如有更名）", max_length=100,
                                              single_line=True)
    rename_reason: str | None = f.optional_text("更名原因", max_length=500)
    scope_change: str | None = f.optional_text(
        "生产范围、地址或组织边界变化说明", max_length=2000)


def changes_section(number: str) -> tuple[Paragraph, Table]:
    """The change declaration of a dynamic table, as heading and table."""
    from ..layout.elements import Paragraph, Row, Table, labels

    ch = labels(Changes)
    return (Paragraph(f"{number}、变更情况", "heading"), Table((52.0, 104.0), tuple(
        Row((ch[name], f"{{{{ changes.{name} }}}}")) for name in ch)))
