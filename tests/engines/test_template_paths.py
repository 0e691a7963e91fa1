"""A template compiled with its model paths resolved writes the very document that the same
template reading views writes — every shipped form, long tables with lean rows, and custom
templates that read the model in conditions, filters, nested loops and shadowing names."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import greendocs
from greendocs import Renderer
from greendocs.bench import with_rows
from greendocs.engines.docx.template import CompiledDocx, compile_docx
from greendocs.engines.docx.writer import render_docx
from greendocs.engines.template_check import reserved_names
from greendocs.engines.template_env import make_environment
from greendocs.package.safe_zip import read_members
from greendocs.registry import FormSpec, Registry
from greendocs.types.year_series import YearSeries
from tests.docx_edit import edit_document_xml
from tests.samples import load_sample, template_path

SHIPPED = [spec.id for spec in greendocs.forms() if spec.template("docx") is not None]


def both(spec: FormSpec, model: Any, data: bytes, *, sandboxed: bool = False
         ) -> tuple[bytes, bytes, CompiledDocx]:
    """*model* rendered with the template *data* reading views, and resolved."""
    env = make_environment(sandboxed=sandboxed)
    views = compile_docx(data, "t.docx", env)
    resolved = compile_docx(data, "t.docx", env, model=spec.model,
                            reserved=reserved_names(spec.context_names))
    renderer = Renderer()
    rendered, extras = spec.rendering(model)
    by_views = render_docx(views, renderer.context(spec, rendered, extras=extras), spec.id)
    by_paths = render_docx(resolved, renderer.context(spec, rendered, template=resolved,
                                                      extras=extras), spec.id)
    return by_views, by_paths, resolved


@pytest.mark.parametrize("form_id", SHIPPED)
def test_every_shipped_template_writes_the_same_document_resolved(form_id: str) -> None:
    spec = greendocs.forms().get(form_id)
    data = spec.template("docx")
    assert data is not None
    by_views, by_paths, resolved = both(spec, load_sample(form_id), data)
    assert resolved.plain, "the shipped templates are all resolved"
    assert by_paths == by_views


def test_long_tables_and_missing_years_write_the_same_document_resolved() -> None:
    spec = greendocs.forms().get("factory-dynamic")
    model = with_rows(load_sample("factory-dynamic"), 200)
    first = model.indicators[0]
    gappy = attrs.evolve(first, values=YearSeries(((first.values.years[0], None),
                                                   *first.values.items[1:])))
    model = attrs.evolve(model, indicators=(gappy, *model.indicators[1:]))
    data = spec.template("docx")
    assert data is not None
    by_views, by_paths, _ = both(spec, model, data)
    assert by_paths == by_views
    document = read_members(by_paths, "t.docx")["word/document.xml"]
    assert document.count(b"<w:bookmarkStart") < 300  # 200 rows, most of them lean


#: custom templates' text, each read as views would read it; True: its paths resolved
SNIPPETS = {
    "condition and filter": ("{% if factory.name %}{{ factory.name|upper }}{% endif %}", True),
    "a list of texts": ("{% for i in factory.industries %}{{ i }}、{% endfor %}", True),
    "items by position": ("{{ indicators[0].name }}{{ indicators[1].values[years[0]] }}",
                          True),
    "length and join": ("{{ indicators|length }}{{ factory.industries|join('、') }}", True),
    "a series' years": ("{% for y in indicators[0].values %}{{ y }}{% endfor %}", True),
    "a filtered loop": ("{% for row in indicators if row.code %}{{ row.name }}{% endfor %}",
                        True),
    "a loop name shadowing a field": (
        "{% for factory in indicators %}{{ factory.name }}{% endfor %}{{ factory.name }}",
        True),
    "nested loops": ("{% for p in products %}{% for row in indicators %}{{ p.name }}"
                     "{{ row.values[years[loop.index0 % 3]] }}{{ loop.index }}{% endfor %}"
                     "{% endfor %}", True),
    "a tuple loop": ("{% for i, row in indicators|batch(2, 'x') %}{{ i.name }}{% endfor %}",
                     True),
    "concatenation": ("{{ factory.name ~ '有限公司' }}{{ contact.name if contact.name "
                      "else '无' }}", True),
    "a year not reported": ("{{ indicators[0].values[2099] }}"
                            "{% if indicators[0].values[years[0]] %}有{% endif %}", True),
    "an assignment": ("{% set n = factory.name %}{{ n }}{{ factory.city }}", False),
}


@pytest.mark.parametrize("case", sorted(SNIPPETS))
def test_custom_templates_write_the_same_document_resolved(case: str) -> None:
    text, resolvable = SNIPPETS[case]
    data = edit_document_xml(template_path("factory-dynamic").read_bytes(),
                             lambda x: x.replace("一、基本信息", text, 1))
    spec = greendocs.forms().get("factory-dynamic")
    by_views, by_paths, resolved = both(spec, load_sample("factory-dynamic"), data,
                                        sandboxed=True)
    assert by_paths == by_views
    assert bool(resolved.plain) is resolvable


def test_a_context_name_the_form_does_not_declare_is_refused() -> None:
    spec = attrs.evolve(greendocs.forms().get("factory-dynamic"),
                        context=lambda model: {"years": model.years, "factory": "x"})
    renderer = Renderer(Registry([spec]))
    with pytest.raises(greendocs.TemplateError, match=r"\['factory'\].*context_names"):
        renderer.render(load_sample("factory-dynamic"))
