"""parse(render(m)) == m for every registered form and every native format, with generated
models and with each form's sample; the same input always gives the same bytes.

The forms come from the registry, so a new form is covered without editing this file; a
form whose rendering needs consistent data (scores that fit its indicator system) has a
strategy of its own in ``tests/strategies.py``.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import greendocs
from greendocs.model.data_io import load_sample
from greendocs.model.images import images_of, map_images
from tests.strategies import strategy_for

FORMS = [spec.id for spec in greendocs.forms()]
NATIVE = ["docx", "odt", "xlsx"]


@pytest.mark.parametrize("fmt", NATIVE)
@pytest.mark.parametrize("form_id", FORMS)
@settings(max_examples=10)
@given(data=st.data())
def test_parse_of_render_is_identity(form_id: str, fmt: str, data: st.DataObject) -> None:
    spec = greendocs.forms().get(form_id)
    model = data.draw(strategy_for(spec))
    parsed = greendocs.parse(greendocs.render(model, fmt))
    assert parsed.form.id == form_id and parsed.format == fmt
    assert parsed.model == spec.as_rendered(model)


@pytest.mark.parametrize("fmt", NATIVE)
@pytest.mark.parametrize("form_id", FORMS)
def test_sample_reads_back_and_renders_the_same_bytes(form_id: str, fmt: str) -> None:
    registry = greendocs.forms()
    spec = registry.get(form_id)
    model = load_sample(spec, registry).model
    first = greendocs.render(model, fmt)
    parsed = greendocs.parse(first)
    expected = spec.as_rendered(model)
    if fmt == "xlsx":  # a workbook lists a narrative's photos and holds none: said so
        photos = [where for where, _ in images_of(expected)]
        expected = map_images(expected, lambda where, image: attrs.evolve(image, data=b""))
        assert len(parsed.notes) == len(photos)
        assert all(where in note and "lists the photo" in note
                   for where, note in zip(photos, parsed.notes, strict=True))
    assert parsed.model == expected
    assert greendocs.render(load_sample(spec, registry).model, fmt) == first


def test_xml_special_characters_appear_as_typed() -> None:
    import attrs

    sample = load_sample(greendocs.forms().get("factory-dynamic"), greendocs.forms()).model
    tricky = 'A&B <公司> "引号" \'单\' {{ not_jinja }} {% raw %}'
    model = attrs.evolve(sample, factory=attrs.evolve(sample.factory, name=tricky))
    for fmt in NATIVE:
        assert greendocs.parse(greendocs.render(model, fmt)).model.factory.name == tricky
