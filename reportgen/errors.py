"""Errors that reach the user: where in which file, and what to type instead.

Every stage raises :class:`ReportgenError` for a problem the user can fix. It carries
one or more :class:`Problem` lines, each printed as ``file:line:column: field: message``,
so a secretary can jump to the spot in any editor. A problem may be only a warning: legal
but suspicious, it never stops a build. The library never prints; the CLI decides how
these look.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportgen.i18n import _


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
    """One thing wrong with an input, at one place; a warning if it is only suspicious.

    >>> print(Problem(Location(Path("a.yaml"), 3, 5), "tăng 80% so với năm trước", "nam", warning=True))
    a.yaml:3:5: nam: cảnh báo: tăng 80% so với năm trước
    """

    location: Location
    message: str
    field: str = ""
    warning: bool = False

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        message = _("cảnh báo: {message}").format(message=self.message) if self.warning else self.message
        return f"{self.location}:{field} {message}"


def field_name(address: Iterable[str | int]) -> str:
    """Write a value's address in the document the way the YAML reads: ``anh[0].tep``.

    >>> field_name(("anh", 0, "tep"))
    'anh[0].tep'
    """
    text = ""
    for part in address:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".")


class ReportgenError(Exception):
    """A problem the user can fix; holds every problem found, not just the first.

    Warnings found in the same files travel with the errors, in file order, so the user
    reads everything at once.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: p.location)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        """The problems that are not mere warnings."""
        return [problem for problem in self.problems if not problem.warning]

    @classmethod
    def at(cls, location: Location, message: str, field: str = "") -> ReportgenError:
        """Make an error of a single problem.

        >>> print(ReportgenError.at(Location(Path("a.yaml"), 3, 5), "thiếu giá trị", "nam"))
        a.yaml:3:5: nam: thiếu giá trị
        """
        return cls([Problem(location, message, field)])
