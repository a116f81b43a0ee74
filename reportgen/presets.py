"""Stage 3, the report's header: what each set of document rules prints, and one report's header lines.

A report's header, its signer's authority and its last recipients' line differ from one set
of rules to another (``docs/presets.md`` lists them and their sources):

- Decree 30/2020/NĐ-CP: the national name and motto on the right, the issuer with a short rule
  under it, ``Số: 05/BC-HKH``, ``TM.``, ``Lưu: VT.``;
- the Youth Union: ``ĐOÀN TNCS HỒ CHÍ MINH`` on the right, ``***`` under the issuer,
  ``Số 01-BC/TĐTN``;
- the Party: ``ĐẢNG CỘNG SẢN VIỆT NAM`` on the right, ``*``, ``Số 12-BC/TU``, ``T/M``, ``K/T``;
- the Farmers' Association: ``HỘI NÔNG DÂN VIỆT NAM`` above the issuer, ``*``, ``Số 05-BC/HND``,
  nothing on the right but the place and date.

:func:`header` applies a file's choice (``the_thuc``), line by line, to the set it names, and
gives the template the lines to print; :func:`check` says when the document symbol does not fit
the number line it goes into.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportgen.errors import Problem
from reportgen.i18n import _
from reportgen.loading import Document
from reportgen.schema import MauTheThuc, PhanCach, YearEnd
from reportgen.vi import organisations
from reportgen.vi.dates import BLANK


@dataclass(frozen=True)
class Preset:
    """What one set of document rules prints, line by line (the fields of ``the_thuc``)."""

    tieu_de: str
    tieu_ngu: str
    phan_cach: PhanCach
    so_ky_hieu: str
    thay_mat: str
    ky_thay: str
    luu: str
    tieu_de_trai: str = ""
    """A title that stands first in the left block, above the issuer (the Farmers' Association's)."""
    dia_danh_ngay: str = "{dia_danh}, ngày {ngay} tháng {thang} năm {nam}"


PRESETS: dict[MauTheThuc, Preset] = {
    MauTheThuc.NGHI_DINH_30: Preset(
        tieu_de="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        tieu_ngu="Độc lập - Tự do - Hạnh phúc",
        phan_cach=PhanCach.GACH,
        so_ky_hieu="Số: {so}/{ky_hieu}",
        thay_mat="TM.",
        ky_thay="KT.",
        luu="Lưu: VT.",
    ),
    MauTheThuc.DOAN: Preset(
        tieu_de="ĐOÀN TNCS HỒ CHÍ MINH",
        tieu_ngu="",
        phan_cach=PhanCach.BA_SAO,
        so_ky_hieu="Số {so}-{ky_hieu}",
        thay_mat="TM.",
        ky_thay="KT.",
        luu="Lưu VP.",
    ),
    MauTheThuc.DANG: Preset(
        tieu_de="ĐẢNG CỘNG SẢN VIỆT NAM",
        tieu_ngu="",
        phan_cach=PhanCach.MOT_SAO,
        so_ky_hieu="Số {so}-{ky_hieu}",
        thay_mat="T/M",
        ky_thay="K/T",
        luu="Lưu Văn phòng.",
    ),
    MauTheThuc.HOI_NONG_DAN: Preset(
        tieu_de="",
        tieu_ngu="",
        tieu_de_trai="HỘI NÔNG DÂN VIỆT NAM",
        phan_cach=PhanCach.MOT_SAO,
        so_ky_hieu="Số {so}-{ky_hieu}",
        thay_mat="TM.",
        ky_thay="KT.",
        luu="Lưu VP.",
    ),
}
"""Every set of document rules reportgen knows."""

SEPARATORS = {PhanCach.GACH: "gach", PhanCach.BA_SAO: "***", PhanCach.MOT_SAO: "*", PhanCach.KHONG: ""}
"""What the template prints under the issuer: a short rule (``gach``), stars, or nothing."""

# "Thay mặt" and "ký thay" as secretaries type them, whatever the rules they follow.
_ON_BEHALF = re.compile(r"^(?:TM\.?|T\.M\.?|T/M)\s+", re.IGNORECASE)
_DEPUTY = re.compile(r"^(?:KT\.?|K\.T\.?|K/T)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Header:
    """A report's header and signature lines as they print (the template's ``the_thuc``)."""

    mau: MauTheThuc
    tieu_de_trai: str
    """A title above the issuer in the left block, or ``""``."""
    cap_tren: str
    """The parent body, or ``""``."""
    co_quan: str
    """The issuing body."""
    phan_cach: str
    """Under the issuer: ``gach`` (a short rule), ``***``, ``*`` or ``""``."""
    tieu_de: str
    tieu_ngu: str
    so_ky_hieu: str
    """The number line: ``Số: 05/BC-HKH``, ``Số 01-BC/TĐTN``."""
    so_hieu: str
    """The number and symbol alone, as a reference to the report writes them: ``05/BC-HKH``."""
    dia_danh_ngay: str
    quyen_han: str
    """The signer's authority in capitals, its "thay mặt"/"ký thay" as the rules write it."""
    luu: str


def rules_of(data: YearEnd) -> MauTheThuc:
    """The set of rules a file's report follows: its own choice, else its kind's when it is the Youth Union's.

    A file that says nothing prints Decree 30's header, as every file did before there was a
    choice, unless it is the Youth Union's, whose header never is Decree 30's.
    """
    if data.the_thuc.mau is not None:
        return data.the_thuc.mau
    kind = organisations.kind_of(data.to_chuc.ten)
    return MauTheThuc.DOAN if kind is not None and kind.rules == "doan" else MauTheThuc.NGHI_DINH_30


def header(data: YearEnd, day: datetime.date | None) -> Header:
    """The header of ``data``'s report, dated ``day``: its rules' lines, or the file's own where given.

    A report not dated yet (``day`` None) leaves the day, month and year blank, to be written in.

    >>> from reportgen.schema import BaoCao, NguoiKy, TheThuc, ToChuc
    >>> data = YearEnd.model_construct(
    ...     to_chuc=ToChuc(ten="Tỉnh đoàn Kon Tum", ten_viet_tat="TĐTN", dia_danh="Kon Tum"),
    ...     bao_cao=BaoCao(so="1", ky_hieu="BC/TĐTN", nguoi_ky=NguoiKy(
    ...         quyen_han="TM. Ban Thường vụ", chuc_vu="BÍ THƯ", ho_ten="A")),
    ...     the_thuc=TheThuc(co_quan="BCH tỉnh Kon Tum"))
    >>> lines = header(data, datetime.date(2025, 1, 8))
    >>> lines.co_quan, lines.phan_cach, lines.tieu_de, lines.so_ky_hieu
    ('BCH tỉnh Kon Tum', '***', 'ĐOÀN TNCS HỒ CHÍ MINH', 'Số 01-BC/TĐTN')
    >>> lines.dia_danh_ngay
    'Kon Tum, ngày 08 tháng 01 năm 2025'
    """
    rules = rules_of(data)
    preset = PRESETS[rules]
    own = data.the_thuc

    def line(name: str) -> str:
        given = getattr(own, name)
        return str(given if given is not None else getattr(preset, name))

    number_form = line("so_ky_hieu")
    number = number_form.format(so=f"{data.bao_cao.so:02d}", ky_hieu=data.bao_cao.ky_hieu)
    if day is None:  # not dated yet: the day, month and year are left for the signer to write in
        date = {"ngay": BLANK, "thang": BLANK, "nam": BLANK}
    else:
        month = f"{day.month:02d}" if day.month <= 2 else str(day.month)  # Decree 30: 01 and 02 only
        date = {"ngay": f"{day.day:02d}", "thang": month, "nam": f"{day.year:04d}"}
    place_date = line("dia_danh_ngay").format(dia_danh=data.to_chuc.dia_danh, **date)
    separator = own.phan_cach if own.phan_cach is not None else preset.phan_cach
    return Header(
        mau=rules,
        tieu_de_trai=preset.tieu_de_trai,
        cap_tren=own.cap_tren if own.cap_tren is not None else data.to_chuc.co_quan_cap_tren,
        co_quan=own.co_quan or data.to_chuc.ten,
        phan_cach=SEPARATORS[separator],
        tieu_de=line("tieu_de"),
        tieu_ngu=line("tieu_ngu"),
        so_ky_hieu=number,
        so_hieu=re.sub(r"^Số:?\s*", "", number),
        dia_danh_ngay=place_date,
        quyen_han=authority(data.bao_cao.nguoi_ky.quyen_han, line("thay_mat"), line("ky_thay")),
        luu=line("luu"),
    )


def authority(said: str, on_behalf: str, deputy: str) -> str:
    """The signer's authority in capitals, "thay mặt" and "ký thay" written the rules' way.

    >>> authority("TM. Ban Thường vụ", "T/M", "K/T"), authority("K/T bí thư", "TM.", "KT.")
    ('T/M BAN THƯỜNG VỤ', 'KT. BÍ THƯ')
    >>> authority("", "TM.", "KT.")
    ''
    """
    written = _ON_BEHALF.sub(on_behalf + " ", said, count=1)
    written = _DEPUTY.sub(deputy + " ", written, count=1)
    return written.upper()


def check(document: Document, data: YearEnd) -> Iterator[Problem]:
    """Say when the document symbol does not fit the number line of the report's rules.

    Decree 30 joins number and symbol with ``/`` (``05/BC-HKH``), so its symbol has none; the
    Youth Union and the Party join them with ``-`` (``01-BC/TĐTN``), and put the ``/`` between
    the kind of document and the issuer.
    """
    form = data.the_thuc.so_ky_hieu or PRESETS[rules_of(data)].so_ky_hieu
    joined = re.search(r"\{so\}(.*?)\{ky_hieu\}", form)
    symbol = data.bao_cao.ky_hieu
    if joined is None:
        return
    printed = form.format(so=f"{data.bao_cao.so:02d}", ky_hieu=symbol)
    if "/" in joined[1] and "/" in symbol:
        message = _(
            '"{symbol}" có dấu `/`, nên dòng số in thành "{printed}" — theo Nghị định 30 ký hiệu nối bằng '
            "`-`: hãy viết `{fixed}`; báo cáo của Đoàn hay theo thể thức của Đảng thì ghi thêm "
            "`the_thuc:` với `mau: doan` hoặc `mau: dang`"
        ).format(symbol=symbol, printed=printed, fixed=symbol.replace("/", "-"))
    elif "-" in joined[1] and "/" not in symbol:
        fixed = symbol.replace("-", "/", 1) if "-" in symbol else f"BC/{symbol}"
        message = _(
            '"{symbol}" thiếu dấu `/` giữa tên loại văn bản và tên cơ quan, nên dòng số in thành '
            '"{printed}" — theo thể thức này hãy viết `{fixed}`'
        ).format(symbol=symbol, printed=printed, fixed=fixed)
    else:
        return
    address = ("bao_cao", "ky_hieu")
    yield Problem(document.locate(address), message, "bao_cao.ky_hieu")
