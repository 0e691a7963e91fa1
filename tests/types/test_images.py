"""Photos are checked before anything is written: real PNG and JPEG files (made by Pillow)
pass; a bomb, a damaged file, a non-image, a missing file and a path outside the input's
folder are refused, each with the file named."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from greendocs.errors import FieldValueError
from greendocs.types.images import MAX_PIXELS, check_image, read_image


def _photo(fmt: str, size: tuple[int, int] = (64, 48)) -> bytes:
    img = Image.new("RGB", size, (40, 120, 60))
    img.paste((200, 200, 40), (8, 8, 30, 30))
    buf = io.BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_real_png_and_jpeg_files_pass_with_their_size() -> None:
    png = check_image(_photo("PNG"), "a.png")
    jpeg = check_image(_photo("JPEG", (640, 480)), "b.jpg")
    assert (png.format, png.width, png.height) == ("png", 64, 48)
    assert (jpeg.format, jpeg.width, jpeg.height, jpeg.extension) == ("jpeg", 640, 480, "jpg")


def test_a_50_megapixel_image_is_refused_before_its_data_is_read() -> None:
    # a bomb: a header declaring 10,000 × 5,000 pixels over a few bytes of data
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", 10_000, 5_000, 8, 2, 0, 0, 0))
    bomb = b"\x89PNG\r\n\x1a\n" + header + _chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + \
        _chunk(b"IEND", b"")
    with pytest.raises(FieldValueError, match=r"big\.png: has 10000 × 5000 = 50,000,000 "
                       r"pixels; images may have at most 25,000,000") as err:
        check_image(bomb, "big.png")
    assert "像素" in err.value.message_zh
    assert MAX_PIXELS < 10_000 * 5_000


def test_a_damaged_png_a_truncated_jpeg_and_a_non_image_are_refused() -> None:
    png = bytearray(_photo("PNG"))
    png[len(png) // 2] ^= 0xFF  # a flipped byte in the pixel data
    with pytest.raises(FieldValueError, match=r"x\.png: is a damaged PNG file"):
        check_image(bytes(png), "x.png")
    with pytest.raises(FieldValueError, match=r"x\.png: is a damaged PNG file"):
        check_image(_photo("PNG")[:-20], "x.png")  # cut short
    with pytest.raises(FieldValueError, match=r"y\.jpg: is a damaged or incomplete JPEG"):
        check_image(_photo("JPEG")[:200], "y.jpg")
    with pytest.raises(FieldValueError, match=r"z\.gif: is not a PNG or JPEG image"):
        check_image(b"GIF89a" + bytes(40), "z.gif")


def test_an_image_is_read_from_the_input_folder_only(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "pv.png").write_bytes(_photo("PNG"))
    data, info, where = read_image("photos/pv.png", tmp_path, "creation.measures[2]")
    assert info.width == 64 and where == tmp_path / "photos" / "pv.png" and data
    with pytest.raises(FieldValueError, match=r"image \.\./secret\.png: is outside the input "
                       r"file's folder") as err:
        read_image("../secret.png", tmp_path, "creation.measures[2]")
    assert err.value.field == "creation.measures[2]"
    with pytest.raises(FieldValueError, match=r"image photos/none\.png: no such file"):
        read_image("photos/none.png", tmp_path, "x")
    (tmp_path / "link.png").symlink_to("/etc/hostname")
    with pytest.raises(FieldValueError, match="outside the input file's folder"):
        read_image("link.png", tmp_path, "x")


def test_a_photo_stored_turned_is_refused_with_what_to_do() -> None:
    img = Image.new("RGB", (80, 60), (40, 120, 60))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° to show": what phones write
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif.tobytes())
    with pytest.raises(FieldValueError, match=r"p\.jpg: is stored turned or mirrored .*rotate"):
        check_image(buf.getvalue(), "p.jpg")
    exif[0x0112] = 1
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif.tobytes())
    assert check_image(buf.getvalue(), "p.jpg").width == 80
