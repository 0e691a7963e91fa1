"""The class list of GB/T 4754-2017 (国民经济行业分类) as reference data: which 4-digit
classes exist and what each is called, with the nearest classes to a wrong one."""

from __future__ import annotations

import difflib
import re

import attrs

from ..errors import FieldError, ValidationError
from ..model.data_files import shipped

#: half-width punctuation a typed name may use where the standard has full-width
_PUNCTUATION = str.maketrans({"(": "（", ")": "）", ",": "，", ";": "；", ":": "："})
_SPACE = re.compile(r"\s+")


def same_name(a: str, b: str) -> bool:
    """Whether two class names are the same, spaces and the width of brackets and commas
    aside."""
    return _normal(a) == _normal(b)


def _normal(name: str) -> str:
    return _SPACE.sub("", name).translate(_PUNCTUATION)


@attrs.frozen
class IndustryClasses:
    """The standard's levels by code: sections (门类, A-T), divisions (大类, 2 digits),
    groups (中类, 3 digits) and classes (小类, 4 digits), each code to its name."""

    source: str
    verified: bool
    edition: str
    sections: dict[str, str]
    divisions: dict[str, str]
    groups: dict[str, str]
    classes: dict[str, str]
    cross_checked_with: str = ""
    notes: str = ""

    def nearest(self, code: str, name: str = "", n: int = 5) -> list[str]:
        """Up to *n* classes (``"2611 无机酸制造"``) near a *code* and *name* that do not go
        together: those called *name* or nearly so, then those of the same group or division."""
        by_name = {_normal(x): c for c, x in self.classes.items()}
        close = difflib.get_close_matches(_normal(name), list(by_name), n=n,
                                          cutoff=0.75) if name else []
        found = [by_name[x] for x in close[:1]]  # the one called so, or nearly
        found += [c for c in self.classes if c.startswith(code[:3])]
        found += [by_name[x] for x in close[1:]]
        found += [c for c in self.classes if c.startswith(code[:2])]
        seen: list[str] = []
        for c in found:
            if c not in seen and c != code:
                seen.append(c)
        return [f"{c} {self.classes[c]}" for c in seen[:n]]


def check_classes(table: IndustryClasses, source: str) -> None:
    """Raise :class:`ValidationError` for codes of the wrong shape and classes whose group
    or division the table lacks."""
    problems: list[FieldError] = []
    for level, size, parent in (("divisions", 2, None), ("groups", 3, "divisions"),
                                ("classes", 4, "groups")):
        codes: dict[str, str] = getattr(table, level)
        parents: dict[str, str] = getattr(table, parent) if parent else {}
        for code in codes:
            if len(code) != size or not code.isdigit():
                problems.append(FieldError(f"{level}.{code}", f"{code!r} is not a "
                                           f"{size}-digit code", f"{code!r}不是{size}位代码"))
            elif parent and code[:-1] not in parents:
                problems.append(FieldError(f"{level}.{code}", f"{code} belongs to "
                                           f"{code[:-1]}, which the table lacks",
                                           f"{code}所属的{code[:-1]}不在表中"))
    if problems:
        raise ValidationError(problems, source)


def industry_classes() -> IndustryClasses:
    """The class list greendocs ships (read once per process)."""
    table = shipped(__package__ or "greendocs.types", "gbt4754-2017.json", IndustryClasses,
                    check_classes)
    assert table is not None, "the class list is part of the package"
    return table
