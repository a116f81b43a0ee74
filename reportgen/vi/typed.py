"""Reading a typed figure into a :class:`~reportgen.vi.figures.Figure`: its value and its form.

The input side of the figures of format version 2. Beyond what every version reads (a number
written the Vietnamese way, money with a unit word, a percentage), a figure may be:

- approximate: ``hơn 196.000``, ``trên 2 triệu``, ``gần 1.200``, ``khoảng 40``, ``gần như 100%``;
- written in several units, largest first: ``1 tỷ 850 triệu``, ``1 tỷ 141 triệu 950 ngàn đồng``;
- money in the usual shorthand for triệu: ``1250tr``, ``1.250 tr.``, ``1250trđ``;
- a count in millions or billions: ``2 triệu`` (lượt người), ``1,5 triệu``;
- a count with a leading zero, which is kept: ``08``.

A mistake raises :class:`~reportgen.vi.parsing.ParseError` with what to type instead.
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from decimal import Decimal
from typing import Literal

from reportgen.i18n import _
from reportgen.vi import parsing
from reportgen.vi.figures import APPROXIMATE, MONEY, PERCENT, SCALES, Figure, Part
from reportgen.vi.parsing import ParseError

# A unit word, and the shorthands for triệu ("trđ" is triệu đồng); never the start of a longer
# word ("trăm", "trên").
_SCALE = re.compile(r"\s*(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ|trđ|tr\.|tr)(?![^\W\d_])\s*", re.IGNORECASE)
_CURRENCY = re.compile(r"\s*(?:vnđ|vnd|đồng|đ)$", re.IGNORECASE)
# The same words without the spaces before them, for searching: a pattern that starts with
# \s* tries every space of a long run of them, in time that grows with the square of the run.
_SCALE_WORD = re.compile(r"(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ|trđ|tr\.|tr)(?![^\W\d_])\s*", re.IGNORECASE)
_CURRENCY_AT_END = re.compile(r"(?:vnđ|vnd|đồng|đ)\Z", re.IGNORECASE)
_SHORTHANDS = {"tr": "triệu", "tr.": "triệu", "trđ": "triệu"}
# A word (or two) before the number: "hơn 196.000", "gần như 100%", or a misspelt one.
_LEADING_WORDS = re.compile(r"(?P<words>[^\W\d_]+(?: [^\W\d_]+)?) +(?=-?\d)")


def read(text: str, kind: str) -> Figure:
    """Read a figure of ``kind`` (``so_luong``, ``tien`` or ``ty_le``) as it is written.

    Args:
        text: What was typed.
        kind: The kind of the figure, which decides what may follow the number.

    Returns:
        The figure: its exact value and how it was written.

    Raises:
        ParseError: If the text is not such a figure.

    Examples:
        >>> read("1 tỷ 850 triệu", "tien").value
        Decimal('1850000000')
        >>> read("hơn 196.000", "so_luong").approx
        'hơn'
        >>> try:
        ...     read("hon 196.000", "so_luong")
        ... except ParseError as error:
        ...     print(error)  # doctest: +NORMALIZE_WHITESPACE
        "hon 196.000" — chữ "hon" trước con số không phải từ chỉ số gần đúng; có phải ý bạn là
        "hơn"? (hãy viết một trong: hơn, trên, gần, khoảng, gần như)
    """
    cleaned = parsing.clean(text)
    approx, start = _approximation(cleaned)
    if kind == PERCENT:
        return _percentage(cleaned, start, approx)
    return _amount(cleaned, start, approx, kind)


def _approximation(text: str) -> tuple[str, int]:
    """The approximating word the text starts with, and where the number starts after it."""
    match = _LEADING_WORDS.match(text)
    if not match:
        return "", 0
    typed = match["words"]
    words = typed.lower()
    if words in APPROXIMATE:
        return words, match.end()
    if _SCALE.fullmatch(words) or _CURRENCY.fullmatch(words):
        return "", 0  # a unit word with no number before it: said when the number is read
    choices = ", ".join(APPROXIMATE)
    nearest = _nearest(typed)
    if nearest:
        message = _(
            '"{text}" — chữ "{word}" trước con số không phải từ chỉ số gần đúng; '
            'có phải ý bạn là "{nearest}"? (hãy viết một trong: {choices})'
        ).format(text=text, word=typed, nearest=nearest, choices=choices)
    else:
        message = _(
            '"{text}" — chữ "{word}" trước con số không phải từ chỉ số gần đúng '
            "(hãy viết một trong: {choices}, hoặc chỉ viết con số)"
        ).format(text=text, word=typed, choices=choices)
    raise ParseError(text, message)


def _nearest(words: str) -> str:
    """The approximating word ``words`` was meant to be: the same without marks, or a close spelling."""
    bare = _unmarked(words.lower())
    for word in APPROXIMATE:
        if _unmarked(word) == bare:
            return word
    close = difflib.get_close_matches(words.lower(), APPROXIMATE, n=1, cutoff=0.6)
    return close[0] if close else ""


def _unmarked(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _percentage(text: str, start: int, approx: str) -> Figure:
    end = len(text) - 1 if text.endswith("%") else len(text)
    number = parsing.read_number(text, start, len(text[:end].rstrip()), "decimal")
    return Figure((Part(number.digits, number.fraction),), PERCENT, approx, number.negative)


def _amount(text: str, start: int, approx: str, kind: str) -> Figure:
    """Read the numbers and unit words of money or a count, from ``start``."""
    currency: re.Match[str] | None = _CURRENCY_AT_END.search(text, start)
    end = _spaces_before(text, currency.start(), start) if currency else len(text)
    spans, scales = [], []
    position = start
    for match in _SCALE_WORD.finditer(text, start, end):
        spans.append((position, _spaces_before(text, match.start(), position)))
        scales.append(_SHORTHANDS.get(match["scale"].lower(), match["scale"].lower()))
        position = match.end()
        if match["scale"].lower() == "trđ":
            currency = match
    if position < end or not spans:
        spans.append((position, end))
        scales.append("")
    if kind != MONEY and currency:
        raise ParseError(text, _money_in_a_count(text))
    wanted: Literal["money", "integer"] = "money" if kind == MONEY else "integer"
    numbers = [parsing.read_number(text, first, last, wanted) for first, last in spans]
    if len(numbers) == 1 and not scales[0]:
        parsing.refuse_comma_thousands(text, numbers[0], wanted)
    parts = tuple(Part(n.digits, n.fraction, scale) for n, scale in zip(numbers, scales, strict=True))
    _check_order(text, parts)
    if any(number.negative for number in numbers[1:]):
        raise ParseError(
            text, _('"{text}" không đúng cách viết số — dấu trừ chỉ đứng trước số đầu tiên').format(text=text)
        )
    figure = Figure(parts, kind, approx, numbers[0].negative)
    if kind == MONEY:
        _check_whole_dong(text, figure)
    else:
        _check_count(text, figure)
    return figure


def _spaces_before(text: str, index: int, start: int) -> int:
    """Where the spaces just before ``index`` begin, not reading back past ``start``.

    >>> _spaces_before("1   tỷ", 4, 0)
    1
    """
    while index > start and text[index - 1].isspace():
        index -= 1
    return index


def _check_order(text: str, parts: tuple[Part, ...]) -> None:
    """Several units go from the largest down, each below the one before: ``1 tỷ 850 triệu``."""
    for before, after in itertools.pairwise(parts):
        if before.fraction:
            raise ParseError(
                text,
                _(
                    '"{text}" không đúng cách viết số — chỉ con số cuối cùng mới có phần thập phân, '
                    "ví dụ 1 tỷ 850,5 triệu"
                ).format(text=text),
            )
        larger = SCALES[before.scale]
        if SCALES[after.scale] >= larger or after.number * SCALES[after.scale] >= larger:
            raise ParseError(
                text,
                _(
                    '"{text}" không đúng cách viết số — các đơn vị viết từ lớn đến nhỏ, mỗi phần nhỏ hơn '
                    "một đơn vị đứng trước nó, ví dụ 1 tỷ 850 triệu"
                ).format(text=text),
            )


def _check_whole_dong(text: str, figure: Figure) -> None:
    value = figure.value
    if value != value.to_integral_value():
        raise ParseError(
            text,
            _(
                '"{text}" không phải số đồng chẵn — số tiền không có phần lẻ dưới một đồng; '
                "hãy viết số đồng chẵn, ví dụ 500.000 đồng hoặc 319,7 triệu"
            ).format(text=text),
        )


def _check_count(text: str, figure: Figure) -> None:
    """A count is whole; a unit word after a thousand or more of it is money's habit, not a count's."""
    if figure.parts[0].scale and figure.parts[0].number >= 1000:
        raise ParseError(text, _money_in_a_count(text, figure.value))
    value = figure.value
    if value != value.to_integral_value():
        raise ParseError(
            text,
            _('"{text}" không phải số nguyên — hãy viết {wanted}').format(
                text=text, wanted=_("số nguyên, ví dụ 63.979")
            ),
        )


def _money_in_a_count(text: str, value: Decimal | None = None) -> str:
    """Say that ``text`` reads as money, in an indicator that counts."""
    if value is not None and value == value.to_integral_value():
        counted = parsing.grouped(int(value))
        return _(
            '"{text}" viết như số tiền, nhưng chỉ tiêu này là số đếm — nếu là tiền, thêm dòng `loai: tien`; '
            "nếu là số đếm, viết {counted}"
        ).format(text=text, counted=counted)
    return _(
        '"{text}" viết như số tiền, nhưng chỉ tiêu này là số đếm — nếu là tiền, thêm dòng `loai: tien`; '
        "nếu là số đếm, bỏ chữ đồng"
    ).format(text=text)
