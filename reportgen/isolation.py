"""Print each PDF in a child process under a time and a memory limit.

WeasyPrint has no overall timeout, and a page can make it lay out for minutes or take
gigabytes; its maintainers' advice is to run it in a process of its own. The child is forked,
so it starts with the parent's fonts and templates already loaded (a few milliseconds, see
``bench/isolation.py``), prints one document and sends the bytes back. On the time limit the
parent kills it; on the memory limit its allocations fail. Either way the message names the
document, and the caller can carry on with the other units.
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


LIMITS = Limits()
"""The limits of every build."""


def print_pdf(printer: Printer, html: str, base: Path, document: Path, limits: Limits | None = None) -> bytes:
    """Print ``html`` to PDF bytes in a child process; ``document`` names it in messages.

    Raises:
        ReportgenError: the printing failed, took longer than ``limits.seconds`` or more
            memory than ``limits.memory``.
    """
    limits = limits or LIMITS
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sending, printer, html, base, document, limits.memory))
    child.start()
    sending.close()
    try:
        if not receiving.poll(limits.seconds):
            raise ReportgenError.at(
                Location(document),
                _(
                    "in PDF quá {seconds:g} giây nên đã dừng — hãy xem lại mẫu (CSS) hoặc ảnh của trang này"
                ).format(seconds=limits.seconds),
            )
        try:
            kind, payload = receiving.recv()
        except EOFError:  # the child died without a word: killed, or out of memory in C code
            raise ReportgenError.at(
                Location(document), _(_MEMORY_MESSAGE).format(mb=limits.memory >> 20)
            ) from None
    finally:
        receiving.close()
        if child.is_alive():
            child.kill()
        child.join()
    if kind == "pdf":
        assert isinstance(payload, bytes)
        return payload
    if kind == "memory":
        raise ReportgenError.at(Location(document), _(_MEMORY_MESSAGE).format(mb=limits.memory >> 20))
    raise ReportgenError(payload)


_MEMORY_MESSAGE = N_(
    "in PDF cần hơn {mb} MB bộ nhớ nên đã dừng — hãy xem lại mẫu (CSS) hoặc ảnh của trang này"
)


def _child(sending: Connection, printer: Printer, html: str, base: Path, document: Path, memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        sending.send(("pdf", printer.pdf(html, base, document)))
    except ReportgenError as error:
        sending.send(("problems", error.problems))
    except MemoryError:
        sending.send(("memory", None))
    finally:
        sending.close()
