"""Reading a rendered page for Word: its elements, classes, inline text and white space.

The HTML side of :mod:`reportgen.word.page`: which elements are blocks, which are left out,
how a paragraph's inline content flattens into runs, and how white space collapses, as a
browser (and so the PDF) collapses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx.shared import Length, Pt
from docx.styles.style import ParagraphStyle

BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "div", "dl", "dd", "dt", "figcaption", "figure"}
    | {"footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p"}
    | {"pre", "section", "table", "ul", "svg"}
)
SKIPPED = frozenset({"head", "script", "style", "template", "title", "meta", "link", "noscript", "button"})

_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML's white space; a no-break space is a letter
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")


def writable(text: str) -> str:
    r"""Drop the control characters XML, and so Word, cannot hold; a browser shows none of them.

    >>> writable("Chất lượng\x07 còn thấp")
    'Chất lượng còn thấp'
    """
    return _UNWRITABLE.sub("", text)


@dataclass(frozen=True)
class Format:
    """How a run of text is set."""

    bold: bool = False
    italic: bool = False
    nobreak: bool = False
    script: str = ""


BREAK = object()
"""A line break in a paragraph's content."""


def classes(element: Any) -> list[str]:
    """The element's classes, in order."""
    return str(element.get("class", "")).split()


def shown(element: Any) -> bool:
    """Whether the element is written: not a comment, script, style or ``hidden`` element."""
    return isinstance(element.tag, str) and element.tag not in SKIPPED and element.get("hidden") is None


def content(element: Any) -> Iterator[Any]:
    """The element's text and children in document order, each child followed by its tail."""
    if element.text:
        yield element.text
    for child in element:
        yield child
        if child.tail:
            yield child.tail


def collapse(segments: list[Any]) -> list[Any]:
    """Collapse white space as a browser does: runs of it become one space, none at line ends."""
    out: list[Any] = []
    at_start = True
    for segment in segments:
        if segment is BREAK or not isinstance(segment, tuple):
            trim_end(out)
            out.append(segment)
            at_start = segment is BREAK
            continue
        text, fmt = segment
        text = _SPACES.sub(" ", writable(text))
        if at_start or (out and isinstance(out[-1], tuple) and out[-1][0].endswith(" ")):
            text = text.lstrip(" ")
        if text and out and isinstance(out[-1], tuple) and out[-1][1] == fmt:
            out[-1] = (out[-1][0] + text, fmt)  # one run for text set alike: Word sees one word
        elif text:
            out.append((text, fmt))
        at_start = at_start and not text
    trim_end(out)
    return out


def trim_end(out: list[Any]) -> None:
    """Drop the spaces that end the last segments, as a browser drops them at a line's end."""
    while out and isinstance(out[-1], tuple) and out[-1][0].endswith(" "):
        text, fmt = out.pop()
        if text.rstrip(" "):
            out.append((text.rstrip(" "), fmt))
            break


def look(style: Any) -> tuple[float, bool, bool]:
    """The size, boldness and slant a paragraph style sets, following its base styles."""
    size, bold, italic = None, None, None
    while isinstance(style, ParagraphStyle):
        font = style.font
        size = size if size is not None else (font.size.pt if font.size is not None else None)
        bold = bold if bold is not None else font.bold
        italic = italic if italic is not None else font.italic
        style = style.base_style
    return size or 14.0, bool(bold), bool(italic)


_UNITS = {"pt": 1.0, "px": 0.75, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "": 0.75}


def svg_width(svg: str) -> Length | None:
    """The width an SVG asks for, from its root's ``width`` attribute."""
    found = re.search(r'<svg\b[^>]*?\bwidth="([\d.]+)\s*(pt|px|mm|cm|in|)"', svg)
    return Length(Pt(float(found[1]) * _UNITS[found[2]])) if found else None
