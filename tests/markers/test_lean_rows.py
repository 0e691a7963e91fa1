"""A long table's lean rows: only its first two, its last two and every 64th row carry
markers, and every row still reads back — typed over, inserted, deleted."""

from __future__ import annotations

import copy
import io
from decimal import Decimal
from typing import Any

import attrs
import docx
import pytest

import greendocs
from greendocs.engines.docx.reader import read_docx_values
from greendocs.engines.odt.reader import read_odt_values
from greendocs.forms.factory_dynamic import KeyIndicator
from greendocs.layout import elements as page
from greendocs.markers.model_view import (
    FULL_ROW_EVERY,
    LEAN_ABOVE,
    Marked,
    PlainItem,
    SequenceView,
    root_context,
    rows_filter,
)
from greendocs.markers.outline import Outline, TableBlock
from greendocs.types.year_series import YearSeries
from tests.markers.test_read_back import W, saved, set_text
from tests.samples import load_sample

ROWS = 100
#: the items whose rows carry markers in a table of ROWS rows
MARKED = {0, 1, FULL_ROW_EVERY, ROWS - 2, ROWS - 1}


def long_a6(rows: int = ROWS) -> Any:
    """Attachment 6's sample with *rows* key indicators, each different."""
    model = load_sample("factory-dynamic")
    extra = [KeyIndicator(code="other", name=f"附加指标{i}", unit="t",  # type: ignore[arg-type]
                          values=YearSeries(tuple((y, Decimal(i * 10 + k) / 4)
                                                  for k, y in enumerate(model.years))),
                          note=f"说明{i}" if i % 3 else None)
             for i in range(rows - len(model.indicators))]
    return attrs.evolve(model, indicators=(*model.indicators, *extra))


def indicator_rows(outline: Outline, model: Any) -> tuple[TableBlock, list[Any]]:
    """The table of key indicators and its rows of items, in order."""
    names = {i.name for i in model.indicators}
    for block in outline.blocks:
        if isinstance(block, TableBlock):
            rows = [r for r in block.rows if any(c.text in names for c in r.cells)]
            if len(rows) == len(model.indicators):
                return block, rows
    raise AssertionError("no table of the indicators")


def marked_items(outline: Outline, model: Any) -> set[int]:
    _, rows = indicator_rows(outline, model)
    return {i for i, row in enumerate(rows) if row.names}


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_a_long_table_marks_its_ends_and_every_64th_row_and_reads_back_whole(
        fmt: str) -> None:
    model = long_a6()
    data = greendocs.render(model, fmt)
    read = read_docx_values if fmt == "docx" else read_odt_values
    assert marked_items(read(data, "t").outline, model) == MARKED
    parsed = greendocs.parse(data, source=f"a6.{fmt}")
    assert parsed.model == model
    assert parsed.notes == ()


def test_a_short_table_marks_every_row() -> None:
    model = long_a6(LEAN_ABOVE)
    outline = read_docx_values(greendocs.render(model), "t").outline
    assert marked_items(outline, model) == set(range(LEAN_ABOVE))


def test_lean_rows_make_a_long_table_smaller() -> None:
    model = long_a6(400)
    lean = greendocs.render(model)
    with pytest.MonkeyPatch.context() as mp:  # every row marked, as before lean rows
        mp.setattr("greendocs.markers.model_view.LEAN_ABOVE", 10_000)
        full = greendocs.render(model)
    assert len(lean) * 1.4 < len(full)
    assert greendocs.parse(lean).model == greendocs.parse(full).model == model


def _table(document: Any, outline: Outline, model: Any) -> tuple[Any, list[Any]]:
    block, rows = indicator_rows(outline, model)
    table = document.tables[block.number - 1]
    return table, [table.rows[r.place.row - 1]._tr for r in rows]


def _cell(tr: Any, text: str) -> Any:
    return next(c for c in tr.iter(W + "tc") if c.xpath("string(.)") == text)


def test_lean_rows_typed_over_inserted_and_deleted() -> None:
    model = long_a6()
    data = greendocs.render(model)
    document = docx.Document(io.BytesIO(data))
    _, rows = _table(document, read_docx_values(data, "t").outline, model)
    # typed over: a name and a figure in lean rows
    set_text(_cell(rows[30], model.indicators[30].name), "单位产品取水量（修订）")
    y = model.years[1]
    set_text(_cell(rows[40], format(model.indicators[40].values[y], "f")), "99.5")
    # a lean row copied below itself and typed into; the marked first row deleted
    new = copy.deepcopy(rows[50])
    rows[50].addnext(new)
    set_text(_cell(new, model.indicators[50].name), "新增指标")
    rows[0].getparent().remove(rows[0])
    back = greendocs.parse(saved(document)).model.indicators
    expected = list(model.indicators)
    expected[30] = attrs.evolve(expected[30], name="单位产品取水量（修订）")
    expected[40] = attrs.evolve(expected[40], values=YearSeries(tuple(
        (year, Decimal("99.5") if year == y else v) for year, v in expected[40].values.items)))
    expected.insert(51, attrs.evolve(expected[50], name="新增指标"))
    assert back == tuple(expected[1:])


def test_a_lean_table_without_its_marked_rows_is_not_read_silently() -> None:
    model = long_a6(30)
    data = greendocs.render(model)
    document = docx.Document(io.BytesIO(data))
    _, rows = _table(document, read_docx_values(data, "t").outline, model)
    for i in (0, 1, 28, 29):  # every marked row deleted: the rows cannot be told
        rows[i].getparent().remove(rows[i])
    with pytest.raises(greendocs.ValidationError, match="indicators: is required"):
        greendocs.parse(saved(document))


def test_the_layout_leans_a_list_printed_only_in_its_table_rows() -> None:
    row = page.LoopRow("r", "items", ("{{ r.name }}",))
    lines = page.LoopRow("r", "items", (page.ListCell("m", "r.models", "{{ m }}"),))
    alone = page.Layout("t", (page.Table((10.0,), (row,)),))
    assert alone.rows_of(row) == "(items)|gdrows"
    for elsewhere in (page.Paragraph("共{{ items|length }}项"),
                      page.Paragraphs("i", "items", "{{ i.name }}"),
                      page.Table((10.0,), (lines,))):
        layout = page.Layout("t", (page.Table((10.0,), (row,)), elsewhere))
        assert layout.rows_of(row) == "items"  # every row marked: read by its markers
    other = page.Layout("t", (page.Table((10.0,), (row,)),
                              page.Paragraphs("i", "other_items", "{{ i }}")))
    assert other.rows_of(row) == "(items)|gdrows"


def test_a_lean_item_reads_its_fields_plainly() -> None:
    model = long_a6(20)
    context = root_context(model)
    rows = list(rows_filter(context["indicators"]))
    assert [type(r) is PlainItem for r in rows] == [2 <= i < 18 for i in range(20)]
    item = rows[5]
    assert item.name == model.indicators[5].name and item.note == model.indicators[5].note
    assert item.values[model.years[0]] == model.indicators[5].values[model.years[0]]
    year = Marked(model.years[1], "years[]", ("1",), "年份")  # as a template's years give it
    assert item.values[year] == model.indicators[5].values[model.years[1]]
    assert item.values[1999] is None  # a year the series lacks prints empty
    values = rows_filter(context["factory"].industries)  # a list of values: each marked
    assert isinstance(values, SequenceView) and all(type(v) is Marked for v in values)
    assert rows_filter("not a list") == "not a list"


def _move_cell_content(source: Any, target: Any) -> None:
    """Cut *source* cell's paragraphs (bookmarks and all), paste them over *target*'s and
    type the text again into *source* (now without its bookmark)."""
    text = source.xpath("string(.)")
    for p in list(target.iter(W + "p")):
        p.getparent().remove(p)
    for p in list(source.iter(W + "p")):
        target.append(copy.deepcopy(p))
    for mark in list(source.iter(W + "bookmarkStart", W + "bookmarkEnd")):
        mark.getparent().remove(mark)
    set_text(source, text)


def _cells(tr: Any) -> list[Any]:
    return list(tr.iter(W + "tc"))


@pytest.mark.parametrize("copied", [False, True], ids=["moved", "copied by LibreOffice"])
def test_cells_of_a_marked_row_put_into_unmarked_rows_leave_every_row_read(
        copied: bool) -> None:
    model = long_a6(40)
    data = greendocs.render(model)
    document = docx.Document(io.BytesIO(data))
    _, rows = _table(document, read_docx_values(data, "t").outline, model)
    source = _cells(rows[38])
    for target_row, column in ((3, 3), (4, 7)):  # its unit into one row, its note another
        target = _cells(rows[target_row])[column]
        if copied:  # LibreOffice keeps the original and renames the pasted bookmark
            for p in list(target.iter(W + "p")):
                p.getparent().remove(p)
            for p in source[column].iter(W + "p"):
                target.append(copy.deepcopy(p))
            for start in target.iter(W + "bookmarkStart"):
                start.set(W + "name", start.get(W + "name") + "_Copy_1")
        else:  # Word moves the bookmark with what is cut
            _move_cell_content(source[column], target)
    back = greendocs.parse(saved(document)).model.indicators
    assert len(back) == 40
    assert back[3].unit == model.indicators[38].unit
    assert back[4].note == model.indicators[38].note
    assert [i.name for i in back] == [i.name for i in model.indicators]


def test_cells_merged_in_the_first_row_leave_every_row_read() -> None:
    model = long_a6(40)
    data = greendocs.render(model)
    document = docx.Document(io.BytesIO(data))
    _, rows = _table(document, read_docx_values(data, "t").outline, model)
    name, unit = _cells(rows[0])[2:4]  # Table ▸ Merge Cells: one cell, two paragraphs
    span = name.makeelement(W + "gridSpan", {W + "val": "2"})
    name.find(W + "tcPr").append(span)
    for p in unit.iter(W + "p"):
        name.append(copy.deepcopy(p))
    unit.getparent().remove(unit)
    back = greendocs.parse(saved(document)).model.indicators
    assert back == model.indicators


def test_rows_above_a_blank_row_read_after_the_first_marked_rows_are_deleted() -> None:
    model = long_a6(40)
    data = greendocs.render(model)
    document = docx.Document(io.BytesIO(data))
    _, rows = _table(document, read_docx_values(data, "t").outline, model)
    blank = copy.deepcopy(rows[20])
    for cell in _cells(blank):
        set_text(cell, "")
    rows[20].addnext(blank)  # a row inserted and left empty
    for tr in rows[:2]:  # the first two (marked) rows deleted
        tr.getparent().remove(tr)
    back = greendocs.parse(saved(document)).model.indicators
    assert back == model.indicators[2:]


def test_a_label_typed_into_an_unmarked_row_leaves_it_a_row() -> None:
    model = long_a6(40)
    data = greendocs.render(model)
    document = docx.Document(io.BytesIO(data))
    _, rows = _table(document, read_docx_values(data, "t").outline, model)
    set_text(_cells(rows[20])[7], "备注")  # the note: the header's own word
    back = greendocs.parse(saved(document)).model.indicators
    assert len(back) == 40 and back[20].note == "备注"


def _merge(tr: Any, first: int, count: int) -> None:
    """Table ▸ Merge Cells on *count* cells of the row *tr* from cell *first*: one cell,
    each merged cell's paragraphs in it."""
    cells = _cells(tr)
    keep = cells[first]
    keep.find(W + "tcPr").append(keep.makeelement(W + "gridSpan", {W + "val": str(count)}))
    for cell in cells[first + 1:first + count]:
        for p in cell.iter(W + "p"):
            keep.append(copy.deepcopy(p))
        cell.getparent().remove(cell)


def test_cells_merged_in_an_unmarked_row_are_read_a_line_each() -> None:
    model = long_a6(40)
    data = greendocs.render(model)
    document = docx.Document(io.BytesIO(data))
    _, rows = _table(document, read_docx_values(data, "t").outline, model)
    _merge(rows[20], 2, 2)  # its name and unit
    heading = copy.deepcopy(rows[25])  # a sub-heading a person merged across the table
    rows[25].addnext(heading)
    _merge(heading, 0, len(_cells(heading)))
    set_text(heading, "以下为排放指标")
    parsed = greendocs.parse(saved(document))
    assert parsed.model.indicators == model.indicators
    assert any("以下为排放指标" in note for note in parsed.notes)
