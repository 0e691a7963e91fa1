"""Rendering models into documents (.docx, .xlsx), with compiled templates cached."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .engines.converter_slot import ConverterSlot, KeepsLibreOffice
from .engines.docx.template import CompiledDocx, compile_docx
from .engines.docx.writer import render_docx
from .engines.formats import CONVERTED_FORMATS, FORMATS, NATIVE_FORMATS
from .engines.template_check import check_template_ast, reserved_names
from .engines.template_env import make_environment
from .errors import OutputError, TemplateError
from .markers.bookmark_names import FORM_PATTERN
from .markers.model_view import Marked, root_context
from .package.atomic_write import write_atomic
from .registry import FormSpec, Registry, default_registry

if TYPE_CHECKING:  # LibreOffice (and subprocess with it), odfpy and the layouts: imported
    # when first used
    from .engines.libreoffice import LibreOffice
    from .engines.odt.writer import CompiledOdt
    from .layout.elements import Layout


class Renderer(KeepsLibreOffice):
    """Renders models of a registry's forms. Compiles each template once; thread-safe.

    PDF and .doc are converted by the *libreoffice* given, else by one the renderer starts
    when first needed and keeps warm for the next conversions (unless *keep_libreoffice*
    is false: then one per call); :meth:`close` (or leaving ``with Renderer() as r:``)
    stops it.
    """

    def __init__(self, registry: Registry | None = None,
                 libreoffice: LibreOffice | None = None, *,
                 keep_libreoffice: bool = True) -> None:
        self.registry = registry if registry is not None else default_registry()
        self._office = ConverterSlot(libreoffice, keep=keep_libreoffice)
        # the form's own templates and layouts are code of the installed forms; a template a
        # user passes is input, and runs in the sandbox
        self._env = make_environment(sandboxed=False)
        self._user_env = make_environment()
        self._compiled: dict[tuple[str, int, int], CompiledDocx] = {}
        self._odt: dict[tuple[str, bool], CompiledOdt] = {}
        self._lock = threading.Lock()
        self._layouts: dict[str, Layout] = {}

    def template_for(self, spec: FormSpec, fmt: str = "docx",
                     template: str | os.PathLike[str] | None = None) -> CompiledDocx:
        """The compiled template: the custom *template* file (checked against the form's
        model), else the template the form ships, else one built from its layout."""
        if template is not None:
            path = Path(template)
            try:
                st = path.stat()
                key: tuple[str, int, int] = (str(path.resolve()), st.st_mtime_ns, st.st_size)
                compiled = self._compiled.get(key)
                if compiled is None:
                    compiled = compile_docx(path.read_bytes(), str(path), self._user_env,
                                            model=spec.model,
                                            reserved=reserved_names(spec.context_names))
                    self._check(compiled, spec)
            except OSError as exc:
                raise TemplateError(f"template {path}: cannot read it ({exc.strerror})"
                                    ) from None
        else:
            key = (f"form:{spec.id}", 0, 0)
            compiled = self._compiled.get(key)
            if compiled is None:
                data = spec.template(fmt)
                prepared = spec.prepared_template(fmt) if data is not None else None
                if data is None:
                    if spec.layout is None:
                        raise TemplateError(f"form {spec.id} has no {fmt} template and no "
                                            "layout to build one from")
                    from .engines.docx.template_builder import build_docx_template

                    data = build_docx_template(self._layout(spec))
                compiled = compile_docx(data, f"{spec.package}/{spec.id}.{fmt}", self._env,
                                        prepared, model=spec.model,
                                        reserved=reserved_names(spec.context_names))
        with self._lock:
            return self._compiled.setdefault(key, compiled)

    def _check(self, compiled: CompiledDocx, spec: FormSpec) -> None:
        problems: list[str] = []
        for part, src in compiled.sources:
            ast = self._user_env.parse(src)
            problems += check_template_ast(ast, spec.model, frozenset(spec.context_names),
                                           f"{compiled.source}: {part}")
        if problems:
            raise TemplateError(f"template {compiled.source} does not fit form {spec.id}:\n  "
                                + "\n  ".join(problems))

    def check_template(self, form_id: str, template: str | os.PathLike[str]) -> None:
        """Raise :class:`TemplateError` if *template* uses names the form's model lacks."""
        self.template_for(self.registry.get(form_id), "docx", template)

    def _layout(self, spec: FormSpec) -> Layout:
        layout = self._layouts.get(spec.id)
        if layout is None:
            assert spec.layout is not None
            layout = self._layouts.setdefault(spec.id, spec.layout())
        return layout

    def _odt_template(self, spec: FormSpec, draft: bool) -> CompiledOdt:
        """The form's .odt template (a draft's or not), built from its layout once."""
        compiled = self._odt.get((spec.id, draft))
        if compiled is None:
            from .engines.odt.writer import compile_odt  # odfpy: imported when first used

            if spec.layout is None:
                raise OutputError(f"form {spec.id} has no layout to write an .odt from")
            compiled = compile_odt(self._layout(spec), spec.id, draft, self._env)
            with self._lock:
                compiled = self._odt.setdefault((spec.id, draft), compiled)
        return compiled

    def context(self, spec: FormSpec, model: Any, *, draft: bool = False,
                pages: Mapping[str, int] | None = None,
                template: CompiledDocx | None = None,
                extras: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The context *template* (the compiled .docx, :meth:`template_for`) is rendered
        with: the model's fields as marked views (or as they are, where the template's
        paths are resolved), plus the form's extras, ``draft`` (whether notes for the
        consultant are printed) and ``contents`` (the 目录's entries: each heading with its
        page number from *pages*, blank without; only when the template uses them). Without
        *template*, views throughout: the context of a template compiled without its model
        (a resolved template must be given the context made for it). The extras are
        computed from *model* unless given (:meth:`FormSpec.rendering`)."""
        plain = template.plain if template is not None else frozenset()
        names = template.names if template is not None else None
        ctx = root_context(model, plain)
        if extras is None:
            extras = spec.context(model)
        if plain and not plain.isdisjoint(extras):
            raise TemplateError(f"form {spec.id}: its context gives "
                                f"{sorted(plain.intersection(extras))}, which its "
                                "context_names do not declare")
        ctx.update(extras)
        ctx["form_title"] = Marked(spec.title_zh, FORM_PATTERN, (), spec.title_zh)
        ctx["draft"] = draft
        listed = spec.layout is not None and (names is None or "contents" in names)
        headings = self._layout(spec).headings() if listed else ()
        ctx["contents"] = [{"title": "　　" * level + text,
                            "page": str(pages[text]) if pages and text in pages else ""}
                           for level, text in headings]
        return ctx

    def render(self, model: Any, fmt: str = "docx", *,
               template: str | os.PathLike[str] | None = None, draft: bool = False) -> bytes:
        """The bytes of *model* rendered as *fmt*: ``docx``, ``odt``, ``xlsx``, or ``pdf``
        and ``doc`` through LibreOffice (:class:`ConversionError` if it is missing).

        The document carries what the official blank carries. *draft* adds what the
        consultant should check — a first line saying it is a draft, where the indicator
        system's figures come from and which are unverified — and is not to be handed in.
        """
        if fmt == "pdf" and template is None:  # with the 目录's page numbers
            return self._pdfs([model], [self.registry.for_model(model).id], draft)[0]
        spec = self.registry.for_model(model)
        # the .xlsx and .odt engines (openpyxl, odfpy) are imported when first used
        if fmt == "xlsx":
            model = spec.as_rendered(model)
            if spec.xlsx:
                return spec.xlsx.write(model)
            from .engines.xlsx.writer import render_xlsx

            return render_xlsx(spec, model)
        model, extras = spec.rendering(model)
        if fmt == "odt":
            from .engines.odt.writer import render_odt

            return render_odt(self._odt_template(spec, draft),
                              self.context(spec, model, draft=draft, extras=extras), spec.id)
        if fmt not in ("docx", *CONVERTED_FORMATS):
            raise OutputError(f"cannot render {fmt!r}; formats: {', '.join(FORMATS)}")
        compiled = self.template_for(spec, "docx", template)
        docx = render_docx(compiled, self.context(spec, model, draft=draft, template=compiled,
                                                  extras=extras), spec.id)
        if fmt == "docx":
            return docx
        return self._converter().convert(docx, ".docx", fmt, source=f"{spec.id}.docx")

    def render_pdfs(self, models: Sequence[Any], folder: str | os.PathLike[str], *,
                    names: Sequence[str] | None = None, draft: bool = False) -> list[Path]:
        """Each model as a PDF in *folder* (``<name>.pdf``; names default to the forms'
        ids), all converted by one LibreOffice process — twice for documents with a 目录,
        whose page numbers the first conversion gives."""
        names = list(names) if names is not None else [
            self.registry.for_model(m).id for m in models]
        if len(names) != len(models) or len(set(names)) != len(names):
            raise OutputError("render_pdfs needs one distinct name for each model")
        pdfs = self._pdfs(models, names, draft)
        return [write_atomic(Path(folder) / f"{n}.pdf", pdf) for n, pdf in zip(names, pdfs,
                                                                               strict=True)]

    def _pdfs(self, models: Sequence[Any], names: Sequence[str], draft: bool) -> list[bytes]:
        """The PDFs of *models* (their forms' own templates), converted by one LibreOffice
        process; documents with a 目录 a second time, with the page numbers the first
        conversion's bookmarks give."""
        import tempfile

        from .engines.pdf_outline import heading_pages

        lo = self._converter()
        with tempfile.TemporaryDirectory(prefix="greendocs-pdf-") as tmp:
            work = Path(tmp)
            jobs = []
            for model, name in zip(models, names, strict=True):
                spec = self.registry.for_model(model)
                model, extras = spec.rendering(model)
                compiled = self.template_for(spec, "docx")
                context = self.context(spec, model, draft=draft, template=compiled,
                                       extras=extras)
                (work / f"{name}.docx").write_bytes(render_docx(compiled, context, spec.id))
                jobs.append((spec, model, compiled, extras, bool(context["contents"])))
            pdfs = lo.convert_files([work / f"{n}.docx" for n in names], "pdf", work / "1")
            again = []
            for (spec, model, compiled, extras, contents), name, pdf in zip(
                    jobs, names, pdfs, strict=True):
                pages = heading_pages(pdf.read_bytes()) if contents else {}
                if pages:
                    context = self.context(spec, model, draft=draft, pages=pages,
                                           template=compiled, extras=extras)
                    (work / f"{name}.docx").write_bytes(render_docx(compiled, context,
                                                                    spec.id))
                    again.append(name)
            if again:
                lo.convert_files([work / f"{n}.docx" for n in again], "pdf", work / "1")
            return [(work / "1" / f"{n}.pdf").read_bytes() for n in names]

    def render_file(self, model: Any, path: str | os.PathLike[str], fmt: str | None = None, *,
                    template: str | os.PathLike[str] | None = None,
                    inputs: Iterable[str | os.PathLike[str]] = (), draft: bool = False) -> Path:
        """Render and write atomically to *path*; the format defaults to the path's suffix."""
        fmt = fmt or Path(path).suffix.lstrip(".").lower()
        data = self.render(model, fmt, template=template, draft=draft)
        return write_atomic(path, data, inputs=inputs)


__all__ = ["CONVERTED_FORMATS", "FORMATS", "NATIVE_FORMATS", "Renderer"]
