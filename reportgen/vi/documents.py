"""Administrative document furniture: section numerals, point letters and the ``Số:`` line, both ways.

The formatting stage for the parts of a Decree 30/2020/NĐ-CP document that are not
prose: sections numbered I., II., III., points a), b), c) and the document number
``Số: 05/BC-HKH``.
"""

from __future__ import annotations

import re
import unicodedata

from reportgen.i18n import _
from reportgen.vi.numbers import Number, to_decimal
from reportgen.vi.parsing import ParseError

_NUMERALS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _whole(value: Number, what: str, low: int, high: int | None = None) -> int:
    """Return ``value`` as an int in [low, high], or raise ValueError."""
    amount = to_decimal(value)
    if amount != amount.to_integral_value():
        raise ValueError(f"{what} must be a whole number, got {value!r}")
    whole = int(amount)
    if whole < low or (high is not None and whole > high):
        bounds = f"{low} or more" if high is None else f"from {low} to {high}"
        raise ValueError(f"{what} must be {bounds}, got {whole}")
    return whole


def roman(value: Number) -> str:
    """Write a section number in Roman numerals: ``XIII``.

    Args:
        value: A whole number from 1 to 3999.

    Returns:
        The number in upper-case Roman numerals.

    Raises:
        TypeError: If ``value`` is not a number.
        ValueError: If ``value`` is not a whole number from 1 to 3999.

    Examples:
        >>> roman(13)
        'XIII'
        >>> roman(4)
        'IV'
    """
    remaining = _whole(value, "a Roman numeral", 1, 3999)
    letters: list[str] = []
    for amount, numeral in _NUMERALS:
        count, remaining = divmod(remaining, amount)
        letters.append(numeral * count)
    return "".join(letters)


def doc_number(value: Number, symbol: str) -> str:
    """Write a document's number line: ``Số: 05/BC-HKH``.

    Numbers below 10 get a leading zero (Decree 30, Appendix I).

    Args:
        value: The document's number in the year, 1 or more.
        symbol: The document symbol: its kind and the issuer's abbreviation.

    Returns:
        ``Số:``, the number on at least two digits, ``/`` and the symbol.

    Raises:
        TypeError: If ``value`` is not a number.
        ValueError: If ``value`` is not a whole number of 1 or more.

    Examples:
        >>> doc_number(5, "BC-HKH")
        'Số: 05/BC-HKH'
        >>> doc_number(125, "BC-HKH")
        'Số: 125/BC-HKH'
    """
    return f"Số: {_whole(value, 'a document number', 1):02d}/{symbol}"


# "01/BC-HND", "Số: 05/BC-HKH": the number line typed whole where only its number belongs.
_NUMBER_LINE = re.compile(r"(?:số\s*:?\s*)?0*(?P<number>\d+)\s*/\s*(?P<symbol>\S+)", re.IGNORECASE)


def parse_number(text: str) -> int:
    """Read a document's number as a secretary types it: ``5``, ``05``.

    Raises:
        ParseError: the text is not a number; typed with its symbol (``01/BC-HND``), the
            message says to keep the number here and the symbol in ``ky_hieu``.

    Examples:
        >>> parse_number("05")
        5
        >>> parse_number("01/BC-HND")
        Traceback (most recent call last):
        ...
        reportgen.vi.parsing.ParseError: "01/BC-HND" là số kèm ký hiệu — ở đây chỉ ghi số, `1`; ký hiệu `BC-HND` ghi ở `ky_hieu`
    """  # noqa: E501 - a doctest's traceback line cannot be wrapped
    typed = unicodedata.normalize("NFC", text.strip())
    if typed.isdigit():
        return int(typed)
    line = _NUMBER_LINE.fullmatch(typed)
    if line:
        said = _(
            '"{text}" là số kèm ký hiệu — ở đây chỉ ghi số, `{number}`; ký hiệu `{symbol}` ghi ở `ky_hieu`'
        )
        raise ParseError(typed, said.format(text=typed, number=line["number"], symbol=line["symbol"]))
    said = _('"{text}" không phải số văn bản — hãy viết số thứ tự của báo cáo trong năm, ví dụ 5')
    raise ParseError(typed, said.format(text=typed))


# Points are lettered in the order of the Vietnamese alphabet, which has đ and no f, j, w or z.
_LETTERS = list("abcdđeghiklmnopqrstuvxy")


def point_letter(value: Number) -> str:
    """Letter the ``value``-th point of a section, as Vietnamese documents do: ``a``, … ``đ``, ``e``.

    After ``y``, letters double: ``aa``, ``bb``.

    Raises:
        TypeError: If ``value`` is not a number.
        ValueError: If ``value`` is not a whole number of 1 or more.

    Examples:
        >>> [point_letter(n) for n in (1, 4, 5, 6, 23, 24)]
        ['a', 'd', 'đ', 'e', 'y', 'aa']
    """
    index = _whole(value, "a point's number", 1) - 1
    return _LETTERS[index % len(_LETTERS)] * (index // len(_LETTERS) + 1)
