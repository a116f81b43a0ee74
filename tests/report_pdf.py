"""Reading a printed report back: where each piece of text stands, in which font and size."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pypdf

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
LEFT, RIGHT, TOP, BOTTOM = 30 * MM, (210 - 15) * MM, 20 * MM, (297 - 20) * MM
"""The Decree's margins as reportgen sets them: the edges of the text block, in points."""
CENTRE = (LEFT + RIGHT) / 2
X_TOLERANCE = 1.5
"""Chart labels are set letter by letter; a gap wider than this is a space."""


def open_pdf(path: Path) -> Any:
    return pdfplumber.open(path)


def lines(page: Any) -> list[dict[str, Any]]:
    """The page's lines of text, top to bottom, each with its chars."""
    return list(page.extract_text_lines(x_tolerance=X_TOLERANCE))


def find(page: Any, text: str) -> dict[str, Any]:
    """The first place ``text`` stands on the page; fails the test when it is not there."""
    found = page.search(re.escape(text), regex=True, x_tolerance=X_TOLERANCE)
    assert found, f"{text!r} not on page {page.page_number}"
    return dict(found[0])


def find_all(pdf: Any, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Every place ``text`` stands, with the page number it stands on."""
    for page in pdf.pages:
        for match in page.search(re.escape(text), regex=True, x_tolerance=X_TOLERANCE):
            yield page.page_number, dict(match)


def style(match: dict[str, Any]) -> tuple[str, float]:
    """The one font (without its subset tag) and size of a match; fails if it mixes them."""
    kinds = {
        (c["fontname"].split("+", 1)[-1], round(c["size"], 1)) for c in match["chars"] if c["text"].strip()
    }
    assert len(kinds) == 1, kinds
    return kinds.pop()


def centre(match: dict[str, Any]) -> float:
    return float(match["x0"] + match["x1"]) / 2


def baseline(page: Any, match: dict[str, Any]) -> float:
    """The baseline of a match's first letter, measured from the top of the page like ``top``."""
    return float(page.height - match["chars"][0]["matrix"][5])


def rules(page: Any) -> list[dict[str, float]]:
    """Horizontal rules: thin filled boxes and lines, with their extent."""
    found = []
    for shape in [*page.rects, *page.lines]:
        if shape["bottom"] - shape["top"] < 1.5 and shape["x1"] - shape["x0"] > 5:
            found.append({k: float(shape[k]) for k in ("x0", "x1", "top", "bottom")})
    return found


def rule_under(page: Any, match: dict[str, Any], within: float = 12) -> dict[str, float]:
    """The nearest rule below a match, or the bottom edge of a box drawn around it."""
    below = [r for r in rules(page) if 0 <= r["top"] - match["bottom"] + 2 <= within]
    boxes = [
        {"x0": float(r["x0"]), "x1": float(r["x1"]), "top": float(r["bottom"]), "bottom": float(r["bottom"])}
        for r in page.rects
        if r["height"] >= 1.5 and abs(r["x0"] - match["x0"]) < 1 and abs(r["x1"] - match["x1"]) < 1
    ]
    candidates = below + [b for b in boxes if 0 <= b["top"] - match["bottom"] + 2 <= within]
    assert candidates, f"no rule under {match['text']!r}"
    return min(candidates, key=lambda r: r["top"])


def body_size(pdf: Any) -> float:
    sizes: Counter[float] = Counter()
    for page in pdf.pages:
        sizes.update(round(c["size"], 1) for c in page.chars if c["text"].strip())
    return sizes.most_common(1)[0][0]


def embedded_fonts(path: Path) -> set[str]:
    """Every font the PDF uses, by name without the subset tag; each must carry its font file."""
    names = set()
    for page in pypdf.PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font
            names.add(str(font["/BaseFont"]).split("+", 1)[-1])
    return names
