"""Deterministic zips, and members taken over from another archive without recompressing."""

from __future__ import annotations

import io
import zipfile

from greendocs.package.safe_zip import read_members
from greendocs.package.zip_writer import ZipMember, build_zip, reuse_compressed


def _archive() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("a.xml"), "<a>" + "文字" * 500 + "</a>",
                    compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("stored.bin", b"\x00\x01" * 10, compress_type=zipfile.ZIP_STORED)
        zf.writestr("b/c.xml", "<c/>", compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def test_reused_members_hold_the_archives_streams_and_read_back_the_same() -> None:
    data = _archive()
    members = read_members(data, "t.zip")
    reused = reuse_compressed(data, members)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert len(reused["a.xml"].compressed) == zf.getinfo("a.xml").compress_size
    assert reused["stored.bin"].method == 0
    again = build_zip(reused.values())
    assert read_members(again, "again.zip") == members
    assert build_zip(reused.values()) == again  # deterministic


def test_a_member_whose_content_differs_from_its_stream_is_compressed_anew() -> None:
    data = _archive()
    changed = {"a.xml": b"<a>other</a>"}
    reused = reuse_compressed(data, changed)
    assert reused == {"a.xml": ZipMember.of("a.xml", b"<a>other</a>")}
    assert read_members(build_zip(reused.values()), "z") == changed
