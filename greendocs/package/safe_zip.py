"""Reading zip containers (.docx, .xlsx, .odt) from untrusted sources, within hard limits."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable

import attrs

from ..errors import ParseError, UnsafeDocumentError


@attrs.frozen
class ZipLimits:
    """Ceilings for an untrusted container; exceeding any one stops the read."""

    max_archive_bytes: int = 100 * 1024 * 1024
    max_members: int = 5000
    max_member_bytes: int = 200 * 1024 * 1024
    max_total_bytes: int = 400 * 1024 * 1024


DEFAULT_LIMITS = ZipLimits()
_CHUNK = 1 << 16


def open_zip(data: bytes, source: str, limits: ZipLimits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """Open *data* as a zip archive, or raise :class:`ParseError` naming *source*."""
    if len(data) > limits.max_archive_bytes:
        raise UnsafeDocumentError(
            f"{source}: the file is {len(data):,} bytes; the limit is "
            f"{limits.max_archive_bytes:,}")
    if not data.startswith(b"PK"):
        raise ParseError(f"{source}: not an Office document (it is not a zip container)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise ParseError(f"{source}: the document is damaged or truncated ({exc})") from None
    if len(zf.infolist()) > limits.max_members:
        raise UnsafeDocumentError(
            f"{source}: the container holds {len(zf.infolist()):,} parts; the limit is "
            f"{limits.max_members:,}")
    return zf


def read_members(data: bytes, source: str, names: Iterable[str] | None = None,
                 limits: ZipLimits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """The bytes of the members *names* (all members when None) that exist in the archive.

    Sizes are counted while decompressing, never trusted from the headers, so a zip bomb
    stops at the limit without being expanded.
    """
    zf = open_zip(data, source, limits)
    wanted = None if names is None else set(names)
    out: dict[str, bytes] = {}
    total = 0
    with zf:
        for info in zf.infolist():
            if info.is_dir() or (wanted is not None and info.filename not in wanted):
                continue
            if info.flag_bits & 0x1:
                raise ParseError(f"{source}: the part {info.filename} is encrypted")
            chunks: list[bytes] = []
            size = 0
            try:
                with zf.open(info) as member:
                    while chunk := member.read(_CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if size > limits.max_member_bytes or total > limits.max_total_bytes:
                            raise UnsafeDocumentError(
                                f"{source}: the part {info.filename} expands beyond "
                                f"{min(limits.max_member_bytes, limits.max_total_bytes):,} "
                                "bytes (a zip bomb?); not read")
                        chunks.append(chunk)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError,
                    NotImplementedError) as exc:
                raise ParseError(
                    f"{source}: the part {info.filename} is damaged ({exc})") from None
            out[info.filename] = b"".join(chunks)
    return out
