"""Writing output files atomically, and never over an input file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError


def write_atomic(path: str | os.PathLike[str], data: bytes,
                 inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Write *data* to *path* in one step: a reader sees the old file or the new, never half.

    Raises :class:`OutputError` when *path* is one of *inputs* or cannot be written.
    """
    target = Path(path)
    for src in inputs:
        src_path = Path(src)
        if target.exists() and src_path.exists() and os.path.samefile(target, src_path):
            raise OutputError(f"{target}: refusing to overwrite the input file; "
                              "choose another output path")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                   dir=target.parent)
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
