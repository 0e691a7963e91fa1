"""A picture outside a narrative section (in a table's cell, on a page of its own) is not
read, and parse says where it is rather than dropping it silently."""

from __future__ import annotations

import io

import docx
from PIL import Image

import greendocs
from tests.samples import load_sample


def _png() -> io.BytesIO:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 40, 40)).save(buf, "PNG")
    buf.seek(0)
    return buf


def test_pictures_no_field_holds_are_named_with_their_places() -> None:
    model = load_sample("factory-dynamic")  # a table form: no narrative
    document = docx.Document(io.BytesIO(greendocs.render(model, "docx")))
    document.tables[0].cell(0, 0).paragraphs[0].add_run().add_picture(_png())
    document.add_paragraph().add_run().add_picture(_png())
    buf = io.BytesIO()
    document.save(buf)
    parsed = greendocs.parse(buf.getvalue(), source="a6.docx")
    assert parsed.model == model  # the values are all read
    pictures = [n for n in parsed.notes if "picture" in n]
    assert len(pictures) == 2 and all("is not read" in n for n in pictures)
    assert any("table 1, row 1" in n for n in pictures)
    assert any(n.startswith("the picture at paragraph") for n in pictures)
