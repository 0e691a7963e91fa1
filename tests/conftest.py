"""Shared fixtures: the built-in registry, the Attachment 6 sample, rendered documents."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import greendocs
from tests.samples import load_sample

ROOT = Path(__file__).resolve().parent.parent

settings.register_profile("default", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(scope="session")
def sample() -> Any:
    return load_sample("factory-dynamic")


@pytest.fixture(scope="session")
def sample_docx(sample: Any) -> bytes:
    return greendocs.render(sample, "docx")


@pytest.fixture(scope="session")
def sample_xlsx(sample: Any) -> bytes:
    return greendocs.render(sample, "xlsx")


@pytest.fixture(scope="session")
def factory_self() -> Any:
    """The Attachment 2-1 sample (GB/T 36132-2018)."""
    return load_sample("factory-self")


@pytest.fixture(scope="session")
def factory_third_party() -> Any:
    """The Attachment 2-2 sample."""
    return load_sample("factory-third-party")
