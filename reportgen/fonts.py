"""Stage 5 support, fonts: the serif the report prints in, chosen by the letters it really has.

Decree 30/2020 prescribes Times New Roman, which the secretaries' Windows machines have. Where
a machine lacks it, a metric-compatible free serif keeps the same line breaks; and reportgen
always carries Noto Serif (``fontpkg-noto-serif``, installed by pip), which has every
Vietnamese letter. The choice is made here, by reading each candidate file's own character map,
and not by a CSS fallback list: fontconfig answers "Times New Roman" with whatever it aliases to
it (Debian's Liberation Serif 1.07, which lacks ơ, ư, ạ …), so a font list would print a report
mixing two fonts letter by letter.

The chosen faces are registered with WeasyPrint by path, through ``@font-face``, under the one
family name the report's stylesheet asks for, :data:`REPORT_FAMILY`.
"""

from __future__ import annotations

import functools
import json
import os
import string
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import fontpkg_noto_serif

from reportgen import atomic
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import N_, _

REPORT_FAMILY = "reportgen"
"""The family name report.css prints in; it stands for whichever font was chosen."""

PREFERRED = ("Times New Roman", "Liberation Serif", "Tinos")
"""Looked for on the machine in this order: the Decree's font, then its metric-compatible twins."""

FONT_FILES = (".ttf", ".otf")
"""Files ``--font`` accepts as a path. Collections (.ttc) are left out: ``@font-face`` cannot
say which face of a collection to use."""

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền, sắc, hỏi, ngã, nặng
VIETNAMESE = "".join(
    sorted(
        {unicodedata.normalize("NFC", v + t) for v in _VOWELS + _VOWELS.upper() for t in _TONES}
        | set("đĐ" + string.ascii_letters + string.digits + ".,;:!?-()%/'\"")
    )
)
"""Every character a Vietnamese report needs a font to have: 134 accented letters, đ, ASCII."""

FOLDER: Path = fontpkg_noto_serif.ROOT / "files"


class Origin(StrEnum):
    """Where the chosen font comes from, as ``build`` tells the user."""

    MACHINE = N_("phông của máy")
    PACKAGED = N_("cài kèm reportgen")
    FILE = N_("tệp phông")


@dataclass(frozen=True)
class Face:
    """One font file and the weights and style it serves."""

    path: Path
    weight: str
    """A CSS ``font-weight``: ``400``, or ``100 900`` for a variable font."""
    italic: bool


@dataclass(frozen=True)
class Font:
    """A family chosen for the report, with the faces it is printed from."""

    family: str
    faces: tuple[Face, ...]
    origin: Origin

    def describe(self) -> str:
        """Say which font this is, in the words ``build`` prints.

        >>> PACKAGED.describe()
        'Noto Serif (cài kèm reportgen)'
        """
        if self.origin is Origin.FILE:
            return f"{self.family} ({_(Origin.FILE.value)} {self.faces[0].path})"
        return f"{self.family} ({_(self.origin.value)})"


PACKAGED = Font(
    "Noto Serif",
    (
        Face(FOLDER / "NotoSerif[wdth,wght].ttf", "100 900", italic=False),
        Face(FOLDER / "NotoSerif-Italic[wdth,wght].ttf", "100 900", italic=True),
    ),
    Origin.PACKAGED,
)
"""The serif that comes with reportgen: every Vietnamese letter, on every machine."""


def missing_letters(path: Path) -> str:
    """The characters of :data:`VIETNAMESE` that the font file at ``path`` has no glyph for."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        cmap = font.getBestCmap() or {}
    return "".join(char for char in VIETNAMESE if ord(char) not in cmap)


def read_face(path: Path) -> Face | None:
    """Read the weight and style of a font file; None for a condensed or expanded cut, or a bad file.

    Only normal-width cuts are used: a family's condensed faces share its name, and WeasyPrint
    could otherwise print the report in one of them.
    """
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(path, lazy=True) as font:
            os2 = font["OS/2"]
            axes = {axis.axisTag: axis for axis in font["fvar"].axes} if "fvar" in font else {}
            if os2.usWidthClass != 5 and "wdth" not in axes:
                return None
            weight = str(os2.usWeightClass)
            if "wght" in axes:
                weight = f"{axes['wght'].minValue:g} {axes['wght'].maxValue:g}"
            italic = bool(os2.fsSelection & 0b1) or bool(font["head"].macStyle & 0b10)
            return Face(path, weight, italic)
    except (TTLibError, KeyError, OSError):
        return None


def family_name(path: Path) -> str:
    """The typographic family name stored in a font file."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        name = font["name"]
        return str(name.getBestFamilyName() or path.stem)


@functools.cache
def installed_fonts() -> dict[str, list[Path]]:
    """The font files of every family on this machine, as fontconfig lists them for WeasyPrint.

    Asked once per process (see :mod:`reportgen.fontconfig`): a build chooses the report's font
    and the Word copies' from the same list.
    """
    from reportgen import fontconfig

    return fontconfig.families()


def _font_error(name: str, message: str) -> ReportgenError:
    return ReportgenError.at(Location(Path("--font")), f"“{name}”: {message}")


def _usable(family: str, paths: Iterable[Path], origin: Origin) -> tuple[Font | None, str]:
    """The family's faces that have every Vietnamese letter, or None and the letters it lacks.

    A face that lacks letters is left out (WeasyPrint then slants or emboldens a complete one);
    the family is usable only if an upright face remains.
    """
    faces, lacking = [], ""
    for path in dict.fromkeys(paths):
        if path.suffix.lower() not in FONT_FILES:
            continue
        face, missing = _read(path, *_version_of(path))
        if face is None:
            continue
        if missing:
            lacking = lacking or missing
            continue
        faces.append(face)
    if not any(not face.italic for face in faces):
        return None, lacking
    faces.sort(key=lambda face: (face.italic, face.weight, str(face.path)))
    return Font(family, tuple(faces), origin), ""


def _version_of(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return 0, 0
    return stat.st_mtime_ns, stat.st_size


@functools.cache
def _read(path: Path, mtime: int, size: int) -> tuple[Face | None, str]:
    """A font file's face and the Vietnamese letters it lacks, read once per version of the file.

    What was read is kept in the user's cache folder (:func:`cache_folder`), by the file's
    path, time of change and size: the next build finds the same font without opening it.
    """
    kept = _kept()
    known = kept.get(str(path))
    if known is not None and known[:2] == [mtime, size]:
        _, _, weight, italic, missing = known
        return (None if weight is None else Face(path, weight, italic)), missing
    face = read_face(path)
    missing = "" if face is None else missing_letters(path)
    kept[str(path)] = [mtime, size, face and face.weight, bool(face and face.italic), missing]
    _keep(kept)
    return face, missing


KEPT = "phong-chu-v1.json"
"""The file in the cache folder that keeps what each font file was found to hold."""


def cache_folder() -> Path:
    """Where reportgen keeps what it can make again: ``$XDG_CACHE_HOME/reportgen``.

    By default ``~/.cache/reportgen``, where programs keep their caches on Linux.
    """
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportgen"


@functools.cache
def _kept() -> dict[str, list[Any]]:
    """The kept readings, each ``[time of change, size, weight or None, italic, letters lacking]``."""
    try:
        kept = json.loads((cache_folder() / KEPT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    valid = isinstance(kept, dict) and all(
        isinstance(entry, list)
        and len(entry) == 5
        and all(isinstance(number, int) for number in entry[:2])
        and (entry[2] is None or isinstance(entry[2], str))
        and isinstance(entry[3], bool)
        and isinstance(entry[4], str)
        for entry in kept.values()
    )
    return kept if valid else {}


def _keep(kept: dict[str, list[Any]]) -> None:
    """Write the readings; a cache folder that cannot be written only means reading fonts again."""
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Another build reading at the same time sees all or nothing.
        atomic.write(folder / KEPT, json.dumps(kept, ensure_ascii=False))
    except OSError:
        pass


def _lacking_message(missing: str) -> str:
    shown = " ".join(missing[:12]) + (" …" if len(missing) > 12 else "")
    return _(
        "phông này thiếu chữ tiếng Việt ({letters}), báo cáo sẽ in lẫn phông khác — hãy chọn phông "
        "khác, ví dụ Times New Roman, hoặc bỏ --font để dùng Noto Serif cài kèm reportgen"
    ).format(letters=shown)


def choose(
    name: str | None = None,
    installed: Callable[[], Mapping[str, Sequence[Path]]] | None = None,
) -> Font:
    """Choose the report's font, by the letters each candidate really has.

    ``name`` if given: a family installed on the machine or the path of a ``.ttf``/``.otf``
    file. Else the first of :data:`PREFERRED` the machine has with every Vietnamese letter,
    else the packaged Noto Serif.

    Raises:
        ReportgenError: the named font is not installed, is not a font file, or lacks
            Vietnamese letters.
    """
    installed = installed or installed_fonts
    if name is not None:
        return _named(name.strip(), installed)
    families = {family.casefold(): paths for family, paths in installed().items()}
    for family in PREFERRED:
        font, _missing = _usable(family, families.get(family.casefold(), []), Origin.MACHINE)
        if font is not None:
            return font
    return PACKAGED


def _named(name: str, installed: Callable[[], Mapping[str, Sequence[Path]]]) -> Font:
    path = Path(name).expanduser()
    if path.suffix.lower() in (*FONT_FILES, ".ttc", ".otc") or path.is_file():
        if not path.is_file():
            raise _font_error(name, _("không có tệp phông này"))
        if path.suffix.lower() not in FONT_FILES or read_face(path) is None:
            raise _font_error(name, _("không đọc được tệp phông này — hãy đưa tệp .ttf hoặc .otf"))
        font, missing = _usable(family_name(path), [path], Origin.FILE)
        if font is None:
            raise _font_error(name, _lacking_message(missing))
        return font
    if name.casefold() == PACKAGED.family.casefold():
        return PACKAGED
    paths = [p for family, ps in installed().items() if family.casefold() == name.casefold() for p in ps]
    if not paths:
        raise _font_error(
            name,
            _(
                "máy này không có phông chữ này — hãy cài phông, đưa đường dẫn tệp .ttf/.otf, hoặc bỏ "
                "--font để reportgen tự chọn (Times New Roman nếu máy có, không thì Noto Serif cài kèm)"
            ),
        )
    font, missing = _usable(name, paths, Origin.MACHINE)
    if font is None and missing:
        raise _font_error(name, _lacking_message(missing))
    if font is None:
        raise _font_error(name, _("không đọc được tệp phông nào của phông này — hãy chọn phông khác"))
    return font


def font_faces(font: Font, family: str) -> str:
    """CSS ``@font-face`` rules that register ``font``'s files by path under ``family``.

    >>> print(font_faces(Font("X", (Face(Path("/f/x.ttf"), "700", False),), Origin.FILE), "rg"))
    @font-face { font-family: "rg"; src: url("file:///f/x.ttf"); font-style: normal; font-weight: 700; }
    """
    return "\n".join(
        f'@font-face {{ font-family: "{family}"; src: url("{face.path.as_uri()}"); '
        f"font-style: {'italic' if face.italic else 'normal'}; font-weight: {face.weight}; }}"
        for face in font.faces
    )
