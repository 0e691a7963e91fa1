"""Cells greendocs writes are data, never formulas: text that a spreadsheet would take for
a formula (``=HYPERLINK(…)``, an applicant's idea of a unit name) is stored as text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet


def append_data(ws: Worksheet, values: Iterable[Any]) -> None:
    """Append a row to *ws* whose every cell holds its value as data."""
    ws.append(list(values))
    for cell in ws[ws.max_row]:
        if cell.data_type == "f":  # openpyxl takes any text starting with "=" for a formula
            cell.data_type = "s"
