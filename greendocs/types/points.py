"""Score arithmetic shared by the indicator systems: shares of a maximum, to 0.01 point."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from .quantity import tidy

_CENT = Decimal("0.01")


def add_up(values: Iterable[Decimal]) -> Decimal:
    """The sum of *values* (points, weights), without trailing zeros."""
    return tidy(sum(values, Decimal(0)))


def share_of(maximum: Decimal, share: Decimal) -> Decimal:
    """*share* (clamped to 0..1) of *maximum*, rounded half up to 0.01."""
    share = min(max(share, Decimal(0)), Decimal(1))
    return tidy((maximum * share).quantize(_CENT, rounding=ROUND_HALF_UP))


def linear_points(maximum: Decimal, value: Decimal, baseline: Decimal,
                  leading: Decimal) -> Decimal:
    """Points for a figure scored between a baseline value (0 points) and a leading value
    (full points), straight in between and capped at both ends. Works in either direction:
    a leading value below the baseline means lower is better (energy per unit, say)."""
    return share_of(maximum, (value - baseline) / (leading - baseline))
