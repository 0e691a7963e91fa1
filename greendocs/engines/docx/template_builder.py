"""Building a form's .docx template (docxtpl syntax) from its :class:`~greendocs.layout.Layout`.

Used by ``tools/make_templates.py`` (each built-in form ships its template in its folder)
and by the renderer for forms that ship none.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ...layout.columns import CELL_MARGIN_MM
from ...layout.elements import (
    BODY_FONT,
    DRAFT_BANNER,
    FONT_FALLBACKS,
    HEADING_FONT,
    LATIN_FONT,
    OUTLINE_LEVELS,
    STYLES,
    TABLE_FONT,
    Contents,
    Layout,
    ListCell,
    LoopRow,
    Narrative,
    PageBreak,
    Paragraph,
    Paragraphs,
    Row,
    Table,
    space_before,
)
from .run_xml import unbreakable_numbers

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def set_fonts(element: Any, east_asia: str, size_pt: float | None = None,
              bold: bool = False) -> None:
    """Explicit fonts on a style's or run's rPr, theme fonts removed (they would win)."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for slot, name in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT),
                       ("w:eastAsia", east_asia), ("w:cs", LATIN_FONT)):
        fonts.set(qn(slot), name)
    fonts.set(qn("w:hint"), "eastAsia")
    if bold and rpr.find(qn("w:b")) is None:
        rpr.append(OxmlElement("w:b"))
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                rpr.append(el)
            el.set(qn("w:val"), str(round(size_pt * 2)))


def _font_table(doc: Any) -> None:
    """Declare the Chinese fonts with their Latin alternative names, for substitution."""
    part = doc.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable")
    xml = part.blob.decode("utf-8")
    entries = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        f'<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        for name, alt in FONT_FALLBACKS.items())
    part._blob = xml.replace("</w:fonts>", entries + "</w:fonts>").encode("utf-8")


def _page_number(paragraph: Any) -> None:
    """A centred "— N —" page number, 4号 宋体, as GB/T 9704 places it."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, field in (("— ", None), (None, "PAGE"), (" —", None)):
        run = paragraph.add_run()
        set_fonts(run._r, "宋体", 14)
        if text:
            run.text = text
        if field:
            for kind in ("begin", None, "end"):
                if kind is None:
                    el = OxmlElement("w:instrText")
                    el.set(qn("xml:space"), "preserve")
                    el.text = f" {field} "
                else:
                    el = OxmlElement("w:fldChar")
                    el.set(qn("w:fldCharType"), kind)
                run._r.append(el)


_VML = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word"')
#: Word's text watermark (a VML text path behind the page, as Word's Design > Watermark
#: writes it; LibreOffice reads it as its own watermark)
_WATERMARK = (
    f'<w:r {_VML}><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" '
    'adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    + "".join(f'<v:f eqn="{e}"/>' for e in (
        "sum #0 0 10800", "prod #0 2 1", "sum 21600 0 @1", "sum 0 0 @2", "sum 21600 0 @3",
        "if @0 @3 0", "if @0 21600 @1", "if @0 0 @2", "if @0 @4 21600", "mid @5 @6",
        "mid @8 @5", "mid @7 @8", "mid @6 @7", "sum @6 0 @5"))
    + '</v:formulas><v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/>'
    '</v:shapetype><v:shape id="PowerPlusWaterMarkObject{n}" o:spid="_x0000_s{spid}" '
    'type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:380pt;'
    'height:190pt;rotation:315;z-index:-251654144;mso-position-horizontal:center;'
    'mso-position-horizontal-relative:margin;mso-position-vertical:center;'
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="silver" '
    'stroked="f"><v:fill opacity=".5"/><v:textpath style="font-family:&quot;黑体&quot;;'
    'font-size:1pt" string="草稿"/><w10:wrap anchorx="margin" anchory="margin"/></v:shape>'
    '</w:pict></w:r>')


def _draft_watermark(paragraph: Any, n: int) -> None:
    """草稿 across the page, behind the text, in draft output only."""
    paragraph.add_run("{%r if draft %}")
    paragraph._p.append(parse_xml(_WATERMARK.replace("{n}", str(n))
                                  .replace("{spid}", str(2048 + n))))
    paragraph.add_run("{%r endif %}")


def _new_document(layout: Layout) -> Any:
    doc = Document()
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for slot, name in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT),
                       ("w:eastAsia", BODY_FONT), ("w:cs", LATIN_FONT)):
        fonts.set(qn(slot), name)
    # Chinese as the East Asian language (one w:lang, and the theme's too), so renderers
    # pick Simplified Chinese glyphs rather than Japanese ones
    rpr = fonts.getparent()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    # Latin letters and digits in English (as Chinese Word sets them): LibreOffice breaks
    # a line inside a number (201|7, 9|8.6%) when they are "Chinese" too
    lang.attrib.clear()
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    theme_lang = doc.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), "en-US")
        theme_lang.set(qn("w:eastAsia"), "zh-CN")
    normal = doc.styles["Normal"]
    set_fonts(normal.element, BODY_FONT, 12)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    page = layout.page
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(page.width), Mm(page.height)
    section.top_margin, section.bottom_margin = Mm(page.top), Mm(page.bottom)
    section.left_margin, section.right_margin = Mm(page.left), Mm(page.right)
    section.footer_distance = Mm(25)
    _page_number(section.footer.paragraphs[0])
    # a cover carries no running header and no page number: its first page's are empty
    section.different_first_page_header_footer = layout.has_cover
    section.header_distance = Mm(15)
    head = section.header.paragraphs[0]
    if layout.header:
        head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        set_fonts(head.add_run(layout.header)._r, "宋体", 10.5)
    _draft_watermark(head, 1)
    if layout.has_cover:
        _draft_watermark(section.first_page_header.paragraphs[0], 2)
    _font_table(doc)
    props = doc.core_properties
    props.title = layout.title
    props.author = props.last_modified_by = "greendocs"
    props.created = props.modified = dt.datetime(2022, 9, 16)
    props.revision = 1
    return doc


def _paragraph(doc: Any, block: Paragraph, previous: object = None) -> None:
    style = STYLES[block.style]
    p = doc.add_paragraph()
    p.alignment = _ALIGN[style.align]
    if block.keeps_with_next:
        p.paragraph_format.keep_with_next = True
    if block.style == "body":
        p.paragraph_format.first_line_indent = Pt(style.size * 2)  # 首行缩进两字
    p.paragraph_format.space_before = Pt(space_before(block, previous))
    p.paragraph_format.space_after = Pt(style.space_after)
    if block.style in OUTLINE_LEVELS:  # what a 目录 and a PDF's bookmarks list
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(OUTLINE_LEVELS[block.style]))
        p._p.get_or_add_pPr().append(level)
    set_fonts(p.add_run(block.text)._r, style.font, style.size, style.bold)


def _field_run(paragraph: Any, kind: str, instruction: str = "") -> None:
    run = paragraph.add_run()._r
    if instruction:
        el = OxmlElement("w:instrText")
        el.set(qn("xml:space"), "preserve")
        el.text = instruction
    else:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
    run.append(el)


def _contents(doc: Any, block: Contents, text_width_mm: float) -> None:
    """目录: a TOC field (Word updates it) whose entries the render fills from the
    ``contents`` list — a heading and its page number (blank when unknown) a line."""
    _paragraph(doc, Paragraph(block.title, "title"))
    _paragraph(doc, Paragraph("{%p for e in contents %}"))
    style = STYLES["body"]
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Mm(text_width_mm), WD_TAB_ALIGNMENT.RIGHT,
                                              WD_TAB_LEADER.DOTS)
    p.add_run("{%r if loop.first %}")
    _field_run(p, "begin")
    _field_run(p, "", r' TOC \o "1-2" \h \z \u ')
    _field_run(p, "separate")
    p.add_run("{%r endif %}")
    for text in ("{{ e.title }}", "\t", "{{ e.page }}"):
        set_fonts(p.add_run(text)._r, style.font, style.size)
    p.add_run("{%r if loop.last %}")
    _field_run(p, "end")
    p.add_run("{%r endif %}")
    _paragraph(doc, Paragraph("{%p endfor %}"))


def _fill_cell(cell: Any, lines: list[str], font: str, size: float, center: bool) -> None:
    p = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            p = cell.add_paragraph()
        set_fonts(p.add_run(line)._r, font, size)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _table(doc: Any, block: Table, layout: Layout) -> None:
    rows: list[tuple[Any, ...]] = []
    for row in block.rows:
        if isinstance(row, LoopRow):
            # docxtpl row loops: the for/endfor tags each need a row of their own
            rows.append((f"{{%tr for {row.var} in {layout.rows_of(row)} %}}",
                         *([""] * (len(row.cells) - 1))))
            rows.append(row.cells)
            rows.append(("{%tr endfor %}", *([""] * (len(row.cells) - 1))))
        else:
            rows.append(row.cells)
    t = doc.add_table(rows=len(rows), cols=len(block.widths_mm))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(CELL_MARGIN_MM / 25.4 * 1440)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    look = t._tbl.tblPr.find(qn("w:tblLook"))  # the schema's order: tblCellMar before it
    if look is not None:
        look.addprevious(margins)
    else:
        t._tbl.tblPr.append(margins)
    widths = block.widths
    for i, w in enumerate(widths):
        t.columns[i].width = Mm(w)
    for r, cells in enumerate(rows):
        header = r < block.header_rows
        for c, value in enumerate(cells):
            cell = t.cell(r, c)
            cell.width = Mm(widths[c])
            if value is None:
                continue
            end = c
            while end + 1 < len(cells) and cells[end + 1] is None:
                end += 1
            if end > c:
                cell = cell.merge(t.cell(r, end))
            if isinstance(value, ListCell):
                lines = [f"{{%p for {value.var} in {value.iterable} %}}", value.text,
                         "{%p endfor %}"]
            else:
                lines = value.split("\n")  # a paragraph per line of the cell
            is_label = not header and c % 2 == 0 and not str(value).startswith("{")
            _fill_cell(cell, lines, HEADING_FONT if header else TABLE_FONT,
                       block.type_size,
                       center=header or (is_label and len(block.widths_mm) <= 4))
    heights = [row.min_height if isinstance(row, Row) else 0 for row in block.rows]
    heights = [h for row, h in zip(block.rows, heights, strict=True)
               for h in ((0, h, 0) if isinstance(row, LoopRow) else (h,))]
    # a short table is kept on one page with the line after it (a result, a note), a long
    # one's header with its first row
    kept = len(t.rows) if block.keep_together else block.header_rows
    for r, row in enumerate(t.rows):
        if r < kept:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        props = row._tr.get_or_add_trPr()
        props.append(OxmlElement("w:cantSplit"))  # a row never breaks across pages
        if heights[r]:  # room for a seal or an opinion written by hand
            height = OxmlElement("w:trHeight")
            height.set(qn("w:val"), str(round(heights[r] / 25.4 * 1440)))
            height.set(qn("w:hRule"), "atLeast")
            props.append(height)
        if r < block.header_rows:
            props.append(OxmlElement("w:tblHeader"))


_STATIC_TEXT = re.compile(r"(<w:t(?: [^>]*)?>)([^<{]*[- ][^<{]*)(</w:t>)")


def _keep_standard_numbers(m: re.Match[str]) -> str:
    """A run's text (with no expression) with its standard numbers kept whole."""
    return m.group(1) + unbreakable_numbers(m.group(2)) + m.group(3)


def _narrative(doc: Any, block: Narrative, previous: object) -> None:
    """A narrative's blocks: one branch per kind of block, each a paragraph of its style
    (see :mod:`~greendocs.engines.blocks`: the filters write a paragraph's runs
    with its bold, a photo, a caption, a table)."""
    b = block.var
    tag = functools.partial(_paragraph, doc)
    tag(Paragraph(f"{{%p for {b} in {block.iterable} %}}"))
    # a paragraph of text first: most blocks are (the others' kinds tested only for them)
    tag(Paragraph(f"{{%p if {b}|gdkind in ('body', 'bullet') %}}"))
    _paragraph(doc, Paragraph(f"{{{{ {b}|gdrich }}}}", "body"), previous)
    branches = (("heading2", [Paragraph(f"{{{{ {b}|gdrich }}}}", "heading2")]),
                ("heading3", [Paragraph(f"{{{{ {b}|gdrich }}}}", "heading3")]),
                ("table", [Paragraph(f"{{{{ {b}|gdcaption }}}}", "table_caption"),
                           Paragraph(f"{{{{p {b}|gdtable }}}}")]),
                ("image", [Paragraph(f"{{{{ {b}|gdimage }}}}", "figure"),
                           Paragraph(f"{{{{ {b}|gdcaption }}}}", "figure_caption")]))
    for kind, paragraphs in branches:
        tag(Paragraph(f"{{%p elif {b}|gdkind == '{kind}' %}}"))
        for p in paragraphs:
            _paragraph(doc, p, previous)
    tag(Paragraph("{%p else %}"))
    _paragraph(doc, Paragraph(f"{{{{ {b}|gdrich }}}}", "body"), previous)
    tag(Paragraph("{%p endif %}"))
    tag(Paragraph("{%p endfor %}"))


def build_docx_template(layout: Layout) -> bytes:
    """The .docx template bytes for *layout* (fixed zip times: rebuilding changes nothing)."""
    doc = _new_document(layout)
    # draft output starts with a line saying so; the document handed in has none
    _paragraph(doc, Paragraph("{%p if draft %}"))
    _paragraph(doc, Paragraph(DRAFT_BANNER, "note"))
    _paragraph(doc, Paragraph("{%p endif %}"))
    previous: object = None
    for block in layout.blocks:
        if isinstance(block, Paragraph) and block.draft_only:
            _paragraph(doc, Paragraph("{%p if draft %}"))
            _paragraph(doc, block, previous)
            _paragraph(doc, Paragraph("{%p endif %}"))
        elif isinstance(block, Paragraph):
            _paragraph(doc, block, previous)
        elif isinstance(block, Paragraphs):
            # docxtpl paragraph loops: the for/endfor tags each need a paragraph of their own
            _paragraph(doc, Paragraph(f"{{%p for {block.var} in {block.iterable} %}}"))
            _paragraph(doc, Paragraph(block.text, block.style))
            _paragraph(doc, Paragraph("{%p endfor %}"))
        elif isinstance(block, Narrative):
            _narrative(doc, block, previous)
        elif isinstance(block, PageBreak):
            doc.add_page_break()
        elif isinstance(block, Contents):
            page = layout.page
            _contents(doc, block, page.width - page.left - page.right)
        else:
            _table(doc, block, layout)
        previous = block
    buf = io.BytesIO()
    doc.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = _STATIC_TEXT.sub(_keep_standard_numbers, data.decode()).encode()
            dst.writestr(zi, data)
    return out.getvalue()
