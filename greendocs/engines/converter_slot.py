"""The LibreOffice a renderer or a parser converts with: the one it was given, else one it
starts when first needed and keeps warm for the next conversions (or, not kept, a new one
for each call, stopped when the call is done with it)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:  # LibreOffice (and subprocess with it) is imported when first used
    from .libreoffice import LibreOffice


class ConverterSlot:
    """Holds the LibreOffice of one renderer or parser; thread-safe."""

    def __init__(self, given: LibreOffice | None = None, *, keep: bool = True) -> None:
        self._office = given
        self._keep = keep
        self._own: LibreOffice | None = None  # the one started here, which close() stops
        self._lock = threading.Lock()

    def get(self) -> LibreOffice:
        """The LibreOffice to convert with (:class:`ConversionError` if none is installed)."""
        if self._office is not None:
            return self._office
        from .libreoffice import LibreOffice

        if not self._keep:
            return LibreOffice()
        with self._lock:
            if self._office is None:
                self._office = self._own = LibreOffice()
            return self._office

    def close(self) -> None:
        """Stop the LibreOffice started here, if any (one given is its owner's to stop)."""
        if self._own is not None:
            self._own.close()


class KeepsLibreOffice:
    """What a renderer and a parser share: the LibreOffice they convert with (in
    ``self._office``), stopped by :meth:`close` or on leaving a ``with`` block."""

    _office: ConverterSlot

    def _converter(self) -> LibreOffice:
        return self._office.get()

    def close(self) -> None:
        """Stop the LibreOffice this object started, if any (one given is the caller's)."""
        self._office.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
