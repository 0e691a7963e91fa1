"""The last-resort marker: a value found by the label in the table cell to its left."""

from __future__ import annotations

import itertools
from collections.abc import Iterable


def normalise_label(text: str) -> str:
    """A label as compared: no white space, no trailing colon."""
    return "".join(text.split()).rstrip(":：")


def labels_beside(rows: Iterable[list[str]]) -> dict[str, str]:
    """For each cell text of each table row (normalised), the text of the next cell.

    The first occurrence of a label wins.
    """
    out: dict[str, str] = {}
    for cells in rows:
        for label, value in itertools.pairwise(cells):
            key = normalise_label(label)
            if key:
                out.setdefault(key, value)
    return out
