"""Stage 4, computing: everything the templates print, derived once from the validated input.

Pure functions, no I/O and no formatting: figures stay numbers and dates stay dates, so that
the Vietnamese wording is decided in one place, the templates and their filters.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, TypedDict, TypeVar

from reportgen import awards, outline, presets
from reportgen.awards import NhomKhenThuong
from reportgen.comparisons import SoSanh, compare, shares_of_totals
from reportgen.outline import Numbers
from reportgen.photos import FOLDER, WebPhoto
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
    LietKe,
    Loai,
    NhomChiTieu,
    ThuTu,
    TieuDeMuc,
    TinhBang,
    ToChuc,
    YearEnd,
)
from reportgen.vi.figures import Figure, displayed
from reportgen.vi.periods import Ky


class Photo(TypedDict):
    """A photo as the templates see it: where the built article finds it, and its caption."""

    src: str
    """Its widest size, relative to the output folder: `anh/toan-canh-800.jpg`."""
    srcset: str
    """Every size, for the browser to choose: `anh/toan-canh-480.jpg 480w, anh/toan-canh-800.jpg 800w`."""
    width: int
    """The pixel width of `src`, so the page keeps the photo's place before it loads."""
    height: int
    """The pixel height of `src`."""
    chu_thich: str
    """The caption, as typed."""
    sau: str
    """The part of the article the photo follows: `mo_dau`, `ket_qua`, `han_che` or `phuong_huong`."""


class ShareImage(TypedDict):
    """The drawn share card (:mod:`reportgen.sharecard`) as the templates see it."""

    src: str
    """The card's file, relative to the output folder."""
    width: int
    """Its width in pixels."""
    height: int
    """Its height in pixels."""


SHARE_CARD = ShareImage(src=f"{FOLDER}/the-chia-se.png", width=1200, height=630)
"""Where the card of an article without photos is written (``thẻ chia sẻ``: share card), and its
size: the proportion social networks crop a shared link's picture to."""


class Context(TypedDict):
    """The variables every template receives; the documentation's template page lists them."""

    to_chuc: ToChuc
    """The association, as the input's `to_chuc` gives it."""
    nam: int
    """The year reported on: `2020`."""
    nam_sau: int
    """The year after it, whose directions the report sets: `2021`."""
    ky: Ky
    """The period the report covers, and its words: ``ky.ten`` (``năm 2023``, ``nhiệm kỳ 2016–2021``),
    ``ky.ten_sau``, ``ky.tong_ket``, ``ky.trich_yeu``, ``ky.cot(nam)``… (:mod:`reportgen.vi.periods`)."""
    hoi_nghi: HoiNghi | None
    """The conference, as the input's `hoi_nghi` gives it; None for a report without one."""
    chi_tieu: dict[str, NhomChiTieu]
    """The indicator groups by key, in the input's order: one table each in the report."""
    chi_so: dict[str, ChiTieu]
    """Every indicator by key, its figures as they print and its ``hien_thi`` filled in."""
    so_sanh: dict[str, SoSanh]
    """Each indicator's comparisons with last year, its target and its base, by key."""
    chi_tieu_nam_sau: dict[str, ChiTieuNamSau]
    """Next year's targets by key, as the input's `chi_tieu_nam_sau` gives them."""
    chi_tieu_chinh: list[str]
    """The keys of the main indicators, those the report's chart draws."""
    chi_so_chinh: list[ChiTieu]
    """The main indicators themselves, in the same order."""
    loi_mo_dau: list[str]
    """The report's preamble, before its part I, one paragraph per item."""
    ket_qua: list[Any]
    """The results: paragraphs (`{key}` references not yet filled, see `fill`), numbered points
    (``Muc``: ``muc``, ``noi_dung``, ``bang``) and dashed items (``CacY``: ``y``)."""
    han_che: list[Any]
    """The shortcomings, as ``ket_qua``."""
    phuong_huong: list[Any]
    """Next year's directions, as ``ket_qua``."""
    tieu_de_muc: TieuDeMuc
    """The report's headings the input chose, empty where it keeps the usual ones."""
    so_muc: Numbers
    """The numbers of the report's parts and of the points of its part I (:mod:`reportgen.outline`)."""
    chi_tieu_chua_noi: list[str]
    """The keys of next year's targets that no paragraph names, which the article tells after
    the directions."""
    phan_cuoi: str
    """The article's part whose last words carry the closing mark "./.": ``mo_dau`` (the lead),
    ``ket_qua``, ``han_che``, ``phuong_huong`` or ``khen_thuong``."""
    khen_thuong: list[KhenThuong]
    """The awards received, given and proposed, as the input lists them."""
    nhom_khen_thuong: list[NhomKhenThuong]
    """The awards by giver, the highest first, proposals last (:mod:`reportgen.awards`)."""
    liet_ke_khen_thuong: LietKe
    """Where a giver's awards are a dashed list: ``khong``, ``bao_cao``, ``bai_viet``, ``ca_hai``."""
    anh: list[Photo]
    """The photos whose files were found, in web sizes; a missing one is left out."""
    anh_dau: Photo | None
    """The photo a reader sees first (after the lead, else after the earliest part): loaded at
    once, and shown when the article is shared; None without photos."""
    bai_viet: BaiViet
    """The article's own fields, as the input's `bai_viet` gives them."""
    bao_cao: BaoCao
    """The report's document fields, as the input's `bao_cao` gives them."""
    ngay_bai_viet: datetime.date
    """The article's date: `bai_viet.ngay`, else the conference's."""
    thoi_gian_dang: datetime.date | datetime.datetime
    """When the article is published: its date, or the date and time (Vietnam time) when
    ``bai_viet.gio`` is given; ``.isoformat()`` writes it as search engines read it."""
    thoi_gian_sua: datetime.date | datetime.datetime
    """When the article was last changed: the time it was built, or its publication if later."""
    the_chia_se: ShareImage | None
    """The card a social network shows for an article without photos; None when it has one."""
    ngay_bao_cao: datetime.date | None
    """The report's date: `bao_cao.ngay`, else the conference's; None when it has neither (left blank)."""
    the_thuc: presets.Header
    """The report's header and signature lines, as its document rules (``the_thuc``) print them."""
    don_vi_truc_thuoc: list[SubUnit]
    """The sub-units the figures were added up from, for the report's annex; empty for most units."""


VIETNAM_TIME = datetime.timezone(datetime.timedelta(hours=7))
"""UTC+7, the whole country's time all year round."""

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


def published(data: YearEnd) -> datetime.date | datetime.datetime:
    """When the article is published: a date, or a Vietnam-time moment when the hour is known.

    >>> from reportgen.schema import BaiViet
    >>> day = datetime.date(2021, 1, 20)
    >>> data = YearEnd.model_construct(bai_viet=BaiViet(ngay=day, gio=datetime.time(15, 30)))
    >>> published(data).isoformat()
    '2021-01-20T15:30:00+07:00'
    """
    day = article_date(data)
    if data.bai_viet.gio is None:
        return day
    return datetime.datetime.combine(day, data.bai_viet.gio, VIETNAM_TIME)


def article_date(data: YearEnd) -> datetime.date:
    """The article's date: its own, else the conference's (validation makes sure there is one)."""
    day = data.bai_viet.ngay or (data.hoi_nghi.ngay if data.hoi_nghi else None)
    assert day is not None, "validation requires a date for an article without a conference"
    return day


def period(data: YearEnd) -> Ky:
    """The period the file's report covers.

    >>> from reportgen.schema import KyBaoCao
    >>> period(YearEnd.model_construct(nam=2023, ky_bao_cao=KyBaoCao(loai="sau_thang"))).ten
    '6 tháng đầu năm 2023'
    """
    said = data.ky_bao_cao
    return Ky(said.loai.value, data.nam, said.tu_nam, said.den_nam, said.so_voi_nam, said.nam_thanh_lap)


def modified(
    publication: datetime.date | datetime.datetime, built: datetime.datetime | None
) -> datetime.date | datetime.datetime:
    """When the article last changed: ``built`` (in Vietnam time), unless it is published later.

    An article built before it goes out is new when published; one rebuilt afterwards (a
    corrected figure) changed when it was built. A date alone counts from its first moment.

    >>> built = datetime.datetime(2021, 1, 22, 2, 0, tzinfo=datetime.UTC)
    >>> modified(datetime.date(2021, 1, 20), built).isoformat()
    '2021-01-22T09:00:00+07:00'
    >>> modified(datetime.date(2021, 1, 25), built).isoformat()
    '2021-01-25'
    """
    if built is None:
        return publication
    built = built.astimezone(VIETNAM_TIME).replace(microsecond=0)
    start = publication
    if not isinstance(start, datetime.datetime):
        start = datetime.datetime.combine(start, datetime.time(), VIETNAM_TIME)
    return built if built > start else publication


def context(
    data: YearEnd,
    photos: Sequence[WebPhoto],
    sub_units: Sequence[SubUnit] = (),
    built: datetime.datetime | None = None,
) -> Context:
    """Derive the template context of one unit, whose photos have the web sizes ``photos``.

    ``built`` is when the build runs, for the article's time of change.
    """
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
    covered = period(data)
    report_day = data.bao_cao.ngay or (data.hoi_nghi.ngay if data.hoi_nghi else None)
    main = main_indicators(indicators)
    parts = {"ket_qua": data.ket_qua, "han_che": data.han_che, "phuong_huong": data.phuong_huong}
    unsaid = outline.unsaid(parts, list(data.chi_tieu_nam_sau))
    grouped = awards.groups(data.khen_thuong, data.to_chuc.ten)
    return Context(
        to_chuc=data.to_chuc,
        nam=data.nam,
        nam_sau=data.nam + 1,
        ky=covered,
        hoi_nghi=data.hoi_nghi,
        chi_tieu=groups,
        chi_so=indicators,
        so_sanh={key: compare(indicator, shares.get(key), covered) for key, indicator in indicators.items()},
        chi_tieu_nam_sau={key: shown(target, data.hien_thi) for key, target in data.chi_tieu_nam_sau.items()},
        chi_tieu_chinh=main,
        chi_so_chinh=[indicators[key] for key in main],
        loi_mo_dau=data.loi_mo_dau,
        ket_qua=data.ket_qua,
        han_che=data.han_che,
        phuong_huong=data.phuong_huong,
        tieu_de_muc=data.tieu_de_muc,
        so_muc=outline.numbers(parts, list(groups), bool(data.chi_tieu_nam_sau), bool(grouped)),
        chi_tieu_chua_noi=unsaid,
        phan_cuoi=outline.last_part(parts, bool(unsaid), bool(grouped)),
        khen_thuong=data.khen_thuong,
        nhom_khen_thuong=grouped,
        liet_ke_khen_thuong=data.liet_ke_khen_thuong,
        anh=seen,
        anh_dau=outline.first_photo(seen),
        bai_viet=data.bai_viet,
        bao_cao=data.bao_cao,
        ngay_bai_viet=article_date(data),
        thoi_gian_dang=published(data),
        thoi_gian_sua=modified(published(data), built),
        the_chia_se=None if seen else SHARE_CARD,
        ngay_bao_cao=report_day,
        the_thuc=presets.header(data, report_day),
        don_vi_truc_thuoc=list(sub_units),
    )
