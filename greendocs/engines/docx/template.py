"""Compiling a .docx template once: clean the Jinja tags, wrap values in markers, compile.

docxtpl's tag clean-up (tags split across runs, ``{%tr %}`` row loops) is applied first;
then every ``{{ expression }}`` inside a run is rewritten into a call that writes the value
as its own run inside a bookmark and a content control, with the original run formatting.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Any

import attrs
import jinja2
from jinja2 import meta

from ...errors import TemplateError
from ...markers.model_view import Site
from ...package.safe_zip import read_members
from ...package.zip_writer import ZipMember, reuse_compressed
from ..template_paths import resolve_paths, site_at

_TEMPLATE_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_RUN = re.compile(
    r"<w:r(?: [^>]*)?>(?P<rpr><w:rPr>(?:(?!</w:rPr>).)*</w:rPr>|<w:rPr/>)?"
    r"<w:t(?: [^>]*)?>(?P<text>(?:(?!</w:t>).)*)</w:t></w:r>",
    re.DOTALL,
)
_EXPR = re.compile(r"{{(.*?)}}", re.DOTALL)
_STATEMENT = re.compile(r"{%.*?%}|{#.*?#}", re.DOTALL)
#: a paragraph-level expression that writes a block of its own (a narrative's table): it
#: writes XML, escaping every text in it
_RAW_BLOCK = re.compile(r"\|\s*gdtable\s*$")


#: the text's width and height in twips on A4 with GB/T 9704's margins
A4_TEXT_BOX = (8845, 12756)


@attrs.frozen
class CompiledDocx:
    """A template ready to render: static parts precompressed, dynamic parts compiled."""

    source: str
    parts: tuple[tuple[str, ZipMember | jinja2.Template], ...]
    run_props: tuple[str, ...]
    sources: tuple[tuple[str, str], ...]  # (part, Jinja source) for checks and errors
    #: compiled outside the sandbox: a form's own template, whose output its model's
    #: limits bound (a user's template is rendered with its output bounded as it goes)
    trusted: bool = False
    #: the text's width and height in twips (the page less its margins): a narrative's
    #: tables and photos are sized to it
    text_box: tuple[int, int] = A4_TEXT_BOX
    #: the parts a render adds photos to: the document's relationships, the content types
    package: tuple[tuple[str, bytes], ...] = ()
    #: the names the template takes from its context (what a render need not compute
    #: when the template does not use it: the 目录's entries), None when not known
    names: frozenset[str] | None = None
    #: the model's top-level fields the template reads as they are, its paths resolved
    #: when it was compiled (:mod:`~greendocs.engines.template_paths`; the others as views)
    plain: frozenset[str] = frozenset()
    #: where the template reads views of the model (the ``gdat`` filter's sites)
    sites: tuple[Site, ...] = ()


def _patch(xml: str) -> str:
    # docxtpl's patch_xml is a pure string transform that never touches ``self``; docxtpl
    # (and python-docx with it) is imported only when a template is prepared, never for a
    # form whose prepared template ships with it
    from docxtpl import DocxTemplate

    patched: str = DocxTemplate.patch_xml(None, xml)
    return patched


def prepare_docx(data: bytes, source: str, env: jinja2.Environment | None = None, *,
                 model: type | None = None,
                 reserved: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The Jinja source of each dynamic part of the template *data* (tags cleaned, values
    wrapped in markers) and the run formatting the markers refer to, with the template's
    SHA-256: what :func:`compile_docx` compiles, as JSON-ready data. With *env* (not
    sandboxed), also the Python code Jinja compiles each part to, for this version of
    Jinja — with the paths in *model* resolved, when it is given (as :func:`compile_docx`
    resolves them). Built-in forms ship it (``<id>.docx.json``), so a fresh process renders
    without preparing or compiling the template."""
    members = _members(data, source)
    run_props: list[str] = []
    parts = {name: _jinja_source(name, raw, source, run_props)
             for name, raw in members.items() if is_dynamic_part(name, raw)}
    from ..template_env import make_environment  # (it imports this package's filters)

    names = context_names(parts.values(), env if env is not None else make_environment())
    prepared: dict[str, Any] = {"sha256": hashlib.sha256(data).hexdigest(),
                                "run_props": run_props, "parts": parts,
                                "names": None if names is None else sorted(names)}
    if env is not None and not _sandboxed(env):
        templates, _, plain, sites = _compiled_parts(env, parts, source, model, reserved)
        prepared["python"] = {"jinja2": jinja2.__version__,
                              "parts": {name: env.compile(ast, name, raw=True)
                                        for name, ast in templates.items()}}
        if model is not None:
            prepared["python"]["paths"] = None if plain is None else {
                "plain": sorted(plain), "sites": [[s.kind, s.pattern] for s in sites]}
    return prepared


def _compiled_parts(env: jinja2.Environment, parts: dict[str, str], source: str,
                    model: type | None, reserved: frozenset[str]
                    ) -> tuple[dict[str, jinja2.nodes.Template], frozenset[str],
                               frozenset[str] | None, tuple[Site, ...]]:
    """Each part parsed, and the names the parts take from their context; with the paths
    in *model* resolved when it is given and they can be (then also the names read
    plainly and the sites read as views; else None)."""
    asts: dict[str, jinja2.nodes.Template] = {}
    for name, src in parts.items():
        try:
            asts[name] = env.parse(src)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"template {source}: {name}: Jinja syntax error: {exc.message} near "
                f"{_context_text(src, exc.lineno)!r}") from None
    names = frozenset().union(*map(meta.find_undeclared_variables, asts.values()))
    resolved = resolve_paths(asts, model, reserved) if model is not None else None
    if resolved is None:
        return asts, names, None, ()
    return resolved.parts, names, resolved.plain, resolved.sites


def context_names(sources: Iterable[str], env: jinja2.Environment) -> frozenset[str] | None:
    """The names Jinja *sources* take from their context (in *env*, which has the
    filters they call); None when they cannot be parsed (compiling them says why)."""
    try:
        return frozenset().union(*(meta.find_undeclared_variables(env.parse(src))
                                   for src in sources))
    except jinja2.TemplateError:
        return None


def _sandboxed(env: jinja2.Environment) -> bool:
    return bool(getattr(env, "sandboxed", False))


def _from_python(env: jinja2.Environment, prepared: dict[str, Any] | None,
                 name: str, source: str, *, resolved: bool = False) -> jinja2.Template | None:
    """The part *name* from the Python code Jinja compiled it to when the template was
    prepared: only for the same version of Jinja, an environment that is not sandboxed
    (a sandbox compiles its own checks into the code) and code whose paths are resolved
    if and only if they are to be (*resolved*)."""
    python = prepared.get("python") if prepared else None
    if (not isinstance(python, dict) or python.get("jinja2") != jinja2.__version__
            or _sandboxed(env) or name not in python.get("parts", {})
            or ("paths" in python) != resolved):
        return None
    code = compile(python["parts"][name], f"{source}: {name}", "exec")
    return env.template_class.from_code(env, code, env.make_globals(None))


def _members(data: bytes, source: str) -> dict[str, bytes]:
    try:
        members = read_members(data, source)
    except Exception as exc:
        raise TemplateError(f"template {source}: {exc}") from None
    if "word/document.xml" not in members:
        raise TemplateError(f"template {source}: not a Word document (no word/document.xml)")
    return members


def is_dynamic_part(name: str, raw: bytes) -> bool:
    """Whether the part *name* of a template holds Jinja tags (it is rendered; the others
    are copied)."""
    return bool(_TEMPLATE_PART.match(name)) and (b"{{" in raw or b"{%" in raw)


def _jinja_source(name: str, raw: bytes, source: str, run_props: list[str]) -> str:
    try:
        xml = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise TemplateError(f"template {source}: {name} is not UTF-8") from None
    return inject_markers(_patch(xml), run_props)


def inject_markers(xml: str, run_props: list[str]) -> str:
    """Rewrite each value expression: inside a run into a marker call keeping the run's
    formatting, elsewhere into an escaping filter. No expression is output unescaped."""
    index: dict[str, int] = {p: i for i, p in enumerate(run_props)}

    def rewrite(m: re.Match[str]) -> str:
        text = m.group("text")
        if "{{" not in text:
            return m.group(0)
        rpr = m.group("rpr") or ""
        if rpr not in index:
            index[rpr] = len(run_props)
            run_props.append(rpr)
        n = index[rpr]
        out: list[str] = []
        pos = 0
        for e in _EXPR.finditer(text):
            out.append(_literal(rpr, text[pos:e.start()]))
            out.append(f"{{{{ ({e.group(1).strip()})|gdmark({n}) }}}}")
            pos = e.end()
        out.append(_literal(rpr, text[pos:]))
        return "".join(out)

    xml = _RUN.sub(rewrite, xml)
    # Any expression left outside a run (an attribute value, say) is escaped as text.
    return _EXPR.sub(_escape_rest, xml)


def _escape_rest(m: re.Match[str]) -> str:
    expr = m.group(1).strip()
    if "|gdmark(" in expr or _RAW_BLOCK.search(expr):
        return m.group(0)
    return f"{{{{ ({expr})|gdtext }}}}"


def _literal(rpr: str, text: str) -> str:
    """The text of a run around its expressions: statements (``{% … %}``) as they are,
    every other character — a space or a U+3000 between two values included — in a run
    of its own with the run's formatting."""
    out: list[str] = []
    pos = 0
    for m in _STATEMENT.finditer(text):
        if m.start() > pos:
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{text[pos:m.start()]}</w:t></w:r>')
        out.append(m.group(0))
        pos = m.end()
    if pos < len(text):
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{text[pos:]}</w:t></w:r>')
    return "".join(out)


def compile_docx(data: bytes, source: str, env: jinja2.Environment,
                 prepared: dict[str, Any] | None = None, *, model: type | None = None,
                 reserved: frozenset[str] = frozenset()) -> CompiledDocx:
    """Compile the template *data* (the bytes of a .docx) once for many renders; with
    *prepared* (:func:`prepare_docx` of these very bytes) without preparing it again.
    With the form's *model*, the paths the template reads in it are resolved
    (:mod:`~greendocs.engines.template_paths`; *reserved*: the names the render's context
    gives besides the model's fields)."""
    members = _members(data, source)
    if prepared is not None and prepared.get("sha256") != hashlib.sha256(data).hexdigest():
        prepared = None  # made for another version of the template
    static = reuse_compressed(data, {name: raw for name, raw in members.items()
                                     if not is_dynamic_part(name, raw)})
    run_props: list[str] = list(prepared["run_props"]) if prepared else []
    sources = {name: (prepared["parts"][name] if prepared and name in prepared["parts"]
                      else _jinja_source(name, raw, source, run_props))
               for name, raw in members.items() if is_dynamic_part(name, raw)}
    resolved = model is not None
    shipped = {name: _from_python(env, prepared, name, source, resolved=resolved)
               for name in sources}
    names: frozenset[str] | None = None
    plain: frozenset[str] | None = None
    sites: tuple[Site, ...] = ()
    templates: dict[str, jinja2.Template] = {}
    if sources and all(t is not None for t in shipped.values()):
        templates = {name: t for name, t in shipped.items() if t is not None}
        paths = prepared["python"].get("paths") if prepared else None
        if model is not None and paths is not None:
            plain = frozenset(paths["plain"])
            sites = tuple(site_at(model, kind, pattern) for kind, pattern in paths["sites"])
    elif sources:
        asts, names, plain, sites = _compiled_parts(env, sources, source, model, reserved)
        try:
            templates = _templates(env, asts, sources, source)
        except SyntaxError:  # resolved paths Python cannot compile (a bug): views, as before
            asts, names, plain, sites = _compiled_parts(env, sources, source, None, reserved)
            templates = _templates(env, asts, sources, source)
    parts = tuple((name, templates[name] if name in templates else static[name])
                  for name in members)
    package = tuple((n, members[n]) for n in (RELS_PART, CONTENT_TYPES_PART) if n in members)
    if names is None:  # the shipped code's: as prepared
        listed = prepared.get("names") if prepared else None
        names = frozenset(listed) if isinstance(listed, list) else \
            context_names(sources.values(), env)
    return CompiledDocx(source, parts, tuple(run_props), tuple(sources.items()),
                        trusted=not _sandboxed(env),
                        text_box=text_box(members["word/document.xml"]), package=package,
                        names=names, plain=plain or frozenset(), sites=sites)


def _templates(env: jinja2.Environment, asts: dict[str, jinja2.nodes.Template],
               sources: dict[str, str], source: str) -> dict[str, jinja2.Template]:
    templates: dict[str, jinja2.Template] = {}
    for name, ast in asts.items():
        try:
            templates[name] = env.from_string(ast)
        except jinja2.TemplateSyntaxError as exc:  # an unknown filter or test, say
            raise TemplateError(
                f"template {source}: {name}: Jinja syntax error: {exc.message} near "
                f"{_context_text(sources[name], exc.lineno)!r}") from None
    return templates


#: the parts a render adds photos to
RELS_PART, CONTENT_TYPES_PART = "word/_rels/document.xml.rels", "[Content_Types].xml"
_PAGE = re.compile(rb'<w:pgSz\b[^>]*?w:w="(\d+)"[^>]*?w:h="(\d+)"')
_MARGIN = re.compile(rb'<w:pgMar\b([^>]*)/>')


def text_box(document: bytes) -> tuple[int, int]:
    """The text's width and height in twips: the (last) section's page less its margins;
    A4 with GB/T 9704's margins when the document does not say."""
    pages, margins = _PAGE.findall(document), _MARGIN.findall(document)
    if not pages or not margins:
        return A4_TEXT_BOX
    width, height = (int(x) for x in pages[-1])
    sides = dict(re.findall(rb'w:(top|bottom|left|right)="(-?\d+)"', margins[-1]))
    return (width - int(sides.get(b"left", 0)) - int(sides.get(b"right", 0)),
            height - abs(int(sides.get(b"top", 0))) - abs(int(sides.get(b"bottom", 0))))


def _context_text(src: str, lineno: int | None) -> str:
    lines = src.splitlines()
    if not lineno or lineno > len(lines):
        return ""
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1])
    return text[:120]


def template_names(compiled: CompiledDocx, env: jinja2.Environment) -> dict[str, Any]:
    """Parsed Jinja ASTs of the dynamic parts, by part name (for the model check)."""
    return {name: env.parse(src) for name, src in compiled.sources}
