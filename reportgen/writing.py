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

import contextlib
import errno
import fcntl
import os
import secrets
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _

STAGE_SUFFIX = ".dang-ghi"
"""Ends the name of a staging folder (``.bac-kan-2020.x1y2.dang-ghi``): "being written"."""
LOCK_WAIT = 30.0
"""How many seconds a build waits for another one writing into the same folder, then says so."""

_held: set[int] = set()
"""The descriptors holding this process's output-folder locks."""


def _forget_locks() -> None:
    """In a forked child: close the inherited lock descriptors, which only the build may hold."""
    for handle in _held:
        with contextlib.suppress(OSError):
            os.close(handle)
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_locks)


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
        handle = os.open(out, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as error:
        raise failure(out, error) from None
    _held.add(handle)
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
        _held.discard(handle)
        os.close(handle)  # closing the last descriptor releases the lock


def clean_stale(out: Path) -> list[Path]:
    """Remove the staging folders a killed build left in ``out``; return them."""
    stale = sorted(out.glob(f".*{STAGE_SUFFIX}"))
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    return stale


def stage(out: Path, stem: str) -> Path:
    """Make a fresh staging folder in ``out`` for the unit named ``stem``."""
    return Path(tempfile.mkdtemp(prefix=f".{stem}.", suffix=STAGE_SUFFIX, dir=out))


def commit(staged: Path, names: list[str], target: Path) -> None:
    """Flush the staged files ``names`` to disk, then rename each over its place in ``target``.

    Raises:
        OSError: a file could not be flushed or renamed; the files not yet renamed keep
            their previous version.
    """
    for name in names:
        _fsync(staged / name)
    target.mkdir(exist_ok=True)
    with uninterrupted():
        for name in names:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged / name, target / name)
    for folder in {(target / name).parent for name in names}:
        _fsync(folder)  # the renames themselves are on disk only once their folder is


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` in UTF-8, replacing the file whole or not at all.

    The file gets the permissions any program's new file gets (the user's umask applies), not
    the owner-only ones of :func:`tempfile.mkstemp`: a colleague on a shared folder can open it.

    Raises:
        OSError: the file could not be written; ``path`` is as it was.
    """
    staged = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    handle = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(staged, path)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold a Ctrl-C back while the block runs, then let it through.

    A unit's files are renamed one by one; stopped half way, its folder would mix two builds.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread hears Ctrl-C
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught and callable(previous):
            previous(signal.SIGINT, None)


def _fsync(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def failure(where: Path, error: OSError) -> ReportgenError:
    """Word a failed write for the secretary: a full disk and a read-only folder say so."""
    if error.errno in {errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EEXIST, errno.ENOTDIR}:
        said = _("{reason}; kết quả cũ vẫn giữ nguyên").format(reason=reason(error))
    else:
        said = _("không ghi được: {error}").format(error=error.strerror or error)
    return ReportgenError.at(Location(where), said)


def reason(error: OSError) -> str:
    """Say why a write failed, and what to do: a full disk and a read-only folder say so."""
    if error.errno == errno.ENOSPC:
        return _("ổ đĩa đã đầy — hãy xoá bớt tệp hoặc ghi vào ổ khác bằng --out")
    if error.errno in {errno.EROFS, errno.EACCES, errno.EPERM}:
        return _("thư mục chỉ đọc hoặc không có quyền ghi — hãy chọn thư mục khác bằng --out")
    if error.errno in {errno.EEXIST, errno.ENOTDIR}:
        return _("ở đây đã có một tệp, không phải thư mục — hãy chọn thư mục khác bằng --out")
    return str(error.strerror or error)
