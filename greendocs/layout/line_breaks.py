"""Where a line must not break: the hyphen of a standard's number (GB/T 4754-2017) is
printed as a non-breaking hyphen, so the number never ends one line and starts the next."""

from __future__ import annotations

import re

#: a hyphen between a standard's number and its year
YEAR_HYPHEN = re.compile(r"(?<=\d)-(?=(?:19|20)\d\d(?!\d))")


def keep_standard_numbers(text: str, hyphen: str = "\u2011") -> str:
    """*text* with the hyphen of each standard number replaced by *hyphen* (U+2011, the
    non-breaking hyphen, unless the format has its own mark for it)."""
    return YEAR_HYPHEN.sub(hyphen, text) if "-" in text else text
