"""A narrative in the input: Markdown text or mappings give paragraphs (sub-headings and
list items known by how they begin), tables and photos; what is printed reads back as the
same blocks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from greendocs.errors import FieldValueError
from greendocs.types.narrative import (
    NarrativeImage,
    NarrativeTable,
    bold_markup,
    inline_runs,
    kind,
    parse_blocks,
    to_data,
    to_markdown,
)

TEXT = """（一）能源管理

公司建立了**能源管理体系**，覆盖全部用能单位。
2021年通过认证。

- 空压站改造
* 屋顶光伏 12 MW

表：近三年能源消耗
| 年份 | 综合能耗（tce） |
|---|---|
| 2020 | 12,400 |
| 2021 | 11,900 |

![屋顶光伏电站](photos/pv.jpg){width=12cm}

1. 节能改造"""


def test_markdown_text_gives_its_blocks() -> None:
    blocks = list(parse_blocks(TEXT))
    assert blocks == [
        "（一）能源管理",
        "公司建立了**能源管理体系**，覆盖全部用能单位。\n2021年通过认证。",
        "• 空压站改造", "• 屋顶光伏 12 MW",
        NarrativeTable("近三年能源消耗", ("年份", "综合能耗（tce）"),
                       (("2020", "12,400"), ("2021", "11,900"))),
        NarrativeImage("photos/pv.jpg", "屋顶光伏电站", Decimal(120)),
        "1. 节能改造",
    ]
    assert [kind(b) for b in blocks] == ["heading2", "body", "bullet", "bullet", "table",
                                         "image", "heading3"]
    assert blocks[5].path == "photos/pv.jpg"  # kept, though images compare by their data


def test_mappings_give_the_same_blocks_and_blocks_give_their_data_back() -> None:
    table = {"table": {"caption": "设备清单", "header": ["设备", "台数"],
                       "rows": [["空压机", 4], ["冷却塔", None]]}}
    image = {"image": "photos/station.png", "caption": "污水处理站", "width": "80mm"}
    got = [*parse_blocks(table), *parse_blocks(image)]
    assert got == [NarrativeTable("设备清单", ("设备", "台数"), (("空压机", "4"), ("冷却塔", ""))),
                   NarrativeImage("photos/station.png", "污水处理站", Decimal(80))]
    for block in [*got, *parse_blocks(TEXT)]:
        assert list(parse_blocks(to_data(block))) == [block]


def test_a_heading_is_short_and_no_sentence() -> None:
    assert kind("（二）主要做法") == "heading2" and kind("2．绿色供应链") == "heading3"
    assert kind("（二）主要做法如下。") == "body"
    assert kind("2.5万吨标准煤的节能量来自余热回收和电机系统改造") == "body"  # a figure
    assert kind("（一）" + "很长" * 30) == "body"


@given(st.lists(st.tuples(st.text(st.sampled_from("ab中 *。"), min_size=1, max_size=6),
                          st.booleans()), max_size=6))
def test_bold_runs_read_back_as_markup_and_split_again(runs: list[tuple[str, bool]]) -> None:
    runs = [(t.replace("*", ""), b) for t, b in runs if t.replace("*", "").strip()]
    text = bold_markup(runs)
    assert bold_markup(inline_runs(text)) == text


def test_bad_tables_images_and_widths_say_what_is_wrong() -> None:
    with pytest.raises(FieldValueError, match=r"row 1 of the table headed a \| b has 1 "
                       r"cells, its header 2"):
        list(parse_blocks("| a | b |\n|---|---|\n| 1 |"))
    with pytest.raises(FieldValueError, match=r"a line of dashes"):
        list(parse_blocks("| a | b |\n| 1 | 2 |"))
    with pytest.raises(FieldValueError, match=r"image p\.png: needs a caption"):
        list(parse_blocks("![](p.png)"))
    with pytest.raises(FieldValueError, match=r"width '500cm' is not between 1 cm and 100 cm"):
        list(parse_blocks({"image": "p.png", "caption": "c", "width": "500cm"}))
    with pytest.raises(FieldValueError, match=r"expected \{table: …\} or \{image: PATH"):
        list(parse_blocks({"picture": "p.png"}))
    with pytest.raises(FieldValueError, match=r"width '12' is not a length with its unit"):
        list(parse_blocks({"image": "p.png", "caption": "c", "width": 12}))
    with pytest.raises(FieldValueError, match=r"image p\.png: needs a caption \(caption: …\)"):
        list(parse_blocks({"image": "p.png", "caption": "  "}))
    with pytest.raises(FieldValueError, match=r"a photo has no file"):
        list(parse_blocks({"image": "", "caption": "c"}))


@pytest.mark.parametrize("line", ["![宽](p.png){width=abc}", "![宽](p.png){width=50%}",
                                  "![括号](photos/pv (1).png)", "文字中间![内嵌](p.png)继续"])
def test_a_photo_written_wrongly_is_an_error_not_printed_text(line: str) -> None:
    with pytest.raises(FieldValueError, match=r"is not a photo as greendocs reads one"):
        list(parse_blocks(line))
    assert list(parse_blocks("![宽](p.png) {width=12cm}")) == [
        NarrativeImage("p.png", "宽", Decimal(120))]


def test_tables_without_outer_bars_captions_apart_and_headings_with_their_text() -> None:
    table = NarrativeTable("能耗", ("a", "b"), (("1", "2"),))
    assert list(parse_blocks("表：能耗\na | b\n---|---\n1 | 2")) == [table]
    assert list(parse_blocks("表：能耗\n\n| a | b |\n|---|---|\n| 1 | 2 |")) == [table]
    assert list(parse_blocks("（一）管理体系建设\n公司建立了体系。\n并通过认证。")) == [
        "（一）管理体系建设", "公司建立了体系。\n并通过认证。"]


def test_a_block_as_markdown_reads_back_as_itself() -> None:
    table = NarrativeTable("能耗", ("项目", "说明"), (("a|b", "两行\n文字"), ("", "x")))
    image = NarrativeImage("photos/pv.png", "光伏", Decimal("120.5"))
    for block in (table, image, NarrativeTable("", ("a",), ()), "（一）标题"):
        assert list(parse_blocks(to_markdown(block))) == [block]
