"""The provincial roll-up: a folder of completed forms → Attachment 1 and every problem.

Files are read in parallel (one process per core by default); each worker returns only a
small :class:`FileResult`, so memory does not grow with the documents' size. Every input
file appears in the outcome as used, skipped or failed — nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs

from ..engines.libreoffice import LibreOffice
from ..errors import ConversionError, FieldError, NotAFormError, ParseError, ValidationError
from ..findings import Finding, Severity
from ..forms.summary import SummaryTable, check_summary
from ..model.converter import structure
from ..model.introspection import label_path
from ..parsing import Parser, is_word97
from ..types.region import Region
from .agencies import AGENCY_QUOTA, Blacklist, agency_problems
from .entry import AgencyEntry, Category, Role, SummaryEntry
from .problems import KIND_LABELS, Problem, field_errors_zh, in_chinese

#: form rules the roll-up recomputes with the whole batch in view, so their findings in
#: single files are not repeated as problems
RECOMPUTED_RULES = frozenset({"agency-quota"})
WORD97 = (".doc", ".wps")


class FileStatus(enum.StrEnum):
    """What became of an input file."""

    USED = "used"
    SKIPPED = "skipped"
    FAILED = "failed"

    @property
    def label(self) -> str:
        """The status as the workbook's 文件清单 shows it."""
        return _STATUS_LABELS[self]


_STATUS_LABELS = {FileStatus.USED: "已采用", FileStatus.SKIPPED: "已跳过",
                  FileStatus.FAILED: "读取失败"}


@attrs.frozen
class FileResult:
    """What reading one file gave."""

    path: str
    status: FileStatus
    form: str | None = None
    #: the form's Chinese title
    form_zh: str = ""
    kind: str = ""  # for failures: unreadable | invalid
    reason: str = ""
    #: the reason in Chinese, as Attachment 1's 文件清单 prints it
    reason_zh: str = ""
    entry: SummaryEntry | None = None
    #: what an agency's annual work report gives the agency checks
    agency: AgencyEntry | None = None
    findings: tuple[Finding, ...] = ()
    #: the findings' field paths in the labels of the form
    places: Mapping[str, str] = attrs.field(factory=dict)


@attrs.frozen
class RollupResult:
    """Attachment 1, the fate of every file, and the problems found."""

    summary: SummaryTable
    files: tuple[FileResult, ...]
    problems: tuple[Problem, ...]


# -- reading, in worker processes ---------------------------------------------------------

def read_form_file(path: str, parser: Parser | None = None, shown: str | None = None
                   ) -> FileResult:
    """Read one file into a :class:`FileResult` (never raises for a bad file)."""
    parser = parser or Parser()
    name = shown or path
    try:
        parsed = parser.parse_file(path)
    except NotAFormError as exc:
        return FileResult(name, FileStatus.SKIPPED, reason=_short(exc, path),
                          reason_zh=exc.message_zh)
    except ValidationError as exc:
        return FileResult(name, FileStatus.FAILED, kind="invalid",
                          reason="; ".join(str(e) for e in exc.errors),
                          reason_zh=field_errors_zh(exc.errors, exc.model))
    except ParseError as exc:
        return FileResult(name, FileStatus.FAILED, kind="unreadable", reason=_short(exc, path),
                          reason_zh=exc.message_zh)
    except OSError as exc:
        return FileResult(name, FileStatus.FAILED, kind="unreadable", reason=_short(exc, path),
                          reason_zh=f"无法读取文件（{exc.strerror}）")
    spec = parsed.form
    findings = (*((Finding("draft", Severity.ERROR, "", "the document is a draft (its first "
                           "line says so), not a form to hand in",
                           "该文档为草稿（首行注明），不是正式报送材料"),) if parsed.draft else ()),
                *(Finding("unplaced", Severity.WARNING, "", note, note_zh)
                  for note, note_zh in zip(parsed.notes, parsed.notes_zh, strict=True)),
                *spec.rules(parsed.model))
    places = {f.path: label_path(spec.model, f.path) for f in findings}
    if spec.agency_entry is not None:
        return FileResult(name, FileStatus.USED, spec.id, spec.title_zh,
                          agency=spec.agency_entry(parsed.model), findings=findings,
                          places=places)
    if spec.summary_entry is None:
        return FileResult(name, FileStatus.SKIPPED, spec.id, spec.title_zh,
                          reason=f"{spec.title_zh} is not part of the recommendation summary",
                          reason_zh=f"{spec.title_zh}不列入推荐汇总表")
    return FileResult(name, FileStatus.USED, spec.id, spec.title_zh,
                      entry=spec.summary_entry(parsed.model), findings=findings, places=places)


def _short(exc: Exception, path: str) -> str:
    text = str(exc)
    return text[len(path) + 2:] if text.startswith(path + ": ") else text


#: files the roll-up lists but does not read, by what their name says
_NOT_READ = (("~$", "an editor's lock file (~$…), left while a document is open",
              "编辑软件在文档打开期间留下的锁定文件（~$…）"),
             (".", "a hidden file", "隐藏文件"))
#: suffixes of the documents a form can be: an empty one of these is a damaged form
_FORM_SUFFIXES = (".docx", ".odt", ".xlsx", *WORD97)


#: why a file could not be read: in English and in Chinese
Why = tuple[str, str]


def _word97_batch(paths: list[Path], workdir: Path) -> tuple[dict[str, Path], dict[str, Why]]:
    """Convert Word 97 files (.doc/.wps) to .docx with one LibreOffice process; when the
    batch fails, each file again on its own, so a damaged file fails only itself.
    Returns (original → converted, original → why it could not be converted)."""
    converted: dict[str, Path] = {}
    failed: dict[str, Why] = {}
    staged: dict[str, Path] = {}
    for i, p in enumerate(paths):
        target = workdir / f"f{i}.doc"  # .wps too: named .doc so LibreOffice uses Word's filter
        try:
            data = p.read_bytes()
        except OSError as exc:
            failed[str(p)] = (f"cannot read it ({exc.strerror})",
                              f"无法读取文件（{exc.strerror}）")
            continue
        if not is_word97(data):
            continue  # not Word 97 after all: the parser says what it is
        target.write_bytes(data)
        staged[str(p)] = target
    if not staged:
        return converted, failed
    with LibreOffice() as lo:
        try:
            produced = lo.convert_files(list(staged.values()), "docx", workdir / "docx",
                                        input_filter="MS Word 97")
            return dict(zip(staged, produced, strict=True)), failed
        except ConversionError:
            pass
        for original, target in staged.items():
            try:
                converted[original] = lo.convert_files(
                    [target], "docx", workdir / "one", input_filter="MS Word 97",
                    source=Path(original).name)[0]
            except ConversionError as exc:
                reason = str(exc).replace(str(target), Path(original).name)
                failed[original] = (f"LibreOffice could not read it: {reason}",
                                    exc.message_zh or "LibreOffice无法读取该文件")
    return converted, failed


def read_folder(folder: Path, *, workers: int | None = None,
                progress: Callable[[int], object] | None = None) -> Iterator[FileResult]:
    """Every file below *folder* (sorted), read in parallel; results in file order. Lock
    files and hidden files are listed as skipped, with why."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    word97 = [p for p in files if p.suffix.lower() in WORD97 and _read(p)]
    with tempfile.TemporaryDirectory(prefix="greendocs-rollup-") as tmp:
        converted: dict[str, Path] = {}
        failures: dict[str, Why] = {}
        try:
            converted, failures = _word97_batch(word97, Path(tmp))
        except ConversionError as exc:  # LibreOffice missing: every Word 97 file fails
            failures = {str(p): (f"cannot read .doc/.wps: {exc}",
                                 f"无法读取.doc/.wps文件：{exc.message_zh}") for p in word97}
        jobs = [(str(converted.get(str(p), p)), str(p)) for p in files]
        n = workers or os.cpu_count() or 1
        reader = _ChunkReader(failures)
        if n <= 1 or len(jobs) < 8:
            for job in jobs:
                if progress:
                    progress(1)
                yield reader(job)
            return
        with ProcessPoolExecutor(n) as pool:
            chunk = max(1, min(64, len(jobs) // (n * 8)))
            for r in pool.map(reader, jobs, chunksize=chunk):
                if progress:
                    progress(1)
                yield r


def _read(path: Path) -> bool:
    """Whether the roll-up reads *path* at all (lock files and hidden files it lists only)."""
    return not path.name.startswith(tuple(prefix for prefix, _, _ in _NOT_READ))


def _job(job: tuple[str, str], parser: Parser, failures: dict[str, Why]) -> FileResult:
    real, shown = job
    name = Path(shown).name
    for prefix, why, why_zh in _NOT_READ:
        if name.startswith(prefix):
            return FileResult(shown, FileStatus.SKIPPED, reason=f"{why}; not read",
                              reason_zh=f"{why_zh}，未读取")
    if shown in failures:
        reason, reason_zh = failures[shown]
        return FileResult(shown, FileStatus.FAILED, kind="unreadable", reason=reason,
                          reason_zh=reason_zh)
    try:
        size = Path(real).stat().st_size
    except OSError as exc:
        return FileResult(shown, FileStatus.FAILED, kind="unreadable",
                          reason=f"cannot read it ({exc.strerror})",
                          reason_zh=f"无法读取文件（{exc.strerror}）")
    if size == 0:
        if name.lower().endswith(_FORM_SUFFIXES):
            return FileResult(shown, FileStatus.FAILED, kind="unreadable",
                              reason="the file is empty (0 bytes): a form document that was "
                              "not saved or not copied whole",
                              reason_zh="文件为空（0字节）：表单文档未保存或未完整复制")
        return FileResult(shown, FileStatus.SKIPPED, reason="an empty file",
                          reason_zh="空文件")
    return read_form_file(real, parser, shown)


class _ChunkReader:
    """Reads jobs, here or in a worker process. Sent to a worker with each chunk of jobs;
    its parser is made there, once per chunk, so no state outlives a chunk."""

    def __init__(self, failures: dict[str, Why]) -> None:
        self.failures = failures
        self._parser: Parser | None = None

    def __getstate__(self) -> dict[str, Why]:
        return self.failures

    def __setstate__(self, state: dict[str, Why]) -> None:
        self.__init__(state)  # type: ignore[misc]

    def __call__(self, job: tuple[str, str]) -> FileResult:
        if self._parser is None:
            self._parser = Parser()
        return _job(job, self._parser, self.failures)


# -- building the summary -------------------------------------------------------------------

def summarize(folder: str | os.PathLike[str], *, province: str | None = None,
              batch_year: int | None = None, department: str | None = None,
              date: dt.date | None = None, workers: int | None = None,
              progress: Callable[[int], object] | None = None,
              blacklist: Blacklist | None = None) -> RollupResult:
    """Read every form below *folder* and build Attachment 1 with every problem listed.

    *province* defaults to the region most units are in (and says so in the problems);
    *blacklist* lists agencies whose results are refused.
    """
    results = list(read_folder(Path(folder), workers=workers, progress=progress))
    return build_rollup(results, province=province, batch_year=batch_year,
                        department=department, date=date, blacklist=blacklist)


def build_rollup(results: list[FileResult], *, province: str | None = None,
                 batch_year: int | None = None, department: str | None = None,
                 date: dt.date | None = None, blacklist: Blacklist | None = None
                 ) -> RollupResult:
    """Attachment 1 and the problems from already-read files (pure)."""
    problems: list[Problem] = []
    for r in results:
        if r.status is FileStatus.FAILED:
            problems.append(Problem(r.kind or "unreadable", r.path, "", r.reason,
                                    message_zh=in_chinese(r.reason, r.reason_zh)))
        for f in r.findings:
            if f.rule in RECOMPUTED_RULES:
                continue
            if f.rule in ("negative-list", "unplaced", "draft") or \
                    f.severity is Severity.ERROR:
                kind = f.rule if f.rule in KIND_LABELS else "invalid"
                problems.append(Problem(kind, r.path, f.path, f.message, f.severity,
                                        in_chinese(f.message, f.message_zh),
                                        r.places.get(f.path, f.path)))
    used = [r for r in results if r.entry is not None]
    regions = Counter(r.entry.region for r in used if r.entry)
    if province is not None:
        province = str(Region(province))  # 浙江 → 浙江省; an unknown name is refused
    elif not regions:
        raise ValidationError([FieldError(
            "province", "no province given, and none can be inferred: no file of the folder "
            "is a readable application; give the province (--province)",
            "未指定推荐地区，且无法推断：文件夹中没有可读取的申报材料；请指定推荐地区")])
    else:
        province = regions.most_common(1)[0][0]
        if len(regions) > 1:
            problems.append(Problem("province", "", "", f"no province given; taking {province}, "
                                    "where most units are", Severity.WARNING,
                                    f"未指定推荐地区，按多数单位所在地区取{province}"))
    units: dict[tuple[Category, str], list[FileResult]] = defaultdict(list)
    for r in used:
        assert r.entry is not None
        units[(r.entry.category, r.entry.key)].append(r)
    rows: dict[str, list[dict[str, Any]]] = {c.table: [] for c in Category}
    row_files: dict[str, list[str]] = {c.table: [] for c in Category}
    for (category, key), reports in units.items():
        selfs = [r for r in reports if r.entry and r.entry.role is Role.SELF]
        thirds = [r for r in reports if r.entry and r.entry.role is Role.THIRD_PARTY]
        lead_result = (thirds or selfs)[0]
        lead = lead_result.entry
        assert lead is not None
        for group, what, what_zh in ((selfs, "self-evaluation", "自评价报告"),
                                     (thirds, "third-party", "第三方评价报告")):
            if len(group) > 1:
                problems.append(Problem("duplicate", ", ".join(r.path for r in group), "",
                                        f"{lead.name} ({key}) has {len(group)} {what} "
                                        "reports; keep one", Severity.ERROR,
                                        f"{lead.name}（{key}）有{len(group)}份{what_zh}，"
                                        "请保留一份"))
        if thirds and not selfs:
            problems.append(Problem("unmatched-third-party", thirds[0].path, "",
                                    f"third-party report for {lead.name} ({key}) has no "
                                    "matching self-evaluation report", Severity.ERROR,
                                    f"{lead.name}（{key}）的第三方评价报告无对应的自评价报告"))
        if selfs and not thirds and lead.third_party_expected:
            problems.append(Problem("unmatched-self", selfs[0].path, "",
                                    f"self-evaluation of {lead.name} ({key}) has no matching "
                                    "third-party report", Severity.ERROR,
                                    f"{lead.name}（{key}）的自评价报告无对应的第三方评价报告"))
        if lead.region != province:
            problems.append(Problem("foreign-region", lead_result.path, "region",
                                    f"{lead.name} is in {lead.region}, not in {province}; "
                                    "left out of the summary", Severity.ERROR,
                                    f"{lead.name}位于{lead.region}，不属于{province}，"
                                    "未列入汇总表"))
            continue
        rows[category.table].append(dict(lead.row))
        row_files[category.table].append(", ".join(r.path for r in (*selfs, *thirds)))
    for name, table_rows in rows.items():  # design products are listed by standard
        order = sorted(range(len(table_rows)),
                       key=lambda i: str(table_rows[i].get("standard") or ""))
        rows[name] = [table_rows[i] for i in order]
        row_files[name] = [row_files[name][i] for i in order]
    today = date or dt.date.today()
    # a listing counts if it is in force in the batch's year
    on = date or (dt.date(batch_year, 12, 31) if batch_year else today)
    problems += agency_problems(
        [(r.path, r.agency) for r in results if r.agency is not None],
        [(r.path, r.entry) for r in used if r.entry is not None],
        province=province, on=on, blacklist=blacklist)
    data = {
        "province": province, "batch_year": batch_year or today.year,
        "department": department or f"{province}工业和信息化主管部门",
        "date": today.isoformat(), **rows,
    }
    summary = structure(data, SummaryTable, source="summary")
    # The summary's own rules (the park quota, …) over the rows the files gave.
    for finding in check_summary(summary):
        table, _, rest = finding.path.partition("[")
        files = row_files.get(table, [])
        if rest:
            files = [files[int(rest.split("]", 1)[0])]]
        problems.append(Problem(finding.rule, ", ".join(files), finding.path, finding.message,
                                finding.severity, in_chinese(finding.message, finding.message_zh),
                                label_path(SummaryTable, finding.path)))
    return RollupResult(summary, tuple(results), tuple(problems))


__all__ = ["AGENCY_QUOTA", "Blacklist", "FileResult", "FileStatus", "Problem", "RollupResult",
           "build_rollup", "read_folder", "read_form_file", "summarize"]
