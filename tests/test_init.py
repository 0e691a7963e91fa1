"""The public surface: ``import greendocs`` is light (the engines, the forms and their
libraries are imported when first used), every public name resolves, and ``forms()`` stays
the function however the forms' packages are imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import greendocs

HEAVY = ("openpyxl", "odf", "docx", "docxtpl", "jinja2", "lxml", "yaml", "cattrs", "click",
         "greendocs.forms.factory", "greendocs.rendering", "greendocs.parsing")


def test_import_greendocs_imports_no_engine_and_no_form() -> None:
    code = ("import json, sys; import greendocs; "
            f"print(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert json.loads(out) == []


def test_rendering_one_form_imports_no_other_form() -> None:
    code = ("import json, sys, greendocs; from tests.samples import sample_path; "
            "model = greendocs.load_file(sample_path('factory-dynamic')); "
            "greendocs.render(model); "
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('greendocs.forms.') "
            "and m.count('.') == 2)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert json.loads(out) == ["greendocs.forms._shared", "greendocs.forms.factory_dynamic"]


def test_rendering_a_shipped_docx_imports_no_layout(tmp_path: Path) -> None:
    """A form's layout, the layout elements and importlib.resources serve an .odt, a
    template not shipped or a 目录: a .docx from a shipped template needs none of them."""
    sample = tmp_path / "a6.yaml"
    sample.write_text(greendocs.forms().get("factory-dynamic").sample_text(), encoding="utf-8")
    code = ("import json, sys, greendocs; "
            f"model = greendocs.load_file({str(sample)!r}); greendocs.render(model); "
            "print(json.dumps([m for m in ('greendocs.forms.factory_dynamic.layout', "
            "'greendocs.layout.elements', 'importlib.resources') if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert json.loads(out) == []
    layout = greendocs.forms().get("factory-dynamic").layout
    assert layout is not None and layout().title == "绿色工厂动态管理表"  # on first use


def test_every_public_name_resolves() -> None:
    for name in greendocs.__all__:
        assert getattr(greendocs, name) is not None, name
    assert set(greendocs.__all__) <= set(dir(greendocs))


def test_forms_stays_the_function_after_the_forms_packages_are_imported() -> None:
    import greendocs.forms.park

    assert callable(greendocs.forms)
    assert greendocs.forms().get("park-self").id == "park-self"
