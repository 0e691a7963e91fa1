"""Writing output files atomically, and never over an input file."""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import time
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError

PART_SUFFIX = ".part"
#: a temporary file older than this was left by a run that was killed
STALE_AFTER_SECONDS = 600
_PARTS = itertools.count()


def _create_part(target: Path) -> tuple[int, str]:
    """A new temporary file beside *target*, open for writing, only ours (``O_EXCL``):
    its descriptor and path. (``tempfile.mkstemp`` does the same, at the cost of importing
    ``tempfile`` and ``random`` into every fresh process.)"""
    while True:
        tmp = target.parent / f".{target.name}.{os.getpid()}-{next(_PARTS)}{PART_SUFFIX}"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                           0o600), str(tmp)
        except FileExistsError:  # left by a killed run with the same process id
            continue


def _remove_stale_parts(target: Path) -> None:
    """Remove the temporary files of earlier writes to *target* that were killed mid-way."""
    now = time.time()
    for part in target.parent.glob(f".{glob.escape(target.name)}.*{PART_SUFFIX}"):
        with contextlib.suppress(OSError):
            if part.is_file() and now - part.stat().st_mtime > STALE_AFTER_SECONDS:
                part.unlink()


def write_atomic(path: str | os.PathLike[str], data: bytes,
                 inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Write *data* to *path* in one step: a reader sees the old file or the new, never half.

    Raises :class:`OutputError` when *path* is one of *inputs* (hard links included), is
    not a regular file (a device, a folder), or cannot be written. Temporary files that
    killed runs left beside *path* are removed.
    """
    target = Path(path)
    if target.exists() and not target.is_file():
        raise OutputError(f"{target}: is not a regular file (a folder or a device); refusing "
                          "to replace it; choose a file path")
    for src in inputs:
        src_path = Path(src)
        if target.exists() and src_path.exists() and os.path.samefile(target, src_path):
            raise OutputError(f"{target}: refusing to overwrite the input file; "
                              "choose another output path")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_parts(target)
        fd, tmp = _create_part(target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{target}: cannot write ({exc.strerror})") from None
        raise
    return target
