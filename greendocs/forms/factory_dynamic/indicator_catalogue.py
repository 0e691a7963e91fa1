"""The key-indicator catalogue of Attachment 6, loaded from its data file."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import yaml

from ...errors import GreenDocsError
from ...types.quantity import Unit


@attrs.frozen
class IndicatorDefinition:
    """One catalogue entry: its code, name, allowed units, which direction is better."""

    code: str
    name: str
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
        return next((d for d in self.indicators if d.code == code), None)


def load_catalogue(path: str | Path | None = None) -> IndicatorCatalogue:
    """Load a catalogue file (YAML); without *path*, the one shipped with greendocs."""
    if path is None:
        return _shipped()
    return _parse(yaml.safe_load(Path(path).read_text(encoding="utf-8")), str(path))


@functools.cache
def _shipped() -> IndicatorCatalogue:
    text = resources.files(__package__).joinpath("indicators.yaml").read_text(encoding="utf-8")
    return _parse(yaml.safe_load(text), "indicators.yaml")


def _parse(data: Any, source: str) -> IndicatorCatalogue:
    try:
        defs = []
        for raw in data["indicators"]:
            defs.append(IndicatorDefinition(
                code=str(raw["code"]), name=str(raw["name"]),
                units=tuple(Unit(u) for u in raw.get("units", ())),
                better=str(raw.get("better", "none")), required=bool(raw.get("required")),
                repeatable=bool(raw.get("repeatable"))))
        codes = [d.code for d in defs]
        if len(codes) != len(set(codes)):
            raise ValueError("indicator codes must be unique")
        if any(d.better not in ("lower", "higher", "none") for d in defs):
            raise ValueError("'better' must be lower, higher or none")
        return IndicatorCatalogue(str(data.get("source", "")), bool(data.get("verified")),
                                  tuple(defs))
    except (KeyError, TypeError, ValueError) as exc:
        raise GreenDocsError(f"{source}: not a valid indicator catalogue ({exc})") from None
