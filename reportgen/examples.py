"""The example values of a new year-end file, in the words of the unit's kind of association.

``reportgen init --org "Tỉnh đoàn Kon Tum"`` writes đoàn viên, chi đoàn and cơ sở Đoàn, the place
``Kon Tum``, the symbol ``BC/TĐTN`` and the Youth Union's document rules; ``--org "Hội LHPN huyện
Đông Sơn"`` writes hội viên phụ nữ, ``HLHPN`` and the parent body ``Hội LHPN tỉnh Thanh Hóa``. What
each kind says is :data:`reportgen.vi.organisations.KINDS`; where the unit is comes from the list
of administrative units (:mod:`reportgen.vi.places`). A name reportgen cannot read still gives a
file that builds: a kind it does not know speaks of a "Hội", a place it does not find is the
name's last words, and no place at all is a ``…`` to fill in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportgen import presets, schema
from reportgen.schema import MauTheThuc
from reportgen.vi import names, organisations, places

DEFAULT_ORGANISATION = "Hội Khuyến học huyện Ba Bể"
_KNOWN_PARENTS = {DEFAULT_ORGANISATION: "Hội Khuyến học tỉnh Bắc Kạn"}
# An association reportgen does not know speaks of a "Hội", its members and branches.
_ANY_KIND = organisations.Kind(
    name="Hội",
    starts=(),
    national="",
    abbreviation="HOI",
    rules="nghi_dinh_30",
    work="công tác Hội",
    all_levels="các cấp Hội",
    member="hội viên",
    branch="chi hội",
    activity={
        "ten": "Quỹ Hội",
        "danh_sach": {
            "quy_hoi": {"nhan": "tổng Quỹ Hội đến cuối năm đạt", "ten": "Quỹ Hội", "loai": "tien",
                        "gia_tri": "150 triệu"},
        },
    },
    activity_sentence="Công tác xây dựng Quỹ Hội được quan tâm, {quy_hoi}.",
)  # fmt: skip


NOTHING = '""'
"""A value written as ``""``: a line that prints nothing, where leaving it out would print the default."""
# The Youth Union's units, as its signer's authority names them: "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN".
_UNION_UNITS = {"tỉnh": "TỈNH ĐOÀN", "thành phố": "THÀNH ĐOÀN", "huyện": "HUYỆN ĐOÀN", "quận": "QUẬN ĐOÀN",
                "thị xã": "THỊ ĐOÀN"}  # fmt: skip


@dataclass(frozen=True)
class Off:
    """An example value written commented out: an optional part, shown but not switched on."""

    value: Any


@dataclass(frozen=True)
class Brief:
    """An example part whose fields are explained elsewhere in the file: written without their comments."""

    value: Any


def example(organisation: str, year: int) -> dict[str, Any]:
    """The example values of a new file for ``organisation`` and ``year``, as they are typed."""
    reading = organisations.read(organisation, year)
    kind = reading.kind or _ANY_KIND
    level = reading.level
    above = names.level_above(level, year)
    # The parent body in full for the report's header (when the name tells it), and as the
    # press and the "Nơi nhận" list say it: "Hội Nông dân tỉnh", "Huyện đoàn".
    parent = _KNOWN_PARENTS.get(organisation) or organisations.parent(reading, year)
    if kind.rules == "doan":
        short_parent = {"huyện": "Huyện đoàn", "tỉnh": "Tỉnh đoàn", "thành phố": "Thành đoàn"}.get(above, "")
    else:
        short_parent = f"{reading.kind_as_written} {above}" if above else ""
    parent_short = parent or short_parent
    where = f"toàn {level}" if level else "toàn hội"
    abbreviation = organisations.abbreviation(reading)
    group_key, group_name = kind.group
    authority = kind.signer[0]
    if kind.rules == "doan" and level in _UNION_UNITS:
        authority = f"{authority} {_UNION_UNITS[level]}"
    members, branches = kind.counts
    return {
        "phien_ban": str(schema.VERSION),
        "to_chuc": {
            "ten": organisation,
            "ten_viet_tat": abbreviation,
            "co_quan_cap_tren": parent or Off(f"{parent_short or kind.name} …"),
            "dia_danh": places.date_line_name(reading.place, level) if reading.place else "…",
        },
        "nam": str(year),
        "hoi_nghi": {
            "ngay": f"15/01/{year + 1}",
            "buoi": "sáng",
            "ten": f"Hội nghị tổng kết {kind.work} năm {year}, triển khai nhiệm vụ năm {year + 1}",
            "khach_moi": [
                {
                    "ho_ten": "Nguyễn Văn Bình",
                    "chuc_vu": f"Phó Chủ tịch UBND {level}" if level else "Phó Chủ tịch UBND",
                    "danh_xung": Off("đồng chí"),
                }
            ],
        },
        "hien_thi": Off(
            {
                "tinh_bang": "nhu_go",
                "so_le": "1",
                "so_le_ty_le": "1",
                "so_0_truoc": "không",
                "thu_tu": "",
                "so_voi_nam_truoc": "tang",
                "so_voi_ke_hoach": "vuot",
                "so_voi_tong": "phan_so",
                "ty_le_trong_do": "không",
            }
        ),
        "chi_tieu": {
            group_key: {
                "ten": group_name,
                "danh_sach": {
                    kind.member_key: {
                        "nhan": kind.member,
                        "ten": Off(f"Tổng số {kind.member}"),
                        "loai": Off("so_luong"),
                        "don_vi": "người",
                        "gia_tri": members,
                        "nam_truoc": Off("1.180"),
                        "ke_hoach": Off("1.300"),
                        "tong": Off("1.600"),
                        "ty_le": Off("78,1%"),
                        "trong_do": Off(dict(zip(_parts(kind.member), ("520", "730"), strict=True))),
                        "hien_thi": Off(Brief({"so_voi_tong": "chiem"})),
                    },
                    kind.branch_key: {"nhan": kind.branch, "don_vi": kind.branch_unit, "gia_tri": branches},
                    **kind.extra,
                },
            },
            "hoat_dong": kind.activity,
        },
        "chi_tieu_nam_sau": Off(
            {
                "hoi_vien_moi_nam_sau"
                if kind.member_key == "hoi_vien"
                else f"{kind.member_key}_moi_nam_sau": {
                    "dong_tu": "kết nạp thêm",
                    "nhan": f"{kind.member} mới",
                    "loai": "so_luong",
                    "don_vi": "người",
                    "gia_tri": "80",
                    "hien_thi": Off(Brief({"so_0_truoc": "có"})),
                }
            }
        ),
        "ket_qua": [
            f"Năm {year}, {kind.all_levels} tập trung củng cố tổ chức, nâng cao chất lượng sinh hoạt; "
            f"{where} có {{{kind.branch_key}}}"
            + "".join(f" thuộc {{{key}}}" for key in kind.extra)
            + f" với {{{kind.member_key}}}.",
            kind.activity_sentence,
        ],
        "han_che": [f"Một số {kind.branch} sinh hoạt chưa đều, nội dung sinh hoạt còn đơn điệu."],
        "phuong_huong": [
            f"Năm {year + 1}, {organisation} tiếp tục củng cố tổ chức, nâng cao chất lượng hoạt động, "
            f"phát triển {kind.member} và đẩy mạnh các phong trào thi đua."
        ],
        "khen_thuong": Off(
            [
                {
                    "don_vi_nhan": f"{kind.branch[:1].upper()}{kind.branch[1:]} thôn Bản Chẳng",
                    "hinh_thuc": "Giấy khen",
                    "noi_tang": organisation,
                    "ly_do": f"đã có thành tích xuất sắc trong {kind.work_short} năm {year}",
                }
            ]
        ),
        "anh": Off(
            [{"tep": "anh/toan-canh-hoi-nghi.jpg", "chu_thich": "Toàn cảnh Hội nghị", "sau": "mo_dau"}]
        ),
        "bai_viet": {
            "tac_gia": "Minh Anh",
            "tieu_de": Off(f"{organisation} tổng kết công tác năm {year}"),
            "ngay": Off(f"16/01/{year + 1}"),
            "gio": Off("15:30"),
        },
        "bao_cao": {
            "so": "1",
            "ky_hieu": kind.symbol.format(abbreviation=abbreviation),
            "ngay": Off(f"10/01/{year + 1}"),
            "trich_yeu": Off(f"Tổng kết {kind.work} năm {year} và phương hướng, nhiệm vụ năm {year + 1}"),
            "nguoi_ky": {"quyen_han": authority, "chuc_vu": kind.signer[1], "ho_ten": "Trần Thị Hoa"},
            "noi_nhan": [
                *([parent_short] if parent_short else []),
                f"Thường trực cấp ủy, UBND {level}"
                if level
                else "Thường trực cấp ủy, chính quyền địa phương",
                f"Các {kind.branch}",
            ],
        },
        "the_thuc": _rules(MauTheThuc(kind.rules), reading),
    }


def _parts(member: str) -> tuple[str, str]:
    """Two parts of the members, as a table's "Trong đó" rows name them."""
    if "phụ nữ" in member:
        return "hội viên dưới 35 tuổi", "hội viên từ 35 tuổi trở lên"
    return f"{member} nữ", f"{member} nam"


def _rules(rules: MauTheThuc, reading: organisations.Reading) -> dict[str, Any]:
    """The ``the_thuc`` part: the kind's rules, the issuer as they write it, every other line shown off."""
    preset = presets.PRESETS[rules]
    issuer: Any = Off("")
    if rules is not MauTheThuc.NGHI_DINH_30 and reading.place:
        # The Youth Union's and the Farmers' issuer is their executive committee: "BCH tỉnh Kon Tum".
        level = (
            "thành phố"
            if reading.found is not None and reading.found.is_province and reading.level != "tỉnh"
            else reading.level
        )
        issuer = f"BCH {level} {reading.place}"
    parent: Any = Off("")
    if rules is MauTheThuc.DOAN and reading.is_province:
        parent = NOTHING  # a province's Youth Union heads its reports with its committee alone
    if reading.kind is organisations.KINDS["mat_tran"]:
        # The Front's reports are its standing committee's, under the committee's name.
        parent, issuer = (
            reading.kind_as_written + (f" {reading.level} {reading.place}" if reading.place else ""),
            "Ban Thường trực",
        )
    return {
        "mau": rules.value,
        "cap_tren": parent,
        "co_quan": issuer,
        "tieu_de": Off(preset.tieu_de),
        "tieu_ngu": Off(preset.tieu_ngu),
        "phan_cach": Off(preset.phan_cach.value),
        "so_ky_hieu": Off(preset.so_ky_hieu),
        "dia_danh_ngay": Off(preset.dia_danh_ngay),
        "thay_mat": Off(preset.thay_mat),
        "ky_thay": Off(preset.ky_thay),
        "luu": Off(preset.luu),
    }
