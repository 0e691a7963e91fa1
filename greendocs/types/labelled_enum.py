"""Closed sets of values stored by English value and printed by their Chinese label."""

from __future__ import annotations

import enum


class LabelledEnum(enum.StrEnum):
    """A closed set of values stored by English value and printed by Chinese label."""

    label: str

    def __new__(cls, value: str, label: str) -> LabelledEnum:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    @classmethod
    def label_of(cls, text: object) -> LabelledEnum | None:
        """The member whose Chinese label is *text*, if any."""
        return next((m for m in cls if m.label == text), None)
