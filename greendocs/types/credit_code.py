"""The unified social credit code (统一社会信用代码, GB 32100-2015) and its check characters."""

from __future__ import annotations

from ..errors import FieldValueError

#: The 31 characters of GB 32100 in value order (no I, O, S, V, Z).
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 11714 organisation code (positions 9-17): digits and Latin letters A-Z = 10..35.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def check_character(first17: str) -> str:
    """The 18th character of a credit code whose first 17 characters are *first17*."""
    total = sum(_VALUE[c] * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def organisation_check_character(first8: str) -> str | None:
    """The GB 11714 check character for an organisation code body, or None if not computable."""
    total = 0
    for c, w in zip(first8, _ORG_WEIGHTS, strict=True):
        if c.isdigit():
            value = int(c)
        elif "A" <= c <= "Z":
            value = ord(c) - ord("A") + 10
        else:
            return None
        total += value * w
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


class CreditCode(str):
    """A unified social credit code whose format and check character are valid.

    It is a ``str``; constructing one validates it and upper-cases it::

        >>> CreditCode("91110000600037341l")
        '91110000600037341L'

    A wrong code raises :class:`~greendocs.errors.FieldValueError` with the reason,
    naming the expected check character when only that is wrong.
    """

    __slots__ = ()

    def __new__(cls, value: str) -> CreditCode:
        if isinstance(value, CreditCode):
            return value
        if not isinstance(value, str):
            raise FieldValueError(f"expected an 18-character credit code, got {value!r}",
                                  zh=f"应为18位统一社会信用代码，实为{value!r}")
        code = value.strip().upper()
        if len(code) != 18:
            raise FieldValueError(
                f"{value!r} has {len(code)} characters; a unified social credit code has 18",
                zh=f"{value!r}有{len(code)}位；统一社会信用代码应为18位")
        bad = [c for c in code if c not in _VALUE]
        if bad:
            raise FieldValueError(
                f"{value!r} contains {bad[0]!r}, which is not allowed in a credit code "
                f"(allowed: digits and {ALPHABET[10:]})",
                zh=f"{value!r}含有信用代码不允许的字符{bad[0]!r}（允许：数字和{ALPHABET[10:]}）")
        if not code[2:8].isdigit():
            raise FieldValueError(
                f"{value!r}: characters 3-8 must be the administrative division code (6 digits)",
                zh=f"{value!r}：第3至8位应为6位行政区划码")
        expected = check_character(code[:17])
        if code[17] != expected:
            raise FieldValueError(
                f"{value!r} has a wrong check character {code[17]!r}, expected {expected!r}",
                zh=f"{value!r}的校验码{code[17]!r}有误，应为{expected!r}")
        return super().__new__(cls, code)

    @property
    def division_code(self) -> str:
        """Characters 3-8: the GB/T 2260 code of the registering authority's division."""
        return self[2:8]

    @property
    def organisation_code_ok(self) -> bool | None:
        """Whether characters 9-17 carry a valid GB 11714 check; None if not computable.

        Treated as a warning only: some real codes are issued with bodies that fail it.
        """
        expected = organisation_check_character(self[8:16])
        return None if expected is None else self[16] == expected
