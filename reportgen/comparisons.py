"""Stage 4, comparisons: each indicator against last year, its target, its total and its parts.

Computed once per indicator from the figures as they print, so that a reader's arithmetic on
the printed numbers agrees with what reportgen says: a difference is exact, in the unit and
with the decimals of its two figures (:func:`~reportgen.vi.figures.computed`); a percentage
is rounded half up to the precision the document asks for. Every result is a
:class:`~reportgen.vi.figures.Figure`, ready to print; the templates' macros
(``templates/_compare.html``) decide how a comparison reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from reportgen.schema import ChiTieu, Loai, MucDat
from reportgen.vi.figures import COUNT, Figure, computed, displayed, percentage, ratio, shares
from reportgen.vi.numbers import round_half_up
from reportgen.vi.periods import Ky

HUNDRED = Decimal(100)


class Huong(StrEnum):
    """Which way a figure moved."""

    TANG = "tang"
    GIAM = "giam"
    NGANG = "ngang"


@dataclass(frozen=True)
class SoVoiNamTruoc:
    """This year against last year."""

    huong: Huong
    """Which way the figure moved: `tang`, `giam` or `ngang` (too little to tell)."""
    chenh_lech: Figure
    """The difference, never negative, exact; for a percentage, in points (a plain number)."""
    phan_tram: Figure | None
    """The change in percent of last year, with its sign; None for a percentage (its change is
    in points) and when last year was 0."""
    diem_phan_tram: bool
    """True when the indicator is a percentage, so the difference is in percentage points."""
    bang: Figure | None = None
    """This year in percent of last year ("bằng 98,2% so với cùng kỳ"); None when last year was 0."""
    nam: int | None = None
    """The year of the earlier figure ("so với năm 2019"); None when the period is not known."""
    ky: Ky | None = None
    """The period the report covers, which names the earlier figure's ("so với cùng kỳ năm 2023")."""

    @property
    def nam_truoc_lien_ke(self) -> bool:
        """Whether the earlier figure is simply last year's, in a report of one year."""
        return self.ky is None or (self.ky.loai == "nam" and self.nam == self.ky.nam - 1)


@dataclass(frozen=True)
class SoVoiKeHoach:
    """This year against its target."""

    ty_le: Figure | None
    """Attainment in percent of the target: 104,1%; None when it was typed in words ("vượt")."""
    vuot: Figure
    """How far past the target, in percent of it (0 when not reached, or not known)."""
    dat: bool
    """True when the target is met."""
    go_san: bool = False
    """True when the attainment was typed (``dat_ke_hoach``), not worked out from a target."""
    loi: str = ""
    """The attainment typed in words: ``vượt``, ``đạt``, ``chưa đạt``; empty for a percentage."""
    ke_hoach: str = "kế hoạch"
    """What the period calls a target: ``kế hoạch``, ``kế hoạch năm``, ``chỉ tiêu nhiệm kỳ``."""


@dataclass(frozen=True)
class SoSanh:
    """Every comparison an indicator has the data for."""

    nam_truoc: SoVoiNamTruoc | None
    """Against last year, when the indicator gives `nam_truoc`."""
    ke_hoach: SoVoiKeHoach | None
    """Against the target, when the indicator gives a `ke_hoach` above 0."""
    chiem: Figure | None
    """Share of the total, in percent: the one typed in ``ty_le``, else 29,4% for 3.215 of 10.950."""
    trong_do: dict[str, Figure] = field(default_factory=dict)
    """Each part's share of the indicator, in percent; they add up to 100% when the parts make it up."""


def against_previous(
    value: Figure,
    previous: Figure,
    kind: Loai,
    places: int = 1,
    year: int | None = None,
    period: Ky | None = None,
) -> SoVoiNamTruoc:
    """Compare ``value`` with last year's ``previous``; percentages to ``places`` decimals.

    ``year`` is the year of ``previous`` in the ``period`` the report covers, when known.

    A change that rounds to nothing at that precision reads as unchanged: "tăng 0%" tells a
    reader nothing.

    >>> from reportgen.vi.typed import read
    >>> result = against_previous(read("12.486", "so_luong"), read("12.105", "so_luong"), Loai.SO_LUONG)
    >>> str(result.chenh_lech), str(result.phan_tram), result.huong
    ('381', '3,1%', <Huong.TANG: 'tang'>)
    >>> str(against_previous(read("68,5", "ty_le"), read("64,2", "ty_le"), Loai.TY_LE).chenh_lech)
    '4,3'
    >>> against_previous(read("100.003", "so_luong"), read("100.000", "so_luong"), Loai.SO_LUONG).huong
    <Huong.NGANG: 'ngang'>
    """
    difference = value.value - previous.value
    points = kind is Loai.TY_LE
    change = None if points or previous.value == 0 else difference / abs(previous.value) * HUNDRED
    size = abs(difference) if change is None else abs(change)
    if difference == 0 or (round_half_up(size, places) == 0 and (points or change is not None)):
        direction = Huong.NGANG
    else:
        direction = Huong.TANG if difference > 0 else Huong.GIAM
    approx = value.approx or previous.approx
    return SoVoiNamTruoc(
        direction,
        abs(computed(difference, [value, previous], COUNT if points else None)),
        None if change is None else percentage(change, places, "khoảng" if approx else ""),
        points,
        None if points else ratio(value, previous, places),
        year,
        period,
    )


def typed_attainment(said: Figure | MucDat) -> SoVoiKeHoach:
    """The attainment typed in ``dat_ke_hoach``, as it was typed: a percentage, or words.

    >>> from reportgen.vi.typed import read
    >>> typed = typed_attainment(read("421%", "ty_le"))
    >>> str(typed.ty_le), str(typed.vuot), typed.dat
    ('421%', '321%', True)
    >>> typed_attainment(MucDat.VUOT).dat
    True
    """
    if isinstance(said, MucDat):
        return SoVoiKeHoach(
            None, percentage(Decimal(0)), said is not MucDat.CHUA_DAT, go_san=True, loi=said.value
        )
    beyond = said.value - HUNDRED
    return SoVoiKeHoach(
        said,
        percentage(max(beyond, Decimal(0)), len(said.parts[0].fraction), said.approx),
        beyond >= 0,
        go_san=True,
    )


def against_target(value: Figure, target: Figure, places: int = 1) -> SoVoiKeHoach | None:
    """Compare ``value`` with its ``target``; None for a target of 0, which cannot be attained.

    >>> from reportgen.vi.typed import read
    >>> reached = against_target(read("381", "so_luong"), read("300", "so_luong"))
    >>> str(reached.ty_le), str(reached.vuot), reached.dat
    ('127%', '27%', True)
    >>> against_target(read("12", "so_luong"), read("15", "so_luong")).dat
    False
    """
    if target.value <= 0:
        return None
    attained = value.value / target.value * HUNDRED
    approx = "khoảng" if value.approx or target.approx else ""
    return SoVoiKeHoach(
        percentage(attained, places, approx),
        percentage(max(attained - HUNDRED, Decimal(0)), places, approx),
        value.value >= target.value,
    )


def compare(indicator: ChiTieu, share: Figure | None = None, period: Ky | None = None) -> SoSanh:
    """Compute every comparison ``indicator`` has the data for, as its ``hien_thi`` asks.

    Percentages have ``so_le_ty_le`` decimals (1 when not set); with ``so_0_truoc`` a
    difference under ten has a leading zero. ``share`` is its share of its total when it was
    worked out with its neighbours' (see :func:`shares_of_totals`); a share typed in ``ty_le``
    goes before either. ``period`` is the period the report covers: it says which year the
    earlier figure is of (the indicator's own ``so_voi_nam`` first) and what a target is called.
    An attainment typed in ``dat_ke_hoach`` is used as it was typed.
    """
    places = 1 if indicator.hien_thi.so_le_ty_le is None else indicator.hien_thi.so_le_ty_le
    value = indicator.gia_tri
    previous, target, total = indicator.nam_truoc, indicator.ke_hoach, indicator.tong
    if indicator.ty_le is not None:
        share = indicator.ty_le
    elif share is None and total is not None:
        share = ratio(value, total, places)
    parts = list(indicator.trong_do.values())
    part_shares = shares([part.value for part in parts], value.value, places) if value.value else []
    year = indicator.so_voi_nam or (None if period is None else period.nam_so_sanh)
    against = None
    if previous is not None:
        against = against_previous(value, previous, indicator.loai, places, year, period)
    if against is not None and indicator.hien_thi.so_0_truoc and indicator.loai is Loai.SO_LUONG:
        against = replace(against, chenh_lech=displayed(against.chenh_lech, pad=True))
    attained = None if target is None else against_target(value, target, places)
    if indicator.dat_ke_hoach is not None:
        attained = typed_attainment(indicator.dat_ke_hoach)
    if attained is not None and period is not None:
        attained = replace(attained, ke_hoach=period.ke_hoach)
    return SoSanh(
        nam_truoc=against,
        ke_hoach=attained,
        chiem=share,
        trong_do={
            label: percentage(each, places)
            for label, each in zip(indicator.trong_do, part_shares, strict=True)
        },
    )


def shares_of_totals(indicators: Mapping[str, ChiTieu], places: int = 1) -> dict[str, Figure]:
    """The shares of indicators that split one total between them, worked out together.

    Indicators of a group that give the same total and add up to it exactly are its parts: their
    shares are rounded so that they add up to 100% (see :func:`~reportgen.vi.figures.shares`).
    """
    by_total: dict[Decimal, list[str]] = {}
    for key, indicator in indicators.items():
        if indicator.tong is not None and indicator.tong.value and indicator.ty_le is None:
            by_total.setdefault(indicator.tong.value, []).append(key)
    found: dict[str, Figure] = {}
    for total, keys in by_total.items():
        values = [indicators[key].gia_tri.value for key in keys]
        if len(keys) < 2 or sum(values, Decimal(0)) != total:
            continue
        for key, share in zip(keys, shares(values, total, places), strict=True):
            found[key] = percentage(share, places)
    return found
