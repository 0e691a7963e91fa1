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


@attrs.frozen
class ParagraphStyle:
    """Typesetting of one kind of paragraph (fonts by East Asian name; sizes in points)."""

    font: str
    size: float
    bold: bool = False
    align: str = "left"  # left | center | justify
    space_before: float = 0
    space_after: float = 0


# GBK fonts shipped with Chinese Windows and WPS; LibreOffice on Linux falls back to an
# installed CJK font (Noto with fonts-noto-cjk).
BODY_FONT, HEADING_FONT, TABLE_FONT, LATIN_FONT = "仿宋", "黑体", "宋体", "Times New Roman"
KAI_FONT, TITLE_FONT = "楷体", "方正小标宋简体"
#: fallbacks named in the documents for each Chinese font
FONT_FALLBACKS = {"仿宋": "FangSong", "黑体": "SimHei", "宋体": "SimSun", "楷体": "KaiTi",
                  "方正小标宋简体": "SimSun"}

# GB/T 9704's hierarchy: title 小标宋 二号 (22 pt); 一级 "一、" 黑体, 二级 "（一）" 楷体, 三级
# "1." 仿宋 bold, body 仿宋, all 三号 (16 pt) and left-aligned
STYLES: dict[str, ParagraphStyle] = {
    "attachment": ParagraphStyle(HEADING_FONT, 16),
    "title": ParagraphStyle(TITLE_FONT, 22, align="center", space_before=12, space_after=6),
    "subtitle": ParagraphStyle(BODY_FONT, 14, align="center", space_after=12),
    "heading": ParagraphStyle(HEADING_FONT, 16, space_before=12, space_after=6),
    "heading2": ParagraphStyle(KAI_FONT, 16, space_before=6, space_after=3),
    "heading3": ParagraphStyle(BODY_FONT, 16, bold=True, space_before=3),
    # left-aligned, not justified: LibreOffice drops the punctuation that hangs at the end
    # of a justified line (提供的材料真实、有效 printed 真实有效); Chinese text set in
    # full-width characters keeps an even right edge anyway
    "body": ParagraphStyle(BODY_FONT, 16),
    "cover_title": ParagraphStyle(TITLE_FONT, 26, align="center", space_before=120,
                                  space_after=60),
    "cover_line": ParagraphStyle(BODY_FONT, 16, align="center", space_after=12),
    "note": ParagraphStyle(BODY_FONT, 10.5, space_before=6),
    # a signature block's lines: who signs, the seal, the date
    "signature": ParagraphStyle(BODY_FONT, 16, align="right"),
    # a narrative's photos and captions: a table's caption above it (kept with it), a
    # photo's below it (the photo kept with its caption)
    "table_caption": ParagraphStyle(HEADING_FONT, 14, align="center", space_before=6,
                                    space_after=3),
    "figure": ParagraphStyle(BODY_FONT, 16, align="center", space_before=6),
    "figure_caption": ParagraphStyle(HEADING_FONT, 14, align="center", space_after=6),
}


#: the smallest type in a table (五号, GB/T 9704's floor for tables)
MIN_TABLE_SIZE = 10.5
#: styles that introduce what follows them: never left alone at the foot of a page
KEEP_WITH_NEXT = frozenset({"attachment", "title", "subtitle", "heading", "heading2",
                            "heading3", "cover_title", "table_caption", "figure"})
#: the outline level of each heading style (what a 目录 lists and a PDF's bookmarks show)
OUTLINE_LEVELS = {"heading": 0, "heading2": 1, "heading3": 2}

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
        return frozenset(name for name in rows if not any(
            re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", text) for text in elsewhere))

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
