"""Writing a roll-up: Attachment 1's workbook with two more sheets — the problems, and
every input file with what became of it."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..engines.xlsx.cells import append_data
from ..engines.xlsx.writer import deterministic_xlsx
from ..findings import Severity
from ..forms.summary import write_summary_xlsx
from .collect import RollupResult
from .problems import kind_label

_SEVERITY = {Severity.ERROR: "错误", Severity.WARNING: "提示"}

#: the problem list's columns for other systems (hidden): the kind and the field path
_MACHINE = ("kind", "path")

PROBLEMS_SHEET = "问题清单"
FILES_SHEET = "文件清单"
def write_rollup_xlsx(result: RollupResult) -> bytes:
    """Attachment 1 plus the problems and file sheets, as one deterministic workbook."""
    wb = load_workbook(io.BytesIO(write_summary_xlsx(result.summary)))
    problems = wb.create_sheet(PROBLEMS_SHEET, 0)
    append_data(problems, ("序号", "问题类别", "性质", "文件", "位置", "说明", *_MACHINE))
    for i, p in enumerate(result.problems, 1):
        append_data(problems, (i, kind_label(p.kind), _SEVERITY[p.severity], p.files,
                               p.place, p.message_zh or p.message, p.kind, p.path))
    files = wb.create_sheet(FILES_SHEET, 1)
    append_data(files, ("序号", "文件", "处理结果", "表单", "原因", "form"))
    for i, f in enumerate(result.files, 1):
        append_data(files, (i, f.path, f.status.label, f.form_zh or f.form,
                            f.reason_zh or f.reason, f.form))
    for ws, widths, hidden in ((problems, (6, 18, 8, 40, 24, 80), len(_MACHINE)),
                               (files, (6, 50, 10, 24, 80), 1)):
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="FCE4D6")
        ws.freeze_panes = "A2"
        for i, w in enumerate(widths):
            ws.column_dimensions[get_column_letter(i + 1)].width = w
        for i in range(len(widths), len(widths) + hidden):  # for other systems, not people
            ws.column_dimensions[get_column_letter(i + 1)].hidden = True
        for row in ws.iter_rows(min_row=2):
            for cell in row[len(widths) - 2:len(widths)]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.print_title_rows = "1:1"
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_xlsx(buf.getvalue())
