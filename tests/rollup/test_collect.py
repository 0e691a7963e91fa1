"""The provincial roll-up: a folder of forms → Attachment 1 and exactly its problems."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import greendocs
from greendocs.cli import main
from greendocs.rollup.collect import AGENCY_QUOTA, summarize
from greendocs.rollup.report import FILES_SHEET, PROBLEMS_SHEET
from greendocs.types.credit_code import check_character
from tests.samples import load_sample

SELF = load_sample("supply-chain-self")
THIRD = load_sample("supply-chain-third-party")


def code(n: int, division: str = "330600") -> str:
    first17 = f"91{division}MA{n:07d}"
    return first17 + check_character(first17)


def enterprise(n: int, region: str = "浙江", division: str = "330600") -> Any:
    return attrs.evolve(SELF.enterprise, name=f"浙江示例{n}号纺织有限公司",
                        credit_code=code(n, division), region=region)


def write(folder: Path, name: str, model: Any, fmt: str = "docx") -> None:
    (folder / f"{name}.{fmt}").write_bytes(greendocs.render(model, fmt))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("forms")
    sub = root / "绍兴"
    sub.mkdir()
    # 16 enterprises of one region, all evaluated by one agency: one over its quota
    for n in range(1, AGENCY_QUOTA + 2):
        e = enterprise(n)
        target = sub if n % 2 else root
        write(target, f"e{n:02d}-self", attrs.evolve(SELF, enterprise=e),
              "xlsx" if n == 3 else "docx")
        write(target, f"e{n:02d}-third", attrs.evolve(THIRD, enterprise=e),
              "odt" if n == 4 else "docx")
    # the same self-evaluation submitted twice
    write(root, "e01-self-again", attrs.evolve(SELF, enterprise=enterprise(1)))
    # a unit of another province, evaluated by another agency
    other = attrs.evolve(THIRD.agency, name="江南评价中心", credit_code=code(99, "320100"))
    js = enterprise(50, "江苏", "320500")
    write(root, "js-self", attrs.evolve(SELF, enterprise=js))
    write(root, "js-third", attrs.evolve(THIRD, enterprise=js, agency=other))
    # a damaged file and an unrelated one
    data = greendocs.render(attrs.evolve(SELF, enterprise=enterprise(60)))
    (root / "damaged.docx").write_bytes(data[: len(data) // 3])
    (root / "会议通知.txt").write_text("请于10月20日前报送。", encoding="utf-8")
    # a dynamic table: read, but not part of Attachment 1
    (root / "dynamic.docx").write_bytes(
        greendocs.render(load_sample("supply-chain-dynamic")))
    return root


def test_folder_gives_the_table_and_exactly_its_problems(folder: Path) -> None:
    result = summarize(folder, province="浙江省", batch_year=2022, workers=2)
    kinds = sorted(p.kind for p in result.problems)
    assert kinds == ["agency-quota", "duplicate", "foreign-region", "unreadable"]
    by_kind = {p.kind: p for p in result.problems}
    assert "华夏绿源评价技术服务有限公司 evaluated 16 units" in by_kind["agency-quota"].message
    assert "e01-self" in by_kind["duplicate"].files and "e01-self-again" in \
        by_kind["duplicate"].files
    assert "江苏省" in by_kind["foreign-region"].message
    assert by_kind["unreadable"].files.endswith("damaged.docx")
    s = result.summary
    assert s.province == "浙江省" and s.batch_year == 2022
    assert len(s.supply_chains) == AGENCY_QUOTA + 1
    assert {r.credit_code for r in s.supply_chains} == {code(n) for n in range(1, 17)}
    row = next(r for r in s.supply_chains if r.credit_code == code(1))
    assert row.agency == "华夏绿源评价技术服务有限公司"
    assert row.score == greendocs.forms().get("supply-chain-third-party").summary_entry(
        THIRD).row["score"]  # type: ignore[misc]


def test_every_file_is_accounted_for(folder: Path) -> None:
    result = summarize(folder, province="浙江省", workers=1)
    all_files = sorted(str(p) for p in folder.rglob("*") if p.is_file())
    assert sorted(f.path for f in result.files) == all_files
    status = {Path(f.path).name: f.status for f in result.files}
    assert status["damaged.docx"] == "failed"
    assert status["会议通知.txt"] == "skipped" and status["dynamic.docx"] == "skipped"
    assert status["e03-self.xlsx"] == status["e04-third.odt"] == "used"


def test_cli_writes_the_workbook_with_problem_and_file_sheets(folder: Path,
                                                              tmp_path: Path) -> None:
    out, docx = tmp_path / "附件1.xlsx", tmp_path / "附件1.docx"
    result = CliRunner().invoke(main, ["summarize", str(folder), "-o", str(out), "--docx",
                                       str(docx), "--province", "浙江", "--year", "2022"])
    assert result.exit_code == 1, result.output  # problems were found and listed
    assert "机构超出项目数 [agency-quota]" in result.stderr
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames[:2] == [PROBLEMS_SHEET, FILES_SHEET]
    problems = list(wb[PROBLEMS_SHEET].iter_rows(min_row=2, values_only=True))
    assert sorted(r[6] for r in problems) == ["agency-quota", "duplicate", "foreign-region",
                                              "unreadable"]
    assert {r[2] for r in problems} == {"错误"}
    messages = {r[6]: r[5] for r in problems}
    assert "请保留一份" in messages["duplicate"]
    assert "不超过15个" in messages["agency-quota"]
    assert "未列入汇总表" in messages["foreign-region"]
    parsed = greendocs.parse_file(out)
    assert parsed.form.id == "summary" and len(parsed.model.supply_chains) == 16
    assert greendocs.parse_file(docx).model == parsed.model


def test_summary_workbook_round_trips() -> None:
    table = load_sample("summary")
    data = greendocs.render(table, "xlsx")
    back = greendocs.parse(data).model
    assert back == table
    assert greendocs.render(back, "xlsx") == data


def test_summary_edited_by_hand_with_other_header_spellings() -> None:
    table = load_sample("summary")
    wb = load_workbook(io.BytesIO(greendocs.render(table, "xlsx")))
    ws = wb["绿色供应链管理企业"]
    renamed = {"名称": "企业名称", "地区": "省份", "第三方评价机构": "第三方机构"}
    for cell in ws[1]:
        cell.value = renamed.get(cell.value, cell.value)
    assert ws.cell(1, 8).value == "得分"
    ws.cell(2, 8).value = 90  # the score, retyped
    buf = io.BytesIO()
    wb.save(buf)
    back = greendocs.parse(buf.getvalue()).model
    assert back.supply_chains[0] == attrs.evolve(table.supply_chains[0], score=Decimal(90))
    assert attrs.evolve(back, supply_chains=table.supply_chains) == table


def test_rules_of_the_summary_itself() -> None:
    table = load_sample("summary")
    park = table.parks[0]
    crowded = attrs.evolve(table, parks=(park,) * 4)
    foreign = attrs.evolve(table, factories=(attrs.evolve(table.factories[0],
                                                          region="江苏"),))
    assert [f.rule for f in greendocs.validate(crowded).findings] == ["park-quota"]
    assert [f.path for f in greendocs.validate(foreign).findings] == ["factories[0].region"]


def test_category_dropdown_and_a_row_on_the_wrong_sheet() -> None:
    table = load_sample("summary")
    wb = load_workbook(io.BytesIO(greendocs.render(table, "xlsx")))
    ws = wb["绿色工厂"]
    assert ws.cell(1, 2).value == "类别" and ws.cell(2, 2).value == "绿色工厂"
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert formulas == {"=_lists!$C$1:$C$4", "=_lists!$A$1:$A$37"}
    ws.cell(2, 2).value = "绿色供应链管理企业"
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(greendocs.ValidationError, match=r"绿色工厂!B2: says '绿色供应链管理企业'"):
        greendocs.parse(buf.getvalue(), source="附件1.xlsx")
