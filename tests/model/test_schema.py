"""JSON Schema of each form: the samples and generated JSON validate against it."""

from __future__ import annotations

import json
from typing import Any

import jsonschema

import greendocs


def test_sample_json_validates_against_the_schema(sample: Any) -> None:
    for spec in greendocs.forms():
        schema = greendocs.json_schema(spec.id)
        jsonschema.Draft202012Validator.check_schema(schema)
    schema = greendocs.json_schema("factory-dynamic")
    jsonschema.validate(json.loads(greendocs.to_json(sample)), schema)


def test_schema_rejects_what_the_model_rejects(sample: Any) -> None:
    data = json.loads(greendocs.to_json(sample))
    data["factory"]["region"] = "火星"
    data["unknown"] = 1
    errors = list(jsonschema.Draft202012Validator(
        greendocs.json_schema("factory-dynamic")).iter_errors(data))
    assert len(errors) == 2
