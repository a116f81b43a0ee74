"""Stage 6, forms: the share card, the picture a social network shows for an article that has no photo.

A portal or Facebook shows a shared link with a large picture, ``og:image``; an article without
photos would show an empty frame. reportgen draws one instead (Pillow): the association's name,
the headline as the page prints it, and the year, in the packaged Noto Serif, which has every
Vietnamese letter. It is 1200 × 630 pixels, the proportion the networks crop to, and is written
into the output's photo folder beside the article.
"""

from __future__ import annotations

import functools
import io
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from PIL import Image, ImageDraw, ImageFont

from reportgen import fonts
from reportgen.compute import SHARE_CARD

NAME = SHARE_CARD["src"]
"""Where the card is written, relative to the output folder, as the article's page names it."""
WIDTH, HEIGHT = SHARE_CARD["width"], SHARE_CARD["height"]

MARGIN = 80
INK = "#1a1a1a"
MUTED = "#555555"
ACCENT = "#9b1c1c"
"""The article page's own colours (article.css): the card looks like the page it stands for."""
HEADLINE_SIZES = (64, 58, 52, 46, 40)
"""The headline is set as large as fits in four lines."""
HEADLINE_LINES = 4


@dataclass(frozen=True)
class Card:
    """A drawn share card and where it goes."""

    name: str
    png: bytes


def draw(headline: str, organisation: str, year: int, period: str = "") -> Card:
    """Draw the share card of an article; ``period`` names what it reviews, when not the ``year``.

    >>> card = draw("Hội Nông dân tỉnh Bắc Kạn tổng kết công tác năm 2024", "Hội Nông dân tỉnh Bắc Kạn", 2024)
    >>> card.name, Image.open(io.BytesIO(card.png)).size
    ('anh/the-chia-se.png', (1200, 630))
    """
    headline, organisation = (_tidy(text) for text in (headline, organisation))
    image = Image.new("RGB", (WIDTH, HEIGHT), "#ffffff")
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, WIDTH, 14), fill=ACCENT)
    width = WIDTH - 2 * MARGIN

    name = _font(30, bold=True)
    top = 64
    for line in _at_most(balanced(organisation.upper(), name, width), 2, name, width):
        pen.text((MARGIN, top), line, font=name, fill=ACCENT)
        top += 42

    for size in HEADLINE_SIZES:
        face = _font(size, bold=True)
        lines = balanced(headline, face, width)
        if len(lines) <= HEADLINE_LINES:
            break
    else:  # too long even at the smallest size: fill whole lines and end the last with "…"
        lines = _at_most(_greedy(headline, face, width), HEADLINE_LINES, face, width)
    leading = round(size * 1.28)
    bottom = HEIGHT - 140
    top += (bottom - top - len(lines) * leading) // 2  # centred between the name and the footer
    for index, line in enumerate(lines):
        pen.text((MARGIN, top + index * leading), line, font=face, fill=INK)

    pen.rectangle((MARGIN, HEIGHT - 118, MARGIN + 96, HEIGHT - 114), fill=ACCENT)
    footer = _font(30, bold=False)
    pen.text((MARGIN, HEIGHT - 96), period or f"Tổng kết năm {year}", font=footer, fill=MUTED)

    out = io.BytesIO()
    # PNG's default compression: "optimize" made the card 4% smaller, four times slower.
    image.save(out, format="PNG")
    return Card(NAME, out.getvalue())


def _tidy(text: str) -> str:
    """Spaces collapsed and letters composed (NFC): one glyph for each Vietnamese letter."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def balanced(text: str, face: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Break ``text`` into as few lines as fit ``width``, as even in length as they can be.

    A greedy fill leaves a last line of one word ("… năm / 2024"); the narrowest width that
    still needs no more lines than the greedy fill gives lines of even length.
    """
    fewest = len(_greedy(text, face, width))
    low, high = 1.0, width
    while high - low > 2:
        middle = (low + high) / 2
        if len(_greedy(text, face, middle)) <= fewest:
            high = middle
        else:
            low = middle
    return _greedy(text, face, high)


def _greedy(text: str, face: ImageFont.FreeTypeFont, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and face.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _at_most(lines: list[str], count: int, face: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """The first ``count`` lines, the last of them holding what is left, cut to fit."""
    if len(lines) <= count:
        return lines
    return [*lines[: count - 1], _fit(" ".join(lines[count - 1 :]), face, width)]


def _fit(text: str, face: ImageFont.FreeTypeFont, width: float) -> str:
    """``text``, or as many of its words as fit ``width`` followed by "…"."""
    if face.getlength(text) <= width:
        return text
    words = text.split()
    while len(words) > 1 and face.getlength(" ".join(words) + " …") > width:
        words.pop()
    return " ".join(words) + " …"


@functools.cache
def _font(size: int, *, bold: bool) -> ImageFont.FreeTypeFont:
    """The packaged Noto Serif at ``size`` pixels, regular or bold, at its normal width.

    The basic layout (FreeType alone) rather than Raqm: the card is then the same on every
    machine, and every Vietnamese letter is one precomposed glyph of the font anyway.
    """
    upright = next(face for face in fonts.PACKAGED.faces if not face.italic)
    face = ImageFont.truetype(str(upright.path), size, layout_engine=ImageFont.Layout.BASIC)
    # Pillow lists the axes by name (b"Weight", b"Width"), in its own order.
    names = [axis["name"] for axis in face.get_variation_axes()]
    face.set_variation_by_axes([(700 if bold else 400) if name == b"Weight" else 100 for name in names])
    return face


def headline_of(page: str) -> str:
    """The text of the first ``<h1>`` of an HTML page: the headline as the reader sees it.

    >>> headline_of('<header><h1>Tổng kết <span>năm</span>  2024</h1></header><h1>Khác</h1>')
    'Tổng kết năm 2024'
    """
    reader = _Headline()
    reader.feed(page)
    return " ".join("".join(reader.parts).split())


class _Headline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0
        self.done = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "h1" and not self.done:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self.depth:
            self.depth -= 1
            self.done = True

    def handle_data(self, data: str) -> None:
        if self.depth and not self.done:
            self.parts.append(data)
