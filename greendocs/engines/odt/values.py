"""The values of an .odt template's render: the text of each, as ODF paragraph content,
inside its bookmark when it is a model value (no odfpy: a render needs none)."""

from __future__ import annotations

import re
from typing import Any

import jinja2

from ...layout.line_breaks import keep_standard_numbers
from ...markers.bookmark_names import MARKER_VAR, value_bookmark
from ...markers.model_view import Marked
from ...model.value_text import format_value


class OdtValues:
    """Writes the values of one render: a model value inside its bookmark."""

    __slots__ = ("_form_id",)

    def __init__(self, form_id: str) -> None:
        self._form_id = form_id

    def write(self, value: Any) -> str:
        if type(value) is Marked:
            name = value_bookmark(value.pattern, value.indices, self._form_id)
            return (f'<text:bookmark-start text:name="{name}"/><text:span>'
                    f'{odt_text(format_value(value.value))}</text:span>'
                    f'<text:bookmark-end text:name="{name}"/>')
        return odt_text(value if type(value) is str else format_value(value))


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
