"""parse(render(m)) == m for every registered form and format, with generated models."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import greendocs
from greendocs.forms.factory import FactorySelfReport, FactoryThirdPartyReport
from greendocs.forms.supply_chain import (
    SupplyChainDynamicReport,
    SupplyChainSelfReport,
    SupplyChainThirdPartyReport,
)
from tests.strategies import (
    SUPPLY_CHAIN_REPORT_FIELDS,
    factory_overrides,
    factory_reports,
    models,
)

# Report forms need scores that fit their indicator system to render; the structure of
# every form is still exercised by the generic strategy through .xlsx, which has no
# computed content.
MODELS = {
    "factory-self": FactorySelfReport,
    "factory-third-party": FactoryThirdPartyReport,
    "supply-chain-dynamic": SupplyChainDynamicReport,
    "supply-chain-self": SupplyChainSelfReport,
    "supply-chain-third-party": SupplyChainThirdPartyReport,
}


@pytest.mark.parametrize("form_id", sorted(MODELS))
@settings(max_examples=25)
@given(data=st.data())
def test_xlsx_round_trip_for_every_form(form_id: str, data: st.DataObject) -> None:
    model = data.draw(models(MODELS[form_id], factory_overrides(MODELS[form_id])))
    spec = greendocs.forms().get(form_id)
    assert greendocs.parse(greendocs.render(model, "xlsx")).model == spec.as_rendered(model)


@pytest.mark.parametrize("fmt", ["docx", "odt"])
@settings(max_examples=25)
@given(data=st.data())
def test_dynamic_table_round_trip(fmt: str, data: st.DataObject) -> None:
    model = data.draw(models(SupplyChainDynamicReport))
    assert greendocs.parse(greendocs.render(model, fmt)).model == model


@pytest.mark.parametrize("fmt", ["docx", "odt"])
@pytest.mark.parametrize("form_id", ["supply-chain-self", "supply-chain-third-party"])
@settings(max_examples=15)
@given(data=st.data())
def test_report_round_trip(form_id: str, fmt: str, data: st.DataObject) -> None:
    model = data.draw(models(MODELS[form_id], by_name=SUPPLY_CHAIN_REPORT_FIELDS))
    assert greendocs.parse(greendocs.render(model, fmt)).model == model


@pytest.mark.parametrize("fmt", ["docx", "odt"])
@pytest.mark.parametrize("form_id", ["factory-self", "factory-third-party"])
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_factory_report_round_trip(form_id: str, fmt: str, data: st.DataObject) -> None:
    """What a document states (the computed total, the basic-requirement result) reads
    back with every field the consultant entered."""
    model = data.draw(factory_reports(MODELS[form_id]))
    spec = greendocs.forms().get(form_id)
    assert greendocs.parse(greendocs.render(model, fmt)).model == spec.as_rendered(model)
