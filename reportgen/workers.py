"""Running a build's units: in this process, or in several at once.

Each process makes its tools once, the Jinja2 environment and the :class:`~reportgen.rendering.Printer`
with its WeasyPrint font configuration, and reuses them for every unit it builds: a fresh font
configuration per document costs a sixth of the time and grows the memory. The templates are
filled and the PDFs printed in that process's :class:`~reportgen.isolation.Sandbox`, under the
time and memory limits. Units are handed out one at a time, so a slow one does not hold back a
queue behind it, and each worker writes its units' folders itself; only the outcomes come back.

Worker processes die with the build, like its printing children, and leave Ctrl-C to it: on
Ctrl-C the build hands out no more units, lets those already started finish, and stops.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import signal
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import i18n, isolation, templating, writing
from reportgen.pipeline import Outcome, Settings, make
from reportgen.rendering import Printer

if TYPE_CHECKING:
    from reportgen.word import Word


class Tools:
    """What one process builds its units with, made once; :meth:`close` stops its child."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        printer: Printer | None = None
        roots = [templating.packaged_templates(), *([settings.templates] if settings.templates else [])]
        if settings.font is not None:
            printer = Printer(
                roots, settings.font, archival=settings.archival, attachments=settings.trust_templates
            )
        self.sandbox = isolation.Sandbox(templating.environment(settings.templates), printer)
        self.word: Word | None = None
        if settings.word is not None:
            from reportgen.word import Word

            self.word = Word(settings.word, roots)

    def make(self, source: Path, out: Path) -> Outcome:
        """Build one unit (see :func:`reportgen.pipeline.make`)."""
        return make(source, out, self.sandbox, self.settings.write_html, self.word)

    def close(self) -> None:
        """Stop the child process that renders and prints for these tools."""
        self.sandbox.close()


_tools: Tools | None = None
"""The tools of a worker process, made by :func:`_start`."""


def _start(settings: Settings, language: str, parent: int, lifeline: int) -> None:
    global _tools
    isolation.die_with_parent(parent, lifeline)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle
    i18n.activate(language)  # messages come back already worded, in the command's language
    _tools = Tools(settings)


def _make(source: Path, out: Path) -> Outcome:
    assert _tools is not None
    return _tools.make(source, out)


@contextmanager
def run(sources: Sequence[Path], out: Path, settings: Settings, jobs: int = 1) -> Iterator[Iterator[Outcome]]:
    """Build ``sources`` in ``jobs`` processes; yield their outcomes as they finish.

    The worker processes are started before the caller sees the outcomes, so nothing the
    caller starts meanwhile (a progress bar's thread) is copied into them. On Ctrl-C
    (``KeyboardInterrupt``) no unit is started any more; with several processes, the outcomes
    of the units that were already running still come, then the interrupt.
    """
    if jobs <= 1 or len(sources) < 2:
        made: list[Tools] = []  # made for the first unit: a build with nothing to do needs none

        def here() -> Iterator[Outcome]:
            for source in sources:
                if not made:
                    made.append(Tools(settings))
                yield made[0].make(source, out)

        try:
            yield here()
        finally:
            for tools in made:
                tools.close()
        return
    # Forked where the system can: a worker then starts with reportgen already imported.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    reading, lifeline = isolation.lifeline()
    try:
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=min(jobs, len(sources)),
            mp_context=multiprocessing.get_context(method),
            initializer=_start,
            initargs=(settings, i18n.language(), os.getpid(), reading),
        ) as pool:
            with writing.uninterrupted():  # the workers are forked here: not half-started by Ctrl-C
                futures = [pool.submit(_make, source, out) for source in sources]
            os.close(reading)
            try:
                yield _as_they_finish(futures)
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
    finally:
        isolation.cut(lifeline)


def _as_they_finish(futures: list[concurrent.futures.Future[Outcome]]) -> Iterator[Outcome]:
    """Each outcome as its unit finishes; on Ctrl-C, those of the units already running, then stop."""
    given: set[concurrent.futures.Future[Outcome]] = set()
    try:
        for future in concurrent.futures.as_completed(futures):
            given.add(future)
            yield future.result()
    except KeyboardInterrupt:
        started = [future for future in futures if not future.cancel() and future not in given]
        concurrent.futures.wait(started)
        for future in started:
            yield future.result()
        raise
