"""The sample inputs the forms ship, for tests: their paths and their loaded models."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import greendocs


def sample_path(form_id: str) -> Path:
    """The file of a form's sample input (``<id>.yaml`` in the form's package)."""
    spec = greendocs.forms().get(form_id)
    return Path(str(resources.files(spec.package).joinpath(f"{form_id}.yaml")))


def template_path(form_id: str) -> Path:
    """The file of a form's shipped .docx template."""
    spec = greendocs.forms().get(form_id)
    return Path(str(resources.files(spec.package).joinpath(f"{form_id}.docx")))


def load_sample(form_id: str) -> Any:
    """A form's sample input as its validated model."""
    return greendocs.load_file(sample_path(form_id))
