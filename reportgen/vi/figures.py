"""Figures as they print: a value together with the way it is written.

A figure the secretary typed keeps how it was typed beside its exact value: its digits (a
leading zero too: ``08``), its decimals (``0,96%``, ``8,60``), its unit words (``nghìn`` or
``ngàn``, ``triệu``, ``tỷ``, the mixed ``1 tỷ 850 triệu``, a scaled count ``2 triệu``) and a
word that makes it approximate (``hơn 196.000``). It is printed that way and no other, unless
the input asks for another unit or precision (:func:`displayed`).

A figure reportgen computes (a difference, a sum) is written in the unit and with the
decimals of the figures it comes from (:func:`computed`), so that the reader's own arithmetic
on the printed numbers agrees: 8,65 tỷ − 7,9 tỷ is ``0,75 tỷ``, never "0,8". A percentage it
computes is rounded half up to the precision the document asks for (:func:`percentage`), and
the shares of a whole that add up to it print as 100% (:func:`shares`).

Every output prints figures through this module: the article and the report's sentences
(:func:`written`), the report's tables and annex (:func:`cell`, :func:`unit_label`) and the
chart's labels, so that a figure reads the same wherever it appears.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_FLOOR, Decimal

from reportgen.vi.numbers import number, round_half_up

COUNT, MONEY, PERCENT = "so_luong", "tien", "ty_le"
"""The kinds of figure, by the names the input gives them."""

SCALES = {"": 1, "nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
"""The unit words a figure may be counted in (``ngàn`` is the South's ``nghìn``; ``tỉ`` the older ``tỷ``)."""

APPROXIMATE = ("hơn", "trên", "gần", "khoảng", "gần như")
"""The words that mark a figure as approximate, as the press puts them before it."""

ABOUT = "khoảng"
"""The word a figure computed from an approximate one carries: it is about that much."""

DISPLAYS = {"day_du": "", "nghin": "nghìn", "ngan": "ngàn", "trieu": "triệu", "ty": "tỷ"}
"""The units a figure may be asked to print in (besides as typed and the press's short form)."""


@dataclass(frozen=True)
class Part:
    """One number of a figure and the unit word after it: ``850 triệu`` in ``1 tỷ 850 triệu``."""

    whole: str
    """The digits before the comma, without separators, a typed leading zero kept: ``08``."""
    fraction: str = ""
    """The digits after the comma, as typed (``60`` in ``8,60``)."""
    scale: str = ""
    """The unit word: one of :data:`SCALES`."""

    @property
    def number(self) -> Decimal:
        """The number before the unit word."""
        return Decimal(f"{int(self.whole)}.{self.fraction}" if self.fraction else str(int(self.whole)))

    def text(self) -> str:
        """The number written the Vietnamese way, without the unit word.

        >>> Part("63979").text(), Part("8", "60").text(), Part("08").text()
        ('63.979', '8,60', '08')
        """
        digits = number(self.number, keep_zeros=True)
        if len(self.whole) <= 3 and self.whole.startswith("0"):  # "08": official writing pads under ten
            digits = self.whole + digits[len(str(int(self.whole))) :]
        return digits


@dataclass(frozen=True)
class Figure:
    """A value and the way it is written.

    >>> figure = Figure((Part("1", scale="tỷ"), Part("850", scale="triệu")), MONEY)
    >>> figure.value, written(figure)
    (Decimal('1850000000'), '1 tỷ 850 triệu đồng')
    """

    parts: tuple[Part, ...]
    kind: str = COUNT
    approx: str = ""
    """One of :data:`APPROXIMATE`, or empty for an exact figure."""
    negative: bool = False

    @property
    def value(self) -> Decimal:
        """The exact value: in đồng for money, the percentage itself for a percentage."""
        total = sum((part.number * SCALES[part.scale] for part in self.parts), Decimal(0))
        return -total if self.negative else total

    @property
    def scale(self) -> str:
        """The unit word the figure is counted in: that of its last number."""
        return self.parts[-1].scale

    @property
    def mixed(self) -> bool:
        """Whether it is written in several units: ``1 tỷ 850 triệu``."""
        return len(self.parts) > 1

    # Number-like enough for a template that prints a comparison with the plain filters
    # (``s.nam_truoc.phan_tram | abs | percent``) or tests one (``k.vuot | round(1) > 0``).
    def __abs__(self) -> Figure:
        return replace(self, negative=False)

    def __round__(self, places: int = 0) -> Decimal:
        return round_half_up(self.value, places)

    def __float__(self) -> float:
        return float(self.value)

    def __str__(self) -> str:
        return written(self)


def part_of(amount: Decimal, scale: str = "", places: int | None = None) -> Part:
    """Write a non-negative ``amount`` (already in ``scale``) as a part, with ``places`` decimals.

    None keeps the decimals the amount needs and no more.

    >>> part_of(Decimal("0.750"), "tỷ"), part_of(Decimal("16.61"), "triệu", 1)
    (Part(whole='0', fraction='75', scale='tỷ'), Part(whole='16', fraction='6', scale='triệu'))
    """
    amount = amount.normalize() if places is None else round_half_up(amount, places)
    whole, _, fraction = format(amount, "f").partition(".")
    return Part(whole, fraction, scale)


def written(figure: Figure, *, currency: bool = True) -> str:
    """Write a figure in full, as a sentence prints it.

    Args:
        figure: The figure.
        currency: Whether money ends with ``đồng`` (a table's unit column may say it instead).

    Returns:
        Its approximating word, its numbers with their unit words, and ``đồng`` or ``%``.

    Examples:
        >>> from reportgen.vi.typed import read
        >>> [written(read(text, kind)) for text, kind in [
        ...     ("8,65 tỷ", MONEY), ("1250tr", MONEY), ("16.610.000 đồng", MONEY),
        ...     ("hơn 196.000", COUNT), ("08", COUNT), ("trên 2 triệu", COUNT), ("0,96", PERCENT)]]
        ['8,65 tỷ đồng', '1.250 triệu đồng', '16.610.000 đồng', 'hơn 196.000', '08', 'trên 2 triệu', '0,96%']
    """
    words = " ".join(part.text() + (f" {part.scale}" if part.scale else "") for part in figure.parts)
    text = ("-" if figure.negative else "") + words
    if figure.kind == PERCENT:
        text += "%"
    elif figure.kind == MONEY and currency:
        text += " đồng"
    return f"{figure.approx} {text}" if figure.approx else text


def unit_label(figure: Figure, unit: str = "") -> str:
    """The unit column of a table row whose figure of the year is ``figure``; ``unit`` is what it counts.

    >>> from reportgen.vi.typed import read
    >>> unit_label(read("8,65 tỷ", MONEY)), unit_label(read("1 tỷ 850 triệu", MONEY))
    ('tỷ đồng', 'đồng')
    >>> unit_label(read("trên 2 triệu", COUNT), "lượt người"), unit_label(read("68,5", PERCENT))
    ('triệu lượt người', '%')
    """
    if figure.kind == PERCENT:
        return "%"
    scale = "" if figure.mixed else figure.scale
    counted = "đồng" if figure.kind == MONEY else unit.strip()
    return " ".join(word for word in (scale, counted) if word)


def cell(figure: Figure, row: Figure | None = None) -> str:
    """Write ``figure`` in a table cell whose row is counted in the unit of ``row`` (see :func:`unit_label`).

    The number alone when it is counted in the row's unit, else with its own unit words.

    >>> from reportgen.vi.typed import read
    >>> year = read("8,65 tỷ", MONEY)
    >>> cell(year, year), cell(read("7.900 triệu", MONEY), year), cell(read("hơn 196.000", COUNT))
    ('8,65', '7.900 triệu', 'hơn 196.000')
    """
    if figure.kind == PERCENT:
        return written(figure)
    if row is not None and not figure.mixed and not row.mixed and figure.scale == row.scale:
        return written(replace(figure, parts=(replace(figure.parts[0], scale=""),)), currency=False)
    return written(figure, currency=False)


def fraction(part: Figure, whole: Figure) -> str:
    """Write a part over its whole: ``226.259/254.657``, ``71/70``, ``1,2/4,25 tỷ đồng``.

    >>> from reportgen.vi.typed import read
    >>> fraction(read("226.259", COUNT), read("254.657", COUNT))
    '226.259/254.657'
    >>> fraction(read("1,2 tỷ", MONEY), read("4,25 tỷ", MONEY))
    '1,2/4,25 tỷ đồng'
    """
    return f"{cell(part, whole)}/{written(whole)}"


def displayed(figure: Figure, unit: str = "nhu_go", places: int | None = None, pad: bool = False) -> Figure:
    """The figure as the input asks it printed: in another unit, to ``places`` decimals, padded.

    Args:
        figure: The figure as typed or computed.
        unit: ``nhu_go`` (as it is, the default), ``gon`` (the press's short form: in triệu
            from a million, in tỷ from a billion), or one of :data:`DISPLAYS`. A percentage
            keeps its own.
        places: Decimals to round a converted figure to, half up; None for as many as its
            value needs.
        pad: Write a whole count from 1 to 9 with a leading zero, as official writing does.

    Returns:
        The figure to print; its value is the value printed.

    Examples:
        >>> from reportgen.vi.typed import read
        >>> written(displayed(read("16.610.000 đồng", MONEY), "gon", 1))
        '16,6 triệu đồng'
        >>> written(displayed(read("8,65 tỷ", MONEY), "trieu"))
        '8.650 triệu đồng'
        >>> written(displayed(read("8", COUNT), pad=True))
        '08'
    """
    if unit != "nhu_go" and figure.kind != PERCENT:
        amount = abs(figure.value)
        scale = _short_scale(amount, places) if unit == "gon" else DISPLAYS[unit]
        shown = amount / SCALES[scale]
        if figure.kind == MONEY and not scale:
            places = 0  # no fractions of a đồng
        if places is not None:  # rounded, trailing zeros dropped as everywhere reportgen rounds
            shown = round_half_up(shown, places)
        figure = replace(figure, parts=(part_of(shown, scale),))
    if pad and figure.kind == COUNT and not figure.mixed:
        only = figure.parts[0]
        if not only.fraction and not only.scale and 0 < int(only.whole) < 10:
            figure = replace(figure, parts=(replace(only, whole=f"{int(only.whole):02d}"),))
    return figure


def _short_scale(amount: Decimal, places: int | None) -> str:
    """The press's unit for ``amount``: tỷ from a billion, triệu from a million, once rounded."""
    for scale in ("tỷ", "triệu"):
        shown = amount / SCALES[scale]
        if (round_half_up(shown, places) if places is not None else shown) >= 1:
            return scale
    return ""


def computed(value: Decimal, operands: Sequence[Figure], kind: str | None = None) -> Figure:
    """Write a value computed from ``operands`` (a difference, a sum) in their unit and decimals.

    The unit is the one the operands share, or the smallest of theirs; the decimals are the
    most any operand has in that unit, so the figure is exact. Operands written in several
    units give a figure written in those units. A figure computed from an approximate one is
    about that much.

    >>> from reportgen.vi.typed import read
    >>> this, last = read("8,65 tỷ", MONEY), read("7,9 tỷ", MONEY)
    >>> written(computed(this.value - last.value, [this, last]))
    '0,75 tỷ đồng'
    >>> written(computed(Decimal(750_000_000), [this, read("7.900 triệu", MONEY)]))
    '750 triệu đồng'
    >>> written(computed(Decimal(1_141_950_000), [read("1 tỷ 100 triệu 950 ngàn", MONEY)]))
    '1 tỷ 141 triệu 950 ngàn đồng'
    >>> written(computed(Decimal(16_000), [read("hơn 196.000", COUNT), read("180.000", COUNT)]))
    'khoảng 16.000'
    """
    kind = kind or operands[0].kind
    scale = min((operand.scale for operand in operands), key=lambda word: SCALES[word])
    places = max(_places_in(operand, scale) for operand in operands)
    amount = abs(value)
    if any(operand.mixed for operand in operands):
        parts = _spread(amount, _scales_of(operands), scale, places)
    else:
        parts = (part_of(amount / SCALES[scale], scale, places),)
    approx = ABOUT if any(operand.approx for operand in operands) else ""
    return Figure(parts, kind, approx, value < 0)


def _places_in(operand: Figure, scale: str) -> int:
    """How many decimals ``operand`` has written in ``scale``: as typed when typed in it (``8,60``)."""
    if not operand.mixed and SCALES[operand.scale] == SCALES[scale]:
        return len(operand.parts[0].fraction)
    exponent = (abs(operand.value) / SCALES[scale]).normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # a figure's value is finite
    return max(0, -exponent)


def _scales_of(operands: Sequence[Figure]) -> list[str]:
    """The unit words the operands use, largest first, each size once (the first spelling met)."""
    words: dict[int, str] = {}
    for operand in operands:
        for part in operand.parts:
            words.setdefault(SCALES[part.scale], part.scale)
    return [words[size] for size in sorted(words, reverse=True)]


def _spread(amount: Decimal, scales: list[str], smallest: str, places: int) -> tuple[Part, ...]:
    """Write ``amount`` across ``scales`` down to ``smallest``, leaving out the units it has none of."""
    parts = []
    for scale in scales:
        if SCALES[scale] < SCALES[smallest]:
            break
        if scale == smallest:
            parts.append(part_of(amount / SCALES[scale], scale, places))
            break
        count = int(amount // SCALES[scale])
        if count:
            parts.append(Part(str(count), "", scale))
            amount -= count * SCALES[scale]
    if len(parts) > 1 and parts[-1].number == 0:
        parts.pop()  # "1 tỷ 0 triệu" reads "1 tỷ"
    return tuple(parts)


def percentage(value: Decimal, places: int = 1, approx: str = "") -> Figure:
    """A computed percentage (the percentage itself, not a ratio), rounded half up to ``places``.

    Trailing zeros are dropped, as everywhere reportgen rounds: ``27%``, not "27,0%".

    >>> written(percentage(Decimal("101.428"))), written(percentage(Decimal("29.36"), 2))
    ('101,4%', '29,36%')
    """
    rounded = round_half_up(value, places)
    part = part_of(abs(rounded), "", None)
    return Figure((part,), PERCENT, approx, rounded < 0)


def ratio(part: Figure, whole: Figure, places: int = 1) -> Figure | None:
    """``part`` in percent of ``whole``; None when the whole is 0.

    >>> from reportgen.vi.typed import read
    >>> written(ratio(read("71", COUNT), read("70", COUNT)))
    '101,4%'
    """
    if whole.value == 0:
        return None
    approx = ABOUT if part.approx or whole.approx else ""
    return percentage(part.value / whole.value * 100, places, approx)


def shares(values: Sequence[Decimal], whole: Decimal, places: int = 1) -> list[Decimal]:
    """Each value's share of ``whole`` in percent, rounded half up to ``places``.

    When the values make up the whole exactly and their rounded shares would not add up to
    100, the units rounding leaves over go to the shares that lost most to it (the largest
    remainder method), so that what adds up to the whole prints as 100%.

    >>> shares([Decimal(49), Decimal(149), Decimal(202)], Decimal(400))
    [Decimal('12.3'), Decimal('37.2'), Decimal('50.5')]
    >>> shares([Decimal(1), Decimal(1), Decimal(1)], Decimal(3))
    [Decimal('33.4'), Decimal('33.3'), Decimal('33.3')]
    """
    exact = [value / whole * 100 for value in values]
    rounded = [round_half_up(share, places) for share in exact]
    if sum(values, Decimal(0)) != whole or sum(rounded, Decimal(0)) == 100:
        return rounded
    step = Decimal(1).scaleb(-places)
    floors = [share.quantize(step, rounding=ROUND_FLOOR) for share in exact]
    missing = int((100 - sum(floors, Decimal(0))) / step)
    # The largest remainders first; between equal ones, the first listed.
    order = sorted(range(len(exact)), key=lambda index: exact[index] - floors[index], reverse=True)
    for index in order[:missing]:
        floors[index] += step
    return floors
