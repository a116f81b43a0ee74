"""Numbers, percentages, money and change, as the template filters print them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.filters import FILTERS
from reportgen.vi.numbers import (
    change,
    money,
    money_short,
    number,
    percent,
    round_half_up,
    to_decimal,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # docs/vietnamese.md §1, verbatim
        (63979, "63.979"),
        (319.7, "319,7"),
        (1234567.891, "1.234.567,891"),
        # boundaries
        (0, "0"),
        (10, "10"),
        (999, "999"),
        (1000, "1.000"),
        (1010, "1.010"),
        (1000005, "1.000.005"),
        (10**9, "1.000.000.000"),
        (10**12, "1.000.000.000.000"),
        (10**30, "1.000.000.000.000.000.000.000.000.000.000"),
        (-5, "-5"),
        (-1500, "-1.500"),
        (-1234.5, "-1.234,5"),
        # decimals=None keeps the value's decimals, trailing zeros dropped (house)
        (6.0, "6"),
        (Decimal("319.70"), "319,7"),
        (Decimal("1E+3"), "1.000"),
        (Decimal("-0.00"), "0"),
        (0.1, "0,1"),
        (1e-7, "0,0000001"),
        (1e16, "10.000.000.000.000.000"),
        ("319.7", "319,7"),
        ("-5", "-5"),
        (" 1200 ", "1.200"),
        ("1e3", "1.000"),
        (Decimal("123456789012345678901234567890.5"), "123.456.789.012.345.678.901.234.567.890,5"),
    ],
)
def test_number(value: object, expected: str) -> None:
    assert number(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "decimals", "keep_zeros", "expected"),
    [
        (6.45, 1, False, "6,5"),  # §1: half up, from the repr, not the binary 6.4499…
        (6.0, 1, False, "6"),  # §1: trailing zeros dropped (house)
        (6.0, 1, True, "6,0"),
        (2.5, 0, False, "3"),  # half up, not Babel's half-even 2
        (3.5, 0, False, "4"),
        (-2.5, 0, False, "-3"),  # halves away from zero
        (-0.04, 1, False, "0"),  # no "-0"
        (-0.04, 1, True, "0,0"),
        (1.005, 2, False, "1,01"),  # binary 1.00499…; the repr reads 1.005
        (1234.5678, 2, False, "1.234,57"),
        (1234.5, 2, True, "1.234,50"),
        (999.95, 1, False, "1.000"),
        (Decimal("319.70"), None, True, "319,70"),
        (63979, 2, False, "63.979"),
        (63979, 2, True, "63.979,00"),
    ],
)
def test_number_decimals(value: object, decimals: int | None, keep_zeros: bool, expected: str) -> None:
    assert number(value, decimals, keep_zeros=keep_zeros) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12.5, "12,5%"),  # §1
        (6.41, "6,4%"),  # §1
        (99.96, "100%"),  # §1
        (12, "12%"),
        (12.0, "12%"),
        (0, "0%"),
        (116, "116%"),
        (6.45, "6,5%"),
        (-3.25, "-3,3%"),
        (Decimal("0.04"), "0%"),
    ],
)
def test_percent(value: object, expected: str) -> None:
    assert percent(value) == expected  # type: ignore[arg-type]


def test_percent_decimals() -> None:
    assert percent(12.345, 2) == "12,35%"
    assert percent(12.345, 0) == "12%"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (319700000, "319.700.000 đồng"),  # §1
        (0, "0 đồng"),
        (500000, "500.000 đồng"),
        (499.5, "500 đồng"),  # whole đồng, half up
        (499.4, "499 đồng"),
        (-5000, "-5.000 đồng"),
        ("1200000", "1.200.000 đồng"),
    ],
)
def test_money(value: object, expected: str) -> None:
    assert money(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # §1, verbatim
        (319700000, "319,7 triệu đồng"),
        (1200000000, "1,2 tỷ đồng"),
        (500000, "500.000 đồng"),
        (45000000000000, "45.000 tỷ đồng"),
        # below a million: in full
        (0, "0 đồng"),
        (999999, "999.999 đồng"),
        (999999.4, "999.999 đồng"),
        (999999.5, "1 triệu đồng"),  # whole đồng first, then the unit
        # triệu
        (1000000, "1 triệu đồng"),
        (1500000, "1,5 triệu đồng"),
        (1540000, "1,5 triệu đồng"),
        (1550000, "1,6 triệu đồng"),  # half up
        (20000000, "20 triệu đồng"),
        (999949999, "999,9 triệu đồng"),
        # rounding that reaches the next unit moves to it (house)
        (999950000, "1 tỷ đồng"),
        (999999999, "1 tỷ đồng"),
        # tỷ, the largest unit
        (10**9, "1 tỷ đồng"),
        (1050000000, "1,1 tỷ đồng"),
        (10**12, "1.000 tỷ đồng"),
        (1500000000000, "1.500 tỷ đồng"),
        (999999999999999, "1.000.000 tỷ đồng"),
        # negatives mirror positives
        (-319700000, "-319,7 triệu đồng"),
        (-500000, "-500.000 đồng"),
    ],
)
def test_money_short(value: object, expected: str) -> None:
    assert money_short(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (319700000, 0, "320 triệu đồng"),
        (1500000, 0, "2 triệu đồng"),
        (319750000, 2, "319,75 triệu đồng"),
        (1234567890, 3, "1,235 tỷ đồng"),
        (999999500, 3, "1 tỷ đồng"),
    ],
)
def test_money_short_decimals(value: int, decimals: int, expected: str) -> None:
    assert money_short(value, decimals) == expected


@pytest.mark.parametrize(
    ("value", "previous", "unit", "expected"),
    [
        (63979, 60125, None, "tăng 3.854 (6,4%)"),  # §1
        (502825, 452456, "hội viên", "tăng 50.369 hội viên (11,1%)"),  # §1
        (90, 100, "chi hội", "giảm 10 chi hội (10%)"),
        (60125, 63979, None, "giảm 3.854 (6%)"),
        (540, None, "chi hội", "tăng 540 chi hội"),  # no previous value: no percentage
        (540, 0, "chi hội", "tăng 540 chi hội"),  # previous 0: no percentage
        (0, 0, None, "không đổi"),
        (7, 7, "hộ", "không đổi"),  # house
        (Decimal("7.0"), 7, None, "không đổi"),
        (200, 100, None, "tăng 100 (100%)"),
        (12.5, 10.25, None, "tăng 2,25 (22%)"),
        ("1500", "1000", None, "tăng 500 (50%)"),
        (-5, -10, None, "tăng 5 (50%)"),
    ],
)
def test_change(value: object, previous: object, unit: str | None, expected: str) -> None:
    assert change(value, previous, unit) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5, Decimal(5)),
        (6.45, Decimal("6.45")),
        (0.1, Decimal("0.1")),
        (Decimal("1.50"), Decimal("1.50")),
        ("319.7", Decimal("319.7")),
        ("-5", Decimal(-5)),
        ("+5", Decimal(5)),
        (".5", Decimal("0.5")),
    ],
)
def test_to_decimal(value: object, expected: Decimal) -> None:
    result = to_decimal(value)  # type: ignore[arg-type]
    assert result == expected
    assert str(result) == str(expected)


@pytest.mark.parametrize("value", [True, False, None, [1], object(), b"5"])
def test_to_decimal_refuses_other_types(value: object) -> None:
    with pytest.raises(TypeError):
        to_decimal(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    [
        "",
        "abc",
        "63.979,5",
        "1_000",
        "12,5",
        "nan",
        "inf",
        float("nan"),
        float("inf"),
        Decimal("NaN"),
    ],
)
def test_to_decimal_refuses_bad_values(value: object) -> None:
    with pytest.raises(ValueError):
        to_decimal(value)  # type: ignore[arg-type]


def test_round_half_up_never_half_even() -> None:
    assert [str(round_half_up(Decimal(v), 0)) for v in ("0.5", "1.5", "2.5", "-2.5")] == [
        "1",
        "2",
        "3",
        "-3",
    ]


@pytest.mark.parametrize("decimals", [-1, 1.5, True, "1"])
def test_number_refuses_bad_decimals(decimals: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        number(5, decimals)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["number", "percent", "money", "money_short", "change"])
def test_no_exotic_characters(name: str) -> None:
    text = FILTERS[name](-1234567.891)
    assert not set(text) & set("\u00a0\u202f\u2009\u2212"), repr(text)
    assert "  " not in text
