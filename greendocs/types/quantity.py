"""Quantities on the forms: decimal amounts with units that refuse nonsense values."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from ..errors import FieldValueError

#: Units the forms use, by canonical spelling, with the kind of quantity each measures.
BASE_UNITS: dict[str, str] = {
    "%": "share",
    "tce": "energy", "kgce": "energy", "万tce": "energy", "kWh": "energy", "万kWh": "energy",
    "GJ": "energy", "MJ": "energy",
    "t": "mass", "kg": "mass", "万t": "mass", "tCO2": "mass", "tCO2e": "mass",
    "kgCO2": "mass", "kgCO2e": "mass", "g": "mass", "mg": "mass",
    "kgSO2e": "mass", "kgPO4e": "mass", "kgNe": "mass", "kgSbe": "mass", "kgCFC-11e": "mass",
    "m³": "volume", "万m³": "volume", "L": "volume", "Nm³": "volume",
    "元": "money", "万元": "money", "亿元": "money",
    "台": "count", "件": "count", "套": "count", "辆": "count", "个": "count", "只": "count",
    "万台": "count", "万件": "count", "万套": "count", "万辆": "count", "万只": "count",
    "箱": "count", "瓶": "count", "袋": "count", "万箱": "count", "万瓶": "count", "万袋": "count",
    "人": "count", "家": "count", "项": "count", "次": "count",
    "m²": "area", "km²": "area", "亩": "area", "公顷": "area",
    "dB(A)": "level", "分": "score",
}
_ALIASES = {
    "m3": "m³", "立方米": "m³", "吨": "t", "千克": "kg", "公斤": "kg", "吨标准煤": "tce",
    "吨标煤": "tce", "千克标准煤": "kgce", "tco2": "tCO2", "tCO₂": "tCO2", "千瓦时": "kWh",
    "kwh": "kWh", "m2": "m²", "平方米": "m²", "km2": "km²", "万m3": "万m³", "Nm3": "Nm³",
    "％": "%", "dB": "dB(A)", "克": "g",
}


def _canonical_base(text: str) -> str | None:
    text = text.strip()
    if text in BASE_UNITS:
        return text
    return _ALIASES.get(text)


class Unit(str):
    """A unit of measure: a known unit (``tce``, ``万元``, ``%``) or a ratio of two (``kgce/t``).

    Common spellings are accepted and normalised (``m3`` → ``m³``, ``吨`` → ``t``).
    """

    __slots__ = ()

    def __new__(cls, value: str) -> Unit:
        if isinstance(value, Unit):
            return value
        if not isinstance(value, str) or not value.strip():
            raise FieldValueError(f"expected a unit such as 'tce' or 'kgce/t', got {value!r}",
                                  zh=f"应为计量单位（如tce、kgce/t），实为{value!r}")
        parts = value.strip().split("/")
        canonical = [_canonical_base(p) for p in parts]
        if len(parts) > 2 or any(c is None for c in canonical):
            known = ", ".join(list(BASE_UNITS)[:14])
            raise FieldValueError(
                f"{value!r} is not a known unit; use one of {known}, … or a ratio such as "
                "'kgce/t' or 'm³/万元'", zh=f"{value!r}不是可识别的计量单位；应为{known}等，"
                "或如kgce/t、m³/万元的比值单位")
        if len(parts) == 2 and canonical[0] == "%":
            raise FieldValueError(f"{value!r} is not a meaningful unit",
                                  zh=f"{value!r}不是有意义的计量单位")
        return super().__new__(cls, "/".join(c for c in canonical if c))

    @property
    def is_share(self) -> bool:
        """True for ``%``: values are shares of a whole and lie between 0 and 100."""
        return str(self) == "%"


MAX_DIGITS = 15  # a float (xlsx cells) holds 15 significant digits exactly


#: the most digits before the decimal point any figure may have (10^15 yuan is beyond every
#: form; documents print every digit, and read back what they print)
MAX_INTEGER_DIGITS = 15


def to_decimal(value: Any) -> Decimal:
    """A finite Decimal from a number or text such as ``'12,345.6'``; refuses bools and NaN."""
    if isinstance(value, bool):
        raise FieldValueError(f"{value!r} is not a number", zh=f"{value!r}不是数字")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "").replace(" ", "")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise FieldValueError(f"{value!r} is not a number", zh=f"{value!r}不是数字") from None
    else:
        raise FieldValueError(f"{value!r} is not a number", zh=f"{value!r}不是数字")
    if not result.is_finite():
        raise FieldValueError(f"{value!r} is not a finite number", zh=f"{value!r}不是有限数值")
    if result and result.adjusted() >= MAX_INTEGER_DIGITS:
        shown = value if len(str(value)) <= 40 else f"{str(value)[:37]}…"
        raise FieldValueError(f"{shown!r} is too large: a figure on these forms has at most "
                              f"{MAX_INTEGER_DIGITS} digits before the decimal point",
                              zh=f"{shown!r}过大：表中数值的整数部分最多{MAX_INTEGER_DIGITS}位")
    if len(result.as_tuple().digits) > MAX_DIGITS and result != result.to_integral_value():
        raise FieldValueError(f"{value!r} has more than {MAX_DIGITS} significant digits",
                              zh=f"{value!r}的有效数字超过{MAX_DIGITS}位")
    if result == 0:
        result = Decimal(0)  # no '-0' or '0E-8' in documents
    return result


def check_amount(value: Decimal, unit: str | None, *, signed: bool = False) -> None:
    """Raise if *value* is impossible for *unit*: negative amounts, shares above 100 %."""
    if not signed and value < 0:
        shown = f"{value} {unit}" if unit else str(value)
        raise FieldValueError(f"{shown} is negative; this quantity cannot be below zero",
                              zh=f"{shown}为负数；该数值不能小于零")
    if unit == "%" and not -100 <= value <= 100:
        raise FieldValueError(f"{value} % is not a share; a percentage lies between 0 and 100",
                              zh=f"{value}%不是有效比例；百分比应在0至100之间")
    if len(value.as_tuple().digits) > MAX_DIGITS:
        raise FieldValueError(f"{value} has more than {MAX_DIGITS} significant digits",
                              zh=f"{value}的有效数字超过{MAX_DIGITS}位")


def amount_validator(unit: str | None, *, signed: bool = False, optional: bool = True) -> Any:
    """An attrs validator for a Decimal field measured in *unit*."""

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            if not optional:
                raise FieldValueError("is required", attribute.name, zh="必填，但未填写")
            return
        if not isinstance(value, Decimal):
            raise FieldValueError(f"expected a Decimal, got {value!r}", attribute.name,
                                  zh=f"应为数字，实为{value!r}")
        try:
            check_amount(value, unit, signed=signed)
        except FieldValueError as exc:
            raise exc.at(attribute.name) from None

    return validate


def tidy(value: Decimal) -> Decimal:
    """*value* without trailing zeros and never in exponent form (``10.0`` → ``10``)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
