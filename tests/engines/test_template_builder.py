"""The shipped .docx templates are generated from the layouts: each equals what its layout
builds now (rebuild them with tools/make_templates.py after changing a layout)."""

from __future__ import annotations

import pytest

import greendocs
from greendocs import Renderer
from greendocs.engines.docx.template import _from_python, compile_docx, prepare_docx
from greendocs.engines.docx.template_builder import build_docx_template
from greendocs.engines.docx.writer import render_docx
from greendocs.engines.template_check import reserved_names
from greendocs.engines.template_env import make_environment
from tests.samples import load_sample

SHIPPED = [spec.id for spec in greendocs.forms()
           if spec.layout is not None and spec.template("docx") is not None]


def test_every_built_in_form_ships_its_template() -> None:
    built_in = {spec.id for spec in greendocs.forms() if spec.package.startswith("greendocs.")}
    assert built_in <= set(SHIPPED)


@pytest.mark.parametrize("form_id", SHIPPED)
def test_shipped_template_is_what_the_layout_builds(form_id: str) -> None:
    spec = greendocs.forms().get(form_id)
    assert spec.layout is not None
    assert build_docx_template(spec.layout()) == spec.template("docx"), (
        f"{spec.package}/{form_id}.docx is stale: run tools/make_templates.py")
    data = spec.template("docx")
    assert data is not None
    env = make_environment(sandboxed=False)
    prepared = prepare_docx(data, form_id, env, model=spec.model,
                            reserved=reserved_names(spec.context_names))
    assert spec.prepared_template("docx") == prepared, (
        f"{spec.package}/{form_id}.docx.json is stale: run tools/make_templates.py")


def test_shipped_compiled_code_renders_what_the_template_source_renders() -> None:
    spec = greendocs.forms().get("factory-self")
    data, prepared = spec.template("docx"), spec.prepared_template("docx")
    assert data is not None and prepared is not None and "python" in prepared
    env = make_environment(sandboxed=False)
    model, extras = spec.rendering(load_sample("factory-self"))
    paths = {"model": spec.model, "reserved": reserved_names(spec.context_names)}
    shipped = compile_docx(data, "t.docx", env, prepared, **paths)
    stale = {**prepared, "python": {**prepared["python"], "jinja2": "0.0"}}
    from_source = compile_docx(data, "t.docx", env, stale, **paths)
    assert shipped.plain == from_source.plain and shipped.plain
    assert [(s.kind, s.pattern) for s in shipped.sites] == \
        [(s.kind, s.pattern) for s in from_source.sites]
    context = Renderer().context(spec, model, template=shipped, extras=extras)
    assert render_docx(shipped, context, spec.id) == render_docx(from_source, context, spec.id)
    # the shipped code is used only where it was compiled for: same Jinja, no sandbox,
    # its paths resolved when they are to be
    assert _from_python(env, prepared, "word/document.xml", "t", resolved=True) is not None
    assert _from_python(env, prepared, "word/document.xml", "t") is None
    assert _from_python(env, stale, "word/document.xml", "t", resolved=True) is None
    assert _from_python(make_environment(), prepared, "word/document.xml", "t",
                        resolved=True) is None


def test_building_is_deterministic() -> None:
    layout = greendocs.forms().get("factory-dynamic").layout
    assert layout is not None
    assert build_docx_template(layout()) == build_docx_template(layout())


def _parts(form: str) -> dict[str, str]:
    import io
    import zipfile

    import greendocs
    from tests.samples import load_sample

    z = zipfile.ZipFile(io.BytesIO(greendocs.render(load_sample(form))))
    return {n: z.read(n).decode() for n in ("word/document.xml", "word/styles.xml",
                                            "word/settings.xml")}


def test_print_rules_of_the_official_documents() -> None:
    import re

    report, table = _parts("factory-self"), _parts("factory-dynamic")
    for parts in (report, table):
        body = parts["word/document.xml"]
        # Simplified Chinese for Chinese text (Latin in English): one w:lang, the theme's too
        assert re.findall(r"<w:lang [^>]*>", parts["word/styles.xml"]) == [
            '<w:lang w:val="en-US" w:eastAsia="zh-CN"/>']
        assert 'w:eastAsia="zh-CN"' in re.findall(r"<w:themeFontLang[^>]*>",
                                                   parts["word/settings.xml"])[0]
        # no row breaks across pages; no type in a table under 五号 (10.5 pt)
        assert body.count("<w:tr>") + body.count("<w:tr ") == body.count("<w:cantSplit/>")
        for table_xml in re.findall(r"<w:tbl>.*?</w:tbl>", body, re.DOTALL):
            assert min(int(s) for s in re.findall(r'<w:sz w:val="(\d+)"/>', table_xml)) >= 21
    # headings stay with what follows them; a report's cover has no page number
    assert "<w:keepNext/>" in report["word/document.xml"]
    assert "<w:titlePg/>" in report["word/document.xml"]
    assert "<w:titlePg/>" not in table["word/document.xml"]


def test_a_draft_carries_the_caoga_watermark_on_every_page_and_the_final_none() -> None:
    import io
    import zipfile

    from tests.samples import load_sample

    model = load_sample("factory-self")  # a cover (its own header) and running headers
    for draft in (False, True):
        parts = zipfile.ZipFile(io.BytesIO(greendocs.render(model, draft=draft)))
        headers = [parts.read(n).decode() for n in parts.namelist()
                   if n.startswith("word/header")]
        assert len(headers) == 2
        marked = [h for h in headers if 'string="草稿"' in h and "PowerPlusWaterMark" in h]
        assert len(marked) == (2 if draft else 0)
