"""The input format, version 2: the current model of a unit's year-end file.

Version 2 keeps every field of version 1 and adds, each optional: how a figure prints
(``hien_thi``, for the whole file and for one indicator), a figure's parts (``trong_do``), a
share typed as it is to be printed (``ty_le``), an attainment typed without its target
(``dat_ke_hoach``) and next year's targets (``chi_tieu_nam_sau``); and what a document says
besides its figures (:mod:`~reportgen.schema.noi_dung`): the period it covers, a conference
that may be left out, the article's dates and names, awards received, given and proposed, the
report's preamble, headings and numbered points.
Its figures are read with version 2's rules (:mod:`reportgen.vi.typed`): approximate figures,
several units, the ``tr`` shorthand, counts in millions. A later version may add fields the
same way, optional and with defaults that print what this one prints.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, WithJsonSchema, field_validator

from reportgen.i18n import _
from reportgen.schema.common import (
    Anh,
    BaoCao,
    FigureValue,
    Integer,
    Key,
    Loai,
    Paragraphs,
    ToChuc,
    _Model,
    _text_to,
    figure_from,
)
from reportgen.schema.noi_dung import (
    BaiViet,
    Contents,
    HoiNghi,
    KhenThuong,
    KyBaoCao,
    LietKe,
    TieuDeMuc,
    Year,
)
from reportgen.schema.the_thuc import TheThuc
from reportgen.vi import parsing, typed

VERSION = 2

PLACEHOLDER_FORMS = ("", "so", "so_sanh", "chi_so_sanh", "trong_do")
"""The forms of a ``{key}`` reference: the indicator in its sentence form, its figure alone, with its
comparisons, its comparisons alone, with its parts."""

_YES = {"có", "co", "true", "yes", "1"}
_NO = {"không", "khong", "false", "no", "0"}


def _yes_or_no(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    said = parsing.clean(value).lower()
    if said in _YES | _NO:
        return said in _YES
    raise ValueError(_('"{value}" không hợp lệ — hãy viết `có` hoặc `không`').format(value=value))


YesNo = Annotated[bool, BeforeValidator(_yes_or_no), WithJsonSchema({"enum": ["có", "không", True, False]})]
Places = Annotated[int, _text_to(parsing.parse_integer), Field(ge=0, le=6)]


class TinhBang(StrEnum):
    """Đơn vị in số tiền và số đếm."""

    NHU_GO = "nhu_go"
    GON = "gon"
    DAY_DU = "day_du"
    NGHIN = "nghin"
    NGAN = "ngan"
    TRIEU = "trieu"
    TY = "ty"


class ThuTu(StrEnum):
    """Thứ tự của con số và nhãn trong câu."""

    SO_TRUOC = "so_truoc"
    NHAN_TRUOC = "nhan_truoc"


class CachSoNamTruoc(StrEnum):
    """Cách viết so sánh với năm trước."""

    TANG = "tang"
    NGOAC = "ngoac"
    BANG = "bang"
    TU_DEN = "tu_den"


class CachSoKeHoach(StrEnum):
    """Cách viết so sánh với kế hoạch."""

    VUOT = "vuot"
    DAT = "dat"
    VUOT_CHI_TIEU = "vuot_chi_tieu"
    PHAN_SO = "phan_so"


class CachSoTong(StrEnum):
    """Cách viết số liệu so với tổng số."""

    PHAN_SO = "phan_so"
    CHIEM = "chiem"
    PHAN_SO_CHIEM = "phan_so_chiem"
    PHAN_SO_DAT = "phan_so_dat"


class HienThi(_Model):
    """Cách in số liệu. Ghi ở đầu tệp thì dùng cho cả tệp; ghi trong một chỉ tiêu thì chỉ cho chỉ tiêu đó. Không ghi thì số liệu in đúng như đã gõ."""  # noqa: E501

    tinh_bang: TinhBang | None = None
    """Đơn vị in số tiền và số đếm: `nhu_go` (như đã gõ, mặc định), `gon` (gọn như báo chí: triệu từ một triệu, tỷ từ một tỷ, ví dụ `16,6 triệu đồng`), `day_du` (đủ chữ số: `16.610.000 đồng`), `nghin`, `ngan`, `trieu` hoặc `ty`."""  # noqa: E501
    so_le: Places | None = None
    """Số chữ số thập phân khi đổi đơn vị, làm tròn nửa lên: `1` in `16.610.000 đồng` thành `16,6 triệu đồng`; không ghi thì giữ đủ."""  # noqa: E501
    so_le_ty_le: Places | None = None
    """Số chữ số thập phân của tỷ lệ phần trăm reportgen tính (so với năm trước, kế hoạch, tổng số), làm tròn nửa lên; mặc định `1`."""  # noqa: E501
    so_0_truoc: YesNo | None = None
    """`có` để viết số đếm dưới mười với số 0 đứng trước (`08 căn nhà`), cả số reportgen tính; số đã gõ `08` thì luôn giữ nguyên."""  # noqa: E501
    thu_tu: ThuTu | None = None
    """Thứ tự trong câu: `so_truoc` (`63.979 hộ gia đình …`, mặc định của số đếm) hoặc `nhan_truoc` (`tổng số tiền 319,7 triệu đồng`, mặc định của tiền và tỷ lệ)."""  # noqa: E501
    so_voi_nam_truoc: CachSoNamTruoc | None = None
    """So với năm trước (hay kỳ so sánh): `tang` (`tăng 540 chi hội (28,9%) so với năm 2022`, mặc định), `ngoac` (`(tăng 540 chi hội so với năm 2022)`), `bang` (`bằng 98,2% so với cùng kỳ`) hoặc `tu_den` (`giảm từ 5% (năm 2016) xuống còn 3,04% (năm 2020)`)."""  # noqa: E501
    so_voi_ke_hoach: CachSoKeHoach | None = None
    """So với kế hoạch: `vuot` (`vượt 16% kế hoạch`, chưa đạt thì `đạt 96% kế hoạch`; mặc định), `dat` (`đạt 116% kế hoạch`), `vuot_chi_tieu` (`vượt chỉ tiêu giao`) hoặc `phan_so` (`71/70 chi hội, đạt 101,4% chỉ tiêu`)."""  # noqa: E501
    so_voi_tong: CachSoTong | None = None
    """Số liệu so với tổng số `tong`: `phan_so` (`226.259/254.657 gia đình`, mặc định), `chiem` (`…, chiếm 88,8%`), `phan_so_chiem` (`226.259/254.657 …, chiếm 88,8%`) hoặc `phan_so_dat` (`226.259/254.657 …, đạt 88,8%`)."""  # noqa: E501
    ty_le_trong_do: YesNo | None = None
    """`có` để in tỷ lệ của từng phần `trong_do` so với tổng: `cấp xã 538 hộ (97,1%)`."""


class MucDat(StrEnum):
    """Mức đạt kế hoạch nói bằng lời, khi không có con số."""

    VUOT = "vượt"
    DAT = "đạt"
    CHUA_DAT = "chưa đạt"


def _attainment(value: Any) -> Any:
    """Read a typed attainment: the words for it, or a percentage."""
    if not isinstance(value, str):
        return value
    said = parsing.clean(value).lower()
    for words in MucDat:
        if said == words.value or said in (f"{words.value} kế hoạch", f"{words.value} chỉ tiêu"):
            return words
    if said in ("không đạt", "khong dat"):
        return MucDat.CHUA_DAT
    try:
        return typed.read(value, Loai.TY_LE)
    except parsing.ParseError:
        meant = {"vuot": MucDat.VUOT, "dat": MucDat.DAT, "chua dat": MucDat.CHUA_DAT}.get(said)
        hint = _('có phải ý bạn là "{meant}"? ').format(meant=meant.value) if meant else ""
        raise ValueError(
            _(
                '"{value}" không phải mức đạt kế hoạch — {hint}hãy viết một tỷ lệ, ví dụ `421%`, '
                "hoặc `vượt`, `đạt`, `chưa đạt`"
            ).format(value=parsing.clean(value), hint=hint)
        ) from None


class ChiTieu(_Model):
    """Một chỉ tiêu: con số gõ một lần, in ra đúng như đã gõ ở mọi chỗ nhắc đến nó."""

    nhan: str
    """Nhãn đọc cùng con số trong câu: `hộ gia đình đạt danh hiệu Gia đình học tập`."""
    ten: str = ""
    """Tên dòng trong bảng của báo cáo; không ghi thì lấy nhãn, viết hoa chữ đầu."""
    loai: Loai = Loai.SO_LUONG
    """Loại số liệu: `so_luong` (số đếm, mặc định), `tien` (tiền, đồng) hoặc `ty_le` (phần trăm)."""
    don_vi: str = ""
    """Đơn vị tính trong bảng của báo cáo: `hộ`, `suất`, `người`; tiền tính bằng đồng, tỷ lệ bằng %."""
    gia_tri: FigureValue
    """Số liệu năm nay, in đúng như gõ: `63.979`, `08`; tiền `319,7 triệu`, `1250tr`, `1 tỷ 850 triệu`, `16.610.000 đồng`; tỷ lệ `85,2` hoặc `0,96%`. Số gần đúng viết kèm chữ đứng trước: `hơn 196.000`, `trên 2 triệu`, `gần 1.200`, `khoảng 40`, `gần như 100%`."""  # noqa: E501
    nam_truoc: FigureValue | None = None
    """Số liệu năm trước, nếu có: để so sánh tăng, giảm."""
    ke_hoach: FigureValue | None = None
    """Kế hoạch (chỉ tiêu) năm nay, nếu có: để tính mức đạt kế hoạch."""
    tong: FigureValue | None = None
    """Tổng số mà số liệu là một phần: `254.657` trong `226.259/254.657 gia đình`; cách viết chọn ở `hien_thi.so_voi_tong`."""  # noqa: E501
    ty_le: FigureValue | None = None
    """Tỷ lệ so với tổng số đã có sẵn, in đúng như gõ (`0,96%`, `81,77%`) thay cho tỷ lệ reportgen tính."""
    dat_ke_hoach: Annotated[
        FigureValue | MucDat | None,
        BeforeValidator(_attainment),
        WithJsonSchema({"type": ["number", "string"], "examples": ["421%", "vượt", "đạt", "chưa đạt"]}),
    ] = None
    """Mức đạt kế hoạch đã có sẵn, khi không ghi con số kế hoạch (hay thay cho mức reportgen tính): `421%` in `đạt 421% kế hoạch`; hoặc bằng lời: `vượt` (`vượt kế hoạch`, `vượt chỉ tiêu giao`), `đạt`, `chưa đạt`."""  # noqa: E501
    so_voi_nam: Year | None = None
    """Năm của số liệu `nam_truoc`, khi khác năm so sánh của cả báo cáo (`ky_bao_cao.so_voi_nam`): `2019` in `so với năm 2019`."""  # noqa: E501
    trong_do: dict[str, FigureValue] = {}
    """Các phần của số liệu, mỗi phần một dòng `tên phần: số`, ví dụ `cấp tỉnh: 3`: thành các dòng "Trong đó" dưới chỉ tiêu trong bảng, và `{khoá:trong_do}` in `…, trong đó: cấp tỉnh 3 hộ, …` trong câu."""  # noqa: E501
    hien_thi: HienThi = HienThi()
    """Cách in riêng của chỉ tiêu này (xem `hien_thi` ở đầu tệp)."""

    @field_validator("gia_tri", "nam_truoc", "ke_hoach", mode="before")
    @classmethod
    def _parse_by_kind(cls, value: Any, info: ValidationInfo) -> Any:
        return figure_from(typed.read, value, info)

    @field_validator("tong", mode="before")
    @classmethod
    def _parse_total(cls, value: Any, info: ValidationInfo) -> Any:
        _refuse_for_a_percentage(info, "tong")
        return figure_from(typed.read, value, info)

    @field_validator("ty_le", mode="before")
    @classmethod
    def _parse_share(cls, value: Any, info: ValidationInfo) -> Any:
        _refuse_for_a_percentage(info, "ty_le")
        return typed.read(value, Loai.TY_LE) if isinstance(value, str) else value

    @field_validator("trong_do", mode="before")
    @classmethod
    def _parse_parts(cls, value: Any, info: ValidationInfo) -> Any:
        if value:
            _refuse_for_a_percentage(info, "trong_do")
        if not isinstance(value, dict):
            return value
        return {label: figure_from(typed.read, part, info) for label, part in value.items()}

    @property
    def ten_bang(self) -> str:
        """The name printed in a table row."""
        return self.ten or self.nhan[:1].upper() + self.nhan[1:]


def _refuse_for_a_percentage(info: ValidationInfo, name: str) -> None:
    if info.data.get("loai") is Loai.TY_LE:
        raise ValueError(
            _(
                "chỉ tiêu tỷ lệ (`loai: ty_le`) không có `{name}` — tỷ lệ không phải một phần của tổng; "
                "hãy xoá dòng này, hoặc ghi số đếm với `tong` để reportgen tính tỷ lệ"
            ).format(name=name)
        )


class NhomChiTieu(_Model):
    """Một nhóm chỉ tiêu có tên: thành một bảng trong báo cáo."""

    ten: str
    """Tên nhóm: `Xây dựng các mô hình học tập`."""
    danh_sach: dict[Key, ChiTieu] = Field(min_length=1)
    """Các chỉ tiêu, mỗi chỉ tiêu dưới một khoá riêng (chữ thường không dấu, số và `_`)."""


class ChiTieuNamSau(_Model):
    """Một chỉ tiêu phấn đấu năm sau: in trong phần phương hướng của báo cáo, và trong tin bài."""

    dong_tu: str = ""
    """Chữ đứng trước con số: `phấn đấu`, `giảm`, `kết nạp mới`."""
    nhan: str
    """Nhãn đọc cùng con số: `hộ hội viên nghèo`."""
    loai: Loai = Loai.SO_LUONG
    """Loại số liệu: `so_luong` (mặc định), `tien` hoặc `ty_le`."""
    don_vi: str = ""
    """Đơn vị tính: `hộ`, `người`."""
    gia_tri: FigureValue
    """Con số phấn đấu, in đúng như gõ: `08`, `92%`, `150 triệu`."""
    hien_thi: HienThi = HienThi()
    """Cách in riêng của chỉ tiêu này (xem `hien_thi` ở đầu tệp)."""

    @field_validator("gia_tri", mode="before")
    @classmethod
    def _parse_by_kind(cls, value: Any, info: ValidationInfo) -> Any:
        return figure_from(typed.read, value, info)


class YearEnd(_Model):
    """Tệp số liệu tổng kết năm của một hội: mọi thứ để làm tin bài và báo cáo."""

    phien_ban: Integer = VERSION
    """Phiên bản mẫu tệp: `2` (tệp phiên bản `1` vẫn đọc được như cũ)."""
    to_chuc: ToChuc
    """Hội tổ chức hội nghị và ban hành báo cáo."""
    nam: Integer = Field(ge=1945, le=2100)
    """Năm tổng kết: `2020`; với nhiệm kỳ hay nhiều năm, năm của số liệu."""
    ky_bao_cao: KyBaoCao = KyBaoCao()
    """Kỳ báo cáo, khi không phải một năm: 6 tháng đầu năm, năm kèm giữa nhiệm kỳ, nhiệm kỳ, nhiều năm."""
    hoi_nghi: HoiNghi | None = None
    """Hội nghị tổng kết; không có hội nghị thì bỏ phần này (khi đó ghi `bai_viet.ngay`)."""
    hien_thi: HienThi = HienThi()
    """Cách in số liệu cho cả tệp; không ghi thì mọi số in đúng như đã gõ."""
    chi_tieu: dict[Key, NhomChiTieu] = {}
    """Các nhóm chỉ tiêu, mỗi nhóm dưới một khoá riêng (chữ thường không dấu, số và `_`)."""
    chi_tieu_nam_sau: dict[Key, ChiTieuNamSau] = {}
    """Các chỉ tiêu phấn đấu năm sau, mỗi chỉ tiêu dưới một khoá riêng; `{khoá}` in nó trong đoạn văn."""
    loi_mo_dau: Paragraphs = []
    """Lời mở đầu của báo cáo, trước phần I: `Thực hiện Kế hoạch số 12/KH-HKH …, Hội Khuyến học huyện báo cáo kết quả như sau:`; không in trong tin bài."""  # noqa: E501
    ket_qua: Contents = []
    """Kết quả trong năm, mỗi đoạn văn một mục; `{so_hoi}` in chỉ tiêu (hay nhóm) có khoá `so_hoi`. Một mục cũng có thể là một mục đánh số (`muc:`, với `noi_dung:`, các điểm `diem:` và `bang:`) hoặc các ý gạch đầu dòng (`y:`)."""  # noqa: E501
    han_che: Contents = []
    """Hạn chế, mỗi đoạn văn một mục (hay các mục `muc:`, các ý `y:` như ở `ket_qua`)."""
    phuong_huong: Contents = []
    """Phương hướng, nhiệm vụ năm sau (hay kỳ sau), mỗi đoạn văn một mục (hay các mục `muc:`, các ý `y:` như ở `ket_qua`)."""  # noqa: E501
    tieu_de_muc: TieuDeMuc = TieuDeMuc()
    """Tên các phần của báo cáo, khi khác tên mặc định."""
    khen_thuong: list[KhenThuong] = []
    """Khen thưởng nhận được, hội tặng, hay hội đề nghị tặng."""
    liet_ke_khen_thuong: LietKe = LietKe.KHONG
    """Khen thưởng của một nơi tặng viết thành danh sách gạch đầu dòng (khi có từ hai khen thưởng): `khong` (viết thành câu, mặc định), `bao_cao` (trong báo cáo), `bai_viet` (trong tin bài) hoặc `ca_hai`."""  # noqa: E501
    anh: list[Anh] = []
    """Ảnh cho tin bài."""
    bai_viet: BaiViet = BaiViet()
    """Tin bài: tác giả, tiêu đề và ngày đăng."""
    bao_cao: BaoCao
    """Báo cáo tổng kết: số, ký hiệu, người ký và nơi nhận."""
    the_thuc: TheThuc = TheThuc()
    """Thể thức văn bản của báo cáo (Nghị định 30, Đoàn, Đảng, Hội Nông dân) và những dòng đầu báo cáo in khác đi."""  # noqa: E501
    don_vi_truc_thuoc: list[str] = []
    """Các đơn vị trực thuộc cộng số liệu vào hội này: tệp `.yaml` hoặc thư mục, tính từ thư mục của tệp này: `huyen/`."""  # noqa: E501

    @field_validator("phien_ban")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != VERSION:
            raise ValueError(
                _("reportgen này đọc mẫu phiên bản 1 và {version} — hãy viết `{version}`").format(
                    version=VERSION
                )
            )
        return value
