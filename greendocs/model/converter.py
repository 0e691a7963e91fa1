"""Plain data (YAML/JSON) ⇄ models, through cattrs, reporting every error with its field path."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_mapping_structure_fn

from ..errors import FieldError, FieldValueError, ValidationError
from ..types.contact import Email, Phone, Postcode
from ..types.credit_code import CreditCode
from ..types.dates import parse_date
from ..types.industry import Industry
from ..types.labelled_enum import LabelledEnum
from ..types.narrative import Block, NarrativeImage, NarrativeTable, parse_blocks, to_data
from ..types.quantity import Unit, to_decimal
from ..types.region import Region
from ..types.text import all_writable, check_text
from ..types.year_series import YearSeries
from .introspection import fields_of

T = TypeVar("T")


def _structure_str(value: Any, _: type) -> str:
    if isinstance(value, str):
        check_text(value)  # control characters, reported with the other attribute errors
        return value
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return str(value)
    raise FieldValueError(f"expected text, got {_describe(value)}", zh=f"应为文字，实为{value!r}")


def _is_text_table(t: Any) -> bool:
    return typing.get_origin(t) is dict and typing.get_args(t) == (str, str)


def _text_table_hook(c: cattrs.Converter) -> Callable[[Any, Any], dict[str, str]]:
    """``dict[str, str]`` (a table of codes and names, thousands of entries): taken as it
    is when every key and value is text a document can hold, checked in one search; else
    entry by entry, each problem with its key."""
    slow: dict[Any, Callable[[Any, Any], dict[str, str]]] = {}

    def hook(value: Any, t: Any) -> dict[str, str]:
        if not isinstance(value, dict):
            raise FieldValueError(f"expected a mapping of texts (key: text), got "
                                  f"{_describe(value)}", zh=f"应为“键：文字”的映射，实为{value!r}")
        if (all(type(k) is str and type(v) is str for k, v in value.items())
                and all_writable(itertools.chain(value, value.values()))):
            return dict(value)
        if t not in slow:
            slow[t] = make_mapping_structure_fn(t, c)
        return slow[t](value, t)

    return hook


def _structure_block(value: Any, _: Any) -> tuple[Block, ...]:
    """One item of a narrative: its blocks (an item of Markdown text may hold several);
    every text in it checked as text fields are."""
    _check_texts(value)
    return tuple(parse_blocks(value))


def _check_texts(value: Any) -> None:
    if isinstance(value, str):
        check_text(value)
    elif isinstance(value, dict):
        for v in value.values():
            _check_texts(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _check_texts(v)


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool):
        raise FieldValueError(f"expected a whole number, got {value!r}",
                              zh=f"应为整数，实为{value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise FieldValueError(f"expected a whole number, got {_describe(value)}",
                          zh=f"应为整数，实为{value!r}")


def _structure_bool(value: Any, _: type) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        low = value.strip().lower()
        if low in ("是", "true", "yes", "有"):
            return True
        if low in ("否", "false", "no", "无"):
            return False
    raise FieldValueError(f"expected yes or no (true/false, 是/否), got {_describe(value)}",
                          zh=f"应填“是”或“否”，实为{value!r}")


def _structure_industry(value: Any, _: type) -> Industry:
    if isinstance(value, Industry):
        return value
    if isinstance(value, str):
        return Industry.parse(value)
    if isinstance(value, dict) and set(value) == {"code", "name"}:
        return Industry(_structure_str(value["code"], str), _structure_str(value["name"], str))
    raise FieldValueError(
        f"expected an industry such as '2611 无机酸制造' or {{code: '2611', name: 无机酸制造}}, "
        f"got {_describe(value)}",
        zh=f"{value!r}不是行业类别；应写4位类别代码和名称，如“2611 无机酸制造”")


def _structure_enum(value: Any, cls: type[LabelledEnum]) -> LabelledEnum:
    for member in cls:
        if value in (member.value, member.label):
            return member
    choices = ", ".join(f"{m.value} ({m.label})" for m in cls)
    raise FieldValueError(f"{value!r} is not one of: {choices}",
                          zh=f"{value!r}不是可选项之一；应为：{'、'.join(m.label for m in cls)}")


def decimal_to_json(value: Decimal) -> int | float | str:
    """A JSON-friendly number for *value*: int or float when exact, else its text."""
    if value == value.to_integral_value() and abs(value) < 2**53:
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else format(value, "f")


def _describe(value: Any) -> str:
    return "nothing" if value is None else f"{type(value).__name__} {value!r}"


def make_converter() -> cattrs.Converter:
    """A converter configured for greendocs models (a new one each call; no shared state)."""
    c = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    c.register_structure_hook(str, _structure_str)
    c.register_structure_hook(int, _structure_int)
    c.register_structure_hook(bool, _structure_bool)
    c.register_structure_hook_func(_is_text_table, _text_table_hook(c))
    c.register_structure_hook_func(lambda t: t == Block, _structure_block)
    for block in (NarrativeTable, NarrativeImage):
        c.register_unstructure_hook(block, to_data)
    c.register_structure_hook(Decimal, lambda v, _: to_decimal(v))
    c.register_structure_hook(dt.date, lambda v, _: parse_date(v))
    for cls in (CreditCode, Region, Phone, Email, Postcode, Unit):
        c.register_structure_hook(cls, lambda v, t: t(_structure_str(v, str)))
        c.register_unstructure_hook(cls, str)
    c.register_structure_hook(Industry, _structure_industry)
    c.register_unstructure_hook(Industry, lambda i: {"code": i.code, "name": i.name})
    c.register_structure_hook(YearSeries, lambda v, _: YearSeries.of(v))
    c.register_unstructure_hook(
        YearSeries,
        lambda s: {str(y): None if v is None else decimal_to_json(v) for y, v in s.items},
    )
    # Registered by class, not by predicate: the ``str`` hook above is dispatched by class
    # too and would otherwise take every LabelledEnum (a str subclass) as plain text.
    c.register_structure_hook(LabelledEnum, _structure_enum)
    c.register_unstructure_hook(Decimal, decimal_to_json)
    c.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    return c


_CONVERTER = make_converter()


def structure(data: Any, cls: type[T], *, source: str | None = None) -> T:
    """Build a model of type *cls* from plain data; raise :class:`ValidationError` listing
    every problem with its field path."""
    if not isinstance(data, dict):
        raise ValidationError(
            [FieldError("", f"expected a mapping of fields at the top, got {_describe(data)}",
                        "数据顶层应为“字段：值”的映射")],
            source,
        )
    oversized = _oversized(data, cls, "")
    if oversized:
        raise ValidationError(oversized, source, cls)
    try:
        return _CONVERTER.structure(data, cls)
    except (ClassValidationError, IterableValidationError, FieldValueError) as exc:
        raise ValidationError(collect_errors(exc), source, cls) from None


def _oversized(data: Any, cls: type, path: str) -> list[FieldError]:
    """Lists longer than their field allows, found before anything is built: a table of a
    million rows is refused at once, not after a million rows were checked."""
    if not isinstance(data, dict) or not attrs.has(cls):
        return []
    found: list[FieldError] = []
    for f in fields_of(cls):
        value = data.get(f.name)
        where = _join(path, f.name)
        if f.shape.kind == "list" and isinstance(value, list):
            if f.max_items is not None and len(value) > f.max_items:
                found.append(FieldError(where, f"allows at most {f.max_items} entries, "
                                        f"found {len(value)}",
                                        f"最多{f.max_items}项，实有{len(value)}项"))
            elif f.shape.item is not None and f.shape.item.kind == "model":
                for i, item in enumerate(value):
                    found += _oversized(item, f.shape.item.type, f"{where}[{i}]")
        elif f.shape.kind == "model":
            found += _oversized(value, f.shape.type, where)
    return found


def unstructure(model: Any) -> Any:
    """Plain data (dicts, lists, str, numbers) for a model; the inverse of :func:`structure`."""
    return _CONVERTER.unstructure(model)


def to_json(model: Any) -> str:
    """The model as pretty JSON text (UTF-8, Chinese left readable)."""
    return json.dumps(unstructure(model), ensure_ascii=False, indent=2) + "\n"


def _join(path: str, part: str) -> str:
    if part.startswith("["):
        return path + part
    return f"{path}.{part}" if path else part


def collect_errors(exc: BaseException, path: str = "") -> list[FieldError]:
    """Flatten cattrs' exception groups into :class:`FieldError` items with dotted paths."""
    out: list[FieldError] = []
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            out += collect_errors(sub, _join(path, note.name))
        for sub in without:
            out += collect_errors(sub, path)
    elif isinstance(exc, IterableValidationError):
        with_inotes, without = exc.group_exceptions()
        for sub, inote in with_inotes:
            out += collect_errors(sub, _join(path, f"[{inote.index}]"))
        for sub in without:
            out += collect_errors(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            out.append(FieldError(_join(path, key), "is not a field of this form; check the name",
                                  "不是本表的字段；请核对字段名"))
    elif isinstance(exc, FieldValueError):
        where = _join(path, exc.field) if exc.field else path
        out.append(FieldError(where, exc.message, exc.message_zh))
    elif isinstance(exc, KeyError) or (isinstance(exc, TypeError) and "missing" in str(exc)):
        out.append(FieldError(path, "is required but missing", "必填，但未填写"))
    else:
        out.append(FieldError(path, str(exc) or type(exc).__name__, "填写有误"))
    return out

