"""Writing a one-sheet .xlsx directly as SpreadsheetML: the sheet a form's values fill.

A form's sheet is rows of text, numbers and dates with a few cell styles, column widths, a
frozen and repeated header row, row heights and data-validation checks. Written here
without a cell object per value (what openpyxl builds, even in write-only mode, is most of
its time), in one pass, byte-for-byte the same for the same rows. Every text is a shared
string, so no cell holds a formula, whatever its text starts with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from ...package.xml_text import escape_xml
from ...package.zip_writer import ZipMember, build_zip

#: what a cell may hold (None: an empty cell)
CellValue = str | int | float | Decimal | dt.date | None

_EPOCH = dt.date(1899, 12, 30)
_FIXED_TIME = "2022-09-16T00:00:00Z"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


@attrs.frozen
class CellStyle:
    """How a cell looks: what the form's sheet needs and no more."""

    bold: bool = False
    fill: str | None = None  # an RGB colour, "DDEBF7"
    center: bool = False
    wrap: bool = False  # wrapped text, at the top of the cell
    date: bool = False  # shown as yyyy-mm-dd
    note: bool = False  # small grey type (a column for machines, not people)

    def but(self, **changes: object) -> CellStyle:
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]


PLAIN = CellStyle()


@attrs.frozen
class Validation:
    """A data-validation check on some cells: a list of choices, or a number between two."""

    kind: str  # "list" or "decimal"
    formula1: str
    formula2: str | None = None
    error_title: str | None = None
    error: str | None = None


def column_letter(index: int) -> str:
    """``A`` for column 1, ``AA`` for column 27."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class SheetWriter:
    """One sheet of rows, written into an .xlsx by :meth:`to_bytes`.

    *widths* are the columns' widths in characters; *hidden* the letters of columns to
    hide; the first row is the header, frozen on screen and repeated on every printed
    page (A4 portrait).
    """

    def __init__(self, title: str, widths: Sequence[float], *, hidden: Iterable[str] = ()):
        self.title = title[:31]
        self.widths = tuple(widths)
        self.hidden = frozenset(hidden)
        self._rows: list[str] = []
        self._strings: dict[str, int] = {}
        self._styles: dict[CellStyle, int] = {PLAIN: 0}
        self._checks: dict[Validation, list[str]] = {}

    @property
    def rows(self) -> int:
        """The number of rows written so far (the last row's number)."""
        return len(self._rows)

    def _style(self, style: CellStyle) -> int:
        index = self._styles.get(style)
        if index is None:
            index = self._styles[style] = len(self._styles)
        return index

    def row(self, values: Sequence[CellValue], styles: Sequence[CellStyle] | CellStyle = PLAIN,
            *, height: float | None = None) -> int:
        """Append a row of *values* from column A, each with its style (one style for all,
        or one per value); its *height* in points, or the default. Returns its number."""
        r = len(self._rows) + 1
        cells = []
        for c, value in enumerate(values):
            style = styles if isinstance(styles, CellStyle) else styles[c]
            if isinstance(value, dt.date):
                style = style.but(date=True)
            s = self._style(style)
            ref = f"{column_letter(c + 1)}{r}"
            attr = f' s="{s}"' if s else ""
            if value is None:
                if s:
                    cells.append(f'<c r="{ref}"{attr}/>')
            elif isinstance(value, str):
                n = self._strings.get(value)
                if n is None:
                    n = self._strings[value] = len(self._strings)
                cells.append(f'<c r="{ref}"{attr} t="s"><v>{n}</v></c>')
            elif isinstance(value, dt.date):
                day = value.date() if isinstance(value, dt.datetime) else value
                cells.append(f'<c r="{ref}"{attr}><v>{(day - _EPOCH).days}</v></c>')
            elif isinstance(value, bool):
                raise TypeError(f"cell {ref}: write a yes/no as text (是/否), not {value!r}")
            else:  # int, float, Decimal: as typed, no number format
                cells.append(f'<c r="{ref}"{attr}><v>{value}</v></c>')
        size = f' ht="{height:g}" customHeight="1"' if height else ""
        self._rows.append(f'<row r="{r}"{size}>{"".join(cells)}</row>')
        return r

    def check(self, validation: Validation, ref: str) -> None:
        """Apply *validation* to the cell *ref* (``B7``)."""
        self._checks.setdefault(validation, []).append(ref)

    # -- the parts ----------------------------------------------------------------------
    def _sheet_xml(self) -> str:
        hidden = ' hidden="1"'
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{w:g}" customWidth="1"'
            f'{hidden if column_letter(i) in self.hidden else ""}/>'
            for i, w in enumerate(self.widths, 1))
        checks = ""
        if self._checks:
            items = []
            for v, refs in self._checks.items():
                attrs_ = f'type="{v.kind}" allowBlank="1"'
                if v.kind == "decimal":
                    attrs_ += ' operator="between"'
                if v.error:
                    title = escape_xml(v.error_title or "")
                    attrs_ += (f' showErrorMessage="1" errorTitle="{title}"'
                               f' error="{escape_xml(v.error)}"')
                formulas = f"<formula1>{escape_xml(v.formula1)}</formula1>"
                if v.formula2 is not None:
                    formulas += f"<formula2>{escape_xml(v.formula2)}</formula2>"
                items.append(f'<dataValidation {attrs_} sqref="{" ".join(refs)}">'
                             f"{formulas}</dataValidation>")
            checks = f'<dataValidations count="{len(items)}">{"".join(items)}</dataValidations>'
        last = f"{column_letter(max(1, len(self.widths)))}{max(1, len(self._rows))}"
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
                f'<dimension ref="A1:{last}"/>'
                '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
                '<sheetFormatPr defaultRowHeight="15"/>'
                f"<cols>{cols}</cols><sheetData>{''.join(self._rows)}</sheetData>{checks}"
                '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" '
                'footer="0.5"/><pageSetup paperSize="9" orientation="portrait"/></worksheet>')

    def _strings_xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{escape_xml(s)}</t></si>'
                        for s in self._strings)
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<sst xmlns="{_MAIN}" count="{len(self._strings)}" '
                f'uniqueCount="{len(self._strings)}">{items}</sst>')

    def _styles_xml(self) -> str:
        fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
                 '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
                 '<font><color rgb="FF808080"/><sz val="9"/><name val="Calibri"/>'
                 '<family val="2"/></font>']
        fills = ['<fill><patternFill patternType="none"/></fill>',
                 '<fill><patternFill patternType="gray125"/></fill>']
        fill_ids: dict[str, int] = {}
        xfs = []
        for style in self._styles:
            font = 2 if style.note else 1 if style.bold else 0
            fill = 0
            if style.fill:
                if style.fill not in fill_ids:
                    fill_ids[style.fill] = len(fills)
                    fills.append(f'<fill><patternFill patternType="solid"><fgColor '
                                 f'rgb="FF{style.fill}"/><bgColor indexed="64"/>'
                                 f"</patternFill></fill>")
                fill = fill_ids[style.fill]
            numfmt = 164 if style.date else 0
            align = ""
            if style.center or style.wrap:
                align = ("<alignment"
                         + (' horizontal="center"' if style.center else "")
                         + (' vertical="top" wrapText="1"' if style.wrap else "") + "/>")
            applied = "".join(f' apply{what}="1"' for what, used in (
                ("NumberFormat", numfmt), ("Font", font), ("Fill", fill), ("Alignment", align))
                if used)
            xfs.append(f'<xf numFmtId="{numfmt}" fontId="{font}" fillId="{fill}" borderId="0"'
                       f' xfId="0"{applied}' + (f">{align}</xf>" if align else "/>"))
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<styleSheet xmlns="{_MAIN}">'
                '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
                f'<fonts count="{len(fonts)}">{"".join(fonts)}</fonts>'
                f'<fills count="{len(fills)}">{"".join(fills)}</fills>'
                '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
                '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
                'borderId="0"/></cellStyleXfs>'
                f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
                '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
                "</cellStyles></styleSheet>")

    def to_bytes(self, *, creator: str, title: str) -> bytes:
        """The .xlsx: this sheet, with *creator* and *title* in its properties."""
        sheet_name = escape_xml(self.title)
        quoted = self.title.replace("'", "''")
        workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/>'
                    f'</bookViews><sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/>'
                    '</sheets><definedNames><definedName name="_xlnm.Print_Titles" '
                    f"localSheetId=\"0\">'{escape_xml(quoted)}'!$1:$1</definedName></definedNames>"
                    "</workbook>")
        workbook_rels = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>")
        root_rels = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/extended-properties" '
            'Target="docProps/app.xml"/></Relationships>')
        sml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        content_types = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{sml}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{sml}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{sml}.styles+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{sml}.sharedStrings+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats'
            '-package.core-properties+xml"/><Override PartName="/docProps/app.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"'
            "/></Types>")
        core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
                'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
                'xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f"<dc:creator>{escape_xml(creator)}</dc:creator><dc:title>{escape_xml(title)}"
                f'</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">{_FIXED_TIME}'
                f'</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{_FIXED_TIME}'
                "</dcterms:modified></cp:coreProperties>")
        app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
               'extended-properties"><Application>greendocs</Application></Properties>')
        parts = (("[Content_Types].xml", content_types), ("_rels/.rels", root_rels),
                 ("docProps/app.xml", app), ("docProps/core.xml", core),
                 ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbook_rels),
                 ("xl/styles.xml", self._styles_xml()),
                 ("xl/sharedStrings.xml", self._strings_xml()),
                 ("xl/worksheets/sheet1.xml", self._sheet_xml()))
        return build_zip(ZipMember.of(name, xml.encode("utf-8")) for name, xml in parts)
