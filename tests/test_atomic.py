"""Writing a file whole or not at all: the one way every file is written."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportgen import atomic


@pytest.fixture
def umask() -> Iterator[int]:
    """A umask of the test's own, the machine's put back after."""
    previous = os.umask(0o027)
    try:
        yield 0o027
    finally:
        os.umask(previous)


def test_a_new_file_gets_the_permissions_the_umask_leaves(tmp_path: Path, umask: int) -> None:
    atomic.write(tmp_path / "a.html", "Hội Nông dân")
    assert stat.S_IMODE((tmp_path / "a.html").stat().st_mode) == 0o666 & ~umask
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "Hội Nông dân"


def test_a_file_is_replaced_whole_and_nothing_is_left_beside_it(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"old")
    atomic.write(tmp_path / "a.pdf", b"%PDF-new")
    assert [path.name for path in tmp_path.iterdir()] == ["a.pdf"]
    assert (tmp_path / "a.pdf").read_bytes() == b"%PDF-new"


def test_a_write_that_fails_keeps_the_old_file_and_leaves_no_partial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.pdf").write_bytes(b"old")

    def full(handle: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        atomic.write(tmp_path / "a.pdf", b"%PDF-new")
    assert [path.name for path in tmp_path.iterdir()] == ["a.pdf"]
    assert (tmp_path / "a.pdf").read_bytes() == b"old"


def test_without_replace_an_existing_file_is_never_written_over(tmp_path: Path) -> None:
    (tmp_path / "a.signed.pdf").write_bytes(b"signed before")
    with pytest.raises(FileExistsError):
        atomic.write(tmp_path / "a.signed.pdf", b"signed now", replace=False)
    assert (tmp_path / "a.signed.pdf").read_bytes() == b"signed before"
    atomic.write(tmp_path / "b.signed.pdf", b"signed now", replace=False)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.signed.pdf", "b.signed.pdf"]
