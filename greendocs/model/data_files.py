"""The one loader of data files: indicator systems, catalogues, benchmark tables — shipped
in a form's package or supplied by the user as YAML — read safely into a model, checked,
and cached (a user's file per version of the file, so a batch reads each file once).

Every data file carries its ``source`` and a ``verified`` flag; the models say so, this
module only reads and checks them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import FieldError, ValidationError
from .converter import structure
from .data_io import parse_data
from .package_folder import package_folder

T = TypeVar("T")
Check = Callable[[Any, str], None]


def parse_yaml_model(text: str, cls: type[T], source: str, check: Check) -> T:
    """*text* (YAML; JSON when *source* ends in ``.json``, read by the JSON parser, a
    thirtieth of the time for large tables) as a *cls*, then *check* ed;
    :class:`ValidationError` naming *source*."""
    data: Any = parse_data(text, source, json_only=source.endswith(".json"))
    model = structure(data, cls, source=source)
    check(model, source)
    return model


def read_yaml_model(path: str | Path, cls: type[T], check: Check, field: str) -> T:
    """The file at *path* as a checked *cls* (read every time); an unreadable file is
    reported at *field*, the report's field that names it."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ValidationError([FieldError(field, f"cannot read {p}: {reason}")]) from None
    return parse_yaml_model(text, cls, str(p), check)


class _Cache:
    """Models by key; thread-safe; a model is built at most once per key (races aside)."""

    def __init__(self) -> None:
        self._models: dict[tuple[Any, ...], Any] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...], load: Callable[[], T]) -> T:
        model = self._models.get(key)
        if model is None:
            model = load()
            with self._lock:
                model = self._models.setdefault(key, model)
        result: T = model
        return result


_CACHE = _Cache()


def shipped_names(package: str, folder: str) -> tuple[str, ...]:
    """The ids (file names without ``.yaml``) of the data files in *folder* of *package*
    (the folder is listed once per process)."""
    def listing() -> tuple[str, ...]:
        item = package_folder(package).joinpath(folder)
        if not item.is_dir():
            return ()
        return tuple(sorted(f.name.removesuffix(".yaml") for f in item.iterdir()
                            if f.name.endswith(".yaml")))

    return _CACHE.get(("names", package, folder), listing)


def shipped(package: str, name: str, cls: type[T], check: Check) -> T | None:
    """The data file *name* (a path inside *package*, e.g. ``indicators/general.yaml``;
    large tables ship as ``.json``) as a checked *cls*, read once per process; None when
    the package has no such file."""
    def load() -> T | None:
        item = package_folder(package).joinpath(name)
        if not item.is_file():
            return None
        return parse_yaml_model(item.read_text(encoding="utf-8"), cls, f"{package}/{name}",
                                check)

    return _CACHE.get(("shipped", package, name, cls), load)


def shipped_by(package: str, folder: str, cls: type[T], check: Check, ref: str,
               shown: Callable[[T], str]) -> T | None:
    """The data file in *folder* of *package* whose id is *ref*, or whose *shown* text (a
    standard's number, a name: what documents print) is *ref*, spaces aside; or None."""
    names = shipped_names(package, folder)
    if ref in names:
        return shipped(package, f"{folder}/{ref}.yaml", cls, check)
    key = "".join(ref.split())
    for name in names:
        found = shipped(package, f"{folder}/{name}.yaml", cls, check)
        if found is not None and key == "".join(shown(found).split()):
            return found
    return None


def shown_as(package: str, folder: str, cls: type[T], check: Check, ref: str,
             shown: Callable[[T], str]) -> str:
    """What documents print for *ref*: the *shown* text (a standard's number, a name) of
    the data file in *folder* whose id *ref* is; any other reference (a printed text
    already, a file's path) as it is."""
    if ref not in shipped_names(package, folder):
        return ref
    found = shipped(package, f"{folder}/{ref}.yaml", cls, check)
    return shown(found) if found is not None else ref


def user_file(path: str | Path, cls: type[T], check: Check, field: str) -> T:
    """The user's data file at *path* as a checked *cls*, read again only when the file
    changes (its modification time or size); errors as :func:`read_yaml_model`."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        raise ValidationError([FieldError(field, f"cannot read {p}: {exc.strerror}")]
                              ) from None
    key = ("file", str(p.resolve()), st.st_mtime_ns, st.st_size, cls)
    return _CACHE.get(key, lambda: read_yaml_model(p, cls, check, field))
