"""Writing a form as an .xlsx sheet: one header row, one typed row per value.

Column D holds each value's field path: it is the marker the reader relies on, so rows
may be re-ordered, re-styled or edited in Excel, WPS or LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from ...markers.bookmark_names import FORM_PATTERN
from ...model.flat_data import iter_leaves
from ...model.value_text import format_value
from ...package.safe_zip import read_members
from ...package.zip_writer import ZipMember, build_zip
from ...registry import FormSpec, SheetNotes
from ...types.labelled_enum import LabelledEnum
from .cells import append_data, write_data

HEADER = ("项目", "内容", "单位", "字段", "说明")
#: the widths of the columns, in characters
_WIDTHS = (48, 40, 12, 36, 48)
_FIXED_TIME = dt.datetime(2022, 9, 16)
#: the times openpyxl stamps into core.xml (a workbook made now is "created" now, too)
_STAMPED = re.compile(rb"<dcterms:(created|modified)([^>]*)>[^<]*</dcterms:\1>")


def _lines(text: str, width: int) -> int:
    """The lines *text* takes in a wrapped cell *width* characters wide (a Chinese
    character is two)."""
    return sum(max(1, -(-sum(2 if ord(ch) > 0x2E80 else 1 for ch in line) // width))
               for line in text.split("\n"))


def _cell_value(value: Any) -> tuple[Any, str | None]:
    if value is None:
        return None, None
    if isinstance(value, bool):
        return ("是" if value else "否"), None
    if isinstance(value, Decimal):
        # no number format ("General"): a figure shows as typed, decimals and all (a
        # fixed format shows a 7.5 typed over an 8 as 8)
        as_int = int(value) if value == value.to_integral_value() else None
        if as_int is not None and abs(as_int) < 2**53:
            return as_int, None
        return float(value), None
    if isinstance(value, int):
        return value, None
    if isinstance(value, dt.date):
        return value, "yyyy-mm-dd"
    if isinstance(value, LabelledEnum):
        return value.label, None
    return format_value(value), None


def render_xlsx(spec: FormSpec, model: Any) -> bytes:
    """The .xlsx bytes of *model* (deterministic: fixed times and zip order)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = spec.title_zh[:31]
    append_data(ws, HEADER)
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center")
    append_data(ws, (f"附件{spec.attachment} {spec.title_zh}", spec.id, None, FORM_PATTERN))
    yes_no = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    ws.add_data_validation(yes_no)
    extras = spec.sheet_notes(model) if spec.sheet_notes else SheetNotes()
    ranges: dict[Decimal, DataValidation] = {}
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 2
    for leaf in iter_leaves(model):
        row += 1
        value, fmt = _cell_value(leaf.value)
        texts = [" / ".join(leaf.labels), value if isinstance(value, str) else "",
                 "", "", extras.notes.get(leaf.path, "")]
        write_data(ws, row, (texts[0], value, leaf.unit, leaf.path, texts[4] or None))
        c = ws.cell(row, 2)
        if fmt:
            c.number_format = fmt
        if isinstance(leaf.value, bool):
            yes_no.add(c.coordinate)
        maximum = extras.maxima.get(leaf.path)
        if maximum is not None:  # a score: between 0 and the requirement's full points
            check = ranges.get(maximum)
            if check is None:
                check = ranges[maximum] = DataValidation(
                    type="decimal", operator="between", formula1="0",
                    formula2=str(maximum), allow_blank=True, showErrorMessage=True,
                    errorTitle="得分超出范围", error=f"得分应在0至{maximum}之间")
                ws.add_data_validation(check)
            check.add(c.coordinate)
        lines = max(_lines(str(t), w) for t, w in zip(texts, _WIDTHS, strict=True) if t)
        if lines > 1:  # wrapped text, and a row tall enough to show it
            for column in range(1, len(HEADER) + 1):
                ws.cell(row, column).alignment = wrap
            ws.row_dimensions[row].height = 15 * lines
    for label, total in extras.totals:  # computed: for people, not read back (no path)
        row += 1
        value, fmt = _cell_value(total)
        write_data(ws, row, (label, value))
        for column in (1, 2):
            ws.cell(row, column).font = Font(bold=True)
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDE", _WIDTHS, strict=True):
        ws.column_dimensions[col].width = width
    for cell in ws["D"]:
        cell.font = Font(color="808080", size=9)
    # the field paths are for reading the workbook back, not for people: hidden
    ws.column_dimensions["D"].hidden = True
    ws.print_title_rows = "1:1"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    wb.properties.creator = "greendocs"
    wb.properties.title = spec.title_zh
    wb.properties.created = _FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_xlsx(buf.getvalue())


def deterministic_xlsx(data: bytes) -> bytes:
    """openpyxl stamps the creation and save times into the zip and core.xml; fix them."""
    members = read_members(data, "xlsx")
    out = []
    for name, body in members.items():
        if name == "docProps/core.xml":
            body = _STAMPED.sub(rb"<dcterms:\1\2>2022-09-16T00:00:00Z</dcterms:\1>", body)
        out.append(ZipMember.of(name, body))
    return build_zip(out)
