"""Reading every figure back out of the outputs of a sample, with the place it was printed.

For the figure-agreement test: each figure of an input (an indicator's figure of the year,
last year's, its target, its total, its parts; next year's targets) and each figure reportgen
computes from them (a difference, a percentage) is looked for in every output — the article
as a page, as a body, as text and as PDF; the report as HTML and as PDF — in sentences,
tables, the chart and the annex, and collected as printed, in full (a cell with its row's unit).

This module reads the outputs' text, tables and chart; :mod:`tests.printed_sentences` reads
sentences; ``tests/test_figures_agree.py`` puts them together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pdfplumber
import pypdf

from reportgen import compute, unit
from reportgen.rollup import SubUnit
from reportgen.schema import ChiTieu, ChiTieuNamSau, Loai, texts
from reportgen.vi.periods import Ky
from tests.conftest import html_text

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
SCALE = r"nghìn|ngàn|triệu|tỷ|tỉ"
APPROX = r"gần như|khoảng|hơn|trên|gần"
TERM = rf"(?:{NUMBER})(?: (?:{SCALE}))?"
FIGURE = rf"(?:(?:{APPROX}) )?-?{TERM}(?: {TERM})*(?: đồng|%)?"
FIGURES = rf"{FIGURE}(?:/{FIGURE})?"
PERCENT = rf"(?:khoảng )?(?:{NUMBER})%"
SCALES = {"nghìn", "ngàn", "triệu", "tỷ", "tỉ"}

PROSE = ("article.html", "article-body.html", "article.txt", "article.pdf", "report.html", "report.pdf")


@dataclass(frozen=True)
class Printed:
    """One figure as one output printed it."""

    key: str
    """The indicator or target; ``<sub-unit file>/<key>`` for an annex row."""
    field: str
    """``gia_tri``, ``nam_truoc``, ``ke_hoach``, ``tong``, ``trong_do:<part>``, or a comparison:
    ``chenh_lech``, ``phan_tram``, ``bang``, ``dat``, ``vuot``, ``chiem``, ``ty_le:<part>``."""
    text: str
    """In full and in lower case: ``8,65 tỷ đồng``, ``hơn 196.000``, ``2 triệu``, ``29,4%``."""
    where: str


@dataclass
class Sample:
    """An input as the outputs should show it: its indicators with their figures as they print."""

    source: Path
    year: int
    indicators: dict[str, ChiTieu]
    targets: dict[str, ChiTieuNamSau]
    paragraphs: list[str]
    """Every text of the results, shortcomings and directions: in every output."""
    sub_units: list[SubUnit]
    period: Ky
    names: dict[str, str] = field(default_factory=dict)
    """Each indicator's key by its name in the tables."""

    @classmethod
    def read(cls, source: Path) -> Sample:
        made = unit.make(source)
        data = made.data
        indicators = {
            key: compute.shown(c, data.hien_thi)
            for g in data.chi_tieu.values()
            for key, c in g.danh_sach.items()
        }
        targets = {key: compute.shown(t, data.hien_thi) for key, t in data.chi_tieu_nam_sau.items()}
        paragraphs = texts([*data.ket_qua, *data.han_che, *data.phuong_huong])
        sample = cls(source, data.nam, indicators, targets, paragraphs, made.sub_units, compute.period(data))
        sample.names = {c.ten_bang.lower(): key for key, c in indicators.items()}
        return sample

    def groups(self) -> dict[str, list[str]]:
        data = unit.make(self.source).data
        return {key: list(group.danh_sach) for key, group in data.chi_tieu.items()}


# --- the outputs as text -------------------------------------------------------------------------


def _spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\ufeff", "")).strip()


def prose_of(path: Path) -> str:
    """The text of an output as a reader reads it, spaces collapsed; a PDF without its page numbers."""
    if path.suffix == ".txt":
        return _spaces(path.read_text(encoding="utf-8"))
    if path.suffix == ".html":
        html = path.read_text(encoding="utf-8")
        return html_text(path) if "<body" in html else _spaces(re.sub(r"<[^>]+>", " ", html))
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines = (page.extract_text() or "").splitlines()
            if lines and lines[0].strip() == str(page.page_number):  # the number in the top margin
                lines = lines[1:]
            pages.append(" ".join(lines))
    return _spaces(" ".join(pages))


def pdf_lines(path: Path) -> list[str]:
    """The PDF's lines in the order they are drawn (a chart's text comes panel after panel)."""
    return [
        line.strip()
        for page in pypdf.PdfReader(path).pages
        for line in (page.extract_text() or "").splitlines()
    ]


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None
        self.svg = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append(_spaces("".join(self.cell)))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def html_tables(path: Path) -> list[list[list[str]]]:
    parser = _Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tables


def pdf_tables(path: Path) -> list[list[list[str]]]:
    with pdfplumber.open(path) as pdf:
        return [
            [[_spaces(cell or "") for cell in row] for row in table]
            for page in pdf.pages
            for table in page.extract_tables()
        ]


def svg_texts(path: Path) -> list[str]:
    """The chart's texts, panel after panel: each panel's starts after a ``<g id="axes_…">``."""
    html = path.read_text(encoding="utf-8")
    found = re.findall(r'<g id="axes_\d+">|<text [^>]*>([^<]*)</text>', html)
    return ["" if text == "" else text for text in found]


# --- tables, the annex and the chart ------------------------------------------------------------


def in_full(cell: str, unit: str, kind: Loai) -> str:
    """A cell's figure with what its row's unit says of it: ``8,65`` in ``tỷ đồng`` is ``8,65 tỷ đồng``."""
    cell = cell.lower()
    if kind is Loai.TY_LE or not cell:
        return cell
    scale = unit.split(" ")[0] if unit.split(" ")[0] in SCALES else ""
    own = re.search(rf"\b(?:{SCALE})\b", cell)
    if scale and not own:
        cell = f"{cell} {scale}"
    return f"{cell} đồng" if kind is Loai.TIEN else cell


def tables(sample: Sample, found: list[list[list[str]]], where: str) -> Iterator[Printed]:
    year, period = sample.year, sample.period
    columns = {
        period.cot(period.nam_so_sanh).lower(): "nam_truoc",
        period.cot(year).lower(): "gia_tri",
        period.ke_hoach: "ke_hoach",
    }
    change = f"so với {period.so_voi_cot()}"
    for table in found:
        if not table or not table[0] or table[0][0] != "TT":
            continue
        header = [cell.lower() for cell in table[0]]
        if header[1] == "đơn vị":
            yield from _annex(sample, table, header, where + " annex")
            continue
        current: ChiTieu | None = None
        key = ""
        for row in table[1:]:
            name = row[1]
            if row[0]:
                key = sample.names[name.lower()]
                current = sample.indicators[key]
            if current is None or name.lower() == "trong đó:":
                continue
            unit = row[2]
            for index, title in enumerate(header):
                # A long number may break after a group separator, as a total may after its "/".
                cell = re.sub(r"(?<=[\d.]/) |(?<=\d\.) (?=\d{3})", "", row[index])
                if not cell:
                    continue
                if not row[0] and name.startswith("- "):  # a part, under its indicator
                    if columns.get(title) == "gia_tri":
                        yield Printed(
                            key, "trong_do:" + name[2:].lower(), in_full(cell, unit, current.loai), where
                        )
                elif columns.get(title) == "gia_tri" and "/" in cell:
                    part, whole = cell.split("/")
                    yield Printed(key, "gia_tri", in_full(part, unit, current.loai), where + " table")
                    yield Printed(key, "tong", in_full(whole, unit, current.loai), where + " table")
                elif title in columns:
                    yield Printed(key, columns[title], in_full(cell, unit, current.loai), where + " table")
                elif title == change and cell == "tương đương":
                    yield Printed(key, "huong", cell, where + " table")
                elif title == change:
                    words = cell.split(" ", 1)
                    yield Printed(key, "huong", words[0], where + " table")
                    if words[1:] and words[1].endswith(" điểm"):
                        yield Printed(key, "chenh_lech", words[1].removesuffix(" điểm"), where + " table")
                    elif words[1:] and words[1].endswith("%"):
                        yield Printed(key, "phan_tram", words[1], where + " table")
                elif title == f"đạt {period.ke_hoach}":
                    yield Printed(key, "dat", cell.lower(), where + " table")


def _annex(sample: Sample, table: list[list[str]], header: list[str], where: str) -> Iterator[Printed]:
    keys = {}
    for index, title in enumerate(header[2:], start=2):
        name, _, unit = title.rpartition(" (")
        keys[index] = (sample.names[name], unit.removesuffix(")"))
    units = {sub.ten.lower(): sub for sub in sample.sub_units}
    for row in table[1:]:
        sub = units.get(row[1].lower())
        for index, (key, unit) in keys.items():
            cell = re.sub(r"(?<=\d\.) (?=\d{3})", "", row[index])
            if cell in ("", "–"):
                continue
            figure = in_full(cell, unit, sample.indicators[key].loai)
            owner = key if row[1].lower() == "tổng cộng" else f"{sub.source.name}/{key}" if sub else "?"
            yield Printed(owner, "gia_tri", figure, where)


def chart(sample: Sample, lines: list[str], where: str) -> Iterator[Printed]:
    """The bars of each panel: its ticks, as many labels, then its title (``Tên (đơn vị)``)."""
    year, period = sample.year, sample.period
    ticks = {
        period.cot_ngan(period.nam_so_sanh): "nam_truoc",
        period.cot_ngan(year): "gia_tri",
        period.ke_hoach_ngan: "ke_hoach",
    }
    index = 0
    while index < len(lines):
        count = 0
        while index + count < len(lines) and lines[index + count] in ticks:
            count += 1
        if not count:
            index += 1
            continue
        labels = lines[index + count : index + 2 * count]
        title, end = "", index + 2 * count
        while end < len(lines) and lines[end] not in ticks and lines[end]:
            title = f"{title} {lines[end]}".strip()
            end += 1
            name, _, unit = title.rpartition(" (")
            if name.lower() in sample.names:
                break
            if title.lower() in sample.names:  # its unit may follow on a line of its own
                if end < len(lines) and lines[end].startswith("(") and lines[end].endswith(")"):
                    title = f"{title} {lines[end]}"
                    end += 1
                break
        name, _, unit = title.rpartition(" (")
        key = sample.names.get(title.lower()) or sample.names.get(name.lower())
        if key is not None:
            unit = "" if title.lower() in sample.names else unit.removesuffix(")")
            for tick, label in zip(lines[index : index + count], labels, strict=True):
                yield Printed(key, ticks[tick], in_full(label, unit, sample.indicators[key].loai), where)
        index = end
