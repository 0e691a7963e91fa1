"""Green design product evaluation standards as data: one YAML file per standard (the
general rules GB/T 32161-2015, each product standard, or the user's own), each with its
basic requirements and its indicator table — 一级指标 | 二级指标 | 单位 | 基准值 | 判定依据 |
所属阶段 — every figure with its ``verified`` flag.

A threshold (基准值) compares the product's figure with ``le`` (≤), ``ge`` (≥) or ``eq``;
``absent`` (不得添加/不得检出), ``grade`` (meets a grade of a cited standard) and ``text``
(any other requirement) are judged by the assessor. A shipped standard whose figures have
not been read in the standard's text leaves them ``null``: the rules refuse to judge
against it and name the missing figures, until the user supplies them in a copy.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs

from ...errors import FieldError, ValidationError
from ...model.data_files import read_yaml_model, shipped, shipped_names, user_file
from ...types.labelled_enum import LabelledEnum

#: comparisons of a figure with its threshold
QUANTITATIVE = ("le", "ge", "eq")
#: requirements the assessor judges (met: yes/no)
JUDGED = ("absent", "grade", "text")
_SIGNS = {"le": "≤", "ge": "≥", "eq": "="}


class LifecycleStage(LabelledEnum):
    """所属阶段: the life-cycle stage an indicator belongs to."""

    DESIGN = ("design", "产品设计")
    RAW_MATERIALS = ("raw_materials", "原材料获取")
    PRODUCTION = ("production", "产品生产")
    DISTRIBUTION = ("distribution", "产品运输")
    USE = ("use", "产品使用")
    END_OF_LIFE = ("end_of_life", "废弃后回收处理")


@attrs.frozen
class StandardRequirement:
    """A basic requirement of a standard (pass/fail)."""

    id: str
    text: str
    verified: bool = False


@attrs.frozen
class StandardIndicator:
    """One row of a standard's indicator table."""

    id: str
    group: str  # 一级指标: 资源属性, 能源属性, 环境属性, 产品属性
    name: str  # 二级指标
    comparison: str  # le | ge | eq | absent | grade | text
    basis: str  # 判定依据
    stage: LifecycleStage
    unit: str | None = None
    threshold: Decimal | None = None
    #: the 基准值 as the standard prints it, for requirements without a figure
    requirement: str | None = None
    verified: bool = False

    @property
    def quantitative(self) -> bool:
        return self.comparison in QUANTITATIVE

    @property
    def threshold_text(self) -> str:
        """The 基准值 column: ``≤0.30``, or the requirement's text."""
        if self.quantitative and self.threshold is not None:
            return f"{_SIGNS[self.comparison]}{format(self.threshold, 'f')}"
        return self.requirement or "／"


@attrs.frozen
class ProductStandard:
    """A design-product evaluation standard as data."""

    id: str
    number: str  # GB/T 32163.1-2015
    title: str
    source: str
    verified: bool
    #: general: the general rules (no indicator table of its own); product: a product's
    kind: str = "product"
    products: str | None = None
    basic_requirements: tuple[StandardRequirement, ...] = ()
    indicators: tuple[StandardIndicator, ...] = ()
    #: what the figures rest on when some are unverified
    figures_note: str | None = None

    @property
    def label(self) -> str:
        """How reports name it: the number, then the title in 《》."""
        return f"{self.number}《{self.title}》"

    def indicator(self, indicator_id: str) -> StandardIndicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def requirement(self, requirement_id: str) -> StandardRequirement | None:
        return next((r for r in self.basic_requirements if r.id == requirement_id), None)


def missing_figures(standard: ProductStandard) -> list[str]:
    """Paths of the thresholds *standard* leaves to the user; empty when it can judge."""
    return [f"indicators[{i}].threshold" for i, ind in enumerate(standard.indicators)
            if ind.quantitative and ind.threshold is None]


def check_standard(standard: ProductStandard, source: str) -> None:
    """Raise :class:`ValidationError` listing every inconsistency: ids used twice, a
    comparison that is not one of le/ge/eq/absent/grade/text, a quantitative indicator
    without a unit, a judged one without its requirement text."""
    problems: list[FieldError] = []
    seen: dict[str, str] = {}
    for where, key in ((f"basic_requirements[{i}].id", r.id)
                       for i, r in enumerate(standard.basic_requirements)):
        if key in seen:
            problems.append(FieldError(where, f"{key!r} is used twice (also at {seen[key]})"))
        seen.setdefault(key, where)
    for i, ind in enumerate(standard.indicators):
        where = f"indicators[{i}]"
        if ind.id in seen:
            problems.append(FieldError(f"{where}.id", f"{ind.id!r} is used twice (also at "
                                       f"{seen[ind.id]})"))
        seen.setdefault(ind.id, f"{where}.id")
        if ind.comparison not in (*QUANTITATIVE, *JUDGED):
            problems.append(FieldError(f"{where}.comparison", f"{ind.comparison!r}: say le, "
                                       "ge or eq (a figure), or absent, grade or text"))
        elif ind.quantitative and not ind.unit:
            problems.append(FieldError(f"{where}.unit", f"{ind.name} is compared by its "
                                       "figure: give the unit"))
        elif not ind.quantitative and not ind.requirement:
            problems.append(FieldError(f"{where}.requirement", f"{ind.name} is judged by the "
                                       "assessor: give the requirement as the standard "
                                       "states it"))
        if not ind.quantitative and ind.threshold is not None:
            problems.append(FieldError(f"{where}.threshold", "only le, ge and eq compare a "
                                       "figure with a threshold"))
    if standard.kind not in ("general", "product"):
        problems.append(FieldError("kind", f"{standard.kind!r} is not general or product"))
    if problems:
        raise ValidationError(problems, source)


def load_standard(path: str | Path) -> ProductStandard:
    """Load and check a standard from a YAML file (your own, or a filled-in copy)."""
    return read_yaml_model(path, ProductStandard, check_standard, "standard")


def shipped_standards() -> dict[str, ProductStandard]:
    """The standards shipped with greendocs, by id."""
    out = {}
    for name in shipped_names(__package__, "standards"):
        found = shipped(__package__, f"standards/{name}.yaml", ProductStandard, check_standard)
        if found is not None:
            out[name] = found
    return out


def _number_key(text: str) -> str:
    return "".join(text.split()).upper().replace("／", "/")


def resolve_standard(ref: str) -> ProductStandard:
    """The standard a report names: a shipped one by id or by number (``GB/T
    32163.1-2015``), or the path of a YAML file. :class:`ValidationError` at ``standard``
    listing the shipped ones otherwise."""
    standards = shipped_standards()
    key = _number_key(ref)
    for standard in standards.values():
        if ref == standard.id or key == _number_key(standard.number):
            return standard
    path = Path(ref)
    if path.suffix.lower() in (".yaml", ".yml"):
        if not path.is_file():
            raise ValidationError([FieldError(
                "product.standard", f"the standard file {ref!r} the report names is not here "
                f"(looked for {path.resolve()}); without it the conclusion the document "
                "prints cannot be checked — ask for the file, or run where it is")])
        return user_file(path, ProductStandard, check_standard, "standard")
    listed = "; ".join(f"{s.number} ({s.id})" for s in standards.values())
    raise ValidationError([FieldError(
        "product.standard", f"{ref!r} is neither a shipped standard ({listed}) nor an existing "
        ".yaml file; copy one (greendocs system product-self ID -o FILE), fill in its "
        "indicator table from the standard's text and name the copy")])
