"""Figures as typed and as computed: reading (vi/typed.py) and writing (vi/figures.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.vi import numbers
from reportgen.vi.figures import (
    COUNT,
    MONEY,
    PERCENT,
    cell,
    computed,
    displayed,
    fraction,
    percentage,
    ratio,
    shares,
    unit_label,
    written,
)
from reportgen.vi.parsing import ParseError
from reportgen.vi.typed import read

D = Decimal


# --- reading: what a secretary types ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kind", "value", "printed"),
    [
        # money as the press and the reports write it, each in its own unit words
        ("200.022 triệu", MONEY, 200_022_000_000, "200.022 triệu đồng"),
        ("16.806 triệu đồng", MONEY, 16_806_000_000, "16.806 triệu đồng"),
        ("448.335 triệu", MONEY, 448_335_000_000, "448.335 triệu đồng"),
        ("16.610.000 đồng", MONEY, 16_610_000, "16.610.000 đồng"),
        ("2.900 nghìn đồng", MONEY, 2_900_000, "2.900 nghìn đồng"),
        ("245.900 ngàn đồng", MONEY, 245_900_000, "245.900 ngàn đồng"),  # the South's word kept
        ("1 tỷ 850 triệu đồng", MONEY, 1_850_000_000, "1 tỷ 850 triệu đồng"),
        ("1 tỷ 141 triệu 950 ngàn đồng", MONEY, 1_141_950_000, "1 tỷ 141 triệu 950 ngàn đồng"),
        ("1 tỷ 141 triệu 950 ngàn 500 đồng", MONEY, 1_141_950_500, "1 tỷ 141 triệu 950 ngàn 500 đồng"),
        ("8,65 tỷ", MONEY, 8_650_000_000, "8,65 tỷ đồng"),
        ("8,60 tỷ", MONEY, 8_600_000_000, "8,60 tỷ đồng"),  # the decimals typed, a zero too
        ("2,5 tỉ", MONEY, 2_500_000_000, "2,5 tỉ đồng"),
        ("319,7 triệu VNĐ", MONEY, 319_700_000, "319,7 triệu đồng"),
        ("500.000đ", MONEY, 500_000, "500.000 đồng"),
        ("500000", MONEY, 500_000, "500.000 đồng"),
        # the shorthand for triệu
        ("1250tr", MONEY, 1_250_000_000, "1.250 triệu đồng"),
        ("1250 tr", MONEY, 1_250_000_000, "1.250 triệu đồng"),
        ("1.250 tr.", MONEY, 1_250_000_000, "1.250 triệu đồng"),
        ("1250trđ", MONEY, 1_250_000_000, "1.250 triệu đồng"),
        ("12,5 TR", MONEY, 12_500_000, "12,5 triệu đồng"),
        # counts: as typed, a leading zero kept, in millions when typed so
        ("63.979", COUNT, 63_979, "63.979"),
        ("63 979", COUNT, 63_979, "63.979"),
        ("63979", COUNT, 63_979, "63.979"),
        ("08", COUNT, 8, "08"),
        ("04", COUNT, 4, "04"),
        ("2 triệu", COUNT, 2_000_000, "2 triệu"),
        ("1,5 triệu", COUNT, 1_500_000, "1,5 triệu"),
        ("40 nghìn", COUNT, 40_000, "40 nghìn"),
        # approximate figures, the word before the number
        ("hơn 196.000", COUNT, 196_000, "hơn 196.000"),
        ("Trên 2 triệu", COUNT, 2_000_000, "trên 2 triệu"),
        ("gần 1.200", COUNT, 1_200, "gần 1.200"),
        ("khoảng 4,25 tỷ", MONEY, 4_250_000_000, "khoảng 4,25 tỷ đồng"),
        ("gần như 100%", PERCENT, 100, "gần như 100%"),
        # percentages, their decimals as typed
        ("0,96%", PERCENT, D("0.96"), "0,96%"),
        ("81,77", PERCENT, D("81.77"), "81,77%"),
        ("3,04 %", PERCENT, D("3.04"), "3,04%"),
        ("85,20", PERCENT, D("85.2"), "85,20%"),
    ],
)
def test_a_typed_figure_keeps_its_value_and_prints_as_typed(
    typed: str, kind: str, value: object, printed: str
) -> None:
    figure = read(typed, kind)
    assert figure.value == D(str(value))
    assert written(figure) == printed


@pytest.mark.parametrize(
    ("typed", "kind", "message"),
    [
        (
            "hon 196.000",
            COUNT,
            '"hon 196.000" — chữ "hon" trước con số không phải từ chỉ số gần đúng; có phải ý bạn là "hơn"? '
            "(hãy viết một trong: hơn, trên, gần, khoảng, gần như)",
        ),
        (
            "khoang 40",
            COUNT,
            '"khoang 40" — chữ "khoang" trước con số không phải từ chỉ số gần đúng; '
            'có phải ý bạn là "khoảng"? (hãy viết một trong: hơn, trên, gần, khoảng, gần như)',
        ),
        (
            "USD 500",
            MONEY,
            '"USD 500" — chữ "USD" trước con số không phải từ chỉ số gần đúng '
            "(hãy viết một trong: hơn, trên, gần, khoảng, gần như, hoặc chỉ viết con số)",
        ),
        (
            "1.250,5 triệu",
            COUNT,
            '"1.250,5 triệu" viết như số tiền, nhưng chỉ tiêu này là số đếm — nếu là tiền, thêm dòng '
            "`loai: tien`; nếu là số đếm, viết 1.250.500.000",
        ),
        (
            "45.000 đồng",
            COUNT,
            '"45.000 đồng" viết như số tiền, nhưng chỉ tiêu này là số đếm — nếu là tiền, thêm dòng '
            "`loai: tien`; nếu là số đếm, bỏ chữ đồng",
        ),
        (
            "2,1234567 triệu",
            COUNT,
            '"2,1234567 triệu" không phải số nguyên — hãy viết số nguyên, ví dụ 63.979',
        ),
        (
            "1 tỷ 1.850 triệu",
            MONEY,
            '"1 tỷ 1.850 triệu" không đúng cách viết số — các đơn vị viết từ lớn đến nhỏ, mỗi phần nhỏ hơn '
            "một đơn vị đứng trước nó, ví dụ 1 tỷ 850 triệu",
        ),
        (
            "850 triệu 1 tỷ",
            MONEY,
            '"850 triệu 1 tỷ" không đúng cách viết số — các đơn vị viết từ lớn đến nhỏ, mỗi phần nhỏ hơn '
            "một đơn vị đứng trước nó, ví dụ 1 tỷ 850 triệu",
        ),
        (
            "1,5 tỷ 200 triệu",
            MONEY,
            '"1,5 tỷ 200 triệu" không đúng cách viết số — chỉ con số cuối cùng mới có phần thập phân, '
            "ví dụ 1 tỷ 850,5 triệu",
        ),
        (
            "1,5 đồng",
            MONEY,
            '"1,5 đồng" không phải số đồng chẵn — số tiền không có phần lẻ dưới một đồng; hãy viết số đồng '
            "chẵn, ví dụ 500.000 đồng hoặc 319,7 triệu",
        ),
        (
            "1,000",
            MONEY,
            '"1,000" không phải số đồng chẵn — dấu phẩy đứng trước phần thập phân; hàng nghìn tách bằng dấu '
            "chấm: 1.000",
        ),
        ("triệu", MONEY, '"triệu" thiếu con số — hãy viết số tiền, ví dụ 500.000 đồng hoặc 319,7 triệu'),
        (
            "12.5",
            PERCENT,
            '"12.5" không đúng cách viết số — dấu chấm chỉ để tách hàng nghìn; '
            "số thập phân viết bằng dấu phẩy: 12,5",
        ),
    ],
)
def test_a_mistyped_figure_is_told_what_to_type(typed: str, kind: str, message: str) -> None:
    with pytest.raises(ParseError) as raised:
        read(typed, kind)
    assert str(raised.value) == message


def test_trăm_and_trên_are_not_the_shorthand_for_triệu() -> None:
    with pytest.raises(ParseError):
        read("5 trăm", MONEY)
    assert read("trên 5 tr", MONEY).approx == "trên"


# --- writing: one figure, one form, in every place -----------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kind", "unit", "label", "alone"),
    [
        ("8,65 tỷ", MONEY, "", "tỷ đồng", "8,65"),
        ("1 tỷ 850 triệu", MONEY, "", "đồng", "1 tỷ 850 triệu"),
        ("16.610.000 đồng", MONEY, "", "đồng", "16.610.000"),
        ("245.900 ngàn đồng", MONEY, "", "ngàn đồng", "245.900"),
        ("trên 2 triệu", COUNT, "lượt người", "triệu lượt người", "trên 2"),
        ("hơn 196.000", COUNT, "người", "người", "hơn 196.000"),
        ("08", COUNT, "căn", "căn", "08"),
        ("68,5", PERCENT, "", "%", "68,5%"),
    ],
)
def test_a_table_row_is_counted_in_the_unit_its_figure_was_typed_in(
    typed: str, kind: str, unit: str, label: str, alone: str
) -> None:
    figure = read(typed, kind)
    assert unit_label(figure, unit) == label
    assert cell(figure, figure) == alone


def test_a_figure_of_the_row_typed_in_another_unit_keeps_its_words() -> None:
    row = read("8,65 tỷ", MONEY)
    assert [cell(read(text, MONEY), row) for text in ("7,9 tỷ", "7.900 triệu", "7.900.000.000")] == [
        "7,9",
        "7.900 triệu",
        "7.900.000.000",
    ]


def test_a_part_over_its_whole() -> None:
    assert fraction(read("226.259", COUNT), read("254.657", COUNT)) == "226.259/254.657"
    assert fraction(read("71", COUNT), read("70", COUNT)) == "71/70"
    assert fraction(read("1,2 tỷ", MONEY), read("4,25 tỷ", MONEY)) == "1,2/4,25 tỷ đồng"
    assert fraction(read("900 triệu", MONEY), read("4,25 tỷ", MONEY)) == "900 triệu/4,25 tỷ đồng"


@pytest.mark.parametrize(
    ("typed", "kind", "unit", "places", "pad", "printed", "value"),
    [
        ("16.610.000 đồng", MONEY, "gon", 1, False, "16,6 triệu đồng", 16_600_000),
        ("16.610.000 đồng", MONEY, "gon", None, False, "16,61 triệu đồng", 16_610_000),
        ("8,65 tỷ", MONEY, "trieu", None, False, "8.650 triệu đồng", 8_650_000_000),
        ("8,65 tỷ", MONEY, "day_du", None, False, "8.650.000.000 đồng", 8_650_000_000),
        ("1 tỷ 850 triệu", MONEY, "ty", 1, False, "1,9 tỷ đồng", 1_900_000_000),  # half up
        ("999.950.000 đồng", MONEY, "gon", 1, False, "1 tỷ đồng", 1_000_000_000),
        ("500.000 đồng", MONEY, "gon", 1, False, "500.000 đồng", 500_000),
        ("2.900 nghìn đồng", MONEY, "ngan", None, False, "2.900 ngàn đồng", 2_900_000),
        ("hơn 2.000.000", COUNT, "gon", None, False, "hơn 2 triệu", 2_000_000),
        ("8", COUNT, "nhu_go", None, True, "08", 8),
        ("10", COUNT, "nhu_go", None, True, "10", 10),
        ("08", COUNT, "nhu_go", None, False, "08", 8),  # typed so: kept without asking
        ("68,54", PERCENT, "gon", 1, False, "68,54%", D("68.54")),  # a percentage keeps its own
    ],
)
def test_a_figure_is_converted_only_when_the_input_asks(
    typed: str, kind: str, unit: str, places: int | None, pad: bool, printed: str, value: object
) -> None:
    shown = displayed(read(typed, kind), unit, places, pad)
    assert written(shown) == printed
    assert shown.value == D(str(value))  # what is printed is what later arithmetic uses


@pytest.mark.parametrize(
    ("value", "operands", "kind", "printed"),
    [
        (D("750000000"), ("8,65 tỷ", "7,9 tỷ"), MONEY, "0,75 tỷ đồng"),
        (D("700000000"), ("8,60 tỷ", "7,9 tỷ"), MONEY, "0,70 tỷ đồng"),
        (D("750000000"), ("8,65 tỷ", "7.900 triệu"), MONEY, "750 triệu đồng"),
        (D("14400000000"), ("412.600.000.000", "398,2 tỷ"), MONEY, "14.400.000.000 đồng"),
        (
            D("115550000"),
            ("1 tỷ 141 triệu 950 ngàn", "1 tỷ 26 triệu 400 ngàn"),
            MONEY,
            "115 triệu 550 ngàn đồng",
        ),
        (D("1000000000"), ("1 tỷ 500 triệu", "500 triệu"), MONEY, "1 tỷ đồng"),
        (D("57600000000"), ("5.500 triệu", "7,3 tỷ", "44,8 tỷ"), MONEY, "57.600 triệu đồng"),
        (D("200000"), ("2 triệu", "1,8 triệu"), COUNT, "0,2 triệu"),
        (D("381"), ("12.486", "12.105"), COUNT, "381"),
        (D("-3"), ("08", "11"), COUNT, "-3"),
        (D("16000"), ("hơn 196.000", "180.000"), COUNT, "khoảng 16.000"),
        (D("4.3"), ("68,5", "64,2"), PERCENT, "4,3%"),
    ],
)
def test_a_computed_figure_is_written_in_the_unit_and_decimals_of_its_operands(
    value: Decimal, operands: tuple[str, ...], kind: str, printed: str
) -> None:
    assert written(computed(value, [read(text, kind) for text in operands])) == printed
    assert computed(value, [read(text, kind) for text in operands]).value == value


@pytest.mark.parametrize(
    ("value", "places", "printed"),
    [
        (D("6.45"), 1, "6,5%"),  # half up, never half even
        (D("2.5"), 0, "3%"),
        (D("101.428"), 1, "101,4%"),
        (D("127.0"), 1, "127%"),  # trailing zeros dropped
        (D("29.355"), 2, "29,36%"),
        (D("99.96"), 1, "100%"),
        (D("-10"), 1, "-10%"),
    ],
)
def test_a_computed_percentage_rounds_half_up_to_the_places_asked(
    value: Decimal, places: int, printed: str
) -> None:
    assert written(percentage(value, places)) == printed


def test_a_ratio_of_figures() -> None:
    assert written(ratio(read("71", COUNT), read("70", COUNT)) or percentage(D(0))) == "101,4%"
    assert (
        written(ratio(read("hơn 196.000", COUNT), read("200.000", COUNT)) or percentage(D(0))) == "khoảng 98%"
    )
    assert ratio(read("5", COUNT), read("0", COUNT)) is None


@pytest.mark.parametrize(
    ("values", "whole", "places", "expected"),
    [
        ((1, 1, 1), 3, 1, ("33.4", "33.3", "33.3")),
        ((49, 149, 202), 400, 1, ("12.3", "37.2", "50.5")),  # half up would give 100,1%
        ((1, 2), 3, 0, ("33", "67")),
        ((1, 1, 1), 3, 0, ("34", "33", "33")),
        ((3, 13, 538), 554, 1, ("0.5", "2.4", "97.1")),  # 0,54 + 2,35 + 97,11: the 2,35 lost most
        ((3, 13), 554, 1, ("0.5", "2.3")),  # parts that do not make up the whole: each as it rounds
    ],
)
def test_shares_that_make_up_a_whole_add_up_to_100(
    values: tuple[int, ...], whole: int, places: int, expected: tuple[str, ...]
) -> None:
    found = shares([D(value) for value in values], D(whole), places)
    assert tuple(str(share) for share in found) == expected


def test_a_figure_works_with_the_plain_filters_of_older_templates() -> None:
    change = percentage(D("-9.49"), 1)
    assert (str(abs(change)), round(change, 0), float(change)) == ("9,5%", D(-10), -9.5)
    assert numbers.percent(abs(change)) == "9,5%"
    assert numbers.money_short(read("0,75 tỷ", MONEY)) == "750 triệu đồng"
    assert numbers.number(read("63.979", COUNT)) == "63.979"
