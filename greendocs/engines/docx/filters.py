"""The Jinja filters compiled .docx templates call: every value written as its own run,
inside its markers when it is a model value, and always escaped."""

from __future__ import annotations

from typing import Any

import jinja2

from ...markers.bookmark_names import MARKER_VAR, value_bookmark
from ...markers.model_view import Marked, Site, in_year, year_of
from ...model.value_text import format_value
from ...package.xml_text import escape_xml
from ...types.narrative import NarrativeTable
from ..blocks import Caption, Drawing, Rich, block_of
from ..figures import Figures
from .narrative import drawing_run, rich_runs, table_xml
from .run_xml import RUN_END, SPECIAL_CHARACTERS, run_body, run_start

#: whether a text is its run's content as it is (:func:`~.run_xml.run_body`'s own first
#: test, made here without the call: every value of a document passes it)
_PLAIN_TEXT = SPECIAL_CHARACTERS.isdisjoint
#: the errors Jinja's item lookup turns into an undefined value
_NOT_FOUND = (TypeError, LookupError, AttributeError)
#: millimetres in a twip (a twentieth of a point)
MM_PER_TWIP = 25.4 / 1440


class MarkerWriter:
    """Writes marked runs for one render; numbers bookmarks from 1 (so output is repeatable).

    The same XML as :func:`~.run_xml.marked_run` and :func:`~.run_xml.text_run`, written
    in one step: this is called for every value of a document."""

    __slots__ = ("_form_id", "_next", "_run_props", "_starts", "figures", "sites",
                 "text_width", "views")

    def __init__(self, run_props: tuple[str, ...], form_id: str,
                 text_box: tuple[int, int], sites: tuple[Site, ...] = ()) -> None:
        self._run_props = run_props
        self._starts = tuple(run_start(rpr) for rpr in run_props)
        self._form_id = form_id
        self._next = 0
        #: the text's width in twips (a narrative's tables are as wide)
        self.text_width = text_box[0]
        #: a narrative's tables and photos (numbers, image parts), in the text's size (mm)
        self.figures = Figures((text_box[0] * MM_PER_TWIP, text_box[1] * MM_PER_TWIP),
                               "media")
        #: where the template reads views of the model (its paths resolved when compiled),
        #: and the views read there in this render, by site and indices (a lean row's by
        #: site and value)
        self.sites = sites
        self.views: dict[tuple[int, object], Any] = {}

    def mark(self, value: Any, run_index: int) -> str:
        """The run XML for *value*; a :class:`Marked` value also gets its markers."""
        start = self._starts[run_index]
        kind = type(value)
        if kind is Marked:
            self._next += 1
            bid = self._next
            name = value_bookmark(value.pattern, value.indices, self._form_id)
            text = value.value
            body = run_body(text if type(text) is str else format_value(text))
            return (f'<w:bookmarkStart w:id="{bid}" w:name="{name}"/>{start}{body}{RUN_END}'
                    f'<w:bookmarkEnd w:id="{bid}"/>')
        if kind is str:  # a lean row's text, a template's own
            return f"{start}{run_body(value)}{RUN_END}"
        if isinstance(value, Rich):
            return self._block(value, run_index)
        return f"{start}{run_body(format_value(value))}{RUN_END}"

    def table(self, table: NarrativeTable) -> str:
        """A narrative's table, as a ``w:tbl`` the text's width."""
        return table_xml(table, self.text_width)

    def _block(self, value: Rich, run_index: int) -> str:
        """A narrative block's paragraph content: its runs, its caption or its photo,
        inside the block's bookmark."""
        inner = value.value
        block = block_of(inner)
        rpr = self._run_props[run_index]
        if type(value) is Drawing:
            runs = drawing_run(self.figures, block, rpr)
        elif type(value) is Caption:
            runs = rich_runs(rpr, self.figures.caption(block))
        else:
            runs = rich_runs(rpr, block if isinstance(block, str) else format_value(block))
        if type(inner) is not Marked:
            return runs
        self._next += 1
        bid = self._next
        name = value_bookmark(inner.pattern, inner.indices, self._form_id)
        return (f'<w:bookmarkStart w:id="{bid}" w:name="{name}"/>{runs}'
                f'<w:bookmarkEnd w:id="{bid}"/>')


@jinja2.pass_context
def mark_filter(context: jinja2.runtime.Context, value: Any, run_index: int) -> str:
    """The ``gdmark`` filter that compiled templates call for each value inside a run."""
    writer: MarkerWriter = context.parent[MARKER_VAR]
    if type(value) is str:  # a context's text, a lean row's: as MarkerWriter.mark writes it
        body = value if _PLAIN_TEXT(value) else run_body(value)
        return f"{writer._starts[run_index]}{body}{RUN_END}"
    return writer.mark(value, run_index)


@jinja2.pass_context
def path_mark_filter(context: jinja2.runtime.Context, value: Any, run_index: int, key: str,
                     *indices: Any) -> str:
    """The ``gdm`` filter: a model value at a path resolved when the template was
    compiled (:mod:`~greendocs.engines.template_paths`), written as
    :meth:`MarkerWriter.mark` writes its view — inside the bookmark *key* completed by
    *indices*, none in a lean row (an index None)."""
    writer: MarkerWriter = context.parent[MARKER_VAR]
    start = writer._starts[run_index]
    text = value if type(value) is str else format_value(value)
    body = text if _PLAIN_TEXT(text) else run_body(text)
    name = key
    for i in indices:
        if i is None:
            return f"{start}{body}{RUN_END}"
        name += f"_{i}"
    writer._next += 1
    bid = writer._next
    return (f'<w:bookmarkStart w:id="{bid}" w:name="{name}"/>{start}{body}{RUN_END}'
            f'<w:bookmarkEnd w:id="{bid}"/>')


@jinja2.pass_context
def year_mark_filter(context: jinja2.runtime.Context, series: Any, run_index: int, key: str,
                     *indices: Any) -> str | jinja2.Undefined:
    """The ``gdms`` filter: the year ``indices[-1]`` of a year *series*, as ``gdm``."""
    try:
        year = year_of(indices[-1])
    except _NOT_FOUND:  # what Jinja's item lookup makes undefined (a year of none)
        return context.environment.undefined(obj=series, name=indices[-1])
    return path_mark_filter(context, in_year(series, year), run_index, key, *indices[:-1],
                            year)


@jinja2.pass_context
def view_filter(context: jinja2.runtime.Context, value: Any, site: int, *indices: Any) -> Any:
    """The ``gdat`` filter: the view of the model's *value* at the template's *site* —
    the same view for the same site and indices in one render (a template comparing a
    record with itself finds it equal, as it did reading views), an undefined value as it
    is (a list's item past its end: ``is defined`` and ``default`` see it)."""
    if isinstance(value, jinja2.Undefined):
        return value
    writer: MarkerWriter = context.parent[MARKER_VAR]
    found = writer.sites[site]
    if found.kind == "year":
        try:
            year_of(indices[-1])
        except _NOT_FOUND:
            return context.environment.undefined(obj=value, name=indices[-1])
    # a lean row's value (an index None) is known by itself: the model outlives the render
    lean = any(i is None for i in indices)
    try:
        key = (site, id(value)) if lean else (site, indices)
        view = writer.views.get(key)
    except TypeError:  # an index that cannot be a key: a view of its own
        return found.view(value, indices)
    if view is None:
        view = writer.views[key] = found.view(value, indices)
    return view


def text_filter(value: Any) -> str:
    """The ``gdtext`` filter for expressions outside runs (attribute values and the like)."""
    if isinstance(value, Marked):
        value = value.value
    return escape_xml(value if type(value) is str else format_value(value))
