"""Periods a report covers, and how Vietnamese documents name them.

Most reports review one calendar year (*tổng kết công tác năm 2023*); others review the first
half of one (*sơ kết 6 tháng đầu năm 2024*, with a plan for the second half), a year together
with the first half of a term (*giữa nhiệm kỳ 2021–2026*), a whole term before a congress
(*nhiệm kỳ 2016–2021*) or several years (*giai đoạn 2020–2024*), perhaps with an
anniversary. A :class:`Ky` knows its years and gives every phrase the templates need: its
name, the next period's, the headings and table columns, and what a figure is compared with.
Years are joined by an en dash, as printed documents join them: ``2016–2021``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

YEAR, HALF_YEAR, YEAR_AND_MID_TERM, TERM, YEARS = (
    "nam",
    "sau_thang",
    "nam_giua_nhiem_ky",
    "nhiem_ky",
    "nhieu_nam",
)
"""The kinds of period, by the names the input gives them."""
KINDS = (YEAR, HALF_YEAR, YEAR_AND_MID_TERM, TERM, YEARS)


def _span(first: int, last: int) -> str:
    """Two years joined as documents join them.

    >>> _span(2016, 2021)
    '2016–2021'
    """
    return f"{first}–{last}"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Ky:
    """The period a report covers.

    >>> Ky(YEAR, 2023).ten, Ky(HALF_YEAR, 2024).ten, Ky(TERM, 2020, 2016, 2021).ten
    ('năm 2023', '6 tháng đầu năm 2024', 'nhiệm kỳ 2016–2021')
    """

    loai: str
    """One of :data:`KINDS`."""
    nam: int
    """The year of the figures: the reporting year, the last year of several, the last full
    year of a term."""
    tu_nam: int | None = None
    """The first year of a term, or of several years."""
    den_nam: int | None = None
    """The last year of a term (its congress); ``nam`` when not given."""
    so_voi_nam: int | None = None
    """The year figures are compared with, when not the usual one (:attr:`nam_so_sanh`)."""
    nam_thanh_lap: int | None = None
    """The year the association was founded, for an anniversary."""

    @property
    def _first(self) -> int:
        return self.tu_nam if self.tu_nam is not None else self.nam

    @property
    def _last(self) -> int:
        return self.den_nam if self.den_nam is not None else self.nam

    @property
    def ten(self) -> str:
        """The period as a sentence names it.

        >>> Ky(YEAR_AND_MID_TERM, 2023, 2021, 2026).ten, Ky(YEARS, 2024, 2020).ten
        ('năm 2023 và giữa nhiệm kỳ 2021–2026', 'giai đoạn 2020–2024')
        """
        if self.loai == HALF_YEAR:
            return f"6 tháng đầu năm {self.nam}"
        if self.loai == YEAR_AND_MID_TERM:
            return f"năm {self.nam} và giữa nhiệm kỳ {_span(self._first, self._last)}"
        if self.loai == TERM:
            return f"nhiệm kỳ {_span(self._first, self._last)}"
        if self.loai == YEARS:
            return f"giai đoạn {_span(self._first, self.nam)}"
        return f"năm {self.nam}"

    @property
    def ten_sau(self) -> str:
        """The period the directions and next targets are for.

        >>> [Ky(kind, 2023, 2021, 2026).ten_sau for kind in (YEAR, HALF_YEAR, YEAR_AND_MID_TERM)]
        ['năm 2024', '6 tháng cuối năm 2023', 'năm 2024']
        >>> Ky(TERM, 2020, 2016, 2021).ten_sau, Ky(YEARS, 2024, 2020).ten_sau
        ('nhiệm kỳ 2021–2026', 'giai đoạn 2025–2029')
        """
        if self.loai == HALF_YEAR:
            return f"6 tháng cuối năm {self.nam}"
        if self.loai == TERM:
            return f"nhiệm kỳ {_span(self._last, 2 * self._last - self._first)}"
        if self.loai == YEARS:
            return f"giai đoạn {_span(self.nam + 1, 2 * self.nam - self._first + 1)}"
        return f"năm {self.nam + 1}"

    @property
    def ky_niem(self) -> int | None:
        """The anniversary the report marks: the years since the founding, if it is given.

        >>> Ky(YEARS, 2024, 2020, nam_thanh_lap=2004).ky_niem
        20
        """
        return None if self.nam_thanh_lap is None else self.nam - self.nam_thanh_lap

    @property
    def tong_ket(self) -> str:
        """What the association did with the period: the headline's and a lead's verb phrase.

        >>> Ky(YEAR, 2020).tong_ket, Ky(HALF_YEAR, 2024).tong_ket
        ('tổng kết công tác năm 2020', 'sơ kết công tác 6 tháng đầu năm 2024')
        >>> Ky(YEAR_AND_MID_TERM, 2023, 2021, 2026).tong_ket
        'tổng kết công tác năm 2023, sơ kết giữa nhiệm kỳ 2021–2026'
        >>> Ky(YEARS, 2024, 2020, nam_thanh_lap=2004).tong_ket
        'tổng kết công tác giai đoạn 2020–2024 và kỷ niệm 20 năm ngày thành lập'
        """
        return self._review() + (f" và {self._anniversary()}" if self.ky_niem else "")

    def _review(self) -> str:
        if self.loai == HALF_YEAR:
            return f"sơ kết công tác {self.ten}"
        if self.loai == YEAR_AND_MID_TERM:
            return f"tổng kết công tác năm {self.nam}, sơ kết giữa nhiệm kỳ {_span(self._first, self._last)}"
        if self.loai == TERM:
            return f"tổng kết {self.ten}"
        return f"tổng kết công tác {self.ten}"

    def _anniversary(self) -> str:
        return f"kỷ niệm {self.ky_niem} năm ngày thành lập"

    @property
    def the(self) -> str:
        """The review in a few words, as a card that shares the article names it.

        >>> [Ky(kind, 2023, 2019, 2024).the for kind in (YEAR_AND_MID_TERM, HALF_YEAR, TERM)]
        ['Tổng kết năm 2023', 'Sơ kết 6 tháng đầu năm 2023', 'Tổng kết nhiệm kỳ 2019–2024']
        """
        if self.loai == HALF_YEAR:
            return f"Sơ kết {self.ten}"
        return f"Tổng kết {self.ten}" if self.loai in (TERM, YEARS) else f"Tổng kết năm {self.nam}"

    @property
    def trich_yeu(self) -> str:
        """The report's subject when the input gives none.

        >>> Ky(YEAR, 2020).trich_yeu
        'Tổng kết công tác năm 2020 và phương hướng, nhiệm vụ năm 2021'
        >>> Ky(TERM, 2020, 2016, 2021).trich_yeu
        'Tổng kết nhiệm kỳ 2016–2021 và phương hướng, nhiệm vụ nhiệm kỳ 2021–2026'
        >>> Ky(YEARS, 2024, 2020, nam_thanh_lap=2004).trich_yeu
        'Tổng kết công tác giai đoạn 2020–2024, kỷ niệm 20 năm ngày thành lập và phương hướng, nhiệm vụ giai đoạn 2025–2029'
        """  # noqa: E501
        anniversary = f", {self._anniversary()}" if self.ky_niem else ""
        return f"{_upper_first(self._review())}{anniversary} và phương hướng, nhiệm vụ {self.ten_sau}"

    @property
    def trong(self) -> str:
        """How a sentence says "during the period", at its start.

        >>> Ky(YEAR, 2023).trong, Ky(TERM, 2020, 2016, 2021).trong
        ('Trong năm', 'Trong nhiệm kỳ')
        """
        return {HALF_YEAR: "Trong 6 tháng đầu năm", TERM: "Trong nhiệm kỳ", YEARS: "Trong giai đoạn"}.get(
            self.loai, "Trong năm"
        )

    # --- comparisons ----------------------------------------------------------------------------

    @property
    def nam_so_sanh(self) -> int:
        """The year the figures are compared with, unless an indicator says its own.

        The one the input gives, else the year before, or the first year of a term or of years.

        >>> Ky(YEAR, 2021).nam_so_sanh, Ky(YEAR, 2021, so_voi_nam=2019).nam_so_sanh
        (2020, 2019)
        >>> Ky(TERM, 2020, 2016, 2021).nam_so_sanh
        2016
        """
        if self.so_voi_nam is not None:
            return self.so_voi_nam
        return self._first if self.loai in (TERM, YEARS) else self.nam - 1

    def so_voi(self, year: int | None = None) -> str:
        """What a figure is compared with, after "so với": the period of ``year`` (the usual one if None).

        >>> Ky(YEAR, 2021, so_voi_nam=2019).so_voi(), Ky(HALF_YEAR, 2024).so_voi()
        ('năm 2019', 'cùng kỳ năm 2023')
        >>> Ky(TERM, 2020, 2016, 2021).so_voi(), Ky(TERM, 2020, 2016, 2021).so_voi(2018)
        ('đầu nhiệm kỳ', 'năm 2018')
        """
        year = self.nam_so_sanh if year is None else year
        if self.loai == HALF_YEAR:
            return f"cùng kỳ năm {year}"
        if self.loai == TERM and year == self._first:
            return "đầu nhiệm kỳ"
        return f"năm {year}"

    def luc(self, year: int) -> str:
        """The period a figure belongs to, as a bracket after it names it: ``5% (năm 2016)``.

        >>> Ky(TERM, 2020, 2016, 2021).luc(2016), Ky(HALF_YEAR, 2024).luc(2023)
        ('năm 2016', '6 tháng đầu năm 2023')
        """
        return f"6 tháng đầu năm {year}" if self.loai == HALF_YEAR else f"năm {year}"

    def cot(self, year: int) -> str:
        """The heading of a table's column of figures of ``year``.

        >>> Ky(YEAR, 2023).cot(2022), Ky(HALF_YEAR, 2024).cot(2024)
        ('Năm 2022', '6 tháng đầu năm 2024')
        """
        return _upper_first(self.luc(year))

    def cot_ngan(self, year: int) -> str:
        """The label under a chart's bar of ``year``: as the column, shortened to fit under a bar.

        >>> Ky(YEAR, 2023).cot_ngan(2022), Ky(HALF_YEAR, 2024).cot_ngan(2024)
        ('Năm 2022', '6 tháng 2024')
        """
        return f"6 tháng {year}" if self.loai == HALF_YEAR else self.cot(year)

    def so_voi_cot(self, year: int | None = None) -> str:
        """What the heading of a table's column of changes compares with, after "So với".

        >>> Ky(YEAR, 2023).so_voi_cot(), Ky(HALF_YEAR, 2024).so_voi_cot(), Ky(TERM, 2020, 2016).so_voi_cot()
        ('năm 2022', 'cùng kỳ', 'đầu nhiệm kỳ')
        """
        return "cùng kỳ" if self.loai == HALF_YEAR else self.so_voi(year)

    @property
    def ke_hoach(self) -> str:
        """What a target is called: the year's plan, or a term's targets.

        >>> Ky(YEAR, 2023).ke_hoach, Ky(HALF_YEAR, 2024).ke_hoach, Ky(TERM, 2020, 2016).ke_hoach
        ('kế hoạch', 'kế hoạch năm', 'chỉ tiêu nhiệm kỳ')
        """
        return {HALF_YEAR: "kế hoạch năm", TERM: "chỉ tiêu nhiệm kỳ"}.get(self.loai, "kế hoạch")

    @property
    def ke_hoach_ngan(self) -> str:
        """A target as the label under a chart's bar calls it, short enough to fit there.

        >>> [Ky(kind, 2023, 2019).ke_hoach_ngan for kind in (YEAR, HALF_YEAR, TERM)]
        ['Kế hoạch', 'Kế hoạch', 'Chỉ tiêu']
        """
        return "Chỉ tiêu" if self.loai == TERM else "Kế hoạch"

    # --- plausibility -----------------------------------------------------------------------------

    def years_between(self, year: int | None = None) -> int:
        """How many years lie between a figure and the one it is compared with (at least one).

        >>> Ky(YEAR, 2023).years_between(), Ky(TERM, 2020, 2016).years_between()
        (1, 4)
        """
        return max(1, self.nam - (self.nam_so_sanh if year is None else year))

    def season(self) -> tuple[datetime.date, datetime.date]:
        """When the period's conference, report and article are expected: from the first to the last day.

        A year's from 1 November to 31 March of the next (the weeks after Tết included); a
        half-year's from 1 June to 31 August; a term's over the year of its figures and the
        year of its congress.

        >>> [str(day) for day in Ky(HALF_YEAR, 2024).season()]
        ['2024-06-01', '2024-08-31']
        >>> [str(day) for day in Ky(TERM, 2020, 2016, 2021).season()]
        ['2020-01-01', '2021-12-31']
        """
        if self.loai == HALF_YEAR:
            return datetime.date(self.nam, 6, 1), datetime.date(self.nam, 8, 31)
        if self.loai == TERM:
            return datetime.date(self.nam, 1, 1), datetime.date(max(self.nam, self._last), 12, 31)
        return datetime.date(self.nam, 11, 1), datetime.date(self.nam + 1, 3, 31)
