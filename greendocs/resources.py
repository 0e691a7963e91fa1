"""Where the shipped templates and samples are: inside the wheel, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(kind: str) -> Path:
    for candidate in (_PACKAGE / f"_{kind}", _PACKAGE.parent / kind):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"greendocs is installed without its {kind}/ folder")


def templates_dir() -> Path:
    """The folder of the official templates."""
    return _find("templates")


def samples_dir() -> Path:
    """The folder of the sample inputs."""
    return _find("samples")
