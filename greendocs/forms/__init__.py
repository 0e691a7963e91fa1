"""The built-in forms, one subpackage each; ``BUILTIN_FORMS`` lists their specs."""

from __future__ import annotations

from . import factory_dynamic

BUILTIN_FORMS = (factory_dynamic.SPEC,)
