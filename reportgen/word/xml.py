"""What python-docx has no words for, written as WordprocessingML by hand.

python-docx writes paragraphs, runs, styles, tables, pictures and page set-up; the few things a
Decree 30 document also needs and python-docx does not offer are here, each a small piece of
OOXML (ECMA-376 Part 1) put where the standard says: the page-number field, a table's repeated
header row and unbreakable rows, table borders and cell margins, paragraph rules, a restarted
numbered list, an SVG picture beside its PNG, theme fonts cleared away, and a package whose
bytes depend only on its content.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.parts.document import DocumentPart
from docx.shared import Length
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
"""The extension URI under which Word 2016 and later look for a vector picture in a ``<a:blip>``."""
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
DRAWING_NAMESPACE = "http://schemas.openxmlformats.org/drawingml/2006/main"


def twips(length: Length) -> str:
    """A length in twentieths of a point, as most WordprocessingML measures are written."""
    return str(round(length.pt * 20))


def eighths(length: Length) -> str:
    """A line's width in eighths of a point, as borders are written."""
    return str(round(length.pt * 8))


def _child(parent: Any, tag: str, before: tuple[str, ...] = ()) -> Any:
    """The first ``tag`` child of ``parent``, made if missing, placed before any of ``before``.

    WordprocessingML fixes the order of the children of a properties element; a child put
    after one that must follow it makes Word call the file corrupt.
    """
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        successors = [parent.find(qn(name)) for name in before]
        successors = [element for element in successors if element is not None]
        if successors:
            successors[0].addprevious(found)
        else:
            parent.append(found)
    return found


def page_number(paragraph: Paragraph) -> None:
    """Append a PAGE field, which Word and LibreOffice fill in with each page's number.

    python-docx has no fields. A complex field is four runs: begin, the instruction, separate
    with the last shown result, end; "1" is shown until the reader updates it.
    """
    for kind in ("begin", "instruction", "separate", "result", "end"):
        run = paragraph.add_run()._r
        if kind == "instruction":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = " PAGE "
            run.append(instruction)
        elif kind == "result":
            run.append(_text("1"))
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)


def _text(value: str) -> Any:
    element = OxmlElement("w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = value
    return element


def no_break_hyphens(run: Run, text: str) -> None:
    """Write ``text`` into the run with each hyphen unbreakable (``w:noBreakHyphen``).

    A document symbol such as ``49-KL/TW`` must not end one line and start the next; Word's
    non-breaking hyphen reads back as "-". python-docx writes only plain text.
    """
    for index, piece in enumerate(text.split("-")):
        if index:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        if piece:
            run._r.append(_text(piece))


_ROW_ORDER = ("w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")


def repeat_as_header(row: _Row) -> None:
    """Repeat ``row`` at the top of every page the table runs onto (python-docx has no such option)."""
    _child(row._tr.get_or_add_trPr(), "w:tblHeader", _ROW_ORDER[3:])


def keep_whole(row: _Row) -> None:
    """Never split ``row`` across two pages (python-docx has no such option)."""
    _child(row._tr.get_or_add_trPr(), "w:cantSplit", _ROW_ORDER[1:])


_TABLE_ORDER = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
)


def _after(name: str) -> tuple[str, ...]:
    return _TABLE_ORDER[_TABLE_ORDER.index(name) + 1 :]


def table_width(table: Table, width: Length) -> None:
    """Give the table its whole width, which python-docx only sets column by column."""
    element = _child(table._tbl.tblPr, "w:tblW", _after("w:tblW"))
    element.set(qn("w:w"), twips(width))
    element.set(qn("w:type"), "dxa")


def table_properties(properties: Any, *, border: Length | None, margins: tuple[Length, Length]) -> None:
    """Set the borders and cell margins of a table or table style's ``w:tblPr``.

    ``border`` is the width of a single line around and between every cell, None for none;
    ``margins`` the space inside each cell, above and below, then left and right.
    python-docx reads neither.
    """
    borders = _child(properties, "w:tblBorders", _after("w:tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = _child(borders, f"w:{side}")
        line.set(qn("w:val"), "single" if border is not None else "nil")
        if border is not None:
            line.set(qn("w:sz"), eighths(border))
            line.set(qn("w:space"), "0")
            line.set(qn("w:color"), "000000")
    cell_margins = _child(properties, "w:tblCellMar", _after("w:tblCellMar"))
    vertical, horizontal = margins
    for side, length in (
        ("top", vertical),
        ("left", horizontal),
        ("bottom", vertical),
        ("right", horizontal),
    ):
        margin = _child(cell_margins, f"w:{side}")
        margin.set(qn("w:w"), twips(length))
        margin.set(qn("w:type"), "dxa")


_PARAGRAPH_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
)


def rule_below(paragraph: Paragraph, space: Length) -> None:
    """Draw a thin line (0.75 pt, as in the PDF) under the paragraph, ``space`` below its text.

    A paragraph's border runs between its indents: the caller indents the paragraph to the
    line's length. python-docx has no borders.
    """
    properties = paragraph._p.get_or_add_pPr()
    border = _child(properties, "w:pBdr", _PARAGRAPH_ORDER[_PARAGRAPH_ORDER.index("w:pBdr") + 1 :])
    bottom = _child(border, "w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")
    bottom.set(qn("w:space"), str(max(0, round(space.pt))))
    bottom.set(qn("w:color"), "000000")


def restart_numbering(paragraph: Paragraph) -> str | None:
    """Number ``paragraph`` from 1 again, in a new list that follows its style's numbering.

    Every paragraph of a "List Number" style shares one list: a second list would carry on
    at 4. A new ``w:num`` over the same abstract numbering, restarted, begins a list of its
    own; python-docx cannot make one. Returns the new list's id, for its other paragraphs;
    None when the style numbers nothing (a reference document's own list style may not).
    """
    style_id = style_num_id(paragraph.style.element) if paragraph.style is not None else None
    part = paragraph.part
    try:
        numbering = part.numbering_part.element if isinstance(part, DocumentPart) else None
    except (KeyError, NotImplementedError):  # python-docx cannot make a numbering part
        numbering = None
    if numbering is None:
        return None
    nums = numbering.findall(qn("w:num"))
    abstract = next(
        (
            num.find(qn("w:abstractNumId")).get(qn("w:val"))
            for num in nums
            if num.get(qn("w:numId")) == style_id
        ),
        None,
    )
    if abstract is None:
        return None
    new_id = str(max(int(num.get(qn("w:numId"))) for num in nums) + 1)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), new_id)
    abstract_id = OxmlElement("w:abstractNumId")
    abstract_id.set(qn("w:val"), abstract)
    num.append(abstract_id)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    number_as(paragraph, new_id)
    return new_id


def number_as(paragraph: Paragraph, num_id: str) -> None:
    """Put ``paragraph`` into list ``num_id`` at its first level."""
    properties = paragraph._p.get_or_add_pPr()
    num_pr = _child(properties, "w:numPr", _PARAGRAPH_ORDER[_PARAGRAPH_ORDER.index("w:numPr") + 1 :])
    _child(num_pr, "w:ilvl").set(qn("w:val"), "0")
    _child(num_pr, "w:numId").set(qn("w:val"), num_id)


def style_num_id(style_element: Any) -> str | None:
    """The list a paragraph style numbers its paragraphs in, if any."""
    found = style_element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return None if found is None else str(found.get(qn("w:val")))


def add_svg(blip: Any, part: Any, svg: bytes) -> None:
    """Give a picture's ``<a:blip>`` a vector twin that Word 2016 and later show instead of it.

    The blip keeps its PNG, which older Word and LibreOffice show; the SVG is an extension
    beside it, as Word itself writes an inserted SVG. python-docx knows no SVG part.
    """
    partname = part.package.next_partname("/word/media/image%d.svg")
    svg_part = Part(PackURI(partname), "image/svg+xml", svg, part.package)
    relationship = part.relate_to(svg_part, RELATIONSHIP_TYPE.IMAGE)
    extensions = blip.find(f"{{{DRAWING_NAMESPACE}}}extLst")
    if extensions is None:
        extensions = OxmlElement("a:extLst")
        blip.append(extensions)
    extension = OxmlElement("a:ext")
    extension.set("uri", SVG_EXTENSION)
    vector = extension.makeelement(f"{{{SVG_NAMESPACE}}}svgBlip", nsmap={"asvg": SVG_NAMESPACE})
    vector.set(qn("r:embed"), relationship)
    extension.append(vector)
    extensions.append(extension)


_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def name_font(run_properties: Any, family: str) -> None:
    """Name ``family`` for every script of a ``w:rPr``, dropping the theme's fonts.

    A theme font attribute outranks a named font in Word, so python-docx's ``font.name``
    alone leaves python-docx's default template printing in Calibri and Cambria.
    """
    fonts = _child(run_properties, "w:rFonts", ("w:b",))
    for attribute in _THEME_FONTS:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), family)


def clear_theme(styles: Any) -> None:
    """Drop theme fonts and colours from every style: the document prints black, in named fonts."""
    for fonts in styles.iter(qn("w:rFonts")):
        for attribute in _THEME_FONTS:
            fonts.attrib.pop(qn(attribute), None)
    for colour in list(styles.iter(qn("w:color"))):
        colour.getparent().remove(colour)


def reproducible(package: bytes, when: datetime.datetime) -> bytes:
    """Write the package again with every entry dated ``when``.

    Python's zipfile stamps each entry with the current time, so two builds of the same
    content would differ; Debian's reproducible builds and the repository's committed
    reference document both need the same bytes from the same content.
    """
    stamp = max(when, datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC)).timetuple()[:6]
    written = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(written, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return written.getvalue()
