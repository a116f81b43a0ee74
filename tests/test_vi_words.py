"""Number words and money words (docs/vietnamese.md §2), checked word for word."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.vi.words import money_words, number_words

NORTH = [
    # docs/vietnamese.md §1 and §2, verbatim
    (2021, "hai nghìn không trăm hai mươi mốt"),
    (105, "một trăm linh năm"),
    (21, "hai mươi mốt"),
    (1010, "một nghìn không trăm mười"),
    (1000005, "một triệu không trăm linh năm"),
    (1500000000000, "một nghìn năm trăm tỷ"),
    # units, teens, tens
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (9, "chín"),
    (10, "mười"),
    (11, "mười một"),  # một after mười, never mốt
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi bốn"),  # bốn is the default, not tư
    (25, "hai mươi lăm"),
    (31, "ba mươi mốt"),
    (50, "năm mươi"),  # năm in 50
    (55, "năm mươi lăm"),
    (91, "chín mươi mốt"),
    (99, "chín mươi chín"),
    # hundreds
    (100, "một trăm"),
    (101, "một trăm linh một"),  # một after linh, never mốt
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),  # năm after linh, never lăm
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (125, "một trăm hai mươi lăm"),
    (150, "một trăm năm mươi"),
    (205, "hai trăm linh năm"),
    (999, "chín trăm chín mươi chín"),
    # thousands: a zero hundreds digit inside is read, a zero group skipped
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1005, "một nghìn không trăm linh năm"),
    (1015, "một nghìn không trăm mười lăm"),
    (1021, "một nghìn không trăm hai mươi mốt"),
    (1100, "một nghìn một trăm"),
    (1105, "một nghìn một trăm linh năm"),
    (10000, "mười nghìn"),
    (10005, "mười nghìn không trăm linh năm"),
    (15000, "mười lăm nghìn"),
    (21000, "hai mươi mốt nghìn"),
    (100005, "một trăm nghìn không trăm linh năm"),
    (101000, "một trăm linh một nghìn"),
    (105000, "một trăm linh năm nghìn"),
    # millions and billions
    (1000000, "một triệu"),
    (1000100, "một triệu một trăm"),
    (1010000, "một triệu không trăm mười nghìn"),
    (1500000, "một triệu năm trăm nghìn"),
    (319700000, "ba trăm mười chín triệu bảy trăm nghìn"),
    (10**9, "một tỷ"),
    (10**9 + 5, "một tỷ không trăm linh năm"),
    (1005000000, "một tỷ không trăm linh năm triệu"),
    (2000000021, "hai tỷ không trăm hai mươi mốt"),
    (
        123456789012,
        "một trăm hai mươi ba tỷ bốn trăm năm mươi sáu triệu bảy trăm tám mươi chín nghìn"
        " không trăm mười hai",
    ),
    # beyond: the count of tỷ is read as a number of its own
    (10**12, "một nghìn tỷ"),
    (1005000000000, "một nghìn không trăm linh năm tỷ"),
    (5000021000000, "năm nghìn tỷ không trăm hai mươi mốt triệu"),
    (10**15, "một triệu tỷ"),
    (10**15 + 1, "một triệu tỷ không trăm linh một"),
    (10**18, "một tỷ tỷ"),
    (25 * 10**18, "hai mươi lăm tỷ tỷ"),
    # negatives
    (-5, "âm năm"),
    (-2021, "âm hai nghìn không trăm hai mươi mốt"),
    (-(10**9), "âm một tỷ"),
]


@pytest.mark.parametrize(("value", "expected"), NORTH)
def test_number_words_north(value: int, expected: str) -> None:
    assert number_words(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (105, "một trăm lẻ năm"),  # §1
        (1000, "một ngàn"),  # §1: ngàn for nghìn
        (2021, "hai ngàn không trăm hai mươi mốt"),
        (1000005, "một triệu không trăm lẻ năm"),
        (101000, "một trăm lẻ một ngàn"),
        (1500000000000, "một ngàn năm trăm tỷ"),
        (21, "hai mươi mốt"),
        (-105, "âm một trăm lẻ năm"),
    ],
)
def test_number_words_south(value: int, expected: str) -> None:
    assert number_words(value, variant="south") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12.5, "mười hai phẩy năm"),  # §2
        (Decimal("12.5"), "mười hai phẩy năm"),
        ("12.5", "mười hai phẩy năm"),
        (12.05, "mười hai phẩy không năm"),  # zeros after the comma read one by one
        (Decimal("12.50"), "mười hai phẩy năm"),  # trailing zeros are not read
        (12.0, "mười hai"),
        (0.5, "không phẩy năm"),
        (0.1, "không phẩy một"),  # the repr, not 0.1000000000000000055…
        (3.14, "ba phẩy mười bốn"),
        (1.21, "một phẩy hai mươi mốt"),
        (0.105, "không phẩy một trăm linh năm"),
        (Decimal("0.001"), "không phẩy không không một"),
        (-0.5, "âm không phẩy năm"),
        (Decimal("-0"), "không"),
        (Decimal("1E+3"), "một nghìn"),
        (1e16, "mười triệu tỷ"),
        (6.41, "sáu phẩy bốn mươi mốt"),
    ],
)
def test_number_words_decimals(value: object, expected: str) -> None:
    assert number_words(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "variant", "expected"),
    [
        (319700000, "north", "Ba trăm mười chín triệu bảy trăm nghìn đồng"),  # §1
        (1005000, "south", "Một triệu không trăm lẻ năm ngàn đồng"),
        (0, "north", "Không đồng"),
        (1, "north", "Một đồng"),
        (2.5, "north", "Ba đồng"),  # rounded half up to whole đồng first
        (499.4, "north", "Bốn trăm chín mươi chín đồng"),
        (1500000000000, "north", "Một nghìn năm trăm tỷ đồng"),
        (-5000, "north", "Âm năm nghìn đồng"),
        (1234567, "north", "Một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy đồng"),
    ],
)
def test_money_words(value: object, variant: str, expected: str) -> None:
    assert money_words(value, variant) == expected  # type: ignore[arg-type]


def test_unknown_variant() -> None:
    with pytest.raises(ValueError, match="north"):
        number_words(5, variant="central")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [True, None, "mười"])
def test_refuses_what_is_not_a_number(value: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        number_words(value)  # type: ignore[arg-type]


# Readings that are always wrong, wherever they appear in a number.
FORBIDDEN = ("mươi một", "mươi năm", "linh lăm", "lẻ lăm", "mười một trăm", "mười mốt", "linh mốt")

WIDE = st.integers(min_value=-(10**15), max_value=10**15) | st.integers(0, 10**6)


@given(WIDE, st.sampled_from(["north", "south"]))
def test_number_words_never_misreads(value: int, variant: str) -> None:
    text = number_words(value, variant)  # type: ignore[arg-type]
    for wrong in FORBIDDEN:
        assert wrong not in text, (value, text)
    assert "  " not in text
    assert text == text.strip()
    assert text.startswith("âm ") == (value < 0)


@given(st.integers(min_value=1, max_value=10**15))
def test_number_words_reads_every_digit_group(value: int) -> None:
    # Every non-zero value mentions a unit word for each of its non-zero groups.
    text = number_words(value)
    if value >= 10**9:
        assert "tỷ" in text
    if value % 10**9 >= 10**6:
        assert "triệu" in text
    if value % 10**6 >= 10**3:
        assert "nghìn" in text


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False))
def test_number_words_decimals_well_formed(value: Decimal) -> None:
    text = number_words(value)
    assert "  " not in text
    assert text == text.strip()
    assert ("phẩy" in text) == (value != value.to_integral_value())
