"""Stage 4, rendering: an HTML page becomes a PDF (WeasyPrint).

One :class:`Printer` serves a whole build: WeasyPrint's font configuration and the packaged
font's rules are made once, not per page. Its fetcher serves only ``data:`` URLs and files
under the folders the build allows (the staged output, the templates, the packaged font), so
an input can never pull a file from elsewhere on the machine into a published PDF.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from reportgen import fonts
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _


def _fetcher(roots: list[Path]) -> Any:
    from weasyprint.urls import URLFetcher

    class HomeFetcher(URLFetcher):  # type: ignore[misc]
        """Fetch ``data:`` URLs and files under the allowed folders, nothing else."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("file:"):
                path = Path(unquote(urlsplit(url).path)).resolve()
                if not any(path.is_relative_to(root) for root in roots):
                    raise ValueError(f"reportgen does not read files outside its folders: {url}")
            return super().fetch(url, headers)

    return HomeFetcher(allowed_protocols={"file", "data"}, allow_redirects=False)


class Printer:
    """Prints HTML pages to PDF with one font configuration for the whole run."""

    def __init__(self, roots: Iterable[Path]) -> None:
        # Imported here: WeasyPrint is slow to import and HTML-only builds do not need it.
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        self._weasyprint = weasyprint
        self._roots = [root.resolve() for root in [*roots, fonts.FOLDER]]
        self._font_config = FontConfiguration()
        self._fonts = weasyprint.CSS(string=fonts.font_faces(), font_config=self._font_config)

    def pdf(self, html: str, base: Path) -> bytes:
        """Print ``html``, whose relative links start at folder ``base``, to PDF bytes.

        Raises:
            ReportgenError: WeasyPrint could not lay the page out.
        """
        fetcher = _fetcher([base.resolve(), *self._roots])
        try:
            # The title, author and language come from the page's <title>, <meta> and lang.
            pdf = self._weasyprint.HTML(
                string=html, base_url=f"{base.resolve().as_uri()}/", url_fetcher=fetcher
            ).write_pdf(stylesheets=[self._fonts], font_config=self._font_config)
        except Exception as error:  # WeasyPrint raises many kinds; the user needs the file named
            raise ReportgenError.at(
                Location(base), _("không in được PDF: {error}").format(error=error)
            ) from error
        assert isinstance(pdf, bytes)
        return pdf
