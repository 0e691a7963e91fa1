"""Reading back .docx forms after people edited them: typed-over values, tracked changes,
markers lost to other editors, and LibreOffice re-saves."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import attrs
import pytest

import greendocs
from greendocs.markers.bookmark_names import bookmark_name
from tests.docx_edit import edit_document_xml, strip_bookmarks, strip_content_controls

NAME = "岭南绿源电器制造有限公司"


def _value_run(xml: str, text: str) -> str:
    run = f'<w:t xml:space="preserve">{text}</w:t>'
    assert run in xml
    return run


def test_value_typed_over_in_several_runs_with_proofing_marks(sample_docx: bytes) -> None:
    def edit(xml: str) -> str:
        run = _value_run(xml, NAME)
        # Word splits what a person types into runs and sprinkles proofing marks.
        return xml.replace(run, '<w:t>岭南</w:t></w:r><w:proofErr w:type="spellStart"/>'
                                '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">新能源'
                                '</w:t></w:r><w:proofErr w:type="spellEnd"/><w:r><w:t>'
                                '有限公司</w:t>', 1)

    parsed = greendocs.parse(edit_document_xml(sample_docx, edit))
    assert parsed.model.factory.name == "岭南新能源有限公司"


def test_tracked_changes_count_inserted_text_not_deleted(sample_docx: bytes) -> None:
    def edit(xml: str) -> str:
        run = _value_run(xml, "21980")
        return xml.replace(run, '<w:t></w:t></w:r><w:del w:id="900" w:author="p"><w:r>'
                                '<w:delText>21980</w:delText></w:r></w:del><w:ins w:id="901" '
                                'w:author="p"><w:r><w:t>22100</w:t></w:r></w:ins><w:r><w:t/>', 1)

    model = greendocs.parse(edit_document_xml(sample_docx, edit)).model
    energy = model.indicator("energy_total")[0]
    assert str(energy.values[2021]) == "22100"


def test_changed_values_give_the_changed_model(sample: Any, sample_docx: bytes) -> None:
    def edit(xml: str) -> str:
        xml = xml.replace(_value_run(xml, "佛山市"), '<w:t xml:space="preserve">江门市</w:t>')
        return xml.replace(_value_run(xml, "96.3"), '<w:t xml:space="preserve">97.1</w:t>')

    parsed = greendocs.parse(edit_document_xml(sample_docx, edit)).model
    expected_rows = list(sample.indicators)
    i = next(i for i, r in enumerate(expected_rows) if r.code == "K08")  # solid_waste_utilisation
    row = expected_rows[i]
    new_values = greendocs.YearSeries.of({**row.values.as_dict(), 2021: "97.1"})
    expected_rows[i] = attrs.evolve(row, values=new_values)
    expected = attrs.evolve(sample, factory=attrs.evolve(sample.factory, city="江门市"),
                            indicators=tuple(expected_rows))
    assert parsed == expected


def _as_earlier_versions_wrote(xml: str) -> str:
    """Each bookmarked value also inside a content control tagged with the bookmark's name,
    as greendocs 0.1 wrote them."""
    return re.sub(r'(<w:bookmarkStart w:id="\d+" w:name="(gd[^"]+)"/>)(<w:r>.*?</w:r>)',
                  r'\1<w:sdt><w:sdtPr><w:tag w:val="\2"/></w:sdtPr>'
                  r'<w:sdtContent>\3</w:sdtContent></w:sdt>', xml)


def test_content_controls_carry_values_when_bookmarks_are_lost(sample: Any,
                                                               sample_docx: bytes) -> None:
    older = edit_document_xml(sample_docx, _as_earlier_versions_wrote)
    parsed = greendocs.parse(edit_document_xml(older, strip_bookmarks),
                             form="factory-dynamic")
    assert parsed.model == sample
    assert parsed.found_by["content_control"] > 100 and parsed.found_by["bookmark"] == 0


def test_values_carry_no_content_controls(sample: Any, sample_docx: bytes) -> None:
    xml = zipfile.ZipFile(io.BytesIO(sample_docx)).read("word/document.xml")
    assert b"<w:sdt>" not in xml and b"<w:bookmarkStart" in xml
    parsed = greendocs.parse(sample_docx)
    assert parsed.model == sample
    assert parsed.found_by["content_control"] == 0


def test_labels_are_the_last_fallback(sample: Any, sample_docx: bytes) -> None:
    name = bookmark_name("factory.name")

    def edit(xml: str) -> str:
        # both markers around the factory name gone, as if retyped in a plain cell
        xml = xml.replace(f'w:name="{name}"', 'w:name="_GoBack"')
        return xml.replace(f'<w:tag w:val="{name}"/>', "")

    parsed = greendocs.parse(edit_document_xml(sample_docx, edit))
    assert parsed.model == sample
    assert parsed.found_by["label"] == 1


def test_document_without_any_markers_names_what_is_missing(sample_docx: bytes) -> None:
    bare = edit_document_xml(sample_docx, lambda x: strip_content_controls(strip_bookmarks(x)))
    with pytest.raises(greendocs.ValidationError) as info:
        greendocs.parse(bare, source="bare.docx")
    text = str(info.value)
    assert text.startswith("bare.docx:") and "indicators: is required but missing" in text
