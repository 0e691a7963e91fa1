"""Typesetting per GB/T 9704, as the layouts and both engines use it: the fonts, each
paragraph style, the smallest type of a table, which styles keep with what follows and
which are headings. (Apart from the layout's elements, so that an engine writing a value
does not load the layouts.)"""

from __future__ import annotations

import attrs


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
