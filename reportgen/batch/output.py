"""A unit's output folder, never half-written: its files staged beside it, then renamed into place.

WeasyPrint's ``write_pdf(path)`` truncates the old file first: a build killed mid-write or a
full disk would leave a broken PDF and no previous report. Here each unit's files are written
into a staging folder beside the output (each whole, :func:`reportgen.atomic.write`), the PDFs
printed and the Word copies made there after the photos they show, and only when every file is
there are they renamed over the old ones, Ctrl-C held back meanwhile. A failed unit keeps its
last good output as it was. What a killed build left half-written is removed by the next one.

The PDFs print in a child process (:mod:`reportgen.isolation`) while this process writes the
HTML, the article's other forms and the Word copies: :func:`steps` stops once at that point, so
that a build of many units can make the next one ready while they print.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reportgen import atomic, photos, processes
from reportgen.isolation import Printing, Sandbox
from reportgen.unit import Documents, Unit

if TYPE_CHECKING:
    from reportgen.word import Word

T = TypeVar("T")


def write(
    made: Unit, out: Path, printer: Sandbox | None, html: bool = True, word: Word | None = None
) -> list[Path]:
    """Write one unit's files into ``out/<input stem>/``; return the paths written.

    The HTML pages and the article's other forms are written when ``html`` is; the PDFs are
    printed in ``printer`` when there is one, the Word copies made with ``word`` likewise.

    Raises:
        ReportgenError: a PDF could not be printed or the folder could not be written;
            the previous output is then left as it was.
    """
    return finish(steps(made, out, printer, html, word))


def steps(
    made: Unit, out: Path, printer: Sandbox | None, html: bool = True, word: Word | None = None
) -> Generator[None, None, list[Path]]:
    """:func:`write` in two steps: it stops once, while the PDFs print, if it prints any.

    Closed at that stop, it leaves nothing behind: the staging folder is removed and the PDFs
    are let go.
    """
    assert made.documents is not None
    target = out / made.source.stem
    try:
        out.mkdir(parents=True, exist_ok=True)
        staged = stage(out, made.source.stem)
    except OSError as error:
        raise atomic.failure(target, error) from None
    try:
        names = yield from _stage(made.documents, staged, printer, target, html, word)
        commit(staged, names, target)
    except OSError as error:
        raise atomic.failure(target, error) from None
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    return [target / name for name in names]


def finish(stepping: Generator[None, None, T]) -> T:
    """Run ``stepping`` to its end and return what it returns."""
    try:
        while True:
            next(stepping)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


def _stage(
    documents: Documents, staged: Path, printer: Sandbox | None, target: Path, html: bool, word: Word | None
) -> Generator[None, None, list[str]]:
    """Write every file of a unit's ``documents`` into ``staged``; return their names relative to it."""
    names: list[str] = []

    def put(files: dict[str, str] | dict[str, bytes]) -> None:
        for name, content in files.items():
            (staged / name).parent.mkdir(parents=True, exist_ok=True)
            atomic.write(staged / name, content)
            names.append(name)

    for photo in documents.photos:  # first: the printed pages show them
        put(photos.sized(photo))
    # Printed in a child process under time and memory limits, while the rest is written here:
    # a page that hangs WeasyPrint or eats the memory fails alone, named, and the other units
    # carry on.
    printed: Printing | None = None
    if printer is not None:
        printed = printer.print_pdfs(
            [(text, staged, target / f"{page}.pdf") for page, text in documents.html.items()]
        )
    try:
        if html:
            put({f"{page}.html": text for page, text in documents.html.items()})
            put(documents.forms)
        if word is not None:
            put(word.documents(documents.html, staged, target))
        if documents.card is not None:
            put({documents.card.name: documents.card.png})
        if printed is not None:
            yield  # the next unit may be made ready while these print
            pdfs, printed = printed(), None
            put({f"{page}.pdf": pdf for page, pdf in zip(documents.html, pdfs, strict=True)})
    finally:
        if printed is not None:  # this unit failed, or was stopped, before its PDFs were collected
            printed.drop()
    return names


def clean_stale(out: Path) -> list[Path]:
    """Remove what a killed build left half-written in ``out`` (staging folders, a manifest); return it."""
    stale = sorted(out.glob(f".*{atomic.PARTIAL}"))
    for path in stale:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return stale


def stage(out: Path, stem: str) -> Path:
    """Make a fresh staging folder in ``out`` for the unit named ``stem``."""
    return Path(tempfile.mkdtemp(prefix=f".{stem}.", suffix=atomic.PARTIAL, dir=out))


def commit(staged: Path, names: list[str], target: Path) -> None:
    """Rename each of the staged files ``names`` over its place in ``target``.

    They were written with :func:`reportgen.atomic.write`, so they are on disk already.

    Raises:
        OSError: a file could not be renamed; the files not yet renamed keep their previous version.
    """
    target.mkdir(exist_ok=True)
    with processes.uninterrupted():  # stopped half way, the folder would mix two builds
        for name in names:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged / name, target / name)
    for folder in {(target / name).parent for name in names}:
        atomic.sync_folder(folder)  # the renames themselves are on disk only once their folder is
