"""Dates as Chinese forms write them (``2022年9月16日``) and as ISO dates (``2022-09-16``)."""

from __future__ import annotations

import datetime as dt
import re

from ..errors import FieldValueError

_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$"),
    re.compile(r"^(\d{4})[./](\d{1,2})[./](\d{1,2})$"),
)


def parse_date(value: object) -> dt.date:
    """A date from a ``date``, ``'2022-09-16'``, ``'2022年9月16日'`` or ``'2022/9/16'``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for pattern in _PATTERNS:
            m = pattern.match(text)
            if m:
                try:
                    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError as exc:
                    raise FieldValueError(f"{value!r} is not a real date ({exc})",
                                          zh=f"{value!r}不是有效日期") from None
    raise FieldValueError(f"{value!r} is not a date; write 2022-09-16 or 2022年9月16日",
                          zh=f"{value!r}不是日期；应写作2022-09-16或2022年9月16日")


def format_date(value: dt.date) -> str:
    """The form's way of writing a date: ``2022年9月16日``."""
    return f"{value.year}年{value.month}月{value.day}日"


def parse_year(value: object) -> int:
    """A calendar year between 2000 and 2100 from an int or text such as ``'2021'``/``'2021年'``."""
    if isinstance(value, bool):
        raise FieldValueError(f"{value!r} is not a year", zh=f"{value!r}不是年份")
    if isinstance(value, str):
        text = value.strip().removesuffix("年").strip()
        if not text.isdigit():
            raise FieldValueError(f"{value!r} is not a year; write it as 2021",
                                  zh=f"{value!r}不是年份；应写作2021")
        value = int(text)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int):
        raise FieldValueError(f"{value!r} is not a year; write it as 2021",
                              zh=f"{value!r}不是年份；应写作2021")
    if not 2000 <= value <= 2100:
        raise FieldValueError(f"{value} is outside the years the forms cover (2000-2100)",
                              zh=f"{value}年不在表单适用的年份（2000-2100）之内")
    return value
