"""Dates: the short form, the Decree 30 form, place and weekday lines."""

from __future__ import annotations

import datetime

import pytest

from reportgen.vi.dates import date_admin, date_short, place_date, to_date, weekday_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-01-20", "20/01/2021"),  # §1
        ("2021-03-05", "05/03/2021"),  # §1
        (datetime.date(2021, 12, 31), "31/12/2021"),
        (datetime.date(2021, 1, 1), "01/01/2021"),
        (datetime.datetime(2021, 1, 20, 8, 30), "20/01/2021"),
        ("2020-02-29", "29/02/2020"),
    ],
)
def test_date_short(value: datetime.date | str, expected: str) -> None:
    assert date_short(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-01-05", "ngày 05 tháng 01 năm 2021"),  # §1
        ("2021-03-20", "ngày 20 tháng 3 năm 2021"),  # §1
        # days: a zero before 1–9 only
        ("2021-03-01", "ngày 01 tháng 3 năm 2021"),
        ("2021-03-09", "ngày 09 tháng 3 năm 2021"),
        ("2021-03-10", "ngày 10 tháng 3 năm 2021"),
        ("2021-03-31", "ngày 31 tháng 3 năm 2021"),
        # months: a zero before 1 and 2 only
        ("2021-01-20", "ngày 20 tháng 01 năm 2021"),
        ("2021-02-20", "ngày 20 tháng 02 năm 2021"),
        ("2021-04-20", "ngày 20 tháng 4 năm 2021"),
        ("2021-09-20", "ngày 20 tháng 9 năm 2021"),
        ("2021-10-20", "ngày 20 tháng 10 năm 2021"),
        ("2021-11-20", "ngày 20 tháng 11 năm 2021"),
        ("2021-12-20", "ngày 20 tháng 12 năm 2021"),
        ("2021-12-05", "ngày 05 tháng 12 năm 2021"),
        ("2020-02-29", "ngày 29 tháng 02 năm 2020"),  # leap day
        (datetime.date(2021, 2, 1), "ngày 01 tháng 02 năm 2021"),
    ],
)
def test_date_admin(value: datetime.date | str, expected: str) -> None:
    assert date_admin(value) == expected


@pytest.mark.parametrize(
    ("value", "place", "expected"),
    [
        ("2021-01-20", "Bắc Kạn", "Bắc Kạn, ngày 20 tháng 01 năm 2021"),  # §1
        ("2021-03-05", "Hà Nội", "Hà Nội, ngày 05 tháng 3 năm 2021"),
        (
            datetime.date(2021, 12, 1),
            "TP. Hồ Chí Minh",
            "TP. Hồ Chí Minh, ngày 01 tháng 12 năm 2021",
        ),
    ],
)
def test_place_date(value: datetime.date | str, place: str, expected: str) -> None:
    assert place_date(value, place) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-01-18", "Thứ Hai, ngày 18 tháng 01 năm 2021"),
        ("2021-01-19", "Thứ Ba, ngày 19 tháng 01 năm 2021"),
        ("2021-01-20", "Thứ Tư, ngày 20 tháng 01 năm 2021"),  # §1
        ("2021-01-21", "Thứ Năm, ngày 21 tháng 01 năm 2021"),
        ("2021-01-22", "Thứ Sáu, ngày 22 tháng 01 năm 2021"),
        ("2021-01-23", "Thứ Bảy, ngày 23 tháng 01 năm 2021"),
        ("2021-01-24", "Chủ nhật, ngày 24 tháng 01 năm 2021"),  # §1: Sunday
        ("2020-02-29", "Thứ Bảy, ngày 29 tháng 02 năm 2020"),
        ("2021-03-07", "Chủ nhật, ngày 07 tháng 3 năm 2021"),
    ],
)
def test_weekday_date(value: str, expected: str) -> None:
    assert weekday_date(value) == expected


@pytest.mark.parametrize(
    "value", ["20/01/2021", "2021-02-29", "2021-13-01", "20210120", "2021-W03-3", "2021-1-5", ""]
)
def test_to_date_refuses_bad_strings(value: str) -> None:
    with pytest.raises(ValueError):
        to_date(value)


@pytest.mark.parametrize("value", [20210120, None, 2021.0])
def test_to_date_refuses_other_types(value: object) -> None:
    with pytest.raises(TypeError):
        to_date(value)  # type: ignore[arg-type]
