"""The ``greendocs`` command line.

Exit codes: 0 success; 1 the input or document has problems (each listed on stderr);
2 usage error; 3 an output, template or converter could not be used.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import attrs
import click

from .engines.formats import FILTERS, FORMATS
from .errors import (
    ConversionError,
    GreenDocsError,
    OutputError,
    ParseError,
    TemplateError,
    UnknownFormError,
    ValidationError,
)
from .findings import Severity, ValidationReport
from .package.atomic_write import write_atomic
from .registry import FormSpec, Registry, default_registry

if TYPE_CHECKING:
    from .engines.libreoffice import LibreOffice
    from .model.data_io import FormInput
    from .parsing import Parser
    from .rendering import Renderer

# The engines (and the parser, the renderer, the roll-up) are imported by the commands that
# use them: a command pays only for what it does.

F = TypeVar("F", bound=Callable[..., Any])

EXIT_PROBLEMS = 1
EXIT_OUTPUT = 3


def _exit_code(exc: GreenDocsError) -> int:
    return EXIT_OUTPUT if isinstance(exc, (OutputError, TemplateError, ConversionError)) \
        else EXIT_PROBLEMS


def _fail(exc: GreenDocsError) -> NoReturn:
    click.echo(f"error: {exc}", err=True)
    sys.exit(_exit_code(exc))


def _check(spec: FormSpec, model: Any, as_json: bool,
           notes: tuple[str, ...] = (), *, where: str = "") -> ValidationReport:
    """Run the form's rules (findings to stderr, each after *where*) and print the model as
    JSON if asked, with the reader's *notes* (``"notes"``) when there are any."""
    report = ValidationReport.of(spec.id, spec.rules(model))
    for finding in report.findings:
        click.echo(f"{where}{finding}", err=True)
    if as_json:
        from .model.converter import unstructure

        out: dict[str, Any] = {"form": spec.id, "data": unstructure(model)}
        if report.findings:
            out["findings"] = [{"rule": f.rule, "severity": f.severity.value, "path": f.path,
                                "message": f.message, "message_zh": f.message_zh}
                               for f in report.findings]
        if notes:
            out["notes"] = list(notes)
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    return report


def _registry(ctx: click.Context) -> Registry:
    reg = ctx.obj
    assert isinstance(reg, Registry)
    return reg


def _load(ctx: click.Context, file: Path, form_id: str | None) -> FormInput:
    from .model.data_io import load_file

    return load_file(file, _registry(ctx), form_id)


def _renderer(ctx: click.Context) -> Renderer:
    from .rendering import Renderer

    return Renderer(_registry(ctx))


def _parser(ctx: click.Context) -> Parser:
    from .parsing import Parser

    return Parser(_registry(ctx))


def _libreoffice() -> LibreOffice:
    from .engines.libreoffice import LibreOffice

    return LibreOffice()


def _form(ctx: click.Context, form_id: str) -> FormSpec:
    try:
        return _registry(ctx).get(form_id)
    except UnknownFormError as exc:
        _fail(exc)


class _Commands(click.Group):
    """The commands; a :class:`GreenDocsError` that one does not report itself (a package
    claiming a form id of another, found when the forms are listed) is reported as one."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GreenDocsError as exc:
            _fail(exc)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="greendocs")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Produce and read back the Green Manufacturing List attachments (MIIT [2022] No. 235)."""
    try:
        registry = default_registry()
    except GreenDocsError as exc:
        _fail(exc)
    ctx.obj = registry

    def warn_unavailable() -> None:  # the forms a command needed that could not be loaded
        for reason in registry.unavailable_so_far():
            click.echo(f"warning: {reason}", err=True)

    ctx.call_on_close(warn_unavailable)
    # warnings (a font missing for the PDF) as the console's other warnings, for this
    # command only: the filters and the printer are put back when it ends
    ctx.with_resource(warnings.catch_warnings())
    warnings.showwarning = _show_warning


def _show_warning(message: Warning | str, category: type[Warning], filename: str,
                  lineno: int, file: object = None, line: str | None = None) -> None:
    click.echo(f"warning: {message}", err=True)


@main.command("forms")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def forms_cmd(ctx: click.Context, as_json: bool) -> None:
    """List the forms greendocs knows."""
    reg = _registry(ctx)
    rows = [{"id": s.id, "attachment": s.attachment, "title_zh": s.title_zh,
             "title_en": s.title_en, "formats": list(s.formats)} for s in reg]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo(f"{r['id']:<26} 附件{r['attachment']:<3} {r['title_zh']}  "
                   f"({', '.join(r['formats'])})")


@main.command("new")
@click.argument("form")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the sample to this file (and its photos beside it) instead of "
              "printing it.")
@click.pass_context
def new_cmd(ctx: click.Context, form: str, output: Path | None) -> None:
    """Print a complete, realistic sample input for FORM (YAML); with -o, write it and
    the photos it names."""
    from .model.data_io import load_sample
    from .model.images import images_of

    spec = _form(ctx, form)
    try:
        text = spec.sample_text()
        photos = [image for _, image in images_of(load_sample(spec, _registry(ctx)).model)]
        if output is None:
            click.echo(text, nl=False)
            if photos:
                click.echo(f"note: this sample names {len(photos)} photo file(s) "
                           f"({', '.join(p.path for p in photos)}); 'greendocs new {form} -o "
                           "FILE' writes them beside FILE", err=True)
            return
        write_atomic(output, text.encode("utf-8"))
        for photo in photos:  # where the sample names them, relative to the file
            write_atomic(output.parent / photo.path, photo.data)
    except GreenDocsError as exc:
        _fail(exc)
    click.echo(f"wrote {output}" + (f" and {len(photos)} photo(s)" if photos else ""))


@main.command("validate")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--form", "form_id", help="The form, when the file does not say it.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the validated model as JSON (the input format).")
@click.pass_context
def validate_cmd(ctx: click.Context, file: Path, form_id: str | None, as_json: bool) -> None:
    """Validate an input FILE (YAML/JSON): every problem is listed; exit 1 if any error."""
    try:
        loaded = _load(ctx, file, form_id)
    except GreenDocsError as exc:
        _fail(exc)
    report = _check(loaded.form, loaded.model, as_json)
    if not report.ok:
        click.echo(f"error: {file}: {len(report.errors)} rule error(s)", err=True)
        sys.exit(EXIT_PROBLEMS)
    if not as_json:
        click.echo(f"{file}: valid {loaded.form.id} ({len(report.warnings)} warning(s))")


@main.command("render")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The document to write; with several FILES, the folder to write them "
              "into (each named after its input: a.yaml → DIR/a.pdf).")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Output format (default: from the output's suffix; needed for a folder).")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path),
              help="A custom .docx template (checked against the form's model).")
@click.option("--form", "form_id", help="The form, when the file does not say it.")
@click.option("--draft", is_flag=True,
              help="A draft to check, not to hand in: says so on its first line and prints "
              "where figures come from and what is unverified.")
@click.pass_context
def render_cmd(ctx: click.Context, files: tuple[Path, ...], output: Path, fmt: str | None,
               template: Path | None, form_id: str | None, draft: bool) -> None:
    """Render input FILES into documents (the official text only, unless --draft). Several
    files go into the folder -o names, PDFs converted by one LibreOffice kept warm."""
    batch = len(files) > 1 or output.is_dir()
    fmt = fmt or ("" if batch else output.suffix.lstrip(".").lower())
    if fmt not in FORMATS:
        raise click.UsageError(
            f"say the format with --format ({', '.join(FORMATS)})" if batch else
            f"cannot tell the format from {output.name!r}; use --format "
            f"({', '.join(FORMATS)})")
    targets = [output / f"{f.stem}.{fmt}" for f in files] if batch else [output]
    if len({t.name for t in targets}) != len(targets):
        raise click.UsageError("two input files have the same name; their documents would "
                               "overwrite each other: render them into different folders")
    renderer = _renderer(ctx)
    codes: list[int] = []  # the exit code of each file not rendered
    loaded: list[tuple[Path, Path, FormInput]] = []
    for file, target in zip(files, targets, strict=True):
        try:
            loaded.append((file, target, _load(ctx, file, form_id)))
        except GreenDocsError as exc:
            codes.append(_report_failure(exc, file, batch))
    with renderer:
        if fmt == "pdf" and template is None and len(loaded) > 1:
            codes += _render_pdfs(renderer, loaded, draft)
        else:
            for file, target, item in loaded:
                try:
                    renderer.render_file(item.model, target, fmt, template=template,
                                         inputs=[file, *([template] if template else [])],
                                         draft=draft)
                except GreenDocsError as exc:
                    codes.append(_report_failure(exc, file, batch))
                    continue
                _wrote(target, item, batch)
    if codes:
        click.echo(f"error: {len(codes)} of {len(files)} file(s) not rendered (see above)",
                   err=True)
        sys.exit(max(codes))


def _render_pdfs(renderer: Renderer, loaded: list[tuple[Path, Path, FormInput]],
                 draft: bool) -> list[int]:
    """The PDFs of *loaded* through one LibreOffice; the exit codes of those that failed
    (each reported)."""
    folder = loaded[0][1].parent
    try:
        renderer.render_pdfs([item.model for _, _, item in loaded], folder,
                             names=[target.stem for _, target, _ in loaded], draft=draft)
    except GreenDocsError:  # one document stopped the batch: each on its own, to say which
        codes = []
        for file, target, item in loaded:
            try:
                renderer.render_file(item.model, target, "pdf", inputs=[file], draft=draft)
            except GreenDocsError as exc:
                codes.append(_report_failure(exc, file, True))
                continue
            _wrote(target, item, True)
        return codes
    for _, target, item in loaded:
        _wrote(target, item, True)
    return []


def _report_failure(exc: GreenDocsError, file: Path, batch: bool) -> int:
    """Report why *file* was not rendered (and exit, for a single file); its exit code."""
    if isinstance(exc, ValidationError) and not exc.source:
        exc = ValidationError(exc.errors, str(file))  # e.g. scores that do not fit
    if not batch:
        _fail(exc)
    click.echo(f"error: {exc}", err=True)
    return _exit_code(exc)


def _wrote(target: Path, item: FormInput, batch: bool) -> None:
    """Say a document is written, with what validate would say of its data, so that a
    report is never handed on without its findings."""
    report = _check(item.form, item.model, as_json=False,
                    where=f"{target.name}: " if batch else "")
    note = f" ({len(report.errors)} rule error(s): see above)" if report.errors else ""
    click.echo(f"wrote {target}{note}")


def _extract_photos(model: Any, document: Path) -> Any:
    """The photos read back from *document*, written as files into
    ``<name>-<format>-images/`` beside it, and the model naming them there (so that the
    JSON saved beside the document renders again)."""
    from .model.images import images_of, map_images, write_images

    photos = [image for _, image in images_of(model) if image.data]
    if not photos:
        return model
    folder = f"{document.stem}-{document.suffix.lstrip('.').lower()}-images"
    model = map_images(model, lambda where, image: attrs.evolve(
        image, path=f"{folder}/{Path(image.path).name}") if image.data else image)
    try:
        written = write_images(model, document.parent)
    except GreenDocsError as exc:
        _fail(exc)
    click.echo(f"wrote {len(written)} photo(s) to {document.parent / folder}", err=True)
    return model


@main.command("parse")
@click.argument("document", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--form", "form_id", help="The form, when the document does not say it.")
@click.option("--json", "as_json", is_flag=True, help="Print the model read back as JSON.")
@click.option("--prefer", type=click.Choice(["first", "last"]),
              help="Where copies of a value disagree (a name on the cover and in a table), "
              "take the first or the last copy in the document instead of failing.")
@click.pass_context
def parse_cmd(ctx: click.Context, document: Path, form_id: str | None, as_json: bool,
              prefer: str | None) -> None:
    """Read a completed DOCUMENT (.docx, .odt, .xlsx, .doc or .wps) back into its form's
    data. Copies of a value that disagree are an error naming each place; text that
    belongs to no field is a warning naming its place."""
    try:
        parsed = _parser(ctx).parse_file(document, form_id, prefer=prefer)
    except (ParseError, ValidationError) as exc:
        _fail(exc)
    if parsed.draft:
        click.echo(f"warning: {document} is a draft (its first line says so): it is not to be "
                   "handed in; render it again without --draft", err=True)
    for note in parsed.notes:
        click.echo(f"warning: {note}", err=True)
    model = _extract_photos(parsed.model, document) if as_json else parsed.model
    report = _check(parsed.form, model, as_json, parsed.notes)
    if not as_json:
        how = ", ".join(f"{n} by {k.replace('_', ' ')}" for k, n in parsed.found_by.items() if n)
        click.echo(f"{document}: {parsed.form.id} ({how})")
    if not report.ok:
        sys.exit(EXIT_PROBLEMS)


@main.command("convert")
@click.argument("documents", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--to", "target", type=click.Choice(sorted(FILTERS)), required=True,
              help="The format to convert to.")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Folder for the converted documents.")
def convert_cmd(documents: tuple[Path, ...], target: str, output: Path) -> None:
    """Convert DOCUMENTS with LibreOffice (one process for the whole batch)."""
    try:
        if any(d.resolve().parent == output.resolve() and d.suffix == f".{target}"
               for d in documents):
            raise OutputError(f"{output}: converting into the inputs' folder would overwrite "
                              "them; choose another output folder")
        with _libreoffice() as lo:
            for produced in lo.convert_files(list(documents), target, output):
                click.echo(f"wrote {produced}")
    except GreenDocsError as exc:
        _fail(exc)


@main.command("summarize")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help="The Attachment 1 workbook (.xlsx) to write.")
@click.option("--docx", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write Attachment 1 as .docx.")
@click.option("--province", help="The submitting region (default: where most units are).")
@click.option("--year", "batch_year", type=int, help="The batch year (default: this year).")
@click.option("--department", help="The recommending department's name.")
@click.option("--workers", type=int, help="Processes to read with (default: one per core).")
@click.option("--agency-blacklist", "blacklist_file",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A YAML list of agencies whose results are refused (README, "
              "'Evaluation agencies', shows its shape).")
@click.pass_context
def summarize_cmd(ctx: click.Context, folder: Path, output: Path, docx: Path | None,
                  province: str | None, batch_year: int | None, department: str | None,
                  workers: int | None, blacklist_file: Path | None) -> None:
    """Build Attachment 1 from a FOLDER of completed forms and list every problem.

    Exit 0 when no error was found (warnings are listed), 1 when errors are listed (the
    workbook is written either way), 3 when the output cannot be written.
    """
    from .forms.agency import load_blacklist
    from .rollup.collect import FileStatus, summarize
    from .rollup.problems import kind_label
    from .rollup.report import write_rollup_xlsx

    blacklist = None
    if blacklist_file is not None:
        try:
            blacklist = load_blacklist(blacklist_file)
        except GreenDocsError as exc:
            _fail(exc)
    if province is not None:
        try:
            from .types.region import Region

            province = str(Region(province))
        except GreenDocsError as exc:
            raise click.BadParameter(str(exc), param_hint="--province") from None
    total = sum(1 for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    with click.progressbar(length=total, label="reading", file=sys.stderr) as bar:
        try:
            result = summarize(folder, province=province, batch_year=batch_year,
                               department=department, workers=workers, progress=bar.update,
                               blacklist=blacklist)
        except ValidationError as exc:
            _fail(ValidationError(exc.errors, str(folder)))
    inputs = [Path(f.path) for f in result.files]  # never write over a file just read
    try:
        write_atomic(output, write_rollup_xlsx(result), inputs=inputs)
        if docx is not None:
            _renderer(ctx).render_file(result.summary, docx, "docx", inputs=inputs)
    except GreenDocsError as exc:
        _fail(exc)
    counts = {s: sum(1 for f in result.files if f.status is s) for s in FileStatus}
    s = result.summary
    click.echo(f"{len(result.files)} files: {counts[FileStatus.USED]} used, "
               f"{counts[FileStatus.SKIPPED]} skipped, {counts[FileStatus.FAILED]} failed; "
               f"{s.province}: {len(s.factories)} factories, {len(s.products)} products, "
               f"{len(s.parks)} parks, "
               f"{len(s.supply_chains)} supply-chain enterprises")
    for p in result.problems:
        where = " ".join(x for x in (p.files, p.path) if x)
        click.echo(f"{p.severity.value}: {kind_label(p.kind)} [{p.kind}] {where}: {p.message}",
                   err=True)
    errors = sum(1 for p in result.problems if p.severity is Severity.ERROR)
    click.echo(f"wrote {output}" + (f" and {docx}" if docx else "") +
               f" ({errors} error(s), {len(result.problems) - errors} warning(s))")
    if errors:
        sys.exit(EXIT_PROBLEMS)


@main.command("schema")
@click.argument("form")
@click.pass_context
def schema_cmd(ctx: click.Context, form: str) -> None:
    """Print the JSON Schema of FORM's input data."""
    spec = _form(ctx, form)
    from .model.schema import json_schema

    click.echo(json.dumps(json_schema(spec), ensure_ascii=False, indent=2))


@main.command("system")
@click.argument("form")
@click.argument("system_id", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the system's YAML file here (to fill in or adapt).")
@click.pass_context
def system_cmd(ctx: click.Context, form: str, system_id: str | None,
               output: Path | None) -> None:
    """List FORM's shipped indicator systems, or print or copy one (SYSTEM_ID).

    Copy a system to adapt it (an industry standard, or the figures the 2025 structure
    leaves to you), then name the copy's path in the report's indicator_system."""
    spec = _form(ctx, form)
    systems = spec.shipped_systems()
    if not systems:
        _fail(UnknownFormError(f"form {spec.id} ships no indicator system"))
    if system_id is None:
        for name in systems:
            click.echo(name)
        return
    if system_id not in systems:
        _fail(UnknownFormError(f"{spec.id} has no shipped system {system_id!r}; systems: "
                               + ", ".join(systems)))
    if output is None:
        click.echo(systems[system_id], nl=False)
        return
    try:
        write_atomic(output, systems[system_id].encode("utf-8"))
    except GreenDocsError as exc:
        _fail(exc)
    click.echo(f"wrote {output}")


@main.command("demo")
@click.option("--samples", "samples", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of sample inputs (default: every registered form's sample).")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True)
@click.pass_context
def demo_cmd(ctx: click.Context, samples: Path | None, output: Path) -> None:
    """Render every sample in every format and read each document back."""
    from .demo import run_demo

    sys.exit(run_demo(_registry(ctx), samples, output, click.echo))


if __name__ == "__main__":  # pragma: no cover
    main()
