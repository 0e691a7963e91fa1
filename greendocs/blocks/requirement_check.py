"""Pass/fail requirements as the reports check them: a basic requirement met or not, with
its evidence, and the 符合/不符合 a result block ticks."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..model import field_specs as f
from ..types.labelled_enum import LabelledEnum

if TYPE_CHECKING:  # the layout's elements: imported where the rows are made (a
    # render from a shipped template needs none)
    from ..layout.elements import Table


@attrs.frozen(kw_only=True)
class BasicRequirementCheck:
    """A basic requirement as checked: met or not (a veto), and where the evidence is."""

    id: str = f.text("编号", max_length=20)
    met: bool = f.typed(bool, "是否符合")
    evidence: str | None = f.optional_text("证明材料索引", max_length=500)


class Conformity(LabelledEnum):
    """符合 / 不符合, as a result block ticks it."""

    MET = ("met", "符合")
    NOT_MET = ("not_met", "不符合")

    @classmethod
    def of(cls, met: bool) -> Conformity:
        """符合 when *met*."""
        return cls.MET if met else cls.NOT_MET


def basic_requirements_table(field: str = "basic_requirements") -> Table:
    """The table of a report's basic-requirement checks at *field*; the requirement texts
    come from the template context's ``basic_texts`` (the form's data file), by id."""
    from ..layout.elements import LoopRow, Row, Table

    return Table((14.0, 96.0, 18.0, 28.0), (
        Row(("编号", "基本要求", "是否符合", "证明材料索引")),
        LoopRow("b", field, ("{{ b.id }}", "{{ basic_texts[b.id] }}", "{{ b.met }}",
                             "{{ b.evidence }}")),
    ), header_rows=1)
