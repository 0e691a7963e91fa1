"""The enterprise block: how the forms identify an enterprise (name, credit code, region,
city, address, industries). Forms subclass it to print their own labels (工厂名称,
所在省份) and add their fields, keeping its field order with
:func:`~greendocs.model.field_specs.in_order_of`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..model import field_specs as f
from ..types.credit_code import CreditCode
from ..types.industry import Industry
from ..types.region import Region

if TYPE_CHECKING:  # the layout's elements: imported where the rows are made (a
    # render from a shipped template needs none)
    from ..layout.elements import Row


@attrs.frozen(kw_only=True)
class Enterprise:
    """An enterprise as the forms identify it."""

    name: str = f.text("企业名称", max_length=100)
    credit_code: CreditCode = f.typed(CreditCode, "统一社会信用代码")
    region: Region = f.typed(Region, "所在地区")
    city: str = f.text("所在地市", max_length=50)
    address: str = f.text("通讯地址", max_length=200)
    industries: tuple[Industry, ...] = f.items("所属行业", min_items=1, max_items=5)


def applicant_rows(prefix: str, model: type) -> tuple[Row, ...]:
    """Rows of a four-column basic-information table for an applicant enterprise at
    *prefix*: an :class:`Enterprise` *model* that adds ``nature``, ``legal_representative``
    and ``legal_representative_phone``."""
    from ..layout.elements import ListCell, Row, labels

    el = labels(model)
    return (
        Row((el["name"], f"{{{{ {prefix}.name }}}}", None, None)),
        Row((el["credit_code"], f"{{{{ {prefix}.credit_code }}}}", el["nature"],
             f"{{{{ {prefix}.nature }}}}")),
        Row((el["region"], f"{{{{ {prefix}.region }}}}", el["city"], f"{{{{ {prefix}.city }}}}")),
        Row((el["address"], f"{{{{ {prefix}.address }}}}", None, None)),
        Row((el["industries"], ListCell("industry", f"{prefix}.industries", "{{ industry }}"),
             None, None)),
        Row((el["legal_representative"], f"{{{{ {prefix}.legal_representative }}}}",
             el["legal_representative_phone"],
             f"{{{{ {prefix}.legal_representative_phone }}}}")),
    )
