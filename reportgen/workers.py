"""Running a build's units: in this process, or in several at once.

Each process makes its tools once, the Jinja2 environment and the :class:`~reportgen.rendering.Printer`
with its WeasyPrint font configuration, and reuses them for every unit it builds: a fresh font
configuration per document costs a sixth of the time and grows the memory. Units are handed
out one at a time, so a slow one does not hold back a queue behind it, and each worker writes
its units' folders itself; only the outcomes come back.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from reportgen import i18n, isolation, templating
from reportgen.pipeline import Outcome, Settings, make
from reportgen.rendering import Printer

if TYPE_CHECKING:
    from reportgen.word import Word


class Tools:
    """What one process builds its units with, made once."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.env: jinja2.Environment = templating.environment(settings.templates)
        self.printer: Printer | None = None
        roots = [templating.packaged_templates(), *([settings.templates] if settings.templates else [])]
        if settings.font is not None:
            self.printer = Printer(roots, settings.font, archival=settings.archival)
        self.word: Word | None = None
        if settings.word is not None:
            from reportgen.word import Word

            self.word = Word(settings.word, roots)

    def make(self, source: Path, out: Path) -> Outcome:
        """Build one unit (see :func:`reportgen.pipeline.make`)."""
        return make(source, out, self.env, self.printer, self.settings.write_html, self.word)


_tools: Tools | None = None
"""The tools of a worker process, made by :func:`_start`."""


def _start(settings: Settings, language: str) -> None:
    global _tools
    i18n.activate(language)  # messages come back already worded, in the command's language
    _tools = Tools(settings)


def _make(source: Path, out: Path) -> Outcome:
    assert _tools is not None
    return _tools.make(source, out)


@contextmanager
def run(sources: Sequence[Path], out: Path, settings: Settings, jobs: int = 1) -> Iterator[Iterator[Outcome]]:
    """Build ``sources`` in ``jobs`` processes; yield their outcomes as they finish.

    The worker processes are started before the caller sees the outcomes, so nothing the
    caller starts meanwhile (a progress bar's thread) is copied into them.
    """
    if jobs <= 1 or len(sources) < 2:
        yield _here(sources, out, settings)
        return
    # Forked where the system can: a worker then starts with reportgen already imported.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=min(jobs, len(sources)),
        mp_context=multiprocessing.get_context(method),
        initializer=_start,
        initargs=(settings, i18n.language()),
    ) as pool:
        futures = [pool.submit(_make, source, out) for source in sources]
        yield (future.result() for future in concurrent.futures.as_completed(futures))


def _here(sources: Sequence[Path], out: Path, settings: Settings) -> Iterator[Outcome]:
    if not sources:
        return
    tools = Tools(settings)
    try:
        for source in sources:
            yield tools.make(source, out)
    finally:
        isolation.stop()  # the printing child serves this build's printer only
