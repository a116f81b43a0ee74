"""Reading what secretaries type: Vietnamese numbers, money and dates, text in, value out.

The input side of the Vietnamese rules. The loader hands every scalar over as text
(YAML itself would read ``63.979`` as a float and ``1.500`` as 1.5), and these functions
read it by the field's type the Vietnamese way: ``.`` or a single space separates
thousands and must be followed by exactly three digits, ``,`` is the decimal mark.

A mistake raises `ParseError` with a short Vietnamese message for someone who is not a
programmer: what was typed, in double quotes, why it is wrong, and what to type instead.
The message carries no position; the caller adds ``file:line:column`` and the field.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from reportgen.i18n import N_, _

_Kind = Literal["integer", "decimal", "money"]

# What each kind of field asks for, with an example: the "what to type instead".
_WANTED: dict[_Kind, str] = {
    "integer": N_("số nguyên, ví dụ 63.979"),
    "decimal": N_("một số, ví dụ 319,7"),
    "money": N_("số tiền, ví dụ 500.000 đồng hoặc 319,7 triệu"),
}


def _wanted(kind: _Kind) -> str:
    """What a field of ``kind`` asks for, in the active language."""
    return _(_WANTED[kind])


# A group separator must be the same all through one number ("1.234 567" is a typo).
# A first group starting with 0 ("0.500") is refused: whoever wrote it meant 0,5.
_NUMBER = re.compile(
    r"(?P<sign>-)?"
    r"(?P<whole>[1-9]\d{0,2}(?P<sep>[. ])\d{3}(?:(?P=sep)\d{3})*|\d+)"
    r"(?:,(?P<fraction>\d+))?"
)
# English notation, recognisable only when it cannot be Vietnamese: 1,234.5 or 1,234,567.
_ENGLISH = re.compile(r"-?\d{1,3}(?:,\d{3})+\.\d+|-?\d{1,3}(?:,\d{3}){2,}")
_DECIMAL_DOT = re.compile(r"-?\d+\.\d+")
# Digits, separators and signs only. The first part holds no digit, so the text splits one way
# only: written as [-\d., ]*\d[-\d., ]* the pattern tried every split, in time that grew with
# the square of the length (a minute for a pasted column of numbers).
_NUMBERISH = re.compile(r"[-., ]*\d[-\d., ]*")

# The multipliers a secretary may write after an amount; tỉ is the older spelling of tỷ.
_SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
# The words after an amount, found at the end of the text. One pattern with a lazy number
# before optional words backtracked in time that grew with the square of the text's length.
_SCALE_AT_END = re.compile(r"(?:nghìn|ngàn|triệu|tỷ|tỉ)\Z", re.IGNORECASE)
_CURRENCY_AT_END = re.compile(r"(?:vnđ|vnd|đồng|đ)\Z", re.IGNORECASE)

_ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_VN_DATE = re.compile(r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})")

# Word and web pages paste numbers with no-break or thin spaces between the groups.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


class ParseError(ValueError):
    """A typed value that cannot be read; its str is the message for the user.

    Attributes:
        text: What was typed, as it was read (trimmed, NFC).
    """

    def __init__(self, text: str, message: str) -> None:
        """Make the error for ``text``; ``message`` is what the user reads."""
        super().__init__(message)
        self.text = text


@dataclass(frozen=True)
class Number:
    """A number read from text, before it is given its type."""

    negative: bool
    digits: str
    """The digits before the comma, without separators, a leading zero kept: ``08``."""
    fraction: str
    """The digits after the comma, as typed; "" for none."""

    @property
    def whole(self) -> int:
        """The whole part."""
        return int(self.digits)

    def value(self) -> Decimal:
        """Return the exact value."""
        digits = f"{self.whole}.{self.fraction}" if self.fraction else str(self.whole)
        return Decimal(("-" if self.negative else "") + digits)


def clean(text: str) -> str:
    """Trim, compose to NFC and turn pasted exotic spaces into plain ones."""
    return unicodedata.normalize("NFC", text).translate(_SPACES).strip()


def read_number(text: str, start: int, end: int, kind: _Kind) -> Number:
    """Read the number in ``text[start:end]``, quoting all of ``text`` on error.

    ``text`` may hold a unit around the number (``319,7 triệu``, ``12,5%``); the
    suggested correction keeps it.
    """
    part = text[start:end]
    match = _NUMBER.fullmatch(part)
    if match:
        return Number(
            negative=match["sign"] is not None,
            digits=re.sub(r"[. ]", "", match["whole"]),
            fraction=match["fraction"] or "",
        )

    def fixed(number: str) -> str:
        return text[:start] + number + text[end:]

    if not part:
        if not text:
            raise ParseError(text, _("chưa nhập giá trị — hãy viết {wanted}").format(wanted=_wanted(kind)))
        raise ParseError(
            text, _('"{text}" thiếu con số — hãy viết {wanted}').format(text=text, wanted=_wanted(kind))
        )
    if _ENGLISH.fullmatch(part):
        swapped = part.translate(str.maketrans(".,", ",."))
        raise ParseError(
            text,
            _(
                '"{text}" viết theo kiểu tiếng Anh — dấu chấm tách hàng nghìn, '
                "dấu phẩy đứng trước phần thập phân: {fixed}"
            ).format(text=text, fixed=fixed(swapped)),
        )
    if _DECIMAL_DOT.fullmatch(part) and kind == "integer":
        raise ParseError(
            text,
            _(
                '"{text}" không phải số nguyên — dấu chấm chỉ để tách hàng nghìn, '
                "sau nó phải có đúng ba chữ số, ví dụ 63.979"
            ).format(text=text),
        )
    if _DECIMAL_DOT.fullmatch(part):
        raise ParseError(
            text,
            _(
                '"{text}" không đúng cách viết số — dấu chấm chỉ để tách hàng nghìn; '
                "số thập phân viết bằng dấu phẩy: {fixed}"
            ).format(text=text, fixed=fixed(part.replace(".", ","))),
        )
    if _NUMBERISH.fullmatch(part):
        raise ParseError(
            text,
            _(
                '"{text}" không đúng cách viết số — dấu chấm hoặc dấu cách tách hàng nghìn '
                "phải có đúng ba chữ số theo sau, ví dụ 63.979; "
                "số thập phân viết bằng dấu phẩy, ví dụ 319,7"
            ).format(text=text),
        )
    if kind == "money":
        raise ParseError(
            text,
            _(
                '"{text}" không đúng cách viết số tiền — hãy viết số đồng, '
                "có thể kèm đơn vị nghìn, triệu, tỷ, ví dụ 500.000 đồng hoặc 319,7 triệu"
            ).format(text=text),
        )
    raise ParseError(
        text, _('"{text}" không phải là số — hãy viết {wanted}').format(text=text, wanted=_wanted(kind))
    )


def refuse_comma_thousands(text: str, number: Number, kind: _Kind) -> None:
    """Refuse ``1,000`` where no decimals belong (a count, or đồng): it is one, but 1.000 was meant.

    Raises:
        ParseError: If the number has exactly three decimals.
    """
    if len(number.fraction) != 3:
        return
    if kind == "money":
        message = _(
            '"{text}" không phải số đồng chẵn — dấu phẩy đứng trước phần thập phân; '
            "hàng nghìn tách bằng dấu chấm: {fixed}"
        )
    else:
        message = _(
            '"{text}" không phải số nguyên — dấu phẩy đứng trước phần thập phân; '
            "hàng nghìn tách bằng dấu chấm: {fixed}"
        )
    raise ParseError(text, message.format(text=text, fixed=text.replace(",", ".")))


def grouped(value: int) -> str:
    """Write a whole number with a dot between thousands, as it is typed: ``1.250.500.000``.

    >>> grouped(1250500000), grouped(-5)
    ('1.250.500.000', '-5')
    """
    return f"{value:,}".replace(",", ".")


def parse_integer(text: str) -> int:
    """Read a count: ``63.979``, ``63 979`` or ``63979``.

    Args:
        text: What was typed.

    Returns:
        The whole number.

    Raises:
        ParseError: If the text is not a whole number written the Vietnamese way.

    Examples:
        >>> parse_integer("63.979")
        63979
        >>> parse_integer("63 979")
        63979
        >>> try:
        ...     parse_integer("63,5")
        ... except ParseError as error:
        ...     print(error)
        "63,5" không phải số nguyên — hãy viết số nguyên, ví dụ 63.979
    """
    cleaned = clean(text)
    number = read_number(cleaned, 0, len(cleaned), "integer")
    refuse_comma_thousands(cleaned, number, "integer")
    if number.fraction:
        raise ParseError(
            cleaned,
            _('"{text}" không phải số nguyên — hãy viết {wanted}').format(
                text=cleaned, wanted=_wanted("integer")
            ),
        )
    return -number.whole if number.negative else number.whole


def parse_decimal(text: str) -> Decimal:
    """Read a value that may have decimals, such as a percentage: ``319,7``, ``12,5%``.

    Args:
        text: What was typed; a trailing ``%`` is allowed and ignored (the value
            is the percentage itself: ``12,5%`` reads as 12.5).

    Returns:
        The exact value, with the decimals as typed.

    Raises:
        ParseError: If the text is not a number written the Vietnamese way.

    Examples:
        >>> parse_decimal("319,7")
        Decimal('319.7')
        >>> parse_decimal("12,5%")
        Decimal('12.5')
        >>> try:
        ...     parse_decimal("12.5")
        ... except ParseError as error:
        ...     print(error)  # doctest: +NORMALIZE_WHITESPACE
        "12.5" không đúng cách viết số — dấu chấm chỉ để tách hàng nghìn;
        số thập phân viết bằng dấu phẩy: 12,5
    """
    cleaned = clean(text)
    end = len(cleaned[:-1].rstrip()) if cleaned.endswith("%") else len(cleaned)
    return read_number(cleaned, 0, end, "decimal").value()


def parse_money(text: str) -> int:
    """Read an amount of money in đồng: ``319,7 triệu``, ``1,2 tỷ đồng``, ``500.000đ``.

    The unit may follow the number with or without a space: ``đồng``, ``đ`` or
    ``VNĐ`` for đồng; ``nghìn``/``ngàn``, ``triệu``, ``tỷ``/``tỉ`` as multipliers,
    alone or followed by ``đồng``. Letter case does not matter.

    Args:
        text: What was typed.

    Returns:
        The amount in whole đồng.

    Raises:
        ParseError: If the text is not an amount, or is not a whole number of đồng.

    Examples:
        >>> parse_money("319,7 triệu")
        319700000
        >>> parse_money("1,2 tỷ đồng")
        1200000000
        >>> parse_money("500.000đ")
        500000
    """
    cleaned = clean(text)
    end, scale = _amount_and_scale(cleaned)
    number = read_number(cleaned, 0, end, "money")
    if not scale:
        # Đồng have no decimals, so a comma in a plain amount is never meant as one.
        refuse_comma_thousands(cleaned, number, "money")
    amount = number.value() * (_SCALES[scale.lower()] if scale else 1)
    if (number.fraction and not scale) or amount != amount.to_integral_value():
        raise ParseError(
            cleaned,
            _(
                '"{text}" không phải số đồng chẵn — số tiền không có phần lẻ dưới một đồng; '
                "hãy viết số đồng chẵn, ví dụ 500.000 đồng hoặc 319,7 triệu"
            ).format(text=cleaned),
        )
    return int(amount)


def _amount_and_scale(text: str) -> tuple[int, str | None]:
    """Split an amount from the words after it: where its number ends, and its multiplier.

    >>> _amount_and_scale("319,7 triệu đồng"), _amount_and_scale("500.000đ"), _amount_and_scale("5")
    ((5, 'triệu'), (7, None), (1, None))
    """
    end = len(text)
    currency = _CURRENCY_AT_END.search(text, 0, end)
    if currency:
        end = len(text[: currency.start()].rstrip())
    scale = _SCALE_AT_END.search(text, 0, end)
    if scale:
        end = len(text[: scale.start()].rstrip())
    return end, scale[0] if scale else None


def parse_date(text: str) -> datetime.date:
    """Read a date: ``20/01/2021``, ``20/1/2021`` or ``2021-01-20``.

    Args:
        text: What was typed: day/month/year with a four-digit year, or the ISO
            form year-month-day.

    Returns:
        The date.

    Raises:
        ParseError: If the text is not written as a date, or names a day that does
            not exist (``30/02/2021``).

    Examples:
        >>> parse_date("20/01/2021")
        datetime.date(2021, 1, 20)
        >>> parse_date("2021-01-20")
        datetime.date(2021, 1, 20)
        >>> try:
        ...     parse_date("29/02/2021")
        ... except ParseError as error:
        ...     print(error)
        "29/02/2021" không phải ngày có thật — tháng 2 năm 2021 chỉ có 28 ngày
    """
    cleaned = clean(text)
    match = _VN_DATE.fullmatch(cleaned) or _ISO_DATE.fullmatch(cleaned)
    if not match:
        how = _("hãy viết ngày/tháng/năm, năm đủ bốn chữ số, ví dụ 20/01/2021")
        if cleaned:
            message = _('"{text}" không đúng cách viết ngày — {how}').format(text=cleaned, how=how)
        else:
            message = _("chưa nhập ngày — {how}").format(how=how)
        raise ParseError(cleaned, message)
    year, month, day = (int(match[name]) for name in ("year", "month", "day"))
    if year < datetime.MINYEAR:
        reason = _("không có năm 0")
    elif not 1 <= month <= 12:
        reason = _("tháng chỉ từ 1 đến 12")
    elif day == 0:
        reason = _("không có ngày 0")
    elif day > calendar.monthrange(year, month)[1]:
        days = calendar.monthrange(year, month)[1]
        reason = _("tháng {month} năm {year} chỉ có {days} ngày").format(month=month, year=year, days=days)
    else:
        return datetime.date(year, month, day)
    raise ParseError(
        cleaned, _('"{text}" không phải ngày có thật — {reason}').format(text=cleaned, reason=reason)
    )


_TIME = re.compile(
    r"(?P<hour>\d{1,2})\s*(?::|h|g|giờ)\s*(?:(?P<minute>\d{1,2})\s*(?:phút|p)?)?", re.IGNORECASE
)


def parse_time(text: str) -> datetime.time:
    """Read a time of day as Vietnamese write it: ``15:30``, ``15h30``, ``15h``, ``8 giờ 5``.

    Raises:
        ParseError: If the text is not written as a time, or names one that does not exist.

    Examples:
        >>> parse_time("15:30"), parse_time("8h05"), parse_time("15 giờ")
        (datetime.time(15, 30), datetime.time(8, 5), datetime.time(15, 0))
        >>> try:
        ...     parse_time("25:00")
        ... except ParseError as error:
        ...     print(error)
        "25:00" không phải giờ có thật — giờ chỉ từ 0 đến 23, phút từ 0 đến 59
    """
    cleaned = clean(text)
    match = _TIME.fullmatch(cleaned)
    if not match:
        how = _("hãy viết giờ:phút, ví dụ 15:30")
        if cleaned:
            message = _('"{text}" không đúng cách viết giờ — {how}').format(text=cleaned, how=how)
        else:
            message = _("chưa nhập giờ — {how}").format(how=how)
        raise ParseError(cleaned, message)
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if hour > 23 or minute > 59:
        raise ParseError(
            cleaned,
            _('"{text}" không phải giờ có thật — giờ chỉ từ 0 đến 23, phút từ 0 đến 59').format(text=cleaned),
        )
    return datetime.time(hour, minute)
