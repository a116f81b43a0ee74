"""What a page may read while it is printed: ``data:`` URLs and small files in allowed folders.

WeasyPrint's own fetcher reads any ``file://`` path, requests network addresses, follows
redirects, reads ``/dev/zero`` until memory runs out, embeds any readable file as a PDF
attachment through ``<a rel="attachment">``, and loops forever on a CSS ``@import`` of itself.
:class:`HomeFetcher` stays home: it resolves ``..`` and symbolic links first, serves only
regular files under the allowed folders and under a size cap, and counts its fetches, which is
what ends an ``@import`` loop. A refusal stops the printing, and the message names the
reference, so nothing is silently left out of (or slipped into) a published PDF.

A page is printed as if it stood at :data:`PAGE`, a fixed address that the fetcher maps to the
folder the page is staged in. WeasyPrint names each image in the PDF after a hash of its
address; with the staging folder's own (random) name in it, the same article printed twice
would differ, and a reproducible build (``SOURCE_DATE_EPOCH``) would not be.
"""

from __future__ import annotations

import stat
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher

from reportgen.i18n import _

MAX_FILE_BYTES = 20 * 1024 * 1024
"""The largest file a page may pull in: a font or a print-size photo is a few megabytes."""

MAX_FETCHES_PER_URL = 8
"""How often one address may be read while one page prints; a loop reads it without end."""

MAX_FETCHES = 500
"""How many reads one page may make in all."""

PAGE = "file:///reportgen/trang/"
"""The address every page is printed at; its relative links are served from the page's folder."""


class Refused(FatalURLFetchingError):  # type: ignore[misc]
    """A page asked for something it may not read; WeasyPrint lets this one stop the printing."""

    def __init__(self, url: str, reason: str) -> None:
        shown = url.removeprefix(PAGE)
        shown = shown if len(shown) <= 80 else shown[:77] + "…"
        super().__init__(_("không đọc “{url}”: {reason}").format(url=shown, reason=reason))
        self.url = url
        self.reason = reason


class HomeFetcher(URLFetcher):  # type: ignore[misc]
    """Fetch ``data:`` URLs and regular files under ``roots``, a bounded number of times.

    Addresses under :data:`PAGE` are read from ``page``, the folder of the page being printed.
    """

    def __init__(self, roots: Iterable[Path], page: Path | None = None) -> None:
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False, fail_on_errors=True)
        self.page = page
        self.roots = [root.resolve() for root in [*roots, *([page] if page else [])]]
        self.counts: Counter[str] = Counter()
        self.refused: list[Refused] = []

    def fetch(self, url: str, headers: Any = None) -> Any:
        """Check ``url`` against the rules, then let WeasyPrint read it.

        Raises:
            Refused: the address is not allowed, or was read too often.
        """
        try:
            self._check(url)
        except Refused as refusal:
            self.refused.append(refusal)
            raise
        return super().fetch(self.real(url), headers)

    def real(self, url: str) -> str:
        """The address ``url`` stands for: one under :data:`PAGE` is in the page's folder."""
        if self.page is not None and url.startswith(PAGE):
            return f"{self.page.resolve().as_uri()}/{url.removeprefix(PAGE)}"
        return url

    def _check(self, url: str) -> None:
        scheme = urlsplit(url).scheme.lower()
        self.counts[url] += 1
        if self.counts[url] > MAX_FETCHES_PER_URL or self.counts.total() > MAX_FETCHES:
            raise Refused(url, _("đọc lặp lại quá nhiều lần (có thể CSS `@import` chính nó)"))
        if scheme == "data":
            return
        if scheme != "file":
            raise Refused(url, _("chỉ đọc được tệp trong thư mục mẫu và ảnh của hội, không đọc địa chỉ mạng"))
        try:
            path = Path(unquote(urlsplit(self.real(url)).path)).resolve(strict=True)
            status = path.stat()
        except (OSError, RuntimeError):
            raise Refused(url, _("không có tệp này")) from None
        if not any(path.is_relative_to(root) for root in self.roots):
            raise Refused(url, _("tệp nằm ngoài thư mục mẫu và thư mục kết quả"))
        if not stat.S_ISREG(status.st_mode):
            raise Refused(url, _("không phải tệp thường"))
        if status.st_size > MAX_FILE_BYTES:
            raise Refused(url, _("tệp quá lớn (hơn {size} MB)").format(size=MAX_FILE_BYTES // (1024 * 1024)))
