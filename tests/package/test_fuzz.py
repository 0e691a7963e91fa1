"""Any bytes given as a document give a model or a GreenDocsError — never another
exception: random bytes, and real documents damaged at random (bytes changed, cut short,
parts rewritten)."""

from __future__ import annotations

import contextlib
import io
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

import greendocs
from tests.samples import load_sample

SAMPLE = load_sample("factory-dynamic")
DOCUMENTS = {fmt: greendocs.render(SAMPLE, fmt) for fmt in ("docx", "odt", "xlsx")}


def _parse(data: bytes) -> None:
    with contextlib.suppress(greendocs.GreenDocsError):
        greendocs.parse(data, source="fuzzed")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    for head in (b"", b"PK\x03\x04"):
        _parse(head + data)


@settings(max_examples=60, deadline=None)
@given(fmt=st.sampled_from(sorted(DOCUMENTS)), data=st.data())
def test_damaged_documents(fmt: str, data: st.DataObject) -> None:
    original = DOCUMENTS[fmt]
    flips = data.draw(st.lists(st.tuples(st.integers(0, len(original) - 1),
                                         st.integers(0, 255)), max_size=8))
    damaged = bytearray(original)
    for at, value in flips:
        damaged[at] = value
    cut = data.draw(st.integers(len(original) // 2, len(original)))
    _parse(bytes(damaged[:cut]))


@settings(max_examples=40, deadline=None)
@given(fmt=st.sampled_from(sorted(DOCUMENTS)), junk=st.binary(max_size=2000),
       keep=st.integers(0, 2000))
def test_parts_rewritten(fmt: str, junk: bytes, keep: int) -> None:
    source = zipfile.ZipFile(io.BytesIO(DOCUMENTS[fmt]))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename.endswith(".xml"):
                body = body[:keep] + junk
            out.writestr(info.filename, body)
    _parse(target.getvalue())
