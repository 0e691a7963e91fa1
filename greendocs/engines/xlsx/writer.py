"""Writing a form as an .xlsx sheet: one header row, one typed row per value.

Column D holds each value's field path: it is the marker the reader relies on, so rows
may be re-ordered, re-styled or edited in Excel, WPS or LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from ...errors import OutputError
from ...markers.bookmark_names import FORM_PATTERN
from ...model.flat_data import iter_leaves
from ...model.value_text import format_value
from ...package.safe_zip import read_members
from ...package.zip_writer import ZipMember, build_zip
from ...registry import FormSpec, SheetNotes
from ...types.labelled_enum import LabelledEnum
from .spreadsheet_ml import CellStyle, CellValue, SheetWriter, Validation

HEADER = ("项目", "内容", "单位", "字段", "说明")
#: the most characters a spreadsheet cell holds (Excel's limit)
MAX_CELL_CHARS = 32_767
#: the widths of the columns, in characters
_WIDTHS = (48, 40, 12, 36, 48)
#: the times openpyxl stamps into core.xml (a workbook made now is "created" now, too)
_STAMPED = re.compile(rb"<dcterms:(created|modified)([^>]*)>[^<]*</dcterms:\1>")
_PLAIN, _NOTE = CellStyle(), CellStyle(note=True)
_STYLES = (_PLAIN, _PLAIN, _PLAIN, _NOTE, _PLAIN)
_WRAPPED = tuple(s.but(wrap=True) for s in _STYLES)
_YES_NO = Validation("list", '"是,否"')


def _lines(text: str, width: int) -> int:
    """The lines *text* takes in a wrapped cell *width* characters wide (a Chinese
    character is two)."""
    return sum(max(1, -(-sum(2 if ord(ch) > 0x2E80 else 1 for ch in line) // width))
               for line in text.split("\n"))


def _cell_value(value: Any) -> CellValue:
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        # no number format ("General"): a figure shows as typed, decimals and all (a
        # fixed format shows a 7.5 typed over an 8 as 8)
        as_int = int(value) if value == value.to_integral_value() else None
        if as_int is not None and abs(as_int) < 2**53:
            return as_int
        return float(value)
    if isinstance(value, (int, dt.date)):
        return value  # a date is shown as yyyy-mm-dd
    if isinstance(value, LabelledEnum):
        return value.label
    return format_value(value)


def render_xlsx(spec: FormSpec, model: Any) -> bytes:
    """The .xlsx bytes of *model* (deterministic: fixed times and zip order)."""
    sheet = SheetWriter(spec.title_zh, _WIDTHS, hidden="D")
    # the field paths (column D) are for reading the workbook back, not for people: hidden,
    # in small grey type
    header = CellStyle(bold=True, fill="DDEBF7", center=True)
    sheet.row(HEADER, [header, header, header, header.but(bold=False, note=True), header])
    sheet.row((f"附件{spec.attachment} {spec.title_zh}", spec.id, None, FORM_PATTERN),
              _STYLES)
    extras = spec.sheet_notes(model) if spec.sheet_notes else SheetNotes()
    checks: dict[Decimal, Validation] = {}
    for leaf in iter_leaves(model):
        value = _cell_value(leaf.value)
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise OutputError(
                f"{leaf.path}: {len(value):,} characters do not fit in a spreadsheet cell "
                f"(at most {MAX_CELL_CHARS:,}); render this report as .docx or .odt, or split "
                "the text or table", zh=f"{leaf.path}：{len(value):,}个字符超出电子表格单元格上限"
                f"（{MAX_CELL_CHARS:,}）；请生成.docx或.odt，或拆分该文字或表格")
        note = extras.notes.get(leaf.path, "")
        label = " / ".join(leaf.labels)
        texts = (label, value if isinstance(value, str) else "", "", "", note)
        lines = max((_lines(t, w) for t, w in zip(texts, _WIDTHS, strict=True) if t),
                    default=1)
        # wrapped text, and a row tall enough to show it
        row = sheet.row((label, value, leaf.unit, leaf.path, note or None),
                        _WRAPPED if lines > 1 else _STYLES,
                        height=15 * lines if lines > 1 else None)
        if isinstance(leaf.value, bool):
            sheet.check(_YES_NO, f"B{row}")
        maximum = extras.maxima.get(leaf.path)
        if maximum is not None:  # a score: between 0 and the requirement's full points
            check = checks.get(maximum)
            if check is None:
                check = checks[maximum] = Validation(
                    "decimal", "0", str(maximum), "得分超出范围", f"得分应在0至{maximum}之间")
            sheet.check(check, f"B{row}")
    bold = CellStyle(bold=True)
    for label, total in extras.totals:  # computed: for people, not read back (no path)
        sheet.row((label, _cell_value(total)), (bold, bold))
    return sheet.to_bytes(creator="greendocs", title=spec.title_zh)


def deterministic_xlsx(data: bytes) -> bytes:
    """openpyxl stamps the creation and save times into the zip and core.xml; fix them."""
    members = read_members(data, "xlsx")
    out = []
    for name, body in members.items():
        if name == "docProps/core.xml":
            body = _STAMPED.sub(rb"<dcterms:\1\2>2022-09-16T00:00:00Z</dcterms:\1>", body)
        out.append(ZipMember.of(name, body))
    return build_zip(out)
