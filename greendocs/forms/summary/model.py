"""Attachment 1: the provincial summary table of recommendations (省级工业和信息化主管部门
推荐汇总表), one table per category. The 2022 blank was not published; the columns follow
MIIT's published lists (序号, 地区, 名称, 行业, 第三方评价机构; products by standard)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from ...blocks.park import ParkLevel
from ...model import field_specs as f
from ...types.contact import Email, Phone
from ...types.credit_code import CreditCode
from ...types.industry import Industry
from ...types.region import Region


@attrs.frozen(kw_only=True)
class DepartmentContact:
    """The department's contact for the summary (filled in by hand when generated)."""

    name: str | None = f.optional_text("联系人", max_length=30, single_line=True)
    phone: Phone | None = f.typed(Phone, "联系电话", optional=True)
    email: Email | None = f.typed(Email, "电子邮箱", optional=True)
    department: str | None = f.optional_text("联系部门", max_length=50, single_line=True)
    mobile: Phone | None = f.typed(Phone, "手机", optional=True)
    fax: Phone | None = f.typed(Phone, "传真", optional=True)


@attrs.frozen(kw_only=True)
class UnitRow:
    """A recommended factory or supply-chain enterprise."""

    name: str = f.text("名称", max_length=100)
    credit_code: CreditCode = f.typed(CreditCode, "统一社会信用代码")
    region: Region = f.typed(Region, "地区")
    city: str = f.text("地市", max_length=50)
    industries: tuple[Industry, ...] = f.items("所属行业", min_items=1, max_items=5)
    score: Decimal | None = f.amount("得分", None)
    agency: str | None = f.optional_text("第三方评价机构", max_length=100, single_line=True)
    remarks: str | None = f.optional_text("备注", max_length=500)


@attrs.frozen(kw_only=True)
class ProductRow:
    """A recommended green design product."""

    name: str = f.text("企业名称", max_length=100)
    credit_code: CreditCode = f.typed(CreditCode, "统一社会信用代码")
    region: Region = f.typed(Region, "地区")
    city: str = f.text("地市", max_length=50)
    product_name: str = f.text("产品名称", max_length=100)
    product_model: str = f.text("产品型号", max_length=200)
    standard: str = f.text("评价标准", max_length=200)
    remarks: str | None = f.optional_text("备注", max_length=500)


@attrs.frozen(kw_only=True)
class ParkRow:
    """A recommended industrial park (at most three per region)."""

    name: str = f.text("园区名称", max_length=100)
    region: Region = f.typed(Region, "地区")
    city: str = f.text("地市", max_length=50)
    level: ParkLevel = f.typed(ParkLevel, "园区级别")
    score: Decimal | None = f.amount("得分", None)
    agency: str | None = f.optional_text("第三方评价机构", max_length=100, single_line=True)
    remarks: str | None = f.optional_text("备注", max_length=500)


@attrs.frozen(kw_only=True)
class SummaryTable:
    """Attachment 1 for one province and batch."""

    province: Region = f.typed(Region, "推荐地区")
    batch_year: int = f.year("批次年度")
    department: str = f.text("推荐单位", max_length=100)
    contact: DepartmentContact = attrs.field(
        factory=DepartmentContact, validator=attrs.validators.instance_of(DepartmentContact),
        metadata={"label": "联系人信息", "unit": None, "help": None})
    date: dt.date = f.date("填报日期")
    factories: tuple[UnitRow, ...] = f.items("绿色工厂")
    products: tuple[ProductRow, ...] = f.items("绿色设计产品")
    parks: tuple[ParkRow, ...] = f.items("绿色工业园区")
    supply_chains: tuple[UnitRow, ...] = f.items("绿色供应链管理企业")
