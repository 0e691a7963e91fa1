"""Rendering models into documents (.docx, .xlsx), with compiled templates cached."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .docx.template import CompiledDocx, compile_docx, make_environment
from .docx.writer import FORM_PATTERN, render_docx
from .errors import OutputError, TemplateError
from .markers.model_view import Marked, root_context
from .package.atomic_write import write_atomic
from .registry import FormSpec, Registry, default_registry
from .resources import templates_dir
from .template_check import check_template_ast
from .xlsx.writer import render_xlsx

FORMATS = ("docx", "xlsx")


class Renderer:
    """Renders models of a registry's forms. Compiles each template once; thread-safe."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or default_registry()
        self._env = make_environment()
        self._compiled: dict[tuple[str, int, int], CompiledDocx] = {}
        self._lock = threading.Lock()

    def template_for(self, spec: FormSpec, fmt: str = "docx",
                     template: str | os.PathLike[str] | None = None) -> CompiledDocx:
        """The compiled template (the form's own, or the custom *template* file)."""
        if template is None:
            name = spec.templates.get(fmt)
            if name is None:
                raise TemplateError(f"form {spec.id} has no {fmt} template")
            path = templates_dir() / name
        else:
            path = Path(template)
        try:
            st = path.stat()
        except OSError as exc:
            raise TemplateError(f"template {path}: cannot read it ({exc.strerror})") from None
        key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = compile_docx(path.read_bytes(), str(path), self._env)
            if template is not None:
                self._check(compiled, spec)
            with self._lock:
                compiled = self._compiled.setdefault(key, compiled)
        return compiled

    def _check(self, compiled: CompiledDocx, spec: FormSpec) -> None:
        problems: list[str] = []
        for part, src in compiled.sources:
            ast = self._env.parse(src)
            problems += check_template_ast(ast, spec.model, frozenset(spec.context_names),
                                           f"{compiled.source}: {part}")
        if problems:
            raise TemplateError(f"template {compiled.source} does not fit form {spec.id}:\n  "
                                + "\n  ".join(problems))

    def check_template(self, form_id: str, template: str | os.PathLike[str]) -> None:
        """Raise :class:`TemplateError` if *template* uses names the form's model lacks."""
        self.template_for(self.registry.get(form_id), "docx", template)

    def context(self, spec: FormSpec, model: Any) -> dict[str, Any]:
        """The template context: the model's fields as marked views, plus the form's extras."""
        ctx = root_context(model)
        ctx.update(spec.context(model))
        ctx["form_title"] = Marked(spec.title_zh, FORM_PATTERN, (), spec.title_zh)
        return ctx

    def render(self, model: Any, fmt: str = "docx", *,
               template: str | os.PathLike[str] | None = None) -> bytes:
        """The bytes of *model* rendered as *fmt* (``docx`` or ``xlsx``)."""
        spec = self.registry.for_model(model)
        if fmt == "xlsx":
            return render_xlsx(spec, model)
        if fmt != "docx":
            raise OutputError(f"cannot render {fmt!r}; formats: {', '.join(FORMATS)}")
        compiled = self.template_for(spec, fmt, template)
        return render_docx(compiled, self.context(spec, model), spec.id)

    def render_file(self, model: Any, path: str | os.PathLike[str], fmt: str | None = None, *,
                    template: str | os.PathLike[str] | None = None,
                    inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
        """Render and write atomically to *path*; the format defaults to the path's suffix."""
        fmt = fmt or Path(path).suffix.lstrip(".").lower()
        data = self.render(model, fmt, template=template)
        return write_atomic(path, data, inputs=inputs)


__all__ = ["FORMATS", "Renderer"]
