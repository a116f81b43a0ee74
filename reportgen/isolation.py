"""Fill the templates and print the PDFs in a child process, under a time and a memory limit.

Both steps take the time and memory that the user's files ask for. A template is a program:
a loop in it can run for ever, or fill the memory. WeasyPrint has no overall timeout, and a
page can make it lay out for minutes or take gigabytes; its maintainers advise running it in a
process of its own. So a :class:`Sandbox` does both in one child process, forked when the build
first needs it (it starts with the parent's fonts and templates already loaded) and kept for
the whole build: WeasyPrint and Pango keep what they learn about the fonts between documents,
and a fresh fork per document made the batch print nearly twice as slow. On the time limit the
parent kills the child; on the memory limit its allocations fail. Either way the message names
the template or the document, and the next request gets a new child. Each page is rendered
from its own copy of the context, the one that crossed the pipe, so a template that changes
the figures (``{% do chi_so.clear() %}``) changes them for itself alone.

The child never outlives the build (see :mod:`reportgen.processes`). It ignores Ctrl-C:
stopping is the parent's to decide (it kills the child on the way out).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from reportgen import templating
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import N_, _
from reportgen.processes import ChildFailed, close, die_with_parent, lifeline, uninterrupted

if TYPE_CHECKING:
    import jinja2

    from reportgen.compute import Context
    from reportgen.rendering import Printer


@dataclass(frozen=True)
class Limits:
    """How long and how much memory one page may take to fill in or to print."""

    seconds: float = 120.0
    """A long report prints in a few seconds; two minutes means something is wrong."""
    memory: int = 2 * 1024**3
    """Address space of the child in bytes; a report needs a few hundred megabytes."""

    def answered(self, results: Connection) -> bool:
        """Wait for the child's answer on ``results``; False when the time is up first.

        The clock of the limits lives here so that a test can drive it by an event instead
        of racing a busy machine.
        """
        return results.poll(self.seconds)


LIMITS = Limits()
"""The limits of every build."""


@dataclass(frozen=True)
class _Words:
    """What to say when a request runs out of time or memory."""

    time: str
    memory: str


_RENDERING = _Words(
    N_("làm trang từ mẫu quá {seconds:g} giây nên đã dừng — hãy xem lại các vòng lặp trong mẫu"),
    N_("làm trang từ mẫu cần hơn {mb} MB bộ nhớ nên đã dừng — hãy xem lại các vòng lặp trong mẫu"),
)
_PRINTING = _Words(
    N_("in PDF quá {seconds:g} giây nên đã dừng — hãy xem lại mẫu (CSS) hoặc ảnh của trang này"),
    N_("in PDF cần hơn {mb} MB bộ nhớ nên đã dừng — hãy xem lại mẫu (CSS) hoặc ảnh của trang này"),
)


class Sandbox:
    """Renders the templates of ``env`` and prints with ``printer`` in a child process, under limits.

    Use it as a context manager, or call :meth:`close`: the child lives until then.
    """

    def __init__(
        self,
        env: jinja2.Environment | None = None,
        printer: Printer | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.env, self.printer = env, printer
        self._limits = limits
        self._child: _Child | None = None

    @property
    def limits(self) -> Limits:
        """The limits of each request; :data:`LIMITS` unless others were given."""
        return self._limits or LIMITS

    def render(self, name: str, context: Context) -> str:
        """Render template ``name`` with its own copy of ``context`` (see :func:`templating.render`).

        Raises:
            ReportgenError: the template failed, or took longer or more memory than the limits;
                the message names the template.
        """
        assert self.env is not None
        where = Location(templating.template_file(self.env, name))
        page = self._ask(("render", name, context), where, _RENDERING)
        assert isinstance(page, str)
        return page

    def print_pdf(self, html: str, base: Path, document: Path) -> bytes:
        """Print ``html`` to PDF bytes; ``document`` names it in messages.

        Raises:
            ReportgenError: the printing failed, took longer than the time limit or more
                memory than the memory limit.
        """
        pdf = self._ask(("pdf", html, base, document), Location(document), _PRINTING)
        assert isinstance(pdf, bytes)
        return pdf

    def close(self) -> None:
        """Stop the child, if one is running."""
        if self._child is not None:
            self._child.stop()
            self._child = None

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def start(self) -> None:
        """Fork the child now rather than at the first request, if it is not running already.

        A fork copies only the thread that forks: one taken while another thread of the parent
        holds a lock (a progress bar's, the terminal's) leaves that lock held for ever in the
        child. A caller about to start threads of its own starts the child first.
        """
        if self._child is None or not self._child.serves(self.limits.memory):
            self.close()
            self._child = _Child(self.env, self.printer, self.limits.memory)

    def _ask(self, request: tuple[Any, ...], where: Location, words: _Words) -> object:
        limits = self.limits
        self.start()
        child = self._child
        assert child is not None
        try:
            child.requests.send(request)
            if not limits.answered(child.results):
                self.close()
                raise ReportgenError.at(where, _(words.time).format(seconds=limits.seconds))
            try:
                kind, payload = child.results.recv()
            except EOFError:  # the child died without a word: killed, or out of memory in C code
                kind, payload = "memory", None
        except BaseException:  # Ctrl-C or a limit while the child works: its answer would go astray
            self.close()
            raise
        if kind == "ok":
            return payload
        if kind == "problems":  # the user's mistake, found by a healthy child: keep it
            raise ReportgenError(payload)
        self.close()  # after anything else the next request starts from a clean child
        if kind == "memory":
            raise ReportgenError.at(where, _(words.memory).format(mb=limits.memory >> 20))
        raise ChildFailed(payload)


# --- the child ---------------------------------------------------------------------------


class _Child:
    """A forked process that answers one sandbox's requests, one after the other."""

    def __init__(self, env: jinja2.Environment | None, printer: Printer | None, memory: int) -> None:
        context = multiprocessing.get_context("fork")
        receive_request, self.requests = context.Pipe(duplex=False)
        self.results, send_result = context.Pipe(duplex=False)
        reading, self._lifeline = lifeline()
        self.memory = memory
        self.process = context.Process(
            target=_serve,
            args=(receive_request, send_result, env, printer, memory, os.getpid(), reading),
            kwargs={"parent_ends": (self.requests, self.results)},
            name="reportgen-in",
            daemon=True,
        )
        try:
            with uninterrupted():  # forked here: a Ctrl-C now must not half-start the child
                self.process.start()
        finally:
            receive_request.close()
            send_result.close()
            os.close(reading)

    def serves(self, memory: int) -> bool:
        return self.memory == memory and self.process.is_alive()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.requests.close()
        self.results.close()
        close(self._lifeline)


def _serve(
    requests: Connection,
    results: Connection,
    env: jinja2.Environment | None,
    printer: Printer | None,
    memory: int,
    parent: int,
    lifeline_end: int,
    parent_ends: tuple[Connection, ...] = (),
) -> None:
    for end in parent_ends:  # so that the request pipe ends when the parent does
        end.close()
    die_with_parent(parent, lifeline_end)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    handlers: dict[str, Callable[..., object]] = {}
    if env is not None:
        handlers["render"] = lambda name, context: templating.render(env, name, context)
    if printer is not None:
        handlers["pdf"] = printer.pdf
    while True:
        try:
            kind, *arguments = requests.recv()
        except EOFError:  # the parent is done with this child
            return
        try:
            results.send(("ok", handlers[kind](*arguments)))
        except ReportgenError as error:
            results.send(("problems", error.problems))
        except MemoryError:
            with contextlib.suppress(Exception):
                results.send(("memory", None))
            return
        except BaseException:
            results.send(("bug", traceback.format_exc()))
            return
