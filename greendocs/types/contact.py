"""Contact details on the forms: phone numbers and e-mail addresses."""

from __future__ import annotations

import re

from ..errors import FieldValueError

# Landlines (0755-12345678, 010-1234567-8001), mobiles (13800138000, +86 138 0013 8000),
# and service numbers (400-xxx-xxxx).
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{5,22}[0-9](\s*(转|ext\.?|x)\s*\d{1,6})?$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$")


class Phone(str):
    """A telephone number: digits with the usual separators, an optional extension."""

    __slots__ = ()

    def __new__(cls, value: str) -> Phone:
        if isinstance(value, Phone):
            return value
        text = str(value).strip() if isinstance(value, (str, int)) else None
        if text is None or not _PHONE.match(text):
            raise FieldValueError(
                f"{value!r} is not a phone number; write e.g. 0755-12345678 or 13800138000",
                zh=f"{value!r}不是电话号码；应写作如0755-12345678或13800138000")
        return super().__new__(cls, text)


class Email(str):
    """An e-mail address (``name@example.com``)."""

    __slots__ = ()

    def __new__(cls, value: str) -> Email:
        if isinstance(value, Email):
            return value
        text = value.strip() if isinstance(value, str) else ""
        if not _EMAIL.match(text):
            raise FieldValueError(f"{value!r} is not an e-mail address (name@example.com)",
                                  zh=f"{value!r}不是电子邮箱地址（如name@example.com）")
        return super().__new__(cls, text)


class Postcode(str):
    """A mainland postcode (邮政编码): six digits."""

    __slots__ = ()

    def __new__(cls, value: str) -> Postcode:
        if isinstance(value, Postcode):
            return value
        text = str(value).strip() if isinstance(value, (str, int)) else ""
        if not (len(text) == 6 and text.isascii() and text.isdigit()):
            raise FieldValueError(f"{value!r} is not a postcode; write six digits, e.g. 518057",
                                  zh=f"{value!r}不是邮政编码；应为6位数字，如518057")
        return super().__new__(cls, text)
