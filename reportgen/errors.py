"""Errors that reach the user: where in which file, and what to type instead.

Every stage raises :class:`ReportgenError` for a problem the user can fix. It carries
one or more :class:`Problem` lines, each printed as ``file:line:column: field: message``,
so a secretary can jump to the spot in any editor. The library never prints; the CLI
decides how these look.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    """A place in an input file; line and column count from 1, as editors do."""

    file: Path
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return str(self.file)
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, at one place."""

    location: Location
    message: str
    field: str = ""

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.location}:{field} {self.message}"


class ReportgenError(Exception):
    """A problem the user can fix; holds every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: p.location)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, location: Location, message: str, field: str = "") -> ReportgenError:
        """Make an error of a single problem.

        >>> print(ReportgenError.at(Location(Path("a.yaml"), 3, 5), "thiếu giá trị", "nam"))
        a.yaml:3:5: nam: thiếu giá trị
        """
        return cls([Problem(location, message, field)])
