"""Stage 2, the input format (version 1): the typed model of a unit's year-end file.

Field names are the YAML's own: Vietnamese words without diacritics, so the secretary who
writes the file, the template author and the code all say ``to_chuc.ten``. Each field's
docstring is its user documentation (``reportgen schema`` and the README show it).

Every value arrives as text (see :mod:`reportgen.loading`); the annotated types below parse
it the Vietnamese way, so ``63.979`` is sixty-three thousand and ``12.5`` an error.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator

from reportgen.vi import parsing

FORMAT_VERSION = 1

_KEY_PATTERN = r"^[a-z][a-z0-9_]*$"

PLACEHOLDER = re.compile(r"\{(?P<key>[a-z][a-z0-9_]*)(?::(?P<form>[a-z_]+))?\}")
"""A reference to an indicator or a group inside free text: ``{key}``, ``{key:so}``, ``{key:so_sanh}``."""

PLACEHOLDER_FORMS = {
    "": "the indicator as it reads in prose",
    "so": "the figure alone",
    "so_sanh": "the indicator followed by its comparisons with last year, target and base",
}


def _text_to(parse: Any) -> Any:
    """Wrap a Vietnamese parser so it only sees text (the loader's scalars)."""

    def validate(value: Any) -> Any:
        return parse(value) if isinstance(value, str) else value

    return BeforeValidator(validate)


def _paragraphs(value: Any) -> Any:
    """Accept one text or a list of texts; split on blank lines; join wrapped lines."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return value
    paragraphs: list[Any] = []
    for item in value:
        if not isinstance(item, str):
            paragraphs.append(item)  # let pydantic say it is not text
            continue
        for block in item.replace("\r\n", "\n").split("\n\n"):
            joined = " ".join(block.split())
            if joined:
                paragraphs.append(joined)
    return paragraphs


Integer = Annotated[int, _text_to(parsing.parse_integer)]
Day = Annotated[datetime.date, _text_to(parsing.parse_date)]
Key = Annotated[str, Field(pattern=_KEY_PATTERN)]
Paragraphs = Annotated[list[str], BeforeValidator(_paragraphs)]


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=True, str_strip_whitespace=True
    )


class ToChuc(_Model):
    """The organisation that holds the conference and issues the report."""

    ten: str
    """Full name as it reads in a sentence: `Hội Khuyến học tỉnh Bắc Kạn`."""
    ten_viet_tat: str = Field(pattern=r"^[A-ZĐ][A-ZĐ0-9-]*$")
    """Abbreviation used in document symbols: `HKH` (as in `05/BC-HKH`)."""
    co_quan_cap_tren: str = ""
    """Parent body, printed above the organisation in the report's header: `Hội Khuyến học Việt Nam`."""
    dia_danh: str
    """Place name for the date line: `Bắc Kạn` (as in `Bắc Kạn, ngày 20 tháng 01 năm 2021`)."""


class Buoi(StrEnum):
    """Part of the day the conference was held."""

    SANG = "sáng"
    CHIEU = "chiều"
    TOI = "tối"


class KhachMoi(_Model):
    """A guest of the conference, named in the article's lead."""

    ho_ten: str
    """Full name: `Đinh Quang Tuyên`."""
    chuc_vu: str
    """Posts, as the press writes them: `Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh`."""
    danh_xung: str = "đồng chí"
    """Form of address before the name: `đồng chí` (default), `ông`, `bà`."""


class HoiNghi(_Model):
    """The year-end conference."""

    ngay: Day
    """Date: `20/01/2021` or `2021-01-20`."""
    buoi: Buoi | None = None
    """Part of day: `sáng`, `chiều` or `tối`; left out when not given."""
    ten: str
    """Title as it reads after `tổ chức`: `Hội nghị tổng kết công tác … năm 2020`."""
    khach_moi: list[KhachMoi] = []
    """Guests with their posts, in protocol order."""


class Loai(StrEnum):
    """What an indicator's value is."""

    SO_LUONG = "so_luong"
    """A count: `63.979`."""
    TIEN = "tien"
    """Money in đồng: `319,7 triệu`, `500.000 đồng`."""
    TY_LE = "ty_le"
    """A percentage: `85,2` or `85,2%`."""


_VALUE_PARSERS: dict[Loai, Callable[[str], int | Decimal]] = {
    Loai.SO_LUONG: parsing.parse_integer,
    Loai.TIEN: parsing.parse_money,
    Loai.TY_LE: parsing.parse_decimal,
}


class ChiTieu(_Model):
    """One indicator: a figure typed once and printed wherever it is referred to."""

    nhan: str
    """The label as it reads in prose after the figure: `hộ gia đình đạt danh hiệu Gia đình học tập`."""
    ten: str = ""
    """Name in the report's tables; the label with a capital letter when left out."""
    loai: Loai = Loai.SO_LUONG
    """Kind: `so_luong` (count, the default), `tien` (money in đồng) or `ty_le` (percent)."""
    don_vi: str = ""
    """Unit for the report's tables: `hộ`, `suất`, `người`; money is in đồng and percent in %."""
    gia_tri: Decimal
    """This year's value."""
    nam_truoc: Decimal | None = None
    """Last year's value, if known."""
    ke_hoach: Decimal | None = None
    """This year's target, if there was one."""
    tong: Decimal | None = None
    """The base the value is part of: `254.657` for `226.259/254.657 gia đình`."""

    @field_validator("gia_tri", "nam_truoc", "ke_hoach", "tong", mode="before")
    @classmethod
    def _parse_by_kind(cls, value: Any, info: ValidationInfo) -> Any:
        """Parse a figure by the indicator's kind, which is validated before the figures."""
        if not isinstance(value, str):
            return value
        kind = info.data.get("loai", Loai.SO_LUONG)
        return Decimal(_VALUE_PARSERS[kind](value))

    @property
    def ten_bang(self) -> str:
        """The name printed in a table row."""
        return self.ten or self.nhan[:1].upper() + self.nhan[1:]


class NhomChiTieu(_Model):
    """A named group of indicators: one table in the report."""

    ten: str
    """The group's heading: `Xây dựng các mô hình học tập`."""
    danh_sach: dict[Key, ChiTieu] = Field(min_length=1)
    """The indicators, each under its key (lower-case letters, digits and `_`)."""


class KhenThuong(_Model):
    """An award received this year."""

    don_vi_nhan: str
    """Recipient: `Hội Khuyến học huyện Bạch Thông`."""
    hinh_thuc: str
    """Kind of award: `Cờ thi đua`, `Bằng khen`, `Giấy khen`."""
    noi_tang: str
    """Who gave it: `Trung ương Hội Khuyến học Việt Nam`."""
    ly_do: str = ""
    """Why, as it reads after `vì`: `đã có thành tích xuất sắc trong …`."""


class ViTriAnh(StrEnum):
    """The part of the article a photo follows."""

    MO_DAU = "mo_dau"
    KET_QUA = "ket_qua"
    HAN_CHE = "han_che"
    PHUONG_HUONG = "phuong_huong"


class Anh(_Model):
    """A photo of the conference, printed in the article."""

    tep: str
    """Image file, relative to the input file: `anh/toan-canh.jpg`."""
    chu_thich: str
    """Caption: `Toàn cảnh Hội nghị`."""
    sau: ViTriAnh = ViTriAnh.PHUONG_HUONG
    """Which part it follows: `mo_dau` (the lead), `ket_qua`, `han_che` or `phuong_huong` (the default)."""


class BaiViet(_Model):
    """The press article."""

    tac_gia: str = ""
    """The byline: `Ngọc Tú`."""
    tieu_de: str = ""
    """Headline; `<organisation> tổng kết công tác năm <year>` when left out."""
    ngay: Day | None = None
    """Publication date; the conference date when left out."""
    duong_dan: str = ""
    """Web address the article will be published at; makes the links shared on social networks whole."""

    @field_validator("duong_dan")
    @classmethod
    def _whole_address(cls, value: str) -> str:
        if value and not re.fullmatch(r"https?://[^\s/]+\.[^\s/]+(/\S*)?", value):
            raise ValueError(
                f'"{value}" không phải địa chỉ web đầy đủ — hãy viết cả `https://`, '
                "ví dụ `https://ten-mien-cua-hoi.vn/tin-tuc/tong-ket-2020.html`"
            )
        return value


class NguoiKy(_Model):
    """Who signs the report."""

    quyen_han: str = ""
    """Authority prefix: `TM. BAN THƯỜNG VỤ`, `KT. CHỦ TỊCH`; empty when the signer signs in person."""
    chuc_vu: str
    """Post: `CHỦ TỊCH`, `PHÓ CHỦ TỊCH`."""
    ho_ten: str
    """Full name."""


class BaoCao(_Model):
    """The formal report's document data (Decree 30/2020/NĐ-CP)."""

    so: Integer = Field(ge=1)
    """Document number: `5` prints as `Số: 05/BC-HKH`."""
    ky_hieu: str = Field(pattern=r"^[A-ZĐ][A-ZĐ0-9-]*$")
    """Document symbol: `BC-HKH`."""
    ngay: Day | None = None
    """Date of the report; the conference date when left out."""
    trich_yeu: str = ""
    """Subject line; `Tổng kết công tác năm <year> và phương hướng, nhiệm vụ năm <year+1>` when left out."""
    nguoi_ky: NguoiKy
    """The signer."""
    noi_nhan: list[str] = []
    """Recipients (Nơi nhận), one per line, without the leading `-`; `Lưu: VT` is added last."""


class YearEnd(_Model):
    """A unit's year-end file: everything the article and the report are made from."""

    phien_ban: Integer = FORMAT_VERSION
    """Version of this format; `1`."""
    to_chuc: ToChuc
    """The organisation."""
    nam: Integer = Field(ge=1945, le=2100)
    """The reporting year: `2020`."""
    hoi_nghi: HoiNghi
    """The year-end conference."""
    chi_tieu: dict[Key, NhomChiTieu] = {}
    """Indicators in named groups, each group under its key."""
    ket_qua: Paragraphs = []
    """Results of the year, paragraph by paragraph; `{key}` prints an indicator or a group."""
    han_che: Paragraphs = []
    """Shortcomings, paragraph by paragraph."""
    phuong_huong: Paragraphs = []
    """Directions and tasks for next year, paragraph by paragraph."""
    khen_thuong: list[KhenThuong] = []
    """Awards received."""
    anh: list[Anh] = []
    """Photos for the article."""
    bai_viet: BaiViet = BaiViet()
    """The press article's byline, headline and date."""
    bao_cao: BaoCao
    """The formal report's number, signer and recipients."""

    @field_validator("phien_ban")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != FORMAT_VERSION:
            raise ValueError(f"reportgen này đọc mẫu phiên bản {FORMAT_VERSION} — hãy viết `1`")
        return value
