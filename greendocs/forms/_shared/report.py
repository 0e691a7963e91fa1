"""The report skeleton the report forms share: the cover, the instructions page, numbered
sections whose headings are the model's labels, a third-party report's front matter, the
conclusion of a pass/fail evaluation, a report's roll-up entry, and the data files a report
names (resolved, their problems as findings)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, ClassVar, TypeVar

import attrs

from ...blocks.agency import agency_rows
from ...errors import ValidationError
from ...findings import Finding, Severity
from ...layout.elements import (
    Block,
    Contents,
    Narrative,
    PageBreak,
    Paragraph,
    Row,
    four_columns,
    labels,
)
from ...rollup.entry import Category, SummaryEntry, report_entry


def cover(attachment: str, *lines: str, contents: bool = True
          ) -> tuple[Paragraph | Contents | PageBreak, ...]:
    """A report's cover page: the attachment number, the form's title, *lines* (who and
    where), "工业和信息化部制", the report date, then a page break; with *contents*, the
    目录 on a page of its own after it."""
    return (Paragraph(f"附件{attachment}", "attachment"),
            Paragraph("{{ form_title }}", "cover_title"),
            *(Paragraph(line, "cover_line") for line in lines),
            Paragraph("工业和信息化部制", "cover_line"),
            Paragraph("{{ report_date }}", "cover_line"),
            PageBreak(),
            *((Contents(), PageBreak()) if contents else ()))


def narrative_sections(cls: type, field: str, level: str = "heading", *, nested: bool = False
                       ) -> tuple[Paragraph | Narrative, ...]:
    """For a model *cls* of narratives at *field*: each one's label as a heading of
    *level*, then its blocks. *nested* sections sit under a heading of their own, so
    their 一、二、 become （一）（二）."""
    blocks: list[Paragraph | Narrative] = []
    for name, label in labels(cls).items():
        if nested:
            label = re.sub(r"^([一二三四五六七八九十]+)、", r"（\1）", label)
        blocks.append(Paragraph(label, level))
        blocks.append(Narrative(f"{field}.{name}"))
    return tuple(blocks)


def section(model: type, field: str, style: str = "heading", *, at: str = ""
            ) -> tuple[Paragraph, Narrative]:
    """A narrative section of *model*: the label of its narrative *field* as the heading
    (so the heading is typed once, in the model), then its blocks. *at* is where *model*
    sits in the report (``lca``), when it is not the report itself."""
    return (Paragraph(labels(model)[field], style),
            Narrative(f"{at}.{field}" if at else field))


def report_summary(category: Category, unit: str, total: Callable[[Any], Decimal | None]
                   ) -> Callable[[Any], SummaryEntry]:
    """The ``summary_entry`` of a report form whose unit (an enterprise) is its field
    *unit*: a report with an ``agency`` is a third-party report; the score is
    ``total(report)``, or none when the report cannot be scored (its rules say why)."""

    def entry(report: Any) -> SummaryEntry:
        try:
            score = total(report)
        except ValidationError:
            score = None
        return report_entry(category, getattr(report, unit), getattr(report, "agency", None),
                            score)

    return entry


def pledge(text: str, signer: str, *, seal: str = "（单位公章）",
           heading: str | None = "材料真实性承诺", signatory: str | None = "{{ signatory }}",
           date: str = "{{ report_date }}") -> tuple[Paragraph, ...]:
    """A pledge as every report prints it: *heading*, the pledge *text*, then the signature
    block — *signer* and the *signatory* (blank for a hand signature), the *seal*, the
    *date* — kept together on one page."""
    name = signatory if signatory is not None else "　" * 6
    return (*((Paragraph(heading, "heading"),) if heading else ()),
            Paragraph(text, keep_with_next=True),
            Paragraph(f"{signer}：{name}　　{seal}", "signature", keep_with_next=True),
            Paragraph(f"日期：{date}", "signature"))


def third_party_front(unit_heading: str, unit_rows: tuple[Row, ...], result: Row,
                      agency_pledge: str) -> tuple[Block, ...]:
    """The front of a third-party report after its cover: 基本信息表 (the evaluated unit's
    *unit_rows* under *unit_heading*, then the agency), the result block (*result*, then
    受评价方主要亮点), the agency's pledge and signature block; then a page break."""
    return (
        Paragraph("基本信息表", "title"),
        Paragraph(unit_heading, "heading"),
        four_columns(unit_rows),
        Paragraph("第三方评价机构", "heading"),
        four_columns(agency_rows()),
        Paragraph("评价结果", "heading"),
        four_columns((result, Row(("受评价方主要亮点", "{{ highlights }}", None, None)))),
        *pledge(agency_pledge, "法定代表人签字", heading="评价机构承诺", signatory=None),
        PageBreak(),
    )


def evaluation_process(model: type) -> tuple[Block, ...]:
    """一、概述 and 二、评价过程和方法 of a third-party report (*model*'s ``overview`` and
    ``process``), then the date of the site visit."""
    return (*section(model, "overview"), *section(model, "process"),
            Paragraph("现场评价日期：{{ evaluation_date }}"))


class RowsById(dict[str, Any]):
    """A data file's rows by id for a template (``rows[r.id].name``): an id the file lacks
    shows *blank* instead of failing the render — the form's rules report it."""

    def __init__(self, rows: dict[str, Any], blank: Any) -> None:
        super().__init__(rows)
        self.blank = blank

    def __missing__(self, key: str) -> Any:
        return self.blank


def instructions(texts: tuple[str, ...]) -> tuple[Block, ...]:
    """A self-evaluation report's 填写说明 page, then the 基本信息表 title."""
    return (Paragraph("填写说明", "title"), *(Paragraph(text) for text in texts), PageBreak(),
            Paragraph("基本信息表", "title"))


@attrs.frozen
class Failure:
    """Why a unit does not qualify: the rule, the requirement, in English and in the
    report's Chinese."""

    rule: str
    id: str
    message: str
    text_zh: str


def conclusion_zh(failures: Sequence[Failure], requirement: str) -> str:
    """The conclusion line a report prints: ``符合…评价要求``, or ``不符合…评价要求（reasons）``
    for *requirement* (绿色工厂评价要求, 绿色设计产品评价要求)."""
    if not failures:
        return f"符合{requirement}"
    return f"不符合{requirement}（" + "；".join(f.text_zh for f in failures) + "）"


class Judgement:
    """What a pass/fail evaluation says (a factory's score card, a product's verdict):
    its ``failures``, whether it ``passed``, and the conclusion line against
    ``requirement_zh``."""

    requirement_zh: ClassVar[str] = ""

    @property
    def failures(self) -> tuple[Failure, ...]:
        raise NotImplementedError

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def verdict_zh(self) -> str:
        """The conclusion line the report prints."""
        return conclusion_zh(self.failures, self.requirement_zh)


def data_file_findings(rule: str, field: str, exc: ValidationError) -> list[Finding]:
    """Findings at a report's *field* for the problems of the data file it names (a
    standard, an indicator system): each names the file and the place in it, not a place
    in the report."""
    if not exc.source:
        return [Finding(rule, Severity.ERROR, e.path or field, e.message, e.message_zh)
                for e in exc.errors]
    return [Finding(rule, Severity.ERROR, field, f"{exc.source}: {e.path}: {e.message}"
                    if e.path else f"{exc.source}: {e.message}",
                    f"数据文件{exc.source}的{e.path or '内容'}有误" + (
                        f"：{e.message_zh}" if e.message_zh else "")) for e in exc.errors]


T = TypeVar("T")


def resolve_data_file(resolve: Callable[[str], T], ref: str, rule: str,
                      field: str) -> tuple[T | None, list[Finding]]:
    """The data file a report names at *field* (resolved by *resolve*), or None and the
    findings that say why it cannot be used."""
    try:
        return resolve(ref), []
    except ValidationError as exc:
        return None, data_file_findings(rule, field, exc)
