"""The input format as it was in version 1, and how it reads as the current version.

Files written for version 1 keep working: they are checked against this model, exactly as
before (a figure is read with version 1's rules and gets version 1's messages), and then
:func:`upgrade` turns them into the current model, the one place that knows how the two
versions differ. :func:`upgrade_steps` says what a secretary changes to move a file on.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pydantic import Field, ValidationInfo, field_validator

from reportgen.i18n import _
from reportgen.schema import noi_dung, v2
from reportgen.schema.common import (
    Anh,
    BaiViet,
    BaoCao,
    FigureValue,
    HoiNghi,
    Integer,
    Key,
    KhenThuong,
    Loai,
    Paragraphs,
    ToChuc,
    _Model,
    figure_from,
)
from reportgen.schema.the_thuc import MauTheThuc, TheThuc
from reportgen.vi import organisations, parsing, ranks, typed
from reportgen.vi.figures import Figure, part_of

VERSION = 1

PLACEHOLDER_FORMS = ("", "so", "so_sanh")
"""The forms of a ``{key}`` reference version 1 knows."""

_PARSERS: dict[Loai, Callable[[str], int | Decimal]] = {
    Loai.SO_LUONG: parsing.parse_integer,
    Loai.TIEN: parsing.parse_money,
    Loai.TY_LE: parsing.parse_decimal,
}


def read(text: str, kind: Loai) -> Figure:
    """Read a figure with version 1's rules, keeping the way it was typed.

    Raises:
        ParseError: the text is not a figure of ``kind`` as version 1 reads them.
    """
    value = Decimal(_PARSERS[kind](text))
    try:
        figure = typed.read(text, kind)
    except parsing.ParseError:  # pragma: no cover - version 2 reads everything version 1 does
        figure = None
    if figure is None or figure.value != value:  # pragma: no cover - the same, to the đồng
        figure = Figure((part_of(abs(value)),), kind, negative=value < 0)
    return figure


class ChiTieu(_Model):
    """Một chỉ tiêu: con số gõ một lần, in ra ở mọi chỗ nhắc đến nó."""

    nhan: str
    """Nhãn đọc liền sau con số trong câu: `hộ gia đình đạt danh hiệu Gia đình học tập`."""
    ten: str = ""
    """Tên dòng trong bảng của báo cáo; không ghi thì lấy nhãn, viết hoa chữ đầu."""
    loai: Loai = Loai.SO_LUONG
    """Loại số liệu: `so_luong` (số đếm, mặc định), `tien` (tiền, đồng) hoặc `ty_le` (phần trăm)."""
    don_vi: str = ""
    """Đơn vị tính trong bảng của báo cáo: `hộ`, `suất`, `người`; tiền tính bằng đồng, tỷ lệ bằng %."""
    gia_tri: FigureValue
    """Số liệu năm nay: `63.979`; tiền `319,7 triệu`; tỷ lệ `85,2`."""
    nam_truoc: FigureValue | None = None
    """Số liệu năm trước, nếu có: để so sánh tăng, giảm."""
    ke_hoach: FigureValue | None = None
    """Kế hoạch (chỉ tiêu) năm nay, nếu có: để tính mức đạt kế hoạch."""
    tong: FigureValue | None = None
    """Tổng số mà số liệu là một phần: `254.657` trong `226.259/254.657 gia đình`."""

    @field_validator("gia_tri", "nam_truoc", "ke_hoach", "tong", mode="before")
    @classmethod
    def _parse_by_kind(cls, value: Any, info: ValidationInfo) -> Any:
        return figure_from(read, value, info)


class NhomChiTieu(_Model):
    """Một nhóm chỉ tiêu có tên: thành một bảng trong báo cáo."""

    ten: str
    """Tên nhóm: `Xây dựng các mô hình học tập`."""
    danh_sach: dict[Key, ChiTieu] = Field(min_length=1)
    """Các chỉ tiêu, mỗi chỉ tiêu dưới một khoá riêng (chữ thường không dấu, số và `_`)."""


class YearEnd(_Model):
    """Tệp số liệu tổng kết năm của một hội: mọi thứ để làm tin bài và báo cáo."""

    phien_ban: Integer = VERSION
    """Phiên bản mẫu tệp: `1`."""
    to_chuc: ToChuc
    """Hội tổ chức hội nghị và ban hành báo cáo."""
    nam: Integer = Field(ge=1945, le=2100)
    """Năm tổng kết: `2020`."""
    hoi_nghi: HoiNghi
    """Hội nghị tổng kết năm."""
    chi_tieu: dict[Key, NhomChiTieu] = {}
    """Các nhóm chỉ tiêu, mỗi nhóm dưới một khoá riêng (chữ thường không dấu, số và `_`)."""
    ket_qua: Paragraphs = []
    """Kết quả trong năm, mỗi đoạn văn một mục; `{so_hoi}` in chỉ tiêu (hay nhóm) có khoá `so_hoi`."""
    han_che: Paragraphs = []
    """Hạn chế, mỗi đoạn văn một mục."""
    phuong_huong: Paragraphs = []
    """Phương hướng, nhiệm vụ năm sau, mỗi đoạn văn một mục."""
    khen_thuong: list[KhenThuong] = []
    """Khen thưởng nhận được trong năm."""
    anh: list[Anh] = []
    """Ảnh cho tin bài."""
    bai_viet: BaiViet = BaiViet()
    """Tin bài: tác giả, tiêu đề và ngày đăng."""
    bao_cao: BaoCao
    """Báo cáo tổng kết: số, ký hiệu, người ký và nơi nhận."""
    don_vi_truc_thuoc: list[str] = []
    """Các đơn vị trực thuộc cộng số liệu vào hội này: tệp `.yaml` hoặc thư mục, tính từ thư mục của tệp này: `huyen/`."""  # noqa: E501


def _shares(data: YearEnd) -> list[str]:
    """The indicators whose total version 1 printed as ``X/Y``, then ``chiếm P%`` in comparisons."""
    return [
        key
        for group in data.chi_tieu.values()
        for key, indicator in group.danh_sach.items()
        if indicator.tong is not None and indicator.loai is not Loai.TY_LE
    ]


def _percentages_with_a_total(data: YearEnd) -> list[str]:
    """The percentages given a total, which version 2 refuses (a percentage is no part of a sum)."""
    return [
        key
        for group in data.chi_tieu.values()
        for key, indicator in group.danh_sach.items()
        if indicator.tong is not None and indicator.loai is Loai.TY_LE
    ]


def upgrade(data: YearEnd) -> v2.YearEnd:
    """Read a version-1 file as the current version, so that it builds as it always has.

    An indicator with a total reads ``X/Y`` with ``chiếm P%`` among its comparisons, as
    version 1 wrote it; version 2 asks for that form by name. A percentage's total, which
    version 1 only used for a share of a percentage, is left out.
    """
    shares = set(_shares(data))
    groups = {}
    for group_key, group in data.chi_tieu.items():
        indicators = {}
        for key, indicator in group.danh_sach.items():
            fields: dict[str, Any] = _fields(indicator)
            if indicator.loai is Loai.TY_LE:
                fields.pop("tong")
            if key in shares:
                fields["hien_thi"] = v2.HienThi(so_voi_tong=v2.CachSoTong.PHAN_SO_CHIEM)
            indicators[key] = v2.ChiTieu.model_validate(fields)
        groups[group_key] = v2.NhomChiTieu(ten=group.ten, danh_sach=indicators)
    fields = _fields(data)
    # Version 1 printed every header the Decree 30 way, whatever the unit's name.
    fields.update(
        phien_ban=v2.VERSION,
        chi_tieu=groups,
        the_thuc=TheThuc(mau=MauTheThuc.NGHI_DINH_30),
        hoi_nghi=noi_dung.HoiNghi.model_validate(data.hoi_nghi.model_dump()),
        bai_viet=noi_dung.BaiViet.model_validate(data.bai_viet.model_dump()),
        khen_thuong=_awards(data),
    )
    return v2.YearEnd.model_validate(fields)


def _givers_out_of_rank(data: YearEnd) -> str | None:
    """The rank that keeps the awards in the order written, when version 2 would order them otherwise.

    Version 2 tells awards from the highest giver down; version 1 told them as written.
    """
    own = ranks.rank_of(data.to_chuc.ten)
    own = ranks.COMMUNE if own is None else own
    order = []
    for award in data.khen_thuong:
        found = ranks.rank_of(award.noi_tang)
        order.append(own if found is None else found)
    if order == sorted(order):
        return None
    return {rank: name for name, rank in ranks.NAMES.items()}[order[0]]


def _awards(data: YearEnd) -> list[noi_dung.KhenThuong]:
    """The awards as version 2 models, kept in the order written."""
    kept = _givers_out_of_rank(data)
    return [
        noi_dung.KhenThuong.model_validate({**award.model_dump(), **({"cap": kept} if kept else {})})
        for award in data.khen_thuong
    ]


def _fields(model: _Model) -> dict[str, Any]:
    """A model's fields as they are, figures and nested models not taken apart."""
    return {name: getattr(model, name) for name in type(model).model_fields}


def upgrade_steps(data: YearEnd, *, stated: bool = True) -> list[str]:
    """What to change in a version-1 file to make it a version-2 file that prints the same.

    ``stated`` says whether the file has a ``phien_ban`` line (a file without one is version 1).

    >>> unit = ToChuc.model_construct(ten="Hội Khuyến học xã Nam Mẫu")
    >>> upgrade_steps(YearEnd.model_construct(to_chuc=unit, chi_tieu={}))
    ['sửa dòng này thành `phien_ban: 2`']
    >>> upgrade_steps(YearEnd.model_construct(to_chuc=unit, chi_tieu={}), stated=False)
    ['thêm dòng `phien_ban: 2` ở đầu tệp']
    """
    if stated:
        steps = [_("sửa dòng này thành `phien_ban: {version}`").format(version=v2.VERSION)]
    else:
        steps = [_("thêm dòng `phien_ban: {version}` ở đầu tệp").format(version=v2.VERSION)]
    shares = _shares(data)
    if shares:
        steps.append(
            _(
                "thêm dòng `hien_thi: {{so_voi_tong: phan_so_chiem}}` vào chỉ tiêu {keys} "
                "để giữ cách viết `X/Y …, chiếm P%`"
            ).format(keys=", ".join(f"`{key}`" for key in shares))
        )
    union = organisations.kind_of(data.to_chuc.ten)
    if union is not None and union.rules == MauTheThuc.DOAN:
        # Version 2 heads a Youth Union's report by the Union's rules unless the file says otherwise.
        steps.append(_("thêm dòng `the_thuc: {mau: nghi_dinh_30}` để giữ đầu báo cáo theo Nghị định 30"))
    kept = _givers_out_of_rank(data) if data.khen_thuong else None
    if kept:
        steps.append(
            _(
                "thêm dòng `cap: {rank}` vào mỗi mục của `khen_thuong` để giữ thứ tự đã viết "
                "(mẫu phiên bản {version} xếp nơi tặng theo cấp, từ Trung ương xuống)"
            ).format(rank=kept, version=v2.VERSION)
        )
    percentages = _percentages_with_a_total(data)
    if percentages:
        steps.append(
            _("xoá dòng `tong` ở chỉ tiêu tỷ lệ {keys}").format(
                keys=", ".join(f"`{key}`" for key in percentages)
            )
        )
    return steps
