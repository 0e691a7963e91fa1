"""The provincial roll-up: a folder of completed forms → Attachment 1 with every file
accounted for and every problem listed (``entry``: what a form contributes; ``collect``:
reading the folder and building the summary; ``report``: the workbook).

Forms import :mod:`greendocs.rollup.entry` only; the reading machinery is imported when
first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .entry import Category, Role, SummaryEntry, report_entry

if TYPE_CHECKING:
    from .collect import (
        AGENCY_QUOTA,
        Blacklist,
        FileResult,
        FileStatus,
        Problem,
        RollupResult,
        build_rollup,
        read_folder,
        read_form_file,
        summarize,
    )

_COLLECT = frozenset({"AGENCY_QUOTA", "Blacklist", "FileResult", "FileStatus", "Problem",
                      "RollupResult", "build_rollup", "read_folder", "read_form_file",
                      "summarize"})


def __getattr__(name: str) -> Any:
    if name in _COLLECT:
        from . import collect

        return getattr(collect, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["AGENCY_QUOTA", "Blacklist", "Category", "FileResult", "FileStatus", "Problem", "Role",
           "RollupResult", "SummaryEntry", "build_rollup", "read_folder", "read_form_file",
           "report_entry", "summarize"]
