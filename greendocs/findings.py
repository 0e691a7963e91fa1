"""Findings of the rules: what a check found, how serious it is, and where."""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs


class Severity(enum.StrEnum):
    """How serious a finding is: errors make a form invalid, warnings call for a look."""

    ERROR = "error"
    WARNING = "warning"


@attrs.frozen
class Finding:
    """One result of a rule: ``rule`` says which check, ``path`` which field."""

    rule: str
    severity: Severity
    path: str
    message: str
    #: the message in Chinese, as Attachment 1's problem list prints it ("" where none)
    message_zh: str = ""

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.severity.value}: {where}{self.message} [{self.rule}]"


@attrs.frozen
class ValidationReport:
    """Everything the rules found for one form instance."""

    form: str
    findings: tuple[Finding, ...] = ()

    @classmethod
    def of(cls, form: str, findings: Iterable[Finding]) -> ValidationReport:
        return cls(form, tuple(findings))

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """True when no finding is an error (warnings allowed)."""
        return not self.errors
