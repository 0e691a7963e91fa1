"""Shared types: credit codes, regions, industries, units and amounts, dates, contacts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from greendocs import CreditCode, FieldValueError, Industry, Region, Unit, YearSeries
from greendocs.types.contact import Email, Phone
from greendocs.types.dates import format_date, parse_date
from greendocs.types.quantity import check_amount, to_decimal


@pytest.mark.parametrize("code", ["91110000600037341L", "91110108551385082Q"])
def test_real_published_credit_codes_pass_both_checks(code: str) -> None:
    cc = CreditCode(code)
    assert cc == code and cc.division_code == code[2:8] and cc.organisation_code_ok


def test_credit_code_is_normalised_to_upper_case() -> None:
    assert CreditCode(" 91110000600037341l ") == "91110000600037341L"


@pytest.mark.parametrize(("code", "message"), [
    ("91110000600037341A", "has a wrong check character 'A', expected 'L'"),
    ("9111000060003734", "has 16 characters; a unified social credit code has 18"),
    ("91110000600O37341L", "contains 'O', which is not allowed"),
    ("91AB0000600037341L", "characters 3-8 must be the administrative division code"),
])
def test_bad_credit_codes_say_what_is_wrong(code: str, message: str) -> None:
    with pytest.raises(FieldValueError, match=message):
        CreditCode(code)


def test_credit_codes_starting_with_letters_are_valid() -> None:
    from greendocs.types.credit_code import check_character

    body = "N2440300" + "MA5G0000"
    code = body + "0"
    assert CreditCode(code + check_character(code)).startswith("N2")


@pytest.mark.parametrize(("given", "name"), [
    ("广东", "广东省"), ("广东省", "广东省"), ("440000", "广东省"), ("内蒙", "内蒙古自治区"),
    ("深圳", "深圳市"), ("新疆兵团", "新疆生产建设兵团"), ("广西", "广西壮族自治区"),
])
def test_region_accepts_common_spellings(given: str, name: str) -> None:
    assert Region(given) == name


def test_thirty_seven_submitting_regions() -> None:
    from greendocs.types.region import REGIONS

    assert len(REGIONS) == 37
    assert Region("深圳").info.kind == "planned_city" and Region("深圳").info.code == "440300"


def test_unknown_region_lists_what_is_accepted() -> None:
    with pytest.raises(FieldValueError, match="not one of the 37 submitting regions"):
        Region("广东州")


def test_industry_reads_its_document_form() -> None:
    assert Industry.parse("C3851 家用制冷电器具制造") == Industry("3851", "家用制冷电器具制造")
    assert str(Industry("2611", "无机酸制造")) == "2611 无机酸制造"
    with pytest.raises(FieldValueError, match="4-digit"):
        Industry("261", "无机酸制造")
    with pytest.raises(FieldValueError, match="division 98"):
        Industry("9801", "x")
    with pytest.raises(FieldValueError, match="write the 4-digit class code and its name"):
        Industry.parse("2611")


def test_units_normalise_and_refuse_unknown() -> None:
    assert Unit("m3/吨") == "m³/t" and Unit("吨标准煤") == "tce" and Unit("%").is_share
    with pytest.raises(FieldValueError, match="not a known unit"):
        Unit("furlongs")


def test_amounts_refuse_nonsense() -> None:
    with pytest.raises(FieldValueError, match="120 % is not a share"):
        check_amount(Decimal(120), "%")
    with pytest.raises(FieldValueError, match="-5 t is negative"):
        check_amount(Decimal(-5), "t")
    assert to_decimal("12,345.60") == Decimal("12345.60")
    assert to_decimal(0.1) == Decimal("0.1")
    for bad in (True, "NaN", "abc", float("inf")):
        with pytest.raises(FieldValueError):
            to_decimal(bad)


def test_dates_in_both_spellings() -> None:
    assert parse_date("2022-09-16") == parse_date("2022年9月16日") == dt.date(2022, 9, 16)
    assert format_date(dt.date(2022, 9, 16)) == "2022年9月16日"
    with pytest.raises(FieldValueError, match="not a real date"):
        parse_date("2022-02-30")


def test_contacts() -> None:
    assert Phone("0757-26661234") == "0757-26661234"
    assert Phone("010-12345678转8001")
    with pytest.raises(FieldValueError, match="not a phone number"):
        Phone("call me")
    with pytest.raises(FieldValueError, match="not an e-mail address"):
        Email("someone@")


def test_year_series() -> None:
    s = YearSeries.of({"2021年": "3", 2020: 2.5, 2019: None})
    assert s.years == (2019, 2020, 2021) and s[2021] == Decimal(3) and s[2019] is None
    with pytest.raises(FieldValueError, match="appears twice"):
        YearSeries.of({2021: 1, "2021": 2})


def test_industry_classes_are_those_of_gbt4754_with_source_and_state() -> None:
    from greendocs.types.industry_classes import industry_classes

    table = industry_classes()
    assert len(table.classes) == 1381 and len(table.divisions) == 97
    assert table.classes["2611"] == "无机酸制造" and table.classes["3831"] == "电线、电缆制造"
    assert table.source and table.verified is False


def test_an_unknown_class_or_a_wrong_name_is_refused_with_the_nearest_classes() -> None:
    with pytest.raises(FieldValueError, match=r"code: 3858 is not a class of "
                       r"GB/T 4754-2017; the nearest are: 3853 家用通风电器具制造") as err:
        Industry.parse("3858 家用电器制造")
    assert "3858不是GB/T 4754-2017的行业小类" in err.value.message_zh
    with pytest.raises(FieldValueError, match=r"name: class 2611 of GB/T 4754-2017 "
                       r"is '无机酸制造', not '无机碱制造'; classes of that name or nearly: "
                       r"2612 无机碱制造"):
        Industry.parse("2611 无机碱制造")
    # half-width brackets and spaces are the same name
    assert Industry.parse("7517 三维（3D）打印技术推广服务").code == "7517"
    assert Industry("3011", "水泥 制造").name == "水泥 制造"


def test_spaces_yaml_folding_leaves_in_chinese_text_are_taken_out() -> None:
    from greendocs.types.text import clean_text

    folded = "研发、生产和销售， 2021年营业收入 8.6 亿元，\t产品 供应 LED 厂商。"
    assert clean_text(folded) == "研发、生产和销售，2021年营业收入 8.6 亿元，产品供应 LED 厂商。"
    assert clean_text("Green Factory  Plan") == "Green Factory  Plan"  # Latin words keep theirs
