"""A read-only view of a model that remembers where each value came from.

Templates see this view instead of the model: ``{{ factory.name }}`` yields a
:class:`Marked` value that knows its path (``factory.name``) and label, so the writer
can wrap it in a bookmark without the template author doing anything.

Paths are carried as a pattern (``indicators[].values[]``) plus the indices
(``('3', '2021')``): that is what bookmark names are made of, and it is cheaper than
building and re-splitting path strings for every value of a large table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model.introspection import FieldInfo, field_map
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

    def __repr__(self) -> str:
        return f"Marked({self.path}={self.value!r})"


def _child(info: FieldInfo, value: Any, pattern: str, indices: tuple[str, ...]) -> Any:
    kind = info.shape.kind
    if kind == "leaf":
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
        if value is None:
            view: Any = Marked(None, pattern, self._indices, info.label)
        else:
            view = _child(info, value, pattern, self._indices)
        self.__dict__[name] = view
        return view

    def __bool__(self) -> bool:
        return True


class SequenceView:
    """A list field: iteration yields views whose paths carry the index."""

    __slots__ = ("_indices", "_info", "_items", "_pattern")

    def __init__(self, items: tuple[Any, ...], info: FieldInfo, pattern: str,
                 indices: tuple[str, ...]) -> None:
        self._items = items
        self._info = info
        self._pattern = pattern
        self._indices = indices

    def _item(self, i: int, item: Any) -> Any:
        indices = (*self._indices, str(i))
        shape = self._info.shape.item
        if shape is not None and shape.kind == "model":
            return ModelView(item, self._pattern, indices)
        return Marked(item, self._pattern, indices, self._info.label)

    def __iter__(self) -> Iterator[Any]:
        for i, item in enumerate(self._items):
            yield self._item(i, item)

    def __getitem__(self, i: int) -> Any:
        return self._item(i, self._items[i])

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)


class SeriesView:
    """A year series: ``values[2021]`` yields the marked value of that year."""

    __slots__ = ("_indices", "_label", "_pattern", "_values")

    def __init__(self, series: YearSeries, pattern: str, indices: tuple[str, ...],
                 label: str) -> None:
        self._values = series.as_dict()
        self._pattern = pattern
        self._indices = indices
        self._label = label

    def __getitem__(self, year: Any) -> Marked:
        y = int(year.value if isinstance(year, Marked) else year)
        # a year the series lacks prints as empty, and reads back as None
        return Marked(self._values.get(y), self._pattern, (*self._indices, str(y)),
                      f"{self._label}（{y}年）")

    def __iter__(self) -> Iterator[int]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def root_context(model: Any) -> dict[str, Any]:
    """The template context for *model*: one entry per top-level field."""
    root = ModelView(model, "", ())
    return {name: getattr(root, name) for name in field_map(type(model))}
