"""What reportgen needs of the machine: the system libraries WeasyPrint prints with.

WeasyPrint lays text out with Pango and subsets fonts with HarfBuzz, libraries of the system
that pip cannot install. Without Pango, importing WeasyPrint prints a notice in English and
fails with a traceback; without HarfBuzz's subsetting library it falls back to fontTools and
prints every PDF about four times slower, saying nothing. :func:`check` asks WeasyPrint itself
(by importing it, which loads every library by the names it knows on each system) before a
build starts, and words what is missing in the user's language, with the package to install.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import Location, Problem, ReportgenError
from reportgen.i18n import _

HERE = Location(Path("reportgen"))
"""Where a problem of the machine is reported: the program, not a file."""


@dataclass(frozen=True)
class Library:
    """A system library WeasyPrint loads, and the Debian/Ubuntu package that installs it."""

    name: str
    """What people call it: ``Pango``."""
    stem: str
    """The part of its file name every system shares: ``pango-1.0``."""
    package: str
    """The Debian/Ubuntu package: ``libpango-1.0-0``."""


REQUIRED = (
    Library("GLib", "gobject-2.0", "libglib2.0-0"),
    Library("Pango", "pango-1.0", "libpango-1.0-0"),
    Library("HarfBuzz", "harfbuzz", "libharfbuzz0b"),
    Library("Fontconfig", "fontconfig", "libfontconfig1"),
    Library("PangoFT2", "pangoft2-1.0", "libpangoft2-1.0-0"),
)
"""Without any of these WeasyPrint cannot be imported at all."""
SUBSETTING = Library("HarfBuzz subset", "harfbuzz-subset", "libharfbuzz-subset0")
"""Without it WeasyPrint still prints, about four times slower."""
DEBIAN_PACKAGES = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0")
"""What to install on Debian or Ubuntu: these bring GLib, HarfBuzz and Fontconfig with them."""

# WeasyPrint's loader (through cffi) says "cannot load library 'libpango-1.0-0': …".
_NOT_LOADED = re.compile(r"cannot load library '(?P<file>[^']+)'")


class MachineLacks(ReportgenError):
    """The machine lacks a library the build cannot print without; nothing was written."""


def check(printing: bool = True) -> list[Problem]:
    """Find what the machine lacks for a build; ``printing`` when the build prints PDFs.

    Returns an error for a library WeasyPrint cannot work without (nothing can be built then:
    the pages are laid out by the same code that prints them), and a warning when PDFs would
    print slowly for want of HarfBuzz's subsetting.
    """
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # WeasyPrint's own notice, in English
            from weasyprint.text import ffi
    except OSError as error:
        return [missing(str(error))]
    if printing and ffi.harfbuzz_subset is None:
        return [slow()]
    return []


def missing(reason: str) -> Problem:
    """The error for WeasyPrint's failure to load a library, as its loader words it.

    >>> print(missing("cannot load library 'libpangoft2-1.0-0': not found"))
    reportgen: thiếu thư viện PangoFT2 (libpangoft2-1.0-0) của hệ thống, mà WeasyPrint cần để làm trang và in PDF — trên Debian và Ubuntu hãy cài: sudo apt install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; trên Windows và macOS xem mục "Cài đặt" trong README
    """  # noqa: E501 - a doctest's output line cannot be wrapped
    found = _NOT_LOADED.search(reason)
    file = found["file"] if found else reason
    library = _library(file)
    return Problem(
        HERE,
        _(
            "thiếu thư viện {name} ({file}) của hệ thống, mà WeasyPrint cần để làm trang và in PDF — "
            'trên Debian và Ubuntu hãy cài: sudo apt install {packages}; trên Windows và macOS xem mục "Cài '
            'đặt" trong README'
        ).format(name=library.name if library else file, file=file, packages=" ".join(DEBIAN_PACKAGES)),
    )


def slow() -> Problem:
    """The warning for a machine without HarfBuzz's subsetting library."""
    return Problem(
        HERE,
        _(
            "thiếu thư viện {name} của hệ thống: PDF vẫn được in nhưng chậm hơn khoảng 4 lần — trên "
            "Debian và Ubuntu hãy cài: sudo apt install {package}"
        ).format(name=SUBSETTING.name, package=SUBSETTING.package),
        warning=True,
    )


def _library(file: str) -> Library | None:
    """The library a file name stands for: ``libpango-1.0.so.0`` is Pango, not PangoFT2.

    >>> _library("libpangoft2-1.0-0.dll").name, _library("libharfbuzz.0.dylib").name
    ('PangoFT2', 'HarfBuzz')
    """
    # The longest stem that fits wins: "harfbuzz-subset" before "harfbuzz".
    stems = sorted([*REQUIRED, SUBSETTING], key=lambda library: len(library.stem), reverse=True)
    return next((library for library in stems if library.stem in file.lower()), None)
