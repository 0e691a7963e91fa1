"""Data files users supply (indicator systems, benchmark tables): YAML read safely into a
model, checked, and cached per file version so a batch reads each file once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..errors import FieldError, ValidationError
from .converter import structure

T = TypeVar("T")


def parse_yaml_model(text: str, cls: type[T], source: str,
                     check: Callable[[T, str], None]) -> T:
    """*text* (YAML) as a *cls*, then *check* ed; :class:`ValidationError` naming *source*."""
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValidationError([FieldError("", f"not valid YAML: {exc}")], source) from None
    model = structure(data, cls, source=source)
    check(model, source)
    return model


def read_yaml_model(path: str | Path, cls: type[T], check: Callable[[T, str], None],
                    field: str) -> T:
    """The file at *path* as a checked *cls*; an unreadable file is reported at *field*."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ValidationError([FieldError(field, f"cannot read {p}: {reason}")]) from None
    return parse_yaml_model(text, cls, str(p), check)


class FileCache:
    """Models read from files, keyed by path, modification time and size; thread-safe."""

    def __init__(self) -> None:
        self._models: dict[tuple[str, int, int], Any] = {}
        self._lock = threading.Lock()

    def get(self, key: str, load: Callable[[], T]) -> T:
        """The model cached under the constant *key*, loading it once."""
        return self._get((key, 0, 0), load)

    def file(self, path: Path, load: Callable[[], T]) -> T:
        """The model of the file at *path*, loaded again when the file changes."""
        st = path.stat()
        return self._get((str(path.resolve()), st.st_mtime_ns, st.st_size), load)

    def _get(self, key: tuple[str, int, int], load: Callable[[], T]) -> T:
        model = self._models.get(key)
        if model is None:
            model = load()
            with self._lock:
                model = self._models.setdefault(key, model)
        result: T = model
        return result
