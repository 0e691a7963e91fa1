"""Writing a form as .odt: a template built once with odfpy from the same layout its .docx
template comes from, then its content.xml rendered by Jinja for each model, as the .docx is.

The layout's expressions (``{{ factory.name }}``) and loops become Jinja tags in the
template's content.xml; each value is written by the ``gdodt`` filter inside an ODF
bookmark with the same name as in the .docx, so one parser logic reads both, and
LibreOffice conversions between the two keep them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from typing import Any

import attrs
import jinja2
from odf import namespaces, teletype
from odf.draw import CustomShape, EnhancedGeometry, Equation
from odf.opendocument import OpenDocumentText
from odf.style import (
    FontFace,
    Footer,
    GraphicProperties,
    Header,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TableRowProperties,
    TabStop,
    TabStops,
    TextProperties,
)
from odf.table import CoveredTableCell, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.table import Table as OdfTable
from odf.text import (
    IndexBody,
    P,
    PageNumber,
    Tab,
    TableOfContent,
    TableOfContentSource,
)

from ...errors import TemplateError
from ...layout.columns import CELL_MARGIN_MM
from ...layout.elements import (
    DRAFT_BANNER,
    FONT_FALLBACKS,
    HEADING_FONT,
    LATIN_FONT,
    MIN_TABLE_SIZE,
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
from ...layout.line_breaks import keep_standard_numbers
from ...markers.bookmark_names import MARKER_VAR
from ...package.safe_zip import read_members
from ...package.zip_writer import ZipMember, build_zip
from ..template_env import render_part
from .values import NARRATIVE_STYLES, OdtValues, with_pictures

_EXPR = re.compile(r"{{(.*?)}}", re.DOTALL)
_BORDER = "0.5pt solid #000000"
#: where a Jinja tag goes in the template's content.xml, while odfpy writes it
_TOKEN = re.compile("\ue000(\\d+)\ue001")


_ALIGN = {"justify": "justify", "center": "center", "right": "end"}


class _Styles:
    """The paragraph, table and cell styles of one document, created on first use."""

    def __init__(self, doc: OpenDocumentText) -> None:
        self.doc = doc
        self._made: dict[str, Style] = {}
        #: automatic styles the template does not use itself (what a render adds does)
        self.unused: list[Style] = []

    def paragraph(self, font: str, size: float, align: str = "left", bold: bool = False,
                  before: float = 0, after: float = 0, indent: bool = False,
                  keep: bool = False) -> Style:
        name = (f"gdP_{font}_{size}_{align}_{int(bold)}_{before}_{after}_{int(indent)}"
                f"{'_k' if keep else ''}")
        style = self._made.get(name)
        if style is None:
            style = Style(name=name, family="paragraph")
            weight = "bold" if bold else "normal"
            style.addElement(TextProperties(
                fontname=LATIN_FONT, fontnameasian=font, fontsize=f"{size}pt",
                fontsizeasian=f"{size}pt", fontweight=weight, fontweightasian=weight,
                language="en", country="US", languageasian="zh", countryasian="CN"))
            style.addElement(ParagraphProperties(
                textalign=_ALIGN.get(align, "start"), punctuationwrap="simple",
                margintop=f"{before}pt", marginbottom=f"{after}pt",
                textindent=f"{size * 2}pt" if indent else "0pt",
                **({"keepwithnext": "always"} if keep else {})))
            self.doc.automaticstyles.addElement(style)
            self._made[name] = style
        return style

    def _once(self, name: str, family: str, properties: Any) -> Style:
        """The style *name*, made with *properties* the first time it is asked for."""
        style = self._made.get(name)
        if style is None:
            style = Style(name=name, family=family)
            style.addElement(properties)
            self.doc.automaticstyles.addElement(style)
            self._made[name] = style
        return style

    def watermark(self) -> Style:
        """A draft's watermark: silver, half transparent, behind the text."""
        return self._once("gdWatermark", "graphic", GraphicProperties(
            stroke="none", fill="solid", fillcolor="#c0c0c0", opacity="50%",
            wrap="run-through", runthrough="background", flowwithtext="false"))

    def contents_entry(self, width_mm: float) -> Style:
        """A 目录 entry: body type, the page number at the right margin after dots."""
        style = self._made.get("gdContents")
        if style is None:
            body = STYLES["body"]
            style = Style(name="gdContents", family="paragraph")
            style.addElement(TextProperties(
                fontname=LATIN_FONT, fontnameasian=body.font, fontsize=f"{body.size}pt",
                fontsizeasian=f"{body.size}pt", language="en", country="US",
                languageasian="zh", countryasian="CN"))
            properties = ParagraphProperties()
            stops = TabStops()
            stops.addElement(TabStop(position=f"{width_mm}mm", type="right",
                                     leaderstyle="dotted", leadertext="."))
            properties.addElement(stops)
            style.addElement(properties)
            self.doc.automaticstyles.addElement(style)
            self._made["gdContents"] = style
        return style

    def cover(self, style: Style) -> Style:
        """*style* starting the cover's page style: no running header, no page number."""
        name = f"{style.getAttribute('name')}_cover"
        made = self._made.get(name)
        if made is None:
            made = Style(name=name, family="paragraph", parentstylename=style,
                         masterpagename="gdCover")
            self.doc.automaticstyles.addElement(made)
            self._made[name] = made
        return made

    def page_break(self) -> Style:
        return self._once("gdBreak", "paragraph", ParagraphProperties(breakafter="page"))

    def table(self, n: int, width: float, keep: bool = False) -> Style:
        """Table *n*'s style; a *keep* table is never split across pages."""
        style = Style(name=f"gdT{n}", family="table")
        style.addElement(TableProperties(
            width=f"{width}mm", align="center",
            **({"maybreakbetweenrows": "false", "keepwithnext": "always"} if keep else {})))
        self.doc.automaticstyles.addElement(style)
        return style

    def column(self, n: int, i: int, width: float) -> Style:
        style = Style(name=f"gdT{n}C{i}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=f"{width}mm"))
        self.doc.automaticstyles.addElement(style)
        return style

    def row(self, min_height: float = 0) -> Style:
        """Rows are kept whole: a row never breaks across pages; *min_height* (mm) leaves
        room for a seal or an opinion."""
        if not min_height:
            return self._once("gdRow", "table-row", TableRowProperties(keeptogether="always"))
        return self._once(f"gdRow{min_height:g}", "table-row", TableRowProperties(
            keeptogether="always", minrowheight=f"{min_height}mm"))

    def narrative(self, text_width_mm: float) -> None:
        """The styles a narrative's values name (:mod:`.values`): bold type, a table
        the text's width, its rows and cells and their paragraphs, a photo's frame.
        Kept apart (:attr:`unused`): odfpy writes only the automatic styles the template
        itself uses, and these are used by what a render adds."""
        if NARRATIVE_STYLES["bold"] in self._made:
            return
        weight = {"fontweight": "bold", "fontweightasian": "bold",
                  "fontweightcomplex": "bold"}
        made = [(NARRATIVE_STYLES["bold"], "text", [TextProperties(**weight)]),
                (NARRATIVE_STYLES["table"], "table", [TableProperties(
                    width=f"{text_width_mm}mm", align="center")]),
                (NARRATIVE_STYLES["row"], "table-row", [TableRowProperties(
                    keeptogether="always")]),
                (NARRATIVE_STYLES["box"], "table-cell", [TableCellProperties(
                    border=_BORDER, padding=f"{CELL_MARGIN_MM}mm", verticalalign="middle")]),
                (NARRATIVE_STYLES["frame"], "graphic", [GraphicProperties(
                    stroke="none", fill="none", wrap="none", verticalpos="top",
                    verticalrel="baseline", horizontalpos="center",
                    horizontalrel="paragraph")])]
        made.append((NARRATIVE_STYLES["gap"], "paragraph", [  # after a table: 6 pt
            TextProperties(fontsize="6pt", fontsizeasian="6pt"),
            ParagraphProperties(margintop="0pt", marginbottom="0pt")]))
        for key, bold, align in (("cell", False, "start"), ("header", True, "center")):
            made.append((NARRATIVE_STYLES[key], "paragraph", [
                TextProperties(fontname=LATIN_FONT, fontnameasian=TABLE_FONT,
                               fontsize=f"{MIN_TABLE_SIZE}pt",
                               fontsizeasian=f"{MIN_TABLE_SIZE}pt", language="en",
                               country="US", languageasian="zh", countryasian="CN",
                               **(weight if bold else {})),
                ParagraphProperties(textalign=align, punctuationwrap="simple")]))
        for name, family, properties in made:
            style = Style(name=name, family=family)
            for p in properties:
                style.addElement(p)
            self.unused.append(style)
            self._made[name] = style

    def unused_xml(self) -> str:
        """The XML of the automatic styles only a render uses."""
        out = io.StringIO()
        for style in self.unused:
            style.toXml(0, out)
        return out.getvalue()

    def cell(self) -> Style:
        return self._once("gdCell", "table-cell", TableCellProperties(
            border=_BORDER, paddingtop="0.5mm", paddingbottom="0.5mm",
            paddingleft=f"{CELL_MARGIN_MM}mm", paddingright=f"{CELL_MARGIN_MM}mm",
            verticalalign="middle"))


def _add_text(element: Any, text: str) -> None:
    """*text* into *element*, its standard numbers and figures with units kept whole."""
    teletype.addTextToElement(element, keep_standard_numbers(text))


class _Builder:
    """Builds one form's .odt template from its layout: the layout's expressions and loops
    as Jinja tags (placed as tokens while odfpy writes the document, then substituted)."""

    def __init__(self, layout: Layout, form_id: str, draft: bool) -> None:
        self.layout = layout
        self.form_id = form_id
        self.draft = draft
        self.started = False  # whether a paragraph has been written (the cover starts)
        self.previous: object = None  # the block written last
        self.doc = OpenDocumentText()
        self.styles = _Styles(self.doc)
        self.tags: list[str] = []

    # -- Jinja tags ---------------------------------------------------------------------
    def _tag(self, element: Any, source: str) -> None:
        """The Jinja tag *source* at the end of *element* (any element: a loop's tags sit
        between rows or paragraphs, where ODF allows no text, and vanish when rendered)."""
        element.addText(f"\ue000{len(self.tags)}\ue001", check_grammar=False)
        self.tags.append(source)

    def _for(self, element: Any, var: str, iterable: str) -> None:
        self._tag(element, f"{{% for {var} in ({iterable}) %}}")

    def _fill(self, p: P, text: str) -> None:
        """*text* into *p*: its literal parts as text, its expressions as values."""
        pos = 0
        for m in _EXPR.finditer(text):
            if m.start() > pos:
                _add_text(p, text[pos:m.start()])
            self._tag(p, f"{{{{ ({m.group(1).strip()})|gdodt }}}}")
            pos = m.end()
        if pos < len(text):
            _add_text(p, text[pos:])

    # -- blocks -------------------------------------------------------------------------
    def paragraph(self, block: Paragraph) -> P:
        s = STYLES[block.style]
        style = self.styles.paragraph(s.font, s.size, s.align, s.bold,
                                      space_before(block, self.previous), s.space_after,
                                      indent=block.style == "body", keep=block.keeps_with_next)
        if not self.started and self.layout.has_cover:
            style = self.styles.cover(style)
        self.started = True
        p = P(stylename=style)
        self._fill(p, block.text)
        self.doc.text.addElement(p)
        return p

    def contents(self, block: Contents) -> None:
        """目录: a table of contents holding the ``contents`` entries (LibreOffice's Tools >
        Update renumbers it)."""
        self.paragraph(Paragraph(block.title, "title"))
        pg = self.layout.page
        style = self.styles.contents_entry(pg.width - pg.left - pg.right)
        toc = TableOfContent(name="目录", protected="true")
        toc.addElement(TableOfContentSource(outlinelevel=2))
        body = IndexBody()
        self._for(body, "entry", "contents")
        p = P(stylename=style)
        self._tag(p, "{{ entry.title|gdodt }}")
        p.addElement(Tab())
        self._tag(p, "{{ entry.page|gdodt }}")
        body.addElement(p)
        self._tag(body, "{% endfor %}")
        toc.addElement(body)
        self.doc.text.addElement(toc)

    def table(self, n: int, block: Table) -> None:
        t = OdfTable(name=f"Table{n}", stylename=self.styles.table(n, sum(block.widths_mm),
                                                                   block.keep_together))
        for i, w in enumerate(block.widths):
            t.addElement(TableColumn(stylename=self.styles.column(n, i, w)))
        header = TableHeaderRows() if block.header_rows else None
        if header is not None:
            t.addElement(header)
        for r, row in enumerate(block.rows):
            target = header if header is not None and r < block.header_rows else t
            if isinstance(row, LoopRow):
                self._for(target, row.var, self.layout.rows_of(row))
            target.addElement(self._row(row, block, r < block.header_rows))
            if isinstance(row, LoopRow):
                self._tag(target, "{% endfor %}")
        self.doc.text.addElement(t)

    def _row(self, row: Row | LoopRow, block: Table, header: bool) -> TableRow:
        tr = TableRow(stylename=self.styles.row(row.min_height if isinstance(row, Row) else 0))
        cells = row.cells
        font = HEADING_FONT if header else TABLE_FONT
        c = 0
        while c < len(cells):
            value = cells[c]
            span = 1
            while c + span < len(cells) and cells[c + span] is None:
                span += 1
            is_label = (not header and c % 2 == 0 and isinstance(value, str)
                        and not value.startswith("{") and len(block.widths_mm) <= 4)
            style = self.styles.paragraph(font, block.type_size,
                                          "center" if header or is_label else "left")
            cell = TableCell(stylename=self.styles.cell(), valuetype="string",
                             **({"numbercolumnsspanned": span} if span > 1 else {}))
            if isinstance(value, ListCell):
                self._for(cell, value.var, value.iterable)
                p = P(stylename=style)
                self._fill(p, value.text)
                cell.addElement(p)
                self._tag(cell, "{% endfor %}")
            else:
                for line in (value or "").split("\n"):  # a paragraph per line of the cell
                    p = P(stylename=style)
                    self._fill(p, line)
                    cell.addElement(p)
            tr.addElement(cell)
            for _ in range(span - 1):
                tr.addElement(CoveredTableCell())
            c += span
        return tr

    def page(self) -> None:
        for name, alt in FONT_FALLBACKS.items():
            self.doc.fontfacedecls.addElement(FontFace(
                name=name, fontfamily=f"'{name}', {alt}", fontfamilygeneric="modern",
                fontpitch="fixed"))
        self.doc.fontfacedecls.addElement(FontFace(name=LATIN_FONT,
                                                   fontfamily=f"'{LATIN_FONT}'",
                                                   fontfamilygeneric="roman"))
        pg = self.layout.page
        pl = PageLayout(name="gdPage")
        pl.addElement(PageLayoutProperties(
            pagewidth=f"{pg.width}mm", pageheight=f"{pg.height}mm", margintop=f"{pg.top}mm",
            marginbottom=f"{pg.bottom - 10}mm", marginleft=f"{pg.left}mm",
            marginright=f"{pg.right}mm", printorientation="portrait"))
        self.doc.automaticstyles.addElement(pl)
        draft = self.draft
        if self.layout.has_cover:  # the cover's page: no header, no page number
            cover = MasterPage(name="gdCover", pagelayoutname=pl, nextstylename="Standard")
            if draft:
                cover.addElement(self._watermark(Header()))
            self.doc.masterstyles.addElement(cover)
        master = MasterPage(name="Standard", pagelayoutname=pl)
        if self.layout.header or draft:
            header = Header()
            hp = P(stylename=self.styles.paragraph("宋体", 10.5, "right"))
            if self.layout.header:
                hp.addText(self.layout.header)
            header.addElement(hp)
            master.addElement(self._watermark(header) if draft else header)
        footer = Footer()
        fp = P(stylename=self.styles.paragraph("宋体", 14, "center"))
        fp.addText("— ")
        fp.addElement(PageNumber(selectpage="current"))
        fp.addText(" —")
        footer.addElement(fp)
        master.addElement(footer)
        self.doc.masterstyles.addElement(master)

    def _watermark(self, header: Header) -> Header:
        """*header* with 草稿 across the page behind the text (a draft's watermark, as
        LibreOffice's Format > Watermark makes it)."""
        if not header.childNodes:
            header.addElement(P(stylename=self.styles.paragraph("宋体", 10.5, "right")))
        shape = CustomShape(anchortype="char", zindex="0", name="PowerPlusWaterMarkObject",
                            stylename=self.styles.watermark(), width="134mm", height="78mm",
                            transform="rotate (0.785398163397448) translate (3mm 137mm)")
        text = P(stylename=self.styles.paragraph(HEADING_FONT, 60, "center"))
        text.addText("草稿")
        shape.addElement(text)
        geometry = EnhancedGeometry(
            viewbox="0 0 21600 21600", textareas="0 0 21600 21600", textpath="true",
            textpathmode="shape", textpathscale="path", textpathsameletterheights="false",
            type="fontwork-plain-text", modifiers="10800",
            enhancedpath="M ?f3 0 L ?f5 0 N M ?f6 21600 L ?f7 21600 N")
        for name, formula in (("f0", "$0 -10800"), ("f1", "?f0 *2"), ("f2", "abs(?f1 )"),
                              ("f3", "if(?f1 ,0,?f2 )"), ("f4", "21600-?f2 "),
                              ("f5", "if(?f1 ,?f4 ,21600)"), ("f6", "if(?f1 ,?f2 ,0)"),
                              ("f7", "if(?f1 ,21600,?f4 )")):
            geometry.addElement(Equation(name=name, formula=formula))
        shape.addElement(geometry)
        header.childNodes[0].addElement(shape)
        return header

    def narrative(self, block: Narrative) -> None:
        """A narrative's blocks: one branch per kind of block, each a paragraph of its
        style; a table written whole by ``gdtable`` (see :mod:`.values`), with the
        styles the values name made here."""
        pg = self.layout.page
        self.styles.narrative(pg.width - pg.left - pg.right)
        b, text = block.var, self.doc.text
        previous = self.previous
        self._for(text, b, block.iterable)
        branches = (("heading2", [Paragraph(f"{{{{ {b}|gdrich }}}}", "heading2")]),
                    ("heading3", [Paragraph(f"{{{{ {b}|gdrich }}}}", "heading3")]),
                    ("table", [Paragraph(f"{{{{ {b}|gdcaption }}}}", "table_caption")]),
                    ("image", [Paragraph(f"{{{{ {b}|gdimage }}}}", "figure"),
                               Paragraph(f"{{{{ {b}|gdcaption }}}}", "figure_caption")]))
        for i, (kind, paragraphs) in enumerate(branches):
            self._tag(text, f"{{% {'if' if i == 0 else 'elif'} {b}|gdkind == '{kind}' %}}")
            for p in paragraphs:
                self.previous = previous
                self.paragraph(p)
            if kind == "table":
                self._tag(text, f"{{{{ {b}|gdtable }}}}")
        self._tag(text, "{% else %}")
        self.previous = previous
        self.paragraph(Paragraph(f"{{{{ {b}|gdrich }}}}", "body"))
        self._tag(text, "{% endif %}")
        self._tag(text, "{% endfor %}")

    def build(self) -> tuple[dict[str, bytes], list[str]]:
        """The template's parts (content.xml with tokens for its Jinja tags) and the tags."""
        self.page()
        tables = 0
        if self.draft:
            self.paragraph(Paragraph(DRAFT_BANNER, "note"))
        for block in self.layout.blocks:
            if isinstance(block, Paragraph):
                if not self.draft and block.draft_only:
                    continue  # not printed: the block before it stays the one above
                self.paragraph(block)
            elif isinstance(block, Paragraphs):
                self._for(self.doc.text, block.var, block.iterable)
                self.paragraph(Paragraph(block.text, block.style))
                self._tag(self.doc.text, "{% endfor %}")
            elif isinstance(block, Narrative):
                self.narrative(block)
            elif isinstance(block, PageBreak):
                self.doc.text.addElement(P(stylename=self.styles.page_break()))
            elif isinstance(block, Contents):
                self.contents(block)
            else:
                tables += 1
                self.table(tables, block)
            self.previous = block
        buf = io.BytesIO()
        self.doc.write(buf)
        members = read_members(buf.getvalue(), "odt")
        if self.styles.unused:  # what odfpy left out, as it is not used in the template
            content = members["content.xml"].decode("utf-8")
            extra = self.styles.unused_xml()
            if "<office:automatic-styles/>" in content:
                content = content.replace("<office:automatic-styles/>",
                                          f"<office:automatic-styles>{extra}"
                                          "</office:automatic-styles>")
            else:
                content = content.replace("</office:automatic-styles>",
                                          f"{extra}</office:automatic-styles>")
            members["content.xml"] = content.encode("utf-8")
        return members, self.tags


_META_DATE = re.compile(rb"<(dc:date|meta:creation-date)>[^<]*</\1>")
_ROOT_TAG = re.compile(rb"<(?!\?)[^>]*>")
_XMLNS = re.compile(rb'\s(xmlns:[\w-]+="[^"]*")')


_ALL_NAMESPACES = tuple(sorted(f'xmlns:{prefix}="{uri}"'.encode()
                               for uri, prefix in namespaces.nsdict.items()))


def _sorted_namespaces(xml: bytes) -> bytes:
    # odfpy declares the namespaces it has met so far in the process, in set order: declare
    # every namespace it knows, sorted, so each document comes out the same.
    m = _ROOT_TAG.search(xml)
    if m is None:
        return xml
    tag = m.group(0)
    bare = _XMLNS.sub(b"", tag)
    closing = b"/>" if bare.endswith(b"/>") else b">"
    body = bare[: -len(closing)].rstrip()
    name, _, attrs_ = body.partition(b" ")
    decls = sorted(set(_XMLNS.findall(tag)) | set(_ALL_NAMESPACES))
    new = b" ".join([name, *decls, *([attrs_] if attrs_ else [])]) + closing
    return xml[:m.start()] + new + xml[m.end():]


@attrs.frozen
class CompiledOdt:
    """A form's .odt template ready to render: content.xml compiled, the other parts
    compressed once."""

    source: str
    before: tuple[ZipMember, ...]  # the parts before content.xml: mimetype first, stored
    content: jinja2.Template
    after: tuple[ZipMember, ...]
    #: the text's width and height in mm (a narrative's photos are sized to it)
    text_box: tuple[float, float]
    #: META-INF/manifest.xml as built, to list a render's photos in
    manifest: bytes


def compile_odt(layout: Layout, form_id: str, draft: bool,
                env: jinja2.Environment) -> CompiledOdt:
    """Build the .odt template of *layout* (a *draft*'s or not) and compile it in *env*:
    odfpy's work is done once per form, not once per document."""
    members, tags = _Builder(layout, form_id, draft).build()
    before: list[ZipMember] = []
    after: list[ZipMember] = []
    content = ""
    for name, body in members.items():
        if name == "meta.xml":  # odfpy stamps the save time; the same every time
            body = _META_DATE.sub(rb"<\1>2022-09-16T00:00:00</\1>", body)
        if name.endswith(".xml"):
            body = _sorted_namespaces(body)
        if name == "content.xml":
            content = _TOKEN.sub(lambda m: tags[int(m.group(1))], body.decode("utf-8"))
            continue
        (after if content else before).append(ZipMember.of(name, body,
                                                           store=name == "mimetype"))
    source = f"{form_id}.odt"
    try:
        template = env.from_string(content)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"layout of {form_id}: {exc.message} (line {exc.lineno} of the "
                            ".odt template)") from None
    pg = layout.page
    return CompiledOdt(source, tuple(before), template, tuple(after),
                       (pg.width - pg.left - pg.right, pg.height - pg.top - pg.bottom),
                       members.get(_MANIFEST, b""))


def render_odt(compiled: CompiledOdt, context: Mapping[str, Any], form_id: str) -> bytes:
    """The .odt bytes of *compiled* filled from *context* (model views)."""
    values = OdtValues(form_id, compiled.text_box)
    xml = render_part(compiled.content, {**context, MARKER_VAR: values},
                      f"layout of {form_id}")
    after = compiled.after
    if values.figures.images:  # a narrative's photos: their files, listed in the manifest
        manifest = ZipMember.of(_MANIFEST, with_pictures(compiled.manifest, values.figures.images))
        after = (*(manifest if m.name == _MANIFEST else m for m in after),
                 *(ZipMember.of(part, data, store=True) for part, data, _ in values.figures.images))
    return build_zip((*compiled.before, ZipMember.of("content.xml", xml.encode("utf-8"),
                                                     level=1), *after))


_MANIFEST = "META-INF/manifest.xml"
