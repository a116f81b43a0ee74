"""The input format, version 2: what a document says besides its figures.

The period a report covers (``ky_bao_cao``); a conference that may be left out, with its place,
its guests named or not and its attendance; how the article's first sentence and dateline
write dates, and how it names the association again; awards received, given and proposed;
and the report's preamble, headings and numbered points. Each model here extends, or sits
beside, what version 1 had, with defaults that print what version 1 printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    GetJsonSchemaHandler,
    Tag,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from reportgen.i18n import _
from reportgen.schema import common
from reportgen.schema.common import Day, FigureValue, Integer, Key, Loai, _Model, _paragraphs
from reportgen.vi import dates, typed

Year = Annotated[Integer, Field(ge=1945, le=2100)]


# --- the period -----------------------------------------------------------------------------------


class LoaiKy(StrEnum):
    """Kỳ báo cáo."""

    NAM = "nam"
    SAU_THANG = "sau_thang"
    NAM_GIUA_NHIEM_KY = "nam_giua_nhiem_ky"
    NHIEM_KY = "nhiem_ky"
    NHIEU_NAM = "nhieu_nam"


class KyBaoCao(_Model):
    """Kỳ mà báo cáo tổng kết: một năm (mặc định), 6 tháng đầu năm, một năm kèm sơ kết giữa nhiệm kỳ, cả nhiệm kỳ hay nhiều năm. Tên kỳ có trong tiêu đề, trích yếu, tên các phần, cột của bảng và câu so sánh."""  # noqa: E501

    loai: LoaiKy = LoaiKy.NAM
    """`nam` (tổng kết năm `nam`, mặc định), `sau_thang` (sơ kết 6 tháng đầu năm `nam`, phương hướng 6 tháng cuối năm), `nam_giua_nhiem_ky` (tổng kết năm `nam`, sơ kết giữa nhiệm kỳ `tu_nam`–`den_nam`), `nhiem_ky` (tổng kết nhiệm kỳ `tu_nam`–`den_nam`, phương hướng nhiệm kỳ sau) hoặc `nhieu_nam` (tổng kết giai đoạn `tu_nam`–`nam`)."""  # noqa: E501
    tu_nam: Year | None = None
    """Năm đầu của nhiệm kỳ hay giai đoạn: `2016` trong `nhiệm kỳ 2016–2021`."""
    den_nam: Year | None = None
    """Năm cuối của nhiệm kỳ (năm Đại hội): `2021`; không ghi thì là `nam`. Số liệu là của năm `nam`."""
    so_voi_nam: Year | None = None
    """Năm của số liệu `nam_truoc` khi không phải năm liền trước (`so với năm 2019` trong báo cáo năm 2021); với nhiệm kỳ và nhiều năm, mặc định là `tu_nam`."""  # noqa: E501
    nam_thanh_lap: Year | None = None
    """Năm thành lập hội, khi báo cáo kèm kỷ niệm ngày thành lập: `2004` in `kỷ niệm 20 năm ngày thành lập` trong báo cáo năm 2024."""  # noqa: E501


# --- the conference ------------------------------------------------------------------------------


class KhachMoi(common.KhachMoi):
    """Một khách mời dự hội nghị, được nêu ở đoạn mở đầu tin bài: có tên (`đồng chí Đinh Quang Tuyên - Phó Chủ tịch UBND tỉnh`) hoặc chỉ chức vụ, cơ quan (`đại diện lãnh đạo Sở Giáo dục và Đào tạo`)."""  # noqa: E501

    ho_ten: str = ""
    """Họ và tên: `Đinh Quang Tuyên`; không ghi thì chỉ in `chuc_vu`, như viết."""


class HoiNghi(common.HoiNghi):
    """Hội nghị (hay đại hội) tổng kết; không có hội nghị thì bỏ cả phần này, tin bài mở đầu bằng `Vừa qua, … đã tổng kết …`."""  # noqa: E501

    khach_moi: list[KhachMoi] = []  # type: ignore[assignment]  # guests who may go without a name
    """Khách mời theo thứ tự lễ tân: có tên kèm chức vụ, hoặc chỉ chức vụ, cơ quan."""
    dia_diem: str = ""
    """Nơi họp, đọc liền sau chữ "tại": `Hội trường UBND huyện` in `Sáng 22.12, tại Hội trường UBND huyện, …`."""  # noqa: E501
    don_vi_to_chuc: str = ""
    """Đơn vị tổ chức hội nghị khi không phải chính hội: `UBND xã Nam Mẫu` in `… UBND xã Nam Mẫu tổ chức Hội nghị …`."""  # noqa: E501
    so_dai_bieu: FigureValue | None = None
    """Số đại biểu dự, in đúng như gõ: `160` in `… cùng 160 đại biểu`; `144` và `dai_dien_cho` in `144 đại biểu đại diện cho 13.945 hội viên`."""  # noqa: E501
    dai_dien_cho: str = ""
    """Những người các đại biểu đại diện cho, đọc liền sau chữ "đại diện cho": `13.945 hội viên` hoặc `{hoi_vien}` (in chỉ tiêu có khoá `hoi_vien`)."""  # noqa: E501

    @field_validator("so_dai_bieu", mode="before")
    @classmethod
    def _a_count(cls, value: Any) -> Any:
        return typed.read(value, Loai.SO_LUONG) if isinstance(value, str) else value


# --- the article ------------------------------------------------------------------------------------


class DongNgay(StrEnum):
    """Cách in dòng ngày đăng của tin bài."""

    NGAY = "ngay"
    GIO_NGAY = "gio_ngay"
    THU_NGAY = "thu_ngay"
    THU_NGAY_GIO = "thu_ngay_gio"


class BaiViet(common.BaiViet):
    """Tin bài: tác giả, tiêu đề, ngày đăng và cách viết."""

    ngay: Day | None = None
    """Ngày đăng; không ghi thì lấy ngày hội nghị (không có hội nghị thì phải ghi)."""
    dong_ngay: DongNgay = DongNgay.NGAY
    """Dòng ngày đăng dưới tiêu đề: `ngay` (`23/12/2021`, mặc định), `gio_ngay` (`10:12, 23/12/2021`), `thu_ngay` (`Thứ Năm, 23/12/2021`) hoặc `thu_ngay_gio` (`Thứ Tư, 18/12/2019 03:41 GMT+7`); dạng có giờ cần `gio`."""  # noqa: E501
    cach_viet_ngay: str = "dd/mm/yyyy"
    """Cách viết ngày hội nghị ở câu mở đầu, bằng `dd` (ngày hai chữ số), `d`, `mm`, `m`, `yyyy` (năm) và dấu `/`, `-` hoặc `.`: `dd/mm/yyyy` (`Sáng 20/01/2021`, mặc định), `d-m` (`Sáng 23-12`), `dd.mm` (`Sáng 22.12`), `ngày dd/mm` (`Sáng ngày 12/12`), `nay (d/m)` (`Sáng nay (5/12)`)."""  # noqa: E501
    ten_nhac_lai: str = ""
    """Tên gọi hội khi nhắc lại trong tin bài, sau lần đầu: `Hội`, `Hội Khuyến học tỉnh`, `Hội LHPN huyện`, `Huyện hội`; không ghi thì nhắc lại bằng tên đầy đủ. Chỉ dùng trong tin bài, không in ở báo cáo."""  # noqa: E501
    viet_tat: str = ""
    """Chữ viết tắt giới thiệu trong ngoặc ở lần nhắc đầu tiên, sau tên loại hội: `LHPN` in `Hội Liên hiệp Phụ nữ (LHPN) huyện Đông Sơn`."""  # noqa: E501
    sau_ten: str = ""
    """Phần ghi thêm liền sau tên hội ở lần nhắc đầu tiên: `(tỉnh An Giang)` hoặc `, tỉnh Tiền Giang`."""

    @field_validator("cach_viet_ngay")
    @classmethod
    def _lead_form(cls, value: str) -> str:
        if dates.LEAD_FORM.fullmatch(value) is None:
            raise ValueError(
                _(
                    '"{value}" không phải cách viết ngày — hãy viết bằng `dd`, `d`, `mm`, `m`, `yyyy` '
                    "và một dấu `/`, `-` hoặc `.`, ví dụ {examples}"
                ).format(value=value, examples=", ".join(f"`{form}`" for form in dates.LEAD_FORMS))
            )
        return value


# --- awards --------------------------------------------------------------------------------------------


class KieuKhen(StrEnum):
    """Khen thưởng nhận được, hội tặng, hay hội đề nghị cấp trên tặng."""

    NHAN = "nhan"
    TANG = "tang"
    DE_NGHI = "de_nghi"


class Cap(StrEnum):
    """Cấp của nơi tặng khen thưởng."""

    TRUNG_UONG = "trung_uong"
    TINH = "tinh"
    HUYEN = "huyen"
    XA = "xa"


class KhenThuong(common.KhenThuong):
    """Một khen thưởng: nhận được (mặc định), hội tặng, hoặc hội đề nghị cấp trên tặng. Các khen thưởng của cùng một nơi tặng được viết chung một câu; nơi tặng xếp theo cấp, từ Trung ương xuống."""  # noqa: E501

    kieu: KieuKhen = KieuKhen.NHAN
    """`nhan` (hội hay người của hội được tặng, mặc định), `tang` (hội tặng, ví dụ giấy khen cho các chi hội) hoặc `de_nghi` (hội đề nghị cấp trên tặng)."""  # noqa: E501
    don_vi_nhan: str = ""
    """Đơn vị hoặc người được khen: `Hội Khuyến học huyện Bạch Thông`; với `nhan`, không ghi thì là chính hội."""  # noqa: E501
    noi_tang: str = ""
    """Nơi tặng: `Trung ương Hội Khuyến học Việt Nam`; với `tang`, không ghi thì là chính hội (trong tin bài gọi bằng `bai_viet.ten_nhac_lai`)."""  # noqa: E501
    so_luong: dict[str, FigureValue] = {}
    """Số tập thể, cá nhân được khen, mỗi loại một dòng `tên: số`, in đúng như gõ và theo thứ tự đã ghi: `cá nhân: 12` và `tập thể: 24` in `cho 12 cá nhân và 24 tập thể`."""  # noqa: E501
    dong_tu: str = "tặng"
    """Động từ: `tặng` (mặc định), `xét tặng`, `khen thưởng`."""
    cap: Cap | None = None
    """Cấp của nơi tặng, để xếp thứ tự: `trung_uong`, `tinh`, `huyen` hoặc `xa`; không ghi thì reportgen đoán theo tên nơi tặng (`Trung ương…`, `… tỉnh`, `Huyện hội`)."""  # noqa: E501

    @field_validator("so_luong", mode="before")
    @classmethod
    def _counts(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {
            label: typed.read(count, Loai.SO_LUONG) if isinstance(count, str) else count
            for label, count in value.items()
        }

    @model_validator(mode="after")
    def _said_in_full(self) -> KhenThuong:
        if self.kieu is not KieuKhen.TANG and not self.noi_tang:
            raise ValueError(
                _("thiếu `noi_tang`: hãy ghi nơi tặng, ví dụ `Trung ương Hội Khuyến học Việt Nam`")
            )
        if self.kieu is not KieuKhen.NHAN and not (self.don_vi_nhan or self.so_luong):
            raise ValueError(
                _("thiếu người được khen: hãy ghi `don_vi_nhan`, hoặc `so_luong` (ví dụ `tập thể: 24`)")
            )
        return self


class LietKe(StrEnum):
    """Khen thưởng của một nơi tặng viết thành danh sách gạch đầu dòng ở đâu."""

    KHONG = "khong"
    BAO_CAO = "bao_cao"
    BAI_VIET = "bai_viet"
    CA_HAI = "ca_hai"


# --- the report's parts: preamble, headings, numbered points -------------------------------------------


class TieuDeMuc(_Model):
    """Tên các phần của báo cáo, khi khác tên mặc định; các phần lớn in chữ in hoa, đánh số I, II, III."""

    ket_qua: str = ""
    """Tên phần I: mặc định `KẾT QUẢ CÔNG TÁC NĂM 2023` (theo kỳ báo cáo); ví dụ `KẾT QUẢ HOẠT ĐỘNG`."""
    danh_gia: str = ""
    """Tên mục của các đoạn `ket_qua` sau các bảng số liệu: mặc định `Đánh giá chung`."""
    khen_thuong: str = ""
    """Tên mục khen thưởng: mặc định `Công tác thi đua, khen thưởng`."""
    han_che: str = ""
    """Tên phần II: mặc định `TỒN TẠI, HẠN CHẾ`; ví dụ `ĐÁNH GIÁ CHUNG`."""
    phuong_huong: str = ""
    """Tên phần phương hướng: mặc định `PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024` (theo kỳ báo cáo)."""


# In the JSON Schema, a list that may also be given as one text (split into paragraphs).
class _OneOrList:
    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"anyOf": [{"type": "string"}, handler(schema)]}


TAGS = ("[đoạn]", "[muc]", "[diem]", "[y]")
"""The names pydantic gives the kinds of an item of a text in its error locations (dropped in messages)."""


def _kind(value: Any) -> str | None:
    """Which kind of item of a text ``value`` is: a paragraph, a point, a sub-point, or dashed items."""
    if isinstance(value, str):
        return TAGS[0]
    if isinstance(value, CacY):
        return TAGS[3]
    if isinstance(value, Diem):
        return TAGS[2]
    if isinstance(value, Muc):
        return TAGS[1]
    if isinstance(value, dict):
        for name, tag in (("muc", TAGS[1]), ("diem", TAGS[2]), ("y", TAGS[3])):
            if name in value:
                return tag
    return None


class CacY(_Model):
    """Các ý gạch đầu dòng: mỗi ý một dòng, in `- ` ở đầu trong báo cáo, thành danh sách trong tin bài."""

    y: list[str] = Field(min_length=1)
    """Các ý, mỗi ý một mục bắt đầu bằng `- `; `{khoá}` in chỉ tiêu."""


class Diem(_Model):
    """Một điểm trong một mục: đánh `a)`, `b)`, `c)`… trong báo cáo."""

    diem: str
    """Tên điểm: `Phát triển hội viên`."""
    noi_dung: Annotated[
        list[
            Annotated[
                Annotated[str, Tag(TAGS[0])] | Annotated[CacY, Tag(TAGS[3])],
                Discriminator(_kind),
            ]
        ],
        BeforeValidator(_paragraphs),
        _OneOrList(),
    ] = []
    """Các đoạn văn và các ý gạch đầu dòng (`y:`) của điểm."""


class Muc(_Model):
    """Một mục đánh số `1.`, `2.`… trong một phần của báo cáo, có thể có các điểm `a)`, `b)` và các ý gạch đầu dòng."""  # noqa: E501

    muc: str
    """Tên mục: `Công tác tuyên truyền`."""
    noi_dung: Annotated[
        list[
            Annotated[
                Annotated[str, Tag(TAGS[0])] | Annotated[Diem, Tag(TAGS[2])] | Annotated[CacY, Tag(TAGS[3])],
                Discriminator(_kind),
            ]
        ],
        BeforeValidator(_paragraphs),
        _OneOrList(),
    ] = []
    """Các đoạn văn, các điểm (`diem:`) và các ý gạch đầu dòng (`y:`) của mục."""
    bang: list[Key] = []
    """Khoá của các nhóm chỉ tiêu có bảng số liệu in trong mục này (trong báo cáo): `to_chuc_hoi`."""


Item = Annotated[
    Annotated[str, Tag(TAGS[0])] | Annotated[Muc, Tag(TAGS[1])] | Annotated[CacY, Tag(TAGS[3])],
    Discriminator(_kind),
]
"""One item of a part of a report: a paragraph, a numbered point, or dashed items."""

Contents = Annotated[list[Item], BeforeValidator(_paragraphs), _OneOrList()]
"""A part of a report: one text, or a list of paragraphs, points (`muc:`) and dashed items (`y:`)."""


def texts(items: list[Any]) -> list[str]:
    """Every text of ``items`` in reading order: paragraphs, the points' titles, the dashed items.

    >>> texts(["A", Muc(muc="B", noi_dung=["C", Diem(diem="D", noi_dung=[CacY(y=["E", "F"])])])])
    ['A', 'B', 'C', 'D', 'E', 'F']
    """
    found: list[str] = []
    for item in items:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, CacY):
            found += item.y
        else:
            found.append(item.muc if isinstance(item, Muc) else item.diem)
            found += texts(list(item.noi_dung))
    return found


# --- reading what was typed, for messages ---------------------------------------------------------

Address = tuple[str | int, ...]
"""Where a value stands in the file: ``("ket_qua", 1, "noi_dung", 0)``."""


def raw_texts(raw: Any, address: Address) -> Iterator[tuple[Address, str]]:
    """Every text of a part as typed, with its address: paragraphs, points' titles, dashed items.

    Read from the raw document, not the paragraphs split from it, to point at the right line.
    """
    if isinstance(raw, str):
        yield address, raw
        return
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        here: Address = (*address, index)
        if isinstance(item, str):
            yield here, item
            continue
        item = item if isinstance(item, dict) else {}
        for title in ("muc", "diem"):
            if isinstance(item.get(title), str):
                yield (*here, title), item[title]
        yield from raw_texts(item.get("noi_dung"), (*here, "noi_dung"))
        yield from raw_texts(item.get("y"), (*here, "y"))


def item_hint(address: Address) -> str:
    """What an item of a text may be where ``address`` points: in a part, a point, or a sub-point."""
    depth = address.count("noi_dung")
    if depth == 0:
        return _("cần một đoạn văn, một mục đánh số (`muc:` rồi `noi_dung:`) hoặc các ý gạch đầu dòng (`y:`)")
    if depth == 1:
        return _("cần một đoạn văn, một điểm (`diem:` rồi `noi_dung:`) hoặc các ý gạch đầu dòng (`y:`)")
    return _("cần một đoạn văn hoặc các ý gạch đầu dòng (`y:`)")
