"""Custom templates: checked against the model, with errors that say where and what."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import greendocs
from tests.docx_edit import edit_document_xml
from tests.samples import template_path

TEMPLATE = template_path("factory-dynamic")


def custom(tmp_path: Path, edit: Any) -> Path:
    path = tmp_path / "custom.docx"
    path.write_bytes(edit_document_xml(TEMPLATE.read_bytes(), edit))
    return path


def test_a_custom_template_renders_and_reads_back(tmp_path: Path, sample: Any) -> None:
    path = custom(tmp_path, lambda x: x.replace("一、基本信息", "一、工厂基本情况"))
    data = greendocs.render(sample, template=path)
    assert greendocs.parse(data).model == sample


def test_unknown_field_in_a_custom_template_is_named(tmp_path: Path, sample: Any) -> None:
    path = custom(tmp_path, lambda x: x.replace("{{ factory.city }}", "{{ factory.cty }}"))
    with pytest.raises(greendocs.TemplateError) as info:
        greendocs.render(sample, template=path)
    assert "uses '.cty' on ListedFactory, which has no such field" in str(info.value)
    assert "city" in str(info.value)


def test_unknown_loop_field_is_named(tmp_path: Path, sample: Any) -> None:
    path = custom(tmp_path, lambda x: x.replace("{{ row.unit }}", "{{ row.units }}"))
    with pytest.raises(greendocs.TemplateError, match=r"'\.units' on KeyIndicator"):
        greendocs.render(sample, template=path)


def test_jinja_syntax_error_is_a_template_error(tmp_path: Path, sample: Any) -> None:
    path = custom(tmp_path, lambda x: x.replace("{{ factory.city }}", "{{ factory.city "))
    with pytest.raises(greendocs.TemplateError, match="Jinja syntax error"):
        greendocs.render(sample, template=path)


def test_a_template_that_is_not_a_docx(tmp_path: Path, sample: Any) -> None:
    path = tmp_path / "t.docx"
    path.write_text("hello")
    with pytest.raises(greendocs.TemplateError, match=r"template .*t\.docx: .*not an Office"):
        greendocs.render(sample, template=path)
