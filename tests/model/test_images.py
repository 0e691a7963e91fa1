"""The photos of an input's narratives are read relative to the input and checked: each
file that cannot be used is named with the section (field path) that names it."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
import yaml
from PIL import Image

import greendocs
from greendocs.model.images import images_of, write_images
from tests.samples import sample_path


def _png(size: tuple[int, int] = (60, 40)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (10, 120, 60)).save(buf, "PNG")
    return buf.getvalue()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _input(folder: Path, photos: list[object]) -> Path:
    report = yaml.safe_load(sample_path("factory-self").read_text(encoding="utf-8"))
    report["data"]["creation"]["infrastructure"] = ["厂房采用钢结构。"]  # (no photos)
    report["data"]["creation"]["products"] = ["产品说明。", *photos]
    path = folder / "input" / "report.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(report, allow_unicode=True), encoding="utf-8")
    return path


def test_photos_are_read_next_to_the_input_and_written_out_again(tmp_path: Path) -> None:
    path = _input(tmp_path, ["![车间](photos/shop.png)"])
    (path.parent / "photos").mkdir()
    (path.parent / "photos" / "shop.png").write_bytes(_png())
    model = greendocs.load_file(path)
    [(where, photo)] = [(w, p) for w, p in images_of(model)
                        if w.startswith("creation.products")]
    assert where == "creation.products[1]" and photo.data == _png()
    written = write_images(model, tmp_path / "copy")
    assert tmp_path / "copy" / "photos" / "shop.png" in written


def test_each_unusable_photo_is_named_with_its_section_and_file(tmp_path: Path) -> None:
    bomb = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 10_000, 5_000, 8, 2,
                                                             0, 0, 0)) + \
        _chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + _chunk(b"IEND", b"")
    corrupt = bytearray(_png())
    corrupt[len(corrupt) // 2] ^= 0xFF
    path = _input(tmp_path, ["![缺少的图](photos/missing.png)", "![大图](photos/big.png)",
                             "![损坏的图](photos/corrupt.png)", "![外面的图](../outside.png)"])
    (path.parent / "photos").mkdir()
    (path.parent / "photos" / "big.png").write_bytes(bomb)
    (path.parent / "photos" / "corrupt.png").write_bytes(bytes(corrupt))
    (tmp_path / "outside.png").write_bytes(_png())
    with pytest.raises(greendocs.ValidationError) as err:
        greendocs.load_file(path)
    text = str(err.value)
    assert "creation.products[1]: image photos/missing.png: no such file" in text
    assert "creation.products[2]: image photos/big.png: has 10000 × 5000 = 50,000,000 " \
        "pixels" in text
    assert "creation.products[3]: image photos/corrupt.png: is a damaged PNG file" in text
    assert "creation.products[4]: image ../outside.png: is outside the input file's " \
        "folder" in text
    assert str(path) in text  # the input file too
