"""Photos in a report's narrative: PNG and JPEG files, checked before anything is written.

An image is read from a path relative to the input file and must stay inside that file's
folder. It is refused, with a message naming the file, when it is missing, not a PNG or
JPEG, larger than :data:`MAX_IMAGE_BYTES`, of more than :data:`MAX_PIXELS` pixels (a
small file declaring a huge picture is how an image bomb works), or damaged: a PNG's
chunks are checked against their CRCs and its pixel data is decompressed (bounded by what
its header declares); a JPEG must have its frame header and its scan. Nothing
here decodes pixels into memory, and nothing needs Pillow.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import attrs

from ..errors import FieldValueError

#: the largest image file accepted
MAX_IMAGE_BYTES = 20 * 1024 * 1024
#: the most pixels an image may have (a 24-megapixel camera's photo fits; a report needs
#: far fewer: 1,800 × 1,200 prints a text-wide photo at 300 dpi)
MAX_PIXELS = 25_000_000
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: bytes per pixel of PNG colour types, per bit of depth
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


@attrs.frozen
class ImageInfo:
    """What an image file is: its format (``png`` or ``jpeg``) and size in pixels."""

    format: str
    width: int
    height: int

    @property
    def extension(self) -> str:
        return "jpg" if self.format == "jpeg" else self.format

    @property
    def content_type(self) -> str:
        return f"image/{self.format}"


def _refuse(name: str, what: str, zh: str) -> FieldValueError:
    return FieldValueError(f"{name}: {what}", zh=f"{name}：{zh}")


def check_image(data: bytes, name: str) -> ImageInfo:
    """The format and size of the image *data* (the file *name*, for messages), or
    :class:`FieldValueError` saying what is wrong with it."""
    if len(data) > MAX_IMAGE_BYTES:
        raise _refuse(name, f"the file is {len(data):,} bytes; images may have at most "
                      f"{MAX_IMAGE_BYTES:,}: save it smaller",
                      f"文件大小为{len(data):,}字节，图片最大{MAX_IMAGE_BYTES:,}字节；请压缩后再用")
    if data.startswith(_PNG_SIGNATURE):
        info = _check_png(data, name)
    elif data.startswith(b"\xff\xd8\xff"):
        info = _check_jpeg(data, name)
    else:
        raise _refuse(name, "is not a PNG or JPEG image; save the photo as .png or .jpg",
                      "不是PNG或JPEG图片；请另存为.png或.jpg")
    if info.width * info.height > MAX_PIXELS:
        raise _refuse(
            name, f"has {info.width} × {info.height} = {info.width * info.height:,} pixels; "
            f"images may have at most {MAX_PIXELS:,} (25 megapixels): scale it down",
            f"有{info.width}×{info.height}={info.width * info.height:,}像素，图片最多"
            f"{MAX_PIXELS:,}像素；请缩小后再用")
    return info


def _check_png(data: bytes, name: str) -> ImageInfo:
    damaged = _refuse(name, "is a damaged PNG file (its data does not check out); "
                      "save it again", "PNG文件已损坏；请重新保存")
    pos = len(_PNG_SIGNATURE)
    width = height = 0
    row_bytes = 0
    idat = zlib.decompressobj()
    expected = 0
    produced = 0
    seen_end = False
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc = data[pos + 8 + length:pos + 12 + length]
        if len(body) != length or len(crc) != 4 or \
                zlib.crc32(kind + body) != struct.unpack(">I", crc)[0]:
            raise damaged
        if kind == b"IHDR":
            if length != 13:
                raise damaged
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if width == 0 or height == 0 or colour not in _PNG_CHANNELS:
                raise damaged
            if width * height > MAX_PIXELS:  # refused before its data is looked at
                return ImageInfo("png", width, height)
            row_bytes = 1 + -(-width * _PNG_CHANNELS[colour] * depth // 8)
            expected = row_bytes * height  # without interlacing; with it, a little more
        elif kind == b"IDAT":
            if not width:
                raise damaged
            try:  # bounded: never more than the header declares (and some slack)
                produced += len(idat.decompress(body, max(0, expected * 2 - produced) + 1))
            except zlib.error:
                raise damaged from None
            if produced > expected * 2:
                raise damaged
        elif kind == b"IEND":
            seen_end = True
            break
        pos += 12 + length
    if not seen_end or not width or produced < expected or not idat.eof:
        raise damaged
    return ImageInfo("png", width, height)


def _check_jpeg(data: bytes, name: str) -> ImageInfo:
    damaged = _refuse(name, "is a damaged or incomplete JPEG file; save it again",
                      "JPEG文件已损坏或不完整；请重新保存")
    pos = 2
    size: tuple[int, int] | None = None
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise damaged
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        if length < 2 or pos + 2 + length > len(data):
            raise damaged
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD,
                      0xCE, 0xCF):  # a frame header: the picture's size
            height, width = struct.unpack(">HH", data[pos + 5:pos + 9])
            size = (width, height)
        if marker == 0xE1 and _exif_orientation(data[pos + 4:pos + 2 + length]) not in (0, 1):
            raise _refuse(name, "is stored turned or mirrored (its EXIF orientation says how "
                          "to show it, which documents do not follow): rotate it in a photo "
                          "editor or the phone's gallery and save it again",
                          "以旋转或镜像方式存储（EXIF方向标记），文档不会按其显示；"
                          "请在图片编辑器中旋转后重新保存")
        if marker == 0xDA:  # the scan: the compressed picture follows (to an end marker
            # that converters sometimes leave off, as viewers do not need it)
            if size is None or not size[0] or not size[1] or len(data) < pos + 2 + length + 2:
                raise damaged
            return ImageInfo("jpeg", *size)
        pos += 2 + length
    raise damaged


def _exif_orientation(segment: bytes) -> int:
    """The EXIF orientation (1: as stored) of an APP1 segment's body; 0 when it has none."""
    if not segment.startswith(b"Exif\x00\x00") or len(segment) < 14:
        return 0
    tiff = segment[6:]
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return 0
    try:
        (ifd,) = struct.unpack(order + "I", tiff[4:8])
        (count,) = struct.unpack(order + "H", tiff[ifd:ifd + 2])
        for i in range(min(count, 500)):
            entry = tiff[ifd + 2 + 12 * i:ifd + 14 + 12 * i]
            tag, kind, _, value = struct.unpack(order + "HHI4s", entry)
            if tag == 0x0112 and kind == 3:
                return int(struct.unpack(order + "H", value[:2])[0])
    except struct.error:
        return 0
    return 0


def read_image(path: str, base: Path, field: str) -> tuple[bytes, ImageInfo, Path]:
    """The image at *path* (relative to the folder *base*, where the input file is): its
    bytes, what it is and where it is; :class:`FieldValueError` at *field* when it is
    outside *base*, missing, unreadable or not a sound PNG or JPEG."""
    base = base.resolve()
    candidate = Path(path)
    target = (candidate if candidate.is_absolute() else base / candidate).resolve()
    if os.path.commonpath([base, target]) != str(base):
        raise FieldValueError(
            f"image {path}: is outside the input file's folder ({base}); put it in that "
            "folder or below it", field, zh=f"图片{path}不在输入文件所在文件夹内；请放入该文件夹")
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        raise FieldValueError(f"image {path}: no such file in {base}", field,
                              zh=f"找不到图片文件{path}") from None
    except OSError as exc:
        raise FieldValueError(f"image {path}: cannot read it ({exc.strerror})", field,
                              zh=f"无法读取图片文件{path}") from None
    try:
        info = check_image(data, f"image {path}")
    except FieldValueError as exc:
        raise exc.at(field) from None
    return data, info, target
