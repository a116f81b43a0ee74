"""Vietnamese dates: ``20/01/2021`` in running text, ``ngày 05 tháng 01 năm 2021`` in documents.

The formatting stage for dates. The administrative form
follows Decree 30/2020/NĐ-CP, Appendix I: a zero is written before days below 10 and
before months 1 and 2 only, the ones a digit written in front would turn into another
valid month (1 → 11, 2 → 12); never before months 3 to 12.
"""

from __future__ import annotations

import datetime
import re

DateLike = datetime.date | str
"""What the date filters accept: a `datetime.date` or an ISO ``YYYY-MM-DD`` string."""

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

# date.weekday() counts from Monday = 0. Sunday is "Chủ nhật", lower-case n.
_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def to_date(value: DateLike) -> datetime.date:
    """Convert a filter's input to a `datetime.date`.

    Args:
        value: A `datetime.date` (a `datetime.datetime` gives its date) or an ISO
            ``YYYY-MM-DD`` string. Vietnamese ``20/01/2021`` input is read by
            `reportgen.vi.parsing.parse_date`, not here.

    Returns:
        The date.

    Raises:
        TypeError: For any other type.
        ValueError: For a string that is not an existing ISO date.

    Examples:
        >>> to_date("2021-01-20")
        datetime.date(2021, 1, 20)
        >>> to_date("20/01/2021")
        Traceback (most recent call last):
        ...
        ValueError: not an ISO date (YYYY-MM-DD): '20/01/2021'
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"expected a date, got {type(value).__name__}: {value!r}")
    # date.fromisoformat would also take "20210120" and "2021-W03-3"; templates
    # should see one form only.
    match = _ISO_DATE.fullmatch(value.strip())
    if not match:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}")
    year, month, day = (int(part) for part in match.groups())
    return datetime.date(year, month, day)


def date_short(value: DateLike) -> str:
    """Write a date as in running text and press articles: ``20/01/2021``.

    Args:
        value: The date (see `to_date`).

    Returns:
        Day and month on two digits, the year on four.

    Raises:
        TypeError: If ``value`` is not a date or a string.
        ValueError: If ``value`` is a string that is not an ISO date.

    Examples:
        >>> date_short("2021-01-20")
        '20/01/2021'
        >>> date_short("2021-03-05")
        '05/03/2021'
    """
    day = to_date(value)
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def date_admin(value: DateLike) -> str:
    """Write a date the Decree 30 way: ``ngày 05 tháng 01 năm 2021``.

    A zero goes before days below 10 and before months 1 and 2 only.

    Args:
        value: The date (see `to_date`).

    Returns:
        The date in words-and-figures form, starting with lower-case ``ngày``.

    Raises:
        TypeError: If ``value`` is not a date or a string.
        ValueError: If ``value`` is a string that is not an ISO date.

    Examples:
        >>> date_admin("2021-01-05")
        'ngày 05 tháng 01 năm 2021'
        >>> date_admin("2021-03-20")
        'ngày 20 tháng 3 năm 2021'
    """
    day = to_date(value)
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year:04d}"


def place_date(value: DateLike, place: str) -> str:
    """Write the place-and-date line of an administrative document.

    Args:
        value: The date (see `to_date`).
        place: The place name, as it should print: ``Bắc Kạn``.

    Returns:
        The place, a comma, and the date as `date_admin` writes it.

    Raises:
        TypeError: If ``value`` is not a date or a string.
        ValueError: If ``value`` is a string that is not an ISO date.

    Examples:
        >>> place_date("2021-01-20", "Bắc Kạn")
        'Bắc Kạn, ngày 20 tháng 01 năm 2021'
    """
    return f"{place}, {date_admin(value)}"


def weekday_date(value: DateLike) -> str:
    """Write a date with its day of the week: ``Thứ Tư, ngày 20 tháng 01 năm 2021``.

    Args:
        value: The date (see `to_date`).

    Returns:
        ``Thứ Hai`` … ``Thứ Bảy`` or ``Chủ nhật``, a comma, and the date as
        `date_admin` writes it.

    Raises:
        TypeError: If ``value`` is not a date or a string.
        ValueError: If ``value`` is a string that is not an ISO date.

    Examples:
        >>> weekday_date("2021-01-20")
        'Thứ Tư, ngày 20 tháng 01 năm 2021'
        >>> weekday_date("2021-01-24")
        'Chủ nhật, ngày 24 tháng 01 năm 2021'
    """
    day = to_date(value)
    return f"{_WEEKDAYS[day.weekday()]}, {date_admin(day)}"
