"""Reading what secretaries type (docs/vietnamese.md §3), with the exact error messages."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.vi.numbers import money, number
from reportgen.vi.parsing import (
    ParseError,
    parse_date,
    parse_decimal,
    parse_integer,
    parse_money,
    parse_time,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("63.979", 63979),  # §3
        ("63 979", 63979),  # §3
        ("63979", 63979),
        ("0", 0),
        ("10", 10),
        ("1.000", 1000),
        ("1.010", 1010),
        ("1.000.005", 1000005),
        ("1 000 005", 1000005),
        ("1.000.000.000", 10**9),
        ("-5", -5),
        ("-1.500", -1500),
        ("-0", 0),
        ("05", 5),
        ("  63.979  ", 63979),  # whitespace around is trimmed
        ("63\u00a0979", 63979),  # a no-break space pasted from Word
        ("63\u202f979", 63979),
    ],
)
def test_parse_integer(text: str, expected: int) -> None:
    assert parse_integer(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("63,5", '"63,5" không phải số nguyên — hãy viết số nguyên, ví dụ 63.979'),
        ("63,0", '"63,0" không phải số nguyên — hãy viết số nguyên, ví dụ 63.979'),
        (
            "1,000",
            '"1,000" không phải số nguyên — dấu phẩy đứng trước phần thập phân; '
            "hàng nghìn tách bằng dấu chấm: 1.000",
        ),
        (
            "12.5",
            '"12.5" không phải số nguyên — dấu chấm chỉ để tách hàng nghìn, '
            "sau nó phải có đúng ba chữ số, ví dụ 63.979",
        ),
        (
            "0.500",
            '"0.500" không phải số nguyên — dấu chấm chỉ để tách hàng nghìn, '
            "sau nó phải có đúng ba chữ số, ví dụ 63.979",
        ),
        (
            "1.23.4",
            '"1.23.4" không đúng cách viết số — dấu chấm hoặc dấu cách tách hàng nghìn '
            "phải có đúng ba chữ số theo sau, ví dụ 63.979; "
            "số thập phân viết bằng dấu phẩy, ví dụ 319,7",
        ),
        (
            "1 234.567",
            '"1 234.567" không đúng cách viết số — dấu chấm hoặc dấu cách tách hàng nghìn '
            "phải có đúng ba chữ số theo sau, ví dụ 63.979; "
            "số thập phân viết bằng dấu phẩy, ví dụ 319,7",
        ),
        (
            "63  979",
            '"63  979" không đúng cách viết số — dấu chấm hoặc dấu cách tách hàng nghìn '
            "phải có đúng ba chữ số theo sau, ví dụ 63.979; "
            "số thập phân viết bằng dấu phẩy, ví dụ 319,7",
        ),
        (
            "1,234,567",
            '"1,234,567" viết theo kiểu tiếng Anh — dấu chấm tách hàng nghìn, '
            "dấu phẩy đứng trước phần thập phân: 1.234.567",
        ),
        ("abc", '"abc" không phải là số — hãy viết số nguyên, ví dụ 63.979'),
        ("12 hộ", '"12 hộ" không phải là số — hãy viết số nguyên, ví dụ 63.979'),
        ("+5", '"+5" không phải là số — hãy viết số nguyên, ví dụ 63.979'),
        ("", "chưa nhập giá trị — hãy viết số nguyên, ví dụ 63.979"),
        ("   ", "chưa nhập giá trị — hãy viết số nguyên, ví dụ 63.979"),
    ],
)
def test_parse_integer_errors(text: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_integer(text)
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("319,7", Decimal("319.7")),  # §3
        ("63.979", Decimal(63979)),
        ("1.234,5", Decimal("1234.5")),
        ("1 234,5", Decimal("1234.5")),
        ("12,5%", Decimal("12.5")),
        ("12,5 %", Decimal("12.5")),
        ("116%", Decimal(116)),
        ("-0,5", Decimal("-0.5")),
        ("6,40", Decimal("6.40")),
        ("0,001", Decimal("0.001")),
        ("7", Decimal(7)),
    ],
)
def test_parse_decimal(text: str, expected: Decimal) -> None:
    result = parse_decimal(text)
    assert result == expected
    assert str(result) == str(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "12.5",  # docs/vietnamese.md §3, verbatim
            '"12.5" không đúng cách viết số — dấu chấm chỉ để tách hàng nghìn; '
            "số thập phân viết bằng dấu phẩy: 12,5",
        ),
        (
            "12.5%",
            '"12.5%" không đúng cách viết số — dấu chấm chỉ để tách hàng nghìn; '
            "số thập phân viết bằng dấu phẩy: 12,5%",
        ),
        (
            "1,234.56",
            '"1,234.56" viết theo kiểu tiếng Anh — dấu chấm tách hàng nghìn, '
            "dấu phẩy đứng trước phần thập phân: 1.234,56",
        ),
        ("%", '"%" thiếu con số — hãy viết một số, ví dụ 319,7'),
        ("khoảng 12", '"khoảng 12" không phải là số — hãy viết một số, ví dụ 319,7'),
        ("", "chưa nhập giá trị — hãy viết một số, ví dụ 319,7"),
    ],
)
def test_parse_decimal_errors(text: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_decimal(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("319,7 triệu", 319700000),  # §3
        ("1,2 tỷ đồng", 1200000000),  # §3
        ("500.000đ", 500000),  # §3
        ("500.000 đ", 500000),
        ("500.000 đồng", 500000),
        ("500.000đồng", 500000),
        ("500 000 đồng", 500000),
        ("500.000 VNĐ", 500000),
        ("500.000", 500000),
        ("319,7triệu", 319700000),
        ("2 Triệu", 2000000),
        ("1,5 tỉ", 1500000000),
        ("1.500 tỷ", 1500000000000),
        ("5 nghìn đồng", 5000),
        ("3 ngàn", 3000),
        ("1,2345 triệu", 1234500),
        ("-1,5 triệu", -1500000),
        ("0 đồng", 0),
        ("7 \u0111o\u0302\u0300ng", 7),  # "đồng" decomposed (NFD), as pasted from Word
    ],
)
def test_parse_money(text: str, expected: int) -> None:
    assert parse_money(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "12,5",
            '"12,5" không phải số đồng chẵn — số tiền không có phần lẻ dưới một đồng; '
            "hãy viết số đồng chẵn, ví dụ 500.000 đồng hoặc 319,7 triệu",
        ),
        (
            "1,2345678 triệu",
            '"1,2345678 triệu" không phải số đồng chẵn — số tiền không có phần lẻ dưới một '
            "đồng; hãy viết số đồng chẵn, ví dụ 500.000 đồng hoặc 319,7 triệu",
        ),
        (
            "1,000 đ",
            '"1,000 đ" không phải số đồng chẵn — dấu phẩy đứng trước phần thập phân; '
            "hàng nghìn tách bằng dấu chấm: 1.000 đ",
        ),
        (
            "12.5 triệu",
            '"12.5 triệu" không đúng cách viết số — dấu chấm chỉ để tách hàng nghìn; '
            "số thập phân viết bằng dấu phẩy: 12,5 triệu",
        ),
        (
            "500 USD",
            '"500 USD" không đúng cách viết số tiền — hãy viết số đồng, có thể kèm đơn vị '
            "nghìn, triệu, tỷ, ví dụ 500.000 đồng hoặc 319,7 triệu",
        ),
        ("triệu", '"triệu" thiếu con số — hãy viết số tiền, ví dụ 500.000 đồng hoặc 319,7 triệu'),
        ("", "chưa nhập giá trị — hãy viết số tiền, ví dụ 500.000 đồng hoặc 319,7 triệu"),
    ],
)
def test_parse_money_errors(text: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_money(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-01-20", datetime.date(2021, 1, 20)),  # §3
        ("20/01/2021", datetime.date(2021, 1, 20)),  # §3
        ("20/1/2021", datetime.date(2021, 1, 20)),
        ("5/3/2021", datetime.date(2021, 3, 5)),
        ("05/03/2021", datetime.date(2021, 3, 5)),
        ("29/02/2020", datetime.date(2020, 2, 29)),  # leap day
        ("2020-02-29", datetime.date(2020, 2, 29)),
        ("31/12/2021", datetime.date(2021, 12, 31)),
        (" 20/01/2021 ", datetime.date(2021, 1, 20)),
    ],
)
def test_parse_date(text: str, expected: datetime.date) -> None:
    assert parse_date(text) == expected


WRONG_FORM = " — hãy viết ngày/tháng/năm, năm đủ bốn chữ số, ví dụ 20/01/2021"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("30/02/2021", '"30/02/2021" không phải ngày có thật — tháng 2 năm 2021 chỉ có 28 ngày'),
        ("29/02/2021", '"29/02/2021" không phải ngày có thật — tháng 2 năm 2021 chỉ có 28 ngày'),
        ("30/02/2020", '"30/02/2020" không phải ngày có thật — tháng 2 năm 2020 chỉ có 29 ngày'),
        ("31/04/2021", '"31/04/2021" không phải ngày có thật — tháng 4 năm 2021 chỉ có 30 ngày'),
        ("2021-02-30", '"2021-02-30" không phải ngày có thật — tháng 2 năm 2021 chỉ có 28 ngày'),
        ("20/13/2021", '"20/13/2021" không phải ngày có thật — tháng chỉ từ 1 đến 12'),
        ("0/1/2021", '"0/1/2021" không phải ngày có thật — không có ngày 0'),
        ("0000-01-01", '"0000-01-01" không phải ngày có thật — không có năm 0'),
        ("20.01.2021", '"20.01.2021" không đúng cách viết ngày' + WRONG_FORM),
        ("20/01/21", '"20/01/21" không đúng cách viết ngày' + WRONG_FORM),
        ("20 tháng 1", '"20 tháng 1" không đúng cách viết ngày' + WRONG_FORM),
        ("", "chưa nhập ngày" + WRONG_FORM),
    ],
)
def test_parse_date_errors(text: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_date(text)
    assert str(caught.value) == message


def test_parse_error_keeps_the_text() -> None:
    with pytest.raises(ParseError) as caught:
        parse_integer("  63,5 ")
    assert caught.value.text == "63,5"


# Round trips: what the filters print, the parsers read back.


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_integer_round_trip(value: int) -> None:
    assert parse_integer(number(value)) == value


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False))
def test_decimal_round_trip(value: Decimal) -> None:
    assert parse_decimal(number(value)) == value


@given(st.decimals(min_value=-1000, max_value=1000, places=1, allow_nan=False))
def test_percent_round_trip(value: Decimal) -> None:
    assert parse_decimal(number(value) + "%") == value


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_money_round_trip(value: int) -> None:
    assert parse_money(money(value)) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15:30", datetime.time(15, 30)),
        ("15h30", datetime.time(15, 30)),
        ("15H30", datetime.time(15, 30)),
        ("15g30", datetime.time(15, 30)),
        ("8 giờ 5 phút", datetime.time(8, 5)),
        ("08:05", datetime.time(8, 5)),
        ("15h", datetime.time(15, 0)),
        (" 0:00 ", datetime.time(0, 0)),
    ],
)
def test_a_time_is_read_as_vietnamese_write_it(text: str, expected: datetime.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("24:00", '"24:00" không phải giờ có thật — giờ chỉ từ 0 đến 23, phút từ 0 đến 59'),
        ("8:60", '"8:60" không phải giờ có thật — giờ chỉ từ 0 đến 23, phút từ 0 đến 59'),
        ("1530", '"1530" không đúng cách viết giờ — hãy viết giờ:phút, ví dụ 15:30'),
        ("chiều", '"chiều" không đúng cách viết giờ — hãy viết giờ:phút, ví dụ 15:30'),
        ("", "chưa nhập giờ — hãy viết giờ:phút, ví dụ 15:30"),
    ],
)
def test_a_time_that_is_not_one_is_refused_with_what_to_type(text: str, message: str) -> None:
    with pytest.raises(ParseError) as raised:
        parse_time(text)
    assert str(raised.value) == message
