"""Stage 3, comparisons: each indicator against last year, its target and its base.

Pure arithmetic on Decimals, computed once per indicator; no wording and no formatting. The
templates' macros (``templates/_compare.html``) decide how a comparison reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from reportgen.schema import ChiTieu, Loai

HUNDRED = Decimal(100)
UNCHANGED_BELOW = Decimal("0.05")
"""A change smaller than this (in percent, or in points for a percentage) reads as unchanged:
it would print as 0,0 at one decimal, and "tăng 0%" tells a reader nothing."""


class Huong(StrEnum):
    """Which way a figure moved."""

    TANG = "tang"
    GIAM = "giam"
    NGANG = "ngang"


@dataclass(frozen=True)
class SoVoiNamTruoc:
    """This year against last year."""

    huong: Huong
    chenh_lech: Decimal
    """The absolute difference, never negative; in points for a percentage."""
    phan_tram: Decimal | None
    """The difference in percent of last year; None for percentages (their change is in
    points) and when last year was 0."""
    diem_phan_tram: bool
    """True when the indicator is a percentage, so the difference is in percentage points."""


@dataclass(frozen=True)
class SoVoiKeHoach:
    """This year against its target."""

    ty_le: Decimal
    """Attainment in percent of the target: 104,1 for 104,1%."""
    vuot: Decimal
    """How far past the target, in percent of it (0 when not reached)."""
    dat: bool
    """True when the target is met."""


@dataclass(frozen=True)
class SoSanh:
    """Every comparison an indicator has the data for."""

    nam_truoc: SoVoiNamTruoc | None
    ke_hoach: SoVoiKeHoach | None
    chiem: Decimal | None
    """Share of the base, in percent: 29,4 for 3.215 of 10.950."""


def against_previous(value: Decimal, previous: Decimal, kind: Loai) -> SoVoiNamTruoc:
    """Compare ``value`` with last year's ``previous``.

    >>> round(against_previous(Decimal(12486), Decimal(12105), Loai.SO_LUONG).phan_tram, 2)
    Decimal('3.15')
    >>> against_previous(Decimal("68.5"), Decimal("64.2"), Loai.TY_LE)
    SoVoiNamTruoc(huong=<Huong.TANG: 'tang'>, chenh_lech=Decimal('4.3'), phan_tram=None, diem_phan_tram=True)
    >>> against_previous(Decimal(100003), Decimal(100000), Loai.SO_LUONG).huong
    <Huong.NGANG: 'ngang'>
    """
    difference = value - previous
    points = kind is Loai.TY_LE
    percent = None if points or previous == 0 else difference / abs(previous) * HUNDRED
    size = abs(difference) if points else abs(percent) if percent is not None else abs(difference)
    if difference == 0 or size < UNCHANGED_BELOW:
        direction = Huong.NGANG
    else:
        direction = Huong.TANG if difference > 0 else Huong.GIAM
    return SoVoiNamTruoc(direction, abs(difference), percent, points)


def against_target(value: Decimal, target: Decimal) -> SoVoiKeHoach | None:
    """Compare ``value`` with its ``target``; None for a target of 0, which cannot be attained.

    >>> against_target(Decimal(381), Decimal(300))
    SoVoiKeHoach(ty_le=Decimal('127.00'), vuot=Decimal('27.00'), dat=True)
    >>> against_target(Decimal(12), Decimal(15)).dat
    False
    """
    if target <= 0:
        return None
    ratio = value / target * HUNDRED
    return SoVoiKeHoach(ratio, max(ratio - HUNDRED, Decimal(0)), value >= target)


def compare(indicator: ChiTieu) -> SoSanh:
    """Compute every comparison ``indicator`` has the data for."""
    value = indicator.gia_tri
    previous = indicator.nam_truoc
    target = indicator.ke_hoach
    base = indicator.tong
    return SoSanh(
        nam_truoc=None if previous is None else against_previous(value, previous, indicator.loai),
        ke_hoach=None if target is None else against_target(value, target),
        chiem=value / base * HUNDRED if base else None,
    )
