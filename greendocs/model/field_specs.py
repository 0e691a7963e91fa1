"""Field declarations shared by every form model: text, typed values, amounts, years, lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs

from ..errors import FieldValueError
from ..types.narrative import Block, NarrativeImage, NarrativeTable, parse_blocks
from ..types.quantity import amount_validator
from ..types.text import check_text, clean_optional_text, clean_text, text_validator
from ..types.year_series import check_series
from .introspection import meta


def text(label: str, *, max_length: int | None = 500, single_line: bool = True,
         help: str | None = None, canonical: Callable[[str], str] | None = None) -> Any:
    """A required text field; *canonical* maps other spellings of a value to the one the
    model keeps (an indicator's input key to its printed code, say)."""
    return attrs.field(
        converter=clean_text if canonical is None else (
            lambda value: canonical(v) if isinstance(v := clean_text(value), str) else v),
        validator=text_validator(required=True, max_length=max_length, single_line=single_line),
        metadata=meta(label, help=help, max_length=max_length),
    )


def optional_text(label: str, *, max_length: int | None = 2000, single_line: bool = False,
                  help: str | None = None) -> Any:
    """An optional text field (None, or absent, when not filled)."""
    return attrs.field(
        default=None,
        converter=clean_optional_text,
        validator=text_validator(required=False, max_length=max_length, single_line=single_line),
        metadata=meta(label, help=help, max_length=max_length),
    )


def typed(kind: type, label: str, *, optional: bool = False, help: str | None = None) -> Any:
    """A field holding an instance of *kind* (a shared type such as CreditCode or Region).

    Text-valued types (``str`` subclasses) also accept plain text, converted and checked
    on construction, so ``ListedFactory(credit_code="9144…", …)`` works from Python.
    """
    check: Any = attrs.validators.instance_of(kind)
    converter = None
    if issubclass(kind, str):

        def convert(value: Any, field: attrs.Attribute[Any]) -> Any:
            if value is None or isinstance(value, kind):
                return value
            try:
                return kind(value)
            except FieldValueError as exc:
                raise exc.at(field.name) from None
            except ValueError:  # an enum's own error: take its label, or name the choices
                label_of = getattr(kind, "label_of", None)
                if label_of is not None and (found := label_of(value)) is not None:
                    return found
                choices = ", ".join(f"{m.value} ({m.label})" if hasattr(m, "label")
                                    else str(m.value) for m in kind)  # type: ignore[attr-defined]
                labels = "、".join(str(getattr(m, "label", m.value))
                                   for m in kind)  # type: ignore[attr-defined]
                raise FieldValueError(f"{value!r} is not one of: {choices}", field.name,
                                      zh=f"{value!r}不是可选项之一；应为：{labels}") from None

        converter = attrs.Converter(convert, takes_field=True)

    def named(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        try:
            check(instance, attribute, value)
        except TypeError:
            raise FieldValueError(f"expected {kind.__name__}, got {value!r}",
                                  attribute.name, zh=f"填写有误：{value!r}") from None

    kwargs: dict[str, Any] = {"default": None} if optional else {}
    return attrs.field(converter=converter, validator=named, metadata=meta(label, help=help),
                       **kwargs)


def amount(label: str, unit: str | None, *, optional: bool = True, signed: bool = False) -> Any:
    """A Decimal quantity in *unit* (non-negative unless *signed*, 0-100 for ``%``)."""
    kwargs: dict[str, Any] = {"default": None} if optional else {}
    return attrs.field(validator=amount_validator(unit, signed=signed, optional=optional),
                       metadata=meta(label, unit=unit), **kwargs)


def year(label: str) -> Any:
    """A calendar year between 2000 and 2100."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not 2000 <= value <= 2100:
            raise FieldValueError(f"{value!r} is not a year between 2000 and 2100",
                                  attribute.name, zh=f"{value!r}不是2000至2100年之间的年份")

    return attrs.field(validator=check, metadata=meta(label))


def date(label: str) -> Any:
    """A calendar date."""
    return attrs.field(validator=attrs.validators.instance_of(dt.date), metadata=meta(label))


def items_validator(*, min_items: int = 0, max_items: int | None = None) -> Any:
    """An attrs validator bounding the length of a list field."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise FieldValueError(f"expected a list, got {value!r}", attribute.name,
                                  zh=f"应为若干项的列表，实为{value!r}")
        if len(value) < min_items:
            raise FieldValueError(
                f"needs at least {min_items} entr{'y' if min_items == 1 else 'ies'}, "
                f"found {len(value)}", attribute.name,
                zh=f"至少应有{min_items}项，实有{len(value)}项")
        if max_items is not None and len(value) > max_items:
            raise FieldValueError(f"allows at most {max_items} entries, found {len(value)}",
                                  attribute.name, zh=f"最多{max_items}项，实有{len(value)}项")

    return check


#: the longest list a form may hold unless its field says otherwise: a document greendocs
#: writes is always one its parser accepts
MAX_ITEMS = 5000
#: the most paragraphs a narrative section may hold
MAX_PARAGRAPHS = 500
#: the longest a paragraph may be
MAX_PARAGRAPH_LENGTH = 5000


def items(label: str, *, min_items: int = 0, max_items: int | None = MAX_ITEMS,
          also: Any = None, help: str | None = None) -> Any:
    """A list field (stored as a tuple) with bounds on its length (at most
    :data:`MAX_ITEMS` unless said).

    *also* is a further validator (for checks that compare items with other fields).
    """
    checks = [items_validator(min_items=min_items, max_items=max_items)]
    if also is not None:
        checks.append(also)
    kwargs: dict[str, Any] = {} if min_items else {"default": ()}
    return attrs.field(converter=tuple, validator=checks, metadata=meta(
        label, min_items=min_items, max_items=max_items, help=help), **kwargs)


def series(label: str, validator: Any) -> Any:
    """A :class:`~greendocs.year_series.YearSeries` field checked by *validator*."""
    return attrs.field(validator=validator, metadata=meta(label))


def paragraphs(label: str, *, min_items: int = 0) -> Any:
    """A list of paragraphs of narrative text (each may hold line breaks)."""
    return _paragraph_list(label, min_items, _clean_paragraphs)


#: a narrative section: paragraphs, tables and photos (see ``docs/narrative.md``)
NarrativeBlocks = tuple[Block, ...]


def narrative(label: str, *, min_items: int = 0) -> Any:
    """A narrative section: a list of paragraphs (sub-headings and list items among them),
    tables and photos, each item given as Markdown text or a mapping
    (:func:`~greendocs.types.narrative.parse_blocks`; an item with blank lines gives
    several blocks)."""
    return _paragraph_list(label, min_items, narrative_blocks)


def _paragraph_list(label: str, min_items: int, converter: Callable[[Any], Any]) -> Any:
    """A list field of paragraphs (and, in a narrative, tables and photos): at most
    :data:`MAX_PARAGRAPHS`, each paragraph non-empty text of at most
    :data:`MAX_PARAGRAPH_LENGTH` characters."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        items_validator(min_items=min_items, max_items=MAX_PARAGRAPHS)(instance, attribute,
                                                                        value)
        for i, para in enumerate(value):
            if isinstance(para, (NarrativeTable, NarrativeImage)):
                continue  # a narrative's table or photo, checked as it was made
            try:
                check_text(para, max_length=MAX_PARAGRAPH_LENGTH)
            except FieldValueError as exc:
                raise exc.at(f"{attribute.name}[{i}]") from None
            if not para:
                raise FieldValueError("is an empty paragraph; remove it",
                                      f"{attribute.name}[{i}]", zh="是空段落；请删除")

    kwargs: dict[str, Any] = {} if min_items else {"default": ()}
    return attrs.field(converter=converter, validator=check,
                       metadata=meta(label, min_items=min_items, max_items=MAX_PARAGRAPHS,
                                     max_length=MAX_PARAGRAPH_LENGTH), **kwargs)


def narrative_blocks(value: Any) -> Any:
    """The blocks of a narrative list: its items read by
    :func:`~greendocs.types.narrative.parse_blocks` (the structuring of input data has done
    so item by item, giving a tuple per item), text cleaned as every text field's is."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return value
    out: list[Any] = []
    for item in value:
        chunk = item if isinstance(item, tuple) else tuple(parse_blocks(item))
        out += [clean_text(b) if isinstance(b, str) else b for b in chunk]
    return tuple(out)


def _clean_paragraphs(value: Any) -> Any:
    if isinstance(value, str):
        value = [value]
    return tuple(clean_text(p) for p in value) if isinstance(value, (list, tuple)) else value


def series_in(label: str, unit: str) -> Any:
    """A year series of amounts in *unit* (non-negative; 0-100 for ``%``)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        check_series(value, unit, attribute.name)

    return attrs.field(validator=check, metadata=meta(label, unit=unit))



def in_order_of(base: type) -> Callable[[type, list[attrs.Attribute[Any]]],
                                        list[attrs.Attribute[Any]]]:
    """An attrs ``field_transformer`` for a subclass of the model *base* that redefines some
    of its fields (to print another label, say): *base*'s fields keep their order — attrs
    would move a redefined one to the end — and the subclass's new fields follow."""

    def arrange(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
        order = {name: i for i, name in enumerate(attrs.fields_dict(base))}
        return sorted(fields, key=lambda a: order.get(a.name, len(order)))

    return arrange
