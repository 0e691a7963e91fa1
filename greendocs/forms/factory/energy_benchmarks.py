"""Energy-efficiency benchmark tables as data, and the notice's energy check.

MIIT circular [2022] No. 235 asks that a green factory in a key energy-using industry
reach the benchmark level (标杆水平) of NDRC [2021] No. 1609 (since superseded by
NDRC [2023] No. 723), and that others reach the advanced value (先进值) of the national
energy-consumption limit standard for their product. greendocs ships no figures: load the
edition you are held to from a YAML file (see the README for the format).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from ...errors import FieldError, ValidationError
from ...findings import Finding, Severity
from ...model.data_files import read_yaml_model, user_file
from .model import BenchmarkKind, EnergyEfficiency


@attrs.frozen
class BenchmarkEntry:
    """One product or process of a benchmark table, with its figures."""

    id: str
    area: str
    indicator: str
    unit: str
    #: 标杆水平 (benchmark level)
    benchmark: Decimal | None = None
    #: 基准水平 (baseline level), for information
    baseline: Decimal | None = None
    #: 先进值 of the national energy-consumption limit standard
    advanced: Decimal | None = None
    #: "lower" (energy per unit, the usual case) or "higher" (efficiencies)
    better: str = "lower"

    def reference(self, kind: BenchmarkKind) -> Decimal | None:
        return self.benchmark if kind is BenchmarkKind.BENCHMARK else self.advanced


@attrs.frozen
class BenchmarkTable:
    """A benchmark table: where it comes from and its entries."""

    id: str
    name: str
    source: str
    verified: bool
    entries: tuple[BenchmarkEntry, ...]

    def entry(self, entry_id: str) -> BenchmarkEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


def check_table(table: BenchmarkTable, source: str) -> None:
    """Raise :class:`ValidationError` for ids used twice, entries without a figure, and
    directions other than lower/higher."""
    problems: list[FieldError] = []
    seen: set[str] = set()
    for i, e in enumerate(table.entries):
        if e.id in seen:
            problems.append(FieldError(f"entries[{i}].id", f"{e.id!r} is used twice",
                                       f"{e.id!r}重复使用"))
        seen.add(e.id)
        if e.benchmark is None and e.advanced is None:
            problems.append(FieldError(f"entries[{i}]", "give the benchmark or the advanced "
                                       "value (or both)", "请填写标杆水平或先进值（或两者）"))
        if e.better not in ("lower", "higher"):
            problems.append(FieldError(f"entries[{i}].better", f"{e.better!r} is not "
                                       "'lower' or 'higher'",
                                       f"{e.better!r}应为lower（越低越好）或higher（越高越好）"))
    if problems:
        raise ValidationError(problems, source)


def load_benchmarks(path: str | Path) -> BenchmarkTable:
    """Load and check a benchmark table from a YAML file."""
    return read_yaml_model(path, BenchmarkTable, check_table, "benchmark_table")


def resolve_benchmarks(ref: str) -> BenchmarkTable:
    """The table a report names by path (read once per version of the file)."""
    path = Path(ref)
    if not path.is_file():
        raise ValidationError([FieldError("benchmark_table", f"{ref!r} is not an existing "
                                          "file; name a benchmark table YAML file",
                                          f"{ref!r}不是已有文件；请引用能效标杆数据文件")])
    return user_file(path, BenchmarkTable, check_table, "benchmark_table")


def energy_findings(energy: Sequence[EnergyEfficiency],
                    table: BenchmarkTable | None) -> Iterator[Finding]:
    """The notice's energy-efficiency check, one finding per problem (pure)."""
    if not energy:
        yield Finding("energy-benchmark", Severity.WARNING, "energy",
                      "no energy-efficiency figure is given; the notice compares the factory "
                      "with the benchmark level (key industries) or the advanced value of "
                      "the energy-consumption limit standard",
                      "未填写能效数据；通知要求将工厂能效与标杆水平（重点行业）或能耗限额标准先进值比较")
    for i, e in enumerate(energy):
        where = f"energy[{i}]"
        reference, better, basis = e.reference, "lower", e.reference_source or "as entered"
        if e.entry is not None:
            if table is None:
                yield Finding("energy-benchmark", Severity.WARNING, f"{where}.entry",
                              f"{e.entry!r} names a benchmark entry but the report names no "
                              "benchmark table (benchmark_table)",
                              f"{e.entry!r}引用了能效标杆条目，但报告未引用能效标杆数据文件")
            else:
                found = table.entry(e.entry)
                if found is None:
                    yield Finding("energy-benchmark", Severity.ERROR, f"{where}.entry",
                                  f"{e.entry!r} is not an entry of {table.name}; entries: "
                                  + ", ".join(x.id for x in table.entries),
                                  f"{e.entry!r}不是{table.name}的条目")
                    continue
                if found.unit != e.unit:
                    yield Finding("energy-benchmark", Severity.ERROR, f"{where}.unit",
                                  f"{e.unit!r} differs from the unit of {found.area} in "
                                  f"{table.name} ({found.unit!r})",
                                  f"单位{e.unit!r}与{table.name}中{found.area}的单位"
                                  f"{found.unit!r}不同")
                    continue
                listed = found.reference(e.kind)
                if listed is None:
                    yield Finding("energy-benchmark", Severity.ERROR, f"{where}.kind",
                                  f"{table.name} gives no {e.kind.label} for {found.area}",
                                  f"{table.name}没有{found.area}的{e.kind.label}")
                    continue
                if reference is not None and reference != listed:
                    yield Finding("energy-benchmark", Severity.WARNING, f"{where}.reference",
                                  f"{reference} differs from {table.name}'s {e.kind.label} "
                                  f"for {found.area} ({listed}); the table's figure is used",
                                  f"{reference}与{table.name}中{found.area}的{e.kind.label}"
                                  f"（{listed}）不同；采用表中数值")
                reference, better, basis = listed, found.better, f"{table.name}, {found.area}"
        if reference is None:
            yield Finding("energy-benchmark", Severity.WARNING, f"{where}.reference",
                          f"no {e.kind.label} to compare {e.product} with: name an entry of "
                          "a benchmark table or enter the figure and its source",
                          f"{e.product}没有可比较的{e.kind.label}：请引用能效标杆条目，或填写"
                          "数值及其来源")
            continue
        worse = e.value > reference if better == "lower" else e.value < reference
        if worse:
            yield Finding("energy-benchmark", Severity.ERROR, f"{where}.value",
                          f"{e.indicator} of {e.product} is {e.value} {e.unit}, worse than the "
                          f"{e.kind.label} {reference} {e.unit} ({basis}); the notice asks a "
                          "green factory to reach it",
                          f"{e.product}的{e.indicator}为{e.value}{e.unit}，未达到{e.kind.label}"
                          f"{reference}{e.unit}（{basis}）；通知要求绿色工厂达到该水平")
