"""Benchmark: ``python -m greendocs.bench [--repeat N]``.

Renders the Attachment 6 sample and a version with 1,000 indicator rows, with greendocs
(template compiled once per process) and with docxtpl used the common way (construct
``DocxTemplate`` from the path, render, save, every time) on the same template and data,
in one process, and prints medians and ratios; the same for the Attachment 2-1 report
sample (scored on every render). Also times reading the documents back.
"""

from __future__ import annotations

import argparse
import functools
import io
import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
from docxtpl import DocxTemplate

from .forms.factory_dynamic import KeyIndicator
from .model.data_io import load_sample
from .parsing import Parser
from .registry import FormSpec, default_registry
from .rendering import Renderer
from .types.credit_code import check_character
from .types.year_series import YearSeries


def _template_file(spec: FormSpec) -> Path:
    """The form's shipped template as a file, for docxtpl's common use (from a path)."""
    return Path(str(resources.files(spec.package).joinpath(f"{spec.id}.docx")))


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up (compiles the template once for greendocs)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def with_rows(model: Any, rows: int) -> Any:
    """*model* with *rows* key-indicator rows (the sample's rows, then generated ones)."""
    years = model.years
    extra = [KeyIndicator(code="other", name=f"附加指标{i}", unit="t",  # type: ignore[arg-type]
                          values=YearSeries(tuple((y, Decimal(i + k)) for k, y in
                                                  enumerate(years))))
             for i in range(max(0, rows - len(model.indicators)))]
    return attrs.evolve(model, indicators=(*model.indicators, *extra)[:rows])


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


def bench_rollup(sizes: list[int], workers: int) -> None:
    """Time ``summarize`` over folders of generated forms; peak memory per process."""
    import subprocess
    import sys
    import tempfile

    print(f"\nroll-up (summarize), {workers} worker processes")
    print(f"{'forms':>8}{'seconds':>10}{'forms/s':>10}{'peak MB (largest process)':>28}")
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
            print(f"{files:>8}{seconds:>10.1f}{files / seconds:>10.0f}{peak:>28.0f}")


def bench_cold_start(spec: FormSpec, repeat: int) -> list[str]:
    """Fresh processes, interleaved: ``import greendocs``, and ``greendocs render`` of the
    sample against a minimal docxtpl script rendering the same template from the same YAML.
    Returns the targets missed."""
    import os
    import subprocess
    import sys
    import tempfile

    missed = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "a6.yaml"
        data.write_text(spec.sample_text(), encoding="utf-8")
        template = _template_file(spec)
        script = ("import sys, yaml; from docxtpl import DocxTemplate; "
                  "data = yaml.safe_load(open(sys.argv[1], encoding='utf-8'))['data']; "
                  "data['years'] = [data['reporting_year'] - 2 + i for i in range(3)]; "
                  "t = DocxTemplate(sys.argv[2]); t.render(data); t.save(sys.argv[3])")
        runs: dict[str, list[float]] = {"import": [], "greendocs": [], "docxtpl": []}
        # as installed: modules byte-compiled (the first run writes what is missing)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run([sys.executable, "-m", "greendocs", "render", str(data), "-o",
                        str(Path(tmp) / "warm.docx")], capture_output=True, env=env)
        for _ in range(repeat):
            out = subprocess.run([sys.executable, "-c", "import time; t = time.perf_counter(); "
                                  "import greendocs; print(time.perf_counter() - t)"],
                                 capture_output=True, text=True, check=True, env=env).stdout
            runs["import"].append(float(out) * 1000)
            for name, cmd in (
                    ("greendocs", [sys.executable, "-m", "greendocs", "render", str(data), "-o",
                                   str(Path(tmp) / "ours.docx")]),
                    ("docxtpl", [sys.executable, "-c", script, str(data), str(template),
                                 str(Path(tmp) / "theirs.docx")])):
                t0 = time.perf_counter()
                subprocess.run(cmd, capture_output=True, check=True, env=env)
                runs[name].append((time.perf_counter() - t0) * 1000)
    med = {k: statistics.median(v) for k, v in runs.items()}
    low = {k: min(v) for k, v in runs.items()}
    print(f"\ncold start (fresh processes, median / min of {repeat}, ms; load "
          f"{os.getloadavg()[0]:.2f})")
    print(f"{'import greendocs':<28}{med['import']:>11.1f}{low['import']:>11.1f}"
          f"{'target ≤ 80':>16}")
    ratio = med["greendocs"] / med["docxtpl"]
    print(f"{'greendocs render (CLI)':<28}{med['greendocs']:>11.1f}{low['greendocs']:>11.1f}")
    print(f"{'docxtpl minimal script':<28}{med['docxtpl']:>11.1f}{low['docxtpl']:>11.1f}")
    print(f"{'ratio greendocs / docxtpl':<28}{ratio:>11.2f}{'':>11}{'target ≤ 1.00':>16}")
    if med["import"] > 80:
        missed.append(f"import greendocs takes {med['import']:.0f} ms (target ≤ 80)")
    if ratio > 1.0:
        missed.append(f"a cold render takes {ratio:.2f}× the docxtpl script (target ≤ 1.0)")
    return missed


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=15, help="timed runs per case")
    ap.add_argument("--rollup", type=int, nargs="*", metavar="FORMS",
                    help="also time the roll-up over this many generated forms "
                    "(e.g. --rollup 1000 5000)")
    ap.add_argument("--workers", type=int, default=2, help="processes for the roll-up")
    args = ap.parse_args(argv)
    reg = default_registry()
    spec = reg.get("factory-dynamic")
    base = load_sample(spec, reg).model
    template = _template_file(spec)
    renderer, parser = Renderer(reg), Parser(reg)

    def docxtpl_common(model: Any) -> bytes:
        tpl = DocxTemplate(str(template))
        ctx = {a.name: getattr(model, a.name) for a in attrs.fields(type(model))}
        ctx.update(years=model.years, form_title=spec.title_zh)
        tpl.render(ctx, autoescape=True)
        buf = io.BytesIO()
        tpl.save(buf)
        return buf.getvalue()

    print(f"greendocs benchmark: {spec.id}, median of {args.repeat} runs (ms)")
    print(f"{'case':<28}{'greendocs':>11}{'docxtpl':>11}{'ratio':>9}")
    results = {}
    for label, rows in (("sample (11 rows)", len(base.indicators)), ("1,000 indicator rows", 1000)):
        model = with_rows(base, rows)
        ours = _median_ms(functools.partial(renderer.render, model, "docx"), args.repeat)
        theirs = _median_ms(functools.partial(docxtpl_common, model), args.repeat)
        results[rows] = (ours, theirs)
        print(f"{'render docx, ' + label:<28}{ours:>11.2f}{theirs:>11.2f}{theirs / ours:>8.1f}×")
    (n_small, (small_ours, small_theirs)), (n_big, (big_ours, big_theirs)) = results.items()
    per_row_ours = (big_ours - small_ours) / (n_big - n_small) * 1000
    per_row_theirs = (big_theirs - small_theirs) / (n_big - n_small) * 1000
    print(f"{'cost per added row (µs)':<28}{per_row_ours:>11.1f}{per_row_theirs:>11.1f}"
          f"{per_row_theirs / per_row_ours:>8.1f}×")
    for label, rows in (("sample", len(base.indicators)), ("1,000 rows", 1000)):
        model = with_rows(base, rows)
        docx = renderer.render(model, "docx")
        xlsx = renderer.render(model, "xlsx")
        t_parse = _median_ms(functools.partial(parser.parse, docx), args.repeat)
        t_xlsx = _median_ms(functools.partial(renderer.render, model, "xlsx"), args.repeat)
        t_xparse = _median_ms(functools.partial(parser.parse, xlsx), args.repeat)
        print(f"{'parse docx, ' + label:<28}{t_parse:>11.2f}")
        print(f"{'render xlsx, ' + label:<28}{t_xlsx:>11.2f}")
        print(f"{'parse xlsx, ' + label:<28}{t_xparse:>11.2f}")
    bench_report(reg, args.repeat)
    missed = bench_cold_start(spec, max(5, args.repeat // 2))
    if args.rollup:
        bench_rollup(args.rollup, args.workers)
    for line in missed:
        print(f"TARGET MISSED: {line}")
    if missed:
        raise SystemExit(1)


def bench_report(reg: Any, repeat: int) -> None:
    """The Attachment 2-1 sample: 64 scored requirements, the score card computed on
    each render; docxtpl gets the same context (score card included) precomputed."""
    spec = reg.get("factory-self")
    model = spec.as_rendered(load_sample(spec, reg).model)
    template = _template_file(spec)
    renderer, parser = Renderer(reg), Parser(reg)
    context = {a.name: getattr(model, a.name) for a in attrs.fields(type(model))}
    context.update(spec.context(model), form_title=spec.title_zh)

    def docxtpl_common() -> bytes:
        tpl = DocxTemplate(str(template))
        tpl.render(context, autoescape=True)
        buf = io.BytesIO()
        tpl.save(buf)
        return buf.getvalue()

    ours = _median_ms(functools.partial(renderer.render, model, "docx"), repeat)
    theirs = _median_ms(docxtpl_common, repeat)
    print(f"{'render docx, factory-self':<28}{ours:>11.2f}{theirs:>11.2f}{theirs / ours:>8.1f}×")
    docx = renderer.render(model, "docx")
    print(f"{'parse docx, factory-self':<28}"
          f"{_median_ms(functools.partial(parser.parse, docx), repeat):>11.2f}")
    print(f"{'score, factory-self':<28}"
          f"{_median_ms(functools.partial(spec.context, model), repeat):>11.2f}")


if __name__ == "__main__":
    main()
