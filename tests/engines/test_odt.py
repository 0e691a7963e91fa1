"""The .odt: made from the same layout as the .docx, carrying the same fields."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from odf import teletype
from odf.opendocument import OpenDocumentText, load
from odf.text import P

import greendocs
from greendocs.engines.docx.reader import read_docx_values
from greendocs.engines.odt.reader import read_odt_values
from greendocs.engines.odt.values import odt_text
from greendocs.layout.line_breaks import keep_standard_numbers
from tests.samples import load_sample

FORMS = [spec.id for spec in greendocs.forms() if spec.layout is not None]


@pytest.mark.parametrize("form_id", FORMS)
def test_odt_and_docx_carry_the_same_fields(form_id: str) -> None:
    spec = greendocs.forms().get(form_id)
    model = load_sample(spec.id)
    docx = read_docx_values(greendocs.render(model, "docx"), "docx")
    odt = read_odt_values(greendocs.render(model, "odt"), "odt")
    assert docx.by_bookmark == odt.by_bookmark
    assert docx.form_id == odt.form_id == form_id


def test_odt_is_valid_opendocument_that_odfpy_loads(sample: Any) -> None:
    data = greendocs.render(sample, "odt")
    z = zipfile.ZipFile(io.BytesIO(data))
    first = z.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    doc = load(io.BytesIO(data))
    text = str(doc.text)
    assert "绿色工厂动态管理表" in text and "岭南绿源电器制造有限公司" in text


def test_odt_output_is_deterministic(sample: Any) -> None:
    assert greendocs.render(sample, "odt") == greendocs.render(sample, "odt")


def test_a_draft_odt_carries_the_watermark_and_the_final_none() -> None:
    import io
    import zipfile

    from tests.samples import load_sample

    model = load_sample("factory-self")
    for draft in (False, True):
        styles = zipfile.ZipFile(io.BytesIO(greendocs.render(model, "odt", draft=draft))
                                 ).read("styles.xml").decode()
        # the cover's page style and the running one, each with 草稿 behind the text
        assert styles.count("PowerPlusWaterMarkObject") == (2 if draft else 0)
        assert ("fontwork-plain-text" in styles) == draft


@settings(max_examples=300)
@given(st.text(st.sampled_from([*"a中 \t\n&<>\"'2017GB/T-", "\u3000"]), max_size=30))
def test_a_value_is_written_as_odfpy_writes_text(text: str) -> None:
    """The template's values are written without odfpy, exactly as its teletype would."""
    p = P()
    teletype.addTextToElement(p, keep_standard_numbers(text))
    doc = OpenDocumentText()
    doc.text.addElement(p)
    xml = doc.contentxml().decode("utf-8")
    expected = xml[xml.index("<text:p") :].removeprefix("<text:p/>").removeprefix("<text:p>")
    expected = expected[: expected.index("</text:p>")] if "</text:p>" in expected else ""
    assert odt_text(text) == expected


def test_the_template_is_built_once_and_a_render_is_its_content_only(sample: Any) -> None:
    renderer = greendocs.Renderer()
    first = renderer.render(sample, "odt")
    spec = greendocs.forms().get("factory-dynamic")
    compiled = renderer._odt_template(spec, False)
    assert renderer._odt_template(spec, False) is compiled
    assert renderer.render(sample, "odt") == first  # deterministic
    names = [m.name for m in compiled.before] + ["content.xml"] + [m.name for m in compiled.after]
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        assert zf.namelist() == names and names[0] == "mimetype"
