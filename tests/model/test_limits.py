"""Model sizes are bounded and stated in the JSON Schema, so that a document greendocs
writes is always one it reads back."""

from __future__ import annotations

import time
from typing import Any

import pytest

import greendocs
from greendocs.bench import with_rows
from greendocs.model.field_specs import MAX_ITEMS


def test_a_table_over_the_limit_is_refused_at_once(sample: Any) -> None:
    data = greendocs.unstructure(sample)
    row = data["indicators"][0]
    data["indicators"] = [row] * 1_000_000
    started = time.perf_counter()
    with pytest.raises(greendocs.ValidationError) as info:
        greendocs.load(data, "factory-dynamic")
    assert time.perf_counter() - started < 10
    assert f"indicators: allows at most {MAX_ITEMS} entries, found 1000000" in str(info.value)


def test_the_largest_table_reads_back(sample: Any) -> None:
    model = with_rows(sample, MAX_ITEMS)
    for fmt in ("docx", "xlsx"):
        assert greendocs.parse(greendocs.render(model, fmt)).model == model


def test_the_schema_states_the_limits() -> None:
    schema = greendocs.json_schema("factory-dynamic")
    report = schema["$defs"]["FactoryDynamicReport"]["properties"]
    assert report["indicators"]["maxItems"] == MAX_ITEMS
    assert schema["$defs"]["ListedFactory"]["properties"]["name"]["maxLength"] == 100


def test_figures_beyond_any_form_are_refused(sample: Any) -> None:
    data = greendocs.unstructure(sample)
    data["indicators"][0]["values"]["2021"] = "1e309"
    with pytest.raises(greendocs.ValidationError, match="at most 15 digits before"):
        greendocs.load(data, "factory-dynamic")
