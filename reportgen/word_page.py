"""One rendered page walked into a Word body: the contract between the templates and Word.

The page's elements say what each part is, as a browser reads them: ``h1`` is the title (a
line per child ``span.kind``/``span.subject``), ``h2``–``h4`` headings (Word's Heading 1–3, so
the navigation pane lists the sections), ``p`` and loose text body paragraphs, ``ul``/``ol``
lists, ``table`` a table whose ``thead`` rows repeat on every page, ``figure`` a picture (an
``img``, or an inline ``svg`` chart) with its ``figcaption``; ``strong``/``b``, ``em``/``i``,
``sup``/``sub`` and ``br`` keep their meaning inside a paragraph. ``head``, scripts, styles and
``hidden`` elements are left out. Classes add what elements cannot say:

- :data:`LAYOUT_TABLES` — ``table.header`` (the header block) and ``table.closing`` (signature
  and recipients) are borderless layout tables, whose classes name each part's style;
- :data:`CLASS_STYLES` — styles anywhere in the page (the title's lines, the annex, the article);
- ``.slogan`` is ruled as long as its text, a ``.ruled-short`` line gets a short rule centred
  under it (2/5 of its length), ``.nowrap`` keeps its hyphens unbroken;
- :data:`COLUMN_WIDTHS` — the data tables' column widths, by the classes of the header cells;
  ``td.num`` aligns right, ``td.stt``/``td.unit``/``td.change`` centre; ``tr.total`` is bold;
- ``.annex`` starts a new page; ``.ending`` is kept on one page with the paragraph before it.

An element the contract does not name is still written, as body text in its place.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Length, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from reportgen import word_xml
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _
from reportgen.word_pictures import chart_png, chart_svg, picture_file
from reportgen.word_reference import TABLE_STYLE

if TYPE_CHECKING:
    from reportgen.word import Word

HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
CLASS_STYLES = {
    "kind": "Title",
    "subject": "Subtitle",
    "annex-label": "Phụ lục (tiêu đề)",
    "annex-title": "Phụ lục (tiêu đề)",
    "annex-ref": "Phụ lục (trích yếu)",
    "dateline": "Ngày đăng",
    "byline": "Bút danh",
}
"""Paragraph styles by class, anywhere in a page; an element takes its own or its nearest ancestor's."""
LAYOUT_TABLES = {
    "header": {
        "parent": "Cơ quan cấp trên",
        "org": "Tên cơ quan",
        "nation": "Quốc hiệu",
        "slogan": "Tiêu ngữ",
        "number": "Số, ký hiệu",
        "place-date": "Địa danh, ngày tháng",
    },
    "closing": {
        "recipients": "Nơi nhận",
        "label": "Nơi nhận (tiêu đề)",
        "signature": "Chức vụ người ký",
        "sign-space": "Khoảng ký",
        "name": "Tên người ký",
    },
}
"""Borderless tables by class, and the styles their cells' classes name."""
COLUMN_WIDTHS: dict[str, dict[str, float]] = {
    "": {"stt": 0.04, "unit": 0.08, "year": 0.09, "change": 0.13, "target": 0.09, "attained": 0.09},
    "roomy": {"unit": 0.12, "year": 0.12},
    "annex-table": {"name": 0.40},
    "header": {"issuer": 0.42, "motto": 0.58},
    "closing": {"recipients": 0.5, "signature": 0.5},
}
"""A column's share of its table's width, by the class of its first row's cell; the table's own
classes add to the defaults (""). Columns without one share what is left."""
CELL_ALIGNMENT = {
    "num": WD_ALIGN_PARAGRAPH.RIGHT,
    "stt": WD_ALIGN_PARAGRAPH.CENTER,
    "unit": WD_ALIGN_PARAGRAPH.CENTER,
    "change": WD_ALIGN_PARAGRAPH.CENTER,
}

ROLE_STYLES = {
    "picture": "Hình",
    "chart caption": "Tên biểu đồ",
    "caption": "Caption",
    "rule": "Đường kẻ",
    "table heading": "Tiêu đề bảng",
    "table cell": "Ô bảng",
}
"""The styles of what the walk makes itself: pictures, captions, rules, table cells."""

BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "div", "dl", "dd", "dt", "figcaption", "figure"}
    | {"footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p"}
    | {"pre", "section", "table", "ul", "svg"}
)
SKIPPED = frozenset({"head", "script", "style", "template", "title", "meta", "link", "noscript", "button"})
CELL_PADDING = Pt(6)
"""The PDF's cells' padding, left and right together; the widths of COLUMN_WIDTHS exclude it."""
AFTER_BLOCK = Pt(12)
"""Space after a data table or a figure, as the PDF's margins leave."""
PHOTO_HEIGHT = Mm(110)
"""The tallest a photo stands, as in the printed article."""
SHORT_RULE = 0.4
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML's white space; a no-break space is a letter


class Container(Protocol):
    """The document's body or a table cell: where paragraphs and tables go."""

    def add_paragraph(self, text: str = "", style: Any = None) -> Paragraph: ...  # noqa: D102

    def add_table(self, rows: int, cols: int) -> Table: ...  # noqa: D102


@dataclass(frozen=True)
class Where:
    """Where the walk is writing and what is in force there."""

    container: Container
    width: Length
    styles: Mapping[str, str]
    style: str
    top: Any
    align: WD_ALIGN_PARAGRAPH | None = None
    bold: bool = False


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


def _shown(element: Any) -> bool:
    return isinstance(element.tag, str) and element.tag not in SKIPPED and element.get("hidden") is None


def _content(element: Any) -> Iterator[Any]:
    """The element's text and children in document order, each child followed by its tail."""
    if element.text:
        yield element.text
    for child in element:
        yield child
        if child.tail:
            yield child.tail


class Page:
    """Writes one page's ``<body>`` into a document built on the reference."""

    def __init__(self, document: Document, word: Word, folder: Path, name: Path, svgs: list[str]) -> None:
        self.document, self.word, self.folder, self.name, self.svgs = document, word, folder, name, svgs
        section = document.sections[-1]
        assert section.page_width is not None and section.left_margin is not None
        assert section.right_margin is not None
        self.width = Length(section.page_width - section.left_margin - section.right_margin)
        self.space_before: Length | None = None
        self.page_break = self.keeping = False
        self.last: Paragraph | None = None
        self._fresh: set[Any] = set()

    def write(self, body: Any) -> None:
        """Write the page's body."""
        self.blocks(body, Where(self.document, self.width, CLASS_STYLES, "Normal", body))

    # --- blocks -------------------------------------------------------------------------------

    def blocks(self, element: Any, where: Where) -> None:
        """Write the element's content; loose inline content between blocks makes paragraphs."""
        pending: list[Any] = []
        for node in _content(element):
            if isinstance(node, str) or (_shown(node) and node.tag not in BLOCKS):
                pending.append(node)
                continue
            self.paragraph(element, pending, where)
            pending = []
            if _shown(node):
                self.block(node, where)
        self.paragraph(element, pending, where)

    def block(self, element: Any, where: Where) -> None:
        """Write one block element."""
        tag, kinds = element.tag, classes(element)
        if "annex" in kinds:
            self.page_break = True
        if "ending" in kinds:
            if self.last is not None:
                self.last.paragraph_format.keep_with_next = True
            self.keeping = True
        if tag == "table":
            self.table(element, where)
        elif tag == "figure":
            self.figure(element, where)
        elif tag in ("ul", "ol"):
            self.list(element, where)
        elif tag == "svg":
            self.picture(element, where, captioned=False)
        elif tag == "hr":
            pass
        elif tag in HEADING_STYLES and any(c in where.styles for child in element for c in classes(child)):
            for child in element:  # the title's lines: "BÁO CÁO", then its subject
                self.paragraph(child, list(_content(child)), where)
        elif any(_shown(child) and child.tag in BLOCKS for child in element):
            self.blocks(element, where)
        else:
            self.paragraph(element, list(_content(element)), where, own=True)
        if "ending" in kinds:
            self.keeping = False

    def style(self, element: Any, where: Where) -> str:
        """The element's style: its own class's, its nearest ancestor's, or its tag's."""
        node = element
        while node is not None:
            for kind in classes(node):
                if kind in where.styles:
                    return where.styles[kind]
            if node is where.top:
                break
            node = node.getparent()
        return HEADING_STYLES.get(element.tag, where.style)

    def new_paragraph(self, where: Where, style: str) -> Paragraph:
        """A paragraph at the end of ``where``, taking over a new cell's empty one."""
        container = where.container
        cell = getattr(container, "_tc", None)
        if cell is not None and cell in self._fresh:
            self._fresh.discard(cell)
            paragraph = _first(container)
            paragraph.style = self.document.styles[style]
        else:
            paragraph = container.add_paragraph(style=self.document.styles[style])
        layout = paragraph.paragraph_format
        if where.align is not None:
            paragraph.alignment = where.align
        if self.page_break:
            layout.page_break_before, self.page_break = True, False
        if self.keeping:
            layout.keep_with_next = True
        if container is self.document:
            if self.space_before is not None:
                layout.space_before, self.space_before = self.space_before, None
            self.last = paragraph
        return paragraph

    def paragraph(self, element: Any, nodes: list[Any], where: Where, own: bool = False) -> Paragraph | None:
        """Write ``nodes`` (text and inline elements) as one paragraph in the element's style.

        Nothing is written for white space alone, unless the element's own class names a
        style: an empty ``div.sign-space`` is the space left for the signature.
        """
        segments = _collapse(self.segments(nodes, Format(bold=where.bold)))
        named = own and any(kind in where.styles for kind in classes(element))
        if not segments and not named:
            return None
        style = self.style(element, where)
        paragraph = self.new_paragraph(where, style)
        for segment in segments:
            self.run(paragraph, segment, where)
        kinds = classes(element)
        if "slogan" in kinds:
            self.rule_text(paragraph, segments, where)
        for ruled in element.iter():
            if isinstance(ruled.tag, str) and "ruled-short" in classes(ruled):
                self.short_rule(paragraph, self.segments(list(_content(ruled)), Format()), where)
        return paragraph

    # --- inline content -----------------------------------------------------------------------

    def segments(self, nodes: list[Any], fmt: Format) -> list[Any]:
        """Flatten inline content into (text, format) pairs, line breaks and pictures."""
        out: list[Any] = []
        for node in nodes:
            if isinstance(node, str):
                out.append((node, fmt))
            elif not _shown(node):
                continue
            elif node.tag == "br":
                out.append(BREAK)
            elif node.tag == "wbr":  # where a line may break, as in the PDF: a zero-width space
                out.append(("\u200b", fmt))
                out += self.segments(list(_content(node)), fmt)  # what an HTML 4 parser put inside
            elif node.tag in ("img", "svg"):
                out.append(node)
            else:
                inner = replace(
                    fmt,
                    bold=fmt.bold or node.tag in ("strong", "b"),
                    italic=fmt.italic or node.tag in ("em", "i"),
                    nobreak=fmt.nobreak or "nowrap" in classes(node),
                    script=node.tag if node.tag in ("sup", "sub") else fmt.script,
                )
                out += self.segments(list(_content(node)), inner)
        return out

    def run(self, paragraph: Paragraph, segment: Any, where: Where) -> None:
        """Add one segment to the paragraph."""
        if segment is BREAK:
            paragraph.add_run().add_break()
            return
        if not isinstance(segment, tuple):
            self.add_picture(paragraph.add_run(), segment, where.width)
            return
        text, fmt = segment
        run = paragraph.add_run()
        if fmt.nobreak and "-" in text:
            word_xml.no_break_hyphens(run, text)
        else:
            run.text = text
        run.bold = True if fmt.bold else None
        run.italic = True if fmt.italic else None
        if fmt.script:
            run.font.superscript = fmt.script == "sup"
            run.font.subscript = fmt.script == "sub"

    # --- rules ----------------------------------------------------------------------------------

    def rule_text(self, paragraph: Paragraph, segments: list[Any], where: Where) -> None:
        """Rule the paragraph as long as its longest line: indent it to that width."""
        longest = self.longest(paragraph, segments)
        # A little wider than measured, so that the line never wraps in Word's own measure.
        width = min(where.width, Length(Pt(longest * 1.02 + 4)))
        side = Length((where.width - width) // 2)
        paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = side
        word_xml.rule_below(paragraph, Pt(2.5))

    def short_rule(self, paragraph: Paragraph, segments: list[Any], where: Where) -> None:
        """Add a short rule under the paragraph, 2/5 of its line, centred (a paragraph of its own)."""
        width = Length(Pt(self.longest(paragraph, _collapse(segments)) * SHORT_RULE))
        rule = self.new_paragraph(where, ROLE_STYLES["rule"])
        side = Length(max(0, (where.width - width) // 2))
        rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = side
        word_xml.rule_below(rule, Pt(4))

    def longest(self, paragraph: Paragraph, segments: list[Any]) -> float:
        """The width in points of the longest line of ``segments`` in the paragraph's style."""
        size, bold, italic = _look(paragraph.style)
        lines: list[float] = [0.0]
        for segment in segments:
            if segment is BREAK:
                lines.append(0.0)
            elif isinstance(segment, tuple):
                text, fmt = segment
                lines[-1] += self.word.typeface.width(text, size, bold or fmt.bold, italic or fmt.italic)
        return max(lines)

    # --- pictures, figures, lists ---------------------------------------------------------------

    def figure(self, element: Any, where: Where) -> None:
        """A picture with its caption: the chart's caption stands above it, a photo's below."""
        caption = ROLE_STYLES["chart caption" if "chart" in classes(element) else "caption"]
        children = [child for child in element if _shown(child)]
        for i, child in enumerate(children):
            if child.tag == "figcaption":
                self.paragraph(child, list(_content(child)), replace(where, style=caption, styles={}))
            elif child.tag in ("img", "svg"):
                captioned = any(later.tag == "figcaption" for later in children[i + 1 :])
                self.picture(child, where, captioned)
            else:
                self.block(child, where)
        if where.container is self.document:
            self.space_before = AFTER_BLOCK

    def picture(self, element: Any, where: Where, captioned: bool) -> None:
        """A picture in a paragraph of its own, kept with the caption that follows it."""
        paragraph = self.new_paragraph(where, ROLE_STYLES["picture"])
        paragraph.paragraph_format.keep_with_next = captioned or self.keeping
        self.add_picture(paragraph.add_run(), element, where.width)

    def add_picture(self, run: Run, element: Any, width: Length) -> None:
        """Put an ``img`` or a lifted ``svg`` into ``run``, at most ``width`` wide."""
        where = Location(self.name)
        if element.tag == "svg":
            svg = self.svgs[int(element.get("data-lifted", "0"))]
            png = chart_png(svg, self.word.typeface)
            shape = run.add_picture(io.BytesIO(png), width=min(width, _svg_width(svg) or width))
            blip = shape._inline.xpath(".//a:blip")[0]
            word_xml.add_svg(blip, self.document.part, chart_svg(svg, self.word.typeface.family).encode())
            return
        path = picture_file(element.get("src", ""), self.folder, self.word.roots, self.name)
        try:
            shape = run.add_picture(str(path), width=width)
        except UnrecognizedImageError:
            raise ReportgenError.at(
                where, _("ảnh “{file}” không phải dạng Word đọc được (JPEG, PNG, GIF)").format(file=path.name)
            ) from None
        assert shape.height is not None and shape.width is not None
        if shape.height > PHOTO_HEIGHT:
            shape.width, shape.height = Length(shape.width * PHOTO_HEIGHT // shape.height), PHOTO_HEIGHT
        shape._inline.docPr.set("descr", element.get("alt", ""))  # what a screen reader says

    def list(self, element: Any, where: Where) -> None:
        """Each ``li`` a paragraph of a Word list; a numbered list counts from 1 again."""
        style = "List Number" if element.tag == "ol" else "List Bullet"
        number: str | None = None
        for item in element:
            if not (_shown(item) and item.tag == "li"):
                continue
            paragraph = self.paragraph(item, list(_content(item)), replace(where, style=style))
            if paragraph is None or element.tag != "ol":
                continue
            if number is None:
                number = word_xml.restart_numbering(paragraph)
            else:
                word_xml.number_as(paragraph, number)

    # --- tables ---------------------------------------------------------------------------------

    def table(self, element: Any, where: Where) -> None:
        """A table: data tables ruled, their header rows repeated; layout tables borderless."""
        kinds = classes(element)
        layout = next((LAYOUT_TABLES[kind] for kind in kinds if kind in LAYOUT_TABLES), None)
        rows = list(_rows(element))
        grid = _grid(rows)
        columns = max((len(row) for row in grid), default=0)
        if not columns:
            return
        table = where.container.add_table(len(rows), columns)
        table.autofit = False
        if layout is None:
            table.style = self.document.styles[TABLE_STYLE]
        else:
            word_xml.table_properties(table._tbl.tblPr, border=None, margins=(Pt(0), Pt(0)))
        word_xml.table_width(table, where.width)
        padding = Pt(0) if layout else CELL_PADDING
        widths = _widths(kinds, grid, columns, where.width, padding)
        for index, column in enumerate(table.columns):
            column.width = widths[index]
        for r, ((tr, header), cells) in enumerate(zip(rows, grid, strict=True)):
            row = table.rows[r]
            if header:
                word_xml.repeat_as_header(row)
            if layout is None or self.keeping:
                word_xml.keep_whole(row)
            for c, (cell_element, span, down) in enumerate(cells):
                if cell_element is None:
                    continue
                cell = table.cell(r, c)
                if span > 1 or down > 1:
                    cell = cell.merge(table.cell(r + down - 1, c + span - 1))
                width = Length(sum(widths[c : c + span]))
                cell.width = width
                self._fresh.add(cell._tc)
                inside = Where(
                    cell,
                    Length(width - padding),
                    layout or {},
                    "Normal"
                    if layout
                    else ROLE_STYLES["table heading" if cell_element.tag == "th" else "table cell"],
                    cell_element,
                    None if layout or header else _alignment(cell_element),
                    bool(where.bold or "total" in classes(tr)),
                )
                if layout is None:
                    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                self.blocks(cell_element, inside)
                if cell._tc in self._fresh:  # nothing in it: its empty paragraph takes the cell's style
                    self._fresh.discard(cell._tc)
                    _first(cell).style = self.document.styles[self.style(cell_element, inside)]
                    if self.keeping:
                        _first(cell).paragraph_format.keep_with_next = True
        if layout is None and where.container is self.document:
            self.space_before = AFTER_BLOCK


def _first(container: Any) -> Paragraph:
    paragraph = container.paragraphs[0]
    assert isinstance(paragraph, Paragraph)
    return paragraph


def _alignment(cell: Any) -> WD_ALIGN_PARAGRAPH | None:
    return next((CELL_ALIGNMENT[kind] for kind in classes(cell) if kind in CELL_ALIGNMENT), None)


def _rows(table: Any) -> Iterator[tuple[Any, bool]]:
    """The table's rows, each with whether it belongs to the head (and repeats on every page)."""
    for child in table:
        if not _shown(child):
            continue
        if child.tag == "tr":
            yield child, False
        elif child.tag in ("thead", "tbody", "tfoot"):
            for row in child:
                if _shown(row) and row.tag == "tr":
                    yield row, child.tag == "thead"


def _span(cell: Any, attribute: str) -> int:
    value = str(cell.get(attribute, "1")).strip()
    return min(max(int(value), 1), 100) if value.isdigit() else 1


def _grid(rows: list[tuple[Any, bool]]) -> list[list[tuple[Any, int, int]]]:
    """Place every cell on the table's grid, rowspan and colspan followed.

    Each cell stands at its top left corner as (cell, columns spanned, rows spanned); a place
    a cell spanning from elsewhere covers holds (None, 1, 1).
    """
    grid: list[list[tuple[Any, int, int]]] = [[] for _row in rows]
    covered: set[tuple[int, int]] = set()
    for r, (tr, _header) in enumerate(rows):
        c = 0
        for cell in tr:
            if not (_shown(cell) and cell.tag in ("td", "th")):
                continue
            while (r, c) in covered:
                c += 1
            across, down = _span(cell, "colspan"), min(_span(cell, "rowspan"), len(rows) - r)
            for dr in range(down):
                for dc in range(across):
                    covered.add((r + dr, c + dc))
            while len(grid[r]) < c:
                grid[r].append((None, 1, 1))
            grid[r].append((cell, across, down))
            grid[r] += [(None, 1, 1)] * (across - 1)
            c += across
    width = max(
        (max((c + 1 for (r, c) in covered if r == i), default=0) for i in range(len(rows))), default=0
    )
    for row in grid:
        row += [(None, 1, 1)] * (width - len(row))
    return grid


def _widths(
    kinds: list[str], grid: list[list[tuple[Any, int, int]]], columns: int, total: Length, padding: Length
) -> list[Length]:
    """Each column's width: a share by class where :data:`COLUMN_WIDTHS` names one, else the rest."""
    shares = dict(COLUMN_WIDTHS[""])
    for kind in kinds:
        shares.update(COLUMN_WIDTHS.get(kind, {}))
    fixed: dict[int, int] = {}
    for index, (cell, span, _down) in enumerate(grid[0] if grid else []):
        share = next((shares[kind] for kind in classes(cell) if kind in shares), None) if span == 1 else None
        if cell is not None and share is not None:
            fixed[index] = int(total * share + padding)
    rest = max(int(total) - sum(fixed.values()), int(Mm(10)) * (columns - len(fixed)))
    free = columns - len(fixed)
    return [Length(fixed[i]) if i in fixed else Length(rest // max(free, 1)) for i in range(columns)]


def _collapse(segments: list[Any]) -> list[Any]:
    """Collapse white space as a browser does: runs of it become one space, none at line ends."""
    out: list[Any] = []
    at_start = True
    for segment in segments:
        if segment is BREAK or not isinstance(segment, tuple):
            _trim_end(out)
            out.append(segment)
            at_start = segment is BREAK
            continue
        text, fmt = segment
        text = _SPACES.sub(" ", text)
        if at_start or (out and isinstance(out[-1], tuple) and out[-1][0].endswith(" ")):
            text = text.lstrip(" ")
        if text:
            out.append((text, fmt))
            at_start = False
    _trim_end(out)
    return out


def _trim_end(out: list[Any]) -> None:
    while out and isinstance(out[-1], tuple) and out[-1][0].endswith(" "):
        text, fmt = out.pop()
        if text.rstrip(" "):
            out.append((text.rstrip(" "), fmt))
            break


def _look(style: Any) -> tuple[float, bool, bool]:
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


def _svg_width(svg: str) -> Length | None:
    """The width an SVG asks for, from its root's ``width`` attribute."""
    found = re.search(r'<svg\b[^>]*?\bwidth="([\d.]+)\s*(pt|px|mm|cm|in|)"', svg)
    return Length(Pt(float(found[1]) * _UNITS[found[2]])) if found else None
