"""User templates are untrusted: the sandbox and the template check refuse what would run
code, read files, leak internals or build huge values — each with a clear TemplateError and
no file left behind."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import greendocs
from greendocs.engines.template_env import make_environment, render_bounded
from tests.docx_edit import edit_document_xml
from tests.samples import template_path

TEMPLATE = template_path("factory-dynamic")
ATTACKS = {
    "cycler globals": "{{ cycler.__init__.__globals__.os.popen('id > PWNED').read() }}",
    "namespace globals": "{{ namespace.__init__.__globals__.os.popen('id > PWNED') }}",
    "lipsum builtins": "{{ lipsum.__globals__['__builtins__']['open']('/etc/passwd').read() }}",
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "model internals": "{{ factory.__class__.__init__.__globals__ }}",
    "huge range": "{% for i in range(10**9) %}x{% endfor %}",
    "include": "{% include 'other.docx' %}",
    "import": "{% import 'macros' as m %}",
}


def custom(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "custom.docx"
    path.write_bytes(edit_document_xml(TEMPLATE.read_bytes(),
                                       lambda x: x.replace("一、基本信息", text, 1)))
    return path


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_attacks_in_a_custom_template_are_refused(attack: str, tmp_path: Path, sample: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = custom(tmp_path, ATTACKS[attack])
    out = tmp_path / "out.docx"
    with pytest.raises(greendocs.TemplateError) as info:
        greendocs.render_file(sample, out, template=path)
    assert "custom.docx" in str(info.value)
    assert not (tmp_path / "PWNED").exists() and not out.exists()
    assert "root:" not in str(info.value)


def test_a_huge_value_is_refused_while_rendering(tmp_path: Path, sample: Any) -> None:
    path = custom(tmp_path, "{{ factory.name * 100000000 }}")
    with pytest.raises(greendocs.TemplateError, match="longer than 100,000"):
        greendocs.render(sample, template=path)
    path = custom(tmp_path, "{{ reporting_year ** 100000000 }}")
    with pytest.raises(greendocs.TemplateError, match="exponent"):
        greendocs.render(sample, template=path)


def test_the_environment_has_no_globals_and_bounds_output() -> None:
    env = make_environment()
    assert env.globals == {}
    template = env.from_string("{{ x }}{{ x }}")
    assert render_bounded(template, {"x": "ab"}, "t") == "abab"
    import greendocs.engines.template_env as module

    limit = module.MAX_OUTPUT_CHARS
    module.MAX_OUTPUT_CHARS = 3
    try:
        from jinja2 import TemplateError

        with pytest.raises(TemplateError, match="more than 3 characters"):
            render_bounded(template, {"x": "ab"}, "t")
    finally:
        module.MAX_OUTPUT_CHARS = limit


def test_the_shipped_templates_still_render(sample: Any) -> None:
    assert greendocs.parse(greendocs.render(sample)).model == sample
    assert os.path.exists(TEMPLATE)
