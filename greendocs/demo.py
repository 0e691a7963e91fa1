"""The main job: render every sample in every format, read each back, print a verdict."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from .engines.libreoffice import INSTALL_HINT, LibreOffice
from .errors import GreenDocsError
from .findings import ValidationReport
from .model.data_io import FormInput, load_file, load_sample
from .model.images import without_photo_bytes, write_images
from .parsing import Parser
from .registry import Registry
from .rendering import Renderer


def _samples(registry: Registry, folder: Path | None
             ) -> Iterator[tuple[str, Path | None, Callable[[], FormInput]]]:
    """(name, file, loader) of each sample: the files of *folder*, or every form's own."""
    if folder is not None:
        for path in sorted(p for p in folder.iterdir()
                           if p.suffix in (".yaml", ".yml", ".json")):
            yield path.stem, path, functools.partial(load_file, path, registry)
        return
    for spec in registry:
        yield spec.id, None, functools.partial(load_sample, spec, registry)


def run_demo(registry: Registry, samples: Path | None, output: Path,
             echo: Callable[[str], object] = print) -> int:
    """Render and read back every sample (the forms' own, or those in the folder
    *samples*); one line per document. Returns the exit code."""
    renderer, parser = Renderer(registry), Parser(registry)
    with_lo = LibreOffice.available()
    if not with_lo:
        echo(f"note: LibreOffice not found, so no .pdf or .doc: {INSTALL_HINT}")
    failures = 0
    found = list(_samples(registry, samples))
    if not found:
        echo(f"no samples in {samples}")
        return 1
    for name, sample, load in found:
        try:
            loaded = load()
        except GreenDocsError as exc:
            echo(f"FAIL {name}: {exc}")
            failures += 1
            continue
        # the photos beside the documents, as they are beside the input (a workbook lists
        # its photos by their files)
        write_images(loaded.model, output)
        report = ValidationReport.of(loaded.form.id, loaded.form.rules(loaded.model))
        note = f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
        for fmt in (*loaded.form.formats, *(["doc", "pdf"] if with_lo else [])):
            target = output / f"{name}.{fmt}"
            try:
                renderer.render_file(loaded.model, target, fmt, inputs=[sample] if sample else ())
                if fmt == "pdf":
                    echo(f"ok   {target}  附件{loaded.form.attachment} "
                         f"{loaded.form.title_zh}: {pdf_pages(target.read_bytes())} page(s)")
                    continue
                parsed = parser.parse_file(target)
            except GreenDocsError as exc:
                echo(f"FAIL {target}: {exc}")
                failures += 1
                continue
            expected = loaded.form.as_rendered(loaded.model)
            same = parsed.model == expected
            if not same and fmt == "doc":  # LibreOffice re-encodes photos in Word 97 files
                same = without_photo_bytes(parsed.model) == without_photo_bytes(expected)
            failures += not same
            how = ", ".join(f"{n} by {k.replace('_', ' ')}"
                            for k, n in parsed.found_by.items() if n)
            verdict = "ok  " if same else "FAIL"
            echo(f"{verdict} {target}  附件{loaded.form.attachment} {loaded.form.title_zh}: "
                 f"{'read back equal' if same else 'read back DIFFERENT'} ({how}); "
                 f"rules: {note}")
    echo(f"{'all documents read back equal' if not failures else f'{failures} failure(s)'}")
    return 1 if failures else 0


def pdf_pages(pdf: bytes) -> int:
    """The number of pages of a PDF: its page objects (a /Count may be a bookmark's)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
