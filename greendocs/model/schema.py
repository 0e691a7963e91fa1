"""JSON Schema (draft 2020-12) of every form model, generated from the models themselves."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..registry import FormSpec
from ..types.contact import Email, Phone, Postcode
from ..types.credit_code import ALPHABET, CreditCode
from ..types.industry import Industry
from ..types.labelled_enum import LabelledEnum
from ..types.narrative import Block
from ..types.quantity import Unit
from ..types.region import REGIONS, Region
from .introspection import Shape, fields_of

_NUMBER = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^-?[0-9,]*\.?[0-9]+$"}]}


def _leaf_schema(tp: Any) -> dict[str, Any]:
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is Decimal:
        return dict(_NUMBER)
    if tp is dt.date:
        return {"type": "string", "description": "2022-09-16 or 2022年9月16日"}
    if tp is CreditCode:
        chars = ALPHABET.replace("0123456789", "0-9")
        return {"type": "string", "pattern": f"^[{chars}]{{18}}$",
                "description": "统一社会信用代码 (GB 32100-2015), check character verified"}
    if tp is Region:
        names = sorted({n for r in REGIONS for n in (r.name, r.short_name)})
        return {"type": "string", "enum": names}
    if tp is Industry:
        return {"anyOf": [
            {"type": "string", "pattern": r"^[A-T]?\d{4}\s+\S.*$"},
            {"type": "object", "required": ["code", "name"], "additionalProperties": False,
             "properties": {"code": {"type": "string", "pattern": r"^\d{4}$"},
                            "name": {"type": "string"}}}]}
    if tp is Phone:
        return {"type": "string", "pattern": r"^\+?[0-9][0-9 ()\-]{5,22}[0-9]"}
    if tp is Email:
        return {"type": "string", "format": "email"}
    if tp is Postcode:
        return {"type": "string", "pattern": r"^\d{6}$"}
    if tp is Unit:
        return {"type": "string", "description": "a unit such as tce, 万元, %, kgce/t"}
    if isinstance(tp, type) and issubclass(tp, LabelledEnum):
        return {"enum": [m.value for m in tp] + [m.label for m in tp]}
    if tp == Block:
        return _NARRATIVE_BLOCK
    return {"type": "string"}


_TEXTS = {"type": "array", "items": {"type": ["string", "number", "boolean", "null"]}}
#: one item of a narrative section (see docs/narrative.md)
_NARRATIVE_BLOCK: dict[str, Any] = {"anyOf": [
    {"type": "string", "description": "Markdown: paragraphs (（一）/1. sub-headings, - bullets, "
     "**bold**), a pipe table after a 表：caption line, or ![caption](photo.jpg){width=12cm}; "
     "blank lines separate blocks"},
    {"type": "object", "required": ["table"], "additionalProperties": False,
     "properties": {"table": {
         "type": "object", "required": ["header"], "additionalProperties": False,
         "properties": {"caption": {"type": "string"}, "header": {**_TEXTS, "minItems": 1},
                        "rows": {"type": "array", "items": _TEXTS}}}}},
    {"type": "object", "required": ["image", "caption"], "additionalProperties": False,
     "properties": {"image": {"type": "string", "minLength": 1, "description": "a PNG or "
                              "JPEG file, relative to the input file"},
                    "caption": {"type": "string", "pattern": r"\S"},
                    "width": {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?\s*(cm|mm)$",
                              "description": "1 cm to 100 cm"}}}]}


def _shape_schema(shape: Shape, defs: dict[str, Any]) -> dict[str, Any]:
    if shape.kind == "list":
        assert shape.item is not None
        out: dict[str, Any] = {"type": "array", "items": _shape_schema(shape.item, defs)}
    elif shape.kind == "model":
        out = {"$ref": f"#/$defs/{_model_schema(shape.type, defs)}"}
    elif shape.kind == "series":
        out = {"type": "object", "patternProperties": {
            r"^\d{4}$": {"anyOf": [_NUMBER, {"type": "null"}]}}, "additionalProperties": False,
            "description": "values by year, e.g. {\"2020\": 1.5, \"2021\": 1.4}"}
    else:
        out = _leaf_schema(shape.type)
    if shape.optional:
        out = {"anyOf": [out, {"type": "null"}]}
    return out


def _model_schema(cls: type, defs: dict[str, Any]) -> str:
    name = cls.__name__
    if name in defs:
        return name
    defs[name] = {}  # placeholder against recursion
    props: dict[str, Any] = {}
    required: list[str] = []
    import attrs

    by_name = {a.name: a for a in attrs.fields(cls)}
    for f in fields_of(cls):
        schema = _shape_schema(f.shape, defs)
        schema = {**schema, "title": f.label}
        if f.unit:
            schema["x-unit"] = f.unit
        if f.help:
            schema["description"] = f.help
        if f.shape.kind == "list":
            if f.min_items:
                schema["minItems"] = f.min_items
            if f.max_items is not None:
                schema["maxItems"] = f.max_items
            if f.max_length is not None:
                schema["items"] = {**schema.get("items", {}), "maxLength": f.max_length}
        elif f.max_length is not None:
            schema["maxLength"] = f.max_length
        props[f.name] = schema
        if by_name[f.name].default is attrs.NOTHING:
            required.append(f.name)
    defs[name] = {"type": "object", "title": (cls.__doc__ or name).strip().splitlines()[0],
                  "properties": props, "required": required, "additionalProperties": False}
    return name


def json_schema(spec: FormSpec) -> dict[str, Any]:
    """The JSON Schema of a form's input data (the ``data`` part of an input file)."""
    defs: dict[str, Any] = {}
    root = _model_schema(spec.model, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:greendocs:form:{spec.id}",
        "title": f"附件{spec.attachment} {spec.title_zh} ({spec.title_en})",
        "$ref": f"#/$defs/{root}",
        "$defs": defs,
    }
