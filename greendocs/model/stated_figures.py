"""A model stating the figures its form computed (a report's total, say)."""

from __future__ import annotations

import copy
from typing import Any, TypeVar

import attrs

M = TypeVar("M")


def stating(model: M, **figures: Any) -> M:
    """*model* with the figures its form computed from it put in their fields: a copy whose
    other values are *model*'s own, not validated again — they were when *model* was made,
    and the form computed the figures from them (``attrs.evolve`` would check every field
    of a report again, a third of a small render's model work)."""
    fields = attrs.fields_dict(type(model))  # type: ignore[arg-type]
    unknown = sorted(set(figures) - set(fields))
    if unknown:
        raise TypeError(f"{type(model).__name__} has no field {', '.join(unknown)}")
    stated = copy.copy(model)
    for name, value in figures.items():
        object.__setattr__(stated, name, value)
    return stated
