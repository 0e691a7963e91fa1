"""A read-only view of a model that remembers where each value came from.

Templates see this view instead of the model: ``{{ factory.name }}`` yields a
:class:`Marked` value that knows its path (``factory.name``) and label, so the writer
can wrap it in a bookmark without the template author doing anything.

Paths are carried as a pattern (``indicators[].values[]``) plus the indices
(``('3', '2021')``): that is what bookmark names are made of, and it is cheaper than
building and re-splitting path strings for every value of a large table.

A long table's rows are *lean*: a layout's table rows
(:class:`~greendocs.layout.elements.LoopRow`) iterate their list through the ``gdrows``
filter, and in a list of more than :data:`LEAN_ABOVE` items only the first two and the
last two items, and every :data:`FULL_ROW_EVERY`-th, are views marking each value; the
others are :class:`PlainItem` — their values unmarked, as plain as the floor's. The
read-back reads a table's rows by their columns, learnt from the marked rows (an unmarked
row is read as a row a person inserted is), so a table of 1,000 rows is half the size
and written in two thirds of the time. A person would have to delete every marked row of
such a table for its rows to go unread (parse then names their text as not read back).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..model.introspection import FieldInfo, Shape, field_map
from ..model.value_text import format_value
from ..types.year_series import YearSeries
from .bookmark_names import fill_pattern


class Marked:
    """A leaf value with where it is (pattern + indices) and its label."""

    __slots__ = ("indices", "label", "pattern", "value")

    def __init__(self, value: Any, pattern: str, indices: tuple[str, ...], label: str) -> None:
        self.value = value
        self.pattern = pattern
        self.indices = indices
        self.label = label

    @property
    def path(self) -> str:
        """The concrete field path, e.g. ``indicators[3].values[2021]``."""
        return fill_pattern(self.pattern, self.indices) or self.pattern

    def __str__(self) -> str:
        return format_value(self.value)

    def __bool__(self) -> bool:
        return bool(self.value)

    def __eq__(self, other: object) -> bool:
        return bool(self.value == (other.value if isinstance(other, Marked) else other))

    def __hash__(self) -> int:
        return hash(self.value)

    def __index__(self) -> int:  # a marked number (or yes/no) as a position, as its value
        return operator.index(self.value)

    def __repr__(self) -> str:
        return f"Marked({self.path}={self.value!r})"


def _field_view(info: FieldInfo, value: Any, pattern: str, indices: tuple[str, ...]) -> Any:
    """The view of a record's field *info* holding *value*, at *pattern* (an empty field:
    an empty marked value)."""
    kind = info.shape.kind
    if kind == "leaf" or value is None:
        return Marked(value, pattern, indices, info.label)
    if kind == "model":
        return ModelView(value, pattern, indices)
    if kind == "list":
        return SequenceView(value, info, pattern + "[]", indices)
    return SeriesView(value, pattern + "[]", indices, info.label)


class ModelView:
    """A record: attribute access yields views of its fields (each made once, then held
    as a plain attribute: templates read a year series' view once per year)."""

    def __init__(self, obj: Any, pattern: str, indices: tuple[str, ...]) -> None:
        self._obj = obj
        self._pattern = pattern
        self._indices = indices
        self._fields = field_map(type(obj))

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._obj, name)
        info = self._fields.get(name)
        if info is None:  # a property or method: computed, not a stored field
            return value
        pattern = f"{self._pattern}.{name}" if self._pattern else name
        view = _field_view(info, value, pattern, self._indices)
        self.__dict__[name] = view
        return view

    def __bool__(self) -> bool:
        return True


#: a list printed a table row an item: up to how many items every row is marked
LEAN_ABOVE = 16
#: in a longer one, every how many rows one is marked, besides the first two and the last
#: two (a fully marked row costs as much as 30 lean ones in a compressed file)
FULL_ROW_EVERY = 64


class SequenceView:
    """A list field: iteration yields views whose paths carry the index (the items of a
    long list printed a table row each, :meth:`as_rows`, in lean rows)."""

    __slots__ = ("_indices", "_info", "_items", "_lean", "_pattern", "_read")

    def __init__(self, items: tuple[Any, ...], info: FieldInfo, pattern: str,
                 indices: tuple[str, ...], *, lean: bool = False) -> None:
        self._items = items
        self._info = info
        self._pattern = pattern
        self._indices = indices
        self._lean = lean
        #: the views ``list[i]`` gave (a table's years are read in each of its rows)
        self._read: dict[int, Any] = {}

    def as_rows(self) -> SequenceView:
        """This list, its items printed a table row each: records in lean rows (see
        :func:`positions_filter`)."""
        shape = self._info.shape.item
        return SequenceView(self._items, self._info, self._pattern, self._indices,
                            lean=shape is not None and shape.kind == "model")

    def _item(self, i: int, item: Any) -> Any:
        return _item_view(self._info, item, self._pattern, (*self._indices, str(i)))

    def __iter__(self) -> Iterator[Any]:
        if self._lean:
            for i, item in positions_filter(self._items, True):
                yield PlainItem(item) if i is None else self._item(i, item)
            return
        for i, item in enumerate(self._items):
            yield self._item(i, item)

    def __getitem__(self, i: int) -> Any:
        i = operator.index(i)  # (a marked number's value: its position in the bookmark)
        view = self._read.get(i)
        if view is None:
            view = self._read[i] = self._item(i, self._items[i])
        return view

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)


class PlainSeries:
    """A year series as a template reads it: ``values[2021]`` (the year as a number or a
    marked value) yields the value of that year, None for a year the series lacks (it
    prints as empty, and reads back as None). Unmarked: a lean row's."""

    __slots__ = ("_values",)

    def __init__(self, series: YearSeries) -> None:
        self._values = series.as_dict()

    def __getitem__(self, year: Any) -> Any:
        return self._values.get(year_of(year))

    def __iter__(self) -> Iterator[int]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def year_of(year: Any) -> int:
    """A year a template gives (a number, or a marked one) as a number."""
    return int(year.value if type(year) is Marked else year)


class SeriesView(PlainSeries):
    """A year series: ``values[2021]`` yields the marked value of that year."""

    __slots__ = ("_indices", "_label", "_pattern")

    def __init__(self, series: YearSeries, pattern: str, indices: tuple[str, ...],
                 label: str) -> None:
        super().__init__(series)
        self._pattern = pattern
        self._indices = indices
        self._label = label

    def __getitem__(self, year: Any) -> Marked:
        y = year_of(year)
        return _year_view(self._values.get(y), self._pattern, self._indices, self._label, y)


def _item_view(info: FieldInfo, item: Any, pattern: str, indices: tuple[str, ...]) -> Any:
    """The view of an *item* of the list field *info*, at *pattern* (``list[]``)."""
    shape = info.shape.item
    if shape is not None and shape.kind == "model":
        return ModelView(item, pattern, indices)
    return Marked(item, pattern, indices, info.label)


def _year_view(value: Any, pattern: str, indices: tuple[str, ...], label: str,
               year: int) -> Marked:
    """The marked *value* of a series labelled *label* in *year*, at *pattern*
    (``values[]``), *indices* the series' own."""
    return Marked(value, pattern, (*indices, str(year)), f"{label}（{year}年）")


class PlainItem:
    """An item of a lean row: its fields' values as they are, unmarked, read once (as
    plain attributes: a template reads them at the speed of any object's) — a record's as
    a plain item too, a list of records as plain items, a year series' by year (a year it
    lacks as None, like :class:`SeriesView`)."""

    def __init__(self, obj: Any) -> None:
        fields = self.__dict__
        fields["_obj"] = obj
        cls: type = type(obj)
        for name, kind in _kinds(cls):
            value = getattr(obj, name)
            if value is not None and kind != "leaf":
                value = _plain(kind, value)
            fields[name] = value

    def __getattr__(self, name: str) -> Any:  # a property or method: computed
        return getattr(self.__dict__["_obj"], name)

    def __bool__(self) -> bool:
        return True


def _plain(kind: str, value: Any) -> Any:
    """*value*, of a field of *kind* (:func:`_kind`), as a lean row holds it."""
    if kind == "series":
        return PlainSeries(value)
    if kind == "model":
        return PlainItem(value)
    if kind == "records":
        return tuple(PlainItem(item) for item in value)
    return value


def _kind(shape: Shape | None) -> str:
    """A field's shape's kind, a list of records' ``records``."""
    if shape is None:
        return "leaf"
    if shape.kind == "list" and shape.item is not None and shape.item.kind == "model":
        return "records"
    return shape.kind


@functools.lru_cache(maxsize=256)
def _kinds(cls: type) -> tuple[tuple[str, str], ...]:
    """Each field of the model class *cls* with its kind (:func:`_kind`)."""
    return tuple((name, _kind(info.shape)) for name, info in field_map(cls).items())


def _lean(indices: tuple[Any, ...]) -> bool:
    """Whether *indices* are a lean row's (one of them None)."""
    return any(i is None for i in indices)


class Site:
    """Where a compiled template reads a model value it does not print at once (a
    condition's, a filter's): the field, a list's item or a series' year at a path pattern
    resolved when the template was compiled. :meth:`view` gives what a template reading
    through views would see there, so templates compiled with their paths resolved read
    the model itself and behave the same."""

    __slots__ = ("info", "kind", "pattern")

    def __init__(self, kind: str, pattern: str, info: FieldInfo) -> None:
        #: ``field`` (the field at *pattern*), ``item`` (an item of the list at *pattern*)
        #: or ``year`` (a year of the series at *pattern*)
        self.kind = kind
        self.pattern = pattern
        self.info = info

    def view(self, value: Any, indices: tuple[Any, ...]) -> Any:
        """The view of *value* at this site with *indices* (loop positions as numbers,
        a year as the year); in a lean row (an index None) the value as a lean row's
        :class:`PlainItem` holds it."""
        if _lean(indices):
            return self._plain(value, indices)
        if self.kind == "year":
            year = year_of(indices[-1])
            return _year_view(in_year(value, year), self.pattern + "[]",
                              tuple(str(i) for i in indices[:-1]), self.info.label, year)
        keys = tuple(str(i) for i in indices)
        if self.kind == "field":
            return _field_view(self.info, value, self.pattern, keys)
        return _item_view(self.info, value, self.pattern + "[]", keys)

    def _plain(self, value: Any, indices: tuple[Any, ...]) -> Any:
        if self.kind == "year":
            return in_year(value, year_of(indices[-1]))
        shape = self.info.shape if self.kind == "field" else self.info.shape.item
        return value if value is None else _plain(_kind(shape), value)


def in_year(series: YearSeries | None, year: int) -> Any:
    """The value of *series* (or of no series) in *year*; None without (where
    ``series[year]`` raises: a year the table shows that the series lacks prints empty)."""
    if series is not None:
        for y, value in series.items:
            if y == year:
                return value
    return None


def positions_filter(items: Sequence[Any], lean: bool = False) -> Iterable[tuple[Any, Any]]:
    """The ``gdpositions`` filter: each of *items* with its position — None for a lean
    row's when they are records printed a table row each (*lean*): in a list of more than
    :data:`LEAN_ABOVE`, all but the first two, the last two and every
    :data:`FULL_ROW_EVERY`-th."""
    rows = len(items)
    if not lean or rows <= LEAN_ABOVE:
        return enumerate(items)
    last = rows - 2
    return ((i if i < 2 or i >= last or i % FULL_ROW_EVERY == 0 else None, item)
            for i, item in enumerate(items))


def rows_filter(value: Any) -> Any:
    """The ``gdrows`` filter a layout's table rows iterate their list through: a long
    list's items in lean rows (anything else as it is)."""
    return value.as_rows() if isinstance(value, SequenceView) else value


def root_context(model: Any, plain: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The template context for *model*: one entry per top-level field, a view of it —
    or the value itself for the fields in *plain*, which the template was compiled to
    read directly (see :mod:`greendocs.engines.template_paths`)."""
    root = ModelView(model, "", ())
    return {name: getattr(model, name) if name in plain else getattr(root, name)
            for name in field_map(type(model))}
