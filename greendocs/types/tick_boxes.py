"""Tick boxes: a closed choice printed the way the official blanks print it
(``内资（□国有 □集体 ☑民营） □中外合资 …``) and read back from what a person ticked.

A person filling the form in Word or WPS may tick with ☑, ■, √ or ✔, or type over the box;
:func:`ticked` accepts all of them.
"""

from __future__ import annotations

import re

from ..errors import FieldValueError
from .labelled_enum import LabelledEnum

CHECKED, UNCHECKED = "☑", "□"
_CHECK_MARKS = "☑☒■√✓✔▣"
_BOX = re.compile(rf"[{_CHECK_MARKS}□☐]\s*")


class TickBoxes:
    """One choice of *member*'s enum drawn as boxes on *line*, a template naming each
    member by value in braces (``"内资（{state_owned} {collective}）"``)."""

    __slots__ = ("line", "member")

    def __init__(self, member: LabelledEnum, line: str) -> None:
        self.member = member
        self.line = line

    def __str__(self) -> str:
        return self.line.format(**{
            m.value: (CHECKED if m is self.member else UNCHECKED) + m.label
            for m in type(self.member)})


def ticked(text: str, kind: type[LabelledEnum]) -> LabelledEnum | None:
    """The single member of *kind* whose label follows a check mark in *text*; None when
    the text has no boxes. :class:`FieldValueError` when none or several are ticked."""
    if not _BOX.search(text):
        return None
    found = [m for m in kind
             if re.search(rf"[{_CHECK_MARKS}]\s*{re.escape(m.label)}", text)]
    if len(found) == 1:
        return found[0]
    labels = "、".join(m.label for m in kind)
    if not found:
        raise FieldValueError(f"no box is ticked; tick one of {labels}",
                              zh=f"没有勾选任何一项；请在{labels}中勾选一项")
    both = "、".join(m.label for m in found)
    raise FieldValueError(f"{len(found)} boxes are ticked ({both}); tick only one",
                          zh=f"勾选了{len(found)}项（{both}）；只能勾选一项")
