"""Table column widths fitted to what the columns hold, so that a credit code, a date, a
score or an indicator number never breaks over two lines.

A table states its columns' widths in millimetres (their proportions) and, per column, the
widest value that must stay on one line (:data:`CREDIT_CODE`, :data:`DATE`, …). The fitted
widths give every column at least the room its unbreakable content needs — those values,
the Latin words and numbers a label holds, and a label's first characters — taken from the
columns that have room to spare; the table keeps its total width.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence

#: the widest values of common kinds, as examples to size a column by
CREDIT_CODE = "91330226MA2HXK1PX6"
DATE = "2022年12月31日"
MONTH = "2022年12月"
PHONE = "0551-63817799"
SCORE = "100.0"
INDICATOR_ID = "G1.1.10"
YEAR = "2022年"

#: each side's cell margin in a table (narrower than Word's 1.9 mm default, so that the
#: nine columns of an evaluation table keep their numbers whole)
CELL_MARGIN_MM = 1.0
#: the space Word and LibreOffice put between Chinese and Latin letters or digits, in ems
_AUTOSPACE = 0.25
_MM_PER_PT = 25.4 / 72
#: advance widths in ems of Times New Roman (Liberation Serif has the same metrics)
_NARROW = {".": 0.25, ",": 0.25, ":": 0.28, "/": 0.28, "-": 0.33, "(": 0.33, ")": 0.33,
           " ": 0.25, "%": 0.83, "I": 0.33, "J": 0.39, "i": 0.28, "l": 0.28, "j": 0.28,
           "t": 0.28, "f": 0.33, "r": 0.33, "M": 0.89, "W": 0.94, "m": 0.78, "w": 0.72}
#: what a label keeps together: whole Latin words and numbers, and its first few
#: characters of Chinese (a longer label breaks after them)
_LABEL_CJK, _HEADER_CJK, _WHOLE_LABEL, _WHOLE_HEADER = 6, 2, 8, 4
_GENEROUS_COLUMNS = 8
_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_LATIN_RUN = re.compile(r"[\x21-\x7e]+")


def _char_em(ch: str) -> float:
    if ch in _NARROW:
        return _NARROW[ch]
    if _is_cjk(ch):
        return 1.0
    if ch.isdigit() or ch.islower():
        return 0.5
    return 0.72  # capitals and the rest


def _is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def text_mm(text: str, size_pt: float) -> float:
    """The printed width of *text* on one line at *size_pt*, in millimetres, with the
    space put between Chinese and Latin letters or digits."""
    ems = sum(_char_em(ch) for ch in text)
    ems += _AUTOSPACE * sum(1 for a, b in itertools.pairwise(text)
                            if _is_cjk(a) != _is_cjk(b) and not a.isspace() and not b.isspace())
    return ems * size_pt * _MM_PER_PT


def _cell_mm(text: str, size_pt: float) -> float:
    return text_mm(text, size_pt) * 1.01 + 2 * CELL_MARGIN_MM


def _static_needs(text: str, size_pt: float, header: bool, generous: bool) -> float:
    """The room a cell's own text needs: its Latin words and numbers whole, and the
    first characters of each line of Chinese — all of a label of up to eight (统一社会信用
    代码) and of a header of up to four (自评得分) where the table is *generous*."""
    need = 0.0
    keep = _HEADER_CJK if header else _LABEL_CJK
    whole_up_to = (_WHOLE_HEADER if header else _WHOLE_LABEL) if generous else 0
    for line in _EXPRESSION.sub(" ", text).split("\n"):
        for run in _LATIN_RUN.findall(line):
            need = max(need, _cell_mm(run, size_pt))
        cjk = [ch for ch in line if _is_cjk(ch)]
        whole = len(cjk) <= whole_up_to
        need = max(need, _cell_mm("".join(cjk if whole else cjk[:keep]), size_pt))
    return need


def _needs(widths_mm: Sequence[float], rows: Sequence[tuple[object, ...]], header_rows: int,
           size_pt: float, widest: Sequence[str], *, generous: bool) -> list[float]:
    need = [2 * CELL_MARGIN_MM] * len(widths_mm)
    for c, example in enumerate(widest):
        if example:
            need[c] = max(need[c], _cell_mm(example, size_pt))
    for r, cells in enumerate(rows):
        for c, cell in enumerate(cells):
            spans = c + 1 < len(cells) and cells[c + 1] is None
            if isinstance(cell, str) and not spans:
                need[c] = max(need[c], _static_needs(cell, size_pt, r < header_rows,
                                                     generous))
    return need


def fit_widths(widths_mm: Sequence[float], rows: Sequence[tuple[object, ...]],
               header_rows: int, size_pt: float, widest: Sequence[str]) -> tuple[float, ...]:
    """Widths for the columns of a table: *widths_mm* where they leave each column the room
    its content needs (*rows*' texts, one cell each column, ``None`` for a merged cell;
    *widest* per column, the widest value that must stay on one line), else widened with
    room taken from the columns that have it to spare, in proportion to it.

    Raises ValueError when the content cannot fit the table's total width at all.
    """
    total = sum(widths_mm)
    # labels and headers whole where the table has room (eight columns at most), broken
    # where it is narrow
    need = _needs(widths_mm, rows, header_rows, size_pt, widest,
                  generous=len(widths_mm) <= _GENEROUS_COLUMNS)
    if sum(need) > total + 0.01:
        need = _needs(widths_mm, rows, header_rows, size_pt, widest, generous=False)
    if sum(need) > total + 0.01:
        raise ValueError(f"the columns need {sum(need):.1f} mm to keep their content on one "
                         f"line ({', '.join(f'{n:.1f}' for n in need)}), the table is "
                         f"{total:.1f} mm wide")
    widths = list(widths_mm)
    short = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
    if short <= 0:
        return tuple(widths)
    spare = [max(0.0, w - n) for n, w in zip(need, widths, strict=True)]
    room = sum(spare)
    return tuple(round(max(n, w) - (s / room) * short, 2) if s else round(max(n, w), 2)
                 for n, w, s in zip(need, widths, spare, strict=True))
