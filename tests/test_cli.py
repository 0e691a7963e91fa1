"""The command line: every command, its output and its exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

import greendocs
from greendocs.cli import main
from tests.samples import sample_path

SAMPLE = str(sample_path("factory-dynamic"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_forms_lists_the_registry() -> None:
    code, out, _ = run("forms", "--json")
    assert code == 0
    forms = json.loads(out)
    assert {"id": "factory-dynamic", "attachment": "6", "title_zh": "绿色工厂动态管理表",
            "title_en": "Green factory dynamic management table",
            "formats": ["docx", "odt", "xlsx"]} in forms


def test_new_prints_a_valid_sample(tmp_path: Path) -> None:
    code, out, _ = run("new", "factory-dynamic")
    assert code == 0
    path = tmp_path / "new.yaml"
    path.write_text(out, encoding="utf-8")
    assert greendocs.load_file(path).factory.name == "岭南绿源电器制造有限公司"


def test_new_with_unknown_form_names_the_known_ones() -> None:
    code, _, err = run("new", "factory-dynamc")
    assert code == 1 and "unknown form 'factory-dynamc'; known forms: " in err
    assert ", factory-dynamic, " in err


def test_validate_json_is_the_input_format(tmp_path: Path) -> None:
    code, out, err = run("validate", SAMPLE, "--json")
    assert code == 0
    assert "worsened" in err  # year-over-year warnings go to stderr
    data = json.loads(out)
    again = tmp_path / "again.json"
    again.write_text(out, encoding="utf-8")
    assert data["form"] == "factory-dynamic"
    assert greendocs.load_file(again) == greendocs.load_file(SAMPLE)


def test_validate_lists_every_error_and_exits_1(tmp_path: Path) -> None:
    data = yaml.safe_load(Path(SAMPLE).read_text(encoding="utf-8"))
    data["data"]["factory"]["region"] = "火星"
    data["data"]["indicators"][8]["values"][2020] = 120
    data["data"]["factory"]["name"] = "坏\x01名"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    code, _, err = run("validate", str(bad))
    assert code == 1
    assert "3 problems found" in err
    assert "factory.region: '火星' is not one of the 37 submitting regions" in err
    assert "indicators[8].values[2020]: 120 % is not a share" in err
    assert "factory.name: '坏\\x01名' contains the control character U+0001" in err


def test_render_and_parse_round_trip(tmp_path: Path) -> None:
    for fmt in ("docx", "odt", "xlsx"):
        out = tmp_path / f"a6.{fmt}"
        code, stdout, _ = run("render", SAMPLE, "-o", str(out))
        assert code == 0 and stdout.strip() == f"wrote {out}"
        code, stdout, _ = run("parse", str(out), "--json")
        assert code == 0
        _, validated, _ = run("validate", SAMPLE, "--json")
        assert json.loads(stdout) == json.loads(validated)


def test_render_needs_a_known_format(tmp_path: Path) -> None:
    code, _, err = run("render", SAMPLE, "-o", str(tmp_path / "a6.txt"))
    assert code == 2 and "cannot tell the format from 'a6.txt'" in err


def test_render_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    src = tmp_path / "in.xlsx"
    src.write_text(Path(SAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run("render", str(src), "--form", "factory-dynamic", "-o", str(src))
    assert code == 3 and "refusing to overwrite the input file" in err
    assert src.read_text(encoding="utf-8").startswith("# Attachment 6")


def test_parse_of_a_corrupt_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04garbage")
    code, _, err = run("parse", str(bad))
    assert code == 1
    assert err.strip().count("\n") == 0 and str(bad) in err


def test_schema_is_json_schema() -> None:
    code, out, _ = run("schema", "factory-dynamic")
    schema = json.loads(out)
    assert code == 0 and schema["$schema"].endswith("2020-12/schema")
    assert "FactoryDynamicReport" in schema["$defs"]


def test_demo_renders_and_reads_back_every_sample(tmp_path: Path) -> None:
    code, out, _ = run("demo", "-o", str(tmp_path))
    assert code == 0
    assert out.rstrip().endswith("all documents read back equal")
    written = {p.name for p in tmp_path.iterdir()}
    assert {"factory-dynamic.docx", "factory-dynamic.odt", "factory-dynamic.xlsx"} <= written


def test_supply_chain_score_out_of_range_is_refused_everywhere(tmp_path: Path) -> None:
    src = sample_path("supply-chain-self").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(src.replace("{id: X11, score: 8,", "{id: X11, score: 9,"), encoding="utf-8")
    code, _, err = run("validate", str(bad))
    assert code == 1
    assert "error: assessments[0].score: 9 is outside 0 to 8, the range of X11" in err
    out = tmp_path / "bad.docx"
    code, _, err = run("render", str(bad), "-o", str(out))
    assert code == 1 and f"{bad}: 1 problem found" in err
    assert "assessments[0].score: 9 is outside 0 to 8" in err and not out.exists()


def test_every_form_renders_and_parses_from_the_cli(tmp_path: Path) -> None:
    for spec in greendocs.forms():
        out = tmp_path / f"{spec.id}.docx"
        code, _, _ = run("render", str(sample_path(spec.id)), "-o", str(out))
        assert code == 0
        code, stdout, _ = run("parse", str(out), "--json")
        assert code == 0 and json.loads(stdout)["form"] == spec.id


def test_system_lists_copies_and_the_copy_loads(tmp_path: Path) -> None:
    from greendocs.forms.factory import load_factory_system, missing_figures

    code, out, _ = run("system", "factory-self")
    assert code == 0 and out.split() == ["gbt36132-2018", "gbt36132-2025"]
    target = tmp_path / "mine.yaml"
    code, out, _ = run("system", "factory-self", "gbt36132-2025", "-o", str(target))
    assert code == 0 and target.is_file()
    assert "groups[0].weight" in missing_figures(load_factory_system(target))
    code, _, err = run("system", "factory-self", "gbt36132-2030")
    assert code == 1 and "systems: gbt36132-2018, gbt36132-2025" in err
    code, _, err = run("system", "summary")
    assert code == 1 and "ships no indicator system" in err


def test_render_prints_the_rules_findings(tmp_path: Path) -> None:
    data = yaml.safe_load(sample_path("factory-dynamic").read_text(encoding="utf-8"))
    data["data"]["factory"]["listed_year"] = 2030
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "a6.docx"
    code, stdout, err = run("render", str(bad), "-o", str(out))
    assert code == 0 and out.exists()
    assert "error: factory.listed_year: 岭南绿源电器制造有限公司 is listed in 2030" in err
    assert "(1 rule error(s): see above)" in stdout


def test_render_several_files_into_a_folder(tmp_path: Path) -> None:
    inputs = []
    for name in ("a", "b"):
        inputs.append(tmp_path / f"{name}.yaml")
        inputs[-1].write_text(Path(SAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("form: factory-dynamic\ndata: {}\n", encoding="utf-8")
    code, out, err = run("render", *map(str, inputs), str(broken), "--format", "odt",
                         "-o", str(tmp_path / "out"))
    assert code == 1  # one file not rendered: named, the others written
    assert "broken.yaml" in err and "1 of 3 file(s) not rendered" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.odt", "b.odt"]
    assert f"wrote {tmp_path / 'out' / 'a.odt'}" in out
    assert greendocs.parse_file(tmp_path / "out" / "b.odt").form.id == "factory-dynamic"


def test_render_into_a_folder_needs_the_format_and_distinct_names(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    code, _, err = run("render", SAMPLE, SAMPLE, "-o", str(tmp_path / "out"))
    assert code == 2 and "--format" in err
    code, _, err = run("render", SAMPLE, SAMPLE, "--format", "docx", "-o",
                       str(tmp_path / "out"))
    assert code == 2 and "the same name" in err
    code, _, _ = run("render", SAMPLE, "--format", "docx", "-o", str(tmp_path / "x"))
    assert code == 0 and (tmp_path / "x" / "factory-dynamic.docx").exists()
