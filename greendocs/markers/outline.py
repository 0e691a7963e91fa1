"""A document as the read-back sees it, whatever the format: its body paragraphs and
tables in order, the text of each, the greendocs bookmarks each holds, and every
bookmarked value with the place it stands.

The .docx and .odt readers build an :class:`Outline`; :mod:`greendocs.markers.read_back`
turns it into field values. Bookmark names are given as the document has them
(LibreOffice renames a pasted or repeated bookmark ``<name>_Copy_1``);
:func:`canonical_name` takes such suffixes off.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from ..types.narrative import bold_markup
from .bookmark_names import FORM_PREFIX, VALUE_NAME

_COPY = re.compile(r"(?:[ _]Copy[ _]\d+)+$")


def canonical_name(name: str) -> str:
    """A bookmark name without the suffixes LibreOffice gives copies (``<name> Copy 1``,
    saved in .docx as ``<name>_Copy_1``)."""
    return _COPY.sub("", name) if "Copy" in name else name


def _excerpt(text: str, limit: int = 12) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


@attrs.frozen
class Place:
    """Where something stands: a body paragraph, or a table's row and column (all
    counted from 1), with the start of its text to recognise it by."""

    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    #: the beginning of the paragraph's or the row's first cell's text
    hint: str = ""

    @property
    def spot(self) -> tuple[int | None, int | None, int | None, int | None]:
        """The paragraph or cell, whatever the hint: (paragraph, table, row, column)."""
        return (self.paragraph, self.table, self.row, self.column)

    def __str__(self) -> str:
        hint = f" ({self.hint!r})" if self.hint else ""
        if self.table is not None:
            col = f", column {self.column}" if self.column is not None else ""
            return f"table {self.table}, row {self.row}{hint}{col}"
        return f"paragraph {self.paragraph}{hint}"

    @property
    def zh(self) -> str:
        """The place in Chinese: 第3个表格第5行（“能源消耗”）第2列, 正文第12段（“…”）."""
        hint = f"（“{self.hint}”）" if self.hint else ""
        if self.table is not None:
            col = f"第{self.column}列" if self.column is not None else ""
            return f"第{self.table}个表格第{self.row}行{hint}{col}"
        return f"正文第{self.paragraph}段{hint}"


@attrs.frozen
class Occurrence:
    """One bookmarked value: the bookmark's name as found, its text, its place; and the
    whole text of the paragraph or cell it stands in, with where in it the bookmark starts
    (what a person typed just outside a bookmark's ends is found there)."""

    name: str
    text: str
    place: Place
    offset: int = 0
    container: str = ""


@attrs.frozen
class Cell:
    """A table cell: its text (paragraphs joined by new lines), the canonical names of the
    greendocs bookmarks that start in it, and its grid column (from 1; merged cells
    count every column they span: *span* of them); *copied* are those of its names whose
    bookmark is a copy LibreOffice made (``<name>_Copy_1``: a cell or row copied and
    pasted)."""

    text: str
    names: tuple[str, ...]
    column: int
    copied: tuple[str, ...] = ()
    span: int = 1


@attrs.frozen
class TableRow:
    """A table row and its place."""

    cells: tuple[Cell, ...]
    place: Place

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for c in self.cells for n in c.names)

    @property
    def own_names(self) -> tuple[str, ...]:
        """The names of the row's bookmarks that are no copies (what the row was written
        with, not what was pasted into it)."""
        return tuple(n for c in self.cells for n in c.names if n not in c.copied)

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.cells)


@attrs.frozen
class TableBlock:
    """A table of the body, numbered from 1."""

    number: int
    rows: tuple[TableRow, ...]


@attrs.frozen
class ParagraphBlock:
    """A paragraph of the body (outside tables), numbered from 1; *rich* is its text with
    its bold parts in ``**…**`` when some of it (not all) is bold, *images* the pictures
    it holds: each one's key (:attr:`Outline.images`) and printed width in mm."""

    text: str
    names: tuple[str, ...]
    place: Place
    rich: str = ""
    images: tuple[tuple[str, float | None], ...] = ()


Block = ParagraphBlock | TableBlock


@attrs.frozen
class Outline:
    """What a document holds, in the order it holds it."""

    blocks: tuple[Block, ...]
    occurrences: tuple[Occurrence, ...]
    #: the form the document was rendered from, by its form marker (``gdform_<id>``)
    form_id: str | None = None
    #: the pictures of the body's paragraphs by key: their bytes (the document's file)
    images: Mapping[str, bytes] = attrs.field(factory=dict, eq=False)
    #: where pictures stand that are not read (in a table's cells)
    cell_pictures: tuple[Place, ...] = attrs.field(default=(), eq=False)

    def pictures_not_read(self, read: frozenset[str]) -> list[Place]:
        """The places of the pictures no value holds: those in tables' cells, and those of
        the body whose keys are not in *read*."""
        return [*self.cell_pictures, *(b.place for b in self.blocks
                                       if isinstance(b, ParagraphBlock)
                                       and any(key not in read for key, _ in b.images))]

    def first_values(self) -> dict[str, str]:
        """The first text of each bookmark, by canonical name."""
        out: dict[str, str] = {}
        for occ in self.occurrences:
            out.setdefault(canonical_name(occ.name), occ.text)
        return out

    def first_texts(self, count: int = 5) -> tuple[str, ...]:
        """The texts of the first *count* non-empty blocks, without white space (a form is
        recognised by its title)."""
        found: list[str] = []
        for block in self.blocks:
            text = "".join(block.text.split()) if isinstance(block, ParagraphBlock) else \
                "".join("".join(r.text.split()) for r in block.rows[:1])
            if text:
                found.append(text)
            if len(found) >= count:
                break
        return tuple(found)


class _Draft:
    """A value being read: what becomes an :class:`Occurrence` once its paragraph or cell
    (its container's text) and its row (its place's hint) are known."""

    __slots__ = ("container", "name", "offset", "place", "text")

    def __init__(self, name: str, text: str, place: Place, offset: int) -> None:
        self.name, self.text, self.place, self.offset = name, text, place, offset
        self.container = ""


class OutlineBuilder:
    """Collects an outline while a reader walks a document in order: the reader reports
    text, bookmark starts and ends, and the starts and ends of paragraphs, tables, rows
    and cells; bookmarks may span paragraphs (a value of several lines)."""

    def __init__(self) -> None:
        self.form_id: str | None = None
        self.blocks: list[Block] = []
        # values read so far, completed (place, container) as their block ends
        self.occurrences: list[_Draft] = []
        self._active: dict[str, tuple[str, Place, list[str], int]] = {}
        self._length = 0  # of the paragraph's or cell's text so far
        self._paragraphs = 0
        self._tables = 0
        # the block being read
        self._text: list[str] = []
        self._names: list[str] = []
        self._copied: list[str] = []  # those of the names that are copies
        self._rows: list[TableRow] | None = None
        self._cells: list[Cell] = []
        self._row = 0
        self._column = 0
        self._span = 1
        self._first_occurrence = 0
        self._first_in_cell = 0
        self._depth = 0  # tables inside tables are read as text of their cell
        # the paragraph's bold runs (index of its text piece, bold) once one is bold
        self._runs: list[tuple[int, bool]] = []
        self._bold = False
        self._images: list[tuple[str, float | None]] = []
        #: the pictures read, by key (the reader adds their bytes)
        self.images: dict[str, bytes] = {}
        self.cell_pictures: list[Place] = []

    # -- text --------------------------------------------------------------------
    def text(self, text: str, bold: bool = False) -> None:
        """Text of the paragraph or cell being read; *bold* type (read in the body's
        paragraphs only: a narrative's bold is kept, a table's is its look)."""
        if not text:
            return
        if bold or self._bold:
            self._runs.append((len(self._text), bold))
            self._bold = self._bold or bold
        if "\u2011" in text or "\u00a0" in text:  # no-break marks are what was typed:
            text = text.replace("\u2011", "-").replace("\u00a0", " ")  # a hyphen, a space
        self._text.append(text)
        self._length += len(text)
        for _, _, buf, _ in self._active.values():
            buf.append(text)

    def bookmark_start(self, key: str, name: str) -> None:
        """A bookmark starts (*key* pairs it with its end: an id or the name). The form's
        marker names the form; bookmarks other than greendocs' are not values."""
        if name.startswith(FORM_PREFIX):
            self.form_id = self.form_id or name[len(FORM_PREFIX):].replace("_", "-")
            return
        if not VALUE_NAME.match(canonical_name(name)):
            return
        if any(active == name for active, _, _, _ in self._active.values()):
            return  # a second start of an open bookmark, whose end never comes
        canonical = canonical_name(name)
        self._names.append(canonical)
        if canonical != name:
            self._copied.append(canonical)
        self._active[key] = (name, self._place(), [], self._length)

    def bookmark_end(self, key: str) -> None:
        found = self._active.pop(key, None)
        if found is not None:
            name, place, buf, offset = found
            self.occurrences.append(_Draft(name, "".join(buf).strip("\n"), place, offset))

    def collapsed_bookmark(self, name: str) -> None:
        """A bookmark with no extent (an emptied value)."""
        self.bookmark_start(name, name)
        self.bookmark_end(name)

    # -- structure ---------------------------------------------------------------
    def paragraph_start(self) -> None:
        if self._rows is not None:  # a cell's next paragraph: a new line of its text
            if self._text:
                self.text("\n")
            return
        for _, _, buf, _ in self._active.values():  # a value going on in a new paragraph
            if buf:
                buf.append("\n")
        self._paragraphs += 1
        self._text, self._names, self._copied, self._length = [], [], [], 0
        self._runs, self._bold, self._images = [], False, []
        self._first_occurrence = len(self.occurrences)

    def image(self, key: str, width_mm: float | None = None) -> None:
        """A picture in the body's paragraph being read (*key*: its part, for the reader
        to give the bytes of in :attr:`images`), *width_mm* wide as printed."""
        if self._rows is None:
            self._images.append((key, width_mm))
        else:
            self.cell_pictures.append(self._place())

    def paragraph_end(self) -> None:
        if self._rows is None:
            text = "".join(self._text)
            place = Place(paragraph=self._paragraphs, hint=_excerpt(text))
            self.blocks.append(ParagraphBlock(text, tuple(self._names), place,
                                              self._rich(), tuple(self._images)))
            for draft in self.occurrences[self._first_occurrence:]:
                draft.place, draft.container = place, text
            self._text, self._names, self._copied = [], [], []
            self._runs, self._bold, self._images = [], False, []

    def _rich(self) -> str:
        """The paragraph's text with its bold parts marked, when some (not all) is bold."""
        if not self._bold:
            return ""
        flags = dict(self._runs)
        pieces = [(t, flags.get(i, False)) for i, t in enumerate(self._text)]
        if all(bold for t, bold in pieces if t.strip()):
            return ""  # bold throughout: a heading's look, not words set in bold
        return bold_markup(pieces)

    def table_start(self) -> None:
        if self._rows is not None:
            self._depth += 1
            return
        self._tables += 1
        self._rows, self._row = [], 0

    def table_end(self) -> None:
        if self._depth:
            self._depth -= 1
            return
        assert self._rows is not None
        self.blocks.append(TableBlock(self._tables, tuple(self._rows)))
        self._rows = None

    def row_start(self) -> None:
        if self._depth:
            return
        self._row += 1
        self._cells, self._column = [], 0
        self._first_occurrence = len(self.occurrences)

    def row_end(self) -> None:
        if self._depth or self._rows is None:
            return
        first = next((c.text for c in self._cells if c.text.strip()), "")
        place = Place(table=self._tables, row=self._row, hint=_excerpt(first))
        self._rows.append(TableRow(tuple(self._cells), place))
        for draft in self.occurrences[self._first_occurrence:]:
            draft.place = attrs.evolve(place, column=draft.place.column)

    def cell_start(self, span: int = 1) -> None:
        if self._depth:
            return
        self._column += 1
        self._span = span
        self._text, self._names, self._copied, self._length = [], [], [], 0
        self._first_in_cell = len(self.occurrences)

    def cell_end(self) -> None:
        if self._depth:
            return
        for key, (_, place, _, _) in list(self._active.items()):
            if place.table == self._tables and place.row == self._row and \
                    place.column == self._column:
                self.bookmark_end(key)  # a value never goes on beyond its cell
        text = "".join(self._text)
        self._cells.append(Cell(text.strip("\n"), tuple(self._names), self._column,
                                tuple(self._copied), self._span))
        column = self._column
        for draft in self.occurrences[self._first_in_cell:]:
            if draft.place.column == column:
                draft.container = text
        self._column += self._span - 1
        self._text, self._names, self._copied = [], [], []

    def build(self) -> Outline:
        for key in list(self._active):  # a bookmark never closed ends with the document
            self.bookmark_end(key)
        return Outline(tuple(self.blocks),
                       tuple(Occurrence(d.name, d.text, d.place, d.offset, d.container)
                             for d in self.occurrences), self.form_id, self.images,
                       tuple(self.cell_pictures))

    # -- internals ---------------------------------------------------------------
    def _place(self) -> Place:
        if self._rows is not None:
            first = next((c.text for c in self._cells if c.text.strip()), "")
            return Place(table=self._tables, row=self._row, column=self._column,
                         hint=_excerpt(first))
        return Place(paragraph=self._paragraphs, hint=_excerpt("".join(self._text)))
