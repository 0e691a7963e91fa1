"""Industry classes of GB/T 4754-2017 (国民经济行业分类): a 4-digit class code and its name."""

from __future__ import annotations

import re
from typing import ClassVar

import attrs

from ..errors import FieldValueError

# Division (2-digit) ranges of GB/T 4754-2017, sections A-T: 01-05, 06-12, 13-43, 44-46,
# 47-50, 51-52, 53-60, 61-62, 63-65, 66-69, 70, 71-72, 73-75, 76-79, 80-82, 83, 84-85,
# 86-90, 91-96, 97.
_VALID_DIVISIONS = frozenset(range(1, 98))
_TEXT = re.compile(r"^\s*([A-Ta-t])?\s*(\d{4})\s*(.*?)\s*$", re.DOTALL)


@attrs.frozen
class Industry:
    """An industry class: ``code`` is the 4-digit GB/T 4754-2017 class, ``name`` its title.

    Written in documents as ``"2611 无机酸制造"``; :meth:`parse` reads that back and
    also accepts a leading section letter (``"C2611 无机酸制造"``).
    """

    code: str
    name: str
    __greendocs_leaf__: ClassVar[bool] = True  # written as one value, not as a record

    def __attrs_post_init__(self) -> None:
        if not (isinstance(self.code, str) and len(self.code) == 4 and self.code.isdigit()):
            raise FieldValueError(
                f"{self.code!r} is not a 4-digit GB/T 4754-2017 class code (e.g. '2611')", "code",
                zh=f"{self.code!r}不是GB/T 4754-2017的4位行业小类代码（如2611）")
        if int(self.code[:2]) not in _VALID_DIVISIONS:
            raise FieldValueError(
                f"{self.code!r} starts with division {self.code[:2]}, which GB/T 4754-2017 "
                "does not have (divisions are 01-97)",
                "code",
                zh=f"{self.code!r}的大类{self.code[:2]}在GB/T 4754-2017中不存在（大类为01-97）",
            )
        if not isinstance(self.name, str) or not self.name.strip():
            raise FieldValueError(f"industry {self.code} needs its name", "name",
                                  zh=f"行业{self.code}缺少类别名称")
        if "\n" in self.name:
            raise FieldValueError(f"{self.name!r} must be a single line", "name",
                                  zh=f"{self.name!r}应为一行")
        self._check_in_standard()

    def _check_in_standard(self) -> None:
        """The class exists in GB/T 4754-2017 and *name* is its name."""
        from .industry_classes import industry_classes, same_name  # the table on first use

        table = industry_classes()
        known = table.classes.get(self.code)
        if known is not None and same_name(known, self.name):
            return
        near = "；".join(table.nearest(self.code, self.name))
        if known is None:
            raise FieldValueError(
                f"{self.code} is not a class of GB/T 4754-2017; the nearest are: {near}",
                "code", zh=f"{self.code}不是GB/T 4754-2017的行业小类；相近的有：{near}")
        raise FieldValueError(
            f"class {self.code} of GB/T 4754-2017 is {known!r}, not {self.name!r}"
            + (f"; classes of that name or nearly: {near}" if near else ""),
            "name", zh=f"GB/T 4754-2017中{self.code}为“{known}”，不是“{self.name}”"
            + (f"；相近的有：{near}" if near else ""))

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @classmethod
    def parse(cls, text: str) -> Industry:
        """Read ``"2611 无机酸制造"`` (the form documents use) into an Industry."""
        m = _TEXT.match(text)
        if not m or not m.group(3):
            raise FieldValueError(
                f"{text!r} is not an industry; write the 4-digit class code and its name, "
                "e.g. '2611 无机酸制造'",
                zh=f"{text!r}不是行业类别；应写4位类别代码和名称，如“2611 无机酸制造”")
        return cls(m.group(2), m.group(3))
