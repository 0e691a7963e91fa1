"""A narrative's blocks in WordprocessingML: a paragraph's runs with their bold, captions
numbered 表N and 图N, photos as inline pictures, tables with borders and a repeated
header row.

The template picks a paragraph style by a block's kind; the marker filter writes what
:mod:`greendocs.engines.blocks` names with these (inside the block's bookmark); a table is
a paragraph-level ``gdtable``.
"""

from __future__ import annotations

import re
from typing import Any

from ...layout.typesetting import LATIN_FONT, MIN_TABLE_SIZE, TABLE_FONT
from ...types.narrative import NarrativeTable, inline_runs
from ..figures import Figures
from .run_xml import RUN_END, run_body, run_start

#: EMUs in a millimetre
EMU_PER_MM = 36000
_RPR_FONTS = re.compile(r"<w:rFonts\b[^>]*/>")
_REL_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"


def bold(rpr: str) -> str:
    """Run properties *rpr* with bold type (after the fonts, where the schema has it)."""
    if "<w:b/>" in rpr:
        return rpr
    if not rpr:
        return "<w:rPr><w:b/><w:bCs/></w:rPr>"
    m = _RPR_FONTS.search(rpr)
    at = m.end() if m else rpr.index(">") + 1
    return rpr[:at] + "<w:b/><w:bCs/>" + rpr[at:]


def rich_runs(rpr: str, text: str) -> str:
    """*text* as runs with properties *rpr*, its ``**…**`` parts bold."""
    return "".join(f"{run_start(bold(rpr) if is_bold else rpr)}{run_body(part)}{RUN_END}"
                   for part, is_bold in inline_runs(text))


_TABLE_RPR = (f'<w:rPr><w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" '
              f'w:eastAsia="{TABLE_FONT}" w:cs="{LATIN_FONT}" w:hint="eastAsia"/>'
              f'<w:sz w:val="{int(MIN_TABLE_SIZE * 2)}"/>'
              f'<w:szCs w:val="{int(MIN_TABLE_SIZE * 2)}"/></w:rPr>')
_BORDER = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'


def table_xml(table: NarrativeTable, width: int) -> str:
    """*table* as a ``w:tbl`` *width* twips wide: columns of equal width, the header row
    bold, centred and repeated on each page, no row split across pages."""
    columns = len(table.header)
    col = width // columns
    borders = "".join(_BORDER.format(side) for side in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{col}"/>' for _ in range(columns))

    def row(cells: tuple[str, ...], header: bool) -> str:
        props = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else \
            "<w:trPr><w:cantSplit/></w:trPr>"
        rpr = bold(_TABLE_RPR) if header else _TABLE_RPR
        out = []
        for text in cells:
            align = "center" if header else "left"
            paragraphs = "".join(
                f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="{align}"/>'
                f"</w:pPr>{f'{run_start(rpr)}{run_body(line)}{RUN_END}' if line else ''}</w:p>"
                for line in text.split("\n"))
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{col}" w:type="dxa"/>'
                       f'<w:vAlign w:val="center"/></w:tcPr>{paragraphs}</w:tc>')
        return f"<w:tr>{props}{''.join(out)}</w:tr>"

    rows = row(table.header, True) + "".join(row(r, False) for r in table.rows)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{col * columns}" w:type="dxa"/>'
            f'<w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/>'
            '<w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>{_GAP}")


#: a 6-point empty paragraph: the space between a table and the text after it
_GAP = ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/>'
        "</w:pPr></w:p>")


def drawing_xml(rid: str, number: int, name: str, cx: int, cy: int) -> str:
    """An inline picture of the image part *rid*, *cx* × *cy* EMU."""
    return (f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{90000 + number}" name="{name}"/>'
            f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/>'
            f'</wp:cNvGraphicFramePr><a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}">'
            f'<pic:pic xmlns:pic="{_PIC}"><pic:nvPicPr><pic:cNvPr id="{90000 + number}" '
            f'name="{name}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
            f'<a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing>")


def drawing_run(figures: Figures, image: Any, rpr: str) -> str:
    """The run of a photo (its image part added to the render's *figures*)."""
    photo = figures.photo(image)
    if photo is None:
        return ""
    cx, cy = int(photo.width_mm * EMU_PER_MM), int(photo.height_mm * EMU_PER_MM)
    drawing = drawing_xml(f"rIdGdImg{photo.number}", photo.number, f"图{photo.number}", cx, cy)
    return f"<w:r>{rpr}{drawing}</w:r>"


def with_images(rels: bytes, content_types: bytes,
                images: list[tuple[str, bytes, str]]) -> tuple[bytes, bytes]:
    """The document's relationships and content types with *images* added."""
    rel = "".join(f'<Relationship Id="rIdGdImg{i}" Type="{_REL_IMAGE}" Target="{part}"/>'
                  for i, (part, _, _) in enumerate(images, 1))
    rels = rels.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
    text = content_types.decode("utf-8")
    for _, _, kind_ in images:
        ext = kind_.split("/")[1]
        for extension in ((ext, "jpg") if ext == "jpeg" else (ext,)):
            if f'Extension="{extension}"' not in text:
                text = text.replace("</Types>", f'<Default Extension="{extension}" '
                                    f'ContentType="{kind_}"/></Types>')
    return rels, text.encode("utf-8")
