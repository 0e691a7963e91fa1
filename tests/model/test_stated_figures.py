"""A model stating its form's computed figures is a copy with those fields set, nothing
else changed or checked again."""

from __future__ import annotations

from decimal import Decimal

import pytest

from greendocs.model.stated_figures import stating
from tests.samples import load_sample


def test_the_figures_are_set_on_a_copy() -> None:
    report = load_sample("factory-third-party")
    stated = stating(report, stated_total=Decimal("91.5"), stated_basic_met=None)
    assert stated.stated_total == Decimal("91.5") and stated.stated_basic_met is None
    assert report.stated_total != Decimal("91.5")  # the input is left as it was
    assert stated.factory is report.factory and stated.assessments is report.assessments
    assert stated != report and type(stated) is type(report)


def test_a_field_the_model_lacks_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match="no field total"):
        stating(load_sample("factory-self"), total=Decimal(1))
