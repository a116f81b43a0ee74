"""One build at a time per output folder.

A lock on the output folder makes a second build wait for the first, then say that another is
running, instead of two builds writing the same files. It is an ``flock`` on the folder itself,
so it leaves no file behind and the kernel releases it when the build dies, however it dies; the
processes a build forks (its printing child, its workers) close their copy at once
(:func:`reportgen.processes.hold`), so none of them can keep the folder locked after the build
is gone.
"""

from __future__ import annotations

import fcntl
import os
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
        yield
    finally:
        processes.close(handle)  # closing the last descriptor releases the lock
