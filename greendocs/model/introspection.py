"""How a form model is shaped: nested records, lists, year series and leaf values.

Every engine (rendering markers, parsing, xlsx, JSON Schema) walks models through
this one module, so a new form needs no engine change.
"""

from __future__ import annotations

import re
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from ..types.year_series import YearSeries


def meta(label: str, *, unit: str | None = None, help: str | None = None,
         min_items: int = 0, max_items: int | None = None,
         max_length: int | None = None) -> dict[str, Any]:
    """attrs field metadata: the Chinese ``label`` printed on forms, an optional unit and
    help, a list field's bounds and a text's longest length (for the JSON Schema)."""
    return {"label": label, "unit": unit, "help": help, "min_items": min_items,
            "max_items": max_items, "max_length": max_length}


@attrs.frozen
class Shape:
    """The shape of one field's type."""

    kind: str  # "model" | "list" | "series" | "leaf"
    type: Any  # the model class, the list item's type, or the leaf type
    optional: bool
    item: Shape | None = None  # for lists


def _strip_optional(tp: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


def shape_of(tp: Any) -> Shape:
    """Classify a (resolved) field type."""
    inner, optional = _strip_optional(tp)
    origin = typing.get_origin(inner)
    if origin in (tuple, list):
        args = typing.get_args(inner)
        item = shape_of(args[0])
        return Shape("list", args[0], optional, item)
    if inner is YearSeries:
        return Shape("series", Decimal, optional)
    if attrs.has(inner) and not getattr(inner, "__greendocs_leaf__", False):
        return Shape("model", inner, optional)
    return Shape("leaf", inner, optional)


@attrs.frozen
class FieldInfo:
    """One attribute of a model class with its resolved shape and form metadata."""

    name: str
    shape: Shape
    label: str
    unit: str | None
    help: str | None
    #: bounds of a list field's length
    min_items: int = 0
    max_items: int | None = None
    #: the longest a text field (or each paragraph of a list of them) may be
    max_length: int | None = None


_FIELDS: dict[type, tuple[FieldInfo, ...]] = {}
_FIELD_MAPS: dict[type, dict[str, FieldInfo]] = {}
_LEAVES: dict[type, tuple[LeafPath, ...]] = {}


def fields_of(cls: type) -> tuple[FieldInfo, ...]:
    """The fields of a model class, with types resolved (computed once per class)."""
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS.setdefault(cls, _resolve_fields(cls))
    return found


def _resolve_fields(cls: type) -> tuple[FieldInfo, ...]:
    hints = typing.get_type_hints(cls)
    out = []
    for a in attrs.fields(cls):
        md = a.metadata
        out.append(
            FieldInfo(
                name=a.name,
                shape=shape_of(hints[a.name]),
                label=md.get("label", a.name),
                unit=md.get("unit"),
                help=md.get("help"),
                min_items=md.get("min_items", 0),
                max_items=md.get("max_items"),
                max_length=md.get("max_length"),
            )
        )
    return tuple(out)


def field_map(cls: type) -> dict[str, FieldInfo]:
    """``fields_of`` keyed by attribute name."""
    found = _FIELD_MAPS.get(cls)
    if found is None:
        found = _FIELD_MAPS.setdefault(cls, {f.name: f for f in fields_of(cls)})
    return found


@attrs.frozen
class LeafPath:
    """A leaf position in a model, with ``[]`` where list indices or years go."""

    pattern: str  # e.g. "indicators[].values[]"
    labels: tuple[str, ...]  # the labels along the way
    type: Any
    optional: bool
    in_list: bool
    unit: str | None
    series: bool = False  # the last ``[]`` is a year of a YearSeries


def leaf_paths(cls: type) -> tuple[LeafPath, ...]:
    """Every leaf pattern of a model class, in declaration order."""
    found = _LEAVES.get(cls)
    if found is None:
        found = _LEAVES.setdefault(cls, _resolve_leaves(cls))
    return found


def _resolve_leaves(cls: type) -> tuple[LeafPath, ...]:
    out: list[LeafPath] = []

    def walk(c: type, prefix: str, labels: tuple[str, ...], in_list: bool) -> None:
        for f in fields_of(c):
            path = f"{prefix}.{f.name}" if prefix else f.name
            lab = (*labels, f.label)
            shape = f.shape
            if shape.kind == "list":
                assert shape.item is not None
                path += "[]"
                shape_item = shape.item
                if shape_item.kind == "model":
                    walk(shape_item.type, path, lab, True)
                else:
                    out.append(LeafPath(path, lab, shape_item.type, False, True, f.unit))
            elif shape.kind == "model":
                walk(shape.type, path, lab, in_list)
            elif shape.kind == "series":
                out.append(LeafPath(path + "[]", lab, Decimal, True, in_list, f.unit, series=True))
            else:
                out.append(LeafPath(path, lab, shape.type, shape.optional, in_list, f.unit))

    walk(cls, "", (), False)
    return tuple(out)



_PATH_TOKEN = re.compile(r"\[([^\]]*)\]|([^.\[\]]+)")


def label_path(cls: type | None, path: str) -> str:
    """*path* (``indicators[2].values[2021]``) in the labels a reader of the form knows
    (``指标／第3行／2021年``); parts the model does not name are kept as written."""
    if not path or cls is None:
        return path
    out: list[str] = []
    current: Any = cls
    item: Shape | None = None  # the shape an index selects from
    for m in _PATH_TOKEN.finditer(path):
        index, name = m.groups()
        if index is not None:
            if item is not None and item.kind == "series":
                out.append(f"{index}年")
                item = None
            elif item is not None and item.kind == "list" and index.isdigit():
                out.append(f"第{int(index) + 1}项")
                current = item.type if item.item and item.item.kind == "model" else None
                item = None
            else:
                out.append(f"[{index}]")
            continue
        info = field_map(current).get(name) if current is not None and attrs.has(current) \
            else None
        if info is None:
            out.append(name)
            current, item = None, None
            continue
        out.append(info.label)
        current = info.shape.type if info.shape.kind == "model" else None
        item = info.shape if info.shape.kind in ("list", "series") else None
    return "／".join(out)
