"""The kinds of association reportgen knows, and what a unit's name says about it.

"Tỉnh đoàn Kon Tum" is the Youth Union at the level of the province of Kon Tum; "Hội LHPN huyện
Đông Sơn" the Women's Union of the district of Đông Sơn, in Thanh Hóa. ``reportgen init`` reads
that from the name (:func:`read`) and writes a new file in the kind's own words: its members
(đoàn viên, hội viên phụ nữ…), its branches (chi đoàn, chi hội phụ nữ…), its usual indicators,
its parent body, the abbreviation its document symbols use and the document rules it follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reportgen.vi import names, places


@dataclass(frozen=True)
class Kind:
    """A kind of association, as its new files speak of it."""

    name: str
    """Its name before the level and the place: ``Hội Nông dân``."""
    starts: tuple[str, ...]
    """How a unit's name of this kind begins (any case): ``hội nông dân``, ``hội nd``."""
    national: str
    """Its national body, the parent of a province's: ``Trung ương Hội Nông dân Việt Nam``."""
    abbreviation: str
    """What its document symbols say: ``HND`` (``BC-HND``)."""
    rules: str
    """The document rules its reports follow (a :class:`~reportgen.schema.MauTheThuc` value)."""
    work: str
    """What its conference reviews: ``công tác Hội và phong trào nông dân``."""
    all_levels: str
    """``các cấp Hội``, ``các cấp bộ Đoàn``."""
    member: str
    """A member: ``hội viên``, ``đoàn viên``, ``hội viên phụ nữ``."""
    branch: str
    """A branch: ``chi hội``, ``chi đoàn``, ``chi hội phụ nữ``."""
    activity: dict[str, Any]
    """Its usual indicators beyond members and branches: a group as a file writes it."""
    activity_sentence: str
    """A sentence of the results that prints them, with their ``{keys}``."""
    signer: tuple[str, str] = ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH")
    """Who signs the report: authority and post."""
    group: tuple[str, str] = ("to_chuc_hoi", "Xây dựng tổ chức Hội")
    """The key and name of the group of members and branches."""
    member_key: str = "hoi_vien"
    branch_key: str = "chi_hoi"
    branch_unit: str = "chi hội"
    """What a branch is counted in, in a table's unit column."""
    counts: tuple[str, str] = ("1.250", "24")
    """Example figures of members and branches."""
    work_short: str = "công tác Hội"
    """Its work in a few words, as an award's reason says it."""
    symbol: str = "BC-{abbreviation}"
    """Its report's symbol: ``BC-HKH`` under Decree 30, ``BC/TĐTN`` under the Youth Union's rules."""
    extra: dict[str, Any] = field(default_factory=dict)
    """More indicators of the organisation group (the Youth Union's grassroots units)."""


def _money(key: str, label: str, name: str, value: str) -> dict[str, Any]:
    return {key: {"nhan": label, "ten": name, "loai": "tien", "gia_tri": value}}


KINDS: dict[str, Kind] = {
    "khuyen_hoc": Kind(
        name="Hội Khuyến học",
        starts=("hội khuyến học",),
        national="Hội Khuyến học Việt Nam",
        abbreviation="HKH",
        rules="nghi_dinh_30",
        work="công tác khuyến học, khuyến tài, xây dựng xã hội học tập",
        all_levels="các cấp Hội",
        member="hội viên",
        branch="chi hội",
        activity={
            "ten": "Xây dựng xã hội học tập",
            "danh_sach": {
                "gia_dinh_hoc_tap": {"nhan": "gia đình học tập", "don_vi": "hộ", "gia_tri": "3.420"},
                **_money("quy_khuyen_hoc", "Quỹ Khuyến học đạt", "Quỹ Khuyến học", "150 triệu"),
            },
        },
        activity_sentence="Phong trào xây dựng xã hội học tập được duy trì: {gia_dinh_hoc_tap}; "
        "{quy_khuyen_hoc}.",
    ),
    "nong_dan": Kind(
        name="Hội Nông dân",
        starts=("hội nông dân", "hội nd"),
        national="Trung ương Hội Nông dân Việt Nam",
        abbreviation="HND",
        rules="hoi_nong_dan",
        symbol="BC/{abbreviation}",
        work="công tác Hội và phong trào nông dân",
        all_levels="các cấp Hội",
        member="hội viên",
        branch="chi hội",
        activity={
            "ten": "Phong trào nông dân sản xuất, kinh doanh giỏi",
            "danh_sach": {
                "ho_sxkd_gioi": {
                    "nhan": "hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp",
                    "don_vi": "hộ",
                    "gia_tri": "640",
                },
                **_money("quy_ho_tro", "Quỹ Hỗ trợ nông dân đạt", "Quỹ Hỗ trợ nông dân", "150 triệu"),
            },
        },
        activity_sentence="Phong trào nông dân thi đua sản xuất, kinh doanh giỏi có {ho_sxkd_gioi}; "
        "{quy_ho_tro}.",
    ),
    "phu_nu": Kind(
        name="Hội Liên hiệp Phụ nữ",
        starts=("hội liên hiệp phụ nữ", "hội lhpn", "hội phụ nữ"),
        national="Trung ương Hội Liên hiệp Phụ nữ Việt Nam",
        abbreviation="HLHPN",
        rules="nghi_dinh_30",
        work="công tác Hội và phong trào phụ nữ",
        all_levels="các cấp Hội",
        member="hội viên phụ nữ",
        branch="chi hội phụ nữ",
        activity={
            "ten": "Hỗ trợ phụ nữ phát triển kinh tế",
            "danh_sach": {
                "ho_ngheo_giup": {"nhan": "hộ phụ nữ nghèo được giúp đỡ", "don_vi": "hộ", "gia_tri": "85"},
                **_money("von_vay", "dư nợ vốn vay ủy thác qua Hội đạt", "Dư nợ vốn vay ủy thác", "12 tỷ"),
            },
        },
        activity_sentence="Các cấp Hội giúp {ho_ngheo_giup}; {von_vay}.",
    ),
    "cuu_chien_binh": Kind(
        name="Hội Cựu chiến binh",
        starts=("hội cựu chiến binh", "hội ccb"),
        national="Trung ương Hội Cựu chiến binh Việt Nam",
        abbreviation="CCB",
        rules="nghi_dinh_30",
        work="công tác Hội và phong trào cựu chiến binh",
        all_levels="các cấp Hội",
        member="hội viên cựu chiến binh",
        branch="chi hội cựu chiến binh",
        activity={
            "ten": "Phong trào Cựu chiến binh gương mẫu",
            "danh_sach": {
                "ho_kha_giau": {"nhan": "hộ hội viên khá, giàu", "don_vi": "hộ", "gia_tri": "410"},
                "ho_ngheo": {"nhan": "hộ hội viên nghèo", "don_vi": "hộ", "gia_tri": "12"},
            },
        },
        activity_sentence="Phong trào Cựu chiến binh gương mẫu được đẩy mạnh: {ho_kha_giau}, còn {ho_ngheo}.",
    ),
    "chu_thap_do": Kind(
        name="Hội Chữ thập đỏ",
        starts=("hội chữ thập đỏ", "hội ctđ"),
        national="Trung ương Hội Chữ thập đỏ Việt Nam",
        abbreviation="HCTĐ",
        rules="nghi_dinh_30",
        work="công tác Hội và phong trào Chữ thập đỏ",
        all_levels="các cấp Hội",
        member="hội viên",
        branch="chi hội chữ thập đỏ",
        activity={
            "ten": "Hiến máu tình nguyện và nhân đạo",
            "danh_sach": {
                "don_vi_mau": {"nhan": "đơn vị máu tiếp nhận", "don_vi": "đơn vị", "gia_tri": "1.150"},
                **_money(
                    "tro_giup", "tổng giá trị tiền, hàng trợ giúp đạt", "Tiền, hàng trợ giúp", "860 triệu"
                ),
            },
        },
        activity_sentence="Phong trào hiến máu tình nguyện có {don_vi_mau}; {tro_giup}.",
    ),
    "doan": Kind(
        name="Đoàn TNCS Hồ Chí Minh",
        starts=(
            "đoàn tncs",
            "đoàn thanh niên",
            "tỉnh đoàn",
            "thành đoàn",
            "huyện đoàn",
            "quận đoàn",
            "thị đoàn",
            "đoàn xã",
            "đoàn phường",
            "đoàn thị trấn",
            "đoàn đặc khu",
        ),
        national="Trung ương Đoàn TNCS Hồ Chí Minh",
        abbreviation="ĐTN",
        rules="doan",
        work="công tác Đoàn và phong trào thanh thiếu nhi",
        all_levels="các cấp bộ Đoàn",
        member="đoàn viên",
        branch="chi đoàn",
        activity={
            "ten": "Phong trào thanh niên tình nguyện",
            "danh_sach": {
                "cong_trinh": {
                    "nhan": "công trình, phần việc thanh niên",
                    "don_vi": "công trình",
                    "gia_tri": "120",
                },
                "doan_vien_vao_dang": {
                    "nhan": "đoàn viên ưu tú được kết nạp Đảng",
                    "don_vi": "người",
                    "gia_tri": "86",
                },
            },
        },
        activity_sentence="Tuổi trẻ thực hiện {cong_trinh}; {doan_vien_vao_dang}.",
        signer=("TM. BAN THƯỜNG VỤ", "BÍ THƯ"),
        group=("to_chuc_doan", "Xây dựng tổ chức Đoàn"),
        member_key="doan_vien",
        branch_key="chi_doan",
        branch_unit="chi đoàn",
        work_short="công tác Đoàn",
        symbol="BC/{abbreviation}",
        extra={"co_so_doan": {"nhan": "cơ sở Đoàn", "don_vi": "cơ sở", "gia_tri": "18"}},
    ),
    "mat_tran": Kind(
        name="Ủy ban Mặt trận Tổ quốc Việt Nam",
        starts=(
            "ủy ban mặt trận",
            "uỷ ban mặt trận",
            "ủy ban mttq",
            "uỷ ban mttq",
            "ub mttq",
            "mặt trận tổ quốc",
            "mttq",
        ),
        national="Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        abbreviation="MTTQ",
        rules="nghi_dinh_30",
        work="công tác Mặt trận",
        all_levels="các cấp Mặt trận",
        member="ủy viên Ủy ban Mặt trận",
        branch="ban công tác Mặt trận ở khu dân cư",
        activity={
            "ten": "Vì người nghèo và an sinh xã hội",
            "danh_sach": {
                **_money(
                    "quy_vi_nguoi_ngheo",
                    'Quỹ "Vì người nghèo" vận động được',
                    'Quỹ "Vì người nghèo"',
                    "1,2 tỷ",
                ),
                "nha_dai_doan_ket": {
                    "nhan": "nhà Đại đoàn kết xây mới và sửa chữa",
                    "don_vi": "căn",
                    "gia_tri": "35",
                },
            },
        },
        activity_sentence='Cuộc vận động "Vì người nghèo" được hưởng ứng: {quy_vi_nguoi_ngheo}; '
        "{nha_dai_doan_ket}.",
        signer=("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"),
        group=("to_chuc_mat_tran", "Củng cố tổ chức Mặt trận"),
        member_key="uy_vien",
        branch_key="ban_cong_tac",
        branch_unit="ban",
        counts=("45", "24"),
        work_short="công tác Mặt trận",
        symbol="BC-{abbreviation}-BTT",
    ),
    "nguoi_cao_tuoi": Kind(
        name="Hội Người cao tuổi",
        starts=("hội người cao tuổi", "hội nct"),
        national="Trung ương Hội Người cao tuổi Việt Nam",
        abbreviation="HNCT",
        rules="nghi_dinh_30",
        work="công tác Hội và phong trào người cao tuổi",
        all_levels="các cấp Hội",
        member="hội viên người cao tuổi",
        branch="chi hội người cao tuổi",
        activity={
            "ten": "Chăm sóc và phát huy vai trò người cao tuổi",
            "danh_sach": {
                "mung_tho": {
                    "nhan": "người cao tuổi được chúc thọ, mừng thọ",
                    "don_vi": "người",
                    "gia_tri": "1.240",
                },
                "cau_lac_bo": {
                    "nhan": "câu lạc bộ liên thế hệ tự giúp nhau",
                    "don_vi": "câu lạc bộ",
                    "gia_tri": "14",
                },
            },
        },
        activity_sentence="Công tác chăm sóc người cao tuổi được quan tâm: {mung_tho}; duy trì {cau_lac_bo}.",
    ),
}
"""Every kind ``reportgen init`` knows, by key."""

# The Youth Union names its units by level: "Tỉnh đoàn Kon Tum", "Đoàn xã Bằng Vân".
_UNION_UNITS = {
    "tỉnh đoàn": "tỉnh",
    "thành đoàn": "thành phố",
    "huyện đoàn": "huyện",
    "quận đoàn": "quận",
    "thị đoàn": "thị xã",
    "đoàn xã": "xã",
    "đoàn phường": "phường",
    "đoàn thị trấn": "thị trấn",
    "đoàn đặc khu": "đặc khu",
}
_UNION_SYMBOLS = {
    "tỉnh": "TĐTN",
    places.CENTRAL_CITY: "TĐTN",
    "thành phố": "TĐTN",
    "huyện": "HĐTN",
    "quận": "QĐTN",
    "thị xã": "TĐTN",
}
"""The Youth Union's abbreviation by level: a province's Tỉnh đoàn, a district's Huyện đoàn…"""


@dataclass(frozen=True)
class Reading:
    """What a unit's name says: its kind, its level and place, and where that place is."""

    kind: Kind | None
    kind_as_written: str
    """The kind as the name writes it: ``Hội LHPN``."""
    level: str
    """The unit's level as a document says it: ``tỉnh``, ``huyện``, ``xã``… (``""`` when unknown)."""
    place: str
    """The place as the name writes it: ``Kon Tum``."""
    found: places.Place | None
    """The place in the list of administrative units, if it is there."""

    @property
    def is_province(self) -> bool:
        """Whether the unit is at the level of a province (or a centrally-run city)."""
        return self.level == "tỉnh" or (self.found is not None and self.found.is_province)

    @property
    def province(self) -> str:
        """The province the unit is in, when known."""
        return self.found.province if self.found is not None else (self.place if self.level == "tỉnh" else "")


def kind_of(organisation: str) -> Kind | None:
    """The kind of the unit called ``organisation``, if reportgen knows it.

    >>> [kind_of(name).abbreviation for name in ("Tỉnh đoàn Kon Tum", "Hội LHPN huyện Đông Sơn")]
    ['ĐTN', 'HLHPN']
    >>> kind_of("Câu lạc bộ thơ") is None
    True
    """
    said = places.fold(organisation) + " "
    for kind in KINDS.values():
        if any(said.startswith(places.fold(start) + " ") for start in kind.starts):
            return kind
    return None


def read(organisation: str, year: int) -> Reading:
    """Read the kind, the level and the place from a unit's name, in the reporting ``year``.

    >>> reading = read("Tỉnh đoàn Kon Tum", 2024)
    >>> reading.kind.name, reading.level, reading.place, reading.province
    ('Đoàn TNCS Hồ Chí Minh', 'tỉnh', 'Kon Tum', 'Kon Tum')
    >>> reading = read("Hội LHPN huyện Đông Sơn", 2024)
    >>> reading.kind_as_written, reading.level, reading.place, reading.province
    ('Hội LHPN', 'huyện', 'Đông Sơn', 'Thanh Hóa')
    """
    kind = kind_of(organisation)
    words = organisation.split()
    lowered = places.fold(organisation)
    for unit, level in _UNION_UNITS.items():
        if lowered.startswith(places.fold(unit) + " "):
            place = " ".join(words[len(unit.split()) :])
            return Reading(kind, "Đoàn", level, place, _find(place, level, year))
    written, level, place = names.split_name(re.sub(r"\bTP\.?\s", "thành phố ", organisation))
    if not level:  # no level word: a place at the end of the name ("Hội Khuyến học Kon Tum")?
        for start in range(1, len(words)):
            found = places.province_named(" ".join(words[start:]), year)
            if found is not None:
                return Reading(kind, " ".join(words[:start]), "tỉnh", " ".join(words[start:]), found)
    return Reading(kind, written, level, place, _find(place, level, year) if level else None)


def _find(place: str, level: str, year: int) -> places.Place | None:
    levels = {
        "tỉnh": places.PROVINCE_LEVELS,
        "thành phố": ("thành phố", places.CENTRAL_CITY),
    }.get(level, (level,))
    return places.find(place, year, levels)


def parent(reading: Reading, year: int) -> str:
    """The unit's parent body in full, when the name tells it: ``Hội Nông dân tỉnh Bắc Kạn``.

    >>> parent(read("Hội Nông dân huyện Na Rì", 2023), 2023)
    'Hội Nông dân tỉnh Bắc Kạn'
    >>> parent(read("Hội LHPN xã Bằng Vân", 2025), 2025), parent(read("Tỉnh đoàn Kon Tum", 2024), 2024)
    ('Hội LHPN tỉnh Thái Nguyên', 'Trung ương Đoàn TNCS Hồ Chí Minh')
    """
    kind = reading.kind
    if kind is None:
        return f"{reading.kind_as_written} Việt Nam" if reading.is_province else ""
    if reading.is_province:
        return kind.national
    commune = reading.level in places.COMMUNE_LEVELS
    if not reading.province or (commune and year < places.REFORM_YEAR):
        return ""  # a commune's district before 2025 is not in the list
    found = places.province_named(reading.province, year) or places.find(reading.province, year)
    central = found is not None and found.level == places.CENTRAL_CITY
    if kind.rules == "doan":
        return f"{'Thành đoàn' if central else 'Tỉnh đoàn'} {reading.province}"
    written = reading.kind_as_written if reading.kind_as_written != "Đoàn" else kind.name
    return f"{written} {'thành phố' if central else 'tỉnh'} {reading.province}"


def abbreviation(reading: Reading) -> str:
    """The abbreviation the unit's document symbols use: ``HKH``, ``TĐTN`` for a province's Youth Union.

    >>> abbreviation(read("Tỉnh đoàn Kon Tum", 2024)), abbreviation(read("Huyện đoàn Na Rì", 2024))
    ('TĐTN', 'HĐTN')
    >>> abbreviation(read("Hội Liên hiệp Phụ nữ huyện Đông Sơn", 2024))
    'HLHPN'
    >>> abbreviation(read("Hội Bảo trợ", 2024))
    'HBT'
    """
    if reading.kind is None:
        return names.abbreviate(reading.kind_as_written)
    if reading.kind.rules == "doan":
        level = reading.found.level if reading.found is not None else reading.level
        return _UNION_SYMBOLS.get(level, reading.kind.abbreviation)
    return reading.kind.abbreviation
