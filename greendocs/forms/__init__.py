"""The built-in forms, one subpackage each; ``BUILTIN_FORMS`` lists their specs."""

from __future__ import annotations

from . import factory, factory_dynamic, summary, supply_chain

BUILTIN_FORMS = (
    summary.SPEC,
    factory.SELF_SPEC,
    factory.THIRD_PARTY_SPEC,
    factory_dynamic.SPEC,
    supply_chain.SELF_SPEC,
    supply_chain.THIRD_PARTY_SPEC,
    supply_chain.DYNAMIC_SPEC,
)
