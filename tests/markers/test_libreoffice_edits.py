"""The edits a person makes, made in LibreOffice itself (driven over UNO by
``tests/uno_edit.py``) and saved as .docx, .doc and .odt: parse gives the new value, or a
clear problem naming the field and the place — never the old value, never a dropped row or
paragraph."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import attrs
import pytest

import greendocs
from greendocs.markers.bookmark_names import bookmark_name
from tests.markers.test_lean_rows import long_a6
from tests.samples import load_sample

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"
FILTERS = {"docx": "MS Word 2007 XML", "doc": "MS Word 97", "odt": "writer8"}


def _uno_missing() -> str | None:
    if shutil.which("soffice") is None:
        return "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    if probe.returncode != 0:
        return "python3-uno is not installed (apt-get install python3-uno)"
    return None


pytestmark = pytest.mark.skipif(_uno_missing() is not None, reason=_uno_missing() or "")

#: a photo a person inserts in LibreOffice (one of the sample's, as a PNG)
PHOTO = HERE.parent.parent / "out" / "uno-photo.png"
A6 = load_sample("factory-dynamic")
SELF = load_sample("factory-self")
CHAIN = load_sample("supply-chain-self")
LAST = len(A6.indicators) - 1
#: Attachment 6 with 40 key indicators: a long table, its rows lean
LONG = long_a6(40)
STRATEGY = len(CHAIN.practices.strategy)

#: each case: the form's sample, its edits (see tests/uno_edit.py)
CASES: dict[str, tuple[Any, list[dict[str, Any]]]] = {
    "a6-type": (A6, [{"op": "type", "bookmark": bookmark_name("indicators[1].name"),
                      "text": "综合能源消费量（当量值）"}]),
    "a6-insert-row": (A6, [{"op": "insert_row",
                            "bookmark": bookmark_name(f"indicators[{LAST}].name"),
                            "texts": dict(zip("ABCDEFG", (
                                str(LAST + 2), "water_per_unit", "单位产品取水量（冰箱）",
                                "m³/台", "0.052", "0.050", "0.048"), strict=True))}]),
    "a6-paste-row": (A6, [{"op": "paste_row", "bookmark": bookmark_name("indicators[0].name"),
                           "texts": {"C": "工业总产值（不变价）"}}]),
    "a6-delete-row": (A6, [{"op": "delete_row",
                            "bookmark": bookmark_name("indicators[1].name")}]),
    "self-type-one-copy": (SELF, [{"op": "type", "bookmark": bookmark_name("factory.name"),
                                   "nth": 1, "text": "合肥澄源新材料有限公司"}]),
    "self-type-both-copies": (SELF, [
        {"op": "type", "bookmark": bookmark_name("factory.name"), "nth": n,
         "text": "合肥澄源新材料有限公司"} for n in (0, 1)]),
    "self-add-paragraph": (SELF, [{"op": "add_paragraph",
                                   "bookmark": bookmark_name(
                                       f"overview[{len(SELF.overview) - 1}]"),
                                   "text": "公司于2022年建成屋顶分布式光伏电站。"}]),
    "self-add-photo": (SELF, [{"op": "add_image",
                               "bookmark": bookmark_name(
                                   f"creation.management[{len(SELF.creation.management) - 1}]"),
                               "path": str(PHOTO), "caption": "图9　新建的余热回收装置"}]),
    "self-tick-two": (SELF, [{"op": "type", "bookmark": bookmark_name("factory.nature"),
                              "text": "内资（□国有 □集体 ☑民营） ☑中外合资 □外商独资 □其他"}]),
    "chain-type-table-copy": (CHAIN, [{"op": "type",
                                       "bookmark": bookmark_name("enterprise.name"), "nth": 1,
                                       "text": "浙江青禾纺织科技股份有限公司"}]),
    "chain-add-paragraph": (CHAIN, [{"op": "add_paragraph",
                                     "bookmark": bookmark_name("practices.strategy"
                                                               f"[{STRATEGY - 1}]"),
                                     "text": "2022年起将供应商碳排放纳入年度考核。"}]),
    "chain-delete-row": (CHAIN, [{"op": "delete_row",
                                  "bookmark": bookmark_name("assessments[0].id")}]),
    "self-insert-row": (SELF, [{"op": "insert_row", "bookmark": bookmark_name("energy[0].product"),
                                "texts": dict(zip("ABCDEF", (
                                    "2", "电子级盐酸", "单位产品综合能耗", "kgce/t", "21.5",
                                    "能耗限额标准先进值"), strict=True))}]),
    "self-paste-row": (SELF, [{"op": "paste_row",
                               "bookmark": bookmark_name("basic_requirements[0].id"),
                               "texts": {"D": "0-01 营业执照（2022年换发）"}}]),
    "self-delete-row": (SELF, [{"op": "delete_row",
                                "bookmark": bookmark_name("energy[0].product")}]),
    "chain-paste-row": (CHAIN, [{"op": "paste_row",
                                 "bookmark": bookmark_name("assessments[0].id"),
                                 "texts": {"I": "附件1-1 公司发展规划（修订）"}}]),
    "a6-copy-cell": (A6, [{"op": "copy_cell", "bookmark": bookmark_name("indicators[0].unit"),
                           "to": bookmark_name("indicators[1].unit")}]),
    "a6-sub-heading": (A6, [{"op": "insert_row_merge",
                             "bookmark": bookmark_name("indicators[4].name"),
                             "texts": {"A": "以下为排放指标"}, "merge": ["A", "H"]}]),
    "a6-insert-above": (A6, [{"op": "insert_row_above",
                              "bookmark": bookmark_name("indicators[0].name"),
                              "texts": dict(zip("ABCDEFG", ("1", "其他", "新增指标", "t", "1",
                                                            "2", "3"), strict=True))}]),
    "self-decimal": (SELF, [{"op": "backspace_type",
                             "bookmark": bookmark_name("registration.capital"), "n": 5,
                             "text": "15000.5"}]),
    "self-append": (SELF, [{"op": "append_ui", "bookmark": bookmark_name("contact.name"),
                            "text": "等"}]),
    "self-tracked": (SELF, [{"op": "record"},
                            {"op": "type_ui", "bookmark": bookmark_name("contact.email"),
                             "text": "new@example.cn"}]),
    "a6-long": (LONG, [
        {"op": "type", "bookmark": bookmark_name("indicators[1].name"), "down": 19,
         "text": "单位产品取水量（修订）"},
        {"op": "insert_row", "bookmark": bookmark_name("indicators[1].name"), "down": 24,
         "texts": dict(zip("ABCDEFGH", ("", "other", "新增指标", "t", "1", "2", "3", "新增"),
                           strict=True))},
        {"op": "delete_row", "bookmark": bookmark_name("indicators[0].name")}]),
    "a6-long-copy": (LONG, [
        {"op": "copy_cell", "bookmark": bookmark_name("indicators[39].unit"),
         "to": bookmark_name("indicators[1].unit"), "to_down": 2},
        {"op": "copy_cell", "bookmark": bookmark_name("indicators[39].note"),
         "to": bookmark_name("indicators[1].note"), "to_down": 3}]),
    "a6-long-merge": (LONG, [{"op": "merge", "bookmark": bookmark_name("indicators[1].name"),
                              "down": 19, "merge": ["C", "D"]}]),
    "chain-insert-row": (CHAIN, [{"op": "insert_row",
                                  "bookmark": bookmark_name(
                                      f"assessments[{len(CHAIN.assessments) - 1}].id"),
                                  "texts": {"A": "X65", "G": "2", "I": "附件6-5 碳足迹报告"}}]),
}


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every case saved in every format, by one LibreOffice."""
    folder = tmp_path_factory.mktemp("uno")
    PHOTO.parent.mkdir(exist_ok=True)
    PHOTO.write_bytes(_png())
    jobs, out = [], {}
    for case, (model, edits) in CASES.items():
        source = folder / f"{case}.docx"
        source.write_bytes(greendocs.render(model))
        for fmt, filter_name in FILTERS.items():
            target = folder / f"{case}-edited.{fmt}"
            jobs.append({"input": str(source), "output": str(target), "filter": filter_name,
                         "edits": edits})
            out[(case, fmt)] = target
    (folder / "jobs.json").write_text(json.dumps(jobs, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([SYSTEM_PYTHON, "-P", str(HERE.parent / "uno_edit.py"),
                           str(folder / "jobs.json")], capture_output=True, text=True,
                          timeout=600)
    failed = [line for line in proc.stdout.splitlines() if not line.startswith("ok ")]
    assert proc.returncode == 0 and not failed, (failed, proc.stderr[-2000:])
    return out


FORMATS = pytest.mark.parametrize("fmt", sorted(FILTERS))


def _png() -> bytes:
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGB", (400, 250), (200, 210, 220))
    ImageDraw.Draw(img).rectangle((40, 60, 360, 200), fill=(150, 70, 40))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


@FORMATS
def test_a_photo_added_in_a_section_comes_back_as_a_photo(
        edited: dict[tuple[str, str], Path], fmt: str) -> None:
    from greendocs.types.images import check_image
    from greendocs.types.narrative import NarrativeImage

    management = greendocs.parse_file(edited[("self-add-photo", fmt)]).model.creation.management
    assert management[:-1] == SELF.creation.management
    photo = management[-1]
    assert isinstance(photo, NarrativeImage) and photo.caption == "新建的余热回收装置"
    info = check_image(photo.data, "added")
    assert (info.width, info.height) == (400, 250)
    assert photo.width_mm is not None and abs(photo.width_mm - 80) < 1


@FORMATS
def test_a_value_typed_over(edited: dict[tuple[str, str], Path], fmt: str) -> None:
    back = greendocs.parse_file(edited[("a6-type", fmt)]).model
    assert back.indicators[1].name == "综合能源消费量（当量值）"
    assert back.indicators[0] == A6.indicators[0]


@FORMATS
def test_a_row_inserted_and_typed_into(edited: dict[tuple[str, str], Path], fmt: str) -> None:
    back = greendocs.parse_file(edited[("a6-insert-row", fmt)]).model
    assert back.indicators[:-1] == A6.indicators
    added = back.indicators[-1]
    assert (added.code, added.name, str(added.unit)) == ("water_per_unit",
                                                         "单位产品取水量（冰箱）", "m³/台")
    assert [str(v) for _, v in added.values.items] == ["0.052", "0.050", "0.048"]


@FORMATS
def test_rows_inserted_in_the_reports(edited: dict[tuple[str, str], Path], fmt: str) -> None:
    energy = greendocs.parse_file(edited[("self-insert-row", fmt)]).model.energy
    assert energy[0] == SELF.energy[0] and len(energy) == len(SELF.energy) + 1
    assert (energy[1].product, str(energy[1].value)) == ("电子级盐酸", "21.5")
    parsed = greendocs.parse_file(edited[("chain-insert-row", fmt)])
    assert parsed.model.assessments[:-1] == CHAIN.assessments
    added = parsed.model.assessments[-1]
    assert (added.id, str(added.score), added.evidence) == ("X65", "2", "附件6-5 碳足迹报告")
    assert not greendocs.validate(parsed.model).ok  # X65 is no indicator: the rules say so


@FORMATS
def test_a_row_copied_and_pasted(edited: dict[tuple[str, str], Path], fmt: str) -> None:
    # the original row keeps its values; the pasted one (below it) has its own
    back = greendocs.parse_file(edited[("a6-paste-row", fmt)]).model.indicators
    assert back == (A6.indicators[0], attrs.evolve(A6.indicators[0], name="工业总产值（不变价）"),
                    *A6.indicators[1:])
    basic = greendocs.parse_file(edited[("self-paste-row", fmt)]).model.basic_requirements
    first = SELF.basic_requirements[0]
    assert basic == (first, attrs.evolve(first, evidence="0-01 营业执照（2022年换发）"),
                     *SELF.basic_requirements[1:])
    chain = greendocs.parse_file(edited[("chain-paste-row", fmt)]).model.assessments
    lead = CHAIN.assessments[0]
    assert chain == (lead, attrs.evolve(lead, evidence="附件1-1 公司发展规划（修订）"),
                     *CHAIN.assessments[1:])


@FORMATS
def test_a_row_deleted(edited: dict[tuple[str, str], Path], fmt: str) -> None:
    back = greendocs.parse_file(edited[("a6-delete-row", fmt)]).model
    assert back.indicators == (A6.indicators[0], *A6.indicators[2:])
    chain = greendocs.parse_file(edited[("chain-delete-row", fmt)]).model
    assert chain.assessments == CHAIN.assessments[1:]
    energy = greendocs.parse_file(edited[("self-delete-row", fmt)]).model.energy
    assert energy == SELF.energy[1:]


@FORMATS
def test_a_long_table_s_lean_rows_typed_over_inserted_and_its_first_deleted(
        edited: dict[tuple[str, str], Path], fmt: str) -> None:
    back = greendocs.parse_file(edited[("a6-long", fmt)]).model.indicators
    rows = list(LONG.indicators)
    rows[20] = attrs.evolve(rows[20], name="单位产品取水量（修订）")
    added = back[25]  # below item 25, the first row deleted
    assert (added.code, added.name, str(added.unit), added.note) == (rows[30].code, "新增指标",
                                                                     "t", "新增")
    assert [str(v) for _, v in added.values.items] == ["1", "2", "3"]
    assert back[:25] + back[26:] == tuple(rows[1:])


@FORMATS
def test_cells_copied_into_a_long_table_s_unmarked_rows_leave_every_row_read(
        edited: dict[tuple[str, str], Path], fmt: str) -> None:
    back = greendocs.parse_file(edited[("a6-long-copy", fmt)]).model.indicators
    rows = list(LONG.indicators)
    rows[3] = attrs.evolve(rows[3], unit=rows[39].unit)
    rows[4] = attrs.evolve(rows[4], note=rows[39].note)
    assert back == tuple(rows)
    merged = greendocs.parse_file(edited[("a6-long-merge", fmt)])  # name and unit, one cell
    assert merged.model.indicators == LONG.indicators


@FORMATS
def test_one_copy_of_a_doubled_value_typed_over_is_a_conflict(
        edited: dict[tuple[str, str], Path], fmt: str) -> None:
    for case, path, old, new in (
            ("self-type-one-copy", "factory.name", SELF.factory.name, "合肥澄源新材料有限公司"),
            ("chain-type-table-copy", "enterprise.name", CHAIN.enterprise.name,
             "浙江青禾纺织科技股份有限公司")):
        with pytest.raises(greendocs.ValidationError) as info:
            greendocs.parse_file(edited[(case, fmt)])
        message = str(info.value)
        assert path in message and "2 places" in message and old in message and new in message
        assert "table" in message and "paragraph" in message
        last = greendocs.parse_file(edited[(case, fmt)], prefer="last")
        assert attrs.asdict(last.model)[path.split(".")[0]]["name"] == new
        assert any(path in note for note in last.notes)
    both = greendocs.parse_file(edited[("self-type-both-copies", fmt)]).model
    assert both.factory.name == "合肥澄源新材料有限公司"


@FORMATS
def test_a_paragraph_added_to_a_section(edited: dict[tuple[str, str], Path],
                                        fmt: str) -> None:
    back = greendocs.parse_file(edited[("self-add-paragraph", fmt)]).model
    assert back.overview == (*SELF.overview, "公司于2022年建成屋顶分布式光伏电站。")
    chain = greendocs.parse_file(edited[("chain-add-paragraph", fmt)]).model
    assert chain.practices.strategy == (*CHAIN.practices.strategy,
                                        "2022年起将供应商碳排放纳入年度考核。")


@FORMATS
def test_two_boxes_ticked_is_said_so(edited: dict[tuple[str, str], Path], fmt: str) -> None:
    with pytest.raises(greendocs.ValidationError) as info:
        greendocs.parse_file(edited[("self-tick-two", fmt)])
    assert "factory.nature: 2 boxes are ticked (民营、中外合资); tick only one" in str(info.value)
    assert "勾选了2项" in info.value.message_zh


@FORMATS
def test_a_cell_copied_and_a_sub_heading_added_keep_every_row(
        edited: dict[tuple[str, str], Path], fmt: str) -> None:
    copied = greendocs.parse_file(edited[("a6-copy-cell", fmt)])
    assert copied.model.indicators == (A6.indicators[0],
                                       attrs.evolve(A6.indicators[1],
                                                    unit=A6.indicators[0].unit),
                                       *A6.indicators[2:])
    headed = greendocs.parse_file(edited[("a6-sub-heading", fmt)])
    assert headed.model.indicators == A6.indicators  # every row after it read too
    assert any("以下为排放指标" in note for note in headed.notes)


@FORMATS
def test_a_row_inserted_above_the_first(edited: dict[tuple[str, str], Path], fmt: str) -> None:
    back = greendocs.parse_file(edited[("a6-insert-above", fmt)]).model.indicators
    assert back[1:] == A6.indicators
    assert (back[0].name, [str(v) for _, v in back[0].values.items]) == ("新增指标",
                                                                        ["1", "2", "3"])


@FORMATS
def test_what_is_typed_at_a_value_s_end_or_with_changes_tracked(
        edited: dict[tuple[str, str], Path], fmt: str) -> None:
    capital = greendocs.parse_file(edited[("self-decimal", fmt)]).model.registration.capital
    assert str(capital) == "15000.5"
    name = greendocs.parse_file(edited[("self-append", fmt)]).model.contact.name
    assert name == SELF.contact.name + "等"
    email = greendocs.parse_file(edited[("self-tracked", fmt)]).model.contact.email
    assert email == "new@example.cn"
