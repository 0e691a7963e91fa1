"""Attachment 1: the provincial summary table of recommendations."""

from __future__ import annotations

from ...blocks.park import ParkLevel
from ...registry import FormSpec, XlsxCodec, on_first_use
from .model import ParkRow, ProductRow, SummaryTable, UnitRow
from .rules import PARK_QUOTA, check_summary
from .workbook import is_summary_workbook, read_summary_xlsx, write_summary_xlsx

SPEC = FormSpec(
    id="summary", attachment="1", title_zh="省级工业和信息化主管部门推荐汇总表",
    title_en="Provincial recommendation summary table",
    model=SummaryTable,
    rules=check_summary, layout=on_first_use(f"{__name__}.layout:build_layout"),
    xlsx=XlsxCodec(write_summary_xlsx, read_summary_xlsx, is_summary_workbook))

__all__ = ["PARK_QUOTA", "SPEC", "ParkLevel", "ParkRow", "ProductRow", "SummaryTable",
           "UnitRow", "check_summary", "read_summary_xlsx", "write_summary_xlsx"]
