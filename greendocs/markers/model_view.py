"""A read-only view of a model that remembers where each value came from.

Templates see this view instead of the model: ``{{ factory.name }}`` yields a
:class:`Marked` value that knows its path (``factory.name``) and label, so the writer
can wrap it in a bookmark without the template author doing anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from ..model_fields import field_map
from ..value_text import format_value
from ..year_series import YearSeries


class Marked:
    """A leaf value with its field path and label."""

    __slots__ = ("value", "path", "label")

    def __init__(self, value: Any, path: str, label: str) -> None:
        self.value = value
        self.path = path
        self.label = label

    def __str__(self) -> str:
        return format_value(self.value)

    def __bool__(self) -> bool:
        return bool(self.value)

    def __eq__(self, other: object) -> bool:
        return self.value == (other.value if isinstance(other, Marked) else other)

    def __hash__(self) -> int:
        return hash(self.value)

    def __repr__(self) -> str:
        return f"Marked({self.path}={self.value!r})"


def view(value: Any, path: str, label: str) -> Any:
    """Wrap *value* found at *path* for a template."""
    if isinstance(value, tuple):
        return SequenceView(value, path, label)
    if isinstance(value, YearSeries):
        return SeriesView(value, path, label)
    if attrs.has(type(value)) and not getattr(type(value), "__greendocs_leaf__", False):
        return ModelView(value, path)
    return Marked(value, path, label)


class ModelView:
    """A record: attribute access yields views of its fields."""

    __slots__ = ("_obj", "_path")

    def __init__(self, obj: Any, path: str) -> None:
        self._obj = obj
        self._path = path

    def __getattr__(self, name: str) -> Any:
        info = field_map(type(self._obj)).get(name)
        value = getattr(self._obj, name)
        if info is None:  # a property or method: computed, not a stored field
            return value
        return view(value, f"{self._path}.{name}" if self._path else name, info.label)

    def __bool__(self) -> bool:
        return True


class SequenceView:
    """A list field: iteration yields views whose paths carry the index."""

    __slots__ = ("_items", "_path", "_label")

    def __init__(self, items: tuple[Any, ...], path: str, label: str) -> None:
        self._items = items
        self._path = path
        self._label = label

    def __iter__(self) -> Iterator[Any]:
        for i, item in enumerate(self._items):
            yield view(item, f"{self._path}[{i}]", self._label)

    def __getitem__(self, i: int) -> Any:
        return view(self._items[i], f"{self._path}[{i}]", self._label)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)


class SeriesView:
    """A year series: ``values[2021]`` yields the marked value of that year."""

    __slots__ = ("_series", "_path", "_label")

    def __init__(self, series: YearSeries, path: str, label: str) -> None:
        self._series = series
        self._path = path
        self._label = label

    def __getitem__(self, year: Any) -> Marked:
        y = int(year.value if isinstance(year, Marked) else year)
        return Marked(self._series[y], f"{self._path}[{y}]", f"{self._label}（{y}年）")

    def __iter__(self) -> Iterator[int]:
        return iter(self._series.years)

    def __len__(self) -> int:
        return len(self._series)


def root_context(model: Any) -> dict[str, Any]:
    """The template context for *model*: one entry per top-level field."""
    return {name: view(getattr(model, name), name, info.label)
            for name, info in field_map(type(model)).items()}
