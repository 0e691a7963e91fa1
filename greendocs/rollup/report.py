"""Writing a roll-up: Attachment 1's workbook with two more sheets — the problems, and
every input file with what became of it."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ..engines.xlsx.writer import deterministic_xlsx
from ..forms.summary import write_summary_xlsx
from .collect import RollupResult

PROBLEMS_SHEET = "问题清单"
FILES_SHEET = "文件清单"
_KINDS = {
    "unreadable": "文件无法读取", "invalid": "字段不合格", "duplicate": "重复申报",
    "foreign-region": "非本地区单位", "park-quota": "园区超出名额",
    "agency-quota": "机构超出项目数",
    "negative-list": "负面清单情形", "unmatched-third-party": "第三方报告无对应自评价报告",
    "province": "推荐地区",
}
_STATUS = {"used": "已采用", "skipped": "已跳过", "failed": "读取失败"}


def kind_label(kind: str) -> str:
    """The Chinese name of a problem kind."""
    return _KINDS.get(kind, kind)


def write_rollup_xlsx(result: RollupResult) -> bytes:
    """Attachment 1 plus the problems and file sheets, as one deterministic workbook."""
    wb = load_workbook(io.BytesIO(write_summary_xlsx(result.summary)))
    problems = wb.create_sheet(PROBLEMS_SHEET, 0)
    problems.append(("序号", "问题类别", "kind", "文件", "字段", "说明"))
    for i, p in enumerate(result.problems, 1):
        problems.append((i, kind_label(p.kind), p.kind, p.files, p.path, p.message))
    files = wb.create_sheet(FILES_SHEET, 1)
    files.append(("序号", "文件", "处理结果", "表单", "原因"))
    for i, f in enumerate(result.files, 1):
        files.append((i, f.path, _STATUS[f.status], f.form, f.reason))
    for ws, widths in ((problems, (6, 18, 16, 40, 24, 80)), (files, (6, 50, 10, 24, 80))):
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="FCE4D6")
        ws.freeze_panes = "A2"
        for i, w in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + i)].width = w
        for row in ws.iter_rows(min_row=2):
            row[-1].alignment = Alignment(wrap_text=True, vertical="top")
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_xlsx(buf.getvalue())
