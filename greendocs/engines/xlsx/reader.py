"""Reading a form's .xlsx sheet back: the field path column says where each value goes."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from ...errors import ParseError
from ...markers.bookmark_names import FORM_PATTERN
from ...package.safe_xml import parse_xml
from ...package.safe_zip import read_members
from .writer import HEADER


def read_xlsx_values(data: bytes, source: str) -> tuple[str | None, dict[str, Any]]:
    """``(form id, {path: cell value})`` from an .xlsx made by greendocs (or edited since)."""
    members = read_members(data, source)  # limits and zip-bomb checks before openpyxl
    for name, body in members.items():
        if name.endswith((".xml", ".rels")):
            parse_xml(body, f"{source}: {name}")  # refuses DTDs and entities
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise ParseError(f"{source}: not a readable .xlsx workbook ({exc})",
                         zh="不是可读取的.xlsx工作簿") from None
    form_id: str | None = None
    values: dict[str, Any] = {}
    try:
        for ws in wb.worksheets:
            value_col = path_col = None
            for row in ws.iter_rows(values_only=True):
                cells = list(row)
                if path_col is None:
                    if HEADER[3] in cells and HEADER[1] in cells:
                        path_col, value_col = cells.index(HEADER[3]), cells.index(HEADER[1])
                    continue
                assert value_col is not None
                path = cells[path_col] if path_col < len(cells) else None
                if not isinstance(path, str) or not path.strip():
                    continue
                value = cells[value_col] if value_col < len(cells) else None
                if path.strip() == FORM_PATTERN:
                    form_id = str(value) if value is not None else None
                else:
                    values.setdefault(path.strip(), value)
    finally:
        wb.close()
    return form_id, values
