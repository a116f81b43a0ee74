"""The reference document: the styles and page set-up every Word copy starts from.

As with Pandoc's ``reference.docx``, the Word copies take their look from a document rather
than from code: ``templates/reference.docx`` here, or a ``reference.docx`` in the user's
``--templates`` folder, edited in Word. Its body is thrown away; its styles, page size,
margins and page header are kept. This module writes the packaged one, from python-docx's own
default document, so that it is made the same way every time and reviewed as code:

    python -m reportgen.word.reference templates/reference.docx

Decree 30/2020/NĐ-CP's layout, as the PDF has it (``templates/report.css``): A4; margins 20 mm
top and bottom, 30 mm left, 15 mm right; Times New Roman, named rather than embedded (Word
machines have it, LibreOffice substitutes its metric twin); the body 14 pt, justified, a 1 cm
first-line indent, 6 pt between paragraphs; the page number centred in the header from page 2.
Line heights are those of the PDF, given as "at least" so that a picture is never cut.
"""

from __future__ import annotations

import datetime
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt
from docx.styles.style import ParagraphStyle

from reportgen import atomic
from reportgen.word import xml

NAME = "reference.docx"
FAMILY = "Times New Roman"
PAGE = (Mm(210), Mm(297))
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
"""Decree 30's margins as the PDF sets them: top, bottom 20–25 mm; left 30–35 mm; right 15–20 mm."""
HEADER_DISTANCE = Mm(7.5)
"""The page number stands in the middle of the 20 mm top margin, as in the PDF."""
STAMP = datetime.datetime(2020, 3, 5, tzinfo=datetime.UTC)
"""The date the reference document carries: the day Decree 30/2020/NĐ-CP was signed."""

CENTRE, JUSTIFY, LEFT, RIGHT = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
)


@dataclass(frozen=True)
class Look:
    """How a paragraph style looks; ``line`` is the least line height (the PDF's line-height)."""

    size: float
    line: float
    align: WD_ALIGN_PARAGRAPH = CENTRE
    bold: bool = False
    italic: bool = False
    indent: Length | None = None
    before: float = 0
    after: float = 0
    keep_with_next: bool = False
    base: str = "Normal"


BODY = Look(14, 18.2, JUSTIFY, indent=Cm(1), after=6)
"""``p``: 14 pt, line-height 1.3, justified, 1 cm first-line indent, 6 pt below."""

# Paragraph spacing: CSS margins collapse to the larger of two, Word adds them up; each style
# is given the space that, added to its neighbours', makes the PDF's gaps.
STYLES: dict[str, Look] = {
    "Normal": BODY,
    # h1: the kind of document, then its subject, bold and centred.
    "Title": Look(14, 17.5, bold=True, before=20, keep_with_next=True),
    "Subtitle": Look(14, 17.5, bold=True, keep_with_next=True),
    # h2, h3, h4: at the paragraphs' indent, kept with what follows.
    "Heading 1": Look(14, 18.2, LEFT, bold=True, indent=Cm(1), before=6, after=6, keep_with_next=True),
    "Heading 2": Look(14, 18.2, LEFT, bold=True, indent=Cm(1), after=6, keep_with_next=True),
    "Heading 3": Look(14, 18.2, LEFT, bold=True, italic=True, indent=Cm(1), after=6, keep_with_next=True),
    "Caption": Look(12, 15.6, italic=True, after=6),
    "List Bullet": Look(14, 18.2, JUSTIFY, after=6),
    "List Number": Look(14, 18.2, JUSTIFY, after=6),
    "Header": Look(13, 15),
    # The header block: issuer on the left, Quốc hiệu and Tiêu ngữ on the right.
    "Cơ quan cấp trên": Look(12.5, 15),
    "Tên cơ quan": Look(13, 15.6, bold=True),
    "Quốc hiệu": Look(12.5, 15, bold=True),
    "Tiêu ngữ": Look(13.5, 16.2, bold=True),
    # The Youth Union's and the Party's one title, and the stars under their issuer.
    "Tiêu đề": Look(13.5, 16.2, bold=True),
    "Dấu sao": Look(13, 15.6),
    "Số, ký hiệu": Look(13, 15.6, before=8),
    "Địa danh, ngày tháng": Look(14, 16.8, italic=True, before=7),
    "Đường kẻ": Look(1, 1),
    # Tables of indicators.
    "Tiêu đề bảng": Look(10.5, 12.6, bold=True),
    "Ô bảng": Look(11, 13.2, LEFT),
    # The chart, and any picture.
    "Hình": Look(14, 0, keep_with_next=True),
    "Tên biểu đồ": Look(13, 16.9, bold=True, before=6, after=4, keep_with_next=True),
    # The signature and the recipients.
    "Chức vụ người ký": Look(14, 18.2, bold=True),
    "Khoảng ký": Look(14, 79.4),
    "Tên người ký": Look(14, 18.2, bold=True),
    "Nơi nhận (tiêu đề)": Look(12, 18.2, LEFT, bold=True, italic=True),
    "Nơi nhận": Look(11, 13.2, LEFT),
    # The annex of a unit that adds up its sub-units.
    "Phụ lục (tiêu đề)": Look(14, 18.2, bold=True),
    "Phụ lục (trích yếu)": Look(14, 18.2, italic=True, after=12),
    # The article.
    "Ngày đăng": Look(13, 16.9, LEFT, italic=True, after=6),
    "Bút danh": Look(14, 18.2, RIGHT, bold=True, before=12),
}
"""Every paragraph style the Word copies use, by name; the custom ones are named for the
secretaries who will see them in Word's style list."""

TABLE_STYLE = "Table Grid"
TABLE_BORDER = Pt(0.75)
TABLE_MARGINS = (Pt(2.5), Pt(3))
"""A cell's padding in the PDF: 2.5 pt above and below, 3 pt on each side."""


def _clear(style: ParagraphStyle) -> None:
    """Forget a built-in style's own look (its spacing, borders, colours), keeping its numbering."""
    element = style.element
    for tag in ("w:pPr", "w:rPr"):
        properties = element.find(qn(tag))
        if properties is None:
            continue
        for child in list(properties):
            if child.tag not in (qn("w:numPr"), qn("w:outlineLvl")) or style.name == "Subtitle":
                properties.remove(child)


def _style(document: docx.document.Document, name: str, look: Look) -> None:
    styles = document.styles
    if name in styles:
        style = styles[name]
        assert isinstance(style, ParagraphStyle)
        _clear(style)
    else:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.quick_style = True
    if name != "Normal":
        style.base_style = styles[look.base]
        style.next_paragraph_style = styles["Normal"]
    font = style.font
    font.size = Pt(look.size)
    font.bold = look.bold
    font.italic = look.italic
    xml.name_font(style.element.get_or_add_rPr(), FAMILY)
    layout = style.paragraph_format
    layout.alignment = look.align
    if xml.style_num_id(style.element) is None:  # a list's indents are its numbering's
        layout.first_line_indent = look.indent or Pt(0)
        layout.left_indent = layout.right_indent = Pt(0)
    layout.space_before = Pt(look.before)
    layout.space_after = Pt(look.after)
    if look.line:
        layout.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        layout.line_spacing = Pt(look.line)
    else:
        layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
    layout.keep_with_next = look.keep_with_next
    layout.widow_control = True


def _defaults(document: docx.document.Document) -> None:
    """The document's defaults: Times New Roman 14 pt, in Vietnamese, no theme fonts or colours."""
    styles = document.styles.element
    xml.clear_theme(styles)
    run_defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    xml.name_font(run_defaults, FAMILY)
    for tag, value in (("w:sz", "28"), ("w:szCs", "28")):
        run_defaults.find(qn(tag)).set(qn("w:val"), value)
    language = run_defaults.find(qn("w:lang"))
    language.set(qn("w:val"), "vi-VN")
    language.set(qn("w:eastAsia"), "vi-VN")
    spacing = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")


def _page(document: docx.document.Document) -> None:
    """A4, the Decree's margins, and the page number centred in the header from page 2."""
    section = document.sections[0]
    section.page_width, section.page_height = PAGE
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = section.footer_distance = HEADER_DISTANCE
    section.different_first_page_header_footer = True  # w:titlePg: the first page has no number
    number = section.header.paragraphs[0]
    number.style = document.styles["Header"]
    xml.page_number(number)
    section.first_page_header.is_linked_to_previous = False  # an empty header of its own


def build() -> bytes:
    """Write the packaged reference document; the same bytes every time."""
    document = docx.Document()
    _defaults(document)
    for name, look in STYLES.items():
        _style(document, name, look)
    table = document.styles[TABLE_STYLE]
    xml.table_properties(table.element.find(qn("w:tblPr")), border=TABLE_BORDER, margins=TABLE_MARGINS)
    _page(document)
    properties = document.core_properties
    properties.author = properties.last_modified_by = "reportgen"
    properties.title = "Báo cáo tổng kết"
    properties.created = properties.modified = STAMP.replace(tzinfo=None)
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return xml.reproducible(buffer.getvalue(), STAMP)


def main(argv: Sequence[str] | None = None) -> None:
    """Write the reference document to the path given, ``templates/reference.docx`` by default."""
    args = list(sys.argv[1:] if argv is None else argv)
    target = Path(args[0]) if args else Path("templates") / NAME
    atomic.write(target, build())


if __name__ == "__main__":
    main()
