"""From a document's outline to field values, so that no edit a person makes is lost:

- **every copy is read**: a value printed in several places (a unit's name on the cover
  and in 基本信息表), and LibreOffice's ``_Copy_N`` renames of it, are all read; copies
  that disagree are a conflict naming the field, each place and each value — never a
  silent choice (unless the caller says which copy wins: ``prefer="first"|"last"``);
- **repeating tables are read by structure**: every data row of a table whose rows are the
  items of a list is an item, bookmarked or not, typed into an inserted row or pasted;
  cells are read by column, the columns known from the rows greendocs wrote;
- **paragraph lists are read by extent**: every paragraph between a narrative section's
  heading and what follows it is one of its paragraphs, added or not.

Values come back as text by field path, each with the place it was read from.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from ..errors import FieldError
from ..model.images import READ_BACK
from ..model.introspection import LeafPath, field_map, shape_of
from ..types.narrative import Block, NarrativeTable, to_markdown
from .bookmark_names import fill_pattern, parse_bookmark
from .labels import normalise_label
from .outline import (
    Occurrence,
    Outline,
    ParagraphBlock,
    Place,
    TableBlock,
    TableRow,
    canonical_name,
)

#: which copy of a value wins when copies disagree: None (a conflict is an error),
#: "first" or "last" in document order (a warning says so)
PREFERENCES = ("first", "last")


@attrs.frozen
class Conflict:
    """Copies of one field that disagree: each place with its text."""

    path: str
    copies: tuple[tuple[Place, str], ...]

    def error(self) -> FieldError:
        shown = "; ".join(f"{place}: {text!r}" for place, text in self.copies)
        shown_zh = "；".join(f"{place.zh}为“{text}”" for place, text in self.copies)
        return FieldError(
            self.path, f"is printed in {len(self.copies)} places with different values "
            f"({shown}); make the copies agree, or say which copy wins (--prefer first|last)",
            f"在{len(self.copies)}处填写的内容不一致（{shown_zh}）；请改为一致")


@attrs.frozen
class ReadBack:
    """Field values by path (text as the document has it), where each was read, the
    conflicts between copies, and notes for the reader (copies chosen by preference)."""

    values: dict[str, str]
    places: dict[str, Place]
    conflicts: tuple[Conflict, ...]
    notes: tuple[str, ...] = ()
    notes_zh: tuple[str, ...] = ()


@attrs.frozen
class TemplateText:
    """The text a form's template prints itself (normalised with
    :func:`~greendocs.markers.labels.normalise_label`): whole paragraphs and cells, and the
    fixed beginnings of paragraphs that go on with a value (``现场评价日期：``)."""

    exact: frozenset[str] = frozenset()
    beginnings: tuple[str, ...] = ()
    #: the heading each narrative section (a list of paragraphs, by its pattern
    #: ``overview[]``) follows: where its paragraphs are when none keeps a bookmark
    sections: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.exact or self.beginnings)

    def holds(self, text: str) -> bool:
        """Whether *text* is the template's own (a heading, a label, a fixed line)."""
        key = normalise_label(text)
        return key in self.exact or (bool(key) and key.startswith(self.beginnings))


@attrs.frozen
class _Found:
    text: str
    place: Place


def read_back(outline: Outline, keys: Mapping[str, LeafPath], model: type, *,
              static_texts: TemplateText = TemplateText(),
              prefer: str | None = None) -> ReadBack:
    """The values *outline* holds for the leaves *keys* (by bookmark key) of *model*.

    *static_texts* is what the form's template prints itself — headings, labels; it bounds
    narrative sections and tells a table's header rows from rows a person inserted.
    """
    found: dict[str, list[_Found]] = defaultdict(list)
    for occ in outline.occurrences:
        path = _path_of(occ.name, keys)
        if path is not None:
            found[path].append(_Found(occ.text, occ.place))
    replaced: dict[str, list[_Found]] = {}
    handled: set[tuple[str, tuple[str, ...]]] = set()  # (list pattern, parent indices)
    conflicts: list[Conflict] = []
    _read_tables(outline, keys, model, static_texts, replaced, handled, conflicts)
    for block in outline.blocks:
        if isinstance(block, TableBlock):
            _read_list_cells(block, outline, keys, model, replaced, handled)
    _read_extents(outline, keys, model, static_texts, replaced, handled)
    for path in list(found):
        if _in_handled(path, handled):
            del found[path]
    found.update(replaced)
    values: dict[str, str] = {}
    places: dict[str, Place] = {}
    notes: list[str] = []
    notes_zh: list[str] = []
    for path, copies in found.items():
        texts = {_same(c.text) for c in copies}
        chosen = copies[0]
        if len(texts) > 1:
            if prefer not in PREFERENCES:
                conflicts.append(Conflict(path, tuple((c.place, c.text) for c in copies)))
                continue
            chosen = copies[0] if prefer == "first" else copies[-1]
            notes.append(f"{path}: the copies disagree; the {prefer} one ({chosen.place}: "
                         f"{chosen.text!r}) is taken")
            which = "第一处" if prefer == "first" else "最后一处"
            notes_zh.append(f"{path}：各处内容不一致，按{which}（{chosen.place.zh}："
                            f"“{chosen.text}”）读取")
        values[path] = chosen.text
        places[path] = chosen.place
    return ReadBack(values, places, tuple(conflicts), tuple(notes), tuple(notes_zh))


def _same(text: str) -> str:
    return " ".join(text.split())


def _path_of(name: str, keys: Mapping[str, LeafPath]) -> str | None:
    parsed = parse_bookmark(canonical_name(name))
    if parsed is None or parsed[0] not in keys:
        return None
    return fill_pattern(keys[parsed[0]].pattern, parsed[1])


# -- lists ----------------------------------------------------------------------------

@attrs.frozen
class _Slot:
    """A list item a bookmark belongs to: the list's pattern (``indicators[]``), the
    indices of the lists around it, and the item's index."""

    list_pattern: str
    parents: tuple[str, ...]
    item: str

    @property
    def group(self) -> tuple[str, tuple[str, ...]]:
        """The list itself: its pattern and the indices of the lists around it."""
        return (self.list_pattern, self.parents)


def _slots(pattern: str, indices: tuple[str, ...]) -> list[_Slot]:
    parts = pattern.split("[]")
    return [_Slot("[]".join(parts[:i + 1]) + "[]", indices[:i], indices[i])
            for i in range(len(indices))]


@functools.lru_cache(maxsize=4096)
def _is_list(model: type, list_pattern: str) -> bool:
    """Whether *list_pattern* (``a[].b[]``) ends at a list field of *model* (not at the
    years of a series). A fact of the model class, remembered."""
    cls: object = model
    steps = list_pattern.removesuffix("[]").replace("[]", "").split(".")
    shape = None
    for step in steps:
        if not isinstance(cls, type):
            return False
        info = field_map(cls).get(step)
        if info is None:
            return False
        shape = info.shape
        cls = shape.item.type if shape.kind == "list" and shape.item else shape.type
    return shape is not None and shape.kind == "list"


def _in_handled(path: str, handled: set[tuple[str, tuple[str, ...]]]) -> bool:
    for list_pattern, parents in handled:
        prefix = fill_pattern(list_pattern.removesuffix("[]"), parents)
        if prefix is not None and path.startswith(prefix + "["):
            return True
    return False


def _row_slot(row: TableRow, keys: Mapping[str, LeafPath], model: type) -> _Slot | None:
    """The list item more than half of the greendocs names of *row* belong to (a cell
    copied from another row brings a name of that row's item along: the row is still its
    own item), or None (no name of the row is in a list, or the row holds several items:
    a cell listing them one per line). Copies LibreOffice made of bookmarks pasted into
    the row (``_Copy_N``) do not count: they name the row they were copied from."""
    items: Counter[_Slot] = Counter()
    for name in row.own_names:
        parsed = parse_bookmark(name)
        if parsed is None or parsed[0] not in keys:
            continue
        deepest = [s for s in _slots(keys[parsed[0]].pattern, parsed[1])
                   if _is_list(model, s.list_pattern)]
        if deepest:
            items[deepest[-1]] += 1
    if not items:
        return None
    slot, count = items.most_common(1)[0]
    return slot if count * 2 > sum(items.values()) else None


@attrs.frozen
class _TablePlan:
    """A table whose rows are the items of a list: the list, and the rows that are items."""

    table: TableBlock
    lead: _Slot
    rows: tuple[TableRow, ...]

    @property
    def group(self) -> tuple[str, tuple[str, ...]]:
        return self.lead.group

    @property
    def items(self) -> int:
        return sum(1 for row in self.rows if row.text.strip())


def _read_tables(outline: Outline, keys: Mapping[str, LeafPath], model: type,
                 static: TemplateText, replaced: dict[str, list[_Found]],
                 handled: set[tuple[str, tuple[str, ...]]],
                 conflicts: list[Conflict]) -> None:
    """Every list printed a row an item, in one table or several (a product's name,
    output and changes in three tables): its items are the rows. Tables of one list that
    count different numbers of items are a conflict (a row added to one of them only)."""
    plans: dict[tuple[str, tuple[str, ...]], list[_TablePlan]] = defaultdict(list)
    for block in outline.blocks:
        if isinstance(block, TableBlock):
            plan = _table_plan(block, keys, model, static)
            if plan is not None:
                plans[plan.group].append(plan)
    for group, tables in plans.items():
        numbers = frozenset(plan.table.number for plan in tables)

        def in_tables(p: Place, at: frozenset[int] = numbers) -> bool:
            return p.table in at

        if _printed_outside(outline, group, keys, in_tables):
            continue  # printed elsewhere as well: the bookmarks are what counts
        for plan in tables:
            _apply_plan(plan, outline, keys, replaced)
        if len({plan.items for plan in tables}) > 1:
            conflicts.append(Conflict(
                fill_pattern(group[0].removesuffix("[]"), group[1]) or group[0],
                tuple((plan.table.rows[0].place, f"{plan.items} rows") for plan in tables)))
        handled.add(group)


def _in_group(name: str, keys: Mapping[str, LeafPath],
              group: tuple[str, tuple[str, ...]]) -> bool:
    """Whether the greendocs name *name* marks a value of an item of the list *group*."""
    parsed = parse_bookmark(name)
    return parsed is not None and parsed[0] in keys and any(
        s.group == group for s in _slots(keys[parsed[0]].pattern, parsed[1]))


def _shape(row: TableRow) -> tuple[int, ...]:
    """How *row* is laid out: the grid column of each of its cells."""
    return tuple(c.column for c in row.cells)


def _merged_from(row: TableRow, shape: tuple[int, ...]) -> bool:
    """Whether *row* is laid out as *shape*, or so with some of its cells merged: each
    cell starting at a column of *shape*, the row as wide, and each merged cell a line
    for each column it spans (what merging cells of values gives; a sub-heading merged
    across the table is one line)."""
    if _shape(row) == shape:
        return True
    if not row.cells or not shape:
        return False
    last = row.cells[-1]
    return all(c.column in shape for c in row.cells) and \
        last.column + last.span - 1 >= shape[-1] and \
        all(len([line for line in c.text.split("\n") if line.strip()]) == c.span
            for c in row.cells if c.span > 1)


def _table_plan(table: TableBlock, keys: Mapping[str, LeafPath], model: type,
                static: TemplateText) -> _TablePlan | None:
    slots = [_row_slot(row, keys, model) for row in table.rows]
    first = next((i for i, s in enumerate(slots) if s is not None), None)
    if first is None:
        return None
    lead = slots[first]
    assert lead is not None
    group = lead.group
    # A row with only a few of the names a marked row has (a long table's unmarked row a
    # cell was moved into from another row) is no row of that item: it is laid out like
    # the others and read like them.
    most = max(len(row.own_names) for row, s in zip(table.rows, slots, strict=True)
               if s is not None and s.group == group)
    slots = [None if s is not None and s.group == group and
             len(row.own_names) * 2 < most else s
             for row, s in zip(table.rows, slots, strict=True)]
    # the rows greendocs wrote, and how they are laid out (one a person merged cells in
    # keeps the others' layout the layout of the list)
    ours = [i for i, s in enumerate(slots)
            if s is not None and s.group == group]
    first = ours[0]
    shapes = frozenset(_shape(table.rows[i]) for i in ours)

    def laid_out_like_them(row: TableRow) -> bool:
        """A row without names of other fields, laid out like the list's rows (or so with
        cells merged), not the template's own text."""
        foreign = bool(row.own_names) and not any(_in_group(n, keys, group)
                                                  for n in row.own_names)
        return not foreign and any(_merged_from(row, shape) for shape in shapes) and \
            not _static_row(row, static)

    # the data rows: from the first row of the list on, every row of the list (any item)
    # and every row laid out like them; before the first, every row laid out like them
    # up to a row of other fields — rows inserted above it, a long table's unmarked rows
    # above its first marked row still there (past a sub-heading a person inserted)
    start = first
    for i in range(first - 1, -1, -1):
        if slots[i] is not None or (table.rows[i].own_names and
                                    not laid_out_like_them(table.rows[i])):
            break
        if laid_out_like_them(table.rows[i]):
            start = i
    rows: list[TableRow] = []
    names_of_item: dict[str, frozenset[str]] = {}
    for row, slot in zip(table.rows[start:], slots[start:], strict=True):
        if slot is not None and slot.group == group:
            names = frozenset(row.own_names)
            if names_of_item.setdefault(slot.item, names) != names and \
                    not names & names_of_item[slot.item]:
                return None  # an item spans several rows: not a table read by structure
        elif slot is not None or not laid_out_like_them(row):
            # a row of something else (a total, a sub-heading a person merged across the
            # table): not an item, and the rows after it still are; its text, if it is
            # no field's, is reported as such
            continue
        rows.append(row)
    return _TablePlan(table, lead, tuple(rows))


def _apply_plan(plan: _TablePlan, outline: Outline, keys: Mapping[str, LeafPath],
                replaced: dict[str, list[_Found]]) -> None:
    """The values of a list's rows in one table, renumbered in the rows' order."""
    lead = plan.lead
    # the columns as the rows with most of their own markers have them (not a cell a
    # person merged or pasted into another row)
    columns = _column_map(sorted(plan.rows, key=lambda row: (
        -len(row.own_names), sum(c.span > 1 for c in row.cells))), keys, lead)
    in_row: dict[int | None, list[Occurrence]] = defaultdict(list)
    for occ in outline.occurrences:
        if occ.place.table == plan.table.number:
            in_row[occ.place.row].append(occ)
    depth = len(lead.parents) + 1
    item = 0
    for row in plan.rows:
        if not row.text.strip():
            continue  # an empty row (inserted, never filled) is no item
        index = (*lead.parents, str(item))
        read: set[int | None] = set()
        for occ in in_row.get(row.place.row, ()):  # the row's own values, renumbered
            parsed = parse_bookmark(canonical_name(occ.name))
            if parsed is None or parsed[0] not in keys:
                continue
            path = fill_pattern(keys[parsed[0]].pattern, (*index, *parsed[1][depth:]))
            if path is not None:
                replaced.setdefault(path, []).append(_Found(occ.text, occ.place))
                read.add(occ.place.column)
        for cell in row.cells:  # cells without markers: by their column
            mapped = columns.get(cell.column)
            if cell.span > 1:  # cells merged: a line each of the columns it spans
                mapped = tuple(m for c in range(cell.column, cell.column + cell.span)
                               for m in columns.get(c, ()))
                lines = [line for line in cell.text.split("\n") if line.strip()]
                if len(lines) != len(mapped):
                    continue  # which line is which cannot be told: named as not read
            if not mapped or cell.column in read:
                continue
            place = attrs.evolve(row.place, column=cell.column)
            texts = [cell.text] if len(mapped) == 1 else \
                [line for line in cell.text.split("\n") if line.strip()]
            for (pattern, rest), text in zip(mapped, texts, strict=False):
                path = fill_pattern(pattern, (*index, *rest))
                if path is not None:
                    replaced.setdefault(path, []).append(_Found(text, place))
        item += 1


def _column_map(rows: Iterable[TableRow], keys: Mapping[str, LeafPath],
                lead: _Slot) -> dict[int, tuple[tuple[str, tuple[str, ...]], ...]]:
    """For each column whose cells hold values of the list, a line each (a unit's name,
    and its credit code below it): each line's leaf pattern and the indices after the
    item's."""
    depth = len(lead.parents) + 1
    columns: dict[int, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    for row in rows:
        for cell in row.cells:
            if not cell.names or cell.column in columns:
                continue
            lines = [line for line in cell.text.split("\n") if line.strip()]
            parsed = [parse_bookmark(name) for name in cell.names]
            if len(parsed) > 1 and len(lines) != len(parsed):
                continue  # several values on one line: which is which cannot be told
            if all(p is not None and p[0] in keys for p in parsed):
                columns[cell.column] = tuple((keys[p[0]].pattern, p[1][depth:])
                                             for p in parsed if p is not None)
    return columns


def _printed_outside(outline: Outline, group: tuple[str, tuple[str, ...]],
                     keys: Mapping[str, LeafPath], inside: Callable[[Place], bool]) -> bool:
    """Whether items of the list *group* are printed anywhere *inside* does not take in
    (then the rows or lines there are not the whole of the list, and the bookmarks are
    what counts)."""
    return any(not inside(occ.place) and _in_group(canonical_name(occ.name), keys, group)
               for occ in outline.occurrences)


def _static_row(row: TableRow, static: TemplateText) -> bool:
    """A row of the template's (a header): empty, or beginning with the template's words,
    or most of its cells of them (a figure such as "1" may be the template's numbering and
    a value alike: it tells nothing; one label typed further into a row of values leaves
    it a row of values)."""
    texts = [c.text for c in row.cells if _WORDS.search(c.text)]
    if not any(c.text.strip() for c in row.cells):
        return True
    held = [static.holds(t) for t in texts]
    return bool(held) and (held[0] or sum(held) * 2 > len(held))


_WORDS = re.compile(r"[^\d\s.,:;%／/\-+()（）]")


# -- lists in one cell, a line each ----------------------------------------------------

def _read_list_cells(table: TableBlock, outline: Outline, keys: Mapping[str, LeafPath],
                     model: type, replaced: dict[str, list[_Found]],
                     handled: set[tuple[str, tuple[str, ...]]]) -> None:
    """A list printed one item a line in a single cell (a unit's industries, an agency's
    fields) is every line of that cell: lines added or removed in it count."""
    for row in table.rows:
        for cell in row.cells:
            groups = {_leaf_group(name, keys, model) for name in cell.names}
            if len(groups) != 1 or None in groups:
                continue
            group = groups.pop()
            assert group is not None
            here = (table.number, row.place.row, cell.column)

            def in_cell(p: Place, at: tuple[int, int | None, int] = here) -> bool:
                return (p.table, p.row, p.column) == at

            if group in handled or _printed_outside(outline, group, keys, in_cell):
                continue
            place = attrs.evolve(row.place, column=cell.column)
            lines = [line.strip() for line in cell.text.split("\n") if line.strip()]
            for i, line in enumerate(lines):
                path = fill_pattern(group[0], (*group[1], str(i)))
                if path is not None:
                    replaced[path] = [_Found(line, place)]
            handled.add(group)


def _leaf_group(name: str, keys: Mapping[str, LeafPath],
                model: type) -> tuple[str, tuple[str, ...]] | None:
    """The list *name* is an item of, when the item is a value itself (``fields[2]``, not
    ``staff[2].name``)."""
    parsed = parse_bookmark(name)
    if parsed is None or parsed[0] not in keys:
        return None
    pattern = keys[parsed[0]].pattern
    if not pattern.endswith("[]") or shape_of(keys[parsed[0]].type).kind != "leaf":
        return None
    slot = _slots(pattern, parsed[1])[-1]
    return slot.group if _is_list(model, slot.list_pattern) else None


# -- paragraph lists ------------------------------------------------------------------

def _read_extents(outline: Outline, keys: Mapping[str, LeafPath], model: type,
                  static: TemplateText, replaced: dict[str, list[_Found]],
                  handled: set[tuple[str, tuple[str, ...]]]) -> None:
    """Lists of paragraphs (a narrative section) read as every paragraph of their extent."""
    blocks = outline.blocks
    at: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    for i, block in enumerate(blocks):
        if isinstance(block, ParagraphBlock):
            for name in block.names:
                of = _leaf_group(name, keys, model)
                if of is not None:
                    at[of].append(i)
    for pattern, heading in static.sections:  # sections whose paragraphs lost every marker
        group: tuple[str, tuple[str, ...]] = (pattern, ())
        if group in at or group in handled or pattern.count("[]") != 1 or \
                not _is_list(model, pattern):
            continue
        start = next((i for i, b in enumerate(blocks) if isinstance(b, ParagraphBlock)
                      and normalise_label(b.text) == heading), None)
        if start is None:
            continue
        rich = _is_narrative(model, pattern)
        end = start + 1
        while end < len(blocks) and _extends(blocks[end], static, rich):
            end += 1
        items = _items(blocks[start + 1:end], rich)
        for i, found in enumerate(items):
            replaced[f"{pattern[:-2]}[{i}]"] = [found]
        if items:
            handled.add(group)
    for group, indices in at.items():
        if group in handled or not static:
            continue
        rich = _is_narrative(model, group[0])
        first, last = min(indices), max(indices)
        if any(not _free(blocks[i], group, keys, model, rich) for i in range(first, last + 1)):
            continue
        while first > 0 and _extends(blocks[first - 1], static, rich):
            first -= 1
        while last + 1 < len(blocks) and _extends(blocks[last + 1], static, rich):
            last += 1
        for item, found in enumerate(_items(blocks[first:last + 1], rich)):
            path = fill_pattern(group[0], (*group[1], str(item)))
            if path is not None:
                replaced[path] = [found]
        handled.add(group)


_TABLE_CAPTION = re.compile(r"^表\s*\d+\s*")
_FIGURE_CAPTION = re.compile(r"^图\s*\d+\s*")


def _items(extent: Sequence[object], rich: bool) -> list[_Found]:
    """The items of a paragraph list read from its *extent*: each paragraph's text; for
    a narrative (*rich*) its blocks as Markdown — paragraphs with their bold, each table
    with the 表N caption above it, each photo (``![caption](gdimage:KEY)``) with the 图N
    caption below it."""
    found: list[_Found] = []
    skip = -1
    for i, block in enumerate(extent):
        if i == skip:
            continue
        after = extent[i + 1] if i + 1 < len(extent) else None
        if isinstance(block, TableBlock):
            if rich:
                found.append(_Found(_table_text(block, ""), block.rows[0].place if block.rows
                                    else Place(table=block.number)))
            continue
        assert isinstance(block, ParagraphBlock)
        if rich and isinstance(after, TableBlock) and _TABLE_CAPTION.match(block.text):
            caption = _TABLE_CAPTION.sub("", block.text).strip()
            found.append(_Found(_table_text(after, caption), block.place))
            skip = i + 1
            continue
        if rich and block.images:
            caption = ""
            if isinstance(after, ParagraphBlock) and _FIGURE_CAPTION.match(after.text) \
                    and not after.images:
                caption, skip = _FIGURE_CAPTION.sub("", after.text).strip(), i + 1
            for key, width in block.images:
                size = f"{{width={width:.1f}mm}}" if width and 10 <= width <= 1000 else ""
                found.append(_Found(f"![{caption or '（无图题）'}]({READ_BACK}{key}){size}",
                                    block.place))
            if block.text.strip():  # text typed beside the picture
                found.append(_Found(block.rich or block.text, block.place))
            continue
        if block.text.strip():
            found.append(_Found(block.rich if rich and block.rich else block.text,
                                block.place))
    return found


def _table_text(table: TableBlock, caption: str) -> str:
    """A narrative's table as Markdown (what :func:`~greendocs.types.narrative.parse_blocks`
    reads): the caption, the first row as the header, the other rows."""
    rows = [[c.text for c in row.cells] for row in table.rows]
    width = max((len(r) for r in rows), default=1)
    rows = [r + [""] * (width - len(r)) for r in rows] or [[""]]
    return to_markdown(NarrativeTable(caption, rows[0], rows[1:]))


@functools.lru_cache(maxsize=1024)
def _is_narrative(model: type, list_pattern: str) -> bool:
    """Whether *list_pattern* is a narrative (a list of blocks: paragraphs, tables,
    photos) of *model*, not a list of plain paragraphs."""
    cls: object = model
    shape = None
    for step in list_pattern.removesuffix("[]").replace("[]", "").split("."):
        info = field_map(cls).get(step) if isinstance(cls, type) else None
        if info is None:
            return False
        shape = info.shape
        cls = shape.item.type if shape.kind == "list" and shape.item else shape.type
    return shape is not None and shape.item is not None and shape.item.type == Block


def _free(block: object, group: tuple[str, tuple[str, ...]],
          keys: Mapping[str, LeafPath], model: type, rich: bool = False) -> bool:
    """A paragraph that holds nothing but (at most) values of the list *group*; in a
    narrative (*rich*), also a table without markers (one of its tables)."""
    if rich and isinstance(block, TableBlock):
        return not any(row.names for row in block.rows)
    return isinstance(block, ParagraphBlock) and \
        all(_leaf_group(name, keys, model) == group for name in block.names)


def _extends(block: object, static: TemplateText, rich: bool = False) -> bool:
    """A paragraph a person added next to a section's paragraphs: no markers, not the
    template's own text; in a narrative (*rich*), also a table a person added (no markers,
    not all of it the template's text)."""
    if rich and isinstance(block, TableBlock):
        return not any(row.names for row in block.rows) and \
            not all(static.holds(c.text) for row in block.rows for c in row.cells if c.text)
    return isinstance(block, ParagraphBlock) and not block.names and \
        not static.holds(block.text)


# -- text that belongs to no field -----------------------------------------------------

@attrs.frozen
class Unplaced:
    """Text of the document that no field holds (typed between two tables, say), and
    where it stands: it is not read back."""

    text: str
    place: Place

    def note(self) -> str:
        return (f"{self.place}: {self.text[:60]!r} is not what the form prints for the values "
                "read back — text typed outside the fields (not read back), or a sentence "
                "the form computes from them, now out of date")

    def note_zh(self) -> str:
        return (f"{self.place.zh}：“{self.text[:60]}”与按读取内容生成的文本不符——或为字段以外输入的"
                "文字（未读取），或为按填写内容计算的语句已过时")


def unplaced(document: Outline, rendered: Outline) -> list[Unplaced]:
    """What *document* holds that *rendered* — the form rendered again from the values read
    back — does not: paragraphs, and cells of rows, that are no field's value and not the
    template's text. Empty when most of the document differs (a custom template's
    document: there is no telling)."""
    # counted, not just known: a row or paragraph pasted twice is one too many
    paragraphs: Counter[str] = Counter()
    rows: Counter[str] = Counter()
    cells: set[str] = set()
    for block in rendered.blocks:
        if isinstance(block, ParagraphBlock):
            paragraphs[_squeezed(block.text)] += 1
        else:
            for row in block.rows:
                rows[_squeezed(row.text)] += 1
                cells.update(_squeezed(c.text) for c in row.cells)
    found: list[Unplaced] = []
    total = 0  # paragraphs and cells with text: what differs is counted in the same units
    for block in document.blocks:
        if isinstance(block, ParagraphBlock):
            key = _squeezed(block.text)
            if key:
                total += 1
                if paragraphs[key] > 0:
                    paragraphs[key] -= 1
                else:
                    found.append(Unplaced(block.text.strip(), block.place))
            continue
        for row in block.rows:
            filled = [c for c in row.cells if _squeezed(c.text)]
            total += len(filled)
            key = _squeezed(row.text)
            if not filled:
                continue
            if rows[key] > 0:
                rows[key] -= 1
                continue
            # the cells no field holds; a row whose cells all are, one too many, by its first
            strays = [c for c in filled if _squeezed(c.text) not in cells] or filled[:1]
            found += [Unplaced(c.text.strip(), attrs.evolve(row.place, column=c.column))
                      for c in strays]
    return found if len(found) * 2 <= total else []


def _squeezed(text: str) -> str:
    """*text* as compared: no white space, full-width digits and letters as ASCII, no
    thousands separators (``4,570,000`` and ``４５７００００`` are the value printed as
    ``4570000``)."""
    return _THOUSANDS.sub("", "".join(unicodedata.normalize("NFKC", text).split()))


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")


# -- text typed just outside a value's bookmark -----------------------------------------

def widen(document: Outline, rendered: Outline) -> Outline:
    """*document* with each value that stands alone in its paragraph or cell widened to
    what a person typed next to it: the text of its paragraph or cell less the text the
    form prints around it there, as *rendered* (the form rendered again from the values
    read back) shows it. A bookmark does not always grow with what is typed at its ends
    (the ".5" typed after "15000", "等" after a name, text a tracked change inserted), so
    the paragraph or cell, not the bookmark, says what was typed."""
    again: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in rendered.occurrences:
        again[canonical_name(occ.name)].append(occ)
    alone = _alone(document)
    alone_again = _alone(rendered)
    copies: Counter[str] = Counter()
    out: list[Occurrence] = []
    for occ in document.occurrences:
        name = canonical_name(occ.name)
        k = copies[name]
        copies[name] += 1
        twins = again.get(name, [])
        if not occ.container or k >= len(twins) or not alone[occ.place.spot]:
            out.append(occ)
            continue
        twin = twins[k]
        if not alone_again[twin.place.spot]:
            out.append(occ)
            continue
        before = twin.container[:twin.offset]
        after = twin.container[twin.offset + len(twin.text):]
        whole = occ.container
        if whole != twin.container and whole.startswith(before) and whole.endswith(after) \
                and len(whole) >= len(before) + len(after):
            typed = whole[len(before):len(whole) - len(after)].strip("\n")
            if typed != occ.text:
                occ = attrs.evolve(occ, text=typed)
        out.append(occ)
    return attrs.evolve(document, occurrences=tuple(out))


def _alone(outline: Outline) -> Counter[tuple[int | None, ...]]:
    """For each paragraph or cell, whether exactly one value stands in it (as a count
    that is 1 where so: ``alone[place] == 1``)."""
    counts: Counter[tuple[int | None, ...]] = Counter(
        o.place.spot for o in outline.occurrences)
    return Counter({k: 1 for k, n in counts.items() if n == 1})


def refill_cells(document: Outline) -> Outline:
    """*document* with each value that stands alone in a table cell read as the cell's
    whole text where the bookmark holds only part of it — what typing at a value's end,
    or over it with changes tracked, can leave (the bookmark keeps "0574", or the deleted
    text, and what was typed goes beside it). For when the values cannot be read without
    it: cells that print text of their own around a value are read by :func:`widen`."""
    alone = _alone(document)
    out = []
    for o in document.occurrences:
        whole = o.container.strip("\n").strip()
        if o.place.table is not None and whole and whole != o.text.strip() and \
                alone[o.place.spot] and \
                (not o.text.strip() or whole.startswith(o.text.strip()) or
                 whole.endswith(o.text.strip())):
            o = attrs.evolve(o, text=whole)
        out.append(o)
    return attrs.evolve(document, occurrences=tuple(out))
