"""The industrial park block: a park's level and type, its management body, and the park
as the park forms (Attachments 4 and 8) identify it — by name and region, since a park has
no credit code of its own (its management body may: 事业单位 and 机关 codes start with 1)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ..model import field_specs as f
from ..types.contact import Phone
from ..types.credit_code import CreditCode
from ..types.labelled_enum import LabelledEnum
from ..types.names import normalise_name
from ..types.region import Region

if TYPE_CHECKING:  # the layout's elements: imported where the rows are made (a
    # render from a shipped template needs none)
    from ..layout.elements import Row


class ParkLevel(LabelledEnum):
    """The level of an industrial park (parks must be provincial level or above)."""

    NATIONAL = ("national", "国家级")
    PROVINCIAL = ("provincial", "省级")


class ParkType(LabelledEnum):
    """园区类型, as the provincial forms list them."""

    ECONOMIC_TECHNOLOGICAL = ("economic_technological", "经济技术开发区")
    HIGH_TECH = ("high_tech", "高新技术产业开发区")
    BONDED = ("bonded", "保税区")
    BORDER_COOPERATION = ("border_cooperation", "边境经济合作区")
    EXPORT_PROCESSING = ("export_processing", "出口加工区")
    BONDED_PORT = ("bonded_port", "保税港区")
    NEW_AREA = ("new_area", "新区")
    FREE_TRADE = ("free_trade", "自贸区")
    PROVINCIAL_DEVELOPMENT = ("provincial_development", "省级开发区")
    OTHER = ("other", "其他")


@attrs.frozen(kw_only=True)
class ManagementBody:
    """The park's unified management body (管委会 or the like)."""

    name: str = f.text("管理机构名称", max_length=100)
    credit_code: CreditCode | None = f.typed(CreditCode, "管理机构统一社会信用代码",
                                             optional=True)


@attrs.frozen(kw_only=True)
class Park:
    """An industrial park as the park forms name it."""

    name: str = f.text("园区名称", max_length=100)
    level: ParkLevel = f.typed(ParkLevel, "园区级别")
    park_type: ParkType = f.typed(ParkType, "园区类型")
    region: Region = f.typed(Region, "所在地区")
    city: str = f.text("所在地市", max_length=50)
    address: str = f.text("通讯地址", max_length=200)
    management: ManagementBody = f.typed(ManagementBody, "管理机构")
    head: str = f.text("园区负责人", max_length=30)
    head_title: str | None = f.optional_text("负责人职务", max_length=30, single_line=True)
    head_phone: Phone = f.typed(Phone, "负责人电话")
    planned_area: Decimal = f.amount("规划面积（平方公里）", "km²", optional=False)
    leading_industries: tuple[str, ...] = f.items("主导产业", min_items=1, max_items=10)

    @property
    def key(self) -> str:
        """What identifies the park across forms: its normalised name and region."""
        return f"{normalise_name(self.name)}|{self.region}"


def park_rows(prefix: str = "park") -> tuple[Row, ...]:
    """Rows of a four-column table for a :class:`Park` at *prefix*."""
    from ..layout.elements import ListCell, Row, labels

    pl = labels(Park)
    ml = labels(ManagementBody)
    return (
        Row((pl["name"], f"{{{{ {prefix}.name }}}}", None, None)),
        Row((pl["level"], f"{{{{ {prefix}.level }}}}", pl["park_type"],
             f"{{{{ {prefix}.park_type }}}}")),
        Row((pl["region"], f"{{{{ {prefix}.region }}}}", pl["city"], f"{{{{ {prefix}.city }}}}")),
        Row((pl["address"], f"{{{{ {prefix}.address }}}}", None, None)),
        Row((ml["name"], f"{{{{ {prefix}.management.name }}}}", None, None)),
        Row((ml["credit_code"], f"{{{{ {prefix}.management.credit_code }}}}", None, None)),
        Row((pl["head"], f"{{{{ {prefix}.head }}}}", pl["head_title"],
             f"{{{{ {prefix}.head_title }}}}")),
        Row((pl["head_phone"], f"{{{{ {prefix}.head_phone }}}}", pl["planned_area"],
             f"{{{{ {prefix}.planned_area }}}}")),
        Row((pl["leading_industries"],
             ListCell("i", f"{prefix}.leading_industries", "{{ i }}"), None, None)),
    )
