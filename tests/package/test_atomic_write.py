"""Atomic writes: never over an input (hard links included), never over a device or a
folder, and no temporary file left by a killed run outlives the next write."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from greendocs.cli import main
from greendocs.errors import OutputError
from greendocs.package.atomic_write import STALE_AFTER_SECONDS, write_atomic
from tests.samples import sample_path


def test_a_fifo_and_a_folder_are_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="not a regular file"):
        write_atomic(fifo, b"x")
    assert fifo.exists() and not fifo.is_file()
    with pytest.raises(OutputError, match="not a regular file"):
        write_atomic(tmp_path, b"x")


def test_an_input_is_not_overwritten_even_through_a_hard_link(tmp_path: Path) -> None:
    source = tmp_path / "in.yaml"
    source.write_text("data")
    link = tmp_path / "link.yaml"
    os.link(source, link)
    with pytest.raises(OutputError, match="refusing to overwrite the input file"):
        write_atomic(link, b"new", inputs=[source])
    assert source.read_text() == "data"


def test_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    old = tmp_path / ".out.docx.abc123.part"
    fresh = tmp_path / ".out.docx.def456.part"
    other = tmp_path / ".other.docx.abc.part"
    for part in (old, fresh, other):
        part.write_bytes(b"half")
    past = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(old, (past, past))
    os.utime(other, (past, past))
    write_atomic(tmp_path / "out.docx", b"whole")
    assert not old.exists() and fresh.exists() and other.exists()
    assert (tmp_path / "out.docx").read_bytes() == b"whole"


def test_cli_never_writes_over_what_it_read(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    out = inbox / "附件1.xlsx"
    runner = CliRunner()
    first = runner.invoke(main, ["summarize", str(inbox), "-o", str(out), "--province", "浙江"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(main, ["summarize", str(inbox), "-o", str(out), "--province", "浙江"])
    assert again.exit_code == 3 and "refusing to overwrite the input file" in again.stderr
    template = tmp_path / "t.docx"
    made = runner.invoke(main, ["render", str(sample_path("factory-dynamic")), "-o",
                                str(template)])
    assert made.exit_code == 0
    before = template.read_bytes()
    result = runner.invoke(main, ["render", str(sample_path("factory-dynamic")), "-o",
                                  str(template), "--template", str(template)])
    assert result.exit_code == 3 and template.read_bytes() == before
