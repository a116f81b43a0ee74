"""The input format: the parts every version of a year-end file shares.

Field names are the YAML's own: Vietnamese words without diacritics, so the secretary who
writes the file, the template author and the code all say ``to_chuc.ten``. The docstrings of
the models and fields are their user documentation, written in Vietnamese like every message
(``reportgen schema`` gives them to editors, ``reportgen init`` writes them as comments, and
the English catalog translates them).

Every value arrives as text (see :mod:`reportgen.loading`); the annotated types below parse
it the Vietnamese way, so ``63.979`` is sixty-three thousand and ``12.5`` an error. A figure
becomes a :class:`~reportgen.vi.figures.Figure`: its exact value and the way it was typed.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from reportgen.i18n import _
from reportgen.vi import documents, parsing
from reportgen.vi.figures import Figure

KEY_PATTERN = r"^[a-z][a-z0-9_]*$"
"""A key of a group or an indicator: lower-case letters without marks, digits and `_`."""

SYMBOL_PATTERN = r"^[A-ZĐ][A-ZĐ0-9]*(?:[-/][A-ZĐ0-9]+)*$"
"""A document symbol: groups of capitals and digits joined by `-` or `/`: `BC-HKH`, `BC/TĐTN-VP`."""

PLACEHOLDER = re.compile(r"\{(?P<key>[a-z][a-z0-9_]*)(?::(?P<form>[a-z_]+))?\}")
"""A reference to an indicator or a group inside free text: ``{key}``, ``{key:so}``, ``{key:so_sanh}``."""


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
DocumentNumber = Annotated[int, _text_to(documents.parse_number)]
Day = Annotated[datetime.date, _text_to(parsing.parse_date)]
Clock = Annotated[datetime.time, _text_to(parsing.parse_time)]
Key = Annotated[str, Field(pattern=KEY_PATTERN)]
# One text or a list of texts: an editor checking the file against the JSON Schema must accept both.
Paragraphs = Annotated[
    list[str],
    BeforeValidator(_paragraphs),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
        arbitrary_types_allowed=True,
    )


class ToChuc(_Model):
    """Hội tổ chức hội nghị và ban hành báo cáo."""

    ten: str
    """Tên đầy đủ của hội, như viết trong câu: `Hội Khuyến học tỉnh Bắc Kạn`."""
    ten_viet_tat: str = Field(pattern=r"^[A-ZĐ][A-ZĐ0-9-]*$")
    """Chữ viết tắt dùng trong ký hiệu văn bản, chữ in hoa: `HKH` (như trong `05/BC-HKH`)."""
    co_quan_cap_tren: str = ""
    """Cơ quan cấp trên, in phía trên tên hội ở đầu báo cáo: `Hội Khuyến học Việt Nam`."""
    dia_danh: str
    """Địa danh ở dòng ngày tháng: `Bắc Kạn` (như trong `Bắc Kạn, ngày 20 tháng 01 năm 2021`)."""


class Buoi(StrEnum):
    """Buổi họp hội nghị."""

    SANG = "sáng"
    CHIEU = "chiều"
    TOI = "tối"


# A session reads the same in any case: `Sáng`, as it starts a line of the article, is `sáng`.
# Editors checking the file against the JSON Schema accept the capitalised word too.
Session = Annotated[
    Buoi,
    BeforeValidator(lambda value: value.lower() if isinstance(value, str) else value),
    WithJsonSchema(
        {
            "type": "string",
            "enum": [*(buoi.value for buoi in Buoi), *(buoi.value.capitalize() for buoi in Buoi)],
        }
    ),
]


class KhachMoi(_Model):
    """Một khách mời dự hội nghị, được nêu tên ở đoạn mở đầu tin bài."""

    ho_ten: str
    """Họ và tên: `Đinh Quang Tuyên`."""
    chuc_vu: str
    """Chức vụ, viết như báo chí viết: `Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh`."""
    danh_xung: str = "đồng chí"
    """Danh xưng đứng trước tên: `đồng chí` (mặc định), `ông`, `bà`."""


class HoiNghi(_Model):
    """Hội nghị tổng kết năm."""

    ngay: Day
    """Ngày họp: `20/01/2021` hoặc `2021-01-20`."""
    buoi: Session | None = None
    """Buổi họp: `sáng`, `chiều` hoặc `tối`; không ghi thì tin bài không nói buổi."""
    ten: str
    """Tên hội nghị, đọc liền sau chữ "tổ chức": `Hội nghị tổng kết công tác … năm 2020`."""
    khach_moi: list[KhachMoi] = []
    """Khách mời kèm chức vụ, theo thứ tự lễ tân."""


class Loai(StrEnum):
    """Loại số liệu của một chỉ tiêu."""

    SO_LUONG = "so_luong"
    """A count: `63.979`."""
    TIEN = "tien"
    """Money in đồng: `319,7 triệu`, `500.000 đồng`."""
    TY_LE = "ty_le"
    """A percentage: `85,2` or `85,2%`."""


# An editor checking the file reads `63.979` as a number and `319,7 triệu` as a string.
FigureValue = Annotated[
    Figure, WithJsonSchema({"type": ["number", "string"], "examples": [63979, "63.979", "319,7 triệu"]})
]
"""A typed figure: its value and how it was written."""


def figure_from(read: Callable[[str, Loai], Figure], value: Any, info: ValidationInfo) -> Any:
    """Read a figure field by the indicator's kind, which is validated before its figures.

    A figure already read (a sum a roll-up put in) is kept as it is.
    """
    if value is None or isinstance(value, Figure):
        return value
    if not isinstance(value, str):
        raise ValueError(_("cần một con số ở đây, ví dụ 63.979 hoặc 319,7 triệu"))
    kind = info.data.get("loai")
    if kind is None:  # the kind is mistyped, and reported: read the figure any way that works
        for each in Loai:
            try:
                return read(value, each)
            except parsing.ParseError:
                continue
        kind = Loai.SO_LUONG
    return read(value, kind)


class KhenThuong(_Model):
    """Một khen thưởng nhận được trong năm."""

    don_vi_nhan: str
    """Đơn vị hoặc người được khen: `Hội Khuyến học huyện Bạch Thông`."""
    hinh_thuc: str
    """Hình thức khen thưởng: `Cờ thi đua`, `Bằng khen`, `Giấy khen`."""
    noi_tang: str
    """Nơi tặng: `Trung ương Hội Khuyến học Việt Nam`."""
    ly_do: str = ""
    """Lý do, đọc liền sau chữ "vì": `đã có thành tích xuất sắc trong …`."""


class ViTriAnh(StrEnum):
    """Phần của tin bài mà ảnh đứng sau."""

    MO_DAU = "mo_dau"
    KET_QUA = "ket_qua"
    HAN_CHE = "han_che"
    PHUONG_HUONG = "phuong_huong"


class Anh(_Model):
    """Một ảnh hội nghị, in trong tin bài."""

    tep: str
    """Tệp ảnh, đường dẫn tính từ thư mục của tệp YAML: `anh/toan-canh.jpg`."""
    chu_thich: str
    """Chú thích ảnh: `Toàn cảnh Hội nghị`."""
    sau: ViTriAnh = ViTriAnh.PHUONG_HUONG
    """Ảnh đặt sau phần nào: `mo_dau` (đoạn mở đầu), `ket_qua`, `han_che` hoặc `phuong_huong` (mặc định)."""


class BaiViet(_Model):
    """Tin bài."""

    tac_gia: str = ""
    """Tên tác giả (bút danh) ký cuối bài: `Ngọc Tú`."""
    tieu_de: str = ""
    """Tiêu đề; không ghi thì là `<tên hội> tổng kết công tác năm <năm>`."""
    ngay: Day | None = None
    """Ngày đăng; không ghi thì lấy ngày hội nghị."""
    gio: Clock | None = None
    """Giờ đăng, theo giờ Việt Nam: `15:30`; có thì máy tìm kiếm và mạng xã hội biết cả giờ đăng bài."""
    duong_dan: str = ""
    """Địa chỉ web sẽ đăng bài (`https://…`); có thì liên kết chia sẻ lên mạng xã hội là địa chỉ đầy đủ."""

    @field_validator("duong_dan")
    @classmethod
    def _whole_address(cls, value: str) -> str:
        if value and not re.fullmatch(r"https?://[^\s/]+\.[^\s/]+(/\S*)?", value):
            raise ValueError(
                _(
                    '"{value}" không phải địa chỉ web đầy đủ — hãy viết cả `https://`, '
                    "ví dụ `https://ten-mien-cua-hoi.vn/tin-tuc/tong-ket-2020.html`"
                ).format(value=value)
            )
        return value


class NguoiKy(_Model):
    """Người ký báo cáo."""

    quyen_han: str = ""
    """Thẩm quyền ký: `TM. BAN THƯỜNG VỤ`, `KT. CHỦ TỊCH`; để trống khi người ký ký trực tiếp."""
    chuc_vu: str
    """Chức vụ người ký: `CHỦ TỊCH`, `PHÓ CHỦ TỊCH`."""
    ho_ten: str
    """Họ và tên người ký."""


class BaoCao(_Model):
    """Thông tin văn bản của báo cáo tổng kết (theo Nghị định 30/2020/NĐ-CP)."""

    so: DocumentNumber = Field(ge=1)
    """Số văn bản: `5` in thành `Số: 05/BC-HKH`."""
    ky_hieu: str = Field(pattern=SYMBOL_PATTERN)
    """Ký hiệu văn bản: `BC-HKH` (Nghị định 30, in `Số: 05/BC-HKH`) hoặc `BC/TĐTN` (Đoàn, Đảng, in `Số 01-BC/TĐTN`)."""  # noqa: E501
    ngay: Day | None = None
    """Ngày ký báo cáo; không ghi thì lấy ngày hội nghị."""
    trich_yeu: str = ""
    """Trích yếu; không ghi thì là `Tổng kết công tác năm <năm> và phương hướng, nhiệm vụ năm <năm sau>`."""
    nguoi_ky: NguoiKy
    """Người ký."""
    noi_nhan: list[str] = []
    """Nơi nhận, mỗi nơi một dòng, không cần dấu `-` ở đầu; dòng `Lưu: VT.` tự thêm cuối."""
