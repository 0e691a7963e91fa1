"""The photos of a model's narratives: found wherever they are, read from files next to an
input, given their bytes read back from a document, written out as files."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from ..errors import FieldError, FieldValueError, ValidationError
from ..package.atomic_write import write_atomic
from ..types.images import check_image, read_image
from ..types.narrative import NarrativeImage, NarrativeTable

#: where an image read back from a document is, until it is written out
READ_BACK = "gdimage:"


def _record(value: object) -> bool:
    """A model record to look into (a narrative's own blocks are leaves)."""
    return attrs.has(type(value)) and not isinstance(value, (NarrativeImage, NarrativeTable))


def images_of(model: Any, path: str = "") -> Iterator[tuple[str, NarrativeImage]]:
    """Every photo of *model*'s narratives with its field path (``creation.products[2]``)."""
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        where = f"{path}.{field.name}" if path else field.name
        if _record(value):
            yield from images_of(value, where)
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, NarrativeImage):
                    yield f"{where}[{i}]", item
                elif _record(item):
                    yield from images_of(item, f"{where}[{i}]")


def map_images(model: Any, change: Callable[[str, NarrativeImage], NarrativeImage],
               path: str = "") -> Any:
    """*model* with each photo replaced by ``change(field path, photo)`` (the same object
    where nothing changed)."""
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        where = f"{path}.{field.name}" if path else field.name
        new = value
        if _record(value):
            new = map_images(value, change, where)
        elif isinstance(value, tuple):
            items = [change(f"{where}[{i}]", item) if isinstance(item, NarrativeImage)
                     else map_images(item, change, f"{where}[{i}]") if _record(item)
                     else item for i, item in enumerate(value)]
            if any(a is not b for a, b in zip(items, value, strict=True)):
                new = tuple(items)
        if new is not value:
            changes[field.name] = new
    return attrs.evolve(model, **changes) if changes else model


def read_images(model: Any, base: Path, source: str | None = None) -> Any:
    """*model* with each photo's file read (its path relative to the folder *base*, where
    the input is) and checked; :class:`ValidationError` listing every photo that cannot
    be used, with its field path and file."""
    problems: list[FieldError] = []

    def load(where: str, image: NarrativeImage) -> NarrativeImage:
        if image.data:
            return image
        try:
            data, _, _ = read_image(image.path, base, where)
        except FieldValueError as exc:
            problems.append(FieldError(where, exc.message, exc.message_zh))
            return image
        return attrs.evolve(image, data=data)

    loaded = map_images(model, load)
    if problems:
        raise ValidationError(problems, source, type(model))
    return loaded


def attach_read_back(model: Any, pictures: Mapping[str, bytes]) -> Any:
    """*model* (read back from a document) with its photos' bytes, which the document's
    *pictures* hold by key (``gdimage:KEY``), each named ``images/<field path>.<ext>``."""
    def attach(where: str, image: NarrativeImage) -> NarrativeImage:
        if not image.path.startswith(READ_BACK):
            return image
        data = pictures.get(image.path[len(READ_BACK):], b"")
        try:
            extension = check_image(data, image.caption).extension
        except FieldValueError:
            extension = "bin"
        return attrs.evolve(image, path=f"images/{where}.{extension}", data=data)

    return map_images(model, attach)


def without_photo_bytes(model: Any) -> Any:
    """*model* with its photos' bytes left out (two models alike but for how their photos
    are encoded: Word 97 files store them re-encoded)."""
    return map_images(model, lambda where, image: attrs.evolve(image, data=b""))


def write_images(model: Any, folder: str | os.PathLike[str]) -> list[Path]:
    """Write each photo of *model* to *folder* at its path (as a model read back names
    them: ``images/<field path>.<ext>``); the files written."""
    written = []
    root = Path(folder)
    for _, image in images_of(model):
        target = (root / image.path).resolve()
        if not image.data or not target.is_relative_to(root.resolve()):
            continue
        written.append(write_atomic(target, image.data))
    return written
