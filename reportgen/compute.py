"""Stage 3, computing: everything the templates print, derived once from the validated input.

Pure functions, no I/O and no formatting: figures stay numbers and dates stay dates, so that
the Vietnamese wording is decided in one place, the templates and their filters.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TypedDict

from reportgen.comparisons import SoSanh, compare
from reportgen.photos import WebPhoto
from reportgen.rollup import SubUnit
from reportgen.schema import (
    BaiViet,
    BaoCao,
    ChiTieu,
    HoiNghi,
    KhenThuong,
    NhomChiTieu,
    ToChuc,
    YearEnd,
)


class Photo(TypedDict):
    """A photo as the templates see it: where the built article finds it, and its caption."""

    src: str
    """Its widest size, relative to the output folder: `anh/toan-canh-800.jpg`."""
    srcset: str
    """Every size, for the browser to choose: `anh/toan-canh-480.jpg 480w, anh/toan-canh-800.jpg 800w`."""
    width: int
    height: int
    """The pixel size of `src`, so the page keeps the photo's place before it loads."""
    chu_thich: str
    sau: str


class Context(TypedDict):
    """The variables every template receives (documented for template authors in the README)."""

    to_chuc: ToChuc
    nam: int
    nam_sau: int
    hoi_nghi: HoiNghi
    chi_tieu: dict[str, NhomChiTieu]
    chi_so: dict[str, ChiTieu]
    so_sanh: dict[str, SoSanh]
    chi_tieu_chinh: list[str]
    ket_qua: list[str]
    han_che: list[str]
    phuong_huong: list[str]
    khen_thuong: list[KhenThuong]
    anh: list[Photo]
    bai_viet: BaiViet
    bao_cao: BaoCao
    ngay_bai_viet: datetime.date
    ngay_bao_cao: datetime.date
    don_vi_truc_thuoc: list[SubUnit]
    """The sub-units the figures were added up from, for the report's annex; empty for most units."""


CHART_LIMIT = 6
"""At most this many indicators in the report's chart: two rows of three panels."""


def main_indicators(indicators: Mapping[str, ChiTieu], limit: int = CHART_LIMIT) -> list[str]:
    """Choose the keys of the indicators the report's chart compares, in the input's order.

    The main indicators are those with a target for the year; when none has one, those with
    last year's figure; an indicator with neither has nothing to be compared with.

    >>> from decimal import Decimal as D
    >>> a = ChiTieu(nhan="a", gia_tri=D(1), nam_truoc=D(2))
    >>> b = ChiTieu(nhan="b", gia_tri=D(1), ke_hoach=D(2))
    >>> main_indicators({"a": a, "b": b}), main_indicators({"a": a}), main_indicators({})
    (['b'], ['a'], [])
    """
    with_target = [key for key, indicator in indicators.items() if indicator.ke_hoach is not None]
    chosen = with_target or [key for key, indicator in indicators.items() if indicator.nam_truoc is not None]
    return chosen[:limit]


def context(data: YearEnd, photos: Sequence[WebPhoto], sub_units: Sequence[SubUnit] = ()) -> Context:
    """Derive the template context of one unit, whose photos have the web sizes ``photos``."""
    indicators = {
        key: indicator for group in data.chi_tieu.values() for key, indicator in group.danh_sach.items()
    }
    seen = [
        Photo(
            src=web.largest.name,
            srcset=web.srcset,
            width=web.largest.width,
            height=web.largest.height,
            chu_thich=photo.chu_thich,
            sau=photo.sau.value,
        )
        for web, photo in zip(photos, data.anh, strict=True)
    ]
    return Context(
        to_chuc=data.to_chuc,
        nam=data.nam,
        nam_sau=data.nam + 1,
        hoi_nghi=data.hoi_nghi,
        chi_tieu=data.chi_tieu,
        chi_so=indicators,
        so_sanh={key: compare(indicator) for key, indicator in indicators.items()},
        chi_tieu_chinh=main_indicators(indicators),
        ket_qua=data.ket_qua,
        han_che=data.han_che,
        phuong_huong=data.phuong_huong,
        khen_thuong=data.khen_thuong,
        anh=seen,
        bai_viet=data.bai_viet,
        bao_cao=data.bao_cao,
        ngay_bai_viet=data.bai_viet.ngay or data.hoi_nghi.ngay,
        ngay_bao_cao=data.bao_cao.ngay or data.hoi_nghi.ngay,
        don_vi_truc_thuoc=list(sub_units),
    )
