"""Lists, Roman numerals, document numbers, and the filter table itself."""

from __future__ import annotations

import pytest

from reportgen.filters import FILTERS
from reportgen.vi.documents import doc_number, parse_number, roman
from reportgen.vi.lists import list_and
from reportgen.vi.parsing import ParseError


@pytest.mark.parametrize(
    ("items", "sep", "expected"),
    [
        (["A", "B", "C"], ",", "A, B và C"),  # §1
        (["A", "B", "C"], ";", "A; B và C"),  # §1
        (["A", "B", "C"], "; ", "A; B và C"),
        (["A", "B"], ",", "A và B"),
        (["A", "B"], ";", "A và B"),
        (["A"], ",", "A"),
        ([], ",", ""),
        (["A", "B", "C", "D"], ",", "A, B, C và D"),
        ((item for item in ["x", "y", "z"]), ",", "x, y và z"),
        ([63979, 540], ",", "63979 và 540"),
        (
            ["63.979 hộ gia đình học tập", "540 chi hội", "12 dòng họ học tập"],
            ";",
            "63.979 hộ gia đình học tập; 540 chi hội và 12 dòng họ học tập",
        ),
    ],
)
def test_list_and(items: list[object], sep: str, expected: str) -> None:
    assert list_and(items, sep) == expected


def test_list_and_default_separator() -> None:
    assert list_and(["A", "B", "C"]) == "A, B và C"


def test_list_and_refuses_a_string() -> None:
    with pytest.raises(TypeError):
        list_and("ABC")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (13, "XIII"),  # §1
        (1, "I"),
        (2, "II"),
        (3, "III"),
        (4, "IV"),
        (5, "V"),
        (9, "IX"),
        (10, "X"),
        (14, "XIV"),
        (40, "XL"),
        (49, "XLIX"),
        (90, "XC"),
        (400, "CD"),
        (1994, "MCMXCIV"),
        (2021, "MMXXI"),
        (3999, "MMMCMXCIX"),
        ("7", "VII"),
        (3.0, "III"),
    ],
)
def test_roman(value: object, expected: str) -> None:
    assert roman(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [0, -1, 4000, 1.5])
def test_roman_refuses(value: object) -> None:
    with pytest.raises(ValueError):
        roman(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "symbol", "expected"),
    [
        (5, "BC-HKH", "Số: 05/BC-HKH"),  # §1
        (1, "BC-HKH", "Số: 01/BC-HKH"),
        (9, "BC-HKH", "Số: 09/BC-HKH"),
        (10, "BC-HKH", "Số: 10/BC-HKH"),
        (125, "QĐ-HKH", "Số: 125/QĐ-HKH"),
        ("5", "BC-HKH", "Số: 05/BC-HKH"),
    ],
)
def test_doc_number(value: object, symbol: str, expected: str) -> None:
    assert doc_number(value, symbol) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [0, -5, 2.5])
def test_doc_number_refuses(value: object) -> None:
    with pytest.raises(ValueError):
        doc_number(value, "BC-HKH")  # type: ignore[arg-type]


def test_doc_number_refuses_bool() -> None:
    with pytest.raises(TypeError):
        doc_number(True, "BC-HKH")


def test_the_templates_have_every_filter_of_the_spec() -> None:
    assert set(FILTERS) >= set(
        [
            "number",
            "percent",
            "money",
            "money_short",
            "money_words",
            "number_words",
            "date_short",
            "date_admin",
            "place_date",
            "weekday_date",
            "roman",
            "list_and",
            "change",
            "doc_number",
        ]
    )


# Every example of docs/vietnamese.md §1, through the table the templates use.
SPEC_EXAMPLES = [
    ("number", (63979,), {}, "63.979"),
    ("number", (319.7,), {}, "319,7"),
    ("number", (1234567.891,), {}, "1.234.567,891"),
    ("number", (6.45, 1), {}, "6,5"),
    ("number", (6.0, 1), {}, "6"),
    ("percent", (12.5,), {}, "12,5%"),
    ("percent", (6.41,), {}, "6,4%"),
    ("percent", (99.96,), {}, "100%"),
    ("money", (319700000,), {}, "319.700.000 đồng"),
    ("money_short", (319700000,), {}, "319,7 triệu đồng"),
    ("money_short", (1200000000,), {}, "1,2 tỷ đồng"),
    ("money_short", (500000,), {}, "500.000 đồng"),
    ("money_short", (45000000000000,), {}, "45.000 tỷ đồng"),
    ("money_words", (319700000,), {}, "Ba trăm mười chín triệu bảy trăm nghìn đồng"),
    ("number_words", (2021,), {}, "hai nghìn không trăm hai mươi mốt"),
    ("number_words", (105,), {}, "một trăm linh năm"),
    ("number_words", (21,), {}, "hai mươi mốt"),
    ("number_words", (105,), {"variant": "south"}, "một trăm lẻ năm"),
    ("date_short", ("2021-01-20",), {}, "20/01/2021"),
    ("date_short", ("2021-03-05",), {}, "05/03/2021"),
    ("date_admin", ("2021-01-05",), {}, "ngày 05 tháng 01 năm 2021"),
    ("date_admin", ("2021-03-20",), {}, "ngày 20 tháng 3 năm 2021"),
    ("place_date", ("2021-01-20", "Bắc Kạn"), {}, "Bắc Kạn, ngày 20 tháng 01 năm 2021"),
    ("weekday_date", ("2021-01-20",), {}, "Thứ Tư, ngày 20 tháng 01 năm 2021"),
    ("roman", (13,), {}, "XIII"),
    ("list_and", (["A", "B", "C"],), {}, "A, B và C"),
    ("list_and", (["A", "B", "C"], ";"), {}, "A; B và C"),
    ("change", (63979, 60125), {}, "tăng 3.854 (6,4%)"),
    ("change", (502825, 452456, "hội viên"), {}, "tăng 50.369 hội viên (11,1%)"),
    ("doc_number", (5, "BC-HKH"), {}, "Số: 05/BC-HKH"),
]


@pytest.mark.parametrize(("name", "args", "kwargs", "expected"), SPEC_EXAMPLES)
def test_spec_examples_through_the_filter_table(
    name: str, args: tuple[object, ...], kwargs: dict[str, object], expected: str
) -> None:
    assert FILTERS[name](*args, **kwargs) == expected


@pytest.mark.parametrize(("typed", "number"), [("5", 5), ("05", 5), (" 125 ", 125)])
def test_a_document_number_reads_as_typed(typed: str, number: int) -> None:
    assert parse_number(typed) == number


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "01/BC-HND",
            '"01/BC-HND" là số kèm ký hiệu — ở đây chỉ ghi số, `1`; ký hiệu `BC-HND` ghi ở `ky_hieu`',
        ),
        (
            "Số: 05/BC-HKH",
            '"Số: 05/BC-HKH" là số kèm ký hiệu — ở đây chỉ ghi số, `5`; ký hiệu `BC-HKH` ghi ở `ky_hieu`',
        ),
        ("năm", '"năm" không phải số văn bản — hãy viết số thứ tự của báo cáo trong năm, ví dụ 5'),
    ],
)
def test_a_document_number_typed_otherwise_says_what_to_type(typed: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_number(typed)
    assert str(caught.value) == message
