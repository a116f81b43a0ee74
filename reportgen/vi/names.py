"""The names of Vietnamese associations: what kind of association, at which level, where.

"Hội Nông dân huyện Na Rì" is the kind "Hội Nông dân", at the level "huyện", of the place
"Na Rì". ``reportgen init`` reads a new file's example values from the name: the place for the
date line, the abbreviation for document symbols (``HND``, as in ``BC-HND``), the level above
for the parent body and the recipients.
"""

from __future__ import annotations

import unicodedata

# The administrative levels a unit's name may end with, from the bottom up, and the level above each.
LEVELS = {
    "đặc khu": "tỉnh",
    "xã": "huyện",
    "phường": "quận",
    "thị trấn": "huyện",
    "huyện": "tỉnh",
    "quận": "thành phố",
    "thị xã": "tỉnh",
    "thành phố": "tỉnh",
    "tỉnh": "",
}


# Since 1 July 2025 Vietnam has two levels of local government: communes, wards and special
# zones sit directly under a province or a centrally-run city, and districts are gone.
REFORM_YEAR = 2025
_AFTER_REFORM = {"xã": "tỉnh", "phường": "tỉnh", "thị trấn": "tỉnh", "đặc khu": "tỉnh"}


def level_above(level: str, year: int) -> str:
    """The administrative level above ``level`` in the reporting ``year`` ("" at the top).

    >>> level_above("xã", 2024), level_above("xã", 2025), level_above("huyện", 2023)
    ('huyện', 'tỉnh', 'tỉnh')
    """
    if year >= REFORM_YEAR and level in _AFTER_REFORM:
        return _AFTER_REFORM[level]
    return LEVELS.get(level, "")


def split_name(organisation: str) -> tuple[str, str, str]:
    """Split a unit's name into its kind, its administrative level and its place.

    >>> split_name("Hội Nông dân huyện Na Rì")
    ('Hội Nông dân', 'huyện', 'Na Rì')
    >>> split_name("Hội Cựu chiến binh thị trấn Yến Lạc")
    ('Hội Cựu chiến binh', 'thị trấn', 'Yến Lạc')
    >>> split_name("Hội Khuyến học Việt Nam")
    ('Hội Khuyến học Việt Nam', '', '')
    """
    words = organisation.split()
    for index in range(1, len(words)):
        for level in LEVELS:
            size = len(level.split())
            if " ".join(words[index : index + size]) == level and index + size < len(words):
                return " ".join(words[:index]), level, " ".join(words[index + size :])
    return organisation, "", ""


def abbreviate(kind: str) -> str:
    """Make the abbreviation of a kind of association from its initials, as document symbols use.

    >>> abbreviate("Hội Khuyến học"), abbreviate("Hội Nông dân"), abbreviate("Hội Chữ thập đỏ")
    ('HKH', 'HND', 'HCTĐ')
    """
    initials = ""
    for word in kind.split():
        letter = word[0].upper()
        if letter != "Đ":  # Đ is a letter of its own, not D with a mark
            letter = unicodedata.normalize("NFD", letter)[0]
        if (letter.isalnum() and letter.isascii()) or letter == "Đ":
            initials += letter
    return initials if initials[:1].isalpha() else "HOI"
