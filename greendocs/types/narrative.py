"""A report's narrative as blocks: paragraphs (sub-headings and list items among them,
known by how they begin), tables and photos — written in YAML/JSON as a small Markdown
subset, or as mappings (see ``docs/narrative.md``).

A paragraph is text, as printed: a sub-heading begins with its number the way official
documents number them (``（一）``, ``1.``), a bulleted item with ``•`` (``-`` and ``*``
are taken for it), ``**bold**`` marks bold type. So what a person types in Word — a new
``（三）`` heading, a bullet — reads back as what the input would have said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from ..errors import FieldValueError

#: the most cells a narrative table may have
MAX_TABLE_CELLS = 2000
_IMAGE = re.compile(r"^!\[(?P<caption>[^\]]*)\]\((?P<path>[^()\s]+)\)"
                    r"(?:\s*\{\s*width\s*=\s*(?P<width>[\d.]+)\s*(?P<unit>cm|mm)\s*\})?$")
#: what looks like a photo in Markdown, well written or not
_IMAGE_LIKE = re.compile(r"!\[[^\]]*\]\(")
_TABLE_CAPTION = re.compile(r"^表\s*\d*\s*[：:]?\s*(?P<caption>.+)$")
_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_BULLET = re.compile(r"^[-*•]\s+")
_HEADING2 = re.compile(r"^（[一二三四五六七八九十]+）")
_HEADING3 = re.compile(r"^\d{1,2}[.．]\s*(?!\d)")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_PIPE = re.compile(r"(?<!\\)\|")
#: a sub-heading is a short line without a sentence's end
_HEADING_LENGTH = 40


def _texts(cells: Iterable[str]) -> tuple[str, ...]:
    return tuple(cells)


def _rows(rows: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(r) for r in rows)


@attrs.frozen
class NarrativeTable:
    """A small table in a narrative: its caption (printed above it as 表N caption), its
    header row and its rows, all text."""

    caption: str
    header: tuple[str, ...] = attrs.field(converter=_texts)
    rows: tuple[tuple[str, ...], ...] = attrs.field(converter=_rows)

    def __attrs_post_init__(self) -> None:
        if not self.header:
            raise FieldValueError("a table needs a header row", zh="表格需要表头行")
        width = len(self.header)
        for i, row in enumerate(self.rows):
            if len(row) != width:
                name = f"table {self.caption!r}" if self.caption else \
                    f"the table headed {' | '.join(self.header)}"
                raise FieldValueError(
                    f"row {i + 1} of {name} has {len(row)} cells, its header {width}",
                    zh=f"表格“{self.caption or ' | '.join(self.header)}”第{i + 1}行有{len(row)}格，"
                    f"表头有{width}格")
        if width * (len(self.rows) + 1) > MAX_TABLE_CELLS:
            raise FieldValueError(f"table {self.caption!r} has more than {MAX_TABLE_CELLS} "
                                  "cells; put large tables in an annex",
                                  zh=f"表格“{self.caption}”超过{MAX_TABLE_CELLS}格")


@attrs.frozen
class NarrativeImage:
    """A photo in a narrative: the file (*path*, as the input names it, relative to the
    input file), its caption (printed below it as 图N caption) and its printed width
    (at most the text's; the text's when not given; read back as printed, so not
    compared). *data* holds the file's bytes once read (what documents embed and what
    two images are compared by)."""

    path: str = attrs.field(eq=False)
    caption: str
    width_mm: Decimal | None = attrs.field(default=None, eq=False)
    data: bytes = attrs.field(default=b"", repr=lambda d: f"<{len(d):,} bytes>")


Block = str | NarrativeTable | NarrativeImage


def kind(block: Block) -> str:
    """How a block prints: ``table``, ``image``, ``heading2`` (（一）…), ``heading3``
    (1. …), ``bullet`` (• …) or ``body``."""
    if isinstance(block, NarrativeTable):
        return "table"
    if isinstance(block, NarrativeImage):
        return "image"
    if block.startswith("• "):
        return "bullet"
    # a heading is printed bold (三级) or in 楷体 throughout: no words set bold within it
    short = len(block) <= _HEADING_LENGTH and "\n" not in block and "**" not in block and \
        not block.endswith(("。", "；", "！", "？"))
    if short and _HEADING2.match(block):
        return "heading2"
    if short and _HEADING3.match(block):
        return "heading3"
    return "body"


def inline_runs(text: str) -> list[tuple[str, bool]]:
    """*text* as runs of (text, bold): ``**…**`` is bold, without its stars."""
    runs: list[tuple[str, bool]] = []
    pos = 0
    for m in _BOLD.finditer(text):
        if m.start() > pos:
            runs.append((text[pos:m.start()], False))
        runs.append((m.group(1), True))
        pos = m.end()
    if pos < len(text):
        runs.append((text[pos:], False))
    return runs


def bold_markup(runs: list[tuple[str, bool]]) -> str:
    """The text of *runs* with bold ones in ``**…**`` (adjacent runs of one kind joined):
    what :func:`inline_runs` splits."""
    merged: list[list[Any]] = []
    for text, bold in runs:
        if not text:
            continue
        if merged and merged[-1][1] == bold:
            merged[-1][0] += text
        else:
            merged.append([text, bold])
    return "".join(f"**{t}**" if b and t.strip() else t for t, b in merged)


def parse_blocks(value: Any) -> Iterator[Block]:
    """The blocks of one item of a narrative list: a mapping (``table:`` or ``image:``),
    or Markdown text (several blocks where it has blank lines)."""
    if isinstance(value, (NarrativeTable, NarrativeImage)):
        yield value
        return
    if isinstance(value, dict):
        yield _block_of_mapping(value)
        return
    if not isinstance(value, str):
        raise FieldValueError(f"expected text, a table or an image, got "
                              f"{type(value).__name__} {value!r}",
                              zh=f"应为文字、表格或图片，实为{value!r}")
    chunks = [c.strip() for c in re.split(r"\n[ \t]*\n", value.replace("\r\n", "\n"))]
    chunks = [c for c in chunks if c]
    for i, chunk in enumerate(chunks):
        after = chunks[i + 1] if i + 1 < len(chunks) else ""
        if _TABLE_CAPTION.match(chunk) and "\n" not in chunk and _table_at(after) == 0:
            continue  # a caption and its table with a blank line between: one table
        before = chunks[i - 1] if i else ""
        if i and _TABLE_CAPTION.match(before) and "\n" not in before and \
                _table_at(chunk) == 0:
            chunk = f"{before}\n{chunk}"
        yield from _blocks_of_text(chunk)


def _table_at(chunk: str) -> int | None:
    """The line where a pipe table starts in *chunk* (a line with a bar, followed by a
    line of dashes), or None."""
    lines = [line.strip() for line in chunk.split("\n")]
    for i in range(len(lines) - 1):
        if "|" in lines[i] and _SEPARATOR.match(lines[i + 1]):
            return i
    return None


def _blocks_of_text(chunk: str) -> Iterator[Block]:
    lines = [line.strip() for line in chunk.split("\n")]
    table_at = _table_at(chunk)
    if table_at is None and any(line.startswith("|") for line in lines):
        table_at = next(i for i, line in enumerate(lines) if line.startswith("|"))
    if table_at is not None:
        before = lines[:table_at]
        caption = ""
        if before and (m := _TABLE_CAPTION.match(before[-1])):
            caption, before = m.group("caption").strip(), before[:-1]
        if before:
            yield from _blocks_of_text("\n".join(before))
        rows = lines[table_at:]
        end = next((i for i, line in enumerate(rows) if "|" not in line), len(rows))
        yield _pipe_table(rows[:end], caption)
        if rows[end:]:
            yield from _blocks_of_text("\n".join(rows[end:]))
        return
    if any(_IMAGE_LIKE.search(line) for line in lines):
        for line in lines:
            if not _IMAGE_LIKE.search(line):
                yield from _blocks_of_text(line)
                continue
            m = _IMAGE.match(line)
            if m is None:
                raise FieldValueError(
                    f"{line!r} is not a photo as greendocs reads one: a line of its own, "
                    "![caption](path) with an optional {width=12cm} or {width=80mm}; for a "
                    "file name with brackets or spaces use {image: PATH, caption: …}",
                    zh=f"“{line}”不是可识别的图片写法：应单独一行写![图题](路径)，可加{{width=12cm}}；"
                    "文件名含括号或空格时请用{image: 路径, caption: 图题}")
            width = m.group("width")
            yield _image(m.group("path"), m.group("caption"),
                         f"{width}{m.group('unit')}" if width else None, "![caption](path)")
        return
    if any(_BULLET.match(line) for line in lines):  # each item a paragraph of its own
        for line in lines:
            yield _BULLET.sub("• ", line)
        return
    if len(lines) > 1 and kind(lines[0]) in ("heading2", "heading3"):
        yield lines[0]  # a sub-heading with its text under it: two paragraphs
        yield from _blocks_of_text("\n".join(lines[1:]))
        return
    yield chunk


def _cells(line: str) -> tuple[str, ...]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return tuple(c.strip().replace("\\|", "|").replace("<br>", "\n")
                 for c in _PIPE.split(body))


def _row_text(cells: Iterable[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|").replace("\n", "<br>") for c in cells) + " |"


def _pipe_table(lines: list[str], caption: str) -> NarrativeTable:
    if len(lines) < 2 or not _SEPARATOR.match(lines[1]):
        raise FieldValueError("a table is written as a header row, a line of dashes "
                              "(|---|---|) and its rows",
                              zh="表格应写为表头行、分隔行（|---|---|）和数据行")
    return NarrativeTable(caption, _cells(lines[0]), tuple(_cells(x) for x in lines[2:]))


def _width(width: Any) -> Decimal | None:
    """A printed width (``12cm``, ``80mm``) in mm; a unit is needed."""
    if width is None or width == "":
        return None
    shown = str(width).strip()
    text = shown.lower()
    unit = next((u for u in ("cm", "mm") if text.endswith(u)), None)
    try:
        if unit is None or isinstance(width, bool):
            raise InvalidOperation
        value = Decimal(text[:-2].strip())
    except InvalidOperation:
        raise FieldValueError(f"width {shown!r} is not a length with its unit (12cm, 80mm)",
                              zh=f"宽度“{shown}”不是带单位的长度（如12cm、80mm）") from None
    mm = value * 10 if unit == "cm" else value
    if not 10 <= mm <= 1000:
        raise FieldValueError(f"width {shown!r} is not between 1 cm and 100 cm",
                              zh=f"宽度“{shown}”不在1厘米至100厘米之间")
    return mm


def _image(path: str, caption: str, width: Any, how: str) -> NarrativeImage:
    """A photo block; *how* shows the caption's place in the way it was written."""
    path, caption = path.strip(), caption.strip()
    if not path:
        raise FieldValueError(f"a photo has no file: give its path ({how})",
                              zh="图片缺少文件路径")
    if not caption:
        raise FieldValueError(f"image {path}: needs a caption ({how})",
                              zh=f"图片{path}缺少图题")
    return NarrativeImage(path, caption, _width(width))


def _block_of_mapping(value: dict[str, Any]) -> Block:
    if set(value) <= {"table"} and isinstance(value.get("table"), dict):
        spec = value["table"]
        unknown = set(spec) - {"caption", "header", "rows"}
        if unknown or "header" not in spec:
            raise FieldValueError("a table is {table: {caption, header: [...], rows: "
                                  "[[...], ...]}}", zh="表格应写为{table: {caption, header, rows}}")
        header = [_text(c) for c in spec["header"]]
        rows = [[_text(c) for c in row] for row in spec.get("rows") or ()]
        return NarrativeTable(str(spec.get("caption") or ""), header, rows)
    if "image" in value and set(value) <= {"image", "caption", "width"}:
        return _image(str(value["image"] or ""), str(value.get("caption") or ""),
                      value.get("width"), "caption: …")
    raise FieldValueError(f"expected {{table: …}} or {{image: PATH, caption: …, width: …}}, "
                          f"got the keys {', '.join(map(str, value))}",
                          zh="应为表格{table: …}或图片{image: 路径, caption: 图题}")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # YAML's yes/no
        return "是" if value else "否"
    if isinstance(value, (list, dict)):
        raise FieldValueError(f"a table cell holds text, not {value!r}",
                              zh=f"表格单元格应为文字，实为{value!r}")
    return str(value)


def to_markdown(block: Block) -> str:
    """*block* as the Markdown text :func:`parse_blocks` reads (what a spreadsheet cell
    and the read-back hold)."""
    if isinstance(block, NarrativeTable):
        lines = [f"表：{block.caption}"] if block.caption else []
        lines += [_row_text(block.header), _row_text("---" for _ in block.header),
                  *(_row_text(r) for r in block.rows)]
        return "\n".join(lines)
    if isinstance(block, NarrativeImage):
        width = f"{{width={block.width_mm.normalize():f}mm}}" if block.width_mm else ""
        return f"![{block.caption}]({block.path}){width}"
    return block


def to_data(block: Block) -> Any:
    """Plain data for *block* (what :func:`parse_blocks` reads back)."""
    if isinstance(block, NarrativeTable):
        return {"table": {"caption": block.caption, "header": list(block.header),
                          "rows": [list(r) for r in block.rows]}}
    if isinstance(block, NarrativeImage):
        out: dict[str, Any] = {"image": block.path, "caption": block.caption}
        if block.width_mm is not None:
            out["width"] = f"{block.width_mm.normalize():f}mm"
        return out
    return block
