"""The form registry: every form greendocs knows, how a form declares itself, and how
installed packages contribute forms.

A form is a :class:`FormSpec`. Packages register forms under the entry-point group
``greendocs.forms`` (name: the form id, value: ``package.module:SPEC``), so a province's or
a consultancy's package installed beside greendocs appears in every command with no change
to greendocs. greendocs' own forms are registered the same way in its ``pyproject.toml``
and also known from :data:`BUILT_IN_FORMS`: a command on one of them does not read the
installed packages' metadata (importing ``importlib.metadata`` and scanning the packages
is a twelfth of a fresh process's time). The other packages' forms, and a package that
claims one of greendocs' ids, are found when a form that is not built in is asked for or
the forms are listed.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import attrs

from .errors import FormRegistryError, UnknownFormError
from .model.package_folder import package_folder

if TYPE_CHECKING:
    from importlib import metadata
    from importlib.resources.abc import Traversable

    from .findings import Finding
    from .layout.elements import Layout
    from .rollup.entry import AgencyEntry, SummaryEntry

#: the entry-point group under which packages register their forms
ENTRY_POINT_GROUP = "greendocs.forms"
#: greendocs' own forms: id → ``module:attribute`` (the entry points of its pyproject.toml)
BUILT_IN_FORMS: Mapping[str, str] = {
    "summary": "greendocs.forms.summary:SPEC",
    "factory-self": "greendocs.forms.factory:SELF_SPEC",
    "factory-third-party": "greendocs.forms.factory:THIRD_PARTY_SPEC",
    "supply-chain-self": "greendocs.forms.supply_chain:SELF_SPEC",
    "supply-chain-third-party": "greendocs.forms.supply_chain:THIRD_PARTY_SPEC",
    "factory-dynamic": "greendocs.forms.factory_dynamic:SPEC",
    "supply-chain-dynamic": "greendocs.forms.supply_chain_dynamic:SPEC",
    "agency-annual": "greendocs.forms.agency:SPEC",
    "product-self": "greendocs.forms.product:SPEC",
    "product-dynamic": "greendocs.forms.product_dynamic:SPEC",
    "park-self": "greendocs.forms.park:SELF_SPEC",
    "park-third-party": "greendocs.forms.park:THIRD_PARTY_SPEC",
    "park-dynamic": "greendocs.forms.park_dynamic:SPEC",
}


@attrs.frozen
class XlsxCodec:
    """A form's own spreadsheet layout: how to write it, read it, and recognise it."""

    write: Callable[[Any], bytes]
    read: Callable[[bytes, str], Any]
    #: whether a workbook (its bytes) is laid out this way
    claims: Callable[[bytes], bool]


@attrs.frozen
class SheetNotes:
    """What the generic .xlsx sheet prints beside a form's values, for the person filling it
    in: the requirement a value answers (by field path), the most a score may be (a check
    on the cell), and computed totals as rows of their own (read back by nobody)."""

    notes: Mapping[str, str] = attrs.field(factory=dict)
    maxima: Mapping[str, Decimal] = attrs.field(factory=dict)
    totals: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def for_scores(cls, assessments: Sequence[Any],
                   described: Iterable[tuple[str, str, Decimal | None]],
                   totals: Iterable[tuple[str, Any]]) -> SheetNotes:
        """Notes on the scores of *assessments* (items with an ``id`` and a ``score``, at
        ``assessments[i]``): *described* gives, by id, the note and the full points."""
        at = {a.id: i for i, a in enumerate(assessments)}
        notes: dict[str, str] = {}
        maxima: dict[str, Decimal] = {}
        for item_id, note, maximum in described:
            if item_id in at:
                notes[f"assessments[{at[item_id]}].score"] = note
                if maximum is not None:
                    maxima[f"assessments[{at[item_id]}].score"] = maximum
        return cls(notes, maxima, tuple(totals))


def _package_of(spec: FormSpec) -> str:
    module = sys.modules.get(spec.model.__module__)
    module_spec = getattr(module, "__spec__", None)
    parent = getattr(module_spec, "parent", None)
    return parent or spec.model.__module__.rpartition(".")[0] or spec.model.__module__


def on_first_use(target: str) -> Callable[[], Any]:
    """``"package.module:function"`` as a function that imports the module when it is
    first called, then calls the function: a form's layout, which a render needs only
    when its template is not shipped, for an .odt or for a 目录 — so that a fresh process
    rendering a .docx never imports it."""
    def call() -> Any:
        function = cast("Callable[[], Any]", _import(target))
        return function()

    call.__qualname__ = call.__name__ = target.partition(":")[2]
    call.__doc__ = f"{target}, imported when first called."
    return call


@attrs.frozen
class FormSpec:
    """Everything the engines need to know about one form.

    A form is one package (folder): its model, its layout, its rules, and its files named
    by the form id — ``<id>.yaml`` (the sample input), ``<id>.docx`` (the .docx template;
    built from the layout when the package ships none) and ``indicators/*.yaml`` (shipped
    indicator systems, if it is scored; ``data_folder`` names another folder). The render
    and parse engines, the CLI and the roll-up read only this.
    """

    id: str
    attachment: str  # "6", "2", …
    title_zh: str
    title_en: str
    model: type
    #: the page layout the .docx template and the .odt are both made from
    layout: Callable[[], Layout] | None = None
    #: the form's rules: model → findings (pure)
    rules: Callable[[Any], Sequence[Finding]] = lambda model: ()
    #: extra render context computed from the model (e.g. the year columns)
    context: Callable[[Any], Mapping[str, Any]] = lambda model: {}
    #: the names that ``context`` adds (checked in custom templates)
    context_names: tuple[str, ...] = ()
    #: what a completed form contributes to the provincial summary (Attachment 1)
    summary_entry: Callable[[Any], SummaryEntry] | None = None
    #: what an agency's annual work report contributes to the roll-up's agency checks
    agency_entry: Callable[[Any], AgencyEntry] | None = None
    #: a form-specific spreadsheet instead of the generic one
    xlsx: XlsxCodec | None = None
    #: what the generic spreadsheet prints beside the values (requirements, maxima, totals)
    sheet_notes: Callable[[Any], SheetNotes] | None = None
    #: the model as a rendered document states it: computed figures that the form prints
    #: in fields of their own (a report's total, say) filled in. Documents of every format
    #: are rendered from this, so reading one back gives this model.
    as_rendered: Callable[[Any], Any] = lambda model: model
    #: ``as_rendered`` and ``context`` in one step — the model as rendered and its
    #: context's extras — for a form that computes both from one result (a report's score
    #: card, then computed once per render). Without it a render calls the two in turn.
    rendered_context: Callable[[Any], tuple[Any, Mapping[str, Any]]] | None = None
    #: the folder of the form's package holding its shipped indicator systems (or, for
    #: design products, evaluation standards): YAML files users copy and adapt
    data_folder: str = "indicators"
    #: the package holding the form's files (default: the package of the model's module)
    package: str = attrs.field(default=attrs.Factory(_package_of, takes_self=True))

    def _file(self, name: str) -> Traversable:
        return package_folder(self.package).joinpath(name)

    def rendering(self, model: Any) -> tuple[Any, Mapping[str, Any]]:
        """*model* as its documents state it (:attr:`as_rendered`) and the extras of its
        render's context (:attr:`context`)."""
        if self.rendered_context is not None:
            return self.rendered_context(model)
        rendered = self.as_rendered(model)
        return rendered, self.context(rendered)

    def template(self, fmt: str = "docx") -> bytes | None:
        """The shipped template file (``<id>.docx``), or None when the form ships none
        (its .docx is then built from the layout)."""
        item = self._file(f"{self.id}.{fmt}")
        return item.read_bytes() if item.is_file() else None

    def prepared_template(self, fmt: str = "docx") -> dict[str, Any] | None:
        """The shipped template prepared for compiling (``<id>.docx.json``, written with
        the template by ``tools/make_templates.py``), or None when the form ships none."""
        item = self._file(f"{self.id}.{fmt}.json")
        if not item.is_file():
            return None
        try:
            prepared = json.loads(item.read_text(encoding="utf-8"))
        except ValueError:
            return None  # damaged: the template is prepared again
        return prepared if isinstance(prepared, dict) else None

    def sample_text(self) -> str:
        """The sample input (``<id>.yaml``): a complete, realistic form to start from."""
        item = self._file(f"{self.id}.yaml")
        if not item.is_file():
            raise UnknownFormError(f"form {self.id} ships no sample ({self.package}/"
                                   f"{self.id}.yaml)")
        return item.read_text(encoding="utf-8")

    def shipped_systems(self) -> dict[str, str]:
        """The YAML text of each shipped indicator system of the form, by id."""
        folder = self._file(self.data_folder)
        if not folder.is_dir():
            return {}
        return {item.name.removesuffix(".yaml"): item.read_text(encoding="utf-8")
                for item in sorted(folder.iterdir(), key=lambda i: i.name)
                if item.name.endswith(".yaml")}

    @property
    def formats(self) -> tuple[str, ...]:
        """Formats written without other programs: ``docx`` and ``odt`` where a layout
        exists (or a template ships), and ``xlsx`` (generic for every form)."""
        found = {"xlsx"}
        if self.layout is not None:
            found |= {"docx", "odt"}
        elif self.template("docx") is not None:
            found.add("docx")
        return tuple(sorted(found))


class Registry:
    """A set of forms by id. Build your own, or use :func:`default_registry`.

    Installed forms are known by their entry points and imported when first used: looking
    one form up imports that form's code only (a command that renders one form does not
    import the others); listing or iterating imports them all.
    """

    def __init__(self, forms: Sequence[FormSpec] = (), *,
                 unavailable: Sequence[str] = ()) -> None:
        self._forms: dict[str, FormSpec] = {}
        self._pending: dict[str, _Pending] = {}
        self._unavailable = list(unavailable)
        #: finds the forms of installed packages, when first needed (default_registry)
        self._discover: Callable[[], list[_Pending]] | None = None
        for spec in forms:
            self.register(spec)

    @property
    def unavailable(self) -> tuple[str, ...]:
        """Why installed forms could not be loaded (each a message naming the package);
        the other forms work, and the CLI prints these as warnings. Loads every form."""
        self._load_all()
        return tuple(self._unavailable)

    def _discovered(self) -> None:
        """Add the forms of the installed packages, if they are not known yet."""
        discover, self._discover = self._discover, None
        if discover is not None:
            for pending in discover():
                self._add_pending(pending)

    def unavailable_so_far(self) -> tuple[str, ...]:
        """What :attr:`unavailable` says of the forms imported so far (loads nothing)."""
        return tuple(self._unavailable)

    def register(self, spec: FormSpec) -> None:
        """Add a form; its id must be new."""
        if spec.id in self._forms or spec.id in self._pending:
            by = self._forms[spec.id].package if spec.id in self._forms else \
                self._pending[spec.id].value
            raise FormRegistryError(f"form {spec.id!r} is already registered (by {by})")
        self._forms[spec.id] = spec

    def register_entry_point(self, ep: metadata.EntryPoint) -> None:
        """Add an installed form by its entry point, to be imported when first used."""
        self._add_pending(_Pending.of(ep))

    def _add_pending(self, pending: _Pending) -> None:
        if pending.name in self._forms or pending.name in self._pending:
            raise FormRegistryError(f"form {pending.name!r} is already registered")
        self._pending[pending.name] = pending

    def get(self, form_id: str) -> FormSpec:
        """The form with *form_id*, or :class:`UnknownFormError` listing the known ids."""
        found = self._forms.get(form_id)
        if found is None and form_id not in self._pending:
            self._discovered()
        if found is None and form_id in self._pending:
            found = self._load(form_id)
        if found is None:
            known = ", ".join(sorted({*self._forms, *self._pending})) or "none"
            raise UnknownFormError(f"unknown form {form_id!r}; known forms: {known}")
        return found

    def for_model(self, model: Any) -> FormSpec:
        """The form whose model class *model* is an instance of (importing, of the forms
        not imported yet, those of the model's package first)."""
        module = type(model).__module__
        for spec in self._forms.values():
            if type(model) is spec.model:
                return spec
        for _ in range(2):  # the forms known, then the installed packages' too
            near = [name for name, pending in self._pending.items()
                    if module.startswith(pending.module.rpartition(".")[0] or pending.module)]
            for name in (*near, *self._pending):
                if name in self._pending:
                    loaded = self._load(name)
                    if loaded is not None and type(model) is loaded.model:
                        return loaded
            if self._discover is None:
                break
            self._discovered()
        raise UnknownFormError(f"{type(model).__name__} is not the model of a registered form")

    def by_title(self, title: str) -> FormSpec | None:
        """The form whose Chinese title is *title* (spaces ignored), if any."""
        key = "".join(title.split())
        return next((s for s in self if s.title_zh == key), None)

    def __iter__(self) -> Iterator[FormSpec]:
        self._load_all()
        return iter(sorted(self._forms.values(), key=lambda s: (_att_key(s.attachment), s.id)))

    def __len__(self) -> int:
        self._load_all()
        return len(self._forms)

    def __contains__(self, form_id: object) -> bool:
        if form_id in self._forms or form_id in self._pending:
            return True
        self._discovered()
        return form_id in self._pending

    def _load_all(self) -> None:
        self._discovered()
        for name in list(self._pending):
            self._load(name)

    def _load(self, name: str) -> FormSpec | None:
        """Import the pending form *name*; None (and a reason in ``unavailable``) when its
        package cannot be loaded or does not give a FormSpec of that id."""
        spec, reason = _load_entry_point(self._pending.pop(name))
        if spec is None:
            self._unavailable.append(reason)
            return None
        self._forms[spec.id] = spec
        return spec


def _att_key(attachment: str) -> tuple[bool, tuple[int, ...], str]:
    """Official attachments in number order (1, 2, …, 10), other forms' after them."""
    numbers = tuple(int(p) for p in attachment.split("-") if p.isdigit())
    return (not numbers or not attachment.replace("-", "").isdigit(), numbers, attachment)


def _provider(ep: metadata.EntryPoint) -> str:
    dist = ep.dist
    return f"package {dist.name}" if dist is not None else f"module {ep.module}"


@attrs.frozen
class _Pending:
    """A form known by name and place (``module:attribute``), imported when first used."""

    name: str
    value: str
    provider: Callable[[], str]  # "package …", for messages (reading it may cost)
    load: Callable[[], object]

    @property
    def module(self) -> str:
        return self.value.partition(":")[0].strip()

    @classmethod
    def of(cls, ep: metadata.EntryPoint) -> _Pending:
        return cls(ep.name, ep.value, lambda: _provider(ep), ep.load)

    @classmethod
    def built_in(cls, name: str, value: str) -> _Pending:
        return cls(name, value, lambda: "package greendocs", lambda: _import(value))


def _import(value: str) -> object:
    """The object ``module:attribute`` names."""
    module, _, attribute = value.partition(":")
    found: object = importlib.import_module(module)
    for part in attribute.split("."):
        found = getattr(found, part)
    return found


def _other_forms() -> list[_Pending]:
    """The ``greendocs.forms`` entry points of the installed packages other than greendocs'
    own, checked without importing anything: :class:`FormRegistryError` when two packages
    register the same form id (which one is meant cannot be told), one of greendocs' ids
    included."""
    from importlib import metadata  # only here: its import is 10 ms of a fresh process

    seen: dict[str, metadata.EntryPoint] = {}
    # in a fixed order (the providing package's name is read only for a message: reading
    # it parses the package's metadata, a millisecond each)
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP),
                     key=lambda e: (e.name, e.value)):
        if ep.name in seen:
            raise FormRegistryError(
                f"form {ep.name!r} is registered twice: by {_provider(seen[ep.name])} "
                f"({seen[ep.name].value}) and by {_provider(ep)} ({ep.value}); uninstall one "
                "of them or rename the form")
        seen[ep.name] = ep
    others = []
    for name, ep in seen.items():
        own = BUILT_IN_FORMS.get(name)
        if own == ep.value:
            continue  # greendocs' own, registered by its pyproject.toml
        if own is not None:
            raise FormRegistryError(
                f"form {name!r} is registered twice: by package greendocs ({own}) and by "
                f"{_provider(ep)} ({ep.value}); uninstall that package or rename its form")
        others.append(_Pending.of(ep))
    return others


def _load_entry_point(ep: _Pending) -> tuple[FormSpec | None, str]:
    """The FormSpec a pending form names, or None and why (a package that fails to import
    leaves the others working)."""
    try:
        spec = ep.load()
    except Exception as exc:  # any import error of an installed package
        return None, (f"form {ep.name!r} of {ep.provider()} cannot be loaded from {ep.value} "
                      f"({type(exc).__name__}: {exc}); it is left out")
    if not isinstance(spec, FormSpec):
        return None, (f"form {ep.name!r} of {ep.provider()}: {ep.value} is a "
                      f"{type(spec).__name__}, not a greendocs FormSpec; it is left out")
    if spec.id != ep.name:
        return None, (f"form {ep.name!r} of {ep.provider()}: {ep.value} has the id "
                      f"{spec.id!r}; the entry point's name must be the id; it is left out")
    return spec, ""


def installed_forms() -> tuple[list[FormSpec], list[str]]:
    """The forms of every installed package (greendocs' own included), all imported, and
    why any could not be loaded."""
    registry = default_registry()
    return list(registry), list(registry.unavailable)


def default_registry() -> Registry:
    """A new registry holding every installed form (greendocs' own and other packages'),
    each imported when first used; its ``unavailable`` says which could not be loaded."""
    registry = Registry()
    for name, value in BUILT_IN_FORMS.items():
        registry._add_pending(_Pending.built_in(name, value))
    registry._discover = _other_forms
    return registry
