"""The input format: the document rules (thể thức) a report's header follows, version 2.

Decree 30/2020/NĐ-CP lays out a state body's documents, and social associations apply it; the
Ho Chi Minh Communist Youth Union, the Party and the Farmers' Association each have rules of
their own (``docs/presets.md`` lists them with their sources). ``the_thuc.mau`` names the set
of rules; every other field replaces one line of the header that set would print, so a unit
whose practice differs in one line says that line and nothing else. What each set prints is
:mod:`reportgen.presets`; this module is only what a file may say.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import field_validator

from reportgen.i18n import _
from reportgen.schema.common import _Model

NUMBER_FIELDS = ("so", "ky_hieu")
"""The ``{…}`` a number line is written with: ``Số: {so}/{ky_hieu}``."""
DATE_FIELDS = ("dia_danh", "ngay", "thang", "nam")
"""The ``{…}`` a place-and-date line is written with: ``{dia_danh}, ngày {ngay} tháng {thang} năm {nam}``."""


class MauTheThuc(StrEnum):
    """Bộ quy định thể thức văn bản mà báo cáo theo."""

    NGHI_DINH_30 = "nghi_dinh_30"
    DOAN = "doan"
    DANG = "dang"
    HOI_NONG_DAN = "hoi_nong_dan"


class PhanCach(StrEnum):
    """Dấu dưới tên cơ quan ban hành."""

    GACH = "gach"
    BA_SAO = "ba_sao"
    MOT_SAO = "mot_sao"
    KHONG = "khong"


class TheThuc(_Model):
    """Thể thức văn bản của báo cáo: theo bộ quy định nào, và dòng nào ở đầu báo cáo in khác đi. Trường nào không ghi thì in như bộ quy định đã chọn."""  # noqa: E501

    mau: MauTheThuc | None = None
    """Bộ quy định: `nghi_dinh_30` (Nghị định 30/2020/NĐ-CP: Quốc hiệu, Tiêu ngữ, `Số: 05/BC-HKH`), `doan` (Đoàn TNCS Hồ Chí Minh: `ĐOÀN TNCS HỒ CHÍ MINH`, `***`, `Số 01-BC/TĐTN`), `dang` (văn bản của Đảng: `ĐẢNG CỘNG SẢN VIỆT NAM`, `*`, `Số 12-BC/TU`) hoặc `hoi_nong_dan` (Hội Nông dân: `HỘI NÔNG DÂN VIỆT NAM`, `*`, `Số 05-BC/HND`); không ghi thì `doan` với tên Đoàn (`Tỉnh đoàn …`, `Huyện đoàn …`, `Đoàn xã …`), `nghi_dinh_30` với mọi tên khác."""  # noqa: E501
    cap_tren: str | None = None
    """Dòng cơ quan cấp trên ở đầu báo cáo, thay cho `to_chuc.co_quan_cap_tren`: `Tỉnh đoàn Bắc Kạn`; ghi `""` để không in dòng này."""  # noqa: E501
    co_quan: str | None = None
    """Tên cơ quan ban hành như in ở đầu báo cáo, thay cho `to_chuc.ten`: `BCH tỉnh Kon Tum`; in bằng chữ in hoa."""  # noqa: E501
    tieu_de: str | None = None
    """Dòng đầu bên phải: `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `ĐOÀN TNCS HỒ CHÍ MINH`, `ĐẢNG CỘNG SẢN VIỆT NAM`; ghi `""` để không in."""  # noqa: E501
    tieu_ngu: str | None = None
    """Dòng thứ hai bên phải, có gạch dài bằng dòng chữ: `Độc lập - Tự do - Hạnh phúc`; ghi `""` để không in (khi đó gạch nằm dưới dòng đầu)."""  # noqa: E501
    phan_cach: PhanCach | None = None
    """Dấu dưới tên cơ quan ban hành: `gach` (gạch ngắn, Nghị định 30), `ba_sao` (`***`, Đoàn), `mot_sao` (`*`, Đảng, Hội Nông dân) hoặc `khong`."""  # noqa: E501
    so_ky_hieu: str | None = None
    """Cách viết dòng số, ký hiệu, với `{so}` và `{ky_hieu}`: `Số: {so}/{ky_hieu}` (Nghị định 30, in `Số: 05/BC-HKH`) hoặc `Số {so}-{ky_hieu}` (Đoàn, Đảng, in `Số 01-BC/TĐTN`); số dưới 10 có số 0 đứng trước."""  # noqa: E501
    dia_danh_ngay: str | None = None
    """Cách viết dòng địa danh, ngày tháng, với `{dia_danh}`, `{ngay}`, `{thang}`, `{nam}`: `{dia_danh}, ngày {ngay} tháng {thang} năm {nam}`."""  # noqa: E501
    thay_mat: str | None = None
    """Chữ "thay mặt" ở đầu thẩm quyền ký: `TM.` (Nghị định 30, Đoàn) hoặc `T/M` (Đảng); `TM. BAN THƯỜNG VỤ` đã gõ được in theo chữ này."""  # noqa: E501
    ky_thay: str | None = None
    """Chữ "ký thay" ở đầu thẩm quyền ký: `KT.` (Nghị định 30, Đoàn) hoặc `K/T` (Đảng)."""
    luu: str | None = None
    """Dòng cuối của nơi nhận: `Lưu: VT.` (Nghị định 30), `Lưu VP.`, `Lưu Văn phòng.`."""

    @field_validator("so_ky_hieu")
    @classmethod
    def _number_form(cls, value: str | None) -> str | None:
        return _form(value, NUMBER_FIELDS, NUMBER_FIELDS, "Số: {so}/{ky_hieu}")

    @field_validator("dia_danh_ngay")
    @classmethod
    def _date_form(cls, value: str | None) -> str | None:
        return _form(value, DATE_FIELDS, DATE_FIELDS[1:], "{dia_danh}, ngày {ngay} tháng {thang} năm {nam}")


def _form(value: str | None, allowed: tuple[str, ...], needed: tuple[str, ...], example: str) -> str | None:
    """Check a line written with ``{…}`` places: only ``allowed`` ones, every ``needed`` one."""
    if value is None:
        return value
    used = re.findall(r"\{([^{}]*)\}", value)
    unknown = [name for name in used if name not in allowed]
    missing = [name for name in needed if name not in used]
    stray = re.sub(r"\{[^{}]*\}", "", value)
    if unknown or missing or "{" in stray or "}" in stray:
        listed = ", ".join(f"`{{{name}}}`" for name in allowed)
        raise ValueError(
            _('"{value}" không viết được — dòng này dùng {places}, ví dụ `{example}`').format(
                value=value, places=listed, example=example
            )
        )
    return value
