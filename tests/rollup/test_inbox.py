"""A real provincial inbox: every file gets exactly the right outcome — a damaged .doc fails
only itself and is named by its own name, spreadsheets and thumbnail caches are not taken
for Word documents, empty forms and lock files are listed — and the problems are the right
ones."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import greendocs
from greendocs.engines.libreoffice import find_soffice
from greendocs.parsing import OLE_MAGIC
from greendocs.rollup.collect import summarize
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

    result = summarize(tmp_path, workers=1)  # no province given: inferred from the units
    outcome = {Path(f.path).name: (f.status.value, f.kind) for f in result.files}
    assert outcome == {
        "u1-self.doc": ("used", ""), "u1-third.docx": ("used", ""),
        "u2-self.docx": ("used", ""), "damaged.doc": ("failed", "unreadable"),
        "统计表.xls": ("skipped", ""), "Thumbs.db": ("skipped", ""),
        "某公司_绿色工厂自评价报告.docx": ("failed", "unreadable"),
        "~$u2-self.docx": ("skipped", ""), ".DS_Store": ("skipped", ""),
    }
    reasons = {Path(f.path).name: f.reason for f in result.files}
    assert "damaged.doc" in reasons["damaged.doc"] and "/tmp/greendocs-rollup" not in \
        reasons["damaged.doc"] and "f1.doc" not in reasons["damaged.doc"]
    assert "Excel 97 workbook" in reasons["统计表.xls"]
    assert "not a Word document" in reasons["Thumbs.db"]
    assert "empty (0 bytes)" in reasons["某公司_绿色工厂自评价报告.docx"]
    assert "lock file" in reasons["~$u2-self.docx"] and "hidden" in reasons[".DS_Store"]
    kinds = sorted((p.kind, Path(p.files).name) for p in result.problems)
    assert kinds == [("unmatched-self", "u2-self.docx"), ("unreadable", "damaged.doc"),
                     ("unreadable", "某公司_绿色工厂自评价报告.docx")]
    assert result.summary.province == "浙江省" and len(result.summary.supply_chains) == 2


def test_no_province_and_no_readable_unit_is_refused(tmp_path: Path) -> None:
    (tmp_path / "会议通知.txt").write_text("请于10月20日前报送。", encoding="utf-8")
    with pytest.raises(greendocs.ValidationError, match="none can be inferred"):
        summarize(tmp_path, workers=1)
