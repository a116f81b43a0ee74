"""The rank of a body, from its name: central, province, district or commune.

Awards are told from the highest giver down, as the press and reports tell them: the Central
Committee of the association, then the province, the district, the commune. A giver's name
says its level in its first word of level ("Chủ tịch UBND **tỉnh**", "**Huyện** hội", "Ban
Chấp hành Hội Nông dân **huyện** Cái Bè, tỉnh Tiền Giang": the unit's own level comes first,
a place added after it does not count) or by a word only central bodies carry ("Trung ương",
"Việt Nam", "Chính phủ", "Bộ …"). "thành phố" is a province only for the five cities run
from the centre and Huế; "xã hội" (society) is no commune.
"""

from __future__ import annotations

CENTRAL, PROVINCE, DISTRICT, COMMUNE = 0, 1, 2, 3
"""The ranks, highest first."""
NAMES = {"trung_uong": CENTRAL, "tinh": PROVINCE, "huyen": DISTRICT, "xa": COMMUNE}
"""The ranks by the names the input gives them."""

_CENTRAL = ("trung ương", "việt nam", "chính phủ", "thủ tướng", "chủ tịch nước", "quốc hội", "ban bí thư")
_CENTRAL_CITIES = ("hà nội", "hồ chí minh", "tp. hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế")
_LEVELS = {
    "tỉnh": PROVINCE,
    "sở": PROVINCE,
    "huyện": DISTRICT,
    "quận": DISTRICT,
    "thị xã": DISTRICT,
    "thị ủy": DISTRICT,
    "thị đoàn": DISTRICT,
    "thị hội": DISTRICT,
    "quận ủy": DISTRICT,
    "quận đoàn": DISTRICT,
    "xã": COMMUNE,
    "phường": COMMUNE,
    "thị trấn": COMMUNE,
}
_CITY = ("thành phố", "thành ủy", "thành đoàn", "thành hội", "tp.")


def rank_of(name: str) -> int | None:
    """The rank of the body called ``name``, or None when its name does not say.

    >>> [rank_of(name) for name in ("Trung ương Hội Khuyến học Việt Nam", "Chủ tịch UBND tỉnh",
    ...     "Huyện hội", "Ban Chấp hành Hội Nông dân huyện Cái Bè, tỉnh Tiền Giang", "Đảng ủy xã Nam Mẫu")]
    [0, 1, 2, 2, 3]
    >>> rank_of("Bộ Giáo dục và Đào tạo"), rank_of("Ngân hàng Chính sách xã hội tỉnh"), rank_of("Ban Dân vận")
    (0, 1, None)
    >>> rank_of("Thành đoàn Hà Nội"), rank_of("LĐLĐ thành phố Bắc Kạn"), rank_of("UBND TP. Cần Thơ")
    (1, 2, 1)
    """
    words = name.lower().replace(",", " ").split()
    if words[:1] == ["bộ"]:
        return CENTRAL
    for index in range(len(words)):
        rest = " ".join(words[index:])
        if rest.startswith(_CENTRAL):
            return CENTRAL
        city = next((prefix for prefix in _CITY if rest == prefix or rest.startswith(prefix + " ")), None)
        if city is not None:
            return PROVINCE if rest[len(city) :].strip().startswith(_CENTRAL_CITIES) else DISTRICT
        for level, rank in _LEVELS.items():
            if rest == level or rest.startswith(level + " "):
                if level == "xã" and rest.startswith("xã hội"):
                    continue
                return rank
    return None
