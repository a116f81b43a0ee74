"""The preview's web server: the built pages on 127.0.0.1, reloaded in the browser after each build.

The standard library's threading HTTP server is enough for one person's browser on the same
machine, and adds nothing to install. It binds to the loopback interface only: the figures of
an unpublished report never leave the machine. It answers only requests addressed to it by
that name (the ``Host`` header, and the ``Origin`` of the event stream): a web page the
secretary visits could otherwise point a name of its own at 127.0.0.1 ("DNS rebinding") and
read the pages. Each HTML page it sends gets a few lines added:
a script that listens for builds (server-sent events) and reloads the page, a red panel with
the ``file:line:column`` problems when the last build failed, and links between the pages.
The files on disk stay exactly what ``reportgen build`` would write.
"""

from __future__ import annotations

import html
import re
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from reportgen.errors import Location, Problem, ReportgenError
from reportgen.i18n import _
from reportgen.preview.site import Build, Site
from reportgen.vi.numbers import number

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 8000
EVENTS = "/__reportgen/su-kien"
PAGES = {"article.html": "Tin bài", "report.html": "Báo cáo"}

# Seconds between keep-alive comments on an idle event stream; also how soon a stream notices
# that the server is stopping.
_HEARTBEAT = 1.0

_RELOAD = """<script>
(function () {{
  var shown = "{version}";
  var events = new EventSource("{events}");
  events.onopen = function () {{ document.documentElement.setAttribute("data-xem-truoc", "dang-nghe"); }};
  events.onmessage = function (event) {{ if (event.data !== shown) {{ window.location.reload(); }} }};
}}());
</script>
"""

_BAR = """<nav id="reportgen-xem-truoc" aria-label="Xem trước">
<style>
#reportgen-xem-truoc {{ position: fixed; right: 8px; bottom: 8px; z-index: 2147483647;
  display: flex; gap: 4px; padding: 4px; border-radius: 6px; background: rgba(32, 32, 32, .85);
  font: 13px/1.2 system-ui, sans-serif; }}
#reportgen-xem-truoc a {{ color: #fff; padding: 4px 8px; border-radius: 4px; text-decoration: none; }}
#reportgen-xem-truoc a[aria-current] {{ background: #fff; color: #202020; }}
@media print {{ #reportgen-xem-truoc {{ display: none; }} }}
</style>
{links}
</nav>
"""

_PANEL = """<div id="reportgen-loi" role="alert" style="position: sticky; top: 0; z-index: 2147483647;
 margin: 0; padding: 12px 16px; background: #fde8e8; border: 3px solid #c81e1e; color: #6b1111;
 font: 15px/1.5 system-ui, sans-serif; text-align: left; overflow-wrap: anywhere;">
<strong>{heading}</strong>
<ul style="margin: 6px 0 0; padding-left: 20px;">
{items}
</ul>
</div>
"""

# Before the first good build: the problem panel goes above a page that is only a heading (a
# page needs one, and a main landmark, for a screen reader to find its way).
_EMPTY = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Xem trước</title></head>
<body style="margin: 0; font: 16px/1.5 system-ui, sans-serif;">
<main style="padding: 12px 16px;"><h1 style="margin: 0; font-size: 1.25rem;">Xem trước</h1></main>
</body></html>
"""


def decorate(page: str, build: Build, name: str, *, stale: bool = True) -> str:
    """Add the reload script, the links and, after a failed build, the problem panel to ``page``.

    ``stale`` says that ``page`` is from an earlier, good build.

    >>> bad = Build(3, (Problem(Location(Path("a.yaml"), 4, 7), "thiếu giá trị", "nam"),), 0.1)
    >>> page = decorate("<html><head></head><body class='x'><p>Bài</p></body></html>", bad, "article.html")
    >>> print(page[page.index("<li>") : page.index("</li>") + 5])
    <li><b>a.yaml:4:7</b>: nam: thiếu giá trị</li>
    >>> 'var shown = "3"' in page, page.index("reportgen-loi") < page.index("<p>Bài")
    (True, True)
    """
    head = _RELOAD.format(version=build.version, events=EVENTS)
    links = "\n".join(
        f'<a href="/{target}"{" aria-current=page" if target == name else ""}>{label}</a>'
        for target, label in PAGES.items()
    )
    top = _BAR.format(links=links)
    if build.problems:
        items = "\n".join(_item(problem) for problem in build.problems)
        heading = (
            _("Tệp có lỗi — trang dưới đây là bản đúng gần nhất. Sửa rồi lưu tệp, trang sẽ tự cập nhật.")
            if stale
            else _("Tệp có lỗi — sửa rồi lưu tệp, trang sẽ tự hiện ra.")
        )
        top = _PANEL.format(heading=heading, items=items) + top
    page = re.sub(r"</head>", lambda match: head + "</head>", page, count=1, flags=re.IGNORECASE)
    return re.sub(r"<body[^>]*>", lambda match: match[0] + "\n" + top, page, count=1, flags=re.IGNORECASE)


def _item(problem: Problem) -> str:
    """One problem as a list item, its place in bold: the place is what the reader looks for."""
    where = str(problem.location)
    said = str(problem).removeprefix(where).removeprefix(":")
    return f"<li><b>{html.escape(where, quote=False)}</b>:{html.escape(said, quote=False)}</li>"


class _Handler(SimpleHTTPRequestHandler):
    """Serves the preview folder; pages get :func:`decorate`, ``EVENTS`` streams build numbers."""

    def __init__(self, *args: Any, site: Site, stop: threading.Event, **kwargs: Any) -> None:
        self.site, self.stop = site, stop
        super().__init__(*args, directory=str(site.folder), **kwargs)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if not self._addressed_here(path):
            self._refuse()
        elif path == "/":
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", "/article.html")
            self.end_headers()
        elif path == EVENTS:
            self._events()
        elif path == "/favicon.ico":
            self.send_response(HTTPStatus.NO_CONTENT)
            self.end_headers()
        elif path.endswith(".html"):
            self._page(path.lstrip("/"))
        else:
            super().do_GET()

    def do_HEAD(self) -> None:
        """Answer a HEAD request as a GET, without the body: only when addressed here."""
        if self._addressed_here(urlsplit(self.path).path):
            super().do_HEAD()
        else:
            self._refuse()

    def _refuse(self) -> None:
        """Say, in the page, where the preview is: only a page reached by another name gets this."""
        port = cast(tuple[str, int], self.server.server_address)[1]
        where = _("Trang xem trước của reportgen chỉ mở tại http://{host}:{port}/ trên chính máy này.")
        self.send_error(HTTPStatus.FORBIDDEN, explain=where.format(host=LOOPBACK, port=port))

    def _addressed_here(self, path: str) -> bool:
        """Whether the request names this server as the browser reached it, not by another name."""
        port = cast(tuple[str, int], self.server.server_address)[1]
        here = {f"{LOOPBACK}:{port}", f"localhost:{port}"}
        if self.headers.get("Host", "").lower() not in here:
            return False
        origin = self.headers.get("Origin")
        return path != EVENTS or origin is None or origin.lower() in {f"http://{name}" for name in here}

    def end_headers(self) -> None:
        # Every reload must show the files as they are now, photos included.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the terminal for the build messages; a request log helps nobody here."""

    def _page(self, name: str) -> None:
        build = self.site.last
        file = Path(self.translate_path("/" + name))
        stale = file.is_file() and file.resolve().is_relative_to(self.site.folder.resolve())
        if stale:
            page = file.read_text(encoding="utf-8")
        elif build.problems and name in PAGES:
            page = _EMPTY  # no good build yet: the panel alone
        else:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        body = decorate(page, build, name, stale=stale).encode("utf-8")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        sent = -1
        try:
            while not self.stop.is_set():
                version = self._next_version(sent)
                self.wfile.write(f"data: {version}\n\n".encode() if version != sent else b": ...\n\n")
                self.wfile.flush()
                sent = version
        except (BrokenPipeError, ConnectionResetError):
            return  # the page was closed or reloaded

    def _next_version(self, sent: int) -> int:
        """Wait until a build other than ``sent`` is done, or a heartbeat passes; return the last."""
        with self.site.changed:
            self.site.changed.wait_for(lambda: self.site.last.version != sent, _HEARTBEAT)
            return self.site.last.version


class _Server(ThreadingHTTPServer):
    """The preview's HTTP server: a browser that drops a connection is not worth a word."""

    daemon_threads = True  # an open event stream must not hold the process at exit

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore a connection the browser closed or reset; report anything else (a bug)."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


@dataclass
class Preview:
    """A running preview: its address and its site."""

    url: str
    site: Site
    stop: threading.Event

    def watch(self, on_build: Callable[[Build], None] = lambda build: None) -> None:
        """Rebuild on every change until stopped (blocks).

        Raises:
            KeyboardInterrupt: Ctrl-C.
        """
        self.site.watch(self.stop, on_build)


@contextmanager
def serving(source: Path, templates: Path | None = None, port: int | None = None) -> Iterator[Preview]:
    """Build ``source`` once and serve its pages on 127.0.0.1 until the block ends.

    ``port`` None tries 8000, then any free port; 0 asks the system for a free one.

    Raises:
        ReportgenError: the port asked for is taken.
    """
    stop = threading.Event()
    with tempfile.TemporaryDirectory(prefix="reportgen-xem-truoc-") as folder:
        site = Site(source, Path(folder), templates)
        try:
            site.rebuild()
            server = _bind(partial(_Handler, site=site, stop=stop), port)
            thread = threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": 0.1},
                name="reportgen-preview",
                daemon=True,
            )
            thread.start()
            try:
                yield Preview(f"http://{LOOPBACK}:{server.server_address[1]}/", site, stop)
            finally:
                stop.set()
                with site.changed:
                    site.changed.notify_all()
                server.shutdown()
                server.server_close()
                thread.join()
        finally:
            site.close()


def _bind(handler: Callable[..., _Handler], port: int | None) -> _Server:
    """Listen on ``port`` of the loopback interface (None: 8000 if free, else any free port)."""
    if port is None:
        try:
            return _bind(handler, DEFAULT_PORT)
        except ReportgenError:
            port = 0
    try:
        server = _Server((LOOPBACK, port), handler)
    except OSError as error:
        raise ReportgenError.at(
            Location(Path(f"{LOOPBACK}:{port}")),
            _("không mở được cổng {port} ({reason}) — hãy chọn cổng khác, ví dụ --port 8080").format(
                port=port, reason=error.strerror
            ),
        ) from None
    return server


def run(
    source: Path,
    templates: Path | None = None,
    port: int | None = None,
    say: Callable[[str, bool], None] = lambda line, problem: None,
) -> None:
    """Serve the preview of ``source`` until Ctrl-C, then stop cleanly.

    ``say`` receives each line to show the user, and whether it is a problem.

    Raises:
        ReportgenError: the server could not start.
    """

    def built(build: Build) -> None:
        for problem in build.problems:
            say(str(problem), True)
        if not build.problems:
            say(_("Đã cập nhật ({seconds} giây).").format(seconds=number(build.seconds, 2)), False)

    try:
        with _stopped_by_signals(), serving(source, templates, port) as preview:
            url = preview.url
            say(_("Xem trước {file} tại {url}").format(file=source, url=url), False)
            say(_("Tin bài: {url}article.html — báo cáo: {url}report.html").format(url=url), False)
            say(_("Sửa và lưu tệp số liệu hoặc mẫu, trang sẽ tự cập nhật. Nhấn Ctrl+C để dừng."), False)
            built(preview.site.last)
            preview.watch(built)
    except KeyboardInterrupt:
        pass  # Ctrl-C, or a signal below: the server and its folder are cleaned up on the way out
    say(_("Đã dừng xem trước."), False)


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """Stop on SIGTERM and SIGHUP as on Ctrl-C, so that the private folder is removed.

    Their default ends the process at once and leaves the unpublished pages in the system's
    temporary folder. Only the main thread may set handlers; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, frame: object) -> None:
        raise KeyboardInterrupt

    numbers = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {number: signal.signal(number, stop) for number in numbers}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
