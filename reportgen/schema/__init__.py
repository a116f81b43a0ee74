"""The input format: the typed model of a unit's year-end file, in every version it has had.

A file says its version in ``phien_ban``; one that says none was written before there was a
second version, and is version 1. Each version has its own model (:mod:`~reportgen.schema.v1`,
:mod:`~reportgen.schema.v2`), so a file is checked by the rules it was written to; what the
later stages read is always the current model, :class:`~reportgen.schema.v2.YearEnd`, into
which :func:`~reportgen.schema.v1.upgrade` turns an older file.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from reportgen.schema import v1, v2
from reportgen.schema.common import (
    KEY_PATTERN,
    PLACEHOLDER,
    SYMBOL_PATTERN,
    Anh,
    BaoCao,
    Buoi,
    Loai,
    NguoiKy,
    ToChuc,
    ViTriAnh,
)
from reportgen.schema.noi_dung import (
    BaiViet,
    CacY,
    Cap,
    Diem,
    DongNgay,
    HoiNghi,
    KhachMoi,
    KhenThuong,
    KieuKhen,
    KyBaoCao,
    LietKe,
    LoaiKy,
    Muc,
    TieuDeMuc,
    texts,
)
from reportgen.schema.the_thuc import MauTheThuc, PhanCach, TheThuc
from reportgen.schema.v2 import (
    CachSoKeHoach,
    CachSoNamTruoc,
    CachSoTong,
    ChiTieu,
    ChiTieuNamSau,
    HienThi,
    MucDat,
    NhomChiTieu,
    ThuTu,
    TinhBang,
    YearEnd,
)
from reportgen.vi.parsing import ParseError, parse_integer

VERSION = v2.VERSION
"""The version ``reportgen init`` writes and every later stage reads."""

MODELS: dict[int, type[BaseModel]] = {v1.VERSION: v1.YearEnd, v2.VERSION: v2.YearEnd}
INDICATORS: dict[int, type[BaseModel]] = {v1.VERSION: v1.ChiTieu, v2.VERSION: v2.ChiTieu}
PLACEHOLDER_FORMS: dict[int, tuple[str, ...]] = {
    v1.VERSION: v1.PLACEHOLDER_FORMS,
    v2.VERSION: v2.PLACEHOLDER_FORMS,
}


def version_of(data: Any) -> int:
    """The version a loaded file is written in: 1 when it says none, the current one when it says another.

    A version reportgen does not know is checked as the current one, which says so.

    >>> [version_of(data) for data in ({"phien_ban": "1"}, {}, {"phien_ban": "2"}, {"phien_ban": "9"})]
    [1, 1, 2, 2]
    """
    said = data.get("phien_ban") if isinstance(data, dict) else None
    if said is None:
        return v1.VERSION
    try:
        version = parse_integer(said) if isinstance(said, str) else said
    except ParseError:
        return VERSION
    return version if version in MODELS else VERSION


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """Every model a field may hold, in the order named: itself, or those in ``X | None``, ``list[X]``.

    >>> [model.__name__ for model in models_in(list[ToChuc | NguoiKy] | None)], models_in(dict[str, int])
    (['ToChuc', 'NguoiKy'], [])
    """
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for argument in typing.get_args(annotation) for model in models_in(argument)]


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (of several, the kinds of a list's items, the last); None for none.

    >>> model_in(list[ToChuc] | None).__name__, model_in(dict[str, NguoiKy]).__name__, model_in(str)
    ('ToChuc', 'NguoiKy', None)
    """
    found = models_in(annotation)
    return found[-1] if found else None


def current(data: BaseModel) -> YearEnd:
    """The current model of a checked file, whatever its version."""
    if isinstance(data, v1.YearEnd):
        return v1.upgrade(data)
    assert isinstance(data, YearEnd)
    return data


__all__ = [
    "INDICATORS",
    "KEY_PATTERN",
    "MODELS",
    "PLACEHOLDER",
    "PLACEHOLDER_FORMS",
    "SYMBOL_PATTERN",
    "VERSION",
    "Anh",
    "BaiViet",
    "BaoCao",
    "Buoi",
    "CacY",
    "CachSoKeHoach",
    "CachSoNamTruoc",
    "CachSoTong",
    "Cap",
    "ChiTieu",
    "ChiTieuNamSau",
    "Diem",
    "DongNgay",
    "HienThi",
    "HoiNghi",
    "KhachMoi",
    "KhenThuong",
    "KieuKhen",
    "KyBaoCao",
    "LietKe",
    "Loai",
    "LoaiKy",
    "MauTheThuc",
    "Muc",
    "MucDat",
    "NguoiKy",
    "NhomChiTieu",
    "PhanCach",
    "TheThuc",
    "ThuTu",
    "TieuDeMuc",
    "TinhBang",
    "ToChuc",
    "ViTriAnh",
    "YearEnd",
    "current",
    "model_in",
    "models_in",
    "texts",
    "version_of",
]
