"""Rules of Attachment 1 (pure): units from another region, a unit listed twice, parks over
the quota of three per region."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ...findings import Finding, Severity
from .model import SummaryTable

PARK_QUOTA = 3


def check_summary(table: SummaryTable) -> list[Finding]:
    """Every finding for one summary table."""
    return [*_regions(table), *_duplicates(table), *_park_quota(table)]


def _regions(table: SummaryTable) -> Iterator[Finding]:
    for field in ("factories", "products", "parks", "supply_chains"):
        for i, row in enumerate(getattr(table, field)):
            if row.region != table.province:
                yield Finding("foreign-region", Severity.ERROR, f"{field}[{i}].region",
                              f"{row.name} is in {row.region}, not in {table.province}, which "
                              "this table recommends for",
                              f"{row.name}位于{row.region}，不属于本表推荐地区{table.province}")


def _duplicates(table: SummaryTable) -> Iterator[Finding]:
    for field in ("factories", "supply_chains"):
        counts = Counter(row.credit_code for row in getattr(table, field))
        for i, row in enumerate(getattr(table, field)):
            if counts[row.credit_code] > 1:
                yield Finding("duplicate", Severity.ERROR, f"{field}[{i}].credit_code",
                              f"{row.credit_code} ({row.name}) is listed "
                              f"{counts[row.credit_code]} times",
                              f"{row.credit_code}（{row.name}）列出{counts[row.credit_code]}次")


def _park_quota(table: SummaryTable) -> Iterator[Finding]:
    if len(table.parks) > PARK_QUOTA:
        names = "、".join(park.name for park in table.parks)
        yield Finding("park-quota", Severity.ERROR, "parks",
                      f"{len(table.parks)} parks are recommended ({names}); a region may "
                      f"recommend at most {PARK_QUOTA}",
                      f"推荐园区{len(table.parks)}个（{names}）；每个地区最多推荐{PARK_QUOTA}个")
