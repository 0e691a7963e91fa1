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
    # what an independent review found to differ, each now as views read it
    "a loop's neighbours": ("{% for row in indicators %}{% if not loop.last %}"
                            "{{ loop.nextitem.code }}{% endif %}{% endfor %}", True),
    "a record compared with itself": (
        "{% if factory == factory %}EQ{% endif %}{% if indicators[0] == indicators[0] %}EQ"
        "{% endif %}{% for row in indicators %}{{ row == row }}{% endfor %}"
        "{{ factory is sameas factory }}", True),
    "past a list's end": ("{{ indicators[11] is defined }}{{ indicators[99]|default('无') }}"
                          "{{ factory.industries[99] is defined }}"
                          "{{ factory.industries[99]|default('无') }}", True),
    "a year of none": ("{{ indicators[0].values[none] is defined }}"
                       "{{ indicators[0].values[none]|default('x') }}", True),
    "a value as a position": ("{{ '否是'[negative_list.accident.present] }}"
                              "{{ indicators[negative_list.accident.present].name }}", True),
    "a position's name taken": ("{% for row in indicators %}{% for _gdi1 in years %}"
                                "{{ row.name }}{% endfor %}{% endfor %}", True),
}
#: the same in lean rows (20 indicators: the middle ones' rows unmarked)
LEAN_SNIPPETS = {
    "a lean row compared with itself": (
        "{% for row in indicators|gdrows %}{{ row.values[2099] }}{{ row == row }}"
        "{{ row.values is sameas row.values }}{% endfor %}"),
    "a lean row's neighbours": ("{% for row in indicators|gdrows %}{% if not loop.last %}"
                                "{{ loop.nextitem.name }}{% endif %}{% endfor %}"),
}


def _custom(form_id: str, text: str) -> bytes:
    return edit_document_xml(template_path(form_id).read_bytes(),
                             lambda x: x.replace("一、基本信息", text, 1))


@pytest.mark.parametrize("case", sorted(SNIPPETS))
def test_custom_templates_write_the_same_document_resolved(case: str) -> None:
    text, resolvable = SNIPPETS[case]
    spec = greendocs.forms().get("factory-dynamic")
    by_views, by_paths, resolved = both(spec, load_sample("factory-dynamic"),
                                        _custom("factory-dynamic", text), sandboxed=True)
    assert by_paths == by_views
    assert bool(resolved.plain) is resolvable


@pytest.mark.parametrize("case", sorted(LEAN_SNIPPETS))
def test_custom_templates_in_lean_rows_write_the_same_document_resolved(case: str) -> None:
    spec = greendocs.forms().get("factory-dynamic")
    model = with_rows(load_sample("factory-dynamic"), 20)
    by_views, by_paths, _ = both(spec, model, _custom("factory-dynamic", LEAN_SNIPPETS[case]))
    assert by_paths == by_views


def test_records_of_a_lean_row_are_read_as_in_a_marked_row() -> None:
    """A lean row's lists of records are plain items too, their series read by year."""
    spec = greendocs.forms().get("product-dynamic")
    sample = load_sample("product-dynamic")
    products = tuple(attrs.evolve(sample.products[i % len(sample.products)], name=f"产品{i}")
                     for i in range(20))
    text = ("{% for p in products|gdrows %}{% for i in p.indicators %}{{ i.values[2099] }}"
            "{{ i.values[years[0]] }}{% endfor %}{% endfor %}")
    by_views, by_paths, _ = both(spec, attrs.evolve(sample, products=products),
                                 _custom("product-dynamic", text))
    assert by_paths == by_views


def test_a_slice_of_a_series_is_an_error_of_the_template_in_both() -> None:
    spec = greendocs.forms().get("factory-dynamic")
    with pytest.raises(greendocs.TemplateError, match="slice"):
        both(spec, load_sample("factory-dynamic"),
             _custom("factory-dynamic", "{{ indicators[0].values[1:2] }}"), sandboxed=True)


def test_a_context_name_the_form_does_not_declare_is_refused() -> None:
    spec = attrs.evolve(greendocs.forms().get("factory-dynamic"),
                        context=lambda model: {"years": model.years, "factory": "x"})
    renderer = Renderer(Registry([spec]))
    with pytest.raises(greendocs.TemplateError, match=r"\['factory'\].*context_names"):
        renderer.render(load_sample("factory-dynamic"))
