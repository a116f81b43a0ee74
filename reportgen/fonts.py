"""The serif that comes with reportgen, so no machine prints a missing Vietnamese glyph.

Noto Serif covers every Vietnamese letter and is installed by pip with reportgen
(``fontpkg-noto-serif``); it is registered with WeasyPrint by path, through ``@font-face``,
under its own family name, so a template's font list can name it after the fonts it prefers.
"""

from __future__ import annotations

from pathlib import Path

import fontpkg_noto_serif

FAMILY = "Noto Serif"
FOLDER: Path = fontpkg_noto_serif.ROOT / "files"
_FILES = {"normal": "NotoSerif[wdth,wght].ttf", "italic": "NotoSerif-Italic[wdth,wght].ttf"}


def font_faces() -> str:
    """CSS ``@font-face`` rules for the packaged serif (variable weight, roman and italic)."""
    rules = []
    for style, name in _FILES.items():
        rules.append(
            f'@font-face {{ font-family: "{FAMILY}"; src: url("{(FOLDER / name).as_uri()}"); '
            f"font-style: {style}; font-weight: 100 900; }}"
        )
    return "\n".join(rules)
