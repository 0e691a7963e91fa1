"""How a leaf value is written as text in a document, and how such text is read back."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from ..types.dates import format_date
from ..types.industry import Industry
from ..types.labelled_enum import LabelledEnum
from ..types.narrative import Block, NarrativeImage, NarrativeTable, to_markdown
from ..types.text import EMPTY_MARKS
from ..types.tick_boxes import ticked

#: What a form shows where a value is absent.
EMPTY_TEXT = "／"

_YES = frozenset({"是", "有", "yes", "y", "true", "1", "√", "☑", "✓", "✔", "■"})
_NO = frozenset({"否", "无", "没有", "no", "n", "false", "0", "×", "☐", "□", "✗"})


def format_value(value: Any) -> str:
    """The text a document shows for *value*."""
    kind = type(value)
    if kind is Decimal:  # the most common, first
        return format(value, "f")
    if kind is int:
        return str(value)
    if value is None:
        return EMPTY_TEXT
    if isinstance(value, (NarrativeTable, NarrativeImage)):
        return to_markdown(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, LabelledEnum):
        return value.label
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


#: leaves whose text is read as it is (a narrative's blocks are read from their text)
_TEXT_TYPES = (str, Block)


def text_to_data(text: str, leaf_type: Any, optional: bool) -> Any:
    """Plain data (as YAML/JSON would give) for *text* found in a document for a leaf.

    The result still goes through the model's converter, so this only undoes the
    formatting of :func:`format_value`; it does not validate.
    """
    stripped = text.strip()
    if stripped in EMPTY_MARKS and (optional or leaf_type not in _TEXT_TYPES):
        return None
    if leaf_type is bool:
        low = stripped.lower()
        if low in _YES:
            return True
        if low in _NO:
            return False
        return stripped
    if isinstance(leaf_type, type) and issubclass(leaf_type, LabelledEnum):
        choice = ticked(stripped, leaf_type)  # FieldValueError: none or several ticked
        if choice is not None:
            return choice.value
        for member in leaf_type:
            if stripped in (member.label, member.value):
                return member.value
        return stripped
    if leaf_type is Industry:
        return stripped
    return stripped if leaf_type not in _TEXT_TYPES else text.strip()


def cell_to_data(value: Any, leaf_type: Any, optional: bool) -> Any:
    """Plain data for a spreadsheet cell's value (already typed by the spreadsheet)."""
    if value is None:
        return None
    if isinstance(value, str):
        return text_to_data(value, leaf_type, optional)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if leaf_type is int and value.is_integer():
            return int(value)
        return repr(value)
    if isinstance(value, int) and not isinstance(value, bool) and leaf_type is str:
        return str(value)
    return value
