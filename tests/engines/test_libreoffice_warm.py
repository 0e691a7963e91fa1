"""One LibreOffice kept warm for many conversions: the same process converts document after
document, is started again after its quota or when it dies, stops a conversion that takes
too long, and the batch path without UNO still works."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

import greendocs
from greendocs.engines.libreoffice import LibreOffice, find_soffice, find_uno_python
from tests.samples import load_sample

SOFFICE = find_soffice()
pytestmark = pytest.mark.skipif(
    SOFFICE is None or find_uno_python(SOFFICE) is None,
    reason="needs LibreOffice and a Python with its uno module (apt-get install "
    "libreoffice-writer-nogui python3-uno)")


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("docs")
    data = greendocs.render(load_sample("factory-dynamic"), "docx")
    files = []
    for i in range(4):
        files.append(folder / f"d{i}.docx")
        files[-1].write_bytes(data)
    return files


@pytest.fixture
def lo() -> Iterator[LibreOffice]:
    with LibreOffice(timeout=120) as office:
        yield office


def _pid(lo: LibreOffice) -> int:
    return int(lo._state["office"].proc.pid)


def _is_pdf(path: Path) -> bool:
    return path.read_bytes().startswith(b"%PDF") and path.stat().st_size > 10_000


def test_one_warm_process_converts_every_document(lo: LibreOffice, docs: list[Path],
                                                  tmp_path: Path) -> None:
    first = lo.convert_files(docs[:2], "pdf", tmp_path)
    pid = _pid(lo)
    second = lo.convert_files(docs[2:], "pdf", tmp_path)
    assert _pid(lo) == pid  # kept warm between batches
    assert [p.name for p in first + second] == ["d0.pdf", "d1.pdf", "d2.pdf", "d3.pdf"]
    assert all(_is_pdf(p) for p in first + second)
    lo.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_it_is_started_again_after_its_quota_and_when_it_dies(docs: list[Path],
                                                              tmp_path: Path) -> None:
    with LibreOffice(max_documents=2) as lo:
        lo.convert_files(docs[:2], "pdf", tmp_path)
        pid = _pid(lo)
        lo.convert_files(docs[2:3], "pdf", tmp_path)
        assert _pid(lo) != pid  # a new process after two documents
        os.killpg(_pid(lo), signal.SIGKILL)  # LibreOffice dies
        out = lo.convert_files(docs[3:], "pdf", tmp_path)
        assert _is_pdf(out[0])


def test_a_conversion_that_takes_too_long_is_stopped_and_the_next_works(
        docs: list[Path], tmp_path: Path) -> None:
    with LibreOffice(timeout=120) as lo:
        lo.convert_files(docs[:1], "pdf", tmp_path)
        lo.timeout = 0.01
        with pytest.raises(greendocs.ConversionError, match=r"d1\.docx: LibreOffice took "
                           r"longer than 0.01 s and was stopped"):
            lo.convert_files(docs[1:2], "pdf", tmp_path)
        lo.timeout = 120
        assert _is_pdf(lo.convert_files(docs[2:3], "pdf", tmp_path)[0])


def test_a_damaged_document_is_refused_and_the_process_goes_on(lo: LibreOffice,
                                                              docs: list[Path],
                                                              tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a document")
    lo.convert_files(docs[:1], "pdf", tmp_path)
    pid = _pid(lo)
    with pytest.raises(greendocs.ConversionError, match=r"bad\.docx: LibreOffice could not "
                       r"convert it to pdf"):
        lo.convert_files([bad], "pdf", tmp_path)
    assert _is_pdf(lo.convert_files(docs[1:2], "pdf", tmp_path)[0]) and _pid(lo) == pid


def test_without_uno_each_batch_is_one_process(monkeypatch: pytest.MonkeyPatch,
                                               docs: list[Path], tmp_path: Path) -> None:
    monkeypatch.setenv("GREENDOCS_UNO_PYTHON", "none")
    with LibreOffice() as lo:
        out = lo.convert_files(docs[:2], "pdf", tmp_path)
        assert "office" not in lo._state and all(_is_pdf(p) for p in out)


def test_the_command_line_renders_many_files_to_pdf(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from greendocs.cli import main
    from tests.samples import sample_path

    inputs = []
    for form in ("factory-dynamic", "factory-self", "agency-annual"):
        inputs.append(str(sample_path(form)))
    result = CliRunner().invoke(main, ["render", *inputs, "--format", "pdf", "-o",
                                       str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    made = sorted(tmp_path.glob("*.pdf"))
    assert [p.name for p in made] == ["agency-annual.pdf", "factory-dynamic.pdf",
                                      "factory-self.pdf"]
    assert all(_is_pdf(p) for p in made)


def test_a_forked_child_leaves_its_parents_libreoffice_running(docs: list[Path],
                                                               tmp_path: Path) -> None:
    with LibreOffice() as lo:
        lo.convert_files(docs[:1], "pdf", tmp_path)
        pid = _pid(lo)
        child = os.fork()
        if child == 0:  # the child drops its copy, as a worker of a pool does on exit
            lo.close()
            os._exit(0)
        os.waitpid(child, 0)
        os.kill(pid, 0)  # still running
        assert _pid(lo) == pid and _is_pdf(lo.convert_files(docs[1:2], "pdf", tmp_path)[0])
