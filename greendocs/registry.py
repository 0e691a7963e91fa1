"""The form registry: every attachment form greendocs knows, and how to find one."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Any

import attrs

from .errors import UnknownFormError
from .findings import Finding
from .layout import Layout
from .summary_entry import SummaryEntry


@attrs.frozen
class XlsxCodec:
    """A form's own spreadsheet layout: how to write it, read it, and recognise it."""

    write: Callable[[Any], bytes]
    read: Callable[[bytes, str], Any]
    #: whether a workbook (its bytes) is laid out this way
    claims: Callable[[bytes], bool]


@attrs.frozen
class FormSpec:
    """Everything the engines need to know about one form.

    A form is added by writing its model, its templates and its rules, and registering a
    ``FormSpec``; the render and parse engines, the CLI and the roll-up read only this.
    """

    id: str
    attachment: str  # "6", "2-1", …
    title_zh: str
    title_en: str
    model: type
    #: output format → template file name in ``templates/`` (e.g. {"docx": "factory-dynamic.docx"})
    templates: Mapping[str, str]
    #: sample input file name in ``samples/``
    sample: str
    #: the form's rules: model → findings (pure)
    rules: Callable[[Any], Sequence[Finding]] = lambda model: ()
    #: extra render context computed from the model (e.g. the year columns)
    context: Callable[[Any], Mapping[str, Any]] = lambda model: {}
    #: the names that ``context`` adds (checked in custom templates)
    context_names: tuple[str, ...] = ()
    #: the page layout the .docx template and the .odt are both made from
    layout: Callable[[], Layout] | None = None
    #: what a completed form contributes to the provincial summary (Attachment 1)
    summary_entry: Callable[[Any], SummaryEntry] | None = None
    #: a form-specific spreadsheet instead of the generic one
    xlsx: XlsxCodec | None = None
    #: the model as a rendered document states it: computed figures that the form prints
    #: in fields of their own (a report's total, say) filled in. Documents of every format
    #: are rendered from this, so reading one back gives this model.
    as_rendered: Callable[[Any], Any] = lambda model: model
    #: the package whose ``indicators/`` folder holds the form's shipped indicator systems
    #: (YAML files users copy and adapt); None for forms that are not scored
    systems_package: str | None = None

    def shipped_systems(self) -> dict[str, str]:
        """The YAML text of each shipped indicator system of the form, by id."""
        if self.systems_package is None:
            return {}
        folder = resources.files(self.systems_package).joinpath("indicators")
        return {item.name.removesuffix(".yaml"): item.read_text(encoding="utf-8")
                for item in sorted(folder.iterdir(), key=lambda i: i.name)
                if item.name.endswith(".yaml")}

    @property
    def formats(self) -> tuple[str, ...]:
        """Formats written without other programs: templates, ``odt`` where a layout
        exists, and ``xlsx`` (generic for every form)."""
        return tuple(sorted({*self.templates, "xlsx", *(["odt"] if self.layout else [])}))


class Registry:
    """A set of forms by id. Build your own, or use :func:`default_registry`."""

    def __init__(self, forms: Sequence[FormSpec] = ()) -> None:
        self._forms: dict[str, FormSpec] = {}
        for spec in forms:
            self.register(spec)

    def register(self, spec: FormSpec) -> None:
        """Add a form; its id must be new."""
        if spec.id in self._forms:
            raise ValueError(f"form {spec.id!r} is already registered")
        self._forms[spec.id] = spec

    def get(self, form_id: str) -> FormSpec:
        """The form with *form_id*, or :class:`UnknownFormError` listing the known ids."""
        try:
            return self._forms[form_id]
        except KeyError:
            known = ", ".join(sorted(self._forms)) or "none"
            raise UnknownFormError(f"unknown form {form_id!r}; known forms: {known}") from None

    def for_model(self, model: Any) -> FormSpec:
        """The form whose model class *model* is an instance of."""
        for spec in self._forms.values():
            if type(model) is spec.model:
                return spec
        raise UnknownFormError(f"{type(model).__name__} is not the model of a registered form")

    def by_title(self, title: str) -> FormSpec | None:
        """The form whose Chinese title is *title* (spaces ignored), if any."""
        key = "".join(title.split())
        return next((s for s in self._forms.values() if s.title_zh == key), None)

    def __iter__(self) -> Iterator[FormSpec]:
        return iter(sorted(self._forms.values(), key=lambda s: (_att_key(s.attachment), s.id)))

    def __len__(self) -> int:
        return len(self._forms)

    def __contains__(self, form_id: object) -> bool:
        return form_id in self._forms


def _att_key(attachment: str) -> tuple[int, ...]:
    return tuple(int(p) for p in attachment.split("-") if p.isdigit())


def default_registry() -> Registry:
    """A new registry holding every built-in form."""
    from .forms import BUILTIN_FORMS

    return Registry(BUILTIN_FORMS)
