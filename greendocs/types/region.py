"""The 37 units that submit recommendations: 31 provinces, 5 planned cities, the XPCC."""

from __future__ import annotations

from typing import NamedTuple

from ..errors import FieldValueError


class RegionInfo(NamedTuple):
    """One submitting unit: its official name, short name and GB/T 2260 code."""

    name: str
    short_name: str
    code: str | None
    kind: str  # province | planned_city | corps


_PROVINCES = [
    ("北京市", "北京", "110000"), ("天津市", "天津", "120000"), ("河北省", "河北", "130000"),
    ("山西省", "山西", "140000"), ("内蒙古自治区", "内蒙古", "150000"),
    ("辽宁省", "辽宁", "210000"), ("吉林省", "吉林", "220000"), ("黑龙江省", "黑龙江", "230000"),
    ("上海市", "上海", "310000"), ("江苏省", "江苏", "320000"),
    ("浙江省", "浙江", "330000"),
    ("安徽省", "安徽", "340000"), ("福建省", "福建", "350000"), ("江西省", "江西", "360000"),
    ("山东省", "山东", "370000"), ("河南省", "河南", "410000"), ("湖北省", "湖北", "420000"),
    ("湖南省", "湖南", "430000"), ("广东省", "广东", "440000"),
    ("广西壮族自治区", "广西", "450000"), ("海南省", "海南", "460000"),
    ("重庆市", "重庆", "500000"),
    ("四川省", "四川", "510000"), ("贵州省", "贵州", "520000"),
    ("云南省", "云南", "530000"), ("西藏自治区", "西藏", "540000"),
    ("陕西省", "陕西", "610000"), ("甘肃省", "甘肃", "620000"),
    ("青海省", "青海", "630000"), ("宁夏回族自治区", "宁夏", "640000"),
    ("新疆维吾尔自治区", "新疆", "650000"),
]
_PLANNED_CITIES = [
    ("大连市", "大连", "210200"), ("青岛市", "青岛", "370200"), ("宁波市", "宁波", "330200"),
    ("厦门市", "厦门", "350200"), ("深圳市", "深圳", "440300"),
]

REGIONS: tuple[RegionInfo, ...] = (
    *(RegionInfo(n, s, c, "province") for n, s, c in _PROVINCES),
    *(RegionInfo(n, s, c, "planned_city") for n, s, c in _PLANNED_CITIES),
    # The corps has no province code of its own; its cities are coded under 65 (6590xx).
    RegionInfo("新疆生产建设兵团", "新疆兵团", None, "corps"),
)

_EXTRA_ALIASES = {
    "内蒙": "内蒙古自治区",
    "兵团": "新疆生产建设兵团",
    "新疆建设兵团": "新疆生产建设兵团",
    "广西自治区": "广西壮族自治区",
    "宁夏自治区": "宁夏回族自治区",
    "新疆自治区": "新疆维吾尔自治区",
    "西藏": "西藏自治区",
}


def _build_lookup() -> dict[str, RegionInfo]:
    by_name = {r.name: r for r in REGIONS}
    lookup: dict[str, RegionInfo] = {}
    for r in REGIONS:
        lookup[r.name] = lookup[r.short_name] = r
        if r.code:
            lookup[r.code] = r
    for alias, name in _EXTRA_ALIASES.items():
        lookup[alias] = by_name[name]
    return lookup


_LOOKUP = _build_lookup()


class Region(str):
    """A submitting unit, stored by its official name (``广东省``, ``深圳市``,
    ``新疆生产建设兵团``).

    Accepts the official name, the short name (``广东``, ``内蒙``, ``新疆兵团``) or the
    six-digit code (``440000``).
    """

    __slots__ = ()

    def __new__(cls, value: str) -> Region:
        if isinstance(value, Region):
            return value
        if not isinstance(value, str):
            raise FieldValueError(f"expected a region name, got {value!r}",
                                  zh=f"应为地区名称，实为{value!r}")
        info = _LOOKUP.get(value.strip().replace(" ", ""))
        if info is None:
            raise FieldValueError(
                f"{value!r} is not one of the 37 submitting regions "
                "(a province such as '广东省' or '广东', a planned city such as '深圳市', "
                "or '新疆生产建设兵团')", zh=f"{value!r}不是37个推荐地区之一（如“广东省”、"
                "计划单列市“深圳市”或“新疆生产建设兵团”）"
            )
        return super().__new__(cls, info.name)

    @property
    def info(self) -> RegionInfo:
        """Official name, short name, code and kind of this region."""
        return _LOOKUP[str(self)]
