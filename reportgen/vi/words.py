"""Vietnamese number words, for "Bằng chữ" lines and spelled-out figures.

The formatting stage's own reader of numbers aloud. It is
written here rather than taken from num2words or vietnam-number because each of those
gets one of the rules wrong (2021 in one, 1.500 tỷ in the other). The rules in short:
three-digit groups read "X trăm Y mươi Z"; a zero tens digit reads ``linh`` (north) or
``lẻ`` (south); a zero hundreds digit inside a number reads ``không trăm``; a group of
zeros is skipped; 1 is ``mốt`` after a tens digit of 2 or more, 5 is ``lăm`` after any
tens digit; units go nghìn, triệu, tỷ, then nghìn tỷ, triệu tỷ, tỷ tỷ.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from reportgen.vi.numbers import Number, round_half_up, to_decimal

Variant = Literal["north", "south"]

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9

# Only two words differ between the northern and southern readings.
_VARIANTS: dict[str, dict[str, str]] = {
    "north": {"linh": "linh", "nghìn": "nghìn"},
    "south": {"linh": "lẻ", "nghìn": "ngàn"},
}


def _triple(value: int, full: bool, words: dict[str, str]) -> list[str]:
    """Read a group of three digits, 1 to 999.

    ``full`` is set for every group after the first non-zero one: there a zero
    hundreds digit is read (1.010 → một nghìn *không trăm* mười) and a lone units
    digit gets its ``linh`` (1.005 → một nghìn không trăm *linh năm*).
    """
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    said: list[str] = []
    if hundreds or full:
        said += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and said:
            said.append(words["linh"])
        if units:
            said.append(_DIGITS[units])  # linh một, linh năm: no mốt, no lăm
        return said
    said += ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if units == 1 and tens >= 2:
        said.append("mốt")
    elif units == 5:
        said.append("lăm")
    elif units:
        said.append(_DIGITS[units])
    return said


def _below_billion(value: int, full: bool, words: dict[str, str]) -> list[str]:
    """Read 1 to 999.999.999: groups of triệu, nghìn and units, zero groups skipped."""
    said: list[str] = []
    for scale, unit in ((10**6, "triệu"), (10**3, words["nghìn"]), (1, "")):
        group = value // scale % 1000
        if group == 0:
            continue
        said += _triple(group, full, words)
        if unit:
            said.append(unit)
        full = True
    return said


def _integer(value: int, full: bool, words: dict[str, str]) -> list[str]:
    """Read a positive integer of any size.

    Above 10^9 the count of tỷ is read as a number in its own right, so the units
    compose (1.500 tỷ → một nghìn năm trăm tỷ, 10^15 → một triệu tỷ, 10^18 → một
    tỷ tỷ) instead of repeating "tỷ" in every group.
    """
    if value < _BILLION:
        return _below_billion(value, full, words)
    billions, rest = divmod(value, _BILLION)
    said = [*_integer(billions, full, words), "tỷ"]
    if rest:
        said += _below_billion(rest, True, words)
    return said


def _variant_words(variant: str) -> dict[str, str]:
    """Return the words of a variant, refusing an unknown one."""
    try:
        return _VARIANTS[variant]
    except KeyError:
        raise ValueError(f'variant must be "north" or "south", got {variant!r}') from None


def number_words(value: Number, variant: Variant = "north") -> str:
    """Read a number aloud in Vietnamese words.

    Decimals follow ``phẩy``, read as a number in their own right (12,5 → mười hai
    phẩy năm; 3,14 → ba phẩy mười bốn). Zeros right after the comma are read one by
    one, as people read them: 12,05 → mười hai phẩy *không năm*. Trailing zeros are
    not read (12,50 reads as 12,5).

    Args:
        value: The number (see `reportgen.vi.numbers.to_decimal`).
        variant: ``"north"`` (linh, nghìn) or ``"south"`` (lẻ, ngàn).

    Returns:
        The words, lower case, single-spaced.

    Raises:
        TypeError: If ``value`` is not a number.
        ValueError: If ``value`` is a string that is not a number, or the variant
            is unknown.

    Examples:
        >>> number_words(2021)
        'hai nghìn không trăm hai mươi mốt'
        >>> number_words(105)
        'một trăm linh năm'
        >>> number_words(21)
        'hai mươi mốt'
        >>> number_words(105, variant="south")
        'một trăm lẻ năm'
        >>> number_words(1500000000000)
        'một nghìn năm trăm tỷ'
        >>> number_words(-5)
        'âm năm'
        >>> number_words(12.5)
        'mười hai phẩy năm'
        >>> number_words(12.05)
        'mười hai phẩy không năm'
    """
    words = _variant_words(variant)
    amount = to_decimal(value)
    # Fixed-point text avoids both float binary noise and exponents ("1E+3").
    whole, _, fraction = format(abs(amount), "f").partition(".")
    fraction = fraction.rstrip("0")
    integer = int(whole)
    said = _integer(integer, False, words) if integer else [_DIGITS[0]]
    if fraction:
        significant = fraction.lstrip("0")
        said += ["phẩy"] + [_DIGITS[0]] * (len(fraction) - len(significant))
        said += _integer(int(significant), False, words)
    if amount < 0 and (integer or fraction):
        said.insert(0, "âm")
    return " ".join(said)


def money_words(value: Number, variant: Variant = "north") -> str:
    """Write an amount in words for the "Bằng chữ" line: capitalised, ending ``đồng``.

    Args:
        value: The amount in đồng; fractions of a đồng are rounded half up first.
        variant: ``"north"`` (linh, nghìn) or ``"south"`` (lẻ, ngàn).

    Returns:
        The amount in words with its first letter in upper case.

    Raises:
        TypeError: If ``value`` is not a number.
        ValueError: If ``value`` is a string that is not a number, or the variant
            is unknown.

    Examples:
        >>> money_words(319700000)
        'Ba trăm mười chín triệu bảy trăm nghìn đồng'
        >>> money_words(1005000, variant="south")
        'Một triệu không trăm lẻ năm ngàn đồng'
        >>> money_words(0)
        'Không đồng'
    """
    amount: Decimal = round_half_up(to_decimal(value), 0)
    text = number_words(amount, variant) + " đồng"
    return text[0].upper() + text[1:]
