"""Files written whole or not at all: the one way reportgen writes a file.

Writing a file in place truncates the old one first: a build killed half way, or a full disk,
would leave a broken report and no previous one. :func:`write` writes beside the file, under a
hidden name ending in :data:`PARTIAL`, flushes it to disk (``fsync``), and only then renames it
over its place (``os.replace``, atomic on one file system) and flushes the folder, so that the
rename itself survives a power cut. Every file reportgen writes goes through it: a unit's
outputs (into their staging folder), the preview's pages, the manifest, ``init``'s skeleton and
schema, a signed copy, the web font's cache.

A new file gets the permissions any program's new file gets, the user's umask applied: a
colleague on a shared folder can open the reports. A file left under a hidden partial name by a
killed program is never read as a result; an output folder's are removed by the next build.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _

PARTIAL = ".dang-ghi"
"""Ends the name of what is being written (``.report.pdf.1a2b3c4d.dang-ghi``): "being written"."""


def write(path: Path, content: str | bytes, *, replace: bool = True) -> None:
    """Write ``content`` (text in UTF-8, or bytes) to ``path``, whole or not at all.

    Without ``replace``, an existing file is never written over: :class:`FileExistsError`.

    Raises:
        OSError: the file could not be written; ``path`` is as it was.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    staged = path.with_name(f".{path.name}.{secrets.token_hex(4)}{PARTIAL}")
    handle = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if replace:
            os.replace(staged, path)
        else:
            os.link(staged, path)  # fails when the file exists: an old file is never replaced
        sync_folder(path.parent)
    finally:
        staged.unlink(missing_ok=True)


def sync_folder(folder: Path) -> None:
    """Flush ``folder`` to disk: the files renamed into it are there only once it is."""
    handle = os.open(folder, os.O_RDONLY)
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
