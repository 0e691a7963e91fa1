"""Attachment 2 reports end to end: rendering, reading back edited documents, the
applicant rules (negative list, energy benchmarks) and the roll-up."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

import greendocs
from greendocs import ValidationError
from greendocs.blocks.negative_list import Declaration
from greendocs.blocks.unit_nature import UnitNature
from greendocs.forms.factory import (
    BenchmarkKind,
    Conformity,
    EnergyEfficiency,
    FactorySelfReport,
    FactoryThirdPartyReport,
    check_report,
    load_benchmarks,
)
from greendocs.markers.bookmark_names import pattern_key
from tests.docx_edit import docx_text, edit_document_xml

D = Decimal


def _set_marked(xml: str, pattern: str, indices: tuple[str, ...], text: str) -> str:
    """Type *text* over the value marked for *pattern* at *indices* (what a person does)."""
    name = "gd" + pattern_key(pattern) + "".join(f"_{i}" for i in indices)
    m = re.search(rf'<w:bookmarkStart w:id="\d+" w:name="{name}"/>.*?<w:t(?: [^>]*)?>(.*?)</w:t>',
                  xml, re.DOTALL)
    assert m is not None, name
    return xml[:m.start(1)] + text + xml[m.end(1):]


def _set_cell(xml: str, row_text: str, column: int, text: str) -> str:
    """Type *text* over the cell in *column* (from 0) of the table row holding the cell
    *row_text* (a long table's rows carry no markers of their own: see lean rows)."""
    row = next(m for m in re.finditer(r"<w:tr[ >].*?</w:tr>", xml, re.DOTALL)
               if f">{row_text}<" in m.group(0))
    cell = list(re.finditer(r"<w:tc>.*?</w:tc>", row.group(0), re.DOTALL))[column]
    value = re.search(r"<w:t(?: [^>]*)?>(.*?)</w:t>", cell.group(0))
    assert value is not None
    start = row.start() + cell.start() + value.start(1)
    return xml[:start] + text + xml[row.start() + cell.start() + value.end(1):]


def test_report_prints_the_computed_scores_and_the_system(factory_self: FactorySelfReport,
                                                          factory_third_party: Any) -> None:
    text = docx_text(greendocs.render(factory_self))
    assert "绿色工厂评价通则（GB/T 36132-2018）" in text
    assert "91.95" in text and "符合绿色工厂评价要求" in text
    assert "未经官方核实" not in text  # said on the console and in a draft, not handed in
    assert "未经官方核实" in docx_text(greendocs.render(factory_self, draft=True))
    assert "内资（□国有 □集体 ☑民营） □中外合资 □港澳台 □外商独资" in text
    tp_text = docx_text(greendocs.render(factory_third_party))
    assert "☑符合　□不符合" in tp_text and "91.6" in tp_text
    assert "2613 无机盐制造" in tp_text  # several industries on the third-party form


def test_report_has_cover_header_and_page_numbers(factory_self: FactorySelfReport) -> None:
    import io

    import docx

    document = docx.Document(io.BytesIO(greendocs.render(factory_self)))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "绿色工厂自评价报告"
    assert "PAGE" in section.footer._element.xml
    assert docx_text(greendocs.render(factory_self)).split("\n")[1] == "绿色工厂自评价报告"
    xml = document.element.xml
    assert xml.count('w:type="page"') >= 3  # cover, instructions, basic info, body


def test_edited_narrative_and_scores_read_back_as_found(factory_self: FactorySelfReport) -> None:
    """A person rewrote a paragraph, lowered a mandatory score and typed a total: the
    parser returns what it finds and validate recomputes and reports the mismatch."""
    index = [a.id for a in factory_self.assessments].index("G1.2.2")

    def edit(xml: str) -> str:
        xml = _set_marked(xml, "overview[]", ("0",), "厂区改扩建后占地面积13.1万平方米。")
        xml = _set_cell(xml, "G1.2.2", 7, "5")  # its score
        return _set_marked(xml, "stated_total", (), "95")

    edited = edit_document_xml(greendocs.render(factory_self), edit)
    parsed = greendocs.parse(edited).model
    assert isinstance(parsed, FactorySelfReport)
    assert parsed.overview[0] == "厂区改扩建后占地面积13.1万平方米。"
    assert parsed.overview[1:] == factory_self.overview[1:]
    assert parsed.assessments[index].score == 5
    assert parsed.stated_total == 95
    findings = {(f.rule, f.path): f.message for f in greendocs.validate(parsed).findings}
    assert "states 95 but the assessments give 91.35" in findings[("stated-score",
                                                                    "stated_total")]
    assert "G1.2.2" in findings[("mandatory", f"assessments[{index}]")]


def test_ticked_boxes_typed_over_in_word_read_back(
        factory_third_party: FactoryThirdPartyReport) -> None:
    def edit(xml: str) -> str:
        xml = xml.replace("☑民营", "□民营").replace("□国有", "■国有")
        return xml.replace("☑符合", "□符合").replace("□不符合", "√不符合")

    parsed = greendocs.parse(edit_document_xml(greendocs.render(factory_third_party), edit)).model
    assert isinstance(parsed, FactoryThirdPartyReport)
    assert parsed.factory.nature is UnitNature.STATE_OWNED
    assert parsed.stated_basic_met is Conformity.NOT_MET
    finding = next(f for f in greendocs.validate(parsed).findings if f.path ==
                   "stated_basic_met")
    assert "states the basic requirements 不符合 but the checks give 符合" in finding.message


def test_two_ticked_boxes_are_reported_with_the_field(factory_third_party: Any) -> None:
    def edit(xml: str) -> str:
        return xml.replace("□国有", "☑国有")

    with pytest.raises(ValidationError) as exc:
        greendocs.parse(edit_document_xml(greendocs.render(factory_third_party), edit))
    assert "factory.nature: 2 boxes are ticked (国有、民营); tick only one" in str(exc.value)
    assert "勾选了2项（国有、民营）" in exc.value.message_zh


def test_highlights_over_100_characters_are_refused(factory_third_party: Any) -> None:
    data = greendocs.unstructure(factory_third_party)
    data["highlights"] = "亮" * 101
    with pytest.raises(ValidationError, match=r"highlights: .*100"):
        greendocs.structure(data, FactoryThirdPartyReport)


def test_self_report_has_one_industry(factory_self: Any) -> None:
    data = greendocs.unstructure(factory_self)
    data["factory"]["industries"].append("2613 无机盐制造")
    with pytest.raises(ValidationError, match=r"factory\.industries: allows at most 1 "):
        greendocs.structure(data, FactorySelfReport)


def test_negative_list_circumstance_bars_the_applicant(factory_self: FactorySelfReport) -> None:
    declared = attrs.evolve(factory_self, negative_list=attrs.evolve(
        factory_self.negative_list, accident=Declaration(present=True,
                                                        detail="2021年3月发生一般火灾事故")))
    finding = next(f for f in check_report(declared) if f.rule == "negative-list")
    assert finding.severity.value == "error" and finding.path == "negative_list.accident"
    assert "cannot be recommended" in finding.message


TABLE = {
    "id": "test-benchmarks", "name": "测试用能效标杆表", "verified": False,
    "source": "figures made up for the test, not NDRC 1609/723",
    "entries": [
        {"id": "acid", "area": "电子级硫酸", "indicator": "单位产品综合能耗", "unit": "kgce/t",
         "benchmark": 35, "advanced": 40},
        {"id": "glass", "area": "平板玻璃", "indicator": "单位产品综合能耗", "unit": "kgce/重量箱",
         "benchmark": 8},
    ],
}


@pytest.fixture()
def table_path(tmp_path: Path) -> Path:
    path = tmp_path / "benchmarks.yaml"
    path.write_text(yaml.safe_dump(TABLE, allow_unicode=True), encoding="utf-8")
    return path


def _energy(report: FactorySelfReport, table: Path | None, **kw: Any) -> FactorySelfReport:
    entry = attrs.evolve(report.energy[0], **kw)
    return attrs.evolve(report, energy=(entry,),
                        benchmark_table=str(table) if table else None)


def _energy_findings(report: FactorySelfReport) -> list[tuple[str, str, str]]:
    return [(f.severity.value, f.path, f.message) for f in check_report(report)
            if f.rule == "energy-benchmark"]


def test_energy_is_checked_against_the_benchmark_table(factory_self: FactorySelfReport,
                                                       table_path: Path) -> None:
    meets = _energy(factory_self, table_path, entry="acid")  # 38.6 vs advanced 40
    assert _energy_findings(meets) == []
    worse = _energy(factory_self, table_path, entry="acid", kind=BenchmarkKind.BENCHMARK)
    [(severity, path, message)] = _energy_findings(worse)
    assert (severity, path) == ("error", "energy[0].value")
    assert "38.6 kgce/t, worse than the 能效标杆水平 35 kgce/t (测试用能效标杆表, 电子级硫酸)" \
        in message
    unknown = _energy_findings(_energy(factory_self, table_path, entry="steel"))
    assert unknown[0][:2] == ("error", "energy[0].entry") and "acid, glass" in unknown[0][2]
    wrong_unit = _energy_findings(_energy(factory_self, table_path, entry="glass",
                                          kind=BenchmarkKind.BENCHMARK))
    assert wrong_unit[0][:2] == ("error", "energy[0].unit")


def test_energy_reference_entered_in_the_report(factory_self: FactorySelfReport) -> None:
    assert _energy_findings(_energy(factory_self, None, reference=D(40))) == []
    [(severity, path, _)] = _energy_findings(_energy(factory_self, None, reference=D(30)))
    assert (severity, path) == ("error", "energy[0].value")
    [(severity, path, _)] = _energy_findings(factory_self)  # the sample gives no reference
    assert (severity, path) == ("warning", "energy[0].reference")


def test_benchmark_table_is_checked_when_loaded(tmp_path: Path) -> None:
    bad = {**TABLE, "entries": [TABLE["entries"][0], {**TABLE["entries"][0], "benchmark": None,
                                                      "advanced": None}]}
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValidationError) as exc:
        load_benchmarks(path)
    got = {e.path: e.message for e in exc.value.errors}
    assert "'acid' is used twice" in got["entries[1].id"]
    assert "give the benchmark or the advanced value" in got["entries[1]"]


def test_energy_entries_are_typed(factory_self: FactorySelfReport) -> None:
    with pytest.raises(ValidationError, match="kind: 'best' is not one of"):
        greendocs.structure({**greendocs.unstructure(factory_self.energy[0]), "kind": "best"},
                            EnergyEfficiency)


def test_factory_reports_feed_the_summary_table(tmp_path: Path, factory_self: Any,
                                                factory_third_party: Any) -> None:
    greendocs.render_file(factory_self, tmp_path / "self.docx")
    greendocs.render_file(factory_third_party, tmp_path / "third.docx")
    result = greendocs.summarize(tmp_path, workers=1)
    rows = result.summary.factories
    assert len(rows) == 1
    row = rows[0]
    assert row.name == "合肥澄源电子材料有限公司" and row.agency == "华夏绿源评价技术服务有限公司"
    assert [p.kind for p in result.problems if p.kind != "province"] == []


def test_odt_has_the_running_header_and_page_numbers(factory_self: FactorySelfReport) -> None:
    import io
    import zipfile

    odt = zipfile.ZipFile(io.BytesIO(greendocs.render(factory_self, "odt")))
    styles = odt.read("styles.xml").decode("utf-8")
    header = re.search(r"<style:header>(.*?)</style:header>", styles, re.DOTALL)
    assert header is not None and "绿色工厂自评价报告" in header.group(1)
    assert "<text:page-number" in styles
