"""The listed unit block of the dynamic management tables: an enterprise as the list
names it, with its listing year and batch, and the rows that print it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..model import field_specs as f
from .contact_person import contact_rows
from .enterprise import Enterprise

if TYPE_CHECKING:  # the layout's elements: imported where the rows are made (a
    # render from a shipped template needs none)
    from ..layout.elements import Row


@attrs.frozen(kw_only=True)
class ListedUnit(Enterprise):
    """A unit on the green manufacturing list, as on its listing."""

    listed_year: int = f.year("入选年度")
    listed_batch: str | None = f.optional_text("入选批次", max_length=20, single_line=True)


def listed_unit_rows(prefix: str, cls: type) -> tuple[Row, ...]:
    """The identity rows of a dynamic table for a listed unit at *prefix* (a model with
    name, credit code, region, city, listing year and batch, industries and address),
    followed by the contact rows."""
    from ..layout.elements import ListCell, Row, labels

    ul = labels(cls)
    return (
        Row((ul["name"], f"{{{{ {prefix}.name }}}}", None, None)),
        Row((ul["credit_code"], f"{{{{ {prefix}.credit_code }}}}", ul["region"],
             f"{{{{ {prefix}.region }}}}")),
        Row((ul["city"], f"{{{{ {prefix}.city }}}}", ul["listed_year"],
             f"{{{{ {prefix}.listed_year }}}}")),
        Row((ul["listed_batch"], f"{{{{ {prefix}.listed_batch }}}}", ul["industries"],
             ListCell("industry", f"{prefix}.industries", "{{ industry }}"))),
        Row((ul["address"], f"{{{{ {prefix}.address }}}}", None, None)),
        *contact_rows(),
    )
