"""What a build is asked for and what it answers: the words the command line and the library share.

Kept apart from the build itself so that ``reportgen --help``, ``init`` and ``validate`` need
not import the stages (pydantic models, Jinja2, Pillow) to name an option or an outcome.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.errors import Problem, ReportgenError

if TYPE_CHECKING:
    from reportgen import fonts


class Format(StrEnum):
    """Which files ``build`` writes."""

    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    ALL = "all"

    @property
    def html(self) -> bool:
        """Whether the HTML pages (and the article's body and text) are written."""
        return self in (Format.HTML, Format.ALL)

    @property
    def pdf(self) -> bool:
        """Whether the pages are printed to PDF."""
        return self in (Format.PDF, Format.ALL)

    @property
    def docx(self) -> bool:
        """Whether the Word copies are written."""
        return self in (Format.DOCX, Format.ALL)


@dataclass(frozen=True)
class Outcome:
    """What became of one input in a build: its files written, or the problems that stopped it."""

    source: Path
    files: tuple[Path, ...] = ()
    warnings: tuple[Problem, ...] = ()
    problems: tuple[Problem, ...] = ()
    read: dict[str, str] = field(default_factory=dict)
    """The content hash of every file the output was built from, for the manifest."""

    @property
    def failed(self) -> bool:
        """Whether the unit was left unwritten."""
        return bool(self.problems)


class Feedback:
    """What a build tells its caller as it goes; this one keeps quiet, the CLI's shows it."""

    def starting(self, sources: Sequence[Path], skipped: Sequence[Path]) -> None:
        """``sources`` are about to be built; ``skipped`` have not changed since the last build."""

    def done(self, outcome: Outcome) -> None:
        """One input is written, or failed; its warnings and problems are in ``outcome``."""

    def warned(self, warnings: Sequence[Problem]) -> None:
        """Warnings about the whole build: a machine that prints slowly."""


class Written(list[Path]):
    """The files a build wrote, and the font its reports were printed in (None without PDF)."""

    font: fonts.Font | None = None
    skipped: list[Path]
    """The inputs left as they were built last time, nothing having changed."""

    def __init__(self, files: Iterable[Path] = ()) -> None:
        super().__init__(files)
        self.skipped = []


class BuildFailed(ReportgenError):
    """Some inputs had problems and were not written; the others were, into ``written``.

    With no input ``failed``, every unit was written but the build's manifest could not be saved.
    """

    def __init__(self, problems: Iterable[Problem], written: Written, failed: Sequence[Path]) -> None:
        super().__init__(dict.fromkeys(problems))  # a template's mistake fails every unit alike: say it once
        self.written = written
        self.failed = list(failed)


class BuildInterrupted(BuildFailed):
    """Ctrl-C stopped a build: ``written`` holds what was written before, ``remaining`` what was not."""

    def __init__(
        self,
        problems: Iterable[Problem],
        written: Written,
        failed: Sequence[Path],
        remaining: Sequence[Path],
    ) -> None:
        super().__init__(problems, written, failed)
        self.remaining = list(remaining)
