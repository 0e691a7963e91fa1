"""The key-indicator catalogue of Attachment 6, loaded from its data file."""

from __future__ import annotations

from pathlib import Path

import attrs

from ...errors import FieldError, ValidationError
from ...model.data_files import shipped, user_file
from ...types.quantity import Unit


@attrs.frozen
class IndicatorDefinition:
    """One catalogue entry: its code (printed in the table), the English key input may use
    instead, its name, allowed units, which direction is better."""

    code: str
    name: str
    key: str | None = None
    units: tuple[Unit, ...] = ()  # empty: any unit (per-product indicators)
    better: str = "none"  # "lower" | "higher" | "none"
    required: bool = False
    repeatable: bool = False


@attrs.frozen
class IndicatorCatalogue:
    """The indicators a dynamic table may report, with their source and verification state."""

    source: str
    verified: bool
    indicators: tuple[IndicatorDefinition, ...]

    def get(self, code: str) -> IndicatorDefinition | None:
        """The entry whose code or key is *code*."""
        return next((d for d in self.indicators if code in (d.code, d.key)), None)

    def code_of(self, value: str) -> str:
        """The code for *value*, an entry's code or key (*value* itself when no entry has
        it: the rules report it)."""
        entry = self.get(value)
        return value if entry is None else entry.code


def check_catalogue(catalogue: IndicatorCatalogue, source: str) -> None:
    """Raise :class:`ValidationError` listing every inconsistency of *catalogue*: codes
    used twice, and a ``better`` that is not lower, higher or none."""
    problems: list[FieldError] = []
    seen: dict[str, int] = {}
    for i, d in enumerate(catalogue.indicators):
        if d.key is not None and d.key in seen:
            problems.append(FieldError(f"indicators[{i}].key", f"{d.key!r} is used twice "
                                       f"(also at indicators[{seen[d.key]}])",
                                       f"{d.key!r}重复使用（另见第{seen[d.key] + 1}项）"))
        if d.key is not None:
            seen.setdefault(d.key, i)
        if d.code in seen:
            problems.append(FieldError(f"indicators[{i}].code", f"{d.code!r} is used twice "
                                       f"(also at indicators[{seen[d.code]}])",
                                       f"{d.code!r}重复使用（另见第{seen[d.code] + 1}项）"))
        seen.setdefault(d.code, i)
        if d.better not in ("lower", "higher", "none"):
            problems.append(FieldError(f"indicators[{i}].better", f"{d.better!r}: say lower, "
                                       "higher or none",
                                       f"{d.better!r}应为lower、higher或none"))
    if problems:
        raise ValidationError(problems, source)


def load_catalogue(path: str | Path | None = None) -> IndicatorCatalogue:
    """Load a catalogue file (YAML); without *path*, the one shipped with greendocs."""
    if path is None:
        found = shipped(__package__, "indicators.yaml", IndicatorCatalogue, check_catalogue)
        assert found is not None, "the shipped catalogue is part of the package"
        return found
    return user_file(path, IndicatorCatalogue, check_catalogue, "catalogue")
