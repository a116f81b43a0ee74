"""The Word copies (``report.docx``, ``article.docx``), made from the pages the templates wrote.

Each Word document is read off the rendered HTML page, as :mod:`reportgen.article_forms` cuts the
article's other forms from it: the wording lives in the templates alone, so every figure,
date and sentence in Word is the one in the HTML and the PDF, character for character, and a
user's template, a new section or another header (a Youth Union's instead of the national
motto) comes through without a change here. The page's structure says what each part is:
headings, paragraphs, tables, figures, lists; a few class names the templates already use say
the rest (which line is the national motto, which cell is the signature). That mapping is the
contract between templates and Word, listed in :data:`CLASS_STYLES` and the constants below
and documented in ``docs/word.md``; anything it does not name still comes out, as body text.

The look comes from a reference document (:mod:`reportgen.word.reference`): its styles, page
set-up and page header; the body written here uses its styles by name, and only alignment in
table cells, rules and spacing around tables are set directly.
"""

from __future__ import annotations

import copy
import functools
import io
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import docx
import lxml.etree
import lxml.html
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.styles.style import ParagraphStyle

from reportgen import rendering, templating
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _
from reportgen.word import xml
from reportgen.word.html import writable
from reportgen.word.page import Page
from reportgen.word.pictures import Typeface, lift_svgs
from reportgen.word.reference import FAMILY, NAME, STYLES

__all__ = ["Word", "reference_for"]


def reference_for(templates: Path | None) -> Path:
    """The reference document of a build: ``reference.docx`` in the user's templates, else reportgen's."""
    if templates is not None and (templates / NAME).is_file():
        return templates / NAME
    return templating.packaged_templates() / NAME


def load_reference(path: Path) -> bytes:
    """Read a reference document, adding any style the Word copies use that it lacks.

    A reference made from a blank document in Word has only the styles Word put in it; the
    missing ones are copied from reportgen's, as Pandoc completes a ``reference.docx``. Read
    once per version of the file: a build checks it first, then writes with it.

    Raises:
        ReportgenError: the file is not a Word document.
    """
    stat = path.stat() if path.is_file() else None
    return _loaded(path, stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0)


@functools.lru_cache(maxsize=4)
def _loaded(path: Path, mtime: int, size: int) -> bytes:
    try:
        document = docx.Document(str(path))
        if not document.sections:  # a document without a section cannot be laid out
            raise ValueError
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, IndexError, lxml.etree.Error):
        raise ReportgenError.at(
            Location(path),
            _(
                "không đọc được tài liệu mẫu Word này — hãy mở nó bằng Word và lưu lại dạng "
                "Tài liệu Word (.docx), hoặc xoá nó để dùng tài liệu mẫu có sẵn của reportgen"
            ),
        ) from None
    packaged = reference_for(None)
    if path.resolve() != packaged.resolve():
        _complete_styles(document, docx.Document(str(packaged)))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _complete_styles(document: Document, source: Document) -> None:
    names = {style.name for style in document.styles}
    for name in STYLES:
        if name not in names:
            document.styles.element.append(copy.deepcopy(source.styles[name].element))


class Word:
    """Writes the Word copies of a build's pages, every one from the same reference document."""

    def __init__(self, reference: Path, roots: Sequence[Path] = ()) -> None:
        """Read the reference once; ``roots`` are folders a page's pictures may come from.

        Raises:
            ReportgenError: the reference is not a Word document.
        """
        self.reference = reference
        self._reference = load_reference(reference)
        styles = docx.Document(io.BytesIO(self._reference)).styles
        normal = styles["Normal"]
        assert isinstance(normal, ParagraphStyle)
        self.typeface = Typeface.named(_font_of(normal) or FAMILY)
        self.roots = list(roots)
        default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.style_ids: dict[str, str | None] = {
            style.name: None if style == default else style.style_id
            for style in styles
            if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name is not None
        }
        """Each paragraph style's id in the reference, by name; None for the default style."""

    def documents(self, pages: Mapping[str, str], folder: Path, target: Path) -> dict[str, bytes]:
        """The Word copy of each rendered page, by file name (``report.docx``).

        ``folder`` holds what the pages link to (their photos); ``target`` is the folder the
        files will be written to, for messages.

        Raises:
            ReportgenError: a page pictures something it may not read, or cannot be drawn.
        """
        return {
            f"{page}.docx": self.document(html, folder, target / f"{page}.docx")
            for page, html in pages.items()
        }

    def document(self, html: str, folder: Path, name: Path) -> bytes:
        """One page as a Word document; see :meth:`documents`."""
        document = docx.Document(io.BytesIO(self._reference))
        root: Any = document.element
        body = root.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):  # the reference's own text goes; its page set-up stays
                body.remove(child)
        lifted, svgs = lift_svgs(html)
        tree = lxml.html.document_fromstring(lifted)
        page_body = tree.find("body")
        page = Page(document, self.typeface, self.roots, folder, name, svgs, self.style_ids)
        page.write(tree if page_body is None else page_body)
        _describe(document, tree)
        buffer = io.BytesIO()
        document.save(buffer)
        return xml.reproducible(buffer.getvalue(), rendering.build_time())


def _font_of(style: ParagraphStyle) -> str | None:
    current: ParagraphStyle | None = style
    while current is not None:
        if current.font.name:
            return str(current.font.name)
        base = current.base_style
        current = base if isinstance(base, ParagraphStyle) else None
    return None


def _describe(document: Document, tree: lxml.html.HtmlElement) -> None:
    """Title, author and language, as the page's ``<title>``, author and ``lang`` give them."""
    properties = document.core_properties
    properties.title = writable(" ".join((tree.findtext(".//title") or "").split()))
    author = tree.find(".//meta[@name='author']")
    properties.author = properties.last_modified_by = writable(
        "" if author is None else author.get("content", "")
    )
    properties.language = tree.get("lang", "vi")
    properties.created = properties.modified = rendering.build_time().replace(tzinfo=None)
    properties.revision = 1
