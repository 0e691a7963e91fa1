"""Each attack of the hardening review, run in a fresh process, ends in a clear
:class:`~greendocs.GreenDocsError` within 2 s and 300 MB (the process's peak, the import
included), and leaves no file behind.

The payloads are built inside the child process (streamed, never held whole), so what is
measured is what greendocs does with them.
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECONDS, MEGABYTES = 2.0, 300

W = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'


def _docx(document_xml: Callable[[Any], None]) -> bytes:
    """The factory-dynamic template with word/document.xml written by *document_xml*
    (given a writable member), streamed so the payload is never held whole."""
    from tests.samples import template_path

    source = zipfile.ZipFile(template_path("factory-dynamic"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                with z.open("word/document.xml", "w", force_zip64=True) as member:
                    document_xml(member)
            else:
                z.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


def _paragraph_bomb(member: Any) -> None:
    member.write(W + b"<w:body>")
    chunk = b"<w:p/>" * 1_000_000
    for _ in range(30):  # 30 million paragraphs: 180 MB of XML in about 300 KB
        member.write(chunk)
    member.write(b"</w:body></w:document>")


def _zero_bomb(member: Any) -> None:
    member.write(W + b"<w:body><w:p><w:r><w:t>")
    chunk = b" " * (16 * 1024 * 1024)
    for _ in range(64):  # 1 GiB of spaces
        member.write(chunk)
    member.write(b"</w:t></w:r></w:p></w:body></w:document>")


def _custom_template(text: str) -> Path:
    import tempfile

    from tests.docx_edit import edit_document_xml
    from tests.samples import template_path

    path = Path(tempfile.mkdtemp()) / "custom.docx"
    path.write_bytes(edit_document_xml(template_path("factory-dynamic").read_bytes(),
                                       lambda x: x.replace("一、基本信息", text, 1)))
    return path


#: an attack: builds its payload (not timed) and gives the call to time
Attack = Callable[[], Callable[[], object]]


def _render_with(text: str) -> Attack:
    def build() -> Callable[[], object]:
        import greendocs
        from tests.samples import load_sample

        model, template = load_sample("factory-dynamic"), _custom_template(text)
        return lambda: greendocs.render(model, template=template)
    return build


def _data_file(text: str) -> Attack:
    def build() -> Callable[[], object]:
        import tempfile

        import greendocs

        path = Path(tempfile.mkdtemp()) / "input.yaml"
        path.write_text(text, encoding="utf-8")
        return lambda: greendocs.load_file(path, "factory-dynamic")
    return build


def _first_figure(value: str) -> Attack:
    """The sample with *value* as its first indicator's first figure."""
    def build() -> Callable[[], object]:
        import greendocs
        from greendocs.model.converter import unstructure
        from tests.samples import load_sample

        data = unstructure(load_sample("factory-dynamic"))
        values = data["indicators"][0]["values"]
        values[next(iter(values))] = value
        return lambda: greendocs.structure(data, greendocs.FactoryDynamicReport)
    return build


def _million_rows() -> Callable[[], object]:
    import greendocs
    from greendocs.model.converter import unstructure
    from tests.samples import load_sample

    data = unstructure(load_sample("factory-dynamic"))
    data["indicators"] = data["indicators"][:1] * 1_000_000
    return lambda: greendocs.structure(data, greendocs.FactoryDynamicReport)


def _parse(payload: Callable[[], bytes]) -> Attack:
    def build() -> Callable[[], object]:
        import greendocs

        data = payload()
        return lambda: greendocs.parse(data)
    return build


_DTD = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'

ATTACKS: dict[str, Attack] = {
    "30 million empty paragraphs": _parse(lambda: _docx(_paragraph_bomb)),
    "1 GiB part (zip bomb)": _parse(lambda: _docx(_zero_bomb)),
    "DTD in a UTF-16 part": _parse(lambda: _docx(lambda m: m.write(
        ('<?xml version="1.0" encoding="UTF-16"?>' + _DTD + W.decode()
         + "<w:body/></w:document>").encode("utf-16")))),
    "DTD after a 70 KB comment": _parse(lambda: _docx(lambda m: m.write(
        b"<!--" + b"x" * 70_000 + b"-->" + _DTD.encode() + W + b"<w:body/></w:document>"))),
    "template loop of 10**9": _render_with("{% for i in range(10**9) %}x{% endfor %}"),
    "template output of 10**8": _render_with("{% for i in range(10**8) %}{{ i }}{% endfor %}"),
    "template string of 10**10": _render_with("{{ 'a' * 10**10 }}"),
    "template include": _render_with("{% include 'x.docx' %}"),
    "a million table rows": _million_rows,
    "5000-digit YAML integer": _data_file("reporting_year: " + "9" * 5000 + "\n"),
    "YAML alias bomb": _data_file(  # 9**9 table rows, if the aliases were expanded
        "x: &a [{code: energy_total}, {code: energy_total}, {code: energy_total}]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n"
                  for i in range(8)) + "indicators: *i\n"),
    "1e999999999 as a figure": _first_figure("1e999999999"),
    "1e309 as a figure": _first_figure("1e309"),
}


def child(name: str) -> None:
    """Run one attack and print what happened (in the child process)."""
    import greendocs

    attack = ATTACKS[name]()
    started = time.perf_counter()
    try:
        attack()
        outcome = "no error"
    except greendocs.GreenDocsError as exc:
        outcome = f"{type(exc).__name__}: {str(exc)[:200]}"
    except BaseException as exc:  # what the test is there to catch
        outcome = f"UNEXPECTED {type(exc).__name__}: {str(exc)[:200]}"
    elapsed = time.perf_counter() - started
    print(json.dumps({"outcome": outcome, "seconds": elapsed, "megabytes": _peak_megabytes()}))


def _peak_megabytes() -> float:
    """This process's peak resident memory since it started (``VmHWM``: unlike
    ``ru_maxrss``, not inherited from the parent that forked it)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize("name", list(ATTACKS))
def test_each_attack_ends_in_a_clear_error_within_bounds(name: str, tmp_path: Path) -> None:
    before = set(os.listdir(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-c", f"from tests.package.test_bounds import child; child({name!r})"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "TMPDIR": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert not result["outcome"].startswith(("UNEXPECTED", "no error")), result
    assert result["seconds"] < SECONDS, result
    assert result["megabytes"] < MEGABYTES, result
    left = set(os.listdir(tmp_path)) - before
    assert not [p for p in left if not (tmp_path / p).is_dir()], left
