"""A form's page layout as data: the one definition both the .docx and the .odt come from.

Texts may hold Jinja expressions (``{{ factory.name }}``); the .docx template builder
writes them into a docxtpl template, the .odt template builder into the content.xml it
compiles; both render them with Jinja.
"""

from __future__ import annotations

import re

import attrs

from ..model.introspection import field_map

# the widest values of common kinds, for a table's ``widest``
from .columns import CREDIT_CODE as CREDIT_CODE
from .columns import DATE as DATE
from .columns import INDICATOR_ID as INDICATOR_ID
from .columns import MONTH as MONTH
from .columns import PHONE as PHONE
from .columns import SCORE as SCORE
from .columns import fit_widths

# typesetting, defined apart (an engine writing a value needs no layout): named here too
from .typesetting import BODY_FONT as BODY_FONT
from .typesetting import FONT_FALLBACKS as FONT_FALLBACKS
from .typesetting import HEADING_FONT as HEADING_FONT
from .typesetting import KAI_FONT as KAI_FONT
from .typesetting import KEEP_WITH_NEXT as KEEP_WITH_NEXT
from .typesetting import LATIN_FONT as LATIN_FONT
from .typesetting import MIN_TABLE_SIZE as MIN_TABLE_SIZE
from .typesetting import OUTLINE_LEVELS as OUTLINE_LEVELS
from .typesetting import STYLES as STYLES
from .typesetting import TABLE_FONT as TABLE_FONT
from .typesetting import TITLE_FONT as TITLE_FONT
from .typesetting import ParagraphStyle as ParagraphStyle

#: the space between a table and the paragraph after it (points)
TABLE_GAP = 8


def space_before(block: Paragraph, previous: object) -> float:
    """The space above *block*, a paragraph after *previous*: its style's, and never less
    than :data:`TABLE_GAP` below a table."""
    space = STYLES[block.style].space_before
    return max(space, TABLE_GAP) if isinstance(previous, Table) else space


#: the first line of draft output (``render(..., draft=True)``)
DRAFT_BANNER = "【草稿】本稿供核对，附有数据来源和未经核实事项的说明，不得作为正式材料报送。"


@attrs.frozen
class Paragraph:
    """A paragraph of *style*; its text may hold expressions. A *draft_only* paragraph (a
    note for the consultant: where figures come from, what is unverified) is printed in
    draft output only, never in the document handed in."""

    text: str
    style: str = "body"
    draft_only: bool = False
    #: kept on the page of the paragraph after it (a pledge with its signature)
    keep_with_next: bool = False

    @property
    def keeps_with_next(self) -> bool:
        """Whether the paragraph is never left alone at the foot of a page."""
        return self.keep_with_next or self.style in KEEP_WITH_NEXT


@attrs.frozen
class ListCell:
    """A cell holding one paragraph per item of a list: ``for var in iterable``."""

    var: str
    iterable: str
    text: str


#: a cell: text (each line a paragraph of its own), a list cell, or None (merged into the
#: cell on its left)
Cell = str | ListCell | None


@attrs.frozen
class Row:
    """A table row; a ``None`` cell widens the cell to its left. *min_height* (millimetres)
    leaves room for what is written by hand: a seal, an opinion."""

    cells: tuple[Cell, ...]
    min_height: float = 0


@attrs.frozen
class LoopRow:
    """A row repeated for every item: ``for var in iterable``; ``loop.index`` counts from 1."""

    var: str
    iterable: str
    cells: tuple[str | ListCell, ...]

    @property
    def lists_lines(self) -> bool:
        """Whether a cell lists the lines of a list inside the item."""
        return any(isinstance(cell, ListCell) for cell in self.cells)


@attrs.frozen
class Table:
    """A bordered table; header rows repeat on each page and no row breaks across pages.

    *widths_mm* are the columns' widths in millimetres, as proportions: the printed widths
    (:attr:`widths`) give each column the room its content needs on one line. *widest*
    names, per column, the widest value that must never break (:data:`columns.CREDIT_CODE`,
    :data:`columns.DATE`, …; ``""`` for a column whose values may wrap).
    """

    widths_mm: tuple[float, ...]
    rows: tuple[Row | LoopRow, ...]
    header_rows: int = 0
    size: float = 10.5
    widest: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        for row in self.rows:
            if len(row.cells) != len(self.widths_mm):
                raise ValueError(f"row {row} has {len(row.cells)} cells for "
                                 f"{len(self.widths_mm)} columns")
        if self.widest and len(self.widest) != len(self.widths_mm):
            raise ValueError(f"widest names {len(self.widest)} columns of "
                             f"{len(self.widths_mm)}")

    @property
    def keep_together(self) -> bool:
        """Whether the table is kept on one page: a short table of fixed rows (a list of
        seven circumstances never leaves its last one to the next page)."""
        return len(self.rows) <= 12 and all(isinstance(row, Row) for row in self.rows)

    @property
    def type_size(self) -> float:
        """The size of the table's type in points (never under 五号)."""
        return max(self.size, MIN_TABLE_SIZE)

    @property
    def widths(self) -> tuple[float, ...]:
        """The printed widths of the columns in millimetres (see :func:`columns.fit_widths`)."""
        return fit_widths(self.widths_mm,
                          [tuple(c if isinstance(c, str) or c is None else "" for c in row.cells)
                           for row in self.rows],
                          self.header_rows, self.type_size, self.widest)


@attrs.frozen
class Paragraphs:
    """One paragraph of *style* per item: ``for var in iterable``."""

    var: str
    iterable: str
    text: str
    style: str = "body"


@attrs.frozen
class Narrative:
    """A narrative section's blocks (``for var in iterable``): each paragraph styled by how
    it begins (（一） a 二级 heading, 1. a 三级 heading, else body text), each table with
    its caption (表N) above it, each photo with its caption (图N) below it; see
    :mod:`greendocs.types.narrative`."""

    iterable: str
    var: str = "b"


@attrs.frozen
class PageBreak:
    """Start a new page (after the cover, say)."""


@attrs.frozen
class Contents:
    """目录: the 一级 and 二级 headings that follow it, each with its page number where the
    output knows it (a PDF: the pages are read from a first conversion). Word updates the
    numbers of a .docx when it opens it; the readers skip a table of contents."""

    title: str = "目录"


Block = Paragraph | Paragraphs | Narrative | Table | PageBreak | Contents


@attrs.frozen
class PageSetup:
    """A4 with the GB/T 9704 margins by default (millimetres)."""

    width: float = 210
    height: float = 297
    top: float = 37
    bottom: float = 35
    left: float = 28
    right: float = 26


@attrs.frozen
class Layout:
    """The whole document: its title (for document properties) and blocks in order."""

    title: str
    blocks: tuple[Block, ...]
    page: PageSetup = PageSetup()
    #: a running header printed on every page (plain text, no expressions)
    header: str | None = None

    def headings(self) -> tuple[tuple[int, str], ...]:
        """(outline level, text) of the headings a 目录 lists: the 一级 and 二级 headings
        after the :class:`Contents` block that print no expression; () without one."""
        found: list[tuple[int, str]] = []
        listing = False
        for block in self.blocks:
            if isinstance(block, Contents):
                listing = True
            elif (listing and isinstance(block, Paragraph) and not block.draft_only
                  and OUTLINE_LEVELS.get(block.style, 9) <= 1 and "{" not in block.text):
                found.append((OUTLINE_LEVELS[block.style], block.text))
        return tuple(found)

    def rows_of(self, row: LoopRow) -> str:
        """The expression a table's *row* iterates: its list through ``gdrows`` (a long
        list's rows lean: see :mod:`greendocs.markers.model_view`) when the layout prints
        the list nowhere else — in no paragraph, no list cell, no row listing lines (which
        the read-back reads by their markers) — else the list itself (every row marked)."""
        return f"({row.iterable})|gdrows" if row.iterable in self._lean_lists() else \
            row.iterable

    def _lean_lists(self) -> frozenset[str]:
        rows: set[str] = set()
        elsewhere: list[str] = []  # every other text and loop of the layout
        for block in self.blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    if isinstance(row, LoopRow) and not row.lists_lines:
                        rows.add(row.iterable)
                    elif isinstance(row, LoopRow):
                        elsewhere.append(row.iterable)
                    elsewhere += [c if isinstance(c, str) else f"{c.iterable} {c.text}"
                                  for c in row.cells if c is not None]
            elif isinstance(block, Paragraph):
                elsewhere.append(block.text)
            elif isinstance(block, Paragraphs):
                elsewhere += (block.iterable, block.text)
            elif isinstance(block, Narrative):
                elsewhere.append(block.iterable)
        text = "\n".join(elsewhere)
        return frozenset(name for name in rows
                         if not re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", text))

    @property
    def has_cover(self) -> bool:
        """Whether the document opens with a cover page (a cover title before the first
        page break): a cover carries no running header and no page number."""
        for block in self.blocks:
            if isinstance(block, PageBreak):
                return False
            if isinstance(block, Paragraph) and block.style == "cover_title":
                return True
        return False


#: a four-column label | value | label | value table (millimetres)
FOUR_COLUMNS = (22.0, 56.0, 33.0, 45.0)


def four_columns(rows: tuple[Row | LoopRow, ...]) -> Table:
    """A label | value | label | value table whose values (a credit code, a telephone
    number, a date) each stay on one line."""
    return Table(FOUR_COLUMNS, rows, widest=("", CREDIT_CODE, "", CREDIT_CODE))


def labels(cls: type) -> dict[str, str]:
    """The Chinese labels of a model's fields, by field name."""
    return {name: info.label for name, info in field_map(cls).items()}
