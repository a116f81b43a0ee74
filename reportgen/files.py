"""Reading the files a user names: regular files only, and never past a size cap.

A path typed into an input (a photo), a ``*.yaml`` in an input folder, a template: any of them
may turn out to be a device (``/dev/zero`` reads for ever), a FIFO (a read waits for ever), a
folder, or a file of many gigabytes. Opening some devices does something by itself, so the
type is checked with ``stat`` before the file is opened at all. The file is then opened without
blocking and checked again on the open descriptor, in case it was swapped meanwhile, and read
no further than its cap. Every reader of a user's file goes through here, hashing included.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from reportgen.i18n import _

MISSING = "-"
"""The digest of a path where there is nothing."""

_CHUNK = 1024 * 1024


class NotRegular(OSError):
    """The path is a folder, a device, a FIFO or a socket: nothing reportgen reads."""

    def __init__(self, path: Path, mode: int) -> None:
        self.kind = kind(mode)
        super().__init__(_("không phải tệp thường mà là {kind}").format(kind=self.kind))
        self.filename = str(path)


class TooLarge(OSError):
    """The file is larger than the cap for its kind."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        self.size, self.limit = size, limit
        super().__init__(_("tệp quá lớn (hơn {mb} MB)").format(mb=megabytes(limit)))
        self.filename = str(path)


def kind(mode: int) -> str:
    """Name the kind of file ``mode`` (from ``stat``) describes, for a message.

    >>> kind(stat.S_IFIFO), kind(stat.S_IFCHR)
    ('một ống FIFO', 'một thiết bị')
    """
    if stat.S_ISDIR(mode):
        return _("một thư mục")
    if stat.S_ISFIFO(mode):
        return _("một ống FIFO")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("một thiết bị")
    if stat.S_ISSOCK(mode):
        return _("một ổ cắm mạng (socket)")
    if stat.S_ISREG(mode):
        return _("một tệp thường")
    return _("một tệp đặc biệt")


def megabytes(size: int) -> str:
    """Write a size in whole megabytes, rounded up: what a message says.

    >>> megabytes(20 * 1024 * 1024), megabytes(1)
    ('20', '1')
    """
    return str(-(-size // (1024 * 1024)))


def check(path: Path, limit: int) -> os.stat_result:
    """Check that ``path`` is a regular file of at most ``limit`` bytes, without opening it.

    Symbolic links are followed: where a link may lead is for the caller to decide.

    Raises:
        FileNotFoundError: there is nothing at ``path``.
        NotRegular: it is a folder, a device, a FIFO or a socket.
        TooLarge: it holds more than ``limit`` bytes.
        OSError: it cannot be looked at.
    """
    return _checked(path, os.stat(path), limit)


def _checked(path: Path, status: os.stat_result, limit: int) -> os.stat_result:
    if not stat.S_ISREG(status.st_mode):
        raise NotRegular(path, status.st_mode)
    if status.st_size > limit:
        raise TooLarge(path, status.st_size, limit)
    return status


@contextmanager
def opened(path: Path, limit: int) -> Iterator[BinaryIO]:
    """Open the regular file ``path`` of at most ``limit`` bytes for reading.

    Raises:
        FileNotFoundError: there is nothing at ``path``.
        NotRegular: it is not a regular file (checked before opening, and again after).
        TooLarge: it holds more than ``limit`` bytes.
        OSError: it cannot be read.
    """
    check(path, limit)
    # O_NONBLOCK: should a FIFO be put in the file's place after the check, opening it
    # returns at once instead of waiting for a writer; the check below then refuses it.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | os.O_CLOEXEC
    handle = os.open(path, flags)
    try:
        _checked(path, os.fstat(handle), limit)
        stream = os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise
    with stream:
        yield stream


def read_bytes(path: Path, limit: int) -> bytes:
    """Read the regular file ``path`` whole, refusing it past ``limit`` bytes.

    Raises:
        FileNotFoundError: there is nothing at ``path``.
        NotRegular: it is not a regular file.
        TooLarge: it holds more than ``limit`` bytes (even if it grew while being read).
        OSError: it cannot be read.
    """
    with opened(path, limit) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(path, len(data), limit)
    return data


def digest(path: Path, limit: int) -> str:
    """Hash the bytes of the regular file ``path``; never read a file of another kind, or past ``limit``.

    What is not there hashes to :data:`MISSING`; what is not a regular file, or is too large,
    to a mark of its own, so a change between these counts as a change too.
    """
    try:
        with opened(path, limit) as stream:
            hasher = hashlib.sha256()
            read = 0
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > limit:
                    return "too-large"
                hasher.update(chunk)
            return hasher.hexdigest()
    except FileNotFoundError:
        return MISSING
    except NotRegular as error:
        return f"not-regular:{error.kind}"
    except TooLarge:
        return "too-large"
    except OSError:
        return MISSING


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is in ``folder`` or below it once ``..`` and symbolic links are resolved.

    >>> inside(Path("/tmp/a/../b.png"), Path("/tmp/a"))
    False
    """
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of symbolic links leads nowhere, certainly not inside
        return False
