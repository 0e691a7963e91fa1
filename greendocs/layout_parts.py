"""Layout pieces that several forms share: label lookup, contact rows, the negative-list
table, the change declaration and the sign-off table."""

from __future__ import annotations

from .agency import EvaluationAgency
from .change_declaration import Changes
from .contact import ContactPerson
from .layout import ListCell, PageBreak, Paragraph, Paragraphs, Row, Table
from .model_fields import field_map
from .negative_list import NegativeList

FOUR_COLUMNS = (30.0, 48.0, 30.0, 48.0)


def labels(cls: type) -> dict[str, str]:
    """The Chinese labels of a model's fields, by field name."""
    return {name: info.label for name, info in field_map(cls).items()}


def contact_rows(prefix: str = "contact") -> tuple[Row, ...]:
    """Rows of a four-column table for a :class:`ContactPerson` at *prefix*."""
    cl = labels(ContactPerson)
    return (
        Row((cl["name"], f"{{{{ {prefix}.name }}}}", cl["department"],
             f"{{{{ {prefix}.department }}}}")),
        Row((cl["phone"], f"{{{{ {prefix}.phone }}}}", cl["mobile"],
             f"{{{{ {prefix}.mobile }}}}")),
        Row((cl["email"], f"{{{{ {prefix}.email }}}}", cl["fax"],
             f"{{{{ {prefix}.fax }}}}")),
    )


def changes_section(number: str) -> tuple[Paragraph, Table]:
    """The change declaration of a dynamic table, as heading and table."""
    ch = labels(Changes)
    return (Paragraph(f"{number}、变更情况", "heading"), Table((52.0, 104.0), tuple(
        Row((ch[name], f"{{{{ changes.{name} }}}}")) for name in ch)))


def negative_list_section(number: str) -> tuple[Paragraph, Table]:
    """The seven negative-list declarations, as heading and table."""
    nl = labels(NegativeList)
    rows = tuple(Row((str(i), label, f"{{{{ negative_list.{name}.present }}}}",
                      f"{{{{ negative_list.{name}.detail }}}}"))
                 for i, (name, label) in enumerate(nl.items(), 1))
    heading = Paragraph(f"{number}负面清单情况（近三年）", "subtitle") if number.endswith("）") \
        else Paragraph(f"{number}、负面清单情况（近三年）", "heading")
    return (heading,
            Table((10.0, 70.0, 18.0, 58.0),
                  (Row(("序号", "情形", "是否存在", "情况说明")), *rows), header_rows=1))


def sign_off_section(number: str) -> tuple[Paragraph, Table]:
    """Who filled the table, when, the seal and the local review."""
    return (Paragraph(f"{number}、填报信息", "heading"), Table(FOUR_COLUMNS, (
        Row(("填报人", "{{ filled_by }}", "填报日期", "{{ fill_date }}")),
        Row(("填报单位（盖章）", "", None, None)),
        Row(("地方审核意见", "", None, None)),
    )))


def listed_unit_rows(prefix: str, cls: type) -> tuple[Row, ...]:
    """The identity rows of a dynamic table for a listed unit at *prefix* (a model with
    name, credit code, region, city, listing year and batch, industries and address),
    followed by the contact rows."""
    ul = labels(cls)
    return (
        Row((ul["name"], f"{{{{ {prefix}.name }}}}", None, None)),
        Row((ul["credit_code"], f"{{{{ {prefix}.credit_code }}}}", ul["region"],
             f"{{{{ {prefix}.region }}}}")),
        Row((ul["city"], f"{{{{ {prefix}.city }}}}", ul["listed_year"],
             f"{{{{ {prefix}.listed_year }}}}")),
        Row((ul["listed_batch"], f"{{{{ {prefix}.listed_batch }}}}", ul["industries"],
             ListCell("industry", f"{prefix}.industries", "{{ industry }}"))),
        Row((ul["address"], f"{{{{ {prefix}.address }}}}", None, None)),
        *contact_rows(),
    )


def agency_rows(prefix: str = "agency") -> tuple[Row, ...]:
    """Rows of a four-column table for an :class:`EvaluationAgency` at *prefix*."""
    al = labels(EvaluationAgency)

    def pair(a: str, b: str | None = None) -> Row:
        if b is None:
            return Row((al[a], f"{{{{ {prefix}.{a} }}}}", None, None))
        return Row((al[a], f"{{{{ {prefix}.{a} }}}}", al[b], f"{{{{ {prefix}.{b} }}}}"))

    return (pair("name"), pair("credit_code"), pair("address"),
            pair("legal_representative", "legal_representative_phone"),
            pair("contact", "contact_phone"), pair("report_author", "report_author_phone"),
            pair("reviewer", "reviewer_phone"))


def cover(attachment: str, *lines: str) -> tuple[Paragraph | PageBreak, ...]:
    """A report's cover page: the attachment number, the form's title, *lines* (who and
    where), "工业和信息化部制", the report date, then a page break."""
    return (Paragraph(f"附件{attachment}", "attachment"),
            Paragraph("{{ form_title }}", "cover_title"),
            *(Paragraph(line, "cover_line") for line in lines),
            Paragraph("工业和信息化部制", "cover_line"),
            Paragraph("{{ report_date }}", "cover_line"),
            PageBreak())


def narrative_sections(cls: type, field: str, level: str = "heading"
                       ) -> tuple[Paragraph | Paragraphs, ...]:
    """For a model *cls* of paragraph lists at *field*: each list's label as a heading of
    *level*, then its paragraphs."""
    blocks: list[Paragraph | Paragraphs] = []
    for name, label in labels(cls).items():
        blocks.append(Paragraph(label, level))
        blocks.append(Paragraphs("para", f"{field}.{name}", "{{ para }}"))
    return tuple(blocks)
