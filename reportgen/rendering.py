"""Stage 5, printing: an HTML page becomes a PDF (WeasyPrint).

One :class:`Printer` serves a whole build: WeasyPrint's font configuration and the font rules
are made once, not per page. The packaged Noto Serif is registered under its own name, and the
font chosen for the report (:mod:`reportgen.fonts`) under :data:`~reportgen.fonts.REPORT_FAMILY`,
both by path, so no page depends on what fontconfig would substitute. The fetcher
(:mod:`reportgen.fetching`) serves only ``data:`` URLs and files under the folders the build
allows (the staged output, the templates, the fonts), so an input can never pull a file from
elsewhere on the machine into a published PDF. A page may not attach files to its PDF
(``rel="attachment"``) unless the user trusts the template folder explicitly: an attachment is
easy to overlook in a reader, and the templates folder may hold more than templates.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reportgen import fonts, signature_place
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import N_, _

ARCHIVAL_VARIANT = "pdf/a-3b"
"""PDF/A-3b: the ISO archival PDF, fonts embedded, colours defined, metadata in XMP."""


def _font_namer(family: str) -> Any:
    """A WeasyPrint finisher that names the report's font in the PDF by its own family.

    WeasyPrint names an embedded font after the CSS family it was registered under, which is
    :data:`~reportgen.fonts.REPORT_FAMILY` whatever the font; a reader checking the PDF's fonts
    for Times New Roman must see ``TimesNewRoman``, not ``reportgen``.
    """
    alias = f"+{fonts.REPORT_FAMILY}".encode()
    real = re.sub(r"[^A-Za-z0-9-]", "", family) or fonts.REPORT_FAMILY

    def finish(document: Any, pdf: Any) -> None:
        import pydyf

        for item in pdf.objects:
            if not isinstance(item, dict):
                continue
            for key in ("BaseFont", "FontName"):
                value = item.get(key)
                if isinstance(value, bytes) and alias in value:
                    item[key] = value.replace(alias, f"+{real}".encode(), 1)
            if (
                isinstance(item.get("FontFamily"), pydyf.String)
                and item["FontFamily"].string == fonts.REPORT_FAMILY
            ):
                item["FontFamily"] = pydyf.String(family)

    return finish


def _unsmoothed_images(document: Any, pdf: Any) -> None:
    """A WeasyPrint finisher that turns off viewer-side smoothing of images, as PDF/A requires.

    WeasyPrint writes ``/Interpolate true`` wherever CSS leaves ``image-rendering`` at ``auto``;
    PDF/A (ISO 19005-3, 6.2.8) allows only false, so that every viewer shows the same pixels.
    Set here rather than in CSS so that no stylesheet, a user's included, can bring it back.
    """
    for item in pdf.objects:
        extra = getattr(item, "extra", None)  # a stream's dictionary
        if isinstance(extra, dict) and extra.get("Subtype") == "/Image" and "Interpolate" in extra:
            extra["Interpolate"] = "false"


def _all(finishers: list[Any]) -> Any:
    """One WeasyPrint finisher that runs ``finishers`` in turn."""

    def finish(document: Any, pdf: Any) -> None:
        for finisher in finishers:
            finisher(document, pdf)

    return finish


def build_time() -> datetime.datetime:
    """When this build happened, for the PDF's dates.

    ``SOURCE_DATE_EPOCH`` fixes it for reproducible builds, as Debian and other packagers expect.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0)


class Printer:
    """Prints HTML pages to PDF with one font configuration for the whole run.

    Made anywhere at no cost: WeasyPrint is imported, and the fonts prepared, by :meth:`prepare`,
    in the process that prints, before its first page.
    """

    def __init__(
        self,
        roots: Iterable[Path],
        font: fonts.Font = fonts.PACKAGED,
        *,
        archival: bool = False,
        attachments: bool = False,
    ) -> None:
        """Say how to print; ``archival`` prints tagged PDF/A-3b.

        Args:
            roots: folders a page may read files from, besides its own.
            font: the font the report prints in (:func:`reportgen.fonts.choose`).
            archival: print PDF/A-3b with a tagged structure, for filing.
            attachments: let a page attach files from those folders to its PDF
                (``rel="attachment"``); without it such a page is refused.
        """
        self.attachments = attachments
        self.font = font
        self.archival = archival
        font_files = [face.path for face in (*fonts.PACKAGED.faces, *font.faces)]
        self._roots = [root.resolve() for root in [*roots, *font_files]]
        self._time = build_time().isoformat().replace("+00:00", "Z")
        self._prepared: tuple[Any, Any, Any] | None = None

    @classmethod
    def for_templates(
        cls, templates: Path | None, font: fonts.Font, *, archival: bool = False, attachments: bool = False
    ) -> Printer:
        """The printer of a build whose pages may read the packaged templates and ``templates``."""
        from reportgen.template_files import packaged_templates

        roots = [packaged_templates(), *([templates] if templates is not None else [])]
        return cls(roots, font, archival=archival, attachments=attachments)

    def prepare(self) -> None:
        """Import WeasyPrint and register the fonts, once.

        Raises:
            OSError: WeasyPrint could not load a system library it needs (see :mod:`reportgen.system`).
        """
        if self._prepared is not None:
            return
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        config = FontConfiguration()
        rules = fonts.font_faces(fonts.PACKAGED, fonts.PACKAGED.family) + "\n"
        rules += fonts.font_faces(self.font, fonts.REPORT_FAMILY)
        self._prepared = weasyprint, config, weasyprint.CSS(string=rules, font_config=config)

    def pdf(self, html: str, base: Path, document: Path | None = None) -> bytes:
        """Print ``html``, whose relative links start at folder ``base``, to PDF bytes.

        ``document`` names the PDF in messages (``out/bac-kan-2020/report.pdf``).

        Raises:
            ReportgenError: WeasyPrint could not lay the page out, or the page asked for a
                file or address it may not read.
        """
        try:
            self.prepare()
        except OSError as error:  # a system library WeasyPrint needs is missing
            from reportgen import system

            raise ReportgenError([system.missing(str(error))]) from None
        assert self._prepared is not None
        weasyprint, font_config, font_rules = self._prepared
        from reportgen.fetching import PAGE, HomeFetcher, Refused

        where = Location(document or base)
        fetcher = HomeFetcher(self._roots, base)
        options: dict[str, Any] = {}
        if self.archival:
            options = {"pdf_variant": ARCHIVAL_VARIANT, "pdf_tags": True}
        try:
            page = weasyprint.HTML(string=html, base_url=PAGE, url_fetcher=fetcher)
            attached = _attachments(page)
            if attached and not self.attachments:
                raise ReportgenError.at(
                    where, _(_ATTACHMENT_MESSAGE).format(url=attached[0].removeprefix(PAGE))
                )
            # The title, author, subject and language come from the page's <title>, <meta> and lang;
            # the dates are the build's, unless the page gives its own.
            laid_out = page.render(stylesheets=[font_rules], font_config=font_config, **options)
            laid_out.metadata.created = laid_out.metadata.created or self._time
            laid_out.metadata.modified = laid_out.metadata.modified or self._time
            # The signature block's place is known only now, after layout: it goes into the PDF
            # as an empty signature field, where `reportgen sign` (or any signing program) finds it.
            place = signature_place.find(laid_out)
            finishers = [
                _font_namer(self.font.family),
                *([signature_place.add_field(place)] if place else []),
            ]
            if self.archival:
                finishers.append(_unsmoothed_images)
            pdf = laid_out.write_pdf(finisher=_all(finishers), **options)
        except Refused as refusal:
            raise ReportgenError.at(where, str(refusal)) from None
        except ReportgenError:
            raise
        except Exception as error:  # WeasyPrint raises many kinds; the user needs the file named
            raise ReportgenError.at(where, _("không in được PDF: {error}").format(error=error)) from error
        if fetcher.refused:  # refused where WeasyPrint chose to carry on (inside an SVG, say)
            raise ReportgenError.at(where, str(fetcher.refused[0]))
        assert isinstance(pdf, bytes)
        return pdf


_ATTACHMENT_MESSAGE = N_(
    'trang muốn đính kèm tệp “{url}” vào PDF (rel="attachment") — reportgen không đính kèm tệp '
    "nào vào PDF, trừ khi thư mục mẫu được tin cậy bằng --trust-templates"
)


def _attachments(page: Any) -> list[str]:
    """The address of every element of ``page`` that asks WeasyPrint to attach a file to the PDF."""
    from weasyprint.html import element_has_link_type

    return [
        str(element.get("href") or element.get("src") or "")
        for element in page.etree_element.iter()
        if isinstance(element.tag, str) and element_has_link_type(element, "attachment")
    ]
