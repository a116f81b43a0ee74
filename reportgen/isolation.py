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

The child never outlives the build. On Linux the kernel kills it when its parent dies
(``PR_SET_PDEATHSIG``); everywhere, a thread in it ends it when a pipe that only the parent
holds open reaches its end, which happens when the parent dies, however it dies. The child
ignores Ctrl-C: stopping is the parent's to decide (it kills the child on the way out).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import resource
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from reportgen import templating, writing
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import N_, _

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


class ChildFailed(RuntimeError):
    """The child met a bug of reportgen's own; the message is its traceback."""


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

    def _ask(self, request: tuple[Any, ...], where: Location, words: _Words) -> object:
        limits = self.limits
        if self._child is None or not self._child.serves(limits.memory):
            self.close()
            self._child = _Child(self.env, self.printer, limits.memory)
        child = self._child
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


_shared: Sandbox | None = None
"""The sandbox of :func:`print_pdf`, kept for its printer."""


def print_pdf(printer: Printer, html: str, base: Path, document: Path, limits: Limits | None = None) -> bytes:
    """Print ``html`` with ``printer`` in a child kept between calls (see :meth:`Sandbox.print_pdf`).

    Raises:
        ReportgenError: the printing failed, or went past ``limits``.
    """
    global _shared
    if _shared is None or _shared.printer is not printer or _shared.limits != (limits or LIMITS):
        stop()
        _shared = Sandbox(printer=printer, limits=limits)
    return _shared.print_pdf(html, base, document)


def stop() -> None:
    """Stop the child of :func:`print_pdf`, if there is one."""
    global _shared
    if _shared is not None:
        _shared.close()
        _shared = None


# --- the child ---------------------------------------------------------------------------

_lifelines: set[int] = set()
"""The write ends of this process's lifelines: any child forked from it must not hold them."""


def _forget_lifelines() -> None:
    for handle in _lifelines:
        with contextlib.suppress(OSError):
            os.close(handle)
    _lifelines.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_lifelines)


def lifeline() -> tuple[int, int]:
    """A pipe to hand a child: it reads the first end; the second, this process's alone, stays open.

    The child's read ends when this process dies, however it dies (see :func:`die_with_parent`).
    """
    read, write = os.pipe()
    _lifelines.add(write)
    return read, write


def cut(handle: int) -> None:
    """Close the write end of a lifeline: its child then ends."""
    _lifelines.discard(handle)
    with contextlib.suppress(OSError):
        os.close(handle)


_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int, lifeline_end: int | None = None) -> None:
    """Make this freshly forked process end when ``parent``, the process that forked it, ends.

    Called first thing in a child. A process left behind by a killed build would keep printing
    for nobody, and keep its pipes and the output folder busy.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above could take effect
        os._exit(1)
    if lifeline_end is not None:
        threading.Thread(target=_watch, args=(lifeline_end,), name="reportgen-lifeline", daemon=True).start()


def _watch(lifeline_end: int) -> None:
    """Wait for the end of the lifeline (the parent is gone), then end this process."""
    with contextlib.suppress(OSError):
        while os.read(lifeline_end, 1):
            pass
    os._exit(1)


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
            with writing.uninterrupted():  # forked here: a Ctrl-C now must not half-start the child
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
        cut(self._lifeline)


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
