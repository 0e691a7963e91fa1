"""The report skeleton the report forms share: the cover, and numbered sections whose
headings are the model's labels."""

from __future__ import annotations

from ...layout.elements import PageBreak, Paragraph, Paragraphs, labels


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


def section(model: type, field: str, style: str = "heading") -> tuple[Paragraph, Paragraphs]:
    """A narrative section of *model*: the label of its paragraph-list *field* as the
    heading (so the heading is typed once, in the model), then the paragraphs."""
    return (Paragraph(labels(model)[field], style),
            Paragraphs("para", field, "{{ para }}"))
