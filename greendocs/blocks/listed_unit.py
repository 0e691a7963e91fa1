"""The listed unit block of the dynamic management tables: a unit as the list names it
(name, credit code, region, city, address, industries, listing year and batch)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from ..layout.elements import ListCell, Row, labels
from ..model import field_specs as f
from ..types.credit_code import CreditCode
from ..types.industry import Industry
from ..types.region import Region
from .contact_person import contact_rows


@attrs.frozen(kw_only=True)
class ListedUnit:
    """A unit on the green manufacturing list, as on its listing. Forms subclass it to
    print their own name label (工厂名称, 企业名称) with :func:`in_base_order`."""

    name: str = f.text("单位名称", max_length=100)
    credit_code: CreditCode = f.typed(CreditCode, "统一社会信用代码")
    region: Region = f.typed(Region, "所在地区")
    city: str = f.text("所在地市", max_length=50)
    address: str = f.text("通讯地址", max_length=200)
    industries: tuple[Industry, ...] = f.items("所属行业", min_items=1, max_items=5)
    listed_year: int = f.year("入选年度")
    listed_batch: str | None = f.optional_text("入选批次", max_length=20, single_line=True)


def in_base_order(cls: type, fields: Sequence[attrs.Attribute[Any]]
                  ) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer`` keeping :class:`ListedUnit`'s field order in a
    subclass that redefines a field (attrs would move it to the end)."""
    order = {name: i for i, name in enumerate(attrs.fields_dict(ListedUnit))}

    def position(a: attrs.Attribute[Any]) -> int:
        return order.get(a.name, len(order))

    return sorted(fields, key=position)


def listed_unit_rows(prefix: str, cls: type) -> tuple[Row, ...]:
    """The identity rows of a dynamic table for a listed unit at *prefix* (a model with
    name, credit code, region, city, listing year and batch, industries and address),
    followed by the contact rows."""
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
