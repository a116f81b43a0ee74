"""How reportgen's child processes live and die: with the build, never half-started, never holding its locks.

A build forks children: the one that fills the templates and the one that prints
(:mod:`reportgen.isolation`) and, with ``--jobs``, the workers (:mod:`reportgen.batch.pool`).
None may outlive the build. On Linux the kernel kills a child when its parent dies
(``PR_SET_PDEATHSIG``); everywhere, a thread in the child ends it when a pipe that only the
parent holds open reaches its end (a :func:`lifeline`), which happens when the parent dies,
however it dies.

A fork copies every open descriptor. The descriptors :func:`hold` keeps for this process alone
(the output folder's lock, the parent's end of a lifeline) are closed in a child first thing,
so that no child keeps the folder locked or a sibling alive after the build is gone. That set is
the process's own by nature, as its descriptors are: it is the one piece of state kept here.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


class ChildFailed(RuntimeError):
    """A child met a bug of reportgen's own; the message is its traceback."""


_held: set[int] = set()
"""The descriptors of this process that a forked child closes at once."""


def _close_held() -> None:
    for handle in _held:
        with contextlib.suppress(OSError):
            os.close(handle)
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_held)


def hold(handle: int) -> int:
    """Keep descriptor ``handle`` to this process: a child forked from it closes its copy first thing."""
    _held.add(handle)
    return handle


def close(handle: int) -> None:
    """Close a descriptor :func:`hold` kept (a lock is released, a lifeline's child ends)."""
    _held.discard(handle)
    with contextlib.suppress(OSError):
        os.close(handle)


def lifeline() -> tuple[int, int]:
    """A pipe to hand a child: it reads the first end; the second, this process's alone, stays open.

    The child's read ends when this process dies, however it dies (see :func:`die_with_parent`),
    or when :func:`close` closes the second end.
    """
    read, write = os.pipe()
    return read, hold(write)


_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int, lifeline_end: int | None = None) -> None:
    """Make this freshly forked process end when ``parent``, the process that forked it, ends.

    Called first thing in a child. A process left behind by a killed build would keep printing
    for nobody, and keep its pipes and the output folder busy.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above could take effect
        os._exit(1)
    if lifeline_end is not None:
        threading.Thread(target=_watch, args=(lifeline_end,), name="reportgen-lifeline", daemon=True).start()


def _watch(lifeline_end: int) -> None:
    """Wait for the end of the lifeline (the parent is gone), then end this process."""
    with contextlib.suppress(OSError):
        while os.read(lifeline_end, 1):
            pass
    os._exit(1)


@dataclass
class CtrlC:
    """Whether Ctrl-C was pressed while :func:`ctrl_c_noted` listened, and what listened before."""

    heard: bool = False
    previous: Any = None


@contextmanager
def ctrl_c_noted() -> Iterator[CtrlC]:
    """Note a Ctrl-C while the block runs, instead of stopping it where it stands.

    The block decides when to stop: many units in several processes stop handing out units,
    and let those running finish, wherever the Ctrl-C came.
    """
    noted = CtrlC()
    if threading.current_thread() is not threading.main_thread():
        yield noted  # only the main thread hears Ctrl-C
        return

    def note(number: int, frame: object) -> None:
        noted.heard = True

    noted.previous = signal.signal(signal.SIGINT, note)
    try:
        yield noted
    finally:
        signal.signal(signal.SIGINT, noted.previous)


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold a Ctrl-C back while the block runs, then let it through.

    A child forked half way, or a unit's files renamed half way, would be worse than either.
    """
    with ctrl_c_noted() as ctrl_c:
        yield
    if ctrl_c.heard and callable(ctrl_c.previous):
        ctrl_c.previous(signal.SIGINT, None)
