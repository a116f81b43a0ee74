"""Reading a Word copy back with python-docx: its text in order, its tables, its PDF's text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import lxml.html
import pdfplumber
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from tests.report_pdf import TOP

INVISIBLE = str.maketrans({"\u200b": None, "\u2011": "-", "\u00ad": None})
"""A zero-width break (HTML's <wbr>) and Word's non-breaking hyphen, as a reader sees them."""


def normal(text: str) -> str:
    """Spaces collapsed and invisible breaks dropped: the text as a reader reads it."""
    return re.sub(r"\s+", " ", text.translate(INVISIBLE)).strip()


def open_docx(path: Path) -> Any:
    return docx.Document(str(path))


def blocks(container: Any) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables in document order, those inside table cells included."""
    for item in container.iter_inner_content():
        yield item
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    yield from blocks(cell)


def paragraphs(document: Any) -> list[Paragraph]:
    return [item for item in blocks(document) if isinstance(item, Paragraph)]


def body_paragraphs(document: Any) -> list[Paragraph]:
    """The paragraphs outside tables."""
    return [item for item in document.iter_inner_content() if isinstance(item, Paragraph)]


def text_of(document: Any) -> str:
    return normal(" ".join(paragraph.text for paragraph in paragraphs(document)))


def tables(document: Any) -> list[Table]:
    return [item for item in blocks(document) if isinstance(item, Table)]


def cell_texts(table: Table) -> list[list[str]]:
    return [[normal(cell.text) for cell in row.cells] for row in table.rows]


def html_tables(path: Path) -> dict[str, list[list[list[str]]]]:
    """The cell texts of each table of an HTML page, by the table's class."""
    tree = lxml.html.document_fromstring(re.sub(r"<svg\b.*?</svg>", "", path.read_text("utf-8"), flags=re.S))
    for line in tree.iter("br", "div", "p"):  # lines of a cell read apart, as on the page
        line.tail = " " + (line.tail or "")
    found: dict[str, list[list[list[str]]]] = {}
    for table in tree.iter("table"):
        rows = [[normal(cell.text_content()) for cell in row.iter("td", "th")] for row in table.iter("tr")]
        found.setdefault(table.get("class", "").split()[0], []).append(rows)
    return found


def pdf_body_text(path: Path) -> str:
    """A PDF's text below the top margin, so without the page numbers, spaces collapsed."""
    with pdfplumber.open(path) as pdf:
        pages = [page.crop((0, TOP - 1, page.width, page.height)).extract_text() for page in pdf.pages]
    return normal(" ".join(pages))


def has_field(paragraph: Paragraph, name: str) -> bool:
    instructions = [node.text or "" for node in paragraph._p.iter(qn("w:instrText"))]
    return any(text.split() == [name] for text in instructions)


def border(paragraph: Paragraph) -> Any:
    properties = paragraph._p.pPr
    return None if properties is None else properties.find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
