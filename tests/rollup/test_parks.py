"""Parks in the roll-up: Attachment 1's park table (level, score, agency), identified by
name and region, and at most three parks per region."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs

import greendocs
from greendocs.rollup.collect import summarize
from tests.samples import load_sample

SELF = load_sample("park-self")
THIRD = load_sample("park-third-party")


def park(n: int) -> object:
    return attrs.evolve(SELF.park, name=f"浙江示例{n}号工业园区")


def test_four_parks_of_one_region_exceed_the_quota(tmp_path: Path) -> None:
    for n in range(1, 5):
        (tmp_path / f"park{n}-self.docx").write_bytes(
            greendocs.render(attrs.evolve(SELF, park=park(n))))
    (tmp_path / "park1-third.odt").write_bytes(
        greendocs.render(attrs.evolve(THIRD, park=park(1)), "odt"))
    result = summarize(tmp_path, province="浙江", batch_year=2022, workers=1)
    rows = result.summary.parks
    assert len(rows) == 4
    first = next(r for r in rows if r.name == "浙江示例1号工业园区")
    assert first.level.label == "省级" and first.score == Decimal("98.25")
    assert first.agency == "华夏绿源（浙江）检测认证有限公司"
    # parks 2-4 came without their third-party report
    assert sorted(p.kind for p in result.problems) == ["park-quota"] + ["unmatched-self"] * 3
    quota = next(p for p in result.problems if p.kind == "park-quota")
    assert "4 parks are recommended (" in quota.message
    assert all(f"浙江示例{n}号工业园区" in quota.message for n in range(1, 5))
    assert "park4-self.docx" in quota.files and "park1-third.odt" in quota.files


def test_the_summary_workbook_prints_the_park_level_in_chinese(tmp_path: Path) -> None:
    import io

    from openpyxl import load_workbook

    (tmp_path / "p.docx").write_bytes(greendocs.render(SELF))
    (tmp_path / "t.docx").write_bytes(greendocs.render(THIRD))
    result = summarize(tmp_path, province="浙江", batch_year=2022, workers=1)
    data = greendocs.render(result.summary, "xlsx")
    ws = load_workbook(io.BytesIO(data))["绿色工业园区"]
    header = [c.value for c in ws[1]]
    assert ws.cell(2, header.index("园区级别") + 1).value == "省级"
    assert greendocs.parse(data).model == result.summary
