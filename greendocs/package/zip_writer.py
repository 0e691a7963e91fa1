"""Writing zip containers byte-for-byte deterministically (fixed times, fixed order)."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterable

import attrs

_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the earliest a zip can say
_DOS_TIME = 0


@attrs.frozen
class ZipMember:
    """One compressed member, ready to be written (its deflate stream precomputed)."""

    name: str
    crc: int
    size: int
    compressed: bytes
    method: int  # 0 stored, 8 deflated

    @classmethod
    def of(cls, name: str, data: bytes, *, level: int = 6, store: bool = False) -> ZipMember:
        """Compress *data* once; the result can be written into any number of archives."""
        if store:
            return cls(name, zlib.crc32(data), len(data), data, 0)
        comp = zlib.compressobj(level, zlib.DEFLATED, -15)
        body = comp.compress(data) + comp.flush()
        return cls(name, zlib.crc32(data), len(data), body, 8)


_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")


def reuse_compressed(data: bytes, members: dict[str, bytes]) -> dict[str, ZipMember]:
    """The members of the archive *data* — already read, and so checked, into *members*
    (name → content) — as :class:`ZipMember` s holding the archive's own compressed
    streams, not compressed again; a member whose stream cannot be taken as it is (another
    method, a CRC that does not match its content) is compressed anew."""
    import zipfile

    out: dict[str, ZipMember] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            content = members.get(info.filename)
            if content is None:
                continue
            start = info.header_offset
            fields = _LOCAL_HEADER.unpack_from(data, start)
            body = start + _LOCAL_HEADER.size + fields[9] + fields[10]
            raw = data[body:body + info.compress_size]
            if (fields[0] == 0x04034B50 and info.compress_type in (0, 8)
                    and len(raw) == info.compress_size and zlib.crc32(content) == info.CRC
                    and info.file_size == len(content)):
                out[info.filename] = ZipMember(info.filename, info.CRC, len(content), raw,
                                               info.compress_type)
            else:
                out[info.filename] = ZipMember.of(info.filename, content)
    return out


def build_zip(members: Iterable[ZipMember]) -> bytes:
    """A zip archive of *members* in the given order, with no timestamps or host data."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    count = 0
    for m in members:
        name = m.name.encode("utf-8")
        flags = 0x800 if not m.name.isascii() else 0
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, m.method, _DOS_TIME,
                            _DOS_DATE, m.crc, len(m.compressed), m.size, len(name), 0)
        out += (local, name, m.compressed)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, m.method,
                                   _DOS_TIME, _DOS_DATE, m.crc, len(m.compressed), m.size,
                                   len(name), 0, 0, 0, 0, 0, offset) + name)
        offset += len(local) + len(name) + len(m.compressed)
        count += 1
    cd = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(cd), offset, 0)
    return b"".join(out) + cd + end
