"""Stage 5 support, charts: the main indicators drawn as SVG, with text as text.

One small panel per indicator, each on its own scale, since a count of members and a fund in
tỷ đồng cannot share an axis: last year, this year and the target side by side, bars from zero,
each labelled with its figure as the report's table prints it (:mod:`reportgen.vi.figures`).
Grey and outline rather than colour, because the report is printed and photocopied in black and
white.

The SVG is written here, element by element, rather than by a plotting library: a few bars,
a line and their labels are all it holds, and matplotlib, which drew it before, took longer to
import and to draw this one figure than the rest of the report took to fill in. Its text stays
``<text>``, centred by the reader of the SVG, in the family the report prints in
(:data:`~reportgen.fonts.REPORT_FAMILY`), so the PDF embeds one font for page and chart alike.
Where each line of text sits is worked out from the packaged Noto Serif's vertical metrics;
titles are wrapped by their number of characters, which leaves room in a Times New Roman too.
"""

from __future__ import annotations

import hashlib
import html
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

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


WIDTH = TEXT_WIDTH_MM * MM * 72
"""The chart's width in points."""
ROW_HEIGHT = PANEL_HEIGHT_MM * MM * 72
PAD = 3.0
"""Points of white around the chart and, twice over, between its panels."""
TITLE_SIZE = 9.5
LABEL_SIZE = 8.5
ASCENT, DESCENT = 1.069, 0.293
"""Noto Serif's ascender and descender in ems: how far a line of text reaches above and below
its baseline (tests/test_charts.py reads them from the font)."""
LINE_SPACING = 1.362
"""From one baseline of a wrapped title to the next, in ems."""
TITLE_PAD, TICK_PAD, LABEL_PAD = 4.0, 3.5, 2.0
"""Points between a panel's title and its bars, its axis and the labels under it, a bar and its figure."""
BAR_WIDTH = 0.62
"""A bar's share of the room each bar has."""
MARGIN = 0.05
"""White left and right of the bars, as a share of their span."""
HEADROOM = 1.2
"""The axis runs to this much above the tallest bar, leaving room for its figure."""
STROKE = 0.6
FAMILY = f"'{fonts.REPORT_FAMILY}', '{fonts.PACKAGED.family}', 'Times New Roman', serif"


def indicator_chart(indicators: Sequence[ChiTieu], year: int, period: Ky | None = None) -> str:
    """Draw the panels of ``indicators`` for year ``year`` of ``period``; return the ``<svg>`` element.

    >>> members = ChiTieu(nhan="hội viên", don_vi="người", gia_tri="120", nam_truoc="100")
    >>> svg = indicator_chart([members], 2024)
    >>> print(svg[: svg.index(" viewBox")])
    <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="467.716535pt" height="147.401575pt"
    >>> [text.split(">")[1] for text in svg.split("<text ")[1:]]
    ['Năm 2023</text', 'Năm 2024</text', '100</text', '120</text', 'Hội viên (người)</text']
    """
    panels = [panel(indicator, year, period) for indicator in indicators]
    rows = math.ceil(len(panels) / COLUMNS)
    titles = [_title_lines(shown) for shown in panels]
    # Ids are hashes salted by what the chart shows: the same on every build, and different for
    # two different charts on one page, whose clipping boxes may otherwise be the same.
    salt = hashlib.sha256(repr(panels).encode()).hexdigest()[:12]
    height = rows * ROW_HEIGHT
    clips, drawn = [], []
    for index, (shown, lines) in enumerate(zip(panels, titles, strict=True)):
        row, column = divmod(index, COLUMNS)
        in_row = titles[row * COLUMNS : (row + 1) * COLUMNS]
        box = _Box.of(row, column, max(len(others) for others in in_row))
        clip = "p" + hashlib.sha256(f"{salt}-{index}".encode()).hexdigest()[:10]
        clips.append(f'<clipPath id="{clip}">{_rect(box.left, box.top, box.width, box.height)}/></clipPath>')
        drawn += _panel(shown, lines, box, clip)
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{_n(WIDTH)}pt" '
            f'height="{_n(height)}pt" viewBox="0 0 {_n(WIDTH)} {_n(height)}">',
            f"<defs>{''.join(clips)}</defs>",
            _rect(0, 0, WIDTH, height) + ' style="fill: #ffffff"/>',
            *drawn,
            "</svg>\n",
        ]
    )


@dataclass(frozen=True)
class _Box:
    """Where a panel's bars stand, in points from the chart's top left corner."""

    left: float
    top: float
    width: float
    height: float

    @classmethod
    def of(cls, row: int, column: int, title_lines: int) -> _Box:
        """The box of the panel in ``row`` and ``column``, below a title of ``title_lines`` lines.

        The panels of a row share the room their longest title needs, so their bars line up.
        """
        width = (WIDTH - 2 * PAD * COLUMNS) / COLUMNS
        top = row * ROW_HEIGHT + PAD + TITLE_SIZE * (ASCENT + (title_lines - 1) * LINE_SPACING) + TITLE_PAD
        bottom = (row + 1) * ROW_HEIGHT - PAD - LABEL_SIZE * (ASCENT + DESCENT) - TICK_PAD
        return cls(PAD + column * (width + 2 * PAD), top, width, bottom - top)

    @property
    def bottom(self) -> float:
        return self.top + self.height


def _title_lines(shown: Panel) -> list[str]:
    # The unit's words are held together by no-break spaces while the title is wrapped.
    unit = f" ({shown.unit.replace(' ', NBSP)})" if shown.unit else ""
    cut = f" …{unit}"  # a title too long for its lines loses words, never its unit
    lines = textwrap.wrap(shown.title + unit, TITLE_CHARACTERS, max_lines=TITLE_LINES, placeholder=cut)
    return [line.replace(NBSP, " ") for line in lines]


def _panel(shown: Panel, title: list[str], box: _Box, clip: str) -> list[str]:
    """One panel's elements: its bars and axis line, then its texts: ticks, figures, title.

    The texts come in that order, panel after panel, in the page and the PDF alike.
    """
    heights = [bar[1] for bar in shown.bars]
    low, high = min([*heights, 0]) * HEADROOM, (max([*heights, 0]) or 1) * HEADROOM

    def y(value: float) -> float:
        return box.bottom - (value - low) / (high - low) * box.height

    # Bar i stands at i on a scale running from the first bar's left edge to the last one's
    # right edge, with a margin either side.
    span = len(heights) - 1 + BAR_WIDTH
    scale = box.width / (span * (1 + 2 * MARGIN))
    centres = [box.left + (i + BAR_WIDTH / 2 + MARGIN * span) * scale for i in range(len(heights))]
    drawn, ticks, figures_shown = [], [], []
    for centre, (label, value, figure, colour) in zip(centres, shown.bars, strict=True):
        top, base = sorted((y(value), y(0)))
        drawn.append(
            _rect(centre - BAR_WIDTH * scale / 2, top, BAR_WIDTH * scale, base - top)
            + f' clip-path="url(#{clip})" style="fill: {colour}; {_STROKE}"/>'
        )
        ticks.append(_text(centre, box.bottom + TICK_PAD + LABEL_SIZE * ASCENT, LABEL_SIZE, label))
        # A figure stands above its bar, or below a bar that goes down.
        if value >= 0:
            baseline = y(value) - LABEL_PAD - LABEL_SIZE * DESCENT
        else:
            baseline = y(value) + LABEL_PAD + LABEL_SIZE * ASCENT
        figures_shown.append(_text(centre, baseline, LABEL_SIZE, figure))
    axis = f"M {_n(box.left)} {_n(box.bottom)} L {_n(box.left + box.width)} {_n(box.bottom)}"
    drawn.append(f'<path d="{axis}" style="fill: none; {_STROKE}; stroke-linecap: square"/>')
    middle = box.left + box.width / 2
    lines = [
        _text(
            middle,
            box.top - TITLE_PAD - (len(title) - 1 - number) * TITLE_SIZE * LINE_SPACING,
            TITLE_SIZE,
            line,
        )
        for number, line in enumerate(title)
    ]
    return [*drawn, *ticks, *figures_shown, *lines]


_STROKE = f"stroke: #000000; stroke-width: {STROKE}; stroke-linejoin: miter"


def _text(x: float, y: float, size: float, text: str) -> str:
    style = f"font-size: {_n(size)}px; font-family: {FAMILY}; text-anchor: middle"
    return f'<text x="{_n(x)}" y="{_n(y)}" style="{style}">{html.escape(text, quote=False)}</text>'


def _rect(x: float, y: float, width: float, height: float) -> str:
    """A ``<rect`` left open for more attributes."""
    return f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}"'


def _n(value: float) -> str:
    """A coordinate as SVG writes it: six decimals at most, no trailing zeros.

    >>> _n(467.71653543), _n(3.0), _n(-0.0)
    ('467.716535', '3', '0')
    """
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
