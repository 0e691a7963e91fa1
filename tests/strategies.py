"""Hypothesis strategies for valid models (used by the round-trip property tests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from hypothesis import strategies as st

from greendocs.blocks.contact_person import ContactPerson
from greendocs.blocks.negative_list import Declaration, NegativeList
from greendocs.forms.factory_dynamic import (
    Changes,
    FactoryDynamicReport,
    KeyIndicator,
    ListedFactory,
    ProductOutput,
)
from greendocs.types.contact import Email, Phone, Postcode
from greendocs.types.credit_code import ALPHABET, CreditCode, check_character
from greendocs.types.industry import Industry
from greendocs.types.industry_classes import industry_classes
from greendocs.types.quantity import Unit
from greendocs.types.region import REGIONS, Region
from greendocs.types.text import EMPTY_MARKS
from greendocs.types.year_series import YearSeries

# Chinese, Latin, digits, XML-special characters and spaces: what forms really hold.
_CHARS = st.sampled_from(list("绿色工厂有限公司制造能源环境（）、，。—％")
                         + list("abcXYZ0189 -_./<>&\"'#%") + ["\u3000"])


def _clean(s: str) -> str:
    return s.strip()


def text(max_size: int = 30, multiline: bool = False) -> st.SearchStrategy[str]:
    chars = st.one_of(_CHARS, st.just("\n")) if multiline else _CHARS
    return (st.text(chars, min_size=1, max_size=max_size).map(_clean)
            .filter(lambda s: s and s not in EMPTY_MARKS))


def optional_text(max_size: int = 30, multiline: bool = True) -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), text(max_size, multiline))


@st.composite
def credit_codes(draw: st.DrawFn) -> CreditCode:
    head = draw(st.sampled_from(["91", "92", "93", "12", "52", "N1", "Y1"]))
    division = draw(st.sampled_from([r.code for r in REGIONS if r.code]))
    body = draw(st.text(st.sampled_from(ALPHABET), min_size=9, max_size=9))
    first17 = head + division + body
    return CreditCode(first17 + check_character(first17))


phones = st.builds(lambda a, b: Phone(f"0{a}-{b}"), st.integers(10, 999), st.integers(
    1000000, 99999999)) | st.builds(lambda n: Phone(f"1{n}"), st.integers(3000000000,
                                                                              9999999999))
emails = st.builds(lambda u, d: Email(f"{u}@{d}.example.cn"),
                   st.text("abcdefghxyz0123._", min_size=1, max_size=10).filter(
                       lambda u: u[0].isalnum()),
                   st.text("abcdefgh", min_size=1, max_size=8))
industries = st.sampled_from(sorted(industry_classes().classes.items())).map(
    lambda item: Industry(*item))
units = st.sampled_from(["t", "tce", "万元", "%", "kgce/t", "m³/台", "tCO2", "万台"]).map(Unit)


def amounts(unit: str) -> st.SearchStrategy[Decimal | None]:
    top = 100 if unit == "%" else 10**9
    return st.one_of(st.none(), st.decimals(min_value=0, max_value=top, places=3,
                                            allow_nan=False, allow_infinity=False))


@st.composite
def series(draw: st.DrawFn, years: tuple[int, ...], unit: str) -> YearSeries:
    return YearSeries(tuple((y, draw(amounts(unit))) for y in years))


@st.composite
def declarations(draw: st.DrawFn) -> Declaration:
    present = draw(st.booleans())
    detail = draw(text(40, multiline=True)) if present else draw(optional_text(40))
    return Declaration(present=present, detail=detail)


@st.composite
def factory_dynamic_reports(draw: st.DrawFn) -> FactoryDynamicReport:
    year = draw(st.integers(2003, 2100))
    years = (year - 2, year - 1, year)

    @st.composite
    def indicator(d: st.DrawFn) -> KeyIndicator:
        unit = d(units)
        return KeyIndicator(code=d(st.sampled_from(["output_value", "pollutant", "other"])),
                            name=d(text(20)), unit=unit, values=d(series(years, unit)),
                            note=d(optional_text(30)))

    @st.composite
    def product(d: st.DrawFn) -> ProductOutput:
        unit = d(units)
        return ProductOutput(name=d(text(20)), unit=unit, output=d(series(years, unit)))

    return FactoryDynamicReport(
        factory=ListedFactory(
            name=draw(text(40)), credit_code=draw(credit_codes()),
            region=Region(draw(st.sampled_from([r.name for r in REGIONS]))),
            city=draw(text(10)), address=draw(text(60)),
            industries=draw(st.lists(industries, min_size=1, max_size=3)),
            listed_year=draw(st.integers(2000, 2100)), listed_batch=draw(
                st.one_of(st.none(), text(10)))),
        contact=ContactPerson(name=draw(text(10)), phone=draw(phones), email=draw(emails),
                        department=draw(st.one_of(st.none(), text(10))),
                        mobile=draw(st.one_of(st.none(), phones))),
        reporting_year=year,
        products=draw(st.lists(product(), min_size=1, max_size=3)),
        indicators=draw(st.lists(indicator(), min_size=1, max_size=6)),
        negative_list=NegativeList(**{name: draw(declarations()) for name in (
            "not_operating", "accident", "tax_violation", "previously_removed",
            "inspection_problems", "energy_rectification", "dishonest_debtor")}),
        filled_by=draw(text(10)),
        fill_date=draw(st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))),
        changes=Changes(former_name=draw(st.one_of(st.none(), text(20))),
                        rename_reason=draw(optional_text(60)),
                        scope_change=draw(optional_text(80))),
    )


# -- generic strategies for any form model ---------------------------------------------------

_YEAR = st.shared(st.integers(2003, 2100), key="reporting-year")


def _leaf(tp: object, unit: str | None) -> st.SearchStrategy[object]:
    import enum

    from greendocs.types.labelled_enum import LabelledEnum
    from greendocs.types.narrative import Block

    if tp is str:
        return text(10)
    if tp is CreditCode:
        return credit_codes()
    if tp is Region:
        return st.sampled_from([r.name for r in REGIONS]).map(Region)
    if tp is Phone:
        return phones
    if tp is Email:
        return emails
    if tp is Postcode:
        return st.from_regex(r"\A[0-9]{6}\Z").map(Postcode)
    if tp is Industry:
        return industries
    if tp is Unit:
        return units
    if tp is Decimal:  # None comes from the field's optionality
        top = 100 if unit == "%" else 10**9
        return st.decimals(min_value=0, max_value=top, places=3, allow_nan=False,
                           allow_infinity=False)
    if tp is int:
        return st.integers(2000, 2100)
    if tp is dt.date:
        return st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))
    if tp is bool:
        return st.booleans()
    if isinstance(tp, type) and issubclass(tp, (LabelledEnum, enum.Enum)):
        return st.sampled_from(list(tp))
    if tp == Block:  # a narrative's paragraphs: body text, sub-headings, bullets, bold
        return st.one_of(text(10), text(8).map(lambda t: f"（二）{t}"),
                         text(8).map(lambda t: f"3. {t}"), text(8).map(lambda t: f"• {t}"),
                         st.tuples(text(5), text(5)).map(lambda p: f"{p[0]}**{p[1]}**"))
    raise NotImplementedError(tp)


def models(cls: type, overrides: dict[type, st.SearchStrategy[object]] | None = None,
           by_name: dict[str, st.SearchStrategy[object]] | None = None
           ) -> st.SearchStrategy[object]:
    """Valid instances of any form model, built from its field shapes; the reporting year
    and every year series share one year, so the years agree."""
    from greendocs.model.introspection import fields_of

    extra = {Declaration: declarations(), **(overrides or {})}

    def for_shape(shape: object, unit: str | None, name: str) -> st.SearchStrategy[object]:
        kind = shape.kind  # type: ignore[attr-defined]
        tp = shape.type  # type: ignore[attr-defined]
        if kind == "model":
            inner = extra[tp] if tp in extra else models(tp, overrides)
        elif kind == "list":
            inner = st.lists(for_shape(shape.item, unit, name), min_size=1,  # type: ignore[attr-defined]
                             max_size=3).map(tuple)
        elif kind == "series":
            # without a unit of its own the series follows its row's unit: keep it a share
            inner = _YEAR.flatmap(lambda y: series((y - 2, y - 1, y), unit or "%"))
        elif name == "reporting_year":
            inner = _YEAR
        else:
            inner = _leaf(tp, unit)
        if shape.optional:  # type: ignore[attr-defined]
            inner = st.one_of(st.none(), inner)
        return inner

    named = by_name or {}
    fields = {f.name: named[f.name] if f.name in named else for_shape(f.shape, f.unit, f.name)
              for f in fields_of(cls)}
    return st.fixed_dictionaries(fields).map(lambda kw: cls(**kw))


@st.composite
def fitting_assessments(draw: st.DrawFn) -> tuple[object, ...]:
    """One assessment per indicator of the shipped general system, in any order."""
    from greendocs.forms.supply_chain import IndicatorAssessment, shipped_system

    system = shipped_system("general")
    assert system is not None
    out = []
    for ind in system.indicators():
        points = draw(st.decimals(min_value=0, max_value=ind.max, places=1))
        value = draw(st.decimals(min_value=0, max_value=100, places=1))
        qualitative = ind.kind == "qualitative"
        out.append(IndicatorAssessment(
            id=ind.id, score=points if qualitative else None,
            value=None if qualitative else value, evidence=draw(st.one_of(st.none(), text(10)))))
    return tuple(draw(st.permutations(out)))


SUPPLY_CHAIN_REPORT_FIELDS: dict[str, st.SearchStrategy[object]] = {
    "assessments": fitting_assessments(), "indicator_system": st.just("general"),
}


@st.composite
def fitting_factory_evaluation(draw: st.DrawFn) -> tuple[tuple[object, ...], tuple[object, ...]]:
    """Basic-requirement checks and one assessment per requirement of GB/T 36132-2018."""
    from greendocs.forms.factory import (
        BasicRequirementCheck,
        RequirementAssessment,
        shipped_factory_system,
    )

    system = shipped_factory_system("gbt36132-2018")
    assert system is not None
    basic = tuple(BasicRequirementCheck(id=b.id, met=draw(st.booleans()),
                                        evidence=draw(st.one_of(st.none(), text(10))))
                  for b in system.basic_requirements)
    assessed = []
    for _, _, req in system.requirements():
        assert req.points is not None
        assessed.append(RequirementAssessment(
            id=req.id, score=draw(st.decimals(min_value=0, max_value=req.points, places=1)),
            value=draw(st.one_of(st.none(), st.decimals(-100, 1000, places=2))),
            evidence=draw(st.one_of(st.none(), text(10)))))
    return basic, tuple(draw(st.permutations(assessed)))


def factory_overrides(cls: type) -> dict[type, st.SearchStrategy[object]]:
    """The self-evaluation form has one industry; the third-party form several."""
    from greendocs.forms.factory import FactorySelfReport, SelfEvaluatedFactory

    if cls is not FactorySelfReport:
        return {}
    one = st.lists(industries, min_size=1, max_size=1).map(tuple)
    return {SelfEvaluatedFactory: models(SelfEvaluatedFactory, by_name={"industries": one})}


def factory_reports(cls: type) -> st.SearchStrategy[object]:
    """Factory reports (self or third-party) whose evaluation fits GB/T 36132-2018."""
    import attrs

    def fit(report: object, evaluation: tuple[tuple[object, ...], tuple[object, ...]]) -> object:
        basic, assessed = evaluation
        return attrs.evolve(report, basic_requirements=basic,  # type: ignore[misc]
                            assessments=assessed, indicator_system="gbt36132-2018")

    return st.builds(fit, models(cls, factory_overrides(cls)), fitting_factory_evaluation())


def strategy_for(spec: object) -> st.SearchStrategy[object]:
    """Valid models of a registered form: its own strategy where rendering needs
    consistent data (scores that fit the indicator system, amounts that fit each row's
    unit), else the generic one built from the model's field shapes."""
    from greendocs.forms.factory import FactorySelfReport, FactoryThirdPartyReport
    from greendocs.forms.supply_chain import SupplyChainSelfReport, SupplyChainThirdPartyReport

    own: dict[str, Callable[[], st.SearchStrategy[object]]] = {
        "factory-dynamic": factory_dynamic_reports,
        "factory-self": lambda: factory_reports(FactorySelfReport),
        "factory-third-party": lambda: factory_reports(FactoryThirdPartyReport),
        "supply-chain-self": lambda: models(SupplyChainSelfReport,
                                            by_name=SUPPLY_CHAIN_REPORT_FIELDS),
        "supply-chain-third-party": lambda: models(SupplyChainThirdPartyReport,
                                                   by_name=SUPPLY_CHAIN_REPORT_FIELDS),
    }
    form_id: str = spec.id  # type: ignore[attr-defined]
    make = own.get(form_id)
    return make() if make is not None else models(spec.model)  # type: ignore[attr-defined]
