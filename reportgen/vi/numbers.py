"""Vietnamese numbers, percentages and money, as the template filters print them.

This is the formatting stage for figures: every filter here takes an already computed
value and returns the text a careful Vietnamese secretary would write (Accounting Law
style: ``.`` after thousands, ``,`` for decimals). A figure the secretary typed prints
through :mod:`reportgen.vi.figures`, as typed; these filters are for values computed.
Rounding is always half up, never Babel's default half-even, and a ``float`` is taken
at its shortest ``repr`` so that ``6.45`` rounds the way it reads.
"""

from __future__ import annotations

import decimal
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol, TypeAlias, runtime_checkable

from babel.numbers import format_decimal


@runtime_checkable
class Valued(Protocol):
    """Anything with an exact value: a :class:`~reportgen.vi.figures.Figure`, typed or computed."""

    @property
    def value(self) -> Decimal:
        """The exact value."""


Number: TypeAlias = int | Decimal | str | float | Valued
"""What every numeric filter accepts (a ``bool`` is refused, see `to_decimal`)."""

# Plain Python notation for numeric strings ("319.7", "-5", "1e6"); the Vietnamese
# notation that secretaries type ("63.979", "319,7") belongs to `reportgen.vi.parsing`.
_PYTHON_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")

# CLDR "vi" uses ASCII "." and "," and "-" today; later CLDR releases have swapped
# such symbols for no-break spaces or U+2212 in other locales, so normalise anyway:
# the press release must contain only the plain characters.
_TO_ASCII = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2212": "-"})

_MILLION = 10**6
_BILLION = 10**9


def to_decimal(value: Number) -> Decimal:
    """Convert a filter's input to an exact `Decimal`.

    Args:
        value: An ``int``, a ``Decimal``, a string in plain Python notation, a
            ``float``, which is taken at its shortest ``repr`` (``0.1`` is exactly
            one tenth), never at its binary value, or a figure, taken at its value
            (so a template that formats a comparison with these filters still works).

    Returns:
        The value as a finite `Decimal`.

    Raises:
        TypeError: For a ``bool`` or any other type.
        ValueError: For a string that is not a number, or NaN and infinities.

    Examples:
        >>> to_decimal(6.45)
        Decimal('6.45')
        >>> to_decimal("-5")
        Decimal('-5')
        >>> to_decimal(True)
        Traceback (most recent call last):
        ...
        TypeError: expected a number, got bool: True
    """
    # bool is an int subclass; True | number printing "1" would hide a template bug.
    if isinstance(value, bool):
        raise TypeError(f"expected a number, got bool: {value!r}")
    if isinstance(value, Valued) and not isinstance(value, int | float | str | Decimal):
        value = value.value
    if isinstance(value, int | Decimal):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip()
        if not _PYTHON_NUMBER.fullmatch(text):
            raise ValueError(f"not a number: {value!r}")
        result = Decimal(text)
    else:
        raise TypeError(f"expected a number, got {type(value).__name__}: {value!r}")
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round to ``places`` decimals, halves away from zero.

    Args:
        value: The number to round.
        places: How many decimals to keep (0 or more).

    Returns:
        The rounded value, with exactly ``places`` decimals.

    Examples:
        >>> round_half_up(Decimal("6.45"), 1)
        Decimal('6.5')
        >>> round_half_up(Decimal("2.5"), 0)
        Decimal('3')
        >>> round_half_up(Decimal("-2.5"), 0)
        Decimal('-3')
    """
    with decimal.localcontext() as context:
        # quantize fails once the result has more digits than the context allows
        # (28 by default); money in đồng with decimals can get there.
        context.prec = _precision_for(value, places)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _precision_for(value: Decimal, places: int) -> int:
    """Return a context precision large enough to hold ``value`` with ``places``."""
    return max(28, value.adjusted() + places + 2)


def _check_places(decimals: int, name: str = "decimals") -> None:
    """Refuse a decimals argument that is not a non-negative int."""
    if isinstance(decimals, bool) or not isinstance(decimals, int):
        raise TypeError(f"{name} must be an int, got {decimals!r}")
    if decimals < 0:
        raise ValueError(f"{name} must be 0 or more, got {decimals}")


def _format(value: Decimal, keep_zeros: bool) -> str:
    """Write an already rounded value with Vietnamese separators."""
    with decimal.localcontext() as context:
        # normalize() and Babel's own quantize() both round to the context
        # precision (28 digits by default); give them room for any value.
        context.prec = _precision_for(value, _places(value))
        if not keep_zeros:
            value = value.normalize()
        if value.is_zero():
            value = abs(value)  # rounding -0,04 gives "-0"; a report prints 0
        places = _places(value)
        pattern = "#,##0" + ("." + "0" * places if places else "")
        # The value already has exactly `places` decimals, so Babel's half-even
        # quantization has nothing left to round.
        text = format_decimal(value, format=pattern, locale="vi")
    return text.translate(_TO_ASCII)


def _places(value: Decimal) -> int:
    """Return how many decimals a finite `Decimal` carries."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # only NaN and infinities have a str exponent
    return max(0, -exponent)


def number(value: Number, decimals: int | None = None, keep_zeros: bool = False) -> str:
    """Format a number the Vietnamese way: ``63.979``, ``1.234.567,891``.

    Args:
        value: The number (see `to_decimal` for what is accepted).
        decimals: Round half up to this many decimals; None keeps the decimals
            the value has.
        keep_zeros: Keep trailing decimal zeros (``6,0``). *House rule*: they are
            dropped by default, with or without ``decimals``.

    Returns:
        The number with ``.`` between thousands and ``,`` before decimals.

    Raises:
        TypeError: If ``value`` is not a number.
        ValueError: If ``value`` is a string that is not a number, or ``decimals``
            is negative.

    Examples:
        >>> number(63979)
        '63.979'
        >>> number(319.7)
        '319,7'
        >>> number(1234567.891)
        '1.234.567,891'
        >>> number(6.45, 1)
        '6,5'
        >>> number(6.0, 1)
        '6'
        >>> number(6.0, 1, keep_zeros=True)
        '6,0'
        >>> number(-1500)
        '-1.500'
    """
    amount = to_decimal(value)
    if decimals is not None:
        _check_places(decimals)
        amount = round_half_up(amount, decimals)
    return _format(amount, keep_zeros)


def percent(value: Number, decimals: int = 1) -> str:
    """Format a percentage (not a ratio): ``12,5%``, no space before ``%``.

    Args:
        value: The percentage itself: ``12.5`` for twelve and a half per cent.
        decimals: Decimals to round half up to; trailing zeros are dropped.

    Returns:
        The rounded percentage followed by ``%``.

    Raises:
        TypeError: If ``value`` is not a number.
        ValueError: If ``value`` is a string that is not a number.

    Examples:
        >>> percent(12.5)
        '12,5%'
        >>> percent(6.41)
        '6,4%'
        >>> percent(99.96)
        '100%'
    """
    return number(value, decimals) + "%"


def money(value: Number) -> str:
    """Format an amount in whole đồng: ``319.700.000 đồng``.

    Args:
        value: The amount in đồng; fractions of a đồng are rounded half up.

    Returns:
        The amount with thousands separators, then ``đồng``.

    Raises:
        TypeError: If ``value`` is not a number.
        ValueError: If ``value`` is a string that is not a number.

    Examples:
        >>> money(319700000)
        '319.700.000 đồng'
        >>> money(499.5)
        '500 đồng'
    """
    return number(value, 0) + " đồng"


def money_short(value: Number, decimals: int = 1) -> str:
    """Format an amount the way the press writes it: ``319,7 triệu đồng``.

    Below one million the amount is written in full, as `money` does. From one
    million it is counted in triệu, from one billion (10^9) in tỷ; tỷ is the
    largest unit (``45.000 tỷ đồng``, not "45 nghìn tỷ"). Trailing decimal zeros
    are dropped. *House rule*: when rounding carries an amount up to the next unit
    it is written in that unit: 999.950.000 đồng is ``1 tỷ đồng``, never
    "1.000 triệu đồng".

    Args:
        value: The amount in đồng (rounded half up to whole đồng first).
        decimals: Decimals kept on the triệu or tỷ figure, rounded half up.

    Returns:
        The amount in đồng, triệu đồng or tỷ đồng.

    Raises:
        TypeError: If ``value`` is not a number.
        ValueError: If ``value`` is a string that is not a number.

    Examples:
        >>> money_short(319700000)
        '319,7 triệu đồng'
        >>> money_short(1200000000)
        '1,2 tỷ đồng'
        >>> money_short(500000)
        '500.000 đồng'
        >>> money_short(45000000000000)
        '45.000 tỷ đồng'
        >>> money_short(999950000)
        '1 tỷ đồng'
    """
    _check_places(decimals)
    amount = round_half_up(to_decimal(value), 0)
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if amount < _MILLION:
        return f"{sign}{_format(amount, keep_zeros=False)} đồng"
    scaled = round_half_up(amount / _MILLION, decimals)
    unit = "triệu"
    if scaled >= 1000:
        scaled = round_half_up(amount / _BILLION, decimals)
        unit = "tỷ"
    return f"{sign}{_format(scaled, keep_zeros=False)} {unit} đồng"


def change(value: Number, previous: Number | None = None, unit: str | None = None) -> str:
    """Describe a value against the previous one: ``tăng 3.854 (6,4%)``.

    A rise reads ``tăng``, a fall ``giảm``, each with the absolute difference, the
    unit if one is given, and the change as a percentage of the previous value (one
    decimal, half up). With no previous value (None, counted as 0) or a previous
    value of 0 there is nothing to divide by and the percentage is left out. *House rule*: equal
    values read ``không đổi``, without a figure.

    Args:
        value: This year's value.
        previous: The value it is compared with, or None if there is none.
        unit: What is counted (``hội viên``), written after the difference.

    Returns:
        The change as press text.

    Raises:
        TypeError: If a value is not a number.
        ValueError: If a value is a string that is not a number.

    Examples:
        >>> change(63979, 60125)
        'tăng 3.854 (6,4%)'
        >>> change(502825, 452456, "hội viên")
        'tăng 50.369 hội viên (11,1%)'
        >>> change(90, 100, "chi hội")
        'giảm 10 chi hội (10%)'
        >>> change(540, None, "chi hội")
        'tăng 540 chi hội'
        >>> change(7, 7)
        'không đổi'
    """
    current = to_decimal(value)
    before = Decimal(0) if previous is None else to_decimal(previous)
    difference = current - before
    if difference == 0:
        return "không đổi"
    text = ("tăng " if difference > 0 else "giảm ") + number(abs(difference))
    if unit:
        text += " " + unit
    if before != 0:
        with decimal.localcontext() as context:
            context.prec = 40  # enough for a one-decimal percentage of any count
            share = abs(difference) * 100 / abs(before)
        text += f" ({percent(share)})"
    return text
