"""Free text in forms: normalisation and the characters a document can hold."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from ..errors import FieldValueError

# XML 1.0 allows TAB, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: Texts that a rendered form shows for "no value"; the parser reads them back as None.
EMPTY_MARKS = frozenset({"", "/", "／", "—", "-", "无数据"})


#: Chinese characters and punctuation (CJK symbols, ideographs, full-width forms)
_CJK_RANGES = ((0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
               (0xFF00, 0xFFEF))
#: punctuation that a space after is dropped after, whatever follows
_CLOSING = frozenset("，。；：、！？）」』》】")
_GAPS = re.compile(r"([ \t]+)")


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def _drop_cjk_gaps(value: str) -> str:
    """*value* without the spaces between two Chinese characters or after Chinese
    punctuation: what YAML's line folding leaves where a line was wrapped. (Plain code,
    not a look-behind over the CJK ranges, whose compiling costs every process 1.5 ms.)"""
    parts = _GAPS.split(value)  # text, gap, text, gap, …, text
    for i in range(1, len(parts) - 1, 2):
        before, after = parts[i - 1][-1:], parts[i + 1][:1]
        if before and (before in _CLOSING or (after and _is_cjk(before) and _is_cjk(after))):
            parts[i] = ""
    return "".join(parts)


def clean_text(value: Any) -> Any:
    """Normalise line ends, take out the spaces between two Chinese characters and after
    Chinese punctuation (YAML folds a wrapped line into one with a space: ``销售， 年产``,
    ``销售， 2021年``; Chinese text has none, Latin words and figures keep theirs) and
    strip surrounding white space; other types pass through."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").strip()
        return _drop_cjk_gaps(value) if " " in value or "\t" in value else value
    return value


def clean_optional_text(value: Any) -> Any:
    """As :func:`clean_text`, and an empty string becomes None."""
    value = clean_text(value)
    return None if value == "" else value


def all_writable(texts: Iterable[str]) -> bool:
    """Whether every one of *texts* can be written into a document (one search over all:
    the fast path for large tables; :func:`check_text` says what is wrong with one)."""
    return _FORBIDDEN.search("\n".join(texts)) is None


def check_text(value: str, *, max_length: int | None = None, single_line: bool = False) -> None:
    """Raise :class:`FieldValueError` if *value* cannot be written into a document."""
    if not isinstance(value, str):
        raise FieldValueError(f"expected text, got {type(value).__name__} {value!r}",
                              zh=f"应为文字，实为{value!r}")
    bad = _FORBIDDEN.search(value)
    if bad:
        char = bad.group()
        raise FieldValueError(
            f"{_shorten(value)!r} contains the control character U+{ord(char):04X} at position "
            f"{bad.start() + 1}, which documents cannot hold; remove it",
            zh=f"{_shorten(value)!r}第{bad.start() + 1}个字符为控制字符U+{ord(char):04X}，"
            "文档无法容纳；请删除")
    if single_line and "\n" in value:
        raise FieldValueError(f"{_shorten(value)!r} must be a single line",
                              zh=f"{_shorten(value)!r}应为一行")
    if max_length is not None and len(value) > max_length:
        raise FieldValueError(
            f"{_shorten(value)!r} has {len(value)} characters, at most {max_length} are allowed",
            zh=f"{_shorten(value)!r}有{len(value)}个字，最多允许{max_length}个字")


def _shorten(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def text_validator(
    *, required: bool = True, max_length: int | None = None, single_line: bool = False
) -> Any:
    """An attrs validator for a text field (required or optional)."""

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            if required:
                raise FieldValueError("is required", attribute.name, zh="必填，但未填写")
            return
        try:
            check_text(value, max_length=max_length, single_line=single_line)
        except FieldValueError as exc:
            raise exc.at(attribute.name) from None
        if required and not value:
            raise FieldValueError("is required and must not be empty", attribute.name,
                                  zh="必填，不能为空")

    return validate
