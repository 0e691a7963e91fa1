"""Where an installed Python package's files are — a form's template, sample and data
files: the package's folder on disk (as pip installs it), else what
:mod:`importlib.resources` gives (a package imported from a zip). Apart from the loaders
so that a fresh process finding a form's files on disk never imports
:mod:`importlib.resources` (and :mod:`tempfile` with it: 3 ms of a 150 ms render)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def package_folder(package: str) -> Traversable:
    """The files of *package* (its folder, as a path where it has one on disk)."""
    spec = importlib.import_module(package).__spec__
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    if len(locations) == 1 and Path(locations[0]).is_dir():
        return Path(locations[0])
    from importlib import resources

    return resources.files(package)
