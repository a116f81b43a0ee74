"""One rendered page walked into a Word body: the contract between the templates and Word.

The page's elements say what each part is, as a browser reads them: ``h1`` is the title (a
line per child ``span.kind``/``span.subject``), ``h2``–``h4`` headings (Word's Heading 1–3, so
the navigation pane lists the sections), ``p`` and loose text body paragraphs, ``ul``/``ol``
lists, ``table`` a table whose ``thead`` rows repeat on every page, ``figure`` a picture (an
``img``, or an inline ``svg`` chart) with its ``figcaption``; ``strong``/``b``, ``em``/``i``,
``sup``/``sub`` and ``br`` keep their meaning inside a paragraph. ``head``, scripts, styles and
``hidden`` elements are left out. Classes add what elements cannot say:

- :data:`tables.LAYOUT_TABLES` — ``table.header`` (the header block) and ``table.closing`` (signature
  and recipients) are borderless layout tables, whose classes name each part's style;
- :data:`CLASS_STYLES` — styles anywhere in the page (the title's lines, the annex, the article,
  the report's dashed items ``ul.dashes``, plain paragraphs whose dash is in their text);
- ``.slogan`` and ``.title`` (a header's one title, the Youth Union's or the Party's) are ruled as
  long as their text, a ``.ruled-short`` line gets a short rule centred
  under it (2/5 of its length), ``.nowrap`` keeps its hyphens unbroken;
- :data:`~reportgen.word.tables.COLUMN_WIDTHS` — the data tables' column widths, by the
  classes of the header cells; ``td.num`` aligns right, ``td.stt``/``td.unit``/``td.change``
  centre; ``tr.total`` is bold;
- ``.annex`` starts a new page; ``.ending`` is kept on one page with the paragraph before it.

An element the contract does not name is still written, as body text in its place.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Length, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _
from reportgen.word import tables, xml
from reportgen.word.html import (
    BLOCKS,
    BREAK,
    Format,
    classes,
    collapse,
    content,
    look,
    shown,
    svg_width,
    writable,
)
from reportgen.word.pictures import Typeface, chart_png, chart_svg, picture_file
from reportgen.word.reference import TABLE_STYLE

HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
CLASS_STYLES = {
    "dashes": "Normal",  # the report's "- …" items are paragraphs, their dash typed, as Decree 30 has them
    "kind": "Title",
    "subject": "Subtitle",
    "annex-label": "Phụ lục (tiêu đề)",
    "annex-title": "Phụ lục (tiêu đề)",
    "annex-ref": "Phụ lục (trích yếu)",
    "dateline": "Ngày đăng",
    "byline": "Bút danh",
}
"""Paragraph styles by class, anywhere in a page; an element takes its own or its nearest ancestor's."""
ROLE_STYLES = {
    "picture": "Hình",
    "chart caption": "Tên biểu đồ",
    "caption": "Caption",
    "rule": "Đường kẻ",
    "table heading": "Tiêu đề bảng",
    "table cell": "Ô bảng",
}
"""The styles of what the walk makes itself: pictures, captions, rules, table cells."""

CELL_PADDING = Pt(6)
"""The PDF's cells' padding, left and right together; the widths of COLUMN_WIDTHS exclude it."""
AFTER_BLOCK = Pt(12)
"""Space after a data table or a figure, as the PDF's margins leave."""
PHOTO_HEIGHT = Mm(110)
"""The tallest a photo stands, as in the printed article."""
SHORT_RULE = 0.4
RULED_AS_LONG = {"slogan", "title"}
"""The header's lines ruled as long as their text: the national motto, or a header's one title."""


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


class Page:
    """Writes one page's ``<body>`` into a document built on the reference."""

    def __init__(
        self,
        document: Document,
        typeface: Typeface,
        roots: Sequence[Path],
        folder: Path,
        name: Path,
        svgs: list[str],
        style_ids: Mapping[str, str | None],
    ) -> None:
        """``typeface`` measures the text; a picture may come from ``folder`` or one of ``roots``.

        ``style_ids`` are the document's paragraph styles' ids by name (:attr:`Word.style_ids`).
        """
        self.document, self.typeface, self.roots = document, typeface, roots
        self.style_ids = style_ids
        self.folder, self.name, self.svgs = folder, name, svgs
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
        for node in content(element):
            if isinstance(node, str) or (shown(node) and node.tag not in BLOCKS):
                pending.append(node)
                continue
            self.paragraph(element, pending, where)
            pending = []
            if shown(node):
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
                self.paragraph(child, list(content(child)), where)
        elif any(shown(child) and child.tag in BLOCKS for child in element):
            self.blocks(element, where)
        else:
            self.paragraph(element, list(content(element)), where, own=True)
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
        else:
            paragraph = container.add_paragraph()
        self.set_style(paragraph, style)
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

    def set_style(self, paragraph: Paragraph, name: str) -> None:
        """Give ``paragraph`` the style named ``name``, as ``paragraph.style = name`` would.

        Set by the style's id (see :attr:`Word.style_ids`): python-docx finds the default style
        by searching every style on each assignment, the largest cost of a page's walk.
        """
        paragraph._p.style = self.style_ids[name]

    def paragraph(self, element: Any, nodes: list[Any], where: Where, own: bool = False) -> Paragraph | None:
        """Write ``nodes`` (text and inline elements) as one paragraph in the element's style.

        Nothing is written for white space alone, unless the element's own class names a
        style: an empty ``div.sign-space`` is the space left for the signature.
        """
        segments = collapse(self.segments(nodes, Format(bold=where.bold)))
        named = own and any(kind in where.styles for kind in classes(element))
        if not segments and not named:
            return None
        style = self.style(element, where)
        paragraph = self.new_paragraph(where, style)
        for segment in segments:
            self.run(paragraph, segment, where)
        kinds = classes(element)
        if RULED_AS_LONG.intersection(kinds):
            self.rule_text(paragraph, segments, where)
        for ruled in element.iter():
            if isinstance(ruled.tag, str) and "ruled-short" in classes(ruled):
                self.short_rule(paragraph, self.segments(list(content(ruled)), Format()), where)
        return paragraph

    # --- inline content -----------------------------------------------------------------------

    def segments(self, nodes: list[Any], fmt: Format) -> list[Any]:
        """Flatten inline content into (text, format) pairs, line breaks and pictures."""
        out: list[Any] = []
        for node in nodes:
            if isinstance(node, str):
                out.append((node, fmt))
            elif not shown(node):
                continue
            elif node.tag == "br":
                out.append(BREAK)
            elif node.tag == "wbr":  # where a line may break, as in the PDF: a zero-width space
                out.append(("\u200b", fmt))
                out += self.segments(list(content(node)), fmt)  # what an HTML 4 parser put inside
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
                out += self.segments(list(content(node)), inner)
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
            xml.no_break_hyphens(run, text)
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
        xml.rule_below(paragraph, Pt(2.5))

    def short_rule(self, paragraph: Paragraph, segments: list[Any], where: Where) -> None:
        """Add a short rule under the paragraph, 2/5 of its line, centred (a paragraph of its own)."""
        width = Length(Pt(self.longest(paragraph, collapse(segments)) * SHORT_RULE))
        rule = self.new_paragraph(where, ROLE_STYLES["rule"])
        side = Length(max(0, (where.width - width) // 2))
        rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = side
        xml.rule_below(rule, Pt(4))

    def longest(self, paragraph: Paragraph, segments: list[Any]) -> float:
        """The width in points of the longest line of ``segments`` in the paragraph's style."""
        size, bold, italic = look(paragraph.style)
        lines: list[float] = [0.0]
        for segment in segments:
            if segment is BREAK:
                lines.append(0.0)
            elif isinstance(segment, tuple):
                text, fmt = segment
                lines[-1] += self.typeface.width(text, size, bold or fmt.bold, italic or fmt.italic)
        return max(lines)

    # --- pictures, figures, lists ---------------------------------------------------------------

    def figure(self, element: Any, where: Where) -> None:
        """A picture with its caption: the chart's caption stands above it, a photo's below."""
        caption = ROLE_STYLES["chart caption" if "chart" in classes(element) else "caption"]
        children = [child for child in element if shown(child)]
        for i, child in enumerate(children):
            if child.tag == "figcaption":
                self.paragraph(child, list(content(child)), replace(where, style=caption, styles={}))
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
            png = chart_png(svg, self.typeface)
            shape = run.add_picture(io.BytesIO(png), width=min(width, svg_width(svg) or width))
            blip = shape._inline.xpath(".//a:blip")[0]
            xml.add_svg(blip, self.document.part, chart_svg(svg, self.typeface.family).encode())
            return
        path = picture_file(element.get("src", ""), self.folder, self.roots, self.name)
        try:
            shape = run.add_picture(str(path), width=width)
        except UnrecognizedImageError:
            raise ReportgenError.at(
                where, _("ảnh “{file}” không phải dạng Word đọc được (JPEG, PNG, GIF)").format(file=path.name)
            ) from None
        assert shape.height is not None and shape.width is not None
        if shape.height > PHOTO_HEIGHT:
            shape.width, shape.height = Length(shape.width * PHOTO_HEIGHT // shape.height), PHOTO_HEIGHT
        shape._inline.docPr.set("descr", writable(element.get("alt", "")))  # what a screen reader says

    def list(self, element: Any, where: Where) -> None:
        """Each ``li`` a paragraph of a Word list; a numbered list counts from 1 again."""
        style = "List Number" if element.tag == "ol" else "List Bullet"
        number: str | None = None
        for item in element:
            if not (shown(item) and item.tag == "li"):
                continue
            paragraph = self.paragraph(item, list(content(item)), replace(where, style=style))
            if paragraph is None or element.tag != "ol":
                continue
            if number is None:
                number = xml.restart_numbering(paragraph)
            else:
                xml.number_as(paragraph, number)

    # --- tables ---------------------------------------------------------------------------------

    def table(self, element: Any, where: Where) -> None:
        """A table: data tables ruled, their header rows repeated; layout tables borderless."""
        kinds = classes(element)
        layout = next((tables.LAYOUT_TABLES[kind] for kind in kinds if kind in tables.LAYOUT_TABLES), None)
        rows = list(tables.rows(element))
        grid = tables.grid(rows)
        columns = max((len(row) for row in grid), default=0)
        if not columns:
            return
        table = where.container.add_table(len(rows), columns)
        table.autofit = False
        if layout is None:
            table.style = self.document.styles[TABLE_STYLE]
        else:
            xml.table_properties(table._tbl.tblPr, border=None, margins=(Pt(0), Pt(0)))
        xml.table_width(table, where.width)
        padding = Pt(0) if layout else CELL_PADDING
        widths = tables.widths(kinds, grid, columns, where.width, padding)
        for index, column in enumerate(table.columns):
            column.width = widths[index]
        # python-docx works the whole grid out again on each table.cell(); it is read once, before
        # any merge: a merge removes only cells of its own span, which the loop never visits again.
        grid_cells = table._cells
        for r, ((tr, header), cells) in enumerate(zip(rows, grid, strict=True)):
            row = table.rows[r]
            if header:
                xml.repeat_as_header(row)
            if layout is None or self.keeping:
                xml.keep_whole(row)
            for c, (cell_element, span, down) in enumerate(cells):
                if cell_element is None:
                    continue
                cell = grid_cells[r * columns + c]
                if span > 1 or down > 1:
                    cell = cell.merge(grid_cells[(r + down - 1) * columns + c + span - 1])
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
                    None if layout or header else tables.alignment(cell_element),
                    bool(where.bold or "total" in classes(tr)),
                )
                if layout is None:
                    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                self.blocks(cell_element, inside)
                if cell._tc in self._fresh:  # nothing in it: its empty paragraph takes the cell's style
                    self._fresh.discard(cell._tc)
                    self.set_style(_first(cell), self.style(cell_element, inside))
                    if self.keeping:
                        _first(cell).paragraph_format.keep_with_next = True
        for r, (tr, _header) in enumerate(rows):
            if r and tables.KEPT_WITH_THE_ROW_BEFORE & set(classes(tr)):
                for cell in table.rows[r - 1].cells:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True
        if layout is None and where.container is self.document:
            self.space_before = AFTER_BLOCK


def _first(container: Any) -> Paragraph:
    paragraph = container.paragraphs[0]
    assert isinstance(paragraph, Paragraph)
    return paragraph
