"""Values by calendar year, as the dynamic tables report key indicators for three years."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from ..errors import FieldValueError
from .dates import parse_year
from .quantity import check_amount, to_decimal


@attrs.frozen
class YearSeries:
    """Decimal values (or None where not reported) keyed by year, in year order.

    Written in data as a mapping ``{2019: 1.2, 2020: 1.1, 2021: null}``::

        >>> s = YearSeries.of({2021: 3, 2020: "2.5"})
        >>> s.years, s[2021]
        ((2020, 2021), Decimal('3'))
    """

    items: tuple[tuple[int, Decimal | None], ...]

    @classmethod
    def of(cls, values: Mapping[Any, Any]) -> YearSeries:
        """Build a series from a mapping of year → number (text or numeric keys and values)."""
        if not isinstance(values, Mapping):
            raise FieldValueError(
                f"expected values by year such as {{2020: 1.5, 2021: 1.4}}, got {values!r}",
                zh=f"应为按年份填写的数值（如2020: 1.5, 2021: 1.4），实为{values!r}")
        items: dict[int, Decimal | None] = {}
        for key, raw in values.items():
            year = parse_year(key)
            if year in items:
                raise FieldValueError(f"year {year} appears twice", zh=f"{year}年出现两次")
            items[year] = None if raw is None or raw == "" else to_decimal(raw)
        return cls(tuple(sorted(items.items())))

    @property
    def years(self) -> tuple[int, ...]:
        """The years present, ascending."""
        return tuple(year for year, _ in self.items)

    def __getitem__(self, year: int) -> Decimal | None:
        for y, value in self.items:
            if y == year:
                return value
        raise KeyError(year)

    def __iter__(self) -> Iterator[int]:
        return iter(self.years)

    def __len__(self) -> int:
        return len(self.items)

    def as_dict(self) -> dict[int, Decimal | None]:
        """The series as a plain ``dict``."""
        return dict(self.items)


def check_series(value: object, unit: str | None, field: str) -> None:
    """Raise :class:`FieldValueError` (at ``field[year]``) unless *value* is a year series
    whose amounts are possible in *unit* (non-negative; 0-100 for ``%``)."""
    if not isinstance(value, YearSeries):
        raise FieldValueError(f"expected values by year, got {value!r}", field,
                              zh=f"应为按年份填写的数值，实为{value!r}")
    for year, amount in value.items:
        if amount is not None:
            try:
                check_amount(amount, unit)
            except FieldValueError as exc:
                raise exc.at(f"{field}[{year}]") from None


def check_years(series: YearSeries, years: tuple[int, ...], reporting_year: int,
                field: str) -> None:
    """Raise :class:`FieldValueError` unless *series* covers exactly the table's *years*."""
    if series.years != years:
        raise FieldValueError(f"gives years {list(series.years)}; the {reporting_year} table "
                              f"reports exactly {list(years)}", field,
                              zh=f"所填年份为{list(series.years)}；{reporting_year}年的表应恰为"
                              f"{list(years)}")
