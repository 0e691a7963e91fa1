"""The contact person block: who fills a form for the unit, how to reach them, and the
rows that print it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..model import field_specs as f
from ..types.contact import Email, Phone

if TYPE_CHECKING:  # the layout's elements: imported where the rows are made (a
    # render from a shipped template needs none)
    from ..layout.elements import Row


@attrs.frozen
class ContactPerson:
    """The person who fills a form for the unit, and how to reach them."""

    name: str = f.text("联系人", max_length=30)
    phone: Phone = f.typed(Phone, "联系电话")
    email: Email = f.typed(Email, "电子邮箱")
    department: str | None = f.optional_text("联系部门", max_length=50, single_line=True)
    mobile: Phone | None = f.typed(Phone, "手机", optional=True)
    fax: Phone | None = f.typed(Phone, "传真", optional=True)


def contact_rows(prefix: str = "contact") -> tuple[Row, ...]:
    """Rows of a four-column table for a :class:`ContactPerson` at *prefix*."""
    from ..layout.elements import Row, labels

    cl = labels(ContactPerson)
    return (
        Row((cl["name"], f"{{{{ {prefix}.name }}}}", cl["department"],
             f"{{{{ {prefix}.department }}}}")),
        Row((cl["phone"], f"{{{{ {prefix}.phone }}}}", cl["mobile"],
             f"{{{{ {prefix}.mobile }}}}")),
        Row((cl["email"], f"{{{{ {prefix}.email }}}}", cl["fax"],
             f"{{{{ {prefix}.fax }}}}")),
    )
