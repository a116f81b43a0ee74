"""Fill the templates and print the PDFs in a child process, under a time and a memory limit.

Both steps take the time and memory that the user's files ask for. A template is a program:
a loop in it can run for ever, or fill the memory. WeasyPrint has no overall timeout, and a
page can make it lay out for minutes or take gigabytes; its maintainers advise running it in a
process of its own. So a :class:`Sandbox` runs one or both in a child process, kept for the
whole build: WeasyPrint and Pango keep what they learn about the fonts between documents, and
a fresh fork per document made the batch print nearly twice as slow. A build has two: one
fills the templates, one prints. Each is forked early (:meth:`Sandbox.start`) and gets ready
while the build goes on: the printing child loads WeasyPrint, which the build's own process
then never needs to, and the filling child compiles the templates. Pages sent to print
together (:meth:`Sandbox.print_pdfs`) are printed while the build writes the unit's other
files. On the time limit the parent kills the child; on the memory limit its allocations fail.
Either way the message names the template or the document, and the next request gets a new
child. Each page is rendered from its own copy of the context, the one that crossed the pipe,
so a template that changes the figures (``{% do chi_so.clear() %}``) changes them for itself
alone.

How a child is forked and answers is :mod:`reportgen.children`; it never outlives the build
(:mod:`reportgen.processes`).
"""

from __future__ import annotations

import atexit
import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from reportgen import system
from reportgen.children import Child
from reportgen.errors import Location, Problem, ReportgenError
from reportgen.i18n import N_, _
from reportgen.processes import ChildFailed

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

    def answered(self, results: Connection, about: Location) -> bool:
        """Wait for the child's answer on ``results`` about ``about``; False when the time is up first.

        The clock of the limits lives here so that a test can drive it by an event instead
        of racing a busy machine; ``about`` (the template or the document) tells it which
        request is waited for.
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

    Use it as a context manager, or call :meth:`close`: the child lives until then. It is
    forked by the first request, or by :meth:`start`.
    """

    def __init__(
        self,
        env: jinja2.Environment | None = None,
        printer: Printer | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.env, self.printer = env, printer
        self._limits = limits
        self._child: Child | None = None
        self._warm: tuple[str, ...] = ()
        self._printing = printer is not None
        self._machine: list[Problem] | None = None
        """What the machine lacks to print, once the printing child has said it."""
        self._pending: list[tuple[str, Location, _Words, Printing | None]] = []
        """Each request sent and not yet answered, oldest first: its kind, place, words and pages."""
        self.generation = 0
        """How many children were stopped: requests sent to an earlier one were never answered."""
        self._asked = -1
        """The generation of the child last asked what the machine lacks: each printing child is
        asked before its first page, which also waits for it to be ready."""

    @property
    def limits(self) -> Limits:
        """The limits of each request; :data:`LIMITS` unless others were given."""
        return self._limits or LIMITS

    @classmethod
    def ahead(cls) -> Sandbox:
        """A printing child forked before its printer is known: it loads WeasyPrint meanwhile.

        :meth:`use` gives it the printer.
        """
        sandbox = cls()
        sandbox._printing = True
        sandbox._child_for(sandbox.limits)
        return sandbox

    def use(self, printer: Printer) -> Sandbox:
        """Print with ``printer`` from now on; a child already forked is sent it, without waiting."""
        self.printer = printer
        if self._child is not None:
            self._send(("printer", printer), system.HERE, _PRINTING)  # its answer is let go
        return self

    def start(self, *templates: str) -> Sandbox:
        """Fork the child now, to get ready while this process goes on.

        A printing child imports WeasyPrint and registers the fonts; a rendering child compiles
        ``templates``, the pages it will be asked for. A failure to get ready is left for the
        first request to meet and report.

        A fork copies only the thread that forks: one taken while another thread of the parent
        holds a lock (a progress bar's, the terminal's) leaves that lock held for ever in the
        child. A caller about to start threads of its own starts the child first.
        """
        self._warm = templates
        self._child_for(self.limits)
        return self

    def machine(self) -> list[Problem]:
        """What the machine lacks to print, as the child found it (see :func:`reportgen.system.check`).

        Asked once; the printing child answers when it has tried to load WeasyPrint.
        """
        if self._machine is None:
            self._asked = self.generation
            self._ask(("machine",), system.HERE, _PRINTING)  # kept by the answer
        assert self._machine is not None
        return self._machine

    @property
    def machine_said(self) -> list[Problem]:
        """What :meth:`machine` found, if the child was asked already; else nothing."""
        return self._machine or []

    def render(self, name: str, context: Context) -> str:
        """Render template ``name`` with its own copy of ``context`` (see :func:`templating.render`).

        Raises:
            ReportgenError: the template failed, or took longer or more memory than the limits;
                the message names the template.
        """
        from reportgen import templating

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
        [pdf] = self.print_pdfs([(html, base, document)])()
        return pdf

    def print_pdfs(self, pages: Sequence[tuple[str, Path, Path]]) -> Printing:
        """Send ``pages`` (HTML, base folder, document) to be printed; see :class:`Printing`."""
        return Printing(self, pages)

    def close(self) -> None:
        """Stop the child, if one is running."""
        self._pending.clear()
        if self._child is not None:
            self.generation += 1
            self._child.stop()
            self._child = None

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _ask(self, request: tuple[Any, ...], where: Location, words: _Words) -> object:
        self.drain()
        assert not self._pending, "pages sent to print are collected before anything else is asked"
        self._send(request, where, words)
        return self._receive()

    def drain(self) -> None:
        """Take the answers nobody waits for: to pages dropped before collected, to a printer given."""
        while self._pending and ((owner := self._pending[0][3]) is None or owner.dropped):
            with contextlib.suppress(ReportgenError):
                self._receive()

    def _child_for(self, limits: Limits) -> Child:
        if self._child is None or not self._child.serves(limits.memory):
            self.close()
            self._child = Child(self.env, self.printer, limits.memory, self._warm, self._printing)
        return self._child

    def _send(
        self, request: tuple[Any, ...], where: Location, words: _Words, owner: Printing | None = None
    ) -> None:
        child = self._child_for(self.limits)
        try:
            child.requests.send(request)
        except BaseException:
            self.close()
            raise
        self._pending.append((request[0], where, words, owner))

    def _receive(self) -> object:
        """The answer to the oldest request sent, under the limits; the child is stopped after a fault."""
        assert self._child is not None and self._pending
        child, limits = self._child, self.limits
        request, where, words, _owner = self._pending.pop(0)
        try:
            # Getting ready is not a page: the machine's answer is waited for without the limit.
            if request != "machine" and not limits.answered(child.results, where):
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
            if request == "machine":  # kept, whoever asked
                self._machine = payload
            return payload
        if kind == "problems":  # the user's mistake, found by a healthy child: keep it
            raise ReportgenError(payload)
        self.close()  # after anything else the next request starts from a clean child
        if kind == "memory":
            raise ReportgenError.at(where, _(words.memory).format(mb=limits.memory >> 20))
        raise ChildFailed(payload)


class Printing:
    """Pages sent together to a printing child; calling it waits for their PDFs, in order.

    The child prints them while this process does other work, and the pages of the next unit
    may be sent before these are collected: they are printed after them. The first pages sent
    to a child also ask what the machine lacks (:meth:`Sandbox.machine`), answered before any
    page, once the child is ready. Each page's time limit runs from when it is waited for.
    Pages that will not be collected, their unit having failed, are :meth:`drop`-ped; pages
    lost with a child stopped for an earlier page are sent again to the next child.
    """

    def __init__(self, sandbox: Sandbox, pages: Sequence[tuple[str, Path, Path]]) -> None:
        self.sandbox, self.pages = sandbox, list(pages)
        self.dropped = False
        self.asking = False
        self._send()

    def _send(self) -> None:
        sandbox = self.sandbox
        self.generation = sandbox.generation
        self.asking = sandbox._asked != sandbox.generation
        sandbox._asked = sandbox.generation
        if self.asking:
            sandbox._send(("machine",), system.HERE, _PRINTING, self)
        for html, base, document in self.pages:
            sandbox._send(("pdf", html, base, document), Location(document), _PRINTING, self)

    def drop(self) -> None:
        """Say these PDFs will not be collected; the child's answers are taken and let go."""
        self.dropped = True

    def __call__(self) -> list[bytes]:
        """The PDFs, in the order of the pages.

        Raises:
            MachineLacks: the machine lacks a library to print with.
            ReportgenError: a page could not be printed, or went past the limits; the problems
                of every page are raised together.
        """
        sandbox = self.sandbox
        if self.generation != sandbox.generation:  # sent to a child stopped since: never printed
            self._send()
        sandbox.drain()
        ours = bool(self.asking or self.pages)
        assert not ours or (sandbox._pending and sandbox._pending[0][3] is self), "collected as sent"
        if self.asking:
            sandbox._receive()
        found = sandbox._machine or []
        if ReportgenError(found).errors:
            sandbox.close()  # its pages could not print either
            raise system.MachineLacks(found)
        pdfs, problems = [], []
        for _page in self.pages:
            if self.generation != sandbox.generation:  # the child was stopped: the pages after went with it
                break
            try:
                pdf = sandbox._receive()
            except ReportgenError as error:
                problems += error.problems
                continue
            assert isinstance(pdf, bytes)
            pdfs.append(pdf)
        if problems:
            raise ReportgenError(problems)
        return pdfs


_ahead: Sandbox | None = None
"""The printing child the program forked before reading its command line (:mod:`reportgen.program`)."""


def start_ahead() -> None:
    """Fork a printing child now, for the command to take (:func:`take_ahead`) or leave."""
    global _ahead
    _ahead = Sandbox.ahead()
    atexit.register(stop_ahead)  # a command that did not take it


def take_ahead() -> Sandbox | None:
    """The printing child forked ahead of the command, if there is one; it is the caller's then."""
    global _ahead
    taken, _ahead = _ahead, None
    return taken


def stop_ahead() -> None:
    """Stop the printing child forked ahead of the command, if no one took it."""
    taken = take_ahead()
    if taken is not None:
        taken.close()
