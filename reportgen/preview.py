"""Live preview: the article and the report in a browser, rebuilt as the secretary types.

:class:`Site` builds one input's HTML (no PDF: that takes seconds) into a private folder,
rebuilds it when the YAML, a photo or a template changes (watchfiles), and keeps the last good
pages with the problems of the last attempt. :mod:`reportgen.preview_server` serves that
folder on the loopback interface and reloads the page after every rebuild.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import watchfiles

from reportgen import pipeline, templating
from reportgen.errors import Location, Problem, ReportgenError
from reportgen.i18n import _
from reportgen.isolation import Limits
from reportgen.photos import save as save_photo

# How long watchfiles waits for a burst of writes to end: an editor's save is often several.
STEP_MS = 50

LIMITS = Limits(seconds=20)
"""The limits of one page's rendering. It takes well under a second; a template that loops
for ever must not hold the preview for the two minutes a build allows a print."""


@dataclass(frozen=True)
class Build:
    """The outcome of one build: its number, its problems (none when it succeeded), its time."""

    version: int
    problems: tuple[Problem, ...]
    seconds: float


@dataclass
class Site:
    """One input's preview pages in ``folder``, rebuilt on demand; safe to read from other threads."""

    source: Path
    folder: Path
    templates: Path | None = None
    last: Build = Build(0, (), 0.0)
    changed: threading.Condition = field(default_factory=threading.Condition)
    _photo_sources: list[Path] = field(default_factory=list)
    _saved: dict[str, tuple[object, ...]] = field(default_factory=dict)

    def rebuild(self) -> Build:
        """Build the HTML again; on an input problem keep the pages of the last good build."""
        start = time.perf_counter()
        problems: tuple[Problem, ...] = ()
        try:
            (unit,) = pipeline.prepare([self.source], self.templates, limits=LIMITS)
            self._write(unit)
        except ReportgenError as error:
            problems = tuple(error.problems)
        except OSError as error:  # a file caught half-saved by an editor: the next save fixes it
            problems = (
                Problem(Location(self.source), _("không đọc hoặc ghi được: {error}").format(error=error)),
            )
        with self.changed:
            self.last = Build(self.last.version + 1, problems, time.perf_counter() - start)
            self.changed.notify_all()
        return self.last

    def _write(self, unit: pipeline.Unit) -> None:
        self._photo_sources = [photo.source for photo in unit.photos]
        for photo in unit.photos:
            stat = photo.source.stat()
            key = (photo.source.resolve(), stat.st_mtime_ns, stat.st_size, photo.variants)
            if self._saved.get(photo.largest.name) != key:  # resizing is the slow part: only when changed
                save_photo(photo, self.folder)
                self._saved[photo.largest.name] = key
        files = {f"{page}.html": html for page, html in unit.html.items()} | unit.forms
        for name, text in files.items():
            partial = self.folder / f".{name}.tmp"
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, self.folder / name)  # a page is never served half-written
        if unit.card is not None:
            card = self.folder / unit.card.name
            card.parent.mkdir(exist_ok=True)
            partial = card.with_name(f".{card.name}.tmp")
            partial.write_bytes(unit.card.png)
            os.replace(partial, card)

    def watched(self) -> set[Path]:
        """The folders to watch: the input's, its photos', the templates'."""
        folders = {
            self.source.parent,
            templating.packaged_templates(),
            *(p.parent for p in self._photo_sources),
        }
        if self.templates is not None:
            folders.add(self.templates)
        return {folder.resolve() for folder in folders if folder.is_dir()}

    def concerns(self, path: Path) -> bool:
        """Whether a change to ``path`` changes the pages."""
        path = path.resolve()
        if path.name.startswith(".") or path.name.endswith("~"):  # editors' swap and backup files
            return False
        template_folders = [templating.packaged_templates().resolve()]
        if self.templates is not None:
            template_folders.append(self.templates.resolve())
        return (
            path == self.source.resolve()
            or path in {p.resolve() for p in self._photo_sources}
            or path.parent in template_folders
        )

    def watch(self, stop: threading.Event, on_build: Callable[[Build], None] = lambda build: None) -> None:
        """Rebuild after every change until ``stop`` is set.

        Raises:
            KeyboardInterrupt: Ctrl-C; the caller stops the server.
        """
        while not stop.is_set():
            folders = self.watched()
            for _changes in watchfiles.watch(
                *folders,
                watch_filter=lambda _change, path: self.concerns(Path(path)),
                step=STEP_MS,
                stop_event=stop,
                recursive=False,
            ):
                on_build(self.rebuild())
                if self.watched() != folders:  # a photo from another folder: watch that one too
                    break
            else:
                return  # stopped
