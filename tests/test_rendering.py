"""Final and draft output: the document handed in carries only what the official blank
carries; ``draft=True`` (``render --draft``) says it is a draft on its first line and
prints where the figures come from — which the console says in any case."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import greendocs
from greendocs.cli import main
from greendocs.layout.elements import DRAFT_BANNER
from tests.docx_edit import docx_text
from tests.samples import load_sample, sample_path

SOURCES = ("domain notes", "MIIT", "reproduced at", "placeholder", "评价依据：")


@pytest.mark.parametrize("form", ["factory-self", "factory-third-party", "supply-chain-self",
                                  "supply-chain-third-party"])
def test_the_final_document_carries_no_note_for_the_consultant(form: str) -> None:
    model = load_sample(form)
    final = docx_text(greendocs.render(model))
    assert not [s for s in SOURCES if s in final]
    assert DRAFT_BANNER not in final
    draft = docx_text(greendocs.render(model, draft=True))
    assert draft.splitlines()[0] == DRAFT_BANNER
    assert "评价依据：" in draft


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_a_draft_read_back_says_it_is_a_draft(fmt: str) -> None:
    model = load_sample("factory-self")
    parsed = greendocs.parse(greendocs.render(model, fmt, draft=True))
    assert parsed.draft and parsed.notes == ()  # the draft's notes are the form's own
    final = greendocs.parse(greendocs.render(model, fmt))
    assert not final.draft and final.notes == ()


def test_render_says_on_the_console_what_the_document_no_longer_does(tmp_path: Path) -> None:
    out = tmp_path / "2-1.docx"
    result = CliRunner().invoke(main, ["render", str(sample_path("factory-self")), "-o",
                                       str(out)])
    assert result.exit_code == 0, result.output
    assert "warning: indicator_system:" in result.stderr and "not all verified" in \
        result.stderr
    draft = tmp_path / "2-1-draft.docx"
    result = CliRunner().invoke(main, ["render", str(sample_path("factory-self")), "-o",
                                       str(draft), "--draft"])
    assert result.exit_code == 0, result.output
    assert docx_text(draft.read_bytes()).startswith(DRAFT_BANNER)


def test_a_draft_in_a_province_s_inbox_is_listed_as_one(tmp_path: Path) -> None:
    from greendocs.rollup.collect import summarize

    (tmp_path / "self.docx").write_bytes(
        greendocs.render(load_sample("supply-chain-self"), draft=True))
    (tmp_path / "third.docx").write_bytes(
        greendocs.render(load_sample("supply-chain-third-party")))
    result = summarize(tmp_path, province="浙江省", workers=1)
    drafts = [p for p in result.problems if p.kind == "draft"]
    assert [Path(p.files).name for p in drafts] == ["self.docx"]
    assert drafts[0].severity.value == "error" and "草稿" in drafts[0].message_zh


def test_validate_json_carries_the_findings() -> None:
    import json

    result = CliRunner().invoke(main, ["validate", str(sample_path("factory-self")), "--json"])
    data = json.loads(result.stdout)
    assert {f["rule"] for f in data["findings"]} >= {"unverified-system"}
    assert all(f["message_zh"] for f in data["findings"])
    loaded = greendocs.load(data, base=sample_path("factory-self").parent)  # its photos
    assert loaded == load_sample("factory-self")


def test_the_contents_list_is_made_only_for_a_template_that_prints_it(tmp_path: Path) -> None:
    from greendocs.rendering import Renderer

    renderer = Renderer()
    report, table = (greendocs.forms().get(f) for f in ("factory-self", "factory-dynamic"))
    report_names, table_names = (renderer.template_for(s).names for s in (report, table))
    assert report_names is not None and "contents" in report_names
    assert table_names is not None and "contents" not in table_names
    assert "目录\n材料真实性承诺\n一、工厂基本情况\n" in docx_text(
        greendocs.render(load_sample("factory-self")))
    # a custom template's names are read when it is compiled
    custom = tmp_path / "custom.docx"
    custom.write_bytes(report.template("docx") or b"")
    names = renderer.template_for(report, "docx", custom).names
    assert names is not None and {"contents", "factory"} <= names
