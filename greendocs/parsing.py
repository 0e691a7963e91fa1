"""Reading completed documents (.docx, .xlsx) back into models."""

from __future__ import annotations

import os
from collections.abc import Container, Mapping
from pathlib import Path
from typing import Any, Protocol

import attrs

from .engines.docx.reader import read_docx_values
from .engines.libreoffice import LibreOffice
from .engines.odt.reader import read_odt_values
from .engines.xlsx.reader import read_xlsx_values
from .errors import ConversionError, NotAFormError, ParseError, UnknownFormError
from .markers.bookmark_names import fill_pattern, parse_bookmark, pattern_key
from .markers.labels import normalise_label
from .model.converter import structure
from .model.flat_data import unflatten
from .model.introspection import LeafPath, leaf_paths
from .model.value_text import cell_to_data, text_to_data
from .package.safe_zip import DEFAULT_LIMITS
from .registry import FormSpec, Registry, default_registry


class MarkedValues(Protocol):
    """What a document reader gives the parser (see ``docx.reader`` and ``odt.reader``)."""

    @property
    def form_id(self) -> str | None: ...
    @property
    def by_bookmark(self) -> dict[str, str]: ...
    @property
    def first_paragraphs(self) -> tuple[str, ...]: ...
    def by_tag(self, skip: Container[str] = ()) -> dict[str, str]: ...
    def by_label(self) -> dict[str, str]: ...


@attrs.frozen
class ParsedDocument:
    """A document read back: its form, its model, and how each value was found."""

    form: FormSpec
    model: Any
    source: str
    format: str
    #: how many values were found by "bookmark", "content_control", "label", "cell"
    found_by: Mapping[str, int]


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _stream_named(data: bytes, name: str) -> bool:
    # OLE directory entries hold their names in UTF-16LE
    return name.encode("utf-16-le") + b"\x00\x00" in data


def is_word97(data: bytes) -> bool:
    """Whether *data* is a Word 97 document (.doc; WPS Writer's .wps too): an OLE compound
    file with a ``WordDocument`` stream — not an Excel workbook or a thumbnail cache."""
    return data.startswith(OLE_MAGIC) and _stream_named(data, "WordDocument")


def detect_format(data: bytes, source: str) -> str:
    """``docx``, ``xlsx``, ``odt`` or ``doc`` (Word 97, also .wps) from the content, never
    from the file name."""
    if data.startswith(OLE_MAGIC):
        if is_word97(data):
            return "doc"
        if _stream_named(data, "Workbook") or _stream_named(data, "Book"):
            raise NotAFormError(f"{source}: an Excel 97 workbook (.xls), not a form; forms are "
                                "read from .xlsx (save it as .xlsx if it is one)",
                                zh="Excel 97工作簿（.xls），不是表单；表单从.xlsx读取"
                                "（如是表单请另存为.xlsx）")
        raise NotAFormError(f"{source}: an OLE compound file that is not a Word document "
                            "(a thumbnail cache, say); not a form",
                            zh="不是Word文档的OLE复合文件（如缩略图缓存）；不是表单")
    if not data.startswith(b"PK"):
        raise NotAFormError(f"{source}: not a form document (.docx, .odt, .xlsx, .doc or "
                            ".wps); it is not an Office file",
                            zh="不是表单文档（.docx、.odt、.xlsx、.doc或.wps）；不是Office文件")
    head = data[:65536]
    if head[30:38] == b"mimetype" and b"application/vnd.oasis.opendocument" in head[:200]:
        return "odt"
    if b"word/" in head or b"word/document.xml" in data[-65536:]:
        return "docx"
    if b"xl/" in head or b"xl/workbook.xml" in data[-65536:]:
        return "xlsx"
    if b"application/vnd.oasis.opendocument" in head:
        return "odt"
    return "docx"  # let the docx reader give the precise error


class Parser:
    """Reads documents of a registry's forms back into models. Thread-safe, no shared state.

    Word 97 files (.doc, and WPS Writer's .wps, which are the same binary format) are
    converted to .docx by LibreOffice first.
    """

    def __init__(self, registry: Registry | None = None,
                 libreoffice: LibreOffice | None = None) -> None:
        self.registry = registry or default_registry()
        self._libreoffice = libreoffice

    def parse_file(self, path: str | os.PathLike[str], form_id: str | None = None
                   ) -> ParsedDocument:
        """Read the document at *path*."""
        p = Path(path)
        try:
            size = p.stat().st_size
            if size > DEFAULT_LIMITS.max_archive_bytes:
                raise ParseError(f"{p}: the file is {size:,} bytes; the limit is "
                                 f"{DEFAULT_LIMITS.max_archive_bytes:,}",
                                 zh=f"文件大小为{size:,}字节，超过上限"
                                 f"{DEFAULT_LIMITS.max_archive_bytes:,}字节")
            data = p.read_bytes()
        except OSError as exc:
            raise ParseError(f"{p}: cannot read it ({exc.strerror})",
                             zh=f"无法读取文件（{exc.strerror}）") from None
        return self.parse(data, str(p), form_id=form_id)

    def parse(self, data: bytes, source: str = "<document>", *, form_id: str | None = None
              ) -> ParsedDocument:
        """Read a document from its bytes; *source* names it in errors."""
        fmt = detect_format(data, source)
        if fmt == "docx":
            return self._parse_marked(read_docx_values(data, source), source, fmt, form_id)
        if fmt == "odt":
            return self._parse_marked(read_odt_values(data, source), source, fmt, form_id)
        if fmt == "xlsx":
            return self._parse_xlsx(data, source, form_id)
        # Word 97 binary (.doc; WPS Writer's .wps is the same format). Name the input .doc
        # and force the Word filter, so LibreOffice never takes a .wps for Works.
        kind = "wps" if source.lower().endswith(".wps") else "doc"
        try:
            lo = self._libreoffice or LibreOffice()
            docx = lo.convert(data, ".doc", "docx", input_filter="MS Word 97", source=source)
        except ConversionError as exc:
            raise ParseError(f"{source}: a .{kind} file is read through LibreOffice: "
                             f"{exc}", zh=f"经LibreOffice读取.{kind}文件失败") from None
        parsed = self._parse_marked(read_docx_values(docx, source), source, kind, form_id)
        return attrs.evolve(parsed, format=kind)

    def _parse_marked(self, values: MarkedValues, source: str, fmt: str,
                      form_id: str | None) -> ParsedDocument:
        spec = self._identify(values, source, form_id)
        keys = {pattern_key(leaf.pattern): leaf for leaf in leaf_paths(spec.model)}
        found: dict[str, str] = {}
        counts = {"bookmark": 0, "content_control": 0, "label": 0}
        self._collect(values.by_bookmark, keys, found, counts, "bookmark")
        # Content controls only where a bookmark was lost (they hold the same values).
        self._collect(values.by_tag(skip=values.by_bookmark), keys, found, counts,
                      "content_control")
        missing = [leaf for leaf in leaf_paths(spec.model)
                   if "[]" not in leaf.pattern and leaf.pattern not in found]
        if missing:
            labels = values.by_label()
            for leaf in missing:
                text = labels.get(normalise_label(leaf.labels[-1]))
                if text is not None and _label_unique(spec.model, leaf):
                    found[leaf.pattern] = text
                    counts["label"] += 1
        return self._build(spec, found, source, fmt, counts,
                           lambda raw, leaf: text_to_data(raw, leaf.type, leaf.optional))

    @staticmethod
    def _collect(table: Mapping[str, str], keys: Mapping[str, LeafPath], found: dict[str, str],
                 counts: dict[str, int], kind: str) -> None:
        for name, text in table.items():
            parsed = parse_bookmark(name)
            if parsed is None or parsed[0] not in keys:
                continue
            path = fill_pattern(keys[parsed[0]].pattern, parsed[1])
            if path is not None and path not in found:
                found[path] = text
                counts[kind] += 1

    def _parse_xlsx(self, data: bytes, source: str, form_id: str | None) -> ParsedDocument:
        for spec in self.registry:
            if spec.xlsx is not None and form_id in (None, spec.id) and spec.xlsx.claims(data):
                model = spec.xlsx.read(data, source)
                return ParsedDocument(spec, model, source, "xlsx", {"table": 1})
        found_form, found = read_xlsx_values(data, source)
        spec = self._get(form_id or found_form, source)
        return self._build(spec, found, source, "xlsx", {"cell": len(found)},
                           lambda raw, leaf: cell_to_data(raw, leaf.type, leaf.optional))

    def _build(self, spec: FormSpec, found: Mapping[str, Any], source: str, fmt: str,
               counts: Mapping[str, int], convert: Any) -> ParsedDocument:
        if not found:
            raise NotAFormError(f"{source}: no {spec.id} values found (no greendocs markers, "
                                "no matching labels)",
                                zh=f"未找到{spec.title_zh}的任何填写内容（没有greendocs标记，也没有"
                                "相符的栏目名称）")
        data, _unknown = unflatten(spec.model, found, convert)
        model: Any = structure(data, spec.model, source=source)
        return ParsedDocument(spec, model, source, fmt, dict(counts))

    def _get(self, form_id: str | None, source: str) -> FormSpec:
        if form_id is None:
            raise NotAFormError(f"{source}: cannot tell which form this is (no form "
                                "marker); name it with --form",
                                zh="无法判断是哪种表单（没有表单标记）")
        try:
            return self.registry.get(form_id)
        except UnknownFormError as exc:
            raise ParseError(f"{source}: {exc}", zh="不是已安装的表单类型") from None

    def _identify(self, values: MarkedValues, source: str, form_id: str | None) -> FormSpec:
        if form_id or values.form_id:
            return self._get(form_id or values.form_id, source)
        for text in values.first_paragraphs:
            spec = self.registry.by_title(text)
            if spec is not None:
                return spec
        # Last resort: the form whose field keys the document's markers match best.
        names = set(values.by_bookmark) | set(values.by_tag())
        found_keys = {p[0] for p in map(parse_bookmark, names) if p}
        best, score = None, 0
        for spec in self.registry:
            keys = {pattern_key(leaf.pattern) for leaf in leaf_paths(spec.model)}
            hits = len(keys & found_keys)
            if hits > score:
                best, score = spec, hits
        if best is None:
            raise NotAFormError(f"{source}: not a greendocs form: no form marker, no known "
                                "title, no field markers",
                                zh="不是greendocs表单：没有表单标记、已知标题或字段标记")
        return best


def _label_unique(model: type, leaf: LeafPath) -> bool:
    last = leaf.labels[-1]
    return sum(1 for other in leaf_paths(model) if other.labels[-1] == last) == 1

