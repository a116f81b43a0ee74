"""Stage 5 support, charts: the main indicators drawn by matplotlib as SVG, with text as text.

One small panel per indicator, each on its own scale, since a count of members and a fund in
tỷ đồng cannot share an axis: last year, this year and the target side by side, bars from zero,
each labelled with its figure as the report's table prints it (:mod:`reportgen.vi.figures`).
Grey and outline rather than colour, because the report is printed and photocopied in black and
white.

The SVG keeps its text as ``<text>`` (``svg.fonttype: none``) in the family the report prints
in (:data:`~reportgen.fonts.REPORT_FAMILY`), so the PDF embeds one font for page and chart alike.
matplotlib lays the text out with the packaged Noto Serif's metrics on every machine: the chart
is then the same everywhere, and Noto Serif being wider than Times New Roman, what fits in it
fits in the font that prints. matplotlib is imported only when a chart is drawn.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
import textwrap
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reportgen import fonts
from reportgen.schema import ChiTieu
from reportgen.vi import figures
from reportgen.vi.periods import YEAR, Ky

COLUMNS = 3
TEXT_WIDTH_MM = 165
"""The report's text block: A4 less its 30 mm and 15 mm margins; the chart is drawn at that size."""
PANEL_HEIGHT_MM = 52
MM = 1 / 25.4
NBSP = "\u00a0"
TITLE_CHARACTERS = 28
"""Panel titles wrap at this many characters, so that neighbouring titles never touch."""
TITLE_LINES = 4
"""A longer title is cut with "…": more lines would leave its panel no room for the bars."""

LAST_YEAR = "#bdbdbd"
THIS_YEAR = "#3a3a3a"
TARGET = "#ffffff"


@dataclass(frozen=True)
class Panel:
    """One indicator as a panel shows it: its title, and the bars with their labels."""

    title: str
    unit: str
    """Printed after the title in brackets; empty for a percentage, whose figures carry %."""
    bars: list[tuple[str, float, str, str]]
    """(label under the bar, height, figure above it, fill colour), in drawing order."""


def panel(indicator: ChiTieu, year: int, period: Ky | None = None) -> Panel:
    """Describe one indicator's panel: last year, this year and the target, where known.

    The panel is counted in the unit the figure of the year is written in, as the report's
    table is, and each bar is labelled with its figure as the table's cell prints it. The bars'
    labels name the ``period``'s years (``Năm 2022``, ``6 tháng 2024``), one year by default.

    >>> p = panel(ChiTieu(nhan="tổng quỹ", loai="tien", gia_tri="8,65 tỷ", nam_truoc="7.900 triệu"), 2023)
    >>> p.title, p.unit, [(label, figure) for label, _, figure, _ in p.bars]
    ('Tổng quỹ', 'tỷ đồng', [('Năm 2022', '7.900 triệu'), ('Năm 2023', '8,65')])
    """
    row = indicator.gia_tri
    unit = figures.unit_label(row, indicator.don_vi)
    # Each panel has its own axis: heights only need one scale within the panel.
    divisor = Decimal(figures.SCALES[row.scale] if not row.mixed else 1)
    bars = []
    period = period or Ky(YEAR, year)
    earlier = indicator.so_voi_nam or period.nam_so_sanh
    for label, figure, colour in (
        (period.cot_ngan(earlier), indicator.nam_truoc, LAST_YEAR),
        (period.cot_ngan(year), row, THIS_YEAR),
        (period.ke_hoach_ngan, indicator.ke_hoach, TARGET),
    ):
        if figure is not None:
            bars.append((label, float(figure.value / divisor), figures.cell(figure, row), colour))
    return Panel(indicator.ten_bang, "" if unit == "%" else unit, bars)


def _settings() -> Any:  # matplotlib types rc keys as a long Literal; these are all valid
    return {
        "svg.fonttype": "none",  # text stays text, printed in the report's own font
        "svg.hashsalt": "reportgen",  # the same ids on every build, so the HTML does not churn
        "text.parse_math": False,  # a "$" in a name is a dollar sign, not mathematics
        "font.family": ["serif"],
        # The SVG names the report's family first; matplotlib measures with the first it has,
        # the packaged Noto Serif, which it is given below.
        "font.serif": [fonts.REPORT_FAMILY, fonts.PACKAGED.family, "Times New Roman"],
        "font.size": 9,
        "axes.unicode_minus": False,
    }


def _register_packaged_font() -> None:
    from matplotlib import font_manager

    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    for face in fonts.PACKAGED.faces:
        if str(face.path) not in known:
            font_manager.fontManager.addfont(str(face.path))


def indicator_chart(indicators: Sequence[ChiTieu], year: int, period: Ky | None = None) -> str:
    """Draw the panels of ``indicators`` for year ``year`` of ``period``; return the ``<svg>`` element."""
    import matplotlib
    from matplotlib.figure import Figure

    _register_packaged_font()
    panels = [panel(indicator, year, period) for indicator in indicators]
    rows = math.ceil(len(panels) / COLUMNS)
    # Ids are hashes salted by what the chart shows: the same on every build, and different for
    # two different charts on one page, whose clipping boxes may otherwise be the same.
    salt = hashlib.sha256(repr(panels).encode()).hexdigest()[:12]
    settings = {**_settings(), "svg.hashsalt": f"reportgen-{salt}"}
    with matplotlib.rc_context(settings), warnings.catch_warnings():
        # Should the layout still not fit, matplotlib keeps the plain one and says so on the
        # terminal, where the secretary can do nothing about it.
        warnings.filterwarnings("ignore", message="constrained_layout not applied")
        figure = Figure(figsize=(TEXT_WIDTH_MM * MM, rows * PANEL_HEIGHT_MM * MM), layout="constrained")
        axes = figure.subplots(rows, COLUMNS, squeeze=False).flatten()
        for ax, shown in zip(axes, panels, strict=False):
            _draw(ax, shown)
        for ax in axes[len(panels) :]:
            ax.set_axis_off()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata=NO_METADATA)
    return _inline(buffer.getvalue())


NO_METADATA: dict[str, None] = {"Date": None, "Creator": None, "Format": None, "Type": None}
"""matplotlib writes a ``<metadata>`` block of RDF unless every key it fills is None; HTML does
not allow RDF inside an SVG, and a build date would make every build differ."""

_ID = re.compile(r' id="([^"]+)"')


def _inline(svg: str) -> str:
    """The ``<svg>`` element alone, ready to sit in an HTML page.

    The XML prologue and doctype go; so do the ids nothing refers to (matplotlib labels every
    group ``figure_1``, ``axes_1``…), which would repeat if a page drew two charts.
    """
    svg = svg[svg.index("<svg") :]
    used = set(re.findall(r"#([^\s\")]+)", svg))
    return _ID.sub(lambda found: found[0] if found[1] in used else "", svg)


def _draw(ax: Any, shown: Panel) -> None:
    labels = [bar[0] for bar in shown.bars]
    heights = [bar[1] for bar in shown.bars]
    colours = [bar[3] for bar in shown.bars]
    drawn = ax.bar(labels, heights, width=0.62, color=colours, edgecolor="#000000", linewidth=0.6)
    ax.bar_label(drawn, labels=[bar[2] for bar in shown.bars], padding=2, fontsize=8.5)
    # Regular weight: matplotlib measures with the variable Noto Serif's default instance only,
    # so bold titles would be measured narrower than they print.
    # The unit's words are held together by no-break spaces while the title is wrapped.
    unit = f" ({shown.unit.replace(' ', NBSP)})" if shown.unit else ""
    cut = f" …{unit}"  # a title too long for its lines loses words, never its unit
    lines = textwrap.wrap(shown.title + unit, TITLE_CHARACTERS, max_lines=TITLE_LINES, placeholder=cut)
    title = "\n".join(lines).replace(NBSP, " ")
    ax.set_title(title, fontsize=9.5, pad=4)
    top = max([*heights, 0]) or 1
    ax.set_ylim(min([*heights, 0]) * 1.2, top * 1.2)
    ax.tick_params(axis="x", length=0, labelsize=8.5)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_linewidth(0.6)
