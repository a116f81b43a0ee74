"""Stage 3, computing: everything the templates print, derived once from the validated input.

Pure functions, no I/O and no formatting: figures stay numbers and dates stay dates, so that
the Vietnamese wording is decided in one place, the templates and their filters.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, TypedDict, TypeVar

from reportgen.comparisons import SoSanh, compare, shares_of_totals
from reportgen.photos import WebPhoto
from reportgen.rollup import SubUnit
from reportgen.schema import (
    BaiViet,
    BaoCao,
    CachSoKeHoach,
    CachSoNamTruoc,
    CachSoTong,
    ChiTieu,
    ChiTieuNamSau,
    HienThi,
    HoiNghi,
    KhenThuong,
    Loai,
    NhomChiTieu,
    ThuTu,
    TinhBang,
    ToChuc,
    YearEnd,
)
from reportgen.vi.figures import Figure, displayed


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
    """Every indicator by key, its figures as they print and its ``hien_thi`` filled in."""
    so_sanh: dict[str, SoSanh]
    chi_tieu_nam_sau: dict[str, ChiTieuNamSau]
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

    >>> a = ChiTieu(nhan="a", gia_tri="1", nam_truoc="2")
    >>> b = ChiTieu(nhan="b", gia_tri="1", ke_hoach="2")
    >>> main_indicators({"a": a, "b": b}), main_indicators({"a": a}), main_indicators({})
    (['b'], ['a'], [])
    """
    with_target = [key for key, indicator in indicators.items() if indicator.ke_hoach is not None]
    chosen = with_target or [key for key, indicator in indicators.items() if indicator.nam_truoc is not None]
    return chosen[:limit]


DEFAULT_DISPLAY = HienThi(
    tinh_bang=TinhBang.NHU_GO,
    so_le_ty_le=1,
    so_0_truoc=False,
    so_voi_nam_truoc=CachSoNamTruoc.TANG,
    so_voi_ke_hoach=CachSoKeHoach.VUOT,
    so_voi_tong=CachSoTong.PHAN_SO,
    ty_le_trong_do=False,
)
"""How figures print when the input asks nothing: as typed, percentages reportgen computes to one decimal."""


def display(own: HienThi, document: HienThi, kind: Loai) -> HienThi:
    """How one indicator prints: its own choices, else the document's, else :data:`DEFAULT_DISPLAY`.

    The word order, unless chosen, follows the kind: a count before its label, money and a
    percentage after it.

    >>> display(HienThi(so_le=1), HienThi(tinh_bang="gon", so_le=2), Loai.TIEN).model_dump(exclude_none=True)
    ... # doctest: +NORMALIZE_WHITESPACE
    {'tinh_bang': <TinhBang.GON: 'gon'>, 'so_le': 1, 'so_le_ty_le': 1, 'so_0_truoc': False,
     'thu_tu': <ThuTu.NHAN_TRUOC: 'nhan_truoc'>, 'so_voi_nam_truoc': <CachSoNamTruoc.TANG: 'tang'>,
     'so_voi_ke_hoach': <CachSoKeHoach.VUOT: 'vuot'>, 'so_voi_tong': <CachSoTong.PHAN_SO: 'phan_so'>,
     'ty_le_trong_do': False}
    """
    chosen: dict[str, Any] = {}
    for name in HienThi.model_fields:
        given = (getattr(own, name), getattr(document, name), getattr(DEFAULT_DISPLAY, name))
        chosen[name] = next((value for value in given if value is not None), None)
    if chosen["thu_tu"] is None:
        chosen["thu_tu"] = ThuTu.SO_TRUOC if kind is Loai.SO_LUONG else ThuTu.NHAN_TRUOC
    return HienThi.model_construct(**chosen)


Shown = TypeVar("Shown", ChiTieu, ChiTieuNamSau)


def shown(indicator: Shown, document: HienThi) -> Shown:
    """The indicator as it prints: its figures in the unit and precision its display asks for."""
    chosen = display(indicator.hien_thi, document, indicator.loai)
    unit = str(chosen.tinh_bang or TinhBang.NHU_GO)

    def show(figure: Figure) -> Figure:
        return displayed(figure, unit, chosen.so_le, bool(chosen.so_0_truoc))

    update: dict[str, Any] = {"gia_tri": show(indicator.gia_tri), "hien_thi": chosen}
    if isinstance(indicator, ChiTieu):
        for name in ("nam_truoc", "ke_hoach", "tong"):
            figure = getattr(indicator, name)
            update[name] = None if figure is None else show(figure)
        update["trong_do"] = {label: show(part) for label, part in indicator.trong_do.items()}
    return indicator.model_copy(update=update)


def context(data: YearEnd, photos: Sequence[WebPhoto], sub_units: Sequence[SubUnit] = ()) -> Context:
    """Derive the template context of one unit, whose photos have the web sizes ``photos``."""
    places = display(HienThi(), data.hien_thi, Loai.SO_LUONG).so_le_ty_le or 0
    groups = {
        key: group.model_copy(
            update={"danh_sach": {k: shown(c, data.hien_thi) for k, c in group.danh_sach.items()}}
        )
        for key, group in data.chi_tieu.items()
    }
    indicators = {key: indicator for group in groups.values() for key, indicator in group.danh_sach.items()}
    shares = {
        key: share
        for group in groups.values()
        for key, share in shares_of_totals(group.danh_sach, places).items()
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
        chi_tieu=groups,
        chi_so=indicators,
        so_sanh={key: compare(indicator, shares.get(key)) for key, indicator in indicators.items()},
        chi_tieu_nam_sau={key: shown(target, data.hien_thi) for key, target in data.chi_tieu_nam_sau.items()},
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
