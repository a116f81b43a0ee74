"""Building a batch's units, in this process or in several at once, with tools made once per process.

Each process makes its :class:`Tools` once, the Jinja2 environment, the
:class:`~reportgen.rendering.Printer` with its WeasyPrint font configuration and the Word writer,
and reuses them for every unit it builds: a fresh font configuration per document costs a sixth
of the time and grows the memory. Its pages are filled in one child process and printed in
another, both under the time and memory limits (:mod:`reportgen.isolation`). The tools start
both as they are made, the printing child first, since loading WeasyPrint is the longest step,
and before the build starts a thread of its own (a progress bar); they stop them when closed.
In one process, a unit's PDFs print while the next unit is loaded, filled and sent.

With several processes, each worker is a process of its own that makes its tools, then builds
the units it is handed, one at a time, and sends back their outcomes; the tools live in that
loop and are closed when it ends. A unit is handed out whenever a worker is free, so a slow one
holds back no queue behind it, and each worker writes its units' folders itself. Workers die
with the build (:mod:`reportgen.processes`) and leave Ctrl-C to it: on Ctrl-C no unit is handed
out any more, the outcomes of those already running still come, then the interrupt.

The pool is written here rather than taken from :mod:`concurrent.futures`, whose workers can
keep per-process tools only in a module-level variable, and close nothing when they stop.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import traceback
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import fonts, i18n, processes, system, templating, unit
from reportgen.batch import manifest, output
from reportgen.batch.outcomes import Outcome
from reportgen.errors import ReportgenError
from reportgen.isolation import Sandbox
from reportgen.rendering import Printer

if TYPE_CHECKING:
    from reportgen.word import Word


@dataclass(frozen=True)
class Settings:
    """What every unit of a build is made with; sent to each worker process once."""

    templates: Path | None
    write_html: bool
    font: fonts.Font | None
    """The report's font when PDFs are printed, else None."""
    archival: bool
    word: Path | None = None
    """The reference document when the Word copies are written, else None."""
    trust_templates: bool = False
    """Whether the pages may attach files of the template folders to their PDFs."""


class Tools:
    """What one process builds its units with, made once; :meth:`close` stops its children."""

    def __init__(
        self, settings: Settings, press: Sandbox | None = None, pages: Sandbox | None = None
    ) -> None:
        """Make the tools; ``press`` and ``pages``, children already started, print and fill if given.

        The printing child is started first, so that it loads WeasyPrint while the rest is made.
        """
        self.settings = settings
        if press is None and settings.font is not None:
            printer = Printer.for_templates(
                settings.templates,
                settings.font,
                archival=settings.archival,
                attachments=settings.trust_templates,
            )
            press = Sandbox(printer=printer).start()
        self.press = press
        self.pages = pages or unit.pages_for(settings.templates)
        self.word: Word | None = None
        if settings.word is not None:
            from reportgen.word import Word  # python-docx is loaded only for Word copies

            roots = [templating.packaged_templates(), *([settings.templates] if settings.templates else [])]
            self.word = Word(settings.word, roots)

    def build(self, source: Path, out: Path) -> Outcome:
        """Build one unit into ``out/<stem>/``; a problem is returned in the outcome, not raised."""
        return output.finish(self.building(source, out))

    def building(self, source: Path, out: Path) -> Generator[None, None, Outcome]:
        """:meth:`build` in two steps: it stops once, while the unit's PDFs print (:func:`output.steps`).

        Its own file is hashed before it is read, the others as soon as they are known, so that
        the manifest never vouches for content newer than what was built.
        """
        own = manifest.digest(source)
        try:
            made = unit.make(source, self.pages, card=self.settings.write_html)
            read = {str(path.resolve()): manifest.digest(path) for path in made.inputs}
            read[str(source.resolve())] = own
            files = yield from output.steps(made, out, self.press, self.settings.write_html, self.word)
        except system.MachineLacks:
            raise  # not this unit's problem: the whole build stops
        except ReportgenError as error:
            return Outcome(source, problems=tuple(error.problems))
        return Outcome(source, tuple(files), tuple(made.warnings), (), read)

    def close(self) -> None:
        """Stop the child processes that fill the templates and print for these tools."""
        self.pages.close()
        if self.press is not None:
            self.press.close()


@contextmanager
def run(
    sources: Sequence[Path],
    out: Path,
    settings: Settings,
    jobs: int = 1,
    press: Sandbox | None = None,
    pages: Sandbox | None = None,
) -> Iterator[Iterator[Outcome]]:
    """Build ``sources`` into ``out`` in ``jobs`` processes; yield their outcomes as they finish.

    ``press`` and ``pages``, children already started, print and fill the pages when the units
    are built in this process. Every process, and every child, is started before the caller
    sees the outcomes, so nothing the caller starts meanwhile (a progress bar's thread) is
    copied into them. A build with nothing to do starts none.
    """
    if not sources:
        yield iter(())
    elif jobs <= 1 or len(sources) < 2:
        tools = Tools(settings, press, pages)
        try:
            yield _one_after_another(tools, sources, out)
        finally:
            tools.close()
    else:
        with _Workers(min(jobs, len(sources)), settings, out) as workers:
            yield workers.build(sources)


def _one_after_another(tools: Tools, sources: Sequence[Path], out: Path) -> Iterator[Outcome]:
    """Build ``sources`` in this process, each made ready while the one before it prints.

    A unit stops once its PDFs are sent to print; the next is then loaded, filled and sent,
    and the first finished: the printing child is never left waiting for the next pages. On
    Ctrl-C the unit already printing is finished, then the build stops.
    """
    started: list[Generator[None, None, Outcome] | Outcome] = []  # oldest first
    try:
        for source in sources:
            try:
                stepping = tools.building(source, out)
                next(stepping)
                started.append(stepping)
            except StopIteration as done:  # nothing to print, or it failed: it is done
                started.append(done.value)
            except KeyboardInterrupt:
                while started:
                    yield _ended(started.pop(0))
                raise
            # What came before the unit now printing is finished; a unit already done goes too.
            while started and (len(started) > 1 or isinstance(started[0], Outcome)):
                yield _ended(started.pop(0))
        while started:
            yield _ended(started.pop(0))
    finally:
        for left in started:  # stopped on the way: their staging folders go
            if not isinstance(left, Outcome):
                left.close()


def _ended(started: Generator[None, None, Outcome] | Outcome) -> Outcome:
    outcome = started if isinstance(started, Outcome) else output.finish(started)
    _collect()
    return outcome


def _collect() -> None:
    """Free what the unit just written left in reference cycles (its Word copies hold many).

    Python frees them only at a full collection, which comes after dozens of units: a batch
    of 200 units peaked at 1.7 times a one-unit build's memory. A collection per unit costs a
    few hundredths of a second, while the next unit's PDFs print.
    """
    gc.collect()


class _Workers:
    """Worker processes, each with its tools, building the units they are handed."""

    def __init__(self, count: int, settings: Settings, out: Path) -> None:
        # Forked where the system can: a worker then starts with reportgen already imported.
        forks = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork") if forks else multiprocessing.get_context()
        reading, self._lifeline = processes.lifeline()
        self.ends: list[Connection] = []
        self.processes: list[multiprocessing.process.BaseProcess] = []
        try:
            with processes.uninterrupted():  # forked here: not half-started by Ctrl-C
                for _ in range(count):
                    ours, theirs = context.Pipe()
                    self.ends.append(ours)
                    process = context.Process(
                        target=_work,
                        args=(theirs, settings, out, i18n.language(), os.getpid(), reading),
                        kwargs={"parent_ends": tuple(self.ends)},
                        name="reportgen-worker",
                        daemon=False,  # it has a child of its own: the one that prints
                    )
                    process.start()
                    theirs.close()
                    self.processes.append(process)
        finally:
            os.close(reading)

    def build(self, sources: Sequence[Path]) -> Iterator[Outcome]:
        """Hand out ``sources`` as workers come free; yield each outcome as it comes back.

        After Ctrl-C, wherever it comes (the caller may be recording an outcome), no unit is
        handed out any more; the outcomes of those running still come, then the interrupt.
        """
        waiting = list(reversed(sources))
        busy: list[Connection] = []
        with processes.ctrl_c_noted() as ctrl_c:
            for end in self.ends[: len(waiting)]:
                end.send(waiting.pop())
                busy.append(end)
            while busy:
                ready = multiprocessing.connection.wait(busy)
                for end in [end for end in busy if end in ready]:
                    outcome = _answer(end)
                    busy.remove(end)
                    if waiting and not ctrl_c.heard:
                        end.send(waiting.pop())
                        busy.append(end)
                    yield outcome
        if ctrl_c.heard:
            raise KeyboardInterrupt

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exception: object) -> None:
        """Ask each worker to stop once its unit is done, wait for it, then cut their lifeline."""
        for end in self.ends:
            with contextlib.suppress(OSError):  # a worker gone already needs no asking
                end.send(None)
            end.close()
        for process in self.processes:
            process.join()
        processes.close(self._lifeline)


def _answer(end: Connection) -> Outcome:
    """The outcome a worker sent on ``end``.

    Raises:
        ChildFailed: the worker met a bug of reportgen's own, or died.
    """
    try:
        kind, payload = end.recv()
    except EOFError:
        raise processes.ChildFailed("a worker process ended without its outcome") from None
    if kind == "bug":
        raise processes.ChildFailed(payload)
    assert isinstance(payload, Outcome)
    return payload


def _work(
    connection: Connection,
    settings: Settings,
    out: Path,
    language: str,
    parent: int,
    lifeline_end: int,
    parent_ends: tuple[Connection, ...] = (),
) -> None:
    """A worker's life: make the tools, build each unit handed in, send its outcome, close the tools."""
    for end in parent_ends:  # the build's ends of the workers' pipes are the build's alone
        end.close()
    processes.die_with_parent(parent, lifeline_end)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle
    i18n.activate(language)  # messages go back already worded, in the command's language
    tools = Tools(settings)
    try:
        while (source := connection.recv()) is not None:
            try:
                answer = ("done", tools.build(source, out))
                _collect()
            except BaseException:
                connection.send(("bug", traceback.format_exc()))
                return
            connection.send(answer)
    except (EOFError, OSError):
        pass  # the build is gone
    finally:
        tools.close()
