"""Benchmark: ``python -m greendocs.bench [--repeat N] [--pdf-docs N] [--rollup N ...]``.

Every case is timed in this one process, interleaved with what it is compared with, on the
same template and data, and reported as median and minimum; each ratio with its target.
A report, not a test: it ends with every target missed and exits 1 if one was.

- warm .docx (Attachment 6 sample, 1,000 indicator rows, the Attachment 2-1 report scored
  on each render) against docxtpl used the common way (``DocxTemplate`` from the path,
  render, save, every time) and against the floor: the same template's parts cached, its
  document compiled by Jinja once and rendered with the model, zipped (no markers);
- writing to disk: the atomic write's fsync and rename, apart;
- .xlsx against openpyxl's write-only mode writing the same cells; .odt against the .docx
  of the same content; output sizes against docxtpl's; peak memory by rows;
- reading back; a fresh process (``import greendocs``, ``greendocs render`` against a
  minimal docxtpl script); PDFs through one warm LibreOffice; optionally the roll-up.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import jinja2

from .engines.docx.template import is_dynamic_part
from .forms.factory_dynamic import KeyIndicator
from .model.data_io import load_sample
from .model.flat_data import iter_leaves
from .package.atomic_write import write_atomic
from .package.safe_zip import read_members
from .package.zip_writer import ZipMember, build_zip, reuse_compressed
from .parsing import Parser
from .registry import FormSpec, Registry, default_registry
from .rendering import Renderer
from .types.credit_code import check_character
from .types.year_series import YearSeries


@attrs.frozen
class Timing:
    median: float  # ms
    minimum: float


@attrs.frozen
class Target:
    """A ratio and the bound it must keep: ``ratio <= bound`` (or ``>=`` when *at_least*)."""

    case: str
    ratio: float
    bound: float
    at_least: bool = False

    @property
    def met(self) -> bool:
        return self.ratio >= self.bound if self.at_least else self.ratio <= self.bound

    def __str__(self) -> str:
        sign = "≥" if self.at_least else "≤"
        return f"{self.case}: {self.ratio:.2f} (target {sign} {self.bound:g})"


class Report:
    """The report's lines and its targets."""

    def __init__(self) -> None:
        self.targets: list[Target] = []

    def section(self, title: str) -> None:
        print(f"\n{title}")

    def line(self, case: str, *cells: str) -> None:
        print(f"  {case:<40}" + "".join(f"{c:>18}" for c in cells))

    def target(self, case: str, ratio: float, bound: float, *, at_least: bool = False) -> str:
        t = Target(case, ratio, bound, at_least)
        self.targets.append(t)
        return f"{ratio:.2f} {'≥' if at_least else '≤'} {bound:g} {'ok' if t.met else 'MISSED'}"


def _fmt(t: Timing) -> str:
    return f"{t.median:.2f} / {t.minimum:.2f}"


def time_interleaved(fns: Sequence[Callable[[], object]], repeat: int) -> list[Timing]:
    """Each of *fns* run *repeat* times, in turn (so that load falls on all alike), after
    one warm-up run each; ms."""
    for fn in fns:
        fn()
    runs: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, times in zip(fns, runs, strict=True):
            t0 = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t0) * 1000)
    return [Timing(statistics.median(r), min(r)) for r in runs]


def _template_file(spec: FormSpec) -> Path:
    """The form's shipped template as a file, for docxtpl's common use (from a path)."""
    return Path(str(resources.files(spec.package).joinpath(f"{spec.id}.docx")))


def with_rows(model: Any, rows: int) -> Any:
    """*model* with *rows* key-indicator rows (the sample's rows, then generated ones)."""
    years = model.years
    extra = [KeyIndicator(code="other", name=f"附加指标{i}", unit="t",  # type: ignore[arg-type]
                          values=YearSeries(tuple((y, Decimal(i + k)) for k, y in
                                                  enumerate(years))))
             for i in range(max(0, rows - len(model.indicators)))]
    return attrs.evolve(model, indicators=(*model.indicators, *extra)[:rows])


def _plain_context(spec: FormSpec, model: Any) -> dict[str, Any]:
    """What docxtpl is given: the model's fields, the form's extras, the title."""
    ctx = {a.name: getattr(model, a.name) for a in attrs.fields(type(model))}
    ctx.update(spec.context(model), form_title=spec.title_zh)
    return ctx


def plain_environment() -> jinja2.Environment:
    """Jinja as docxtpl uses it, with the narrative filters the forms' templates name
    doing the least: a block's kind, its text; no picture, no table."""
    from .engines.blocks import kind_filter

    env = jinja2.Environment(autoescape=True)
    env.filters.update(gdkind=kind_filter, gdrich=str, gdcaption=str,
                       gdimage=lambda value: "", gdtable=lambda value: "",
                       gdrows=lambda value: value)
    return env


def docxtpl_common(template: Path, context: dict[str, Any]) -> bytes:
    """docxtpl as it is commonly used: the template opened from its path for each
    document, rendered, saved."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))
    tpl.render(context, plain_environment(), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


class Floor:
    """The least any template engine does for a document: the template's parts cached, its
    document compiled by Jinja once (docxtpl's tag clean-up) and rendered, zipped."""

    def __init__(self, template: Path) -> None:
        from docxtpl import DocxTemplate

        data = template.read_bytes()
        members = read_members(data, template.name)
        static = reuse_compressed(data, {n: b for n, b in members.items()
                                         if not is_dynamic_part(n, b)})
        env = plain_environment()
        self.parts: list[ZipMember | tuple[str, jinja2.Template]] = [
            static[n] if n in static else
            (n, env.from_string(DocxTemplate.patch_xml(None, b.decode("utf-8"))))
            for n, b in members.items()]

    def render(self, context: dict[str, Any]) -> bytes:
        return build_zip(p if isinstance(p, ZipMember) else
                         ZipMember.of(p[0], p[1].render(context).encode("utf-8"), level=1)
                         for p in self.parts)


def openpyxl_write_only(spec: FormSpec, model: Any) -> bytes:
    """openpyxl's write-only mode writing the cells the form's sheet holds."""
    from openpyxl import Workbook

    from .engines.xlsx.writer import HEADER, _cell_value

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(spec.title_zh[:31])
    ws.append(HEADER)
    for leaf in iter_leaves(model):
        ws.append((" / ".join(leaf.labels), _cell_value(leaf.value), leaf.unit, leaf.path))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def bench_docx(report: Report, reg: Registry, repeat: int) -> None:
    renderer = Renderer(reg)
    report.section(f"warm .docx (ms, median / min of {repeat}; ratios of medians)")
    report.line("case", "greendocs", "docxtpl", "floor", "docxtpl/ours", "ours/floor")
    for form, rows, at_least in (("factory-dynamic", None, 10), ("factory-dynamic", 1000, 6),
                                 ("factory-self", None, 10)):
        spec = reg.get(form)
        model = load_sample(spec, reg).model
        if rows:
            model = with_rows(model, rows)
        template = _template_file(spec)
        context = _plain_context(spec, spec.as_rendered(model))
        floor = Floor(template)
        ours, theirs, least = time_interleaved(
            [functools.partial(renderer.render, model, "docx"),
             functools.partial(docxtpl_common, template, context),
             functools.partial(floor.render, context)], repeat)
        case = f"{form}{f', {rows:,} rows' if rows else ' sample'}"
        report.line(case, _fmt(ours), _fmt(theirs), _fmt(least),
                    report.target(f"docxtpl / greendocs, {case}",
                                  theirs.median / ours.median, at_least, at_least=True),
                    report.target(f"greendocs / floor, {case}", ours.median / least.median,
                                  1.5))
    # writing: the atomic write's fsync and rename, measured apart (they stay: durability)
    spec = reg.get("factory-dynamic")
    data = renderer.render(load_sample(spec, reg).model, "docx")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "a6.docx"
        atomic, plain = time_interleaved(
            [functools.partial(write_atomic, target, data),
             functools.partial((Path(tmp) / "plain.docx").write_bytes, data)], repeat)
    report.line("write the sample: atomic (fsync, rename)", _fmt(atomic))
    report.line("write the sample: plain write", _fmt(plain))


def bench_formats(report: Report, reg: Registry, repeat: int) -> None:
    renderer = Renderer(reg)
    spec = reg.get("factory-dynamic")
    base = load_sample(spec, reg).model
    report.section(f".xlsx, .odt, sizes (ms, median / min of {repeat})")
    report.line("case", "greendocs", "compared", "", "ratio")
    for rows in (len(base.indicators), 1000):
        model = with_rows(base, rows)
        shown = spec.as_rendered(model)
        ours, theirs = time_interleaved(
            [functools.partial(renderer.render, model, "xlsx"),
             functools.partial(openpyxl_write_only, spec, shown)], repeat)
        report.line(f".xlsx, {rows:,} rows (openpyxl write-only)", _fmt(ours), _fmt(theirs),
                    "", report.target(f".xlsx / openpyxl write-only, {rows:,} rows",
                                      ours.median / theirs.median, 1.5))
        odt, docx = time_interleaved(
            [functools.partial(renderer.render, model, "odt"),
             functools.partial(renderer.render, model, "docx")], repeat)
        report.line(f".odt, {rows:,} rows (.docx)", _fmt(odt), _fmt(docx), "",
                    report.target(f".odt / .docx, {rows:,} rows", odt.median / docx.median,
                                  2.0))
    report.line("output size (bytes)", "greendocs", "docxtpl", "", "ratio")
    for rows in (len(base.indicators), 1000):
        model = with_rows(base, rows)
        ours_size = len(renderer.render(model, "docx"))
        theirs_size = len(docxtpl_common(_template_file(spec),
                                         _plain_context(spec, spec.as_rendered(model))))
        report.line(f".docx, {rows:,} rows", f"{ours_size:,}", f"{theirs_size:,}", "",
                    report.target(f".docx size / docxtpl's, {rows:,} rows",
                                  ours_size / theirs_size, 1.5))
    report.line("peak memory of one render (MB)", "1,000 rows", "5,000 rows", "per row (KB)")
    for fmt in ("docx", "odt", "xlsx"):
        peaks = []
        for rows in (1000, 5000):
            model = with_rows(base, rows)
            renderer.render(model, fmt)  # compiled
            tracemalloc.start()
            renderer.render(model, fmt)
            peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
            tracemalloc.stop()
        report.line(f".{fmt}", f"{peaks[0]:.1f}", f"{peaks[1]:.1f}",
                    f"{(peaks[1] - peaks[0]) * 1024 / 4000:.1f}")


def bench_parse(report: Report, reg: Registry, repeat: int) -> None:
    renderer, parser = Renderer(reg), Parser(reg)
    report.section(f"reading back (ms, median / min of {repeat})")
    spec = reg.get("factory-dynamic")
    base = load_sample(spec, reg).model
    for label, model in (("factory-dynamic sample", base),
                         ("factory-dynamic, 1,000 rows", with_rows(base, 1000)),
                         ("factory-self sample", load_sample(reg.get("factory-self"),
                                                             reg).model)):
        docx, xlsx = renderer.render(model, "docx"), renderer.render(model, "xlsx")
        t_docx, t_xlsx = time_interleaved([functools.partial(parser.parse, docx),
                                           functools.partial(parser.parse, xlsx)], repeat)
        report.line(f"parse .docx, {label}", _fmt(t_docx))
        report.line(f"parse .xlsx, {label}", _fmt(t_xlsx))


def bench_cold_start(report: Report, spec: FormSpec, repeat: int) -> None:
    """Fresh processes, interleaved: ``import greendocs``, and ``greendocs render`` of the
    sample against a minimal docxtpl script rendering the same template from the same
    YAML (its Jinja told that the rows' ``gdrows`` filter is the list itself)."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "a6.yaml"
        data.write_text(spec.sample_text(), encoding="utf-8")
        script = ("import sys, jinja2, yaml; from docxtpl import DocxTemplate; "
                  "data = yaml.safe_load(open(sys.argv[1], encoding='utf-8'))['data']; "
                  "data['years'] = [data['reporting_year'] - 2 + i for i in range(3)]; "
                  "env = jinja2.Environment(); env.filters['gdrows'] = lambda rows: rows; "
                  "t = DocxTemplate(sys.argv[2]); t.render(data, env); t.save(sys.argv[3])")
        # as installed: modules byte-compiled (the first run writes what is missing)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        commands = {
            "import": [sys.executable, "-c", "import greendocs"],
            "greendocs": [sys.executable, "-m", "greendocs", "render", str(data), "-o",
                          str(Path(tmp) / "ours.docx")],
            "docxtpl": [sys.executable, "-c", script, str(data), str(_template_file(spec)),
                        str(Path(tmp) / "theirs.docx")],
            "python": [sys.executable, "-c", "pass"]}

        def run(cmd: list[str]) -> None:
            subprocess.run(cmd, capture_output=True, check=True, env=env)

        timings = dict(zip(commands, time_interleaved(
            [functools.partial(run, c) for c in commands.values()], repeat), strict=True))
    report.section(f"fresh process (ms, median / min of {repeat})")
    report.line("python -c pass", _fmt(timings["python"]))
    imported = Timing(timings["import"].median - timings["python"].median,
                      timings["import"].minimum - timings["python"].minimum)
    report.line("import greendocs (less the interpreter)", _fmt(imported), "",
                report.target("import greendocs, ms", imported.median, 80))
    report.line("greendocs render (CLI)", _fmt(timings["greendocs"]))
    report.line("docxtpl minimal script", _fmt(timings["docxtpl"]), "",
                report.target("fresh greendocs render / docxtpl script",
                              timings["greendocs"].median / timings["docxtpl"].median, 1.0))


def bench_pdf(report: Report, reg: Registry, documents: int) -> None:
    from .engines.libreoffice import LibreOffice, find_soffice, find_uno_python

    report.section(f"PDF: {documents} Attachment 6 documents through one LibreOffice")
    soffice = find_soffice()
    if soffice is None or find_uno_python(soffice) is None:
        report.line("skipped: needs LibreOffice and python3-uno")
        return
    model = load_sample(reg.get("factory-dynamic"), reg).model
    with LibreOffice() as lo, tempfile.TemporaryDirectory() as tmp:
        renderer = Renderer(reg, libreoffice=lo)
        t0 = time.perf_counter()
        renderer.render_pdfs([model], tmp, names=["first"])
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        renderer.render_pdfs([model] * documents, tmp,
                             names=[f"d{i}" for i in range(documents)])
        each = (time.perf_counter() - t0) / documents
    report.line("first document (LibreOffice starting)", f"{first:.2f} s")
    report.line("each document, warm", f"{each:.3f} s", "",
                report.target("warm PDF, s per document", each, 0.2))


def _rollup_folder(folder: Path, units: int) -> None:
    """*units* supply-chain enterprises, each with a self and a third-party report."""
    reg = default_registry()
    self_report = load_sample(reg.get("supply-chain-self"), reg).model
    third = load_sample(reg.get("supply-chain-third-party"), reg).model
    renderer = Renderer(reg)
    for n in range(units):
        first17 = f"91330600MA{n:07d}"
        e = attrs.evolve(self_report.enterprise, credit_code=first17 + check_character(first17),
                         name=f"示例纺织{n}号有限公司")
        sub = folder / f"city{n % 10}"
        sub.mkdir(exist_ok=True)
        (sub / f"{n:05d}-self.docx").write_bytes(
            renderer.render(attrs.evolve(self_report, enterprise=e)))
        (sub / f"{n:05d}-third.docx").write_bytes(
            renderer.render(attrs.evolve(third, enterprise=e)))


def bench_rollup(report: Report, sizes: list[int], workers: int) -> None:
    """Time ``summarize`` over folders of generated forms; peak memory per process."""
    report.section(f"roll-up (summarize), {workers} worker processes")
    report.line("forms", "seconds", "forms/s", "peak MB")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            _rollup_folder(Path(tmp), n // 2)
            # a fresh interpreter per size, so peak memory is that run's alone
            code = ("import sys, time, resource; from greendocs.rollup import summarize; "
                    "t = time.perf_counter(); r = summarize(sys.argv[1], province='浙江省', "
                    f"workers={workers}); "
                    "print(time.perf_counter() - t, len(r.files), len(r.problems), "
                    "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
                    "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
            out = subprocess.run([sys.executable, "-c", code, tmp], capture_output=True,
                                 text=True, check=True).stdout.split()
            seconds, files = float(out[0]), int(out[1])
            peak = max(int(out[3]), int(out[4])) / 1024
            report.line(f"{files:,}", f"{seconds:.1f}", f"{files / seconds:.0f}", f"{peak:.0f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=15, help="timed runs per case")
    ap.add_argument("--pdf-docs", type=int, default=20,
                    help="documents converted to PDF by one warm LibreOffice (0: none)")
    ap.add_argument("--rollup", type=int, nargs="*", metavar="FORMS",
                    help="also time the roll-up over this many generated forms "
                    "(e.g. --rollup 1000 5000)")
    ap.add_argument("--workers", type=int, default=2, help="processes for the roll-up")
    args = ap.parse_args(argv)
    reg = default_registry()
    report = Report()
    load = os.getloadavg()[0]
    print(f"greendocs benchmark: {os.cpu_count()} CPUs, load average {load:.2f} at the start")
    bench_docx(report, reg, args.repeat)
    bench_formats(report, reg, args.repeat)
    bench_parse(report, reg, args.repeat)
    bench_cold_start(report, reg.get("factory-dynamic"), max(11, args.repeat))
    if args.pdf_docs:
        bench_pdf(report, reg, args.pdf_docs)
    if args.rollup:
        bench_rollup(report, args.rollup, args.workers)
    print(f"\nload average {os.getloadavg()[0]:.2f} at the end (started at {load:.2f})")
    missed = [t for t in report.targets if not t.met]
    print(f"{len(report.targets) - len(missed)} of {len(report.targets)} targets met")
    for t in missed:
        print(f"TARGET MISSED: {t}")
    if missed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
