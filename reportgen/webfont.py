"""The standalone article's own font: the packaged Noto Serif, cut to Latin and Vietnamese.

``article.html`` is opened on machines whose serif lacks some Vietnamese letters; a browser then
takes ậ, ợ or ệ from another font in the middle of a word. The page therefore carries its font:
the Noto Serif that reportgen installs, its regular, bold and italic cut from the variable font
and reduced to the Latin and Vietnamese letters and the punctuation an article uses (fontTools),
compressed as WOFF2. The fonts are embedded in the page's stylesheet as ``data:`` addresses
rather than written beside it: the page keeps its font wherever it is mailed or opened from,
including from disk, where browsers may refuse fonts from other files. ``article-body.html``,
pasted into a portal that has its own fonts, carries no style and so no font.

Cutting the fonts takes several seconds, so it is done once per machine: the rules are kept in
the user's cache folder (``~/.cache/reportgen``, where programs keep what they can make again), under a name
made from the font files' own hash, and cut again only when the packaged font changes.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import re

import markupsafe

from reportgen import atomic, fonts

FAMILY = "Noto Serif reportgen"
"""The name article.css asks for: the page's own fonts, never one installed on the machine."""

FACES = (("normal", 400), ("normal", 700), ("italic", 400))
"""The faces the article prints: text, headings and bold lead, italic captions."""

_RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x017F),  # Latin-1 and Latin Extended-A: à á â ã è é ê ì í ò ó ô õ ù ú ý ă đ ĩ ũ
    (0x01A0, 0x01A1),  # Ơ ơ
    (0x01AF, 0x01B0),  # Ư ư
    (0x0300, 0x0303),  # the tone marks, for text typed decomposed
    (0x0306, 0x0306),
    (0x0309, 0x0309),
    (0x0323, 0x0323),
    (0x1EA0, 0x1EF9),  # the rest of Vietnamese: ạ ả ấ … ỹ
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x2030),
    (0x2032, 0x2033),
    (0x2039, 0x203A),
    (0x20AB, 0x20AC),  # ₫ €
    (0x2116, 0x2116),  # №
    (0x2122, 0x2122),
    (0x2212, 0x2212),  # the minus of the text-size button
    (0x2264, 0x2265),
)
CHARACTERS = frozenset(chr(code) for first, last in _RANGES for code in range(first, last + 1))
"""Every character the web font has: Latin, all of Vietnamese, and common punctuation."""


_RULES = re.compile(
    r'(@font-face \{ font-family: "[^"<>{}]+";[^<>{}]*'
    r'url\("data:font/woff2;base64,[A-Za-z0-9+/=]+"\)[^<>{}]*\}\n?)+'
)
"""What a kept stylesheet must look like to be used: font rules and nothing else."""


@functools.cache
def stylesheet() -> markupsafe.Markup:
    """The ``@font-face`` rules of the article's own fonts, each font inside its rule.

    Read from the cache folder when it holds them (and they are font rules only), else cut
    and kept there; a cache folder that cannot be written only means cutting them again.
    """
    kept = fonts.cache_folder() / f"noto-serif-web-{_key()}.css"
    try:
        rules = kept.read_text(encoding="ascii")
        if _RULES.fullmatch(rules):
            return markupsafe.Markup(rules)
    except (OSError, UnicodeDecodeError):
        pass
    rules = _cut_all()
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        atomic.write(kept, rules)  # another build reading at the same time sees all or nothing
    except OSError:
        pass
    return markupsafe.Markup(rules)


def _key() -> str:
    """A name for what is cut: the font files, the characters and faces kept, fontTools' version."""
    import fontTools

    digest = hashlib.sha256(repr((FAMILY, FACES, sorted(CHARACTERS), fontTools.version)).encode())
    for face in fonts.PACKAGED.faces:
        digest.update(face.path.read_bytes())
    return digest.hexdigest()[:16]


def _cut_all() -> str:
    rules = []
    for style, weight in FACES:
        data = base64.b64encode(_cut(style == "italic", weight)).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "{FAMILY}"; font-style: {style}; font-weight: {weight}; '
            f'font-display: swap; src: url("data:font/woff2;base64,{data}") format("woff2"); }}'
        )
    return "\n".join(rules) + "\n"


def _cut(italic: bool, weight: int) -> bytes:
    """One face of the packaged Noto Serif, reduced to :data:`CHARACTERS`, as WOFF2."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    face = next(face for face in fonts.PACKAGED.faces if face.italic == italic)
    with TTFont(face.path) as font:
        # Subset first, then fix the axes: instancing the few glyphs kept is much faster.
        options = subset.Options()
        options.name_IDs = ["*"]  # keep the copyright and the licence (SIL Open Font License)
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.hinting = False  # browsers on phones and desktops draw without TrueType hints
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[ord(character) for character in CHARACTERS])
        subsetter.subset(font)
        static = instancer.instantiateVariableFont(font, {"wght": weight, "wdth": 100})
        static.flavor = "woff2"
        out = io.BytesIO()
        static.save(out)
        return out.getvalue()
