"""The values of an .odt template's render: the text of each, as ODF paragraph content,
inside its bookmark when it is a model value; a narrative's runs, captions, photos and
tables (no odfpy: a render needs none)."""

from __future__ import annotations

import re
from typing import Any

import jinja2

from ...layout.line_breaks import keep_standard_numbers
from ...markers.bookmark_names import MARKER_VAR, value_bookmark
from ...markers.model_view import Marked
from ...model.value_text import format_value
from ...types.narrative import NarrativeTable, inline_runs
from ..blocks import Caption, Drawing, Rich, block_of
from ..figures import Figures

#: the automatic styles a narrative's values name (made by the template's builder)
NARRATIVE_STYLES = {"bold": "gdNarrBold", "table": "gdNarrTable", "row": "gdNarrRow",
                    "box": "gdNarrBox", "cell": "gdNarrCell", "header": "gdNarrHeader",
                    "frame": "gdNarrFrame", "gap": "gdNarrGap"}


class OdtValues:
    """Writes the values of one render: a model value inside its bookmark; a narrative's
    blocks, numbering its tables and photos and keeping the photos' files."""

    __slots__ = ("_form_id", "figures")

    def __init__(self, form_id: str, text_box: tuple[float, float]) -> None:
        self._form_id = form_id
        #: a narrative's tables and photos, in the text's width and height (mm)
        self.figures = Figures(text_box, "Pictures")

    def write(self, value: Any) -> str:
        if isinstance(value, Rich):
            return self._block(value)
        if type(value) is Marked:
            name = value_bookmark(value.pattern, value.indices, self._form_id)
            return (f'<text:bookmark-start text:name="{name}"/><text:span>'
                    f'{odt_text(format_value(value.value))}</text:span>'
                    f'<text:bookmark-end text:name="{name}"/>')
        return odt_text(value if type(value) is str else format_value(value))


    def _block(self, value: Rich) -> str:
        inner = value.value
        block = block_of(inner)
        if type(value) is Drawing:
            body = self._photo(block)
        elif type(value) is Caption:
            body = rich_spans(self.figures.caption(block))
        else:
            body = rich_spans(block if isinstance(block, str) else format_value(block))
        if type(inner) is not Marked:
            return body
        name = value_bookmark(inner.pattern, inner.indices, self._form_id)
        return (f'<text:bookmark-start text:name="{name}"/>{body}'
                f'<text:bookmark-end text:name="{name}"/>')

    def _photo(self, image: Any) -> str:
        photo = self.figures.photo(image)
        if photo is None:
            return ""
        return (f'<draw:frame draw:style-name="{NARRATIVE_STYLES["frame"]}" '
                f'draw:name="图{photo.number}" text:anchor-type="as-char" '
                f'svg:width="{photo.width_mm:.2f}mm" svg:height="{photo.height_mm:.2f}mm" '
                f'draw:z-index="{photo.number}"><draw:image xlink:href="{photo.part}" '
                'xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>')

    def table(self, table: NarrativeTable) -> str:
        """A narrative's table: its header row repeated on each page, rows unsplit."""

        def row(cells: tuple[str, ...], style: str) -> str:
            out = "".join(
                f'<table:table-cell table:style-name="{NARRATIVE_STYLES["box"]}" '
                'office:value-type="string">'
                + "".join(f'<text:p text:style-name="{style}">{odt_text(line)}</text:p>'
                          for line in text.split("\n"))
                + "</table:table-cell>" for text in cells)
            return (f'<table:table-row table:style-name="{NARRATIVE_STYLES["row"]}">{out}'
                    "</table:table-row>")

        header = row(table.header, NARRATIVE_STYLES["header"])
        body = "".join(row(r, NARRATIVE_STYLES["cell"]) for r in table.rows)
        return (f'<table:table table:name="表{self.figures.tables}" '
                f'table:style-name="{NARRATIVE_STYLES["table"]}"><table:table-column '
                f'table:number-columns-repeated="{len(table.header)}"/>'
                f"<table:table-header-rows>{header}</table:table-header-rows>{body}"
                f'</table:table><text:p text:style-name="{NARRATIVE_STYLES["gap"]}"/>')


_SPACES = re.compile(" {2,}")


def odt_text(text: str) -> str:
    """*text* as the content of an ODF paragraph, as odfpy's teletype writes it: escaped,
    tabs and line breaks as elements, runs of spaces as one space and ``text:s``; standard
    numbers and figures with units kept whole."""
    text = keep_standard_numbers(text)
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "  " in text:
        text = _SPACES.sub(lambda m: f' <text:s text:c="{len(m.group(0)) - 1}"/>', text)
    if "\t" in text or "\n" in text:
        text = text.replace("\t", "<text:tab/>").replace("\n", "<text:line-break/>")
    return text


@jinja2.pass_context
def odt_filter(context: jinja2.runtime.Context, value: Any) -> str:
    """The ``gdodt`` filter that .odt templates call for each value."""
    values: OdtValues = context.parent[MARKER_VAR]
    return values.write(value)


def rich_spans(text: str) -> str:
    """*text* as paragraph content, its ``**…**`` parts in bold spans."""
    return "".join(f'<text:span text:style-name="{NARRATIVE_STYLES["bold"]}">{odt_text(part)}'
                   "</text:span>" if bold else odt_text(part)
                   for part, bold in inline_runs(text))


def with_pictures(manifest: bytes, images: list[tuple[str, bytes, str]]) -> bytes:
    """The package's manifest with *images* listed."""
    entries = "".join(f' <manifest:file-entry manifest:full-path="{part}" '
                      f'manifest:media-type="{kind}"/>\n' for part, _, kind in images)
    return manifest.replace(b"</manifest:manifest>",
                            entries.encode() + b"</manifest:manifest>")
