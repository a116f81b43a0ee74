"""Pictures and measures for the Word copies: the chart as PNG and SVG, photos, text widths.

The chart comes as the SVG the template drew (:mod:`reportgen.charts`). Word 2016 and later
show an SVG; older Word and LibreOffice need a bitmap beside it, which resvg draws at 300 dpi
with the text in the document's own font, so both show the same chart. Photos are the files
the build staged beside the page; nothing else on the machine is read.

Lines that Decree 30 draws under the issuing body and the national motto are as long as their
text, which only the font knows: widths are summed from the font's advance widths (fontTools),
in the font the document names, or its metric twin on a machine without it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reportgen import fonts
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _

CHART_DPI = 300.0
"""A chart printed at the width of the text block stays sharp at this resolution."""
MAX_PICTURE_BYTES = 20 * 1024 * 1024
"""As for a printed page: a print-size photo is a few megabytes."""


@dataclass(frozen=True)
class Typeface:
    """The font the Word copies name, and the faces on this machine that measure like it."""

    family: str
    """As the reference document names it: what Word and LibreOffice print with."""
    font: fonts.Font
    """Faces with its metrics: itself where installed, else a metric twin, else Noto Serif."""

    @classmethod
    def named(cls, family: str) -> Typeface:
        """Find ``family`` on this machine, or the font reportgen would print the PDF in."""
        try:
            return cls(family, fonts.choose(family))
        except ReportgenError:
            return cls(family, fonts.choose())

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        """How wide ``text`` sets at ``size`` points, in points (kerning aside)."""
        face = min(
            self.font.faces,
            key=lambda f: (f.italic != italic, abs(_weight(f.weight) - (700 if bold else 400))),
        )
        advances, per_em = _advances(face.path)
        fallback = advances.get(ord("n"), per_em // 2)
        return sum(advances.get(ord(char), fallback) for char in text) * size / per_em


def _weight(css: str) -> float:
    """A face's weight; a variable face's range counts as regular (its default instance)."""
    low, *high = css.split()
    return 400 if high else float(low)


@functools.cache
def _advances(path: Path) -> tuple[dict[int, int], int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        metrics = font["hmtx"].metrics
        cmap = font.getBestCmap() or {}
        per_em = int(font["head"].unitsPerEm)
        return {code: metrics[glyph][0] for code, glyph in cmap.items() if glyph in metrics}, per_em


def chart_svg(svg: str, family: str) -> str:
    """The chart's SVG as Word should read it: text in ``family``, not reportgen's PDF alias."""
    return svg.replace(f"'{fonts.REPORT_FAMILY}'", f"'{family}'")


def chart_png(svg: str, typeface: Typeface) -> bytes:
    """Draw the chart at 300 dpi, its text in the faces that measure like the document's font.

    Raises:
        ReportgenError: resvg could not read the SVG.
    """
    import resvg_py

    font = typeface.font
    faces = [str(face.path) for face in (*font.faces, *fonts.PACKAGED.faces)]
    try:
        return bytes(
            resvg_py.svg_to_bytes(
                svg_string=chart_svg(svg, font.family),
                dpi=CHART_DPI,
                background="#ffffff",
                skip_system_fonts=True,  # the same faces on every machine that has them
                font_files=faces,
                serif_family=font.family,
            )
        )
    except ValueError as error:
        raise ReportgenError.at(
            Location(Path("<svg>")), _("không vẽ được biểu đồ: {error}").format(error=error)
        ) from None


# The opening and the closing tag are found apart: one pattern "<svg ... </svg>" scanned to the
# end of the page from every "<svg" when none is closed, in time that grew with the square of it.
_SVG_OPEN = re.compile(r"<svg\b", re.IGNORECASE)
_SVG_CLOSE = re.compile(r"</svg\s*>", re.IGNORECASE)


def lift_svgs(html: str) -> tuple[str, list[str]]:
    """Take each inline ``<svg>`` out of ``html``, leaving an empty numbered one in its place.

    An HTML parser lower-cases SVG's names (``viewBox``, ``clipPath``), which breaks the
    picture; the SVG is kept as written and handed over as text.

    >>> lift_svgs('<p>a</p><svg viewBox="0 0 1 1"><clipPath/></svg>')
    ('<p>a</p><svg data-lifted="0"></svg>', ['<svg viewBox="0 0 1 1"><clipPath/></svg>'])
    """
    lifted: list[str] = []
    kept: list[str] = []
    done = 0
    while (opening := _SVG_OPEN.search(html, done)) and (closing := _SVG_CLOSE.search(html, opening.end())):
        kept += [html[done : opening.start()], f'<svg data-lifted="{len(lifted)}"></svg>']
        lifted.append(html[opening.start() : closing.end()])
        done = closing.end()
    return "".join([*kept, html[done:]]), lifted


def picture_file(src: str, page: Path, roots: Sequence[Path], document: Path) -> Path:
    """The file an ``<img src>`` of a page in folder ``page`` names, if the page may use it.

    As for printing (:mod:`reportgen.fetching`): a regular file, under the page's folder or
    the templates, within the size cap; never an address on the network.

    Raises:
        ReportgenError: naming the document and the picture, when it may not be read.
    """
    parts = urlsplit(src)
    where = Location(document)
    if parts.scheme not in ("", "file"):
        raise ReportgenError.at(
            where,
            _("không đọc “{url}”: {reason}").format(
                url=src, reason=_("chỉ đọc được tệp trong thư mục mẫu và ảnh của hội, không đọc địa chỉ mạng")
            ),
        )
    try:
        path = (page / unquote(parts.path)).resolve(strict=True)
        size = path.stat().st_size
    except (OSError, RuntimeError):
        raise ReportgenError.at(
            where, _("không đọc “{url}”: {reason}").format(url=src, reason=_("không có tệp này"))
        ) from None
    if not any(path.is_relative_to(root.resolve()) for root in [page, *roots]):
        reason = _("tệp nằm ngoài thư mục mẫu và thư mục kết quả")
    elif not path.is_file():
        reason = _("không phải tệp thường")
    elif size > MAX_PICTURE_BYTES:
        reason = _("tệp quá lớn (hơn {size} MB)").format(size=MAX_PICTURE_BYTES // (1024 * 1024))
    else:
        return path
    raise ReportgenError.at(where, _("không đọc “{url}”: {reason}").format(url=src, reason=reason))
