"""Nothing a person typed is lost on read-back: every copy of a value is read and copies
that disagree are a conflict naming the places; rows inserted, pasted or deleted in a
repeating table and paragraphs added to a narrative section come back; a decoy bookmark
cannot win silently. The edits are made with python-docx, as other programs make them."""

from __future__ import annotations

import copy
import io
import zipfile
from typing import Any

import attrs
import docx
import pytest
from docx.text.paragraph import Paragraph

import greendocs
from greendocs.engines.docx.reader import read_docx_values
from greendocs.markers.bookmark_names import bookmark_name
from greendocs.markers.outline import ParagraphBlock, TableBlock, canonical_name
from tests.samples import load_sample

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def rendered(form: str) -> tuple[Any, Any]:
    model = load_sample(form)
    return model, docx.Document(io.BytesIO(greendocs.render(model)))


def saved(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def set_text(element: Any, text: str) -> None:
    """Type *text* over the text of *element* (a paragraph or cell), keeping its bookmarks:
    the first text node gets it all, the others are emptied."""
    nodes = list(element.iter(W + "t"))
    nodes[0].text = text
    for node in nodes[1:]:
        node.text = ""


def bookmarked(document: Any, path: str) -> list[Any]:
    """The ``w:t`` nodes of each copy of the value at *path*, in document order."""
    name = bookmark_name(path)
    found = []
    for start in document.element.body.iter(W + "bookmarkStart"):
        if canonical_name(start.get(W + "name")) == name:
            node = start.getnext()
            while node is not None and not list(node.iter(W + "t")):
                node = node.getnext()
            assert node is not None
            found.append(next(node.iter(W + "t")))
    return found


def table_of(data: bytes, leaf: str) -> tuple[int, list[int]]:
    """The number of the table whose rows hold the list values at *leaf*
    (``indicators[0].name``) and those rows' numbers."""
    outline = read_docx_values(data, "t").outline
    prefix = bookmark_name(leaf)[:10]
    for block in outline.blocks:
        if isinstance(block, TableBlock):
            rows = [r.place.row for r in block.rows
                    if any(n.startswith(prefix) for n in r.names)]
            if rows:
                return block.number, [r for r in rows if r is not None]
    raise AssertionError(f"no table holds {leaf}")


# -- every copy -----------------------------------------------------------------------

def test_copies_that_disagree_are_a_conflict_naming_both_places() -> None:
    model, document = rendered("factory-self")
    _cover, table = bookmarked(document, "factory.name")
    table.text = "安徽澄源新材料有限公司"
    data = saved(document)
    with pytest.raises(greendocs.ValidationError) as info:
        greendocs.parse(data)
    message = str(info.value)
    assert "factory.name" in message and "2 places" in message
    assert model.factory.name in message and "安徽澄源新材料有限公司" in message
    assert "paragraph" in message and "table" in message  # the cover and 基本信息表
    zh = info.value.message_zh
    assert "2处" in zh and "正文第" in zh and "个表格第" in zh
    # the person says which copy is right
    last = greendocs.parse(data, prefer="last")
    assert last.model.factory.name == "安徽澄源新材料有限公司"
    assert any("factory.name" in note for note in last.notes)
    assert greendocs.parse(data, prefer="first").model.factory.name == model.factory.name


def test_copies_that_agree_read_back_and_an_edit_of_both_is_taken() -> None:
    _, document = rendered("supply-chain-self")
    for node in bookmarked(document, "enterprise.name"):
        node.text = "浙江青禾纺织科技股份有限公司"
    parsed = greendocs.parse(saved(document))
    assert parsed.model.enterprise.name == "浙江青禾纺织科技股份有限公司"
    assert parsed.notes == ()


def test_a_decoy_bookmark_is_a_conflict_not_a_silent_value() -> None:
    model, document = rendered("factory-dynamic")
    name = bookmark_name("factory.credit_code")
    decoy = document.paragraphs[0].insert_paragraph_before("")
    decoy._p.append(decoy._p.makeelement(W + "bookmarkStart", {W + "id": "9001",
                                                                 W + "name": name}))
    decoy.add_run("91340100MA2TK5R873")
    decoy._p.append(decoy._p.makeelement(W + "bookmarkEnd", {W + "id": "9001"}))
    with pytest.raises(greendocs.ValidationError, match=r"factory\.credit_code.*2 places"):
        greendocs.parse(saved(document))
    assert str(model.factory.credit_code) != "91340100MA2TK5R873"


# -- repeating tables -----------------------------------------------------------------

def test_a_row_inserted_and_typed_into_is_an_item() -> None:
    model, document = rendered("factory-dynamic")
    number, rows = table_of(saved(document), "indicators[0].name")
    table = document.tables[number - 1]
    last = table.rows[rows[-1] - 1]._tr
    new = copy.deepcopy(last)
    for el in list(new.iter(W + "bookmarkStart", W + "bookmarkEnd")):
        el.getparent().remove(el)
    last.addnext(new)
    cells = list(new.iter(W + "tc"))
    texts = [c.xpath("string(.)") for c in cells]
    texts[texts.index(model.indicators[-1].name)] = "单位产品综合能耗（新增）"
    for cell, text in zip(cells, texts, strict=True):
        set_text(cell, text)
    back = greendocs.parse(saved(document)).model
    assert len(back.indicators) == len(model.indicators) + 1
    assert back.indicators[-1].name == "单位产品综合能耗（新增）"
    assert back.indicators[-1].values == model.indicators[-1].values
    assert back.indicators[:-1] == model.indicators


def test_a_pasted_row_is_an_item_and_the_original_keeps_its_values() -> None:
    model, document = rendered("factory-dynamic")
    number, rows = table_of(saved(document), "indicators[0].name")
    table = document.tables[number - 1]
    first = table.rows[rows[0] - 1]._tr
    pasted = copy.deepcopy(first)  # bookmarks and all, as a copy within the document
    table.rows[rows[-1] - 1]._tr.addnext(pasted)
    name_cell = next(c for c in pasted.iter(W + "tc")
                     if c.xpath("string(.)") == model.indicators[0].name)
    set_text(name_cell, "新增指标")
    back = greendocs.parse(saved(document)).model
    assert [i.name for i in back.indicators] == [*(i.name for i in model.indicators),
                                                 "新增指标"]
    assert back.indicators[0] == model.indicators[0]


def test_a_deleted_row_stays_deleted_and_an_empty_inserted_row_is_no_item() -> None:
    model, document = rendered("factory-dynamic")
    number, rows = table_of(saved(document), "indicators[0].name")
    table = document.tables[number - 1]
    second = table.rows[rows[1] - 1]._tr
    empty = copy.deepcopy(second)
    for el in list(empty.iter(W + "bookmarkStart", W + "bookmarkEnd")):
        el.getparent().remove(el)
    for cell in empty.iter(W + "tc"):
        set_text(cell, "")
    second.addnext(empty)
    second.getparent().remove(second)
    back = greendocs.parse(saved(document)).model
    assert back.indicators == (model.indicators[0], *model.indicators[2:])


def test_a_value_that_cannot_be_read_names_its_table_row_and_column() -> None:
    model, document = rendered("factory-dynamic")
    number, rows = table_of(saved(document), "indicators[0].name")
    row = document.tables[number - 1].rows[rows[0] - 1]
    value = str(model.indicators[0].values.items[0][1])
    cell = next(c for c in row.cells if c.text == value)
    set_text(cell._tc, "约三万")
    with pytest.raises(greendocs.ValidationError) as info:
        greendocs.parse(saved(document))
    assert f"table {number}, row {rows[0]}" in str(info.value)
    assert "'约三万' is not a number" in str(info.value)
    assert f"第{number}个表格第{rows[0]}行" in info.value.message_zh


# -- narrative sections ---------------------------------------------------------------

def test_a_paragraph_added_to_a_section_is_read_with_it() -> None:
    model, document = rendered("factory-self")
    outline = read_docx_values(saved(document), "t").outline
    prefix = bookmark_name("overview[0]")[:10]
    last = max(b.place.paragraph or 0 for b in outline.blocks
               if isinstance(b, ParagraphBlock) and any(n.startswith(prefix) for n in b.names))
    paragraph = document.paragraphs[last - 1]
    after = copy.deepcopy(paragraph._p)
    for el in list(after.iter(W + "bookmarkStart", W + "bookmarkEnd")):
        el.getparent().remove(el)
    paragraph._p.addnext(after)
    set_text(after, "公司另于2022年建成屋顶光伏电站。")
    before = Paragraph(paragraph._p, paragraph._parent).insert_paragraph_before(
        "（补充）公司概况如下。")
    assert before.text
    back = greendocs.parse(saved(document)).model
    assert back.overview == (*model.overview[:-1], "（补充）公司概况如下。", model.overview[-1],
                             "公司另于2022年建成屋顶光伏电站。")


# -- text that belongs to no field, and what Word leaves in the XML --------------------

def test_text_typed_between_two_tables_is_reported_with_its_place() -> None:
    _, document = rendered("factory-dynamic")
    stray = document.add_paragraph("另：本表数据经公司财务部核对。")._p
    document.tables[1]._tbl.addnext(stray)  # typed between the second and third tables
    parsed = greendocs.parse(saved(document))
    assert len(parsed.notes) == 1
    assert "另：本表数据经公司财务部核对。" in parsed.notes[0]
    assert "text typed outside the fields" in parsed.notes[0] and "paragraph" in parsed.notes[0]
    assert "字段以外输入的文字" in parsed.notes_zh[0]
    assert greendocs.parse(greendocs.render(load_sample("factory-dynamic"))).notes == ()


def test_word_s_split_runs_proofing_marks_and_tracked_changes() -> None:
    model, document = rendered("factory-dynamic")
    node = bookmarked(document, "factory.name")[0]
    run = node.getparent()
    new = "岭南绿源电器（集团）有限公司"
    # Word splits what a person typed into runs with rsid attributes and spelling marks,
    # and keeps the replaced text as a tracked deletion until changes are accepted
    pieces = [new[:4], new[4:8], new[8:]]
    node.text = pieces[0]
    run.set(W + "rsidR", "00A1B2C3")
    anchor = run
    for piece in pieces[1:]:
        proof = run.makeelement(W + "proofErr", {W + "type": "spellStart"})
        anchor.addnext(proof)
        extra = copy.deepcopy(run)
        next(extra.iter(W + "t")).text = piece
        proof.addnext(extra)
        anchor = extra
    deleted = run.makeelement(W + "del", {W + "id": "77", W + "author": "王工"})
    old_run = copy.deepcopy(run)
    old_text = next(old_run.iter(W + "t"))
    old_text.tag = W + "delText"
    old_text.text = model.factory.name
    deleted.append(old_run)
    run.addprevious(deleted)
    inserted = run.makeelement(W + "ins", {W + "id": "78", W + "author": "王工"})
    run.addprevious(inserted)
    inserted.append(run)
    assert greendocs.parse(saved(document)).model.factory.name == new


def test_other_readers_see_the_values_in_the_cells() -> None:
    model, document = rendered("factory-dynamic")
    texts = {cell.text for table in document.tables for row in table.rows
             for cell in row.cells}
    assert model.factory.name in texts and str(model.factory.credit_code) in texts
    assert model.indicators[0].name in texts


# -- what the second review found ---------------------------------------------------------

def _type_after(node: Any, text: str) -> None:
    """Type *text* right after the value whose first text node is *node*, outside its
    bookmark (where Word and LibreOffice often leave what is typed at a value's end)."""
    run = node.getparent()
    end = run.getnext()
    while end is not None and end.tag != W + "bookmarkEnd":
        end = end.getnext()
    extra = copy.deepcopy(run)
    next(extra.iter(W + "t")).text = text
    (end if end is not None else run).addnext(extra)


def test_text_typed_after_one_copy_is_a_conflict_not_the_old_value() -> None:
    model, document = rendered("factory-self")
    _cover, table = bookmarked(document, "factory.name")
    _type_after(table, "二期")
    with pytest.raises(greendocs.ValidationError, match=r"factory\.name.*2 places"):
        greendocs.parse(saved(document))
    assert greendocs.parse(saved(document), prefer="last").model.factory.name == \
        model.factory.name + "二期"


def test_a_value_typed_partly_outside_its_bookmark_is_read_whole() -> None:
    _, document = rendered("factory-self")
    node = bookmarked(document, "contact.phone")[0]
    node.text = "0551"
    _type_after(node, "-63817700")
    assert greendocs.parse(saved(document)).model.contact.phone == "0551-63817700"


def test_a_bookmark_left_open_ends_with_its_cell() -> None:
    _, document = rendered("factory-self")
    name = bookmark_name("contact.department")
    node = bookmarked(document, "contact.department")[0]
    start = node.getparent().makeelement(W + "bookmarkStart", {W + "id": "9100",
                                                                W + "name": name})
    node.getparent().addprevious(start)  # a second start whose end never comes
    parsed = greendocs.parse(saved(document))
    assert parsed.model.contact.department == load_sample("factory-self").contact.department


def test_the_first_paragraph_typed_under_an_empty_section_is_read() -> None:
    model = load_sample("factory-self")
    empty = attrs.evolve(model, creation=attrs.evolve(model.creation, management=()))
    document = docx.Document(io.BytesIO(greendocs.render(empty)))
    heading = next(p for p in document.paragraphs if p.text.strip() == "2. 管理体系")
    typed = document.add_paragraph("公司建立能源管理体系并通过认证。")._p
    heading._p.addnext(typed)
    back = greendocs.parse(saved(document))
    assert back.model.creation.management == ("公司建立能源管理体系并通过认证。",)
    assert back.notes == ()


def test_figures_written_with_separators_or_full_width_digits_are_no_stray_text() -> None:
    model, document = rendered("factory-self")
    node = bookmarked(document, "registration.capital")[0]
    node.text = "１２,０００"
    parsed = greendocs.parse(saved(document))
    assert parsed.model.registration.capital == model.registration.capital
    assert parsed.notes == ()


def test_a_contents_list_updated_by_word_is_no_text_of_the_form() -> None:
    model, document = rendered("factory-self")
    entries = [p for p in document.paragraphs if p.text.startswith(("一、工厂基本情况\t",
                                                                     "　　（一）基本要求\t"))]
    assert len(entries) == 2
    for number, p in zip(("5", "7"), entries, strict=True):
        p.add_run(number)  # what Word's update of the field prints
    entries[0].insert_paragraph_before("附：评价报告正文")  # and a line typed in the list
    model = greendocs.forms().get("factory-self").as_rendered(model)
    parsed = greendocs.parse(saved(document))
    assert parsed.model == model and not parsed.notes
    odt = greendocs.render(model, "odt")
    assert b"text:table-of-content" in zipfile.ZipFile(io.BytesIO(odt)).read("content.xml")
    parsed = greendocs.parse(odt)
    assert parsed.model == model and not parsed.notes
