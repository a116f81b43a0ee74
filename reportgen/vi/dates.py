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


BLANK = "\u00a0" * 6
"""Room left for a figure to be written in by hand: no-break spaces, which a page never collapses."""


def place_date(value: DateLike | None, place: str) -> str:
    """Write the place-and-date line of an administrative document.

    Args:
        value: The date (see `to_date`); None for a document not dated yet, whose day, month
            and year are left blank to be filled in by hand when it is signed.
        place: The place name, as it should print: ``Bắc Kạn``.

    Returns:
        The place, a comma, and the date as `date_admin` writes it.

    Raises:
        TypeError: If ``value`` is not a date or a string.
        ValueError: If ``value`` is a string that is not an ISO date.

    Examples:
        >>> place_date("2021-01-20", "Bắc Kạn")
        'Bắc Kạn, ngày 20 tháng 01 năm 2021'
        >>> place_date(None, "Bắc Kạn").replace(BLANK, "…")
        'Bắc Kạn, ngày … tháng … năm …'
    """
    if value is None:
        return f"{place}, ngày {BLANK} tháng {BLANK} năm {BLANK}"
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


# How a press lead writes its date: "dd/mm/yyyy" (20/01/2021), "d-m" (5-12), "dd.mm" (22.12), after
# "ngày" (Sáng ngày 12/12) or as "nay (d/m)" (Sáng nay (5/12)). The separator is the same throughout.
LEAD_FORM = re.compile(
    r"(?P<nay>nay \()?(?P<ngay>ngày )?(?P<day>dd?)(?P<sep>[/.-])(?P<month>mm?)"
    r"(?:(?P=sep)(?P<year>yyyy))?(?(nay)\))"
)
"""The forms of the date in a lead, written with ``d``/``dd``, ``m``/``mm`` and ``yyyy``."""
LEAD_FORMS = ("dd/mm/yyyy", "dd/mm", "d/m", "d-m", "dd.mm", "ngày dd/mm", "nay (d/m)")
"""A few of those forms, as the press writes them, for messages and documentation."""


def lead_date(value: DateLike, form: str = "dd/mm/yyyy", time_of_day: str = "") -> str:
    """Write when an article's event happened, as its first words: ``Sáng 23-12``, ``Ngày 29-12``.

    Args:
        value: The date (see `to_date`).
        form: How the date is written (:data:`LEAD_FORM`): ``dd`` and ``mm`` on two digits,
            ``d`` and ``m`` as they are, ``yyyy`` the year; ``/``, ``-`` or ``.`` between them;
            ``ngày`` before, or ``nay (…)`` around, them.
        time_of_day: ``sáng``, ``chiều`` or ``tối``; empty for the day alone.

    Returns:
        The time of day (or ``Ngày``), capitalised, and the date: a day with ``nay`` is
        ``Hôm nay`` when no time of day is given, and ``Ngày ngày`` is never written.

    Raises:
        ValueError: If ``form`` is not a form of :data:`LEAD_FORM`.

    Examples:
        >>> lead_date("2021-01-20", "dd/mm/yyyy", "sáng"), lead_date("2021-12-23", "d-m", "sáng")
        ('Sáng 20/01/2021', 'Sáng 23-12')
        >>> lead_date("2019-12-22", "dd.mm", "sáng"), lead_date("2021-12-29", "d-m")
        ('Sáng 22.12', 'Ngày 29-12')
        >>> lead_date("2023-12-05", "nay (d/m)", "sáng"), lead_date("2023-12-05", "nay (d/m)")
        ('Sáng nay (5/12)', 'Hôm nay (5/12)')
        >>> lead_date("2023-12-12", "ngày dd/mm", "sáng"), lead_date("2023-12-12", "ngày dd/mm")
        ('Sáng ngày 12/12', 'Ngày 12/12')
    """
    shape = LEAD_FORM.fullmatch(form.strip())
    if shape is None:
        raise ValueError(f"not a form of a lead's date: {form!r}")
    day = to_date(value)
    sep = shape["sep"]
    written = (f"{day.day:02d}" if shape["day"] == "dd" else str(day.day)) + sep
    written += f"{day.month:02d}" if shape["month"] == "mm" else str(day.month)
    if shape["year"]:
        written += f"{sep}{day.year:04d}"
    when = time_of_day.strip().capitalize()
    if shape["nay"]:
        return f"{when or 'Hôm'} nay ({written})"
    if shape["ngay"] and when:
        return f"{when} ngày {written}"
    return f"{when or 'Ngày'} {written}"


DATELINE_FORMS = ("ngay", "gio_ngay", "thu_ngay", "thu_ngay_gio")
"""How an article's dateline may read: the date, the time and date, the weekday and date, all three."""


def dateline(value: datetime.date | datetime.datetime, form: str = "ngay") -> str:
    """Write an article's dateline as a portal prints it.

    Args:
        value: The date of publication, or its date and time (in Vietnam time).
        form: One of :data:`DATELINE_FORMS`: ``ngay`` (``23/12/2021``), ``gio_ngay``
            (``10:12, 23/12/2021``), ``thu_ngay`` (``Thứ Năm, 23/12/2021``) or
            ``thu_ngay_gio`` (``Thứ Tư, 18/12/2019 03:41 GMT+7``).

    Returns:
        The dateline; a form with the time, given a date alone, leaves the time out.

    Raises:
        ValueError: If ``form`` is not one of :data:`DATELINE_FORMS`.

    Examples:
        >>> moment = datetime.datetime(2021, 12, 23, 10, 12)
        >>> dateline(moment), dateline(moment, "gio_ngay"), dateline(moment, "thu_ngay")
        ('23/12/2021', '10:12, 23/12/2021', 'Thứ Năm, 23/12/2021')
        >>> dateline(datetime.datetime(2019, 12, 18, 3, 41), "thu_ngay_gio")
        'Thứ Tư, 18/12/2019 03:41 GMT+7'
    """
    if form not in DATELINE_FORMS:
        raise ValueError(f"not a form of a dateline: {form!r}")
    day = to_date(value)
    time = f"{value:%H:%M}" if isinstance(value, datetime.datetime) else ""
    weekday = _WEEKDAYS[day.weekday()]
    if form == "gio_ngay":
        return f"{time}, {date_short(day)}" if time else date_short(day)
    if form == "thu_ngay":
        return f"{weekday}, {date_short(day)}"
    if form == "thu_ngay_gio":
        return f"{weekday}, {date_short(day)}" + (f" {time} GMT+7" if time else "")
    return date_short(day)
