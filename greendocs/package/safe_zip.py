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
    #: a part's size once expanded: the document.xml of a table at its 5,000-row limit is
    #: about 20 MB, and a part of 64 MB would hold more XML elements than the parser's
    #: bound (``safe_xml.MAX_ELEMENTS``) anyway
    max_member_bytes: int = 64 * 1024 * 1024
    max_total_bytes: int = 400 * 1024 * 1024


DEFAULT_LIMITS = ZipLimits()
_CHUNK = 1 << 16


def open_zip(data: bytes, source: str, limits: ZipLimits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """Open *data* as a zip archive, or raise :class:`ParseError` naming *source*."""
    if len(data) > limits.max_archive_bytes:
        raise UnsafeDocumentError(
            f"{source}: the file is {len(data):,} bytes; the limit is "
            f"{limits.max_archive_bytes:,}",
            zh=f"文件大小为{len(data):,}字节，超过上限{limits.max_archive_bytes:,}字节")
    if not data.startswith(b"PK"):
        raise ParseError(f"{source}: not an Office document (it is not a zip container)",
                         zh="不是Office文档（不是zip容器）")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise ParseError(f"{source}: the document is damaged or truncated ({exc})",
                         zh="文档已损坏或不完整") from None
    if len(zf.infolist()) > limits.max_members:
        raise UnsafeDocumentError(
            f"{source}: the container holds {len(zf.infolist()):,} parts; the limit is "
            f"{limits.max_members:,}",
            zh=f"文档包含{len(zf.infolist()):,}个部件，超过上限{limits.max_members:,}个")
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
                raise ParseError(f"{source}: the part {info.filename} is encrypted",
                                 zh=f"文档部件{info.filename}已加密，无法读取")
            buffer = io.BytesIO()  # getvalue() hands its bytes over without a copy
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
                                "bytes (a zip bomb?); not read",
                                zh=f"文档部件{info.filename}解压后过大（可能是压缩炸弹）；未读取")
                        buffer.write(chunk)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError,
                    NotImplementedError) as exc:
                raise ParseError(
                    f"{source}: the part {info.filename} is damaged ({exc})",
                    zh=f"文档部件{info.filename}已损坏") from None
            out[info.filename] = buffer.getvalue()
    return out
