"""Where a line must not break: inside a standard's number, and between a figure and its
unit. A standard's hyphen (GB/T 4754-2017) is printed as a non-breaking hyphen, the space
after its code (GB/T 4754, T/CEEIA 275) and before a unit (12 MW) as a no-break space. The
readers read both back as the hyphen and the space that were typed."""

from __future__ import annotations

import re

#: a hyphen between a standard's number and its year
YEAR_HYPHEN = re.compile(r"(?<=\d)-(?=(?:19|20)\d\d(?!\d))")
#: the space between a standard's code and its number: GB 50034, GB/T 4754, T/CEEIA 275
CODE_SPACE = re.compile(r"(?<![A-Za-z])((?:GB|HJ|JB|QB|YB|SH|HG|DB\d*|T)(?:/[A-Z]+)?) (?=\d)")
#: the space between a figure and its unit: 12 MW, 3.2 tCO2, 95 %
UNIT_SPACE = re.compile(r"(?<=\d) (?=[A-Za-z%‰℃°])")
NO_BREAK_SPACE = "\u00a0"
#: what a text holds if any of the three can be in it (one search; most texts have none)
_MAYBE = re.compile(r"\d-(?:19|20)\d\d|[A-Z\d] \d|\d [A-Za-z%‰℃°]")


def keep_standard_numbers(text: str, hyphen: str = "\u2011") -> str:
    """*text* with each standard number kept on one line: its hyphen replaced by *hyphen*
    (U+2011, the non-breaking hyphen, unless the format has its own mark for it) and the
    space after its code by a no-break space."""
    if _MAYBE.search(text) is None:
        return text
    if "-" in text:
        text = YEAR_HYPHEN.sub(hyphen, text)
    if " " in text:
        text = UNIT_SPACE.sub(NO_BREAK_SPACE, CODE_SPACE.sub(r"\1" + NO_BREAK_SPACE, text))
    return text
