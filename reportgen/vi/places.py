"""Vietnam's administrative units, before and after the 2025 reorganisation, to read a place from a name.

``reportgen init`` reads where a unit is from its name ("Tỉnh đoàn Kon Tum", "Hội Nông dân huyện
Na Rì") and needs to know what the place is: a province, a centrally-run city, a district of
which province, a commune of which province. A file for 2024 or earlier names the units of
the time (63 provinces and their districts); one for 2025 on, today's (34 provinces, their
communes, wards and special zones, no districts). Both lists are in ``dia-danh.tsv``, made from
the General Statistics Office's list of administrative units (its header says how).

No well-kept package holds both: ``vietnam-provinces``, the maintained one, publishes one
list per release (0.6.0 before the reorganisation, 2025.x after), and the packages that carry
both pull in geographic libraries to parse addresses. So the two lists are one data file here.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).with_name("dia-danh.tsv")
REFORM_YEAR = 2025
"""From 1 July 2025 there are 34 provinces and no districts; a year's report names the units of that year."""

CENTRAL_CITY = "thành phố trung ương"
PROVINCE_LEVELS = ("tỉnh", CENTRAL_CITY)
DISTRICT_LEVELS = ("huyện", "quận", "thị xã", "thành phố")
COMMUNE_LEVELS = ("xã", "phường", "thị trấn", "đặc khu")

# Old and new spellings put the tone mark on a different vowel ("Hoà Bình", "Hòa Bình"); the
# list and the secretaries use both.
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip


def fold(name: str) -> str:
    """The form two spellings of one name share: NFC, lower case, one tone placement, single spaces.

    >>> fold("Hoà  Bình") == fold("Hòa Bình"), fold("Thuỷ Nguyên") == fold("Thủy Nguyên")
    (True, True)
    """
    text = " ".join(unicodedata.normalize("NFC", name).lower().split())
    for old, new in _OLD_TONES.items():
        text = text.replace(old, new)
    return text


@dataclass(frozen=True)
class Place:
    """One administrative unit: its level, its name without the level word, and its province."""

    level: str
    """``tỉnh``, ``thành phố trung ương``, ``huyện``, ``quận``, ``thị xã``, ``thành phố``, ``xã``,
    ``phường`` or ``đặc khu``."""
    name: str
    province: str
    """The province (or centrally-run city) it is in; itself for a province."""
    after_reform: bool
    """Whether it is one of today's units (from 1 July 2025) rather than an earlier one."""

    @property
    def is_province(self) -> bool:
        """Whether the unit is a province or a centrally-run city."""
        return self.level in PROVINCE_LEVELS


@functools.cache
def _units() -> dict[str, list[Place]]:
    """Every unit, by the folded form of its name."""
    units: dict[str, list[Place]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        era, level, name, province = line.split("\t")
        units.setdefault(fold(name), []).append(Place(level, name, province, era == "sau"))
    return units


def find(name: str, year: int, levels: tuple[str, ...] = ()) -> Place | None:
    """The unit called ``name`` in the reporting ``year``, at one of ``levels`` (any level if none).

    A unit of the year's period is preferred; one of the other period is taken when the year's
    has none of that name (a 2025 report of a district that no longer exists). A name two units
    share at the same level ("Châu Thành", a district in several provinces) gives the first one
    with its province left out (``province == ""``): the name is right, the province unknown.

    >>> find("Kon Tum", 2024, ("tỉnh",))
    Place(level='tỉnh', name='Kon Tum', province='Kon Tum', after_reform=False)
    >>> find("Na Rì", 2023).province, find("Bằng Vân", 2025).province
    ('Bắc Kạn', 'Thái Nguyên')
    >>> find("Châu Thành", 2023, ("huyện",)).province
    ''
    """
    candidates = [
        place
        for place in _units().get(fold(name), [])
        if not levels or place.level in levels or (place.level == CENTRAL_CITY and "thành phố" in levels)
    ]
    if not candidates:
        return None
    after = year >= REFORM_YEAR
    of_the_year = [place for place in candidates if place.after_reform == after] or candidates
    first = of_the_year[0]
    same = [place for place in of_the_year if place.level == first.level]
    if len({fold(place.province) for place in same}) > 1:
        return Place(first.level, first.name, "", first.after_reform)
    return first


def province_named(name: str, year: int) -> Place | None:
    """The province (or centrally-run city) called ``name`` in ``year``, if there is one.

    >>> province_named("Hồ Chí Minh", 2024).level, province_named("Bắc Kạn", 2025)
    ('thành phố trung ương', None)
    """
    found = find(name, year, PROVINCE_LEVELS)
    if found is None or found.after_reform != (year >= REFORM_YEAR):
        return None
    return found


def date_line_name(place: str, level: str) -> str:
    """The place as a document's date line writes it: a unit named after a number or a person in full.

    Decree 30 asks for the whole name of a unit named after a person, a number or an event
    ("Quận 1", "Thành phố Hồ Chí Minh"); any other is its name alone ("Bắc Kạn", "Na Rì").

    >>> date_line_name("Na Rì", "huyện"), date_line_name("1", "quận")
    ('Na Rì', 'Quận 1')
    >>> date_line_name("Hồ Chí Minh", "thành phố")
    'Thành phố Hồ Chí Minh'
    """
    if place.isdigit() or fold(place) == fold("Hồ Chí Minh"):
        word = "thành phố" if level in (CENTRAL_CITY, "tỉnh") else level
        return f"{word[:1].upper()}{word[1:]} {place}"
    return place
