"""The exception hierarchy: one base class, one subclass per kind of failure."""

from __future__ import annotations

from collections.abc import Sequence

import attrs


class GreenDocsWarning(UserWarning):
    """Base class of the warnings greendocs gives (:mod:`warnings`): something the output
    lacks that the caller can put right, such as a font the machine does not have."""


class GreenDocsError(Exception):
    """Base class of every error greendocs raises on purpose.

    ``zh`` is the message in Chinese, for what greendocs writes for Chinese readers (the
    problem list of Attachment 1); ``str()`` stays the English message of the console.
    """

    def __init__(self, *args: object, zh: str = "") -> None:
        super().__init__(*args)
        self.message_zh = zh


@attrs.frozen
class FieldError:
    """One problem with one value: where it is, what is wrong, what was found."""

    path: str
    message: str
    #: the message in Chinese ("" where none was written)
    message_zh: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class FieldValueError(GreenDocsError, ValueError):
    """A single value is wrong; raised by validators and converters of the models.

    ``field`` names the attribute when the error is raised from a validator that
    knows it; the converter layer joins it to the full field path.
    """

    def __init__(self, message: str, field: str | None = None, *, zh: str = "") -> None:
        super().__init__(message, zh=zh)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message

    def at(self, field: str) -> FieldValueError:
        """The same error, placed at *field*."""
        return FieldValueError(self.message, field, zh=self.message_zh)


class ValidationError(GreenDocsError, ValueError):
    """Input data does not fit a form's model. ``errors`` lists every problem found;
    ``model`` is the model class the data was for, when known (its labels name the
    fields for readers of the form)."""

    def __init__(self, errors: Sequence[FieldError], source: str | None = None,
                 model: type | None = None) -> None:
        self.errors = tuple(errors)
        self.source = source
        self.model = model
        head = f"{source}: " if source else ""
        count = len(self.errors)
        lines = [f"{head}{count} problem{'s' if count != 1 else ''} found"]
        lines += [f"  {e}" for e in self.errors]
        super().__init__("\n".join(lines), zh="；".join(
            f"{e.path}：{e.message_zh}" if e.path else e.message_zh
            for e in self.errors if e.message_zh))


class TemplateError(GreenDocsError):
    """A template is unusable: unreadable, bad Jinja syntax, or fields the model lacks."""


class ParseError(GreenDocsError):
    """A document could not be read back into a model."""


class NotAFormError(ParseError):
    """A file is not a form at all (not an Office document, or one without form markers)."""


class UnsafeDocumentError(ParseError):
    """A document exceeds the safety limits (size, member count, entities) and was not read."""


class UnknownFormError(GreenDocsError, KeyError):
    """A form id (or a document's form) is not in the registry."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown form"


class FormRegistryError(GreenDocsError):
    """The installed forms conflict (two packages register one form id) or one of them
    cannot be loaded."""


class ConversionError(GreenDocsError):
    """An external converter (LibreOffice) is missing or failed."""


class OutputError(GreenDocsError):
    """An output file could not be written (or would overwrite an input)."""
