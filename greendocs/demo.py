"""The main job: render every sample in every format, read each back, print a verdict."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from .data_io import load_file
from .errors import GreenDocsError
from .findings import ValidationReport
from .libreoffice import INSTALL_HINT, LibreOffice
from .parsing import Parser
from .registry import Registry
from .rendering import Renderer


def run_demo(registry: Registry, samples: Path, output: Path,
             echo: Callable[[str], object] = print) -> int:
    """Render and read back every sample; one line per document. Returns the exit code."""
    renderer, parser = Renderer(registry), Parser(registry)
    with_lo = LibreOffice.available()
    if not with_lo:
        echo(f"note: LibreOffice not found, so no .pdf or .doc: {INSTALL_HINT}")
    failures = 0
    files = sorted(p for p in samples.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
    if not files:
        echo(f"no samples in {samples}")
        return 1
    for sample in files:
        try:
            loaded = load_file(sample, registry)
        except GreenDocsError as exc:
            echo(f"FAIL {sample.name}: {exc}")
            failures += 1
            continue
        report = ValidationReport.of(loaded.form.id, loaded.form.rules(loaded.model))
        note = f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
        for fmt in (*loaded.form.formats, *(["doc", "pdf"] if with_lo else [])):
            target = output / f"{sample.stem}.{fmt}"
            try:
                renderer.render_file(loaded.model, target, fmt, inputs=[sample])
                if fmt == "pdf":
                    echo(f"ok   {target}  附件{loaded.form.attachment} "
                         f"{loaded.form.title_zh}: {pdf_pages(target.read_bytes())} page(s)")
                    continue
                parsed = parser.parse_file(target)
            except GreenDocsError as exc:
                echo(f"FAIL {target}: {exc}")
                failures += 1
                continue
            same = parsed.model == loaded.form.as_rendered(loaded.model)
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
    """The number of pages of a PDF (the page tree root's count)."""
    return max((int(n) for n in re.findall(rb"/Count\s+(\d+)", pdf)), default=0)
