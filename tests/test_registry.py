"""Forms register through entry points: the built-in ones, and a package installed beside
greendocs — the example of docs/adding-a-form.md, installed with pip into a new virtual
environment — appear in every command; uninstalled, it is gone; two packages claiming one
form id give an error naming both."""

from __future__ import annotations

import json
import shutil
import site
import subprocess
import sys
import venv
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

import greendocs
from greendocs.markers.model_view import Marked
from greendocs.registry import (
    BUILT_IN_FORMS,
    ENTRY_POINT_GROUP,
    FormSpec,
    Registry,
    default_registry,
    installed_forms,
)
from tests.samples import load_sample

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "example-form"
FORM = "example-low-carbon-factory"


def test_built_in_forms_come_from_entry_points() -> None:
    specs, unavailable = installed_forms()
    assert unavailable == []
    ids = {spec.id for spec in specs}
    assert {"summary", "factory-self", "factory-third-party", "factory-dynamic",
            "supply-chain-self", "supply-chain-third-party", "supply-chain-dynamic"} <= ids
    assert all(isinstance(s, FormSpec) for s in greendocs.forms())


def test_the_built_in_table_is_greendocs_own_entry_points() -> None:
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert dict(BUILT_IN_FORMS) == declared["project"]["entry-points"][ENTRY_POINT_GROUP]


def test_a_command_on_a_built_in_form_reads_no_package_metadata(tmp_path: Path) -> None:
    code = ("import sys, greendocs; from tests.samples import load_sample; "
            "greendocs.render(load_sample('factory-dynamic'), 'docx'); "
            "greendocs.validate(load_sample('park-self')); "
            "print('importlib.metadata' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    assert done.stdout.strip() == "False", done.stderr
    # listing reads it, and finds greendocs' own forms there as well (no clash with them)
    assert {"factory-dynamic", "park-self"} <= {s.id for s in default_registry()}


def test_registering_one_id_twice_names_the_first_package() -> None:
    spec = greendocs.forms().get("factory-dynamic")
    with pytest.raises(greendocs.FormRegistryError, match=r"greendocs\.forms\.factory_dynamic"):
        Registry([spec, spec])


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment that sees this environment's packages (greendocs and its
    dependencies) and has its own site-packages for the example form."""
    where = tmp_path_factory.mktemp("venv")
    venv.create(where / "venv", with_pip=True)
    python = where / "venv" / "bin" / "python"
    own = subprocess.run([python, "-c", "import site; print(site.getsitepackages()[0])"],
                         capture_output=True, text=True, check=True).stdout.strip()
    # Later than its own site-packages, and with .pth files processed (the editable
    # install of greendocs is one).
    parents = [p for p in site.getsitepackages() if Path(p).is_dir()]
    Path(own, "zz_parent_env.pth").write_text(
        "".join(f"import site; site.addsitedir({p!r})\n" for p in parents))
    return python


def _run(python: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(python), *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


def _pip_install(python: Path, folder: Path) -> None:
    done = _run(python, "-m", "pip", "install", "--no-deps", "--no-build-isolation",
                "--no-index", "-q", str(folder))
    assert done.returncode == 0, done.stderr


def test_an_installed_form_package_works_in_every_command(env: Path, tmp_path: Path) -> None:
    package = tmp_path / "example-form"
    shutil.copytree(EXAMPLE, package)
    _pip_install(env, package)

    listed = _run(env, "-m", "greendocs", "forms", "--json")
    assert listed.returncode == 0, listed.stderr
    forms = {f["id"]: f for f in json.loads(listed.stdout)}
    assert forms[FORM]["formats"] == ["docx", "odt", "xlsx"]
    assert "factory-self" in forms

    new = _run(env, "-m", "greendocs", "new", FORM)
    assert new.returncode == 0, new.stderr
    sample = tmp_path / "sample.yaml"
    sample.write_text(new.stdout, encoding="utf-8")
    valid = _run(env, "-m", "greendocs", "validate", str(sample))
    assert valid.returncode == 0 and "valid example-low-carbon-factory" in valid.stdout
    schema = _run(env, "-m", "greendocs", "schema", FORM)
    assert json.loads(schema.stdout)["$id"] == f"urn:greendocs:form:{FORM}"

    inbox = tmp_path / "inbox"
    for fmt in ("docx", "odt", "xlsx"):
        out = inbox / f"application.{fmt}"
        rendered = _run(env, "-m", "greendocs", "render", str(sample), "-o", str(out))
        assert rendered.returncode == 0, rendered.stderr
        parsed = _run(env, "-m", "greendocs", "parse", str(out), "--json")
        assert parsed.returncode == 0, parsed.stderr
        data = json.loads(parsed.stdout)
        assert data["form"] == FORM
        assert data["data"]["factory"]["name"] == "东湖低碳机械有限公司"
        assert data["data"]["measures"][1].startswith("空压站改造")

    summary = _run(env, "-m", "greendocs", "summarize", str(inbox), "-o",
                   str(tmp_path / "a1.xlsx"), "--province", "浙江", "--year", "2022")
    # three copies of one self-evaluation: used, and reported as duplicates
    assert "3 used" in summary.stdout, summary.stdout + summary.stderr
    assert "1 factories" in summary.stdout
    assert "duplicate" in summary.stderr

    samples = tmp_path / "samples"
    samples.mkdir()
    shutil.copy(sample, samples / f"{FORM}.yaml")
    demo = _run(env, "-m", "greendocs", "demo", "--samples", str(samples), "-o",
                str(tmp_path / "demo"))
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert f"{FORM}.odt" in demo.stdout and "all documents read back equal" in demo.stdout

    removed = _run(env, "-m", "pip", "uninstall", "-y", "-q", "greendocs-example-form")
    assert removed.returncode == 0, removed.stderr
    after = _run(env, "-m", "greendocs", "forms", "--json")
    assert FORM not in {f["id"] for f in json.loads(after.stdout)}


def test_two_packages_with_one_form_id_give_an_error_naming_both(env: Path,
                                                                 tmp_path: Path) -> None:
    clash = tmp_path / "clash"
    (clash / "clash_form").mkdir(parents=True)
    (clash / "clash_form" / "__init__.py").write_text(
        "from greendocs.forms.factory_dynamic import SPEC\n")
    (clash / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n'
        '[project]\nname = "clash-form"\nversion = "1.0"\n'
        f'[project.entry-points."{ENTRY_POINT_GROUP}"]\n'
        'factory-dynamic = "clash_form:SPEC"\n'
        '[tool.hatch.build.targets.wheel]\npackages = ["clash_form"]\n')
    _pip_install(env, clash)
    try:
        listed = _run(env, "-m", "greendocs", "forms")
        assert listed.returncode == 1
        assert "form 'factory-dynamic' is registered twice" in listed.stderr
        assert "package clash-form" in listed.stderr and "package greendocs" in listed.stderr
        assert "Traceback" not in listed.stderr
    finally:
        _run(env, "-m", "pip", "uninstall", "-y", "-q", "clash-form")



def test_a_package_that_fails_to_import_is_left_out_with_a_warning(env: Path,
                                                                   tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    (broken / "broken_form").mkdir(parents=True)
    (broken / "broken_form" / "__init__.py").write_text("import no_such_module_here\n")
    (broken / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n'
        '[project]\nname = "broken-form"\nversion = "1.0"\n'
        f'[project.entry-points."{ENTRY_POINT_GROUP}"]\n'
        'broken-x = "broken_form:SPEC"\n'
        '[tool.hatch.build.targets.wheel]\npackages = ["broken_form"]\n')
    _pip_install(env, broken)
    try:
        # a command that needs one form imports that form only: the broken one is not touched
        new = _run(env, "-m", "greendocs", "new", "factory-dynamic")
        assert new.returncode == 0 and new.stdout.startswith("# Attachment 6")
        assert "broken" not in new.stderr
        # a command that needs every form lists the others and says why one is left out
        listed = _run(env, "-m", "greendocs", "forms")
        assert listed.returncode == 0 and "factory-dynamic" in listed.stdout
        assert "warning: form 'broken-x' of package broken-form cannot be loaded" in \
            listed.stderr
        assert "ModuleNotFoundError" in listed.stderr and "Traceback" not in listed.stderr
    finally:
        _run(env, "-m", "pip", "uninstall", "-y", "-q", "broken-form")


@pytest.mark.parametrize("form_id", [s.id for s in greendocs.forms()
                                     if s.rendered_context is not None])
def test_rendered_context_is_as_rendered_then_context(form_id: str) -> None:
    """A form's one-step hook gives what its two hooks give in turn (it computes once)."""
    spec = greendocs.forms().get(form_id)
    sample = load_sample(form_id)
    rendered, extras = spec.rendering(sample)
    assert rendered == spec.as_rendered(sample)

    def shown(context: Mapping[str, Any]) -> dict[str, Any]:  # a marked value as it prints
        return {k: (v.path, str(v)) if isinstance(v, Marked) else v
                for k, v in context.items()}

    assert shown(extras) == shown(spec.context(rendered))
