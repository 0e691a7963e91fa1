"""Names of units as people write them: compared after folding full-width characters to
half-width (（）→ ()), dropping spaces, and spelling 有限责任公司 as 有限公司."""

from __future__ import annotations

import unicodedata

_COMPANY_FORMS = (("有限责任公司", "有限公司"), ("股份有限公司", "有限公司"))


def normalise_name(name: str) -> str:
    """The key two spellings of one unit's name share: ``'华夏（北京）评价 有限责任公司'``
    and ``'华夏(北京)评价有限公司'`` give the same key."""
    key = "".join(unicodedata.normalize("NFKC", name).split()).casefold()
    for long, short in _COMPANY_FORMS:
        key = key.replace(long, short)
    return key
