"""Outputs that are never half-written, and one build at a time per output folder.

WeasyPrint's ``write_pdf(path)`` truncates the old file first: a build killed mid-write or a
full disk would leave a broken PDF and no previous report. Here each unit's files are staged
in a folder beside the output, flushed to disk (``fsync``), and only then renamed over the old
ones (``os.replace``, atomic on one file system). A staging folder left by a killed build is
removed by the next one. A lock on the output folder makes a second build wait for the
first, then say that another is running, instead of two builds writing the same files. It is
an ``flock`` on the folder itself, so it leaves no file behind and the kernel releases it when
the build dies, however it dies; the processes a build forks (its printing child, its workers)
close their copy at once, so none of them can keep the folder locked after the build is gone.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reportgen import atomic, processes
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _

LOCK_WAIT = 30.0
"""How many seconds a build waits for another one writing into the same folder, then says so."""


@contextmanager
def locked(out: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the output folder's lock while the block runs; wait up to ``wait`` seconds for it.

    Without ``wait``, the build waits :data:`LOCK_WAIT` seconds.

    Stale staging folders are removed once the lock is held: no other build can own them then.

    Raises:
        ReportgenError: another build kept the folder longer than ``wait``, or the folder
            cannot be written.
    """
    try:
        out.mkdir(parents=True, exist_ok=True)
        handle = processes.hold(os.open(out, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC))
    except OSError as error:
        raise atomic.failure(out, error) from None
    try:
        deadline = time.monotonic() + (LOCK_WAIT if wait is None else wait)
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ReportgenError.at(
                        Location(out),
                        _(
                            "một lần chạy reportgen khác đang ghi vào thư mục này — đợi nó xong "
                            "rồi chạy lại, hoặc ghi vào thư mục khác bằng --out"
                        ),
                    ) from None
                time.sleep(0.1)
        clean_stale(out)
        yield
    finally:
        processes.close(handle)  # closing the last descriptor releases the lock


def clean_stale(out: Path) -> list[Path]:
    """Remove what a killed build left half-written in ``out``: staging folders, a manifest; return them."""
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
    with processes.uninterrupted():
        for name in names:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged / name, target / name)
    for folder in {(target / name).parent for name in names}:
        atomic.sync_folder(folder)  # the renames themselves are on disk only once their folder is
