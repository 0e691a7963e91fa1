"""greendocs: the attachments of the Green Manufacturing List notice, produced and read back.

The common path::

    import greendocs

    report = greendocs.load_file("a6.yaml")    # validated model (greendocs new factory-dynamic)
    print(greendocs.validate(report).findings)                     # rule findings
    greendocs.render_file(report, "out/factory-dynamic.docx")      # atomic write
    back = greendocs.parse_file("out/factory-dynamic.docx").model  # read it back
    assert back == report

Everything here works on the built-in forms; build a :class:`Registry` with your own
:class:`FormSpec` entries and use :class:`Renderer` / :class:`Parser` for more.
:func:`summarize` builds Attachment 1 from a folder of completed forms.
"""

from __future__ import annotations

import functools
import importlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import (
    ConversionError,
    FieldError,
    FieldValueError,
    FormRegistryError,
    GreenDocsError,
    GreenDocsWarning,
    NotAFormError,
    OutputError,
    ParseError,
    TemplateError,
    UnknownFormError,
    UnsafeDocumentError,
    ValidationError,
)
from .findings import Finding, Severity, ValidationReport

# The package of the built-in forms is imported now (it holds nothing but its subpackages):
# imported later, the import system would bind the name ``forms`` here to it, over the
# function ``forms()`` below.
from . import forms as _forms_package  # noqa: F401  isort: skip

if TYPE_CHECKING:
    from .blocks.negative_list import Declaration, NegativeList
    from .engines.libreoffice import LibreOffice
    from .forms.factory import (
        FactoryScoreCard,
        FactorySelfReport,
        FactorySystem,
        FactoryThirdPartyReport,
        load_benchmarks,
        load_factory_system,
        score_factory,
    )
    from .forms.factory_dynamic import FactoryDynamicReport
    from .forms.summary import SummaryTable
    from .forms.supply_chain import (
        IndicatorSystem,
        ScoreCard,
        SupplyChainDynamicReport,
        SupplyChainSelfReport,
        SupplyChainThirdPartyReport,
        load_system,
        score,
    )
    from .model.converter import structure, to_json, unstructure
    from .model.data_io import FormInput
    from .parsing import ParsedDocument, Parser
    from .registry import FormSpec, Registry, XlsxCodec
    from .rendering import FORMATS, Renderer
    from .rollup.collect import FileResult, FileStatus, Problem, RollupResult, summarize
    from .rollup.entry import Category, Role, SummaryEntry
    from .types.contact import Email, Phone
    from .types.credit_code import CreditCode
    from .types.industry import Industry
    from .types.quantity import Unit
    from .types.region import Region
    from .types.year_series import YearSeries

#: the public names imported when first used (``import greendocs`` stays fast): name →
#: the module that defines it
_LAZY = {
    **dict.fromkeys(("Declaration", "NegativeList"), ".blocks.negative_list"),
    "LibreOffice": ".engines.libreoffice",
    **dict.fromkeys(("FactoryScoreCard", "FactorySelfReport", "FactorySystem",
                     "FactoryThirdPartyReport", "load_benchmarks", "load_factory_system",
                     "score_factory"), ".forms.factory"),
    "FactoryDynamicReport": ".forms.factory_dynamic",
    "SummaryTable": ".forms.summary",
    **dict.fromkeys(("IndicatorSystem", "ScoreCard", "SupplyChainDynamicReport",
                     "SupplyChainSelfReport", "SupplyChainThirdPartyReport", "load_system",
                     "score"), ".forms.supply_chain"),
    **dict.fromkeys(("structure", "to_json", "unstructure"), ".model.converter"),
    "FormInput": ".model.data_io",
    **dict.fromkeys(("ParsedDocument", "Parser"), ".parsing"),
    **dict.fromkeys(("FormSpec", "Registry", "XlsxCodec"), ".registry"),
    **dict.fromkeys(("FORMATS", "Renderer"), ".rendering"),
    **dict.fromkeys(("FileResult", "FileStatus", "Problem", "RollupResult", "summarize"),
                    ".rollup.collect"),
    **dict.fromkeys(("Category", "Role", "SummaryEntry"), ".rollup.entry"),
    **dict.fromkeys(("Email", "Phone"), ".types.contact"),
    "CreditCode": ".types.credit_code",
    "Industry": ".types.industry",
    "Unit": ".types.quantity",
    "Region": ".types.region",
    "YearSeries": ".types.year_series",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'greendocs' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # the next lookup is a plain one
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__version__ = "0.1.0"


@functools.cache
def _renderer() -> Renderer:
    from .rendering import Renderer

    # the functions here keep no LibreOffice running between calls: a Renderer or Parser
    # of one's own does (for batches), until it is closed
    return Renderer(forms(), keep_libreoffice=False)


@functools.cache
def _parser() -> Parser:
    from .parsing import Parser

    return Parser(forms(), keep_libreoffice=False)


@functools.cache
def forms() -> Registry:
    """The registry of the installed forms (the same object on every call; do not modify
    it). Each form's code is imported when the form is first used."""
    from .registry import default_registry

    return default_registry()


def load(data: Any, form: str | None = None, *, source: str = "<data>",
         base: str | os.PathLike[str] | None = None) -> Any:
    """A validated model from plain data: ``{"form": ID, "data": {...}}``, or the fields
    with *form* given; its photos read from files relative to the folder *base* (the
    current one when not given). Raises :class:`ValidationError` listing every problem."""
    from .model.data_io import load_input

    return load_input(data, forms(), source, form, base=base).model


def load_file(path: str | os.PathLike[str], form: str | None = None) -> Any:
    """A validated model from a YAML or JSON input file (its photos read from files
    relative to its folder)."""
    from .model.data_io import load_file as load

    return load(path, forms(), form).model


def validate(model: Any) -> ValidationReport:
    """Run the form's rules over *model* (already structurally valid) and report findings."""
    spec = forms().for_model(model)
    return ValidationReport.of(spec.id, spec.rules(model))


def render(model: Any, format: str = "docx", *,
           template: str | os.PathLike[str] | None = None, draft: bool = False) -> bytes:
    """The document bytes of *model* (deterministic): ``docx``, ``odt``, ``xlsx``, or
    ``pdf``/``doc`` through LibreOffice. *draft* adds the notes for the consultant (where
    figures come from, what is unverified) that the document handed in never carries."""
    return _renderer().render(model, format, template=template, draft=draft)


def render_file(model: Any, path: str | os.PathLike[str], format: str | None = None, *,
                template: str | os.PathLike[str] | None = None, draft: bool = False) -> Path:
    """Render *model* and write it atomically to *path* (format from the suffix by default)."""
    return _renderer().render_file(model, path, format, template=template, draft=draft)


def parse(data: bytes, form: str | None = None, *, source: str = "<document>",
          prefer: str | None = None) -> ParsedDocument:
    """Read a completed document (the bytes of a .docx, .odt, .xlsx, .doc or .wps) back
    into its model. Copies of a value that disagree are a :class:`ValidationError` unless
    *prefer* (``"first"`` or ``"last"``) says which copy wins."""
    return _parser().parse(data, source, form_id=form, prefer=prefer)


def parse_file(path: str | os.PathLike[str], form: str | None = None, *,
               prefer: str | None = None) -> ParsedDocument:
    """Read a completed document file back into its model (see :func:`parse`)."""
    return _parser().parse_file(path, form, prefer=prefer)


def json_schema(form: str) -> dict[str, Any]:
    """The JSON Schema of a form's input data."""
    from .model.schema import json_schema as schema_of

    return schema_of(forms().get(form))


__all__ = [
    "FORMATS",
    "Category",
    "ConversionError",
    "CreditCode",
    "Declaration",
    "Email",
    "FactoryDynamicReport",
    "FactoryScoreCard",
    "FactorySelfReport",
    "FactorySystem",
    "FactoryThirdPartyReport",
    "FieldError",
    "FieldValueError",
    "FileResult",
    "FileStatus",
    "Finding",
    "FormInput",
    "FormRegistryError",
    "FormSpec",
    "GreenDocsError",
    "GreenDocsWarning",
    "IndicatorSystem",
    "Industry",
    "LibreOffice",
    "NegativeList",
    "NotAFormError",
    "OutputError",
    "ParseError",
    "ParsedDocument",
    "Parser",
    "Phone",
    "Problem",
    "Region",
    "Registry",
    "Renderer",
    "Role",
    "RollupResult",
    "ScoreCard",
    "Severity",
    "SummaryEntry",
    "SummaryTable",
    "SupplyChainDynamicReport",
    "SupplyChainSelfReport",
    "SupplyChainThirdPartyReport",
    "TemplateError",
    "Unit",
    "UnknownFormError",
    "UnsafeDocumentError",
    "ValidationError",
    "ValidationReport",
    "XlsxCodec",
    "YearSeries",
    "forms",
    "json_schema",
    "load",
    "load_benchmarks",
    "load_factory_system",
    "load_file",
    "load_system",
    "parse",
    "parse_file",
    "render",
    "render_file",
    "score",
    "score_factory",
    "structure",
    "summarize",
    "to_json",
    "unstructure",
    "validate",
]
