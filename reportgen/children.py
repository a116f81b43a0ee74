"""The children that fill and print: forked ready to work, serving one request after another.

:mod:`reportgen.isolation` says what they are for and asks them; here is how one is forked,
gets ready and answers. A child dies with the build (:mod:`reportgen.processes`) and ignores
Ctrl-C: stopping is the parent's to decide (it kills the child on the way out).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import resource
import signal
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from reportgen import system
from reportgen.errors import ReportgenError
from reportgen.processes import close, die_with_parent, lifeline, uninterrupted

if TYPE_CHECKING:
    import jinja2

    from reportgen.rendering import Printer


def _take_in(requests: Connection) -> queue.SimpleQueue[tuple[Any, ...] | None]:
    """Read the parent's requests as they come, into a queue; None when the parent closes the pipe.

    The parent may send the next pages before it reads the PDFs of the last: were the child
    to read a request only when done with the one before, both could wait for ever, each
    writing to a full pipe the other does not read.
    """
    waiting: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()

    def take() -> None:
        while True:
            try:
                waiting.put(requests.recv())
            except (EOFError, OSError):
                waiting.put(None)
                return

    threading.Thread(target=take, name="reportgen-requests", daemon=True).start()
    return waiting


class Child:
    """A forked process that answers one sandbox's requests, one after the other (:func:`serve`)."""

    def __init__(
        self,
        env: jinja2.Environment | None,
        printer: Printer | None,
        memory: int,
        warm: tuple[str, ...] = (),
        printing: bool = False,
    ) -> None:
        context = multiprocessing.get_context("fork")
        receive_request, self.requests = context.Pipe(duplex=False)
        self.results, send_result = context.Pipe(duplex=False)
        reading, self._lifeline = lifeline()
        self.memory = memory
        self.process = context.Process(
            target=serve,
            args=(receive_request, send_result, env, printer, memory, os.getpid(), reading),
            kwargs={"parent_ends": (self.requests, self.results), "warm": warm, "printing": printing},
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
        """Whether the child is alive and under the memory limit ``memory``."""
        return self.memory == memory and self.process.is_alive()

    def stop(self) -> None:
        """Kill the child and wait for it."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.requests.close()
        self.results.close()
        close(self._lifeline)


def serve(
    requests: Connection,
    results: Connection,
    env: jinja2.Environment | None,
    printer: Printer | None,
    memory: int,
    parent: int,
    lifeline_end: int,
    parent_ends: tuple[Connection, ...] = (),
    warm: tuple[str, ...] = (),
    printing: bool = False,
) -> None:
    """Answer the parent's requests until it closes the pipe: fill ``env``'s pages, print with ``printer``.

    Ready first: WeasyPrint loaded and the machine checked for a printer (or for ``printing``,
    a printer to come in a ``printer`` request), the pages ``warm`` compiled for templates.
    Each answer is ``("ok", result)``, ``("problems", problems)`` for the user's mistake,
    ``("memory", None)`` past the memory limit, or ``("bug", traceback)``.
    """
    for end in parent_ends:  # so that the request pipe ends when the parent does
        end.close()
    die_with_parent(parent, lifeline_end)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    waiting = _take_in(requests)  # taken in while getting ready: the parent need not wait to send
    handlers: dict[str, Callable[..., object]] = {}
    if env is not None:
        from reportgen import template_files, templating

        handlers["render"] = lambda name, context: templating.render(env, name, context)
        template_files.compile_ahead(env, warm)
    if printer is not None or printing:
        # Ready before the first page comes: WeasyPrint imported, the fonts registered.
        lacking = system.check(printing=True)

        def use(given: Printer) -> None:
            handlers["pdf"] = given.pdf
            if not ReportgenError(lacking).errors:
                with contextlib.suppress(Exception):  # then said by the first page, in its own words
                    given.prepare()

        handlers["machine"] = lambda: lacking
        handlers["printer"] = use
        if printer is not None:
            use(printer)
    while True:
        request = waiting.get()
        if request is None:  # the parent is done with this child
            return
        kind, *arguments = request
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
