"""Stage 4, rendering: an HTML page becomes a PDF (WeasyPrint).

WeasyPrint's default fetcher would read any file or URL a page names. Ours serves only files
under the folders the build allows (the staged output and the templates) and ``data:`` URLs,
so an input can never pull a file from elsewhere on the machine into a published PDF.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from reportgen.errors import Location, ReportgenError


def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher

    class HomeFetcher(URLFetcher):  # type: ignore[misc]
        """Fetch ``data:`` URLs and files under the allowed folders, nothing else."""

        def __init__(self, roots: Iterable[Path]) -> None:
            super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
            self.roots = [root.resolve() for root in roots]

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("file:"):
                path = Path(unquote(urlsplit(url).path)).resolve()
                if not any(path.is_relative_to(root) for root in self.roots):
                    raise ValueError(f"reportgen does not read files outside its folders: {url}")
            return super().fetch(url, headers)

    return HomeFetcher


def html_to_pdf(html: str, base: Path, roots: Iterable[Path]) -> bytes:
    """Print ``html`` (whose relative links start at folder ``base``) to PDF bytes.

    Raises:
        ReportgenError: WeasyPrint could not lay the page out.
    """
    # Imported here: WeasyPrint takes a while to import and HTML-only builds do not need it.
    import weasyprint

    fetcher = _fetcher_class()([base, *roots])
    try:
        # The title, author and language come from the page's <title>, <meta> and lang.
        pdf = weasyprint.HTML(
            string=html, base_url=f"{base.resolve().as_uri()}/", url_fetcher=fetcher
        ).write_pdf()
    except Exception as error:  # WeasyPrint raises many kinds; the user needs the file named
        raise ReportgenError.at(Location(base), f"không in được PDF: {error}") from error
    assert isinstance(pdf, bytes)
    return pdf
