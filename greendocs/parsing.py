"""Reading completed documents (.docx, .xlsx) back into models."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Container, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from .engines.converter_slot import ConverterSlot, KeepsLibreOffice
from .engines.docx.reader import read_docx_values
from .engines.libreoffice import LibreOffice
from .engines.odt.reader import read_odt_values
from .engines.xlsx.reader import read_xlsx_values
from .errors import (
    ConversionError,
    FieldError,
    GreenDocsError,
    NotAFormError,
    ParseError,
    UnknownFormError,
    ValidationError,
)
from .layout.elements import DRAFT_BANNER
from .layout.template_text import template_text
from .markers.bookmark_names import fill_pattern, parse_bookmark, pattern_key
from .markers.labels import normalise_label
from .markers.outline import Outline, Place
from .markers.read_back import (
    PREFERENCES,
    ReadBack,
    TemplateText,
    read_back,
    refill_cells,
    unplaced,
    widen,
)
from .model.converter import structure
from .model.flat_data import unflatten
from .model.images import READ_BACK, attach_read_back, images_of, read_images
from .model.introspection import LeafPath, leaf_paths
from .model.value_text import cell_to_data, text_to_data
from .package.safe_zip import DEFAULT_LIMITS
from .registry import FormSpec, Registry, default_registry

if TYPE_CHECKING:
    from .rendering import Renderer


class MarkedValues(Protocol):
    """What a document reader gives the parser (see ``docx.reader`` and ``odt.reader``)."""

    @property
    def form_id(self) -> str | None: ...
    @property
    def outline(self) -> Outline: ...
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
    #: what the reader should know: which copy was taken where copies disagreed, text that
    #: belongs to no field (and so was not read)
    notes: tuple[str, ...] = ()
    #: the notes in Chinese
    notes_zh: tuple[str, ...] = ()
    #: where each value was read (field path → place), for .docx and .odt
    places: Mapping[str, Place] = attrs.field(factory=dict, repr=False)
    #: whether the document is a draft (``render(..., draft=True)``: its first line says
    #: so), which is not to be handed in
    draft: bool = False


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _listed_photos(parsed: ParsedDocument, folder: Path | None) -> ParsedDocument:
    """A workbook lists a narrative's photos (their files and captions) but holds none:
    each is read from its file relative to the workbook's *folder* where there is one,
    else a note says it is missing."""
    listed = [(where, image) for where, image in images_of(parsed.model) if not image.data]
    if not listed:
        return parsed
    model = parsed.model
    if folder is not None:
        with contextlib.suppress(ValidationError):
            model = read_images(model, folder, parsed.source)
    missing = [(where, image) for where, image in images_of(model) if not image.data]
    return attrs.evolve(
        parsed, model=model,
        notes=(*parsed.notes, *(f"{where}: the workbook lists the photo {image.path} "
                                "(a workbook holds no pictures); its file was not found "
                                "next to it, so the photo cannot be rendered again"
                                for where, image in missing)),
        notes_zh=(*parsed.notes_zh, *(f"{where}：工作簿只列出图片{image.path}，未找到该文件，"
                                      "无法重新生成" for where, image in missing)))


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


class Parser(KeepsLibreOffice):
    """Reads documents of a registry's forms back into models. Thread-safe, no shared state.

    Word 97 files (.doc, and WPS Writer's .wps, which are the same binary format) are
    converted to .docx by LibreOffice first: the *libreoffice* given, else one the parser
    starts when first needed and keeps warm (unless *keep_libreoffice* is false: then one
    per call); :meth:`close` (or a ``with`` block) stops it.
    """

    def __init__(self, registry: Registry | None = None,
                 libreoffice: LibreOffice | None = None, *,
                 keep_libreoffice: bool = True) -> None:
        self.registry = registry if registry is not None else default_registry()
        self._office = ConverterSlot(libreoffice, keep=keep_libreoffice)
        self._texts: dict[str, TemplateText] = {}
        self._rendering: Renderer | None = None

    def _template_text(self, spec: FormSpec) -> TemplateText:
        """What the form's layout prints itself (nothing for a form without a layout)."""
        found = self._texts.get(spec.id)
        if found is None:
            found = self._texts.setdefault(spec.id, template_text(spec.layout())
                                           if spec.layout is not None else TemplateText())
        return found

    def parse_file(self, path: str | os.PathLike[str], form_id: str | None = None, *,
                   prefer: str | None = None) -> ParsedDocument:
        """Read the document at *path* (see :meth:`parse`)."""
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
        return self.parse(data, str(p), form_id=form_id, prefer=prefer)

    def parse(self, data: bytes, source: str = "<document>", *, form_id: str | None = None,
              prefer: str | None = None) -> ParsedDocument:
        """Read a document from its bytes; *source* names it in errors.

        A value printed in several places is read from each; copies that disagree are a
        :class:`ValidationError` naming the field, the places and the values, unless
        *prefer* (``"first"`` or ``"last"``, in document order) says which copy wins —
        then :attr:`ParsedDocument.notes` says which was taken.
        """
        if prefer is not None and prefer not in PREFERENCES:
            raise ValueError(f"prefer must be one of {PREFERENCES}, not {prefer!r}")
        fmt = detect_format(data, source)
        if fmt == "docx":
            return self._parse_marked(read_docx_values(data, source), source, fmt, form_id,
                                      prefer)
        if fmt == "odt":
            return self._parse_marked(read_odt_values(data, source), source, fmt, form_id,
                                      prefer)
        if fmt == "xlsx":
            return self._parse_xlsx(data, source, form_id)
        # Word 97 binary (.doc; WPS Writer's .wps is the same format). Name the input .doc
        # and force the Word filter, so LibreOffice never takes a .wps for Works.
        kind = "wps" if source.lower().endswith(".wps") else "doc"
        try:
            docx = self._converter().convert(data, ".doc", "docx", input_filter="MS Word 97",
                                             source=source)
        except ConversionError as exc:
            raise ParseError(f"{source}: a .{kind} file is read through LibreOffice: "
                             f"{exc}", zh=f"经LibreOffice读取.{kind}文件失败") from None
        parsed = self._parse_marked(read_docx_values(docx, source), source, kind, form_id,
                                    prefer)
        return attrs.evolve(parsed, format=kind)

    def _parse_marked(self, values: MarkedValues, source: str, fmt: str,
                      form_id: str | None, prefer: str | None) -> ParsedDocument:
        spec = self._identify(values, source, form_id)
        keys = {pattern_key(leaf.pattern): leaf for leaf in leaf_paths(spec.model)}
        try:
            parsed = self._read_outline(spec, values, values.outline, keys, source, fmt,
                                        prefer)
        except ValidationError:
            # a value the bookmark holds only part of (the rest typed beside it, or a tracked
            # change's insertion): the cell's whole text, then
            refilled = refill_cells(values.outline)
            if refilled == values.outline:
                raise
            parsed = self._read_outline(spec, values, refilled, keys, source, fmt, prefer)
        if spec.layout is None and spec.template("docx") is None:
            return parsed
        draft = DRAFT_BANNER in values.outline.first_texts(3)
        # The form rendered again from the values read back tells what a person typed next
        # to a value's bookmark (the values are read again with it, and what they say
        # wins: a conflict or an invalid value is raised) and what text belongs to no field.
        try:
            again = self._again(parsed.model, draft, source)
        except GreenDocsError as exc:  # values its rules refuse (an unknown indicator, say)
            return attrs.evolve(parsed, draft=draft, notes=(
                *parsed.notes, "text outside the fields was not checked: the values read "
                f"back cannot be rendered again ({str(exc).splitlines()[0]})"), notes_zh=(
                *parsed.notes_zh, "未检查字段以外的文字：读取的内容无法重新生成文档"))
        widened = widen(values.outline, again)
        if widened != values.outline:
            parsed = self._read_outline(spec, values, widened, keys, source, fmt, prefer)
            # (if it cannot be rendered, the first rendering tells what belongs to no field)
            with contextlib.suppress(GreenDocsError):
                again = self._again(parsed.model, draft, source)
        parsed = attrs.evolve(parsed, draft=draft)
        strays = unplaced(values.outline, again)
        if not strays:
            return parsed
        return attrs.evolve(parsed, notes=(*parsed.notes, *(s.note() for s in strays)),
                            notes_zh=(*parsed.notes_zh, *(s.note_zh() for s in strays)))

    def _again(self, model: Any, draft: bool, source: str) -> Outline:
        """The outline of *model* rendered again (as a draft if the document is one)."""
        return read_docx_values(self._renderer().render(model, draft=draft), source).outline

    def _read_outline(self, spec: FormSpec, values: MarkedValues, outline: Outline,
                      keys: Mapping[str, LeafPath], source: str, fmt: str,
                      prefer: str | None) -> ParsedDocument:
        """The model *outline* holds (then content controls of older documents, then labels
        where a bookmark was lost)."""
        back = read_back(outline, keys, spec.model, static_texts=self._template_text(spec),
                         prefer=prefer)
        found: dict[str, str] = dict(back.values)
        for conflict in back.conflicts:  # built with the first copy; the conflict is raised
            found[conflict.path] = conflict.copies[0][1]
        counts = {"bookmark": len(found), "content_control": 0, "label": 0}
        # Content controls (documents of earlier versions) only where a bookmark was lost.
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
        parsed = self._build(spec, found, source, fmt, counts,
                             lambda raw, leaf: text_to_data(raw, leaf.type, leaf.optional),
                             back)
        read = frozenset(image.path.removeprefix(READ_BACK) for _, image
                         in images_of(parsed.model) if image.path.startswith(READ_BACK))
        if outline.images:  # the narratives' photos: the document's pictures
            parsed = attrs.evolve(parsed, model=attach_read_back(parsed.model,
                                                                 outline.images))
        lost = outline.pictures_not_read(read)
        if lost:
            parsed = attrs.evolve(
                parsed,
                notes=(*parsed.notes, *(f"the picture at {place} is not read: pictures are "
                                        "read in a report's narrative sections, each in a "
                                        "paragraph of its own" for place in lost)),
                notes_zh=(*parsed.notes_zh, *(f"{place.zh}的图片未读取：图片只在报告的叙述部分"
                                              "（单独成段）中读取" for place in lost)))
        return parsed

    def _renderer(self) -> Renderer:
        """The renderer that renders a document read back again, to find text that belongs
        to no field (made on first use)."""
        if self._rendering is None:
            from .rendering import Renderer

            self._rendering = Renderer(self.registry)
        return self._rendering

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
        parsed = self._build(spec, found, source, "xlsx", {"cell": len(found)},
                             lambda raw, leaf: cell_to_data(raw, leaf.type, leaf.optional))
        return _listed_photos(parsed, Path(source).resolve().parent
                              if Path(source).is_file() else None)

    def _build(self, spec: FormSpec, found: Mapping[str, Any], source: str, fmt: str,
               counts: Mapping[str, int], convert: Any, back: ReadBack | None = None
               ) -> ParsedDocument:
        if not found:
            raise NotAFormError(f"{source}: no {spec.id} values found (no greendocs markers, "
                                "no matching labels)",
                                zh=f"未找到{spec.title_zh}的任何填写内容（没有greendocs标记，也没有"
                                "相符的栏目名称）")
        data, unreadable = unflatten(spec.model, found, convert)
        places = back.places if back is not None else {}
        problems = [*(c.error() for c in back.conflicts)] if back is not None else []
        problems += [_placed(e, places) for e in unreadable]
        try:
            model: Any = structure(data, spec.model, source=source)
        except ValidationError as exc:  # (a value left out as unreadable is not "missing")
            problems += [_placed(e, places) for e in exc.errors
                         if e.path not in {u.path for u in unreadable}]
        if problems:
            raise ValidationError(problems, source, spec.model)
        if back is None:
            return ParsedDocument(spec, model, source, fmt, dict(counts))
        return ParsedDocument(spec, model, source, fmt, dict(counts), notes=back.notes,
                              notes_zh=back.notes_zh, places=places)

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


def _placed(error: FieldError, places: Mapping[str, Place]) -> FieldError:
    """*error* with the place in the document its value was read from, if known."""
    place = places.get(error.path)
    prefix = error.path
    while place is None and prefix:  # a list's or a block's error: its first value's place;
        # a value missing from a row: the row's
        place = next((where for path, where in places.items()
                      if path.startswith((prefix + "[", prefix + "."))), None)
        if place is not None and prefix != error.path:
            place = attrs.evolve(place, column=None)  # the row, not another value's cell
        prefix = prefix[:max(prefix.rfind("."), prefix.rfind("["), 0)]
    if place is None:
        return error
    return FieldError(error.path, f"{error.message} ({place})",
                      f"{error.message_zh}（{place.zh}）" if error.message_zh else "")


def _label_unique(model: type, leaf: LeafPath) -> bool:
    last = leaf.labels[-1]
    return sum(1 for other in leaf_paths(model) if other.labels[-1] == last) == 1

