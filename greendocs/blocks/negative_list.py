"""The notice's negative list: circumstances (past three years) that bar a unit from the list.

Applicants declare them in their reports and listed units in the dynamic tables, each
as a yes/no answer with a description when the answer is yes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ..errors import FieldValueError
from ..findings import Finding, Severity
from ..model.introspection import meta
from ..types.text import clean_optional_text, text_validator

if TYPE_CHECKING:  # the layout's elements: imported where the rows are made (a
    # render from a shipped template needs none)
    from ..layout.elements import Paragraph, Table


def _detail_needed(instance: Declaration, attribute: attrs.Attribute[Any], value: Any) -> None:
    text_validator(required=False, max_length=2000)(instance, attribute, value)
    if instance.present and not value:
        raise FieldValueError("describe the circumstance when it is declared (present: yes)",
                              attribute.name, zh="申报存在该情形时，请说明具体情况")


@attrs.frozen
class Declaration:
    """One declared circumstance: whether it applies, and what happened if it does."""

    present: bool = attrs.field(
        validator=attrs.validators.instance_of(bool), metadata=meta("是否存在")
    )
    detail: str | None = attrs.field(
        default=None, converter=clean_optional_text, validator=_detail_needed,
        metadata=meta("情况说明"),
    )


def _declaration(label: str) -> Any:
    return attrs.field(validator=attrs.validators.instance_of(Declaration), metadata=meta(label))


@attrs.frozen
class NegativeList:
    """The seven negative-list circumstances of MIIT circular [2022] No. 235."""

    not_operating: Declaration = _declaration(
        "未正常生产经营（注销、连续停产12个月以上、列入经营异常名录等）")
    accident: Declaration = _declaration(
        "发生安全（含网络安全、数据安全）、质量、环境污染等事故")
    tax_violation: Declaration = _declaration("存在偷漏税等违法违规行为")
    previously_removed: Declaration = _declaration("曾被撤销绿色制造名单")
    inspection_problems: Declaration = _declaration("在国务院督查等检查中发现存在严重问题")
    energy_rectification: Declaration = _declaration("列入工业节能监察整改名单且未完成整改")
    dishonest_debtor: Declaration = _declaration("被列入失信被执行人名单")

    def declared(self) -> list[tuple[str, Declaration]]:
        """The circumstances answered "yes", as (field name, declaration) pairs."""
        return [(a.name, getattr(self, a.name)) for a in attrs.fields(type(self))
                if getattr(self, a.name).present]

    @classmethod
    def none_present(cls) -> NegativeList:
        """A declaration with every circumstance answered "no"."""
        no = Declaration(present=False)
        return cls(**{a.name: no for a in attrs.fields(cls)})


def declared_findings(negative_list: NegativeList, path: str = "negative_list", *,
                      applicant: bool = False) -> list[Finding]:
    """A finding for each circumstance declared present: a warning for a listed unit (it
    faces removal), an error for an applicant (it cannot be recommended)."""
    if applicant:
        severity, consequence = Severity.ERROR, "an applicant with this circumstance cannot "\
            "be recommended"
        consequence_zh = "存在该情形的申报单位不得推荐"
    else:
        severity, consequence = Severity.WARNING, "a listed unit with this circumstance is "\
            "proposed for removal from the list"
        consequence_zh = "存在该情形的已入选单位拟移出名单"
    return [Finding("negative-list", severity, f"{path}.{name}",
                    f"declared: {decl.detail}; {consequence}",
                    f"申报存在：{decl.detail}；{consequence_zh}")
            for name, decl in negative_list.declared()]


def negative_list_section(number: str) -> tuple[Paragraph, Table]:
    """The seven negative-list declarations, as heading and table."""
    from ..layout.elements import Paragraph, Row, Table, labels

    nl = labels(NegativeList)
    rows = tuple(Row((str(i), label, f"{{{{ negative_list.{name}.present }}}}",
                      f"{{{{ negative_list.{name}.detail }}}}"))
                 for i, (name, label) in enumerate(nl.items(), 1))
    heading = Paragraph(f"{number}负面清单情况（近三年）", "heading2") if number.endswith("）") \
        else Paragraph(f"{number}、负面清单情况（近三年）", "heading")
    return (heading,
            Table((10.0, 70.0, 18.0, 58.0),
                  (Row(("序号", "情形", "是否存在", "情况说明")), *rows), header_rows=1))
