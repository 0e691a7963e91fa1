"""Build the official .docx templates in templates/ from their layout definitions here.

Run after changing a layout: ``.venv/bin/python tools/make_templates.py``. The labels in
the templates are taken from the models' field metadata, so the label fallback of the
parser always matches the template.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from greendocs.forms.factory_dynamic.model import (  # noqa: E402
    Changes,
    Contact,
    ListedFactory,
)
from greendocs.model_fields import field_map  # noqa: E402
from greendocs.negative_list import NegativeList  # noqa: E402

# Font set: GBK fonts shipped with Chinese Windows and WPS (not the _GB2312 variants,
# which hold only GB 2312 characters and are not installed by default).
BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
TABLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"


def set_fonts(rpr_parent: object, east_asia: str, latin: str = LATIN_FONT,
              size_pt: float | None = None, bold: bool | None = None) -> None:
    """Set explicit fonts on a style/run rPr and drop theme fonts, which would override them."""
    rpr = rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                rpr.append(el)
            el.set(qn("w:val"), str(int(size_pt * 2)))
    if bold is not None:
        el = rpr.find(qn("w:b"))
        if bold and el is None:
            rpr.append(OxmlElement("w:b"))


def new_document(title: str) -> Document:
    doc = Document()
    styles = doc.styles
    # docDefaults carry theme fonts in python-docx's default template: replace them.
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr_default.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for k, v in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT), ("w:eastAsia", BODY_FONT),
                 ("w:cs", LATIN_FONT)):
        fonts.set(qn(k), v)
    normal = styles["Normal"]
    set_fonts(normal.element, BODY_FONT, size_pt=12)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.orientation = WD_ORIENT.PORTRAIT
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(25)
    add_page_number(section.footer.paragraphs[0])
    props = doc.core_properties
    props.title = title
    props.author = "greendocs"
    props.last_modified_by = "greendocs"
    props.created = props.modified = dt.datetime(2022, 9, 16)
    props.revision = 1
    return doc


def add_page_number(paragraph: object) -> None:
    """A centred "— N —" page number, 4号 宋体, as GB/T 9704 places it."""
    p = paragraph
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER  # type: ignore[attr-defined]

    def run(text: str | None = None, field: str | None = None) -> None:
        r = p.add_run()  # type: ignore[attr-defined]
        set_fonts(r._r, "宋体", size_pt=14)
        if text is not None:
            r.text = text
        if field is not None:
            begin = OxmlElement("w:fldChar")
            begin.set(qn("w:fldCharType"), "begin")
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {field} "
            end = OxmlElement("w:fldChar")
            end.set(qn("w:fldCharType"), "end")
            r._r.append(begin)
            r._r.append(instr)
            r._r.append(end)

    run("— ")
    run(field="PAGE")
    run(" —")


def paragraph(doc: Document, text: str, *, font: str = BODY_FONT, size: float = 16,
              bold: bool = False, align: str = "left", space_before: float = 0,
              space_after: float = 0) -> None:
    p = doc.add_paragraph()
    p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                   "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    p.paragraph_format.space_before = Pt(space_before)
    p.paragraph_format.space_after = Pt(space_after)
    r = p.add_run(text)
    set_fonts(r._r, font, size_pt=size, bold=bold)


def table(doc: Document, widths_mm: Sequence[float], rows: Sequence[Sequence[str | None]],
          *, header_rows: int = 0, size: float = 10.5) -> Table:
    """A bordered table; a None cell merges into the cell on its left."""
    t = doc.add_table(rows=len(rows), cols=len(widths_mm))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for i, w in enumerate(widths_mm):
        t.columns[i].width = Mm(w)
    for r, row in enumerate(rows):
        start = 0
        for c, value in enumerate(row):
            cell = t.cell(r, c)
            cell.width = Mm(widths_mm[c])
            if value is None:
                continue
            end = c
            while end + 1 < len(row) and row[end + 1] is None:
                end += 1
            if end > c:
                cell = cell.merge(t.cell(r, end))
            start = c
            lines = value.split("\n")
            p = cell.paragraphs[0]
            for j, line in enumerate(lines):
                if j:
                    p = cell.add_paragraph()
                run = p.add_run(line)
                is_label = r < header_rows or (not line.startswith("{") and c % 2 == 0
                                               and header_rows == 0)
                set_fonts(run._r, HEADING_FONT if r < header_rows else TABLE_FONT,
                          size_pt=size, bold=None)
                if r < header_rows or is_label:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        del start
    if header_rows:
        for r in range(header_rows):
            tr_pr = t.rows[r]._tr.get_or_add_trPr()
            el = OxmlElement("w:tblHeader")
            tr_pr.append(el)
    return t


def labels(cls: type) -> dict[str, str]:
    return {name: info.label for name, info in field_map(cls).items()}


def factory_dynamic() -> Document:
    doc = new_document("绿色工厂动态管理表")
    fl, cl, ch = labels(ListedFactory), labels(Contact), labels(Changes)
    paragraph(doc, "附件6", font=HEADING_FONT, size=16)
    paragraph(doc, "{{ form_title }}", font=HEADING_FONT, size=22, align="center",
              space_before=12, space_after=6)
    paragraph(doc, "（填报年度：{{ reporting_year }}年）", size=14, align="center",
              space_after=12)
    paragraph(doc, "一、基本信息", font=HEADING_FONT, size=14, space_after=6)
    w4 = (30, 48, 30, 48)
    table(doc, w4, [
        (fl["name"], "{{ factory.name }}", None, None),
        (fl["credit_code"], "{{ factory.credit_code }}", fl["region"], "{{ factory.region }}"),
        (fl["city"], "{{ factory.city }}", fl["listed_year"], "{{ factory.listed_year }}"),
        (fl["listed_batch"], "{{ factory.listed_batch }}", fl["industries"],
         "{%p for industry in factory.industries %}\n{{ industry }}\n{%p endfor %}"),
        (fl["address"], "{{ factory.address }}", None, None),
        (cl["name"], "{{ contact.name }}", cl["department"], "{{ contact.department }}"),
        (cl["phone"], "{{ contact.phone }}", cl["mobile"], "{{ contact.mobile }}"),
        (cl["email"], "{{ contact.email }}", None, None),
    ])
    paragraph(doc, "二、变更情况", font=HEADING_FONT, size=14, space_before=12, space_after=6)
    table(doc, (52, 104), [
        (ch["former_name"], "{{ changes.former_name }}"),
        (ch["rename_reason"], "{{ changes.rename_reason }}"),
        (ch["scope_change"], "{{ changes.scope_change }}"),
    ])
    years = ("{{ years[0] }}年", "{{ years[1] }}年", "{{ years[2] }}年")
    paragraph(doc, "三、主要产品及产量", font=HEADING_FONT, size=14, space_before=12,
              space_after=6)
    table(doc, (12, 52, 20, 24, 24, 24), [
        ("序号", "产品名称", "计量单位", *years),
        ("{%tr for p in products %}", "", "", "", "", ""),
        ("{{ loop.index }}", "{{ p.name }}", "{{ p.unit }}", "{{ p.output[years[0]] }}",
         "{{ p.output[years[1]] }}", "{{ p.output[years[2]] }}"),
        ("{%tr endfor %}", "", "", "", "", ""),
    ], header_rows=1)
    paragraph(doc, "四、关键指标（近三年）", font=HEADING_FONT, size=14, space_before=12,
              space_after=6)
    table(doc, (8, 31, 32, 15, 17, 17, 17, 19), [
        ("序号", "指标代码", "指标名称", "计量单位", *years, "备注"),
        ("{%tr for row in indicators %}", "", "", "", "", "", "", ""),
        ("{{ loop.index }}", "{{ row.code }}", "{{ row.name }}", "{{ row.unit }}",
         "{{ row.values[years[0]] }}", "{{ row.values[years[1]] }}",
         "{{ row.values[years[2]] }}", "{{ row.note }}"),
        ("{%tr endfor %}", "", "", "", "", "", "", ""),
    ], header_rows=1, size=9)
    paragraph(doc, "五、负面清单情况（近三年）", font=HEADING_FONT, size=14, space_before=12,
              space_after=6)
    nl = labels(NegativeList)
    rows: list[tuple[str | None, ...]] = [("序号", "情形", "是否存在", "情况说明")]
    for i, name in enumerate(nl, 1):
        rows.append((str(i), nl[name], f"{{{{ negative_list.{name}.present }}}}",
                     f"{{{{ negative_list.{name}.detail }}}}"))
    table(doc, (10, 70, 18, 58), rows, header_rows=1)
    paragraph(doc, "六、填报信息", font=HEADING_FONT, size=14, space_before=12, space_after=6)
    table(doc, w4, [
        ("填报人", "{{ filled_by }}", "填报日期", "{{ fill_date }}"),
        ("填报单位（盖章）", "", None, None),
        ("地方审核意见", "", None, None),
    ])
    paragraph(doc, "说明：1. 关键指标填写填报年度及前两年的数值，无数据处填“／”；2. 指标代码见"
              "指标目录（output_value 工业总产值、energy_total 综合能源消费量等），主要污染物"
              "每种一行；3. 负面清单任一情形为“是”的，须在情况说明中写明情况。", size=10.5,
              space_before=6)
    return doc


def save_deterministic(doc: Document, path: Path) -> None:
    """Save with fixed zip timestamps, so rebuilding an unchanged template changes nothing."""
    buf = io.BytesIO()
    doc.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    path.write_bytes(out.getvalue())


TEMPLATES = {"factory-dynamic.docx": factory_dynamic}

if __name__ == "__main__":
    for name, build in TEMPLATES.items():
        target = ROOT / "templates" / name
        save_deterministic(build(), target)
        print(f"wrote {target.relative_to(ROOT)}")
