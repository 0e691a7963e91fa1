"""The shipped .docx templates are generated from the layouts: each equals what its layout
builds now (rebuild them with tools/make_templates.py after changing a layout)."""

from __future__ import annotations

import pytest

import greendocs
from greendocs.engines.docx.template_builder import build_docx_template

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


def test_building_is_deterministic() -> None:
    layout = greendocs.forms().get("factory-dynamic").layout
    assert layout is not None
    assert build_docx_template(layout()) == build_docx_template(layout())
