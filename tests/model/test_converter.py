"""Plain data ⇄ models: every error at once with its path; JSON out and back in."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import greendocs
from greendocs.model.data_io import parse_data
from tests.samples import sample_path

RAW = parse_data(sample_path("factory-dynamic").read_text(encoding="utf-8"), "sample")


def errors_for(mutate: Any) -> list[str]:
    data = copy.deepcopy(RAW)
    mutate(data["data"])
    with pytest.raises(greendocs.ValidationError) as info:
        greendocs.load(data)
    return [str(e) for e in info.value.errors]


def test_every_problem_is_reported_at_once_with_its_path() -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["factory"]["credit_code"] = "91440606MA4UQX8K8C"
        d["contact"]["email"] = "not-an-email"
        d["indicators"][2]["values"][2021] = "seven"
        d["products"][0]["unit"] = "furlongs"
        del d["filled_by"]
        d["reporting_yaer"] = 2021

    errors = errors_for(mutate)
    assert errors == [
        "factory.credit_code: '91440606MA4UQX8K8C' has a wrong check character 'C', "
        "expected 'B'",
        "contact.email: 'not-an-email' is not an e-mail address (name@example.com)",
        "products[0].unit: 'furlongs' is not a known unit; use one of %, tce, kgce, 万tce, "
        "kWh, 万kWh, GJ, MJ, t, kg, 万t, tCO2, tCO2e, kgCO2, … or a ratio such as 'kgce/t' "
        "or 'm³/万元'",
        "indicators[2].values: 'seven' is not a number",
        "filled_by: is required but missing",
        "reporting_yaer: is not a field of this form; check the name",
    ]


def test_cross_field_rules_name_the_row() -> None:
    errors = errors_for(lambda d: d["indicators"][4]["values"].pop(2019))
    assert errors == ["indicators[4].values: gives years [2020, 2021]; the 2021 table reports "
                      "exactly [2019, 2020, 2021]"]


def test_a_declared_circumstance_needs_its_description() -> None:
    errors = errors_for(lambda d: d["negative_list"].update(accident={"present": True}))
    assert errors == ["negative_list.accident.detail: describe the circumstance when it is "
                      "declared (present: yes)"]


def test_json_out_and_back_in_is_lossless(sample: Any) -> None:
    text = greendocs.to_json(sample)
    assert greendocs.load(json.loads(text), "factory-dynamic") == sample
    assert '"reporting_year": 2021' in text and '"credit_code": "91440606MA4UQX8K8B"' in text


def test_yaml_and_input_file_errors_name_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("form: factory-dynamic\ndata: [unclosed\n", encoding="utf-8")
    with pytest.raises(greendocs.ValidationError, match=r"(?s)bad\.yaml: 1 problem.*not valid YAML "
                       r"at line 3"):
        greendocs.load_file(bad)
    with pytest.raises(greendocs.ValidationError, match="form: is missing"):
        greendocs.load(RAW["data"])


def test_models_built_in_python_convert_text_and_name_the_field(sample: Any) -> None:
    import attrs

    with pytest.raises(greendocs.FieldValueError, match=r"^credit_code: '123' has 3 characters"):
        attrs.evolve(sample.factory, credit_code="123")
    factory = attrs.evolve(sample.factory, region="江苏")
    assert factory.region == "江苏省" and isinstance(factory.region, greendocs.Region)


def test_yaml_dates_stay_text_for_the_converter() -> None:
    assert isinstance(yaml.safe_load("d: 2022-09-16")["d"], object)
    assert RAW["data"]["fill_date"] == "2022-11-18"
