"""Models as flat (path → value) leaves, and plain data built back from found leaves.

Documents hold values one by one, each at a path such as ``indicators[3].values[2021]``;
these two functions connect that flat view with the nested models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from ..errors import FieldError, FieldValueError
from ..markers.bookmark_names import split_path
from ..types.year_series import YearSeries
from .introspection import LeafPath, fields_of, leaf_paths


@attrs.frozen
class Leaf:
    """One value of a model instance with its concrete path and labels."""

    path: str
    labels: tuple[str, ...]
    value: Any
    unit: str | None


def iter_leaves(model: Any) -> Iterator[Leaf]:
    """Every leaf of *model* in declaration order (list items and years expanded)."""

    def walk(obj: Any, prefix: str, labels: tuple[str, ...]) -> Iterator[Leaf]:
        unit_of_obj = getattr(obj, "unit", None)
        for f in fields_of(type(obj)):
            path = f"{prefix}.{f.name}" if prefix else f.name
            lab = (*labels, f.label)
            value = getattr(obj, f.name)
            kind = f.shape.kind
            if kind == "list":
                for i, item in enumerate(value):
                    ipath, ilab = f"{path}[{i}]", (*lab, str(i + 1))
                    if attrs.has(type(item)) and f.shape.item and f.shape.item.kind == "model":
                        yield from walk(item, ipath, ilab)
                    else:
                        yield Leaf(ipath, ilab, item, f.unit)
            elif kind == "model":
                yield from walk(value, path, lab)
            elif kind == "series":
                assert isinstance(value, YearSeries)
                for year, v in value.items:
                    yield Leaf(f"{path}[{year}]", (*lab, f"{year}年"), v,
                               f.unit or (str(unit_of_obj) if unit_of_obj else None))
            else:
                yield Leaf(path, lab, value, f.unit)

    yield from walk(model, "", ())


def patterns_by_path(cls: type) -> dict[str, LeafPath]:
    """The model's leaf patterns by pattern text."""
    return {leaf.pattern: leaf for leaf in leaf_paths(cls)}


def unflatten(cls: type, found: Mapping[str, Any],
              convert: Callable[[Any, LeafPath], Any]) -> tuple[dict[str, Any], list[FieldError]]:
    """Plain data for *cls* from values *found* by concrete path.

    *convert* turns a found value into plain data for its leaf (a
    :class:`FieldValueError` when it cannot: the value is left out and its problem
    returned). Paths that the model does not have are returned as problems, not dropped
    silently.
    """
    patterns = patterns_by_path(cls)
    root: dict[str, Any] = {}
    problems: list[FieldError] = []
    for path, raw in found.items():
        pattern, _ = split_path(path)
        leaf = patterns.get(pattern)
        if leaf is None:
            problems.append(FieldError(path, "is in the document but not in this form's model",
                                       "文档中有此项，但本表没有该字段"))
            continue
        try:
            value = convert(raw, leaf)
        except FieldValueError as exc:
            problems.append(FieldError(path, exc.message, exc.message_zh))
            continue
        _insert(root, path, value, leaf)
    return _finish(root, cls), problems


class _Items(dict[int, Any]):
    """A list under construction: index → item."""


def _tokens(path: str) -> list[str | int]:
    out: list[str | int] = []
    for part in path.replace("]", "").split("."):
        name, *idx = part.split("[")
        out.append(name)
        out += [int(i) for i in idx]
    return out


def _insert(root: dict[str, Any], path: str, value: Any, leaf: LeafPath) -> None:
    toks = _tokens(path)
    node: Any = root
    for i, tok in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        is_year = leaf.series and i + 1 == len(toks) - 1
        if tok not in node:
            node[tok] = {} if (isinstance(nxt, str) or is_year) else _Items()
        node = node[tok]
    node[toks[-1]] = value


def _finish(node: Any, cls: type | None) -> Any:
    if isinstance(node, _Items):
        return [_finish(node[k], None) for k in sorted(node)]
    if isinstance(node, dict):
        return {k: _finish(v, None) for k, v in node.items()}
    return node
