"""Running reportgen in a child Python that proves what it never opened, or stops where told.

:func:`run` starts ``python -c`` with an audit hook that ends the process with exit code 99
the moment anything opens one of the ``forbidden`` paths (``open`` and ``os.open`` both raise
the ``open`` audit event before the system call, so a FIFO opened by mistake cannot hang the
test: it fails at once, naming the path). ``before`` is Python run first, to inject a fault at
a known point (a ``SIGKILL`` just after a unit is committed, say). The ``timeout`` only guards
the test run against a bug; no assertion depends on time. :func:`bounded` does the same for a
block run in the test's own process.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT

OPENED = 99
"""The exit code of a child that opened a forbidden path."""

_SCRIPT = """
import os, sys
_forbidden = {{os.path.realpath(p) for p in {forbidden!r}}}
def _hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes)) and _forbidden:
        if os.path.realpath(os.fsdecode(args[0])) in _forbidden:
            os.write(2, b"OPENED " + os.fsencode(args[0]) + b"\\n")
            os._exit({opened})
sys.addaudithook(_hook)
{before}
{main}
"""
_CLI = """
from reportgen.cli import app
app(sys.argv[1:], prog_name="reportgen")
"""


def run(
    *args: object,
    forbidden: Iterable[Path] = (),
    before: str = "",
    main: str = _CLI,
    timeout: float = 300,
    **options: object,
) -> subprocess.CompletedProcess[str]:
    """Run ``reportgen args…`` (or the Python ``main``) in a child Python; its output is captured as text."""
    script = _SCRIPT.format(
        forbidden=[str(path) for path in forbidden], opened=OPENED, before=before, main=main
    )
    return subprocess.run(
        [sys.executable, "-c", script, *(str(arg) for arg in args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        **options,  # type: ignore[arg-type]
    )


@contextmanager
def bounded(seconds: float = 120) -> Iterator[None]:
    """Fail instead of hanging should the block never end: a guard for the test run, not a measure."""

    def expired(number: int, frame: object) -> None:
        raise AssertionError(f"the block did not end within {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
