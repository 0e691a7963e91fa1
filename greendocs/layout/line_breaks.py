"""Where a line must not break: inside a standard's number. Its hyphen (GB/T 4754-2017)
is printed as a non-breaking hyphen and the space after its code (GB/T 4754, T/CEEIA 275)
as a no-break space, so the number never ends one line and starts the next. The readers
read both back as the hyphen and the space that were typed."""

from __future__ import annotations

import re

#: a hyphen between a standard's number and its year
YEAR_HYPHEN = re.compile(r"(?<=\d)-(?=(?:19|20)\d\d(?!\d))")
#: the space between a standard's code and its number: GB 50034, GB/T 4754, T/CEEIA 275
CODE_SPACE = re.compile(r"(?<![A-Za-z])((?:GB|HJ|JB|QB|YB|SH|HG|DB\d*|T)(?:/[A-Z]+)?) (?=\d)")
NO_BREAK_SPACE = "\u00a0"


def keep_standard_numbers(text: str, hyphen: str = "\u2011") -> str:
    """*text* with each standard number kept on one line: its hyphen replaced by *hyphen*
    (U+2011, the non-breaking hyphen, unless the format has its own mark for it) and the
    space after its code by a no-break space."""
    if "-" in text:
        text = YEAR_HYPHEN.sub(hyphen, text)
    if " " in text:
        text = CODE_SPACE.sub(r"\1" + NO_BREAK_SPACE, text)
    return text
