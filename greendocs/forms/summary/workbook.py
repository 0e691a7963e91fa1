"""Attachment 1 as a workbook: a sheet per category (header row, validation lists, A4
landscape with the header repeated), a sheet for the department's details; and back,
accepting the header spellings provinces use."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ...blocks.park import ParkLevel
from ...engines.xlsx.cells import append_data
from ...engines.xlsx.writer import deterministic_xlsx
from ...errors import FieldError, GreenDocsError, ParseError, ValidationError
from ...markers.labels import normalise_label
from ...model.converter import structure, unstructure
from ...model.introspection import field_map
from ...package.safe_zip import read_members
from ...types.labelled_enum import LabelledEnum
from ...types.region import REGIONS
from .model import ParkRow, ProductRow, SummaryTable, UnitRow

#: (model field, sheet title, row class)
SHEETS = (("factories", "绿色工厂", UnitRow), ("products", "绿色设计产品", ProductRow),
          ("parks", "绿色工业园区", ParkRow), ("supply_chains", "绿色供应链管理企业", UnitRow))
INFO_SHEET = "推荐信息"
CATEGORY_HEADER = "类别"
LISTS_SHEET = "_lists"
#: header spellings seen in provincial and published tables, by field name
ALIASES = {
    "name": ("名称", "企业名称", "公司名称", "单位名称", "园区名称", "工厂名称"),
    "region": ("地区", "省市", "省份", "所在地区"),
    "city": ("地市", "所在地市", "城市"),
    "agency": ("第三方评价机构", "第三方机构", "第三方评价机构名称", "评价机构"),
    "industries": ("所属行业", "行业"),
    "credit_code": ("统一社会信用代码", "信用代码"),
}
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")


def _columns(row_cls: type) -> list[tuple[str, str]]:
    return [(name, info.label) for name, info in field_map(row_cls).items()]


def write_summary_xlsx(table: SummaryTable) -> bytes:
    """The .xlsx of Attachment 1 (deterministic bytes)."""
    wb = Workbook()
    info = wb.active
    assert info is not None
    info.title = INFO_SHEET
    data = unstructure(table)
    append_data(info, ("项目", "内容"))
    for name, label in (("province", "推荐地区"), ("batch_year", "批次年度"),
                        ("department", "推荐单位"), ("date", "填报日期")):
        append_data(info, (label, data[name]))
    for name, label in _columns(type(table.contact)):
        append_data(info, (label, data["contact"][name]))
    _style_header(info, (16, 50))
    lists = wb.create_sheet(LISTS_SHEET)
    for i, r in enumerate(REGIONS, 1):
        lists.cell(i, 1, r.name)
    for i, level in enumerate(ParkLevel, 1):
        lists.cell(i, 2, level.label)
    for i, (_, title, _) in enumerate(SHEETS, 1):
        lists.cell(i, 3, title)
    lists.sheet_state = "hidden"
    for field, title, row_cls in SHEETS:
        ws = wb.create_sheet(title)
        cols = _columns(row_cls)
        append_data(ws, ["序号", CATEGORY_HEADER, *(label for _, label in cols)])
        for n, (row, obj) in enumerate(zip(data[field], getattr(table, field),
                                           strict=True), 1):
            append_data(ws, [n, title, *(_cell(row[name], getattr(obj, name))
                                         for name, _ in cols)])
        widths = [6, 18, *(30 if name in ("name", "product_name", "agency", "industries") else
                           22 if name == "credit_code" else 12 for name, _ in cols)]
        _style_header(ws, widths)
        last = max(ws.max_row, 200)
        names = [name for name, _ in cols]
        category = DataValidation(type="list", formula1=f"={LISTS_SHEET}!$C$1:$C$4",
                                  allow_blank=False, showErrorMessage=True, errorTitle="类别",
                                  error="请从四个推荐类别中选择")
        category.add(f"B2:B{last}")
        ws.add_data_validation(category)
        region_col = chr(ord("A") + 2 + names.index("region"))
        dv = DataValidation(type="list", formula1=f"={LISTS_SHEET}!$A$1:$A${len(REGIONS)}",
                            allow_blank=True, showErrorMessage=True,
                            errorTitle="地区", error="请从37个推荐地区中选择")
        dv.add(f"{region_col}2:{region_col}{last}")
        ws.add_data_validation(dv)
        if "level" in names:
            col = chr(ord("A") + 2 + names.index("level"))
            lv = DataValidation(type="list", formula1=f"={LISTS_SHEET}!$B$1:$B$2",
                                allow_blank=True)
            lv.add(f"{col}2:{col}{last}")
            ws.add_data_validation(lv)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = "1:1"
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_xlsx(buf.getvalue())


def _cell(value: Any, typed: Any) -> Any:
    """A cell's value: a choice by its Chinese label (国家级, as the column's list offers),
    industries joined, everything else as plain data."""
    if isinstance(typed, LabelledEnum):
        return typed.label
    return _text_cell(value)


def _text_cell(value: Any) -> Any:
    if isinstance(value, list):
        return "；".join(f"{i['code']} {i['name']}" for i in value)
    return value


def _style_header(ws: Worksheet, widths: Any) -> None:
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.freeze_panes = "A2"
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w


def _field_for(header: Any, row_cls: type) -> str | None:
    if not isinstance(header, str):
        return None
    key = normalise_label(header)
    for name, label in _columns(row_cls):
        if key in (normalise_label(label), *ALIASES.get(name, ())):
            return name
    return None


def read_summary_xlsx(data: bytes, source: str) -> SummaryTable:
    """Attachment 1 read back from its workbook (also one edited by hand)."""
    read_members(data, source)  # size and zip-bomb limits before openpyxl
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise ParseError(f"{source}: not a readable .xlsx workbook ({exc})",
                         zh="不是可读取的.xlsx工作簿") from None
    try:
        if INFO_SHEET not in wb.sheetnames:
            raise ParseError(f"{source}: no sheet {INFO_SHEET!r}; not an Attachment 1 workbook",
                             zh=f"没有“{INFO_SHEET}”工作表；不是附件1汇总表")
        info = {normalise_label(str(r[0])): r[1] for r in
                wb[INFO_SHEET].iter_rows(min_row=2, values_only=True) if r and r[0]}
        contact_labels = _columns(field_map(SummaryTable)["contact"].shape.type)
        plain: dict[str, Any] = {
            "province": info.get("推荐地区"), "batch_year": info.get("批次年度"),
            "department": info.get("推荐单位"), "date": _date(info.get("填报日期")),
            "contact": {name: _text(info.get(normalise_label(label)))
                        for name, label in contact_labels}}
        for field, title, row_cls in SHEETS:
            plain[field] = _rows(wb[title], row_cls, source) if title in wb.sheetnames else []
    finally:
        wb.close()
    return structure(plain, SummaryTable, source=source)


def _rows(ws: Any, row_cls: type, source: str) -> list[dict[str, Any]]:
    rows = ws.iter_rows(values_only=True)
    header = list(next(rows, None) or ())
    fields = [_field_for(h, row_cls) for h in header]
    category_at = header.index(CATEGORY_HEADER) if CATEGORY_HEADER in header else None
    out = []
    for number, values in enumerate(rows, 2):
        if not any(v not in (None, "") for v in values):
            continue
        if category_at is not None and values[category_at] not in (None, ws.title):
            raise ValidationError([FieldError(
                f"{ws.title}!B{number}", f"says {values[category_at]!r}; a row of the "
                f"{ws.title} sheet must be {ws.title!r} (move the row to the right sheet)",
                f"类别写为{values[category_at]!r}；{ws.title}表中的行应为{ws.title!r}"
                "（请将该行移至相应的表）")],
                source)
        row = {f: v for f, v in zip(fields, values, strict=False) if f is not None}
        if "industries" in row:
            row["industries"] = [s.strip() for s in str(row["industries"] or "").split("；")
                                 if s.strip()]
        out.append({k: _text(v) if k not in ("score",) else v for k, v in row.items()})
    return out


def _text(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _date(value: Any) -> Any:
    return value.date().isoformat() if hasattr(value, "date") else value


def is_summary_workbook(data: bytes) -> bool:
    """Whether a workbook has the Attachment 1 sheets (read from its workbook part only)."""
    try:
        wb = read_members(data, "xlsx", ["xl/workbook.xml"]).get("xl/workbook.xml", b"")
    except GreenDocsError:
        return False
    return f'name="{INFO_SHEET}"'.encode() in wb
