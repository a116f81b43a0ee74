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
    "xã": "huyện",
    "phường": "quận",
    "thị trấn": "huyện",
    "huyện": "tỉnh",
    "quận": "thành phố",
    "thị xã": "tỉnh",
    "thành phố": "tỉnh",
    "tỉnh": "",
}


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
