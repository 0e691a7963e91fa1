"""A real provincial inbox: every file gets exactly the right outcome — a damaged .doc fails
only itself and is named by its own name, spreadsheets and thumbnail caches are not taken
for Word documents, empty forms and lock files are listed — and the problems are the right
ones."""

from __future__ import annotations

import io
import re
from pathlib import Path

import attrs
import openpyxl
import pytest

import greendocs
from greendocs.blocks.negative_list import Declaration
from greendocs.engines.libreoffice import find_soffice
from greendocs.parsing import OLE_MAGIC
from greendocs.rollup.collect import summarize
from greendocs.rollup.report import FILES_SHEET, PROBLEMS_SHEET, write_rollup_xlsx
from greendocs.types.credit_code import check_character
from tests.samples import load_sample

SELF = load_sample("supply-chain-self")
THIRD = load_sample("supply-chain-third-party")


def ole(*streams: str) -> bytes:
    """An OLE compound file's first bytes with the named directory entries."""
    body = b"".join(s.encode("utf-16-le") + b"\x00\x00" + b"\x00" * 60 for s in streams)
    return OLE_MAGIC + b"\x00" * 504 + body + b"\x00" * 1024


def unit(n: int) -> object:
    first17 = f"91330600MA{n:07d}"
    return attrs.evolve(SELF.enterprise, name=f"浙江示例{n}号纺织有限公司",
                        credit_code=first17 + check_character(first17))


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed; .doc "
                    "files are read through it")
def test_the_inbox_gives_each_file_its_outcome(tmp_path: Path) -> None:
    (tmp_path / "u1-self.doc").write_bytes(
        greendocs.render(attrs.evolve(SELF, enterprise=unit(1)), "doc"))
    (tmp_path / "u1-third.docx").write_bytes(
        greendocs.render(attrs.evolve(THIRD, enterprise=unit(1))))
    (tmp_path / "u2-self.docx").write_bytes(
        greendocs.render(attrs.evolve(SELF, enterprise=unit(2))))
    (tmp_path / "damaged.doc").write_bytes(ole("Root Entry", "WordDocument") + b"junk" * 100)
    (tmp_path / "统计表.xls").write_bytes(ole("Root Entry", "Workbook"))
    (tmp_path / "Thumbs.db").write_bytes(ole("Root Entry", "Catalog"))
    (tmp_path / "某公司_绿色工厂自评价报告.docx").write_bytes(b"")
    (tmp_path / "~$u2-self.docx").write_bytes(b"lock")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    # a person typed a name into the phone cell; another report scores over the maximum
    wb = openpyxl.load_workbook(io.BytesIO(greendocs.render(
        attrs.evolve(SELF, enterprise=unit(3)), "xlsx")))
    row = next(r for r in wb.active.iter_rows() if r[3].value == "contact.phone")
    row[1].value = "周雨桐办公室"
    wb.save(tmp_path / "u3-self.xlsx")
    factory = load_sample("factory-self")
    accident = Declaration(present=True, detail="2022年3月发生一般安全生产事故")
    (tmp_path / "u4-self.docx").write_bytes(greendocs.render(attrs.evolve(
        factory, factory=attrs.evolve(factory.factory, region="浙江省", city="绍兴市"),
        negative_list=attrs.evolve(factory.negative_list, accident=accident))))

    result = summarize(tmp_path, workers=1)  # no province given: inferred from the units
    outcome = {Path(f.path).name: (f.status.value, f.kind) for f in result.files}
    assert outcome == {
        "u1-self.doc": ("used", ""), "u1-third.docx": ("used", ""),
        "u2-self.docx": ("used", ""), "damaged.doc": ("failed", "unreadable"),
        "统计表.xls": ("skipped", ""), "Thumbs.db": ("skipped", ""),
        "某公司_绿色工厂自评价报告.docx": ("failed", "unreadable"),
        "~$u2-self.docx": ("skipped", ""), ".DS_Store": ("skipped", ""),
        "u3-self.xlsx": ("failed", "invalid"), "u4-self.docx": ("used", ""),
    }
    reasons = {Path(f.path).name: f.reason for f in result.files}
    assert "damaged.doc" in reasons["damaged.doc"] and "/tmp/greendocs-rollup" not in \
        reasons["damaged.doc"] and "f1.doc" not in reasons["damaged.doc"]
    assert "Excel 97 workbook" in reasons["统计表.xls"]
    assert "not a Word document" in reasons["Thumbs.db"]
    assert "empty (0 bytes)" in reasons["某公司_绿色工厂自评价报告.docx"]
    assert "lock file" in reasons["~$u2-self.docx"] and "hidden" in reasons[".DS_Store"]
    kinds = sorted((p.kind, Path(p.files).name) for p in result.problems)
    assert kinds == [("invalid", "u3-self.xlsx"), ("negative-list", "u4-self.docx"),
                     ("unmatched-self", "u2-self.docx"), ("unmatched-self", "u4-self.docx"),
                     ("unreadable", "damaged.doc"),
                     ("unreadable", "某公司_绿色工厂自评价报告.docx")]
    assert result.summary.province == "浙江省" and len(result.summary.supply_chains) == 2

    # The department's workbook says all of it in Chinese: the problems, where they are,
    # and why each file was used, skipped or failed.
    wb = openpyxl.load_workbook(io.BytesIO(write_rollup_xlsx(result)))
    problems = list(wb[PROBLEMS_SHEET].iter_rows(min_row=2, values_only=True))
    files = list(wb[FILES_SHEET].iter_rows(min_row=2, values_only=True))
    shown = [*(cell for r in problems for cell in (r[1], r[2], r[4], r[5])),
             *(cell for r in files for cell in (r[2], r[3], r[4]))]
    english = [text for text in shown if text and re.search(
        r"[A-Za-z]{3,}", re.sub(r"LibreOffice|OpenDocument|Excel|Word|OLE|XML|docx|xlsx|"
                                r"odt|doc|wps|xls", "", str(text)))]
    assert english == []
    by_file = {(Path(r[3]).name, r[6]): r for r in problems}
    assert "联系人信息／联系电话" in by_file[("u3-self.xlsx", "invalid")][5]
    assert "不是电话号码" in by_file[("u3-self.xlsx", "invalid")][5]
    declared = by_file[("u4-self.docx", "negative-list")]
    assert declared[4] == "负面清单／安全生产事故" or "负面清单" in declared[4]
    assert "不得推荐" in declared[5]
    assert "LibreOffice" in next(r[4] for r in files if r[1].endswith("damaged.doc"))


def test_no_province_and_no_readable_unit_is_refused(tmp_path: Path) -> None:
    (tmp_path / "会议通知.txt").write_text("请于10月20日前报送。", encoding="utf-8")
    with pytest.raises(greendocs.ValidationError, match="none can be inferred"):
        summarize(tmp_path, workers=1)
