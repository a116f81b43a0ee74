"""Print each PDF in a child process under a time and a memory limit.

WeasyPrint has no overall timeout, and a page can make it lay out for minutes or take
gigabytes; its maintainers' advice is to run it in a process of its own. The child is forked,
so it starts with the parent's fonts and templates already loaded, prints the documents it is
sent and sends the bytes back. On the time limit the parent kills it; on the memory limit its
allocations fail. Either way the message names the document, and the caller can carry on with
the other units, in a new child.
"""

from __future__ import annotations

import multiprocessing
import resource
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from reportgen.errors import Location, ReportgenError
from reportgen.i18n import N_, _
from reportgen.rendering import Printer


@dataclass(frozen=True)
class Limits:
    """How long and how much memory one document may take to print."""

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


class _Child:
    """A forked process that prints for one :class:`Printer`, document after document.

    It lives as long as its documents behave: WeasyPrint and Pango keep what they learn about
    the fonts between documents, and a fresh fork per document would lose it (the batch
    benchmark measured printing nearly twice as slow). A document over its time or memory
    limit takes the child down with it; the next document gets a new one.
    """

    def __init__(self, printer: Printer, memory: int) -> None:
        context = multiprocessing.get_context("fork")
        receive_request, self.requests = context.Pipe(duplex=False)
        self.results, send_result = context.Pipe(duplex=False)
        self.printer, self.memory = printer, memory
        self.process = context.Process(
            target=_serve, args=(receive_request, send_result, printer, memory), daemon=True
        )
        self.process.start()
        receive_request.close()
        send_result.close()

    def serves(self, printer: Printer, memory: int) -> bool:
        return self.printer is printer and self.memory == memory and self.process.is_alive()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.requests.close()
        self.results.close()


_current: _Child | None = None
"""This process's printing child, started by the first PDF a printer prints."""


def stop() -> None:
    """Stop this process's printing child, if there is one (at the end of a build)."""
    global _current
    if _current is not None:
        _current.stop()
        _current = None


def _child_for(printer: Printer, memory: int) -> _Child:
    global _current
    if _current is None or not _current.serves(printer, memory):
        stop()
        _current = _Child(printer, memory)
    return _current


def print_pdf(printer: Printer, html: str, base: Path, document: Path, limits: Limits | None = None) -> bytes:
    """Print ``html`` to PDF bytes in a child process; ``document`` names it in messages.

    Raises:
        ReportgenError: the printing failed, took longer than ``limits.seconds`` or more
            memory than ``limits.memory``.
    """
    limits = limits or LIMITS
    child = _child_for(printer, limits.memory)
    child.requests.send((html, base, document))
    if not limits.answered(child.results):
        stop()
        raise ReportgenError.at(
            Location(document),
            _(
                "in PDF quá {seconds:g} giây nên đã dừng — hãy xem lại mẫu (CSS) hoặc ảnh của trang này"
            ).format(seconds=limits.seconds),
        )
    try:
        kind, payload = child.results.recv()
    except EOFError:  # the child died without a word: killed, or out of memory in C code
        kind, payload = "memory", None
    if kind == "pdf":
        assert isinstance(payload, bytes)
        return payload
    stop()  # after any failure the next document starts from a clean child
    if kind == "memory":
        raise ReportgenError.at(Location(document), _(_MEMORY_MESSAGE).format(mb=limits.memory >> 20))
    raise ReportgenError(payload)


_MEMORY_MESSAGE = N_(
    "in PDF cần hơn {mb} MB bộ nhớ nên đã dừng — hãy xem lại mẫu (CSS) hoặc ảnh của trang này"
)


def _serve(requests: Connection, results: Connection, printer: Printer, memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    while True:
        try:
            html, base, document = requests.recv()
        except EOFError:  # the parent is done with this child
            return
        try:
            results.send(("pdf", printer.pdf(html, base, document)))
        except ReportgenError as error:
            results.send(("problems", error.problems))
        except MemoryError:
            results.send(("memory", None))
            return
