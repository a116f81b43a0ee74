"""Live preview: the article and the report in a browser, rebuilt as the secretary types.

:class:`Site` builds one input's HTML (no PDF: that takes seconds) into a private folder,
rebuilds it when the YAML, a photo or a template changes (watchfiles), and keeps the last good
pages with the problems of the last attempt. :mod:`reportgen.preview.server` serves that
folder on the loopback interface and reloads the page after every rebuild.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import watchfiles

from reportgen import atomic, photos, templating, unit
from reportgen.batch.inputs import clashing_stems
from reportgen.errors import Location, Problem, ReportgenError
from reportgen.i18n import _
from reportgen.isolation import Limits, Sandbox
from reportgen.loading import is_input

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
    _inputs: tuple[Path, ...] = ()
    """The files and folders the last build read (:attr:`reportgen.unit.Unit.inputs`)."""
    _saved: dict[str, tuple[object, ...]] = field(default_factory=dict)
    _pages: Sandbox | None = None
    """The child that fills the templates, kept from one save to the next with its compiled
    templates; a new one when a template changes."""

    def rebuild(self) -> Build:
        """Build the HTML again; on an input problem keep the pages of the last good build."""
        start = time.perf_counter()
        problems: tuple[Problem, ...] = ()
        # A name that build refuses is refused here too: the preview shows what build makes.
        refused = clashing_stems([self.source])
        if self._pages is None:
            self._pages = unit.pages_for(self.templates, LIMITS)
        try:
            made = unit.make(self.source, self._pages)
            self._inputs = made.inputs
            if refused:
                raise ReportgenError([*refused, *made.warnings])
            assert made.documents is not None
            self._write(made.documents)
        except unit.Unmade as error:
            self._inputs = error.inputs  # correcting any of them, a sub-unit too, rebuilds
            problems = tuple(ReportgenError([*refused, *error.problems]).problems)
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

    def _write(self, documents: unit.Documents) -> None:
        for photo in documents.photos:
            stat = photo.source.stat()
            key = (photo.source.resolve(), stat.st_mtime_ns, stat.st_size, photo.variants)
            if self._saved.get(photo.largest.name) != key:  # resizing is the slow part: only when changed
                self._put(photos.sized(photo))
                self._saved[photo.largest.name] = key
        self._put({f"{page}.html": html for page, html in documents.html.items()} | documents.forms)
        if documents.card is not None:
            self._put({documents.card.name: documents.card.png})

    def _put(self, files: dict[str, str] | dict[str, bytes]) -> None:
        for name, content in files.items():  # each whole: a page is never served half-written
            (self.folder / name).parent.mkdir(exist_ok=True)
            atomic.write(self.folder / name, content)

    def close(self) -> None:
        """Stop the child that fills the templates."""
        if self._pages is not None:
            self._pages.close()
            self._pages = None

    def _template_folders(self) -> set[Path]:
        return {folder.resolve() for folder in (templating.packaged_templates(), self.templates) if folder}

    def watched(self) -> set[Path]:
        """The folders to watch: those the input's files are in, the folders it lists, the templates'."""
        inputs = self._inputs or (self.source,)
        folders = {path if path.is_dir() else path.parent for path in inputs}
        return {folder.resolve() for folder in folders if folder.is_dir()} | self._template_folders()

    def concerns(self, path: Path) -> bool:
        """Whether a change to ``path`` changes the pages: one of the unit's inputs, a template.

        A ``.yaml`` file appearing in a folder of sub-units counts too: it is a new sub-unit.
        """
        path = path.resolve()
        if path.name.startswith(".") or path.name.endswith("~"):  # editors' swap and backup files
            return False
        inputs = {input.resolve() for input in self._inputs or (self.source,)}
        listed = {folder for folder in inputs if folder.is_dir()}
        return (
            path in inputs
            or (path.parent in listed and is_input(path))
            or path.parent in self._template_folders()
        )

    def watch(
        self,
        stop: threading.Event,
        on_build: Callable[[Build], None] = lambda build: None,
        changes: Callable[..., Iterable[set[tuple[watchfiles.Change, str]]]] = watchfiles.watch,
    ) -> None:
        """Rebuild after every change until ``stop`` is set.

        ``changes`` tells of the changes to the files, as :func:`watchfiles.watch` does.

        Raises:
            KeyboardInterrupt: Ctrl-C; the caller stops the server.
        """
        while not stop.is_set():
            folders = self.watched()
            for changed in changes(
                *folders,
                watch_filter=lambda _change, path: self.concerns(Path(path)),
                step=STEP_MS,
                stop_event=stop,
                recursive=False,
            ):
                templates = self._template_folders()
                if any(Path(path).resolve().parent in templates for _change, path in changed):
                    self.close()  # a template added, changed or removed: compiled afresh
                on_build(self.rebuild())
                if self.watched() != folders:  # a photo or a sub-unit from another folder: watch it too
                    break
            else:
                return  # stopped
