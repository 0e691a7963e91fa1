"""Every marker name greendocs writes into documents, in one place: short, stable
bookmark names for field paths (and back), the form marker, and the template variable.

Word allows bookmark names of at most 40 letters, digits and underscores. A name is
``gd`` + 8 characters of a hash of the path pattern (``indicators[].values[]``) + the
indices (``_3_2021``), so it needs no stored map and stays stable across versions. The
form a document was rendered from is marked by ``gdform_<id>`` (a bookmark in .docx and
.odt) or by the path ``_form`` (in the .xlsx path column).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re

PREFIX = "gd"
FORM_PREFIX = "gdform_"
#: the path that marks the form itself: the title's marker, the .xlsx form row
FORM_PATTERN = "_form"
#: the template context variable holding the per-render marker writer (never a field name)
MARKER_VAR = "_gd"
_INDEX = re.compile(r"\[([^\]]*)\]")
_NAME = re.compile(r"^gd([a-z2-7]{8})((?:_[0-9]+)*)$")
#: what a value's bookmark name looks like (``gd`` + key + indices)
VALUE_NAME = _NAME


def split_path(path: str) -> tuple[str, tuple[str, ...]]:
    """``'indicators[3].values[2021]'`` → ``('indicators[].values[]', ('3', '2021'))``."""
    return _INDEX.sub("[]", path), tuple(_INDEX.findall(path))


@functools.lru_cache(maxsize=4096)
def pattern_key(pattern: str) -> str:
    """The 8-character key of a path pattern."""
    digest = hashlib.sha1(pattern.encode("utf-8")).digest()
    return base64.b32encode(digest)[:8].decode("ascii").lower()


def bookmark_name(path: str) -> str:
    """The bookmark name that marks the value at *path*."""
    pattern, indices = split_path(path)
    return PREFIX + pattern_key(pattern) + "".join("_" + i for i in indices)


def value_bookmark(pattern: str, indices: tuple[str, ...], form_id: str) -> str:
    """The bookmark for a value at *pattern* with *indices* (the form's own marker for
    :data:`FORM_PATTERN`)."""
    if pattern == FORM_PATTERN:
        return form_bookmark(form_id)
    name = PREFIX + pattern_key(pattern)
    for i in indices:
        name += "_" + i
    return name


def form_bookmark(form_id: str) -> str:
    """The bookmark that names the form a document was rendered from."""
    return FORM_PREFIX + form_id.replace("-", "_")


@functools.lru_cache(maxsize=65536)
def parse_bookmark(name: str) -> tuple[str, tuple[str, ...]] | None:
    """``(pattern key, indices)`` for a greendocs bookmark name, else None."""
    m = _NAME.match(name)
    if not m:
        return None
    return m.group(1), tuple(x for x in m.group(2).split("_") if x)


def fill_pattern(pattern: str, indices: tuple[str, ...]) -> str | None:
    """Put *indices* into the ``[]`` slots of *pattern*; None if the counts differ."""
    parts = pattern.split("[]")
    if len(parts) - 1 != len(indices):
        return None
    return "".join(p + (f"[{indices[i]}]" if i < len(indices) else "")
                   for i, p in enumerate(parts))
