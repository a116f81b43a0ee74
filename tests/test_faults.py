"""Faults while writing: a killed build, a full disk, a read-only folder, two builds at once.

In each case every previous output must stay byte for byte as it was, and the next build
must clean up after the failed one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

import reportgen
from reportgen import BuildFailed, Format, atomic, cli, isolation
from reportgen.batch import lock, manifest, output
from reportgen.errors import Location, ReportgenError
from reportgen.isolation import Limits, Sandbox
from reportgen.rendering import Printer
from tests.conftest import ROOT, SECOND, SEED

FULL = "ổ đĩa đã đầy — hãy xoá bớt tệp hoặc ghi vào ổ khác bằng --out; kết quả cũ vẫn giữ nguyên"
READ_ONLY = (
    "thư mục chỉ đọc hoặc không có quyền ghi — hãy chọn thư mục khác bằng --out; kết quả cũ vẫn giữ nguyên"
)
FULL_REASON = FULL.removesuffix("; kết quả cũ vẫn giữ nguyên")
READ_ONLY_REASON = READ_ONLY.removesuffix("; kết quả cũ vẫn giữ nguyên")


def snapshot(out: Path) -> dict[str, bytes]:
    """Every output file's bytes; a staging folder holds no output, only what a build left."""
    return {
        str(path.relative_to(out)): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file() and not path.relative_to(out).parts[0].endswith(atomic.PARTIAL)
    }


@pytest.fixture
def previous(tmp_path: Path, built: Path) -> Path:
    """An output folder holding a good previous build of both samples."""
    out = tmp_path / "out"
    shutil.copytree(built, out)
    return out


# A build in a process of its own that signals on file descriptor argv[1] when its first PDF
# starts printing, then stays in that print until it is killed.
STOPS_MID_PRINT = """
import os, signal, sys
from pathlib import Path
import reportgen
from reportgen.rendering import Printer

def stop_mid_print(self, html, base, document=None):
    os.write(int(sys.argv[1]), b"!")
    signal.pause()

Printer.pdf = stop_mid_print
reportgen.build([Path(name) for name in sys.argv[3:]], out=Path(sys.argv[2]), force=True)
"""


def test_a_build_killed_mid_print_leaves_the_previous_output(previous: Path) -> None:
    before = snapshot(previous)
    printing, signal_printing = os.pipe()
    build = subprocess.Popen(
        [sys.executable, "-c", STOPS_MID_PRINT, str(signal_printing), str(previous), str(SEED), str(SECOND)],
        cwd=ROOT,
        pass_fds=[signal_printing],
        start_new_session=True,
    )
    os.close(signal_printing)
    # Blocks until the print has started; a build that dies before it closes the pipe: b"".
    assert os.read(printing, 1) == b"!"
    os.close(printing)
    assert list(previous.glob(f".*{atomic.PARTIAL}")), "the build had started writing"
    os.killpg(build.pid, signal.SIGKILL)  # the build and its printing child, mid-print
    build.wait()
    assert snapshot(previous) == before
    reportgen.build([SEED], out=previous, fmt=Format.HTML, force=True)  # the next build cleans up
    assert not list(previous.glob(f".*{atomic.PARTIAL}"))


def test_a_full_disk_leaves_the_previous_output(previous: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(previous)
    write = atomic.write

    def full(path: Path, content: str | bytes, **options: bool) -> None:
        if path.suffix == ".pdf":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        write(path, content, **options)

    monkeypatch.setattr(atomic, "write", full)
    with pytest.raises(ReportgenError) as caught:
        reportgen.build([SEED], out=previous, force=True)
    assert [str(p) for p in caught.value.problems] == [f"{previous / SEED.stem}: {FULL}"]
    assert snapshot(previous) == before


@pytest.fixture
def small_disk(tmp_path: Path) -> object:
    """A real 3 MB file system, mounted for the test; skipped where mounting is not allowed."""
    mount = tmp_path / "dia"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def test_a_really_full_disk_leaves_the_previous_output(small_disk: Path, built: Path) -> None:
    out = small_disk / "out"
    shutil.copytree(built / SEED.stem, out / SEED.stem)
    before = snapshot(out)
    with open(small_disk / "lap-day", "wb") as filler:  # fill what is left, bar a few kilobytes
        try:
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        except OSError:
            pass
    with pytest.raises(ReportgenError) as caught:
        reportgen.build([SEED], out=out)
    assert [str(p) for p in caught.value.problems] == [f"{out / SEED.stem}: {FULL}"]
    assert snapshot(out) == before
    assert not list(out.glob(f".*{atomic.PARTIAL}"))


def test_a_read_only_folder_leaves_the_previous_output(small_disk: Path, built: Path) -> None:
    out = small_disk / "out"
    shutil.copytree(built / SEED.stem, out / SEED.stem)
    before = snapshot(out)
    # Root ignores permission bits; a read-only mount refuses even root.
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(ReportgenError) as caught:
        reportgen.build([SEED], out=out)
    assert [str(p) for p in caught.value.problems] == [f"{out / SEED.stem}: {READ_ONLY}"]
    assert snapshot(out) == before


def manifest_unsaved(out: Path, reason: str) -> str:
    return (
        f"{out / manifest.NAME}: không lưu được sổ ghi các lần làm ({reason}) — các tệp kết quả vẫn đúng; "
        "lần sau reportgen sẽ làm lại những đơn vị nó không chắc"
    )


@pytest.mark.parametrize("fault", ["full", "read-only"])
def test_a_folder_with_a_manifest_on_a_full_or_read_only_disk_ends_in_a_message(
    small_disk: Path, tmp_path: Path, fault: str
) -> None:
    out = small_disk / "out"
    source = Path(shutil.copy(SEED, tmp_path / SEED.name))
    shutil.copytree(SEED.parent / "anh", tmp_path / "anh")
    reportgen.build([source], out=out, fmt=Format.HTML)
    source.write_text(source.read_text(encoding="utf-8").replace("63.979", "64.000"), encoding="utf-8")
    before = snapshot(out)
    assert manifest.NAME in before
    if fault == "full":
        with contextlib.suppress(OSError), open(small_disk / "lap-day", "wb", buffering=0) as filler:
            while True:
                filler.write(b"\0" * 4096)
    else:
        subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = CliRunner().invoke(cli.app, ["build", str(source), "-o", str(out), "-f", "html"])
    assert result.exit_code == 1, result.output
    message, reason = (FULL, FULL_REASON) if fault == "full" else (READ_ONLY, READ_ONLY_REASON)
    assert result.stderr.splitlines() == [
        manifest_unsaved(out, reason),
        f"{out / SEED.stem}: {message}",
        "2 lỗi: chưa ghi tệp nào — sửa các dòng trên rồi chạy lại.",
    ]
    assert snapshot(out) == before


def test_a_manifest_that_cannot_be_saved_after_a_good_build_is_said(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write = atomic.write

    def full(path: Path, content: str | bytes, **options: bool) -> None:
        if path.name == manifest.NAME:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        write(path, content, **options)

    monkeypatch.setattr(atomic, "write", full)
    result = CliRunner().invoke(cli.app, ["build", str(SEED), "-o", str(previous), "-f", "html", "--force"])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[0].startswith(f"Đã ghi {previous / SEED.stem}/: ")
    assert result.stderr.splitlines() == [
        manifest_unsaved(previous, FULL_REASON),
        "1 lỗi: các tệp kết quả đã ghi đủ.",
    ]


@pytest.mark.parametrize("where", ["out", "out/inside"])
def test_an_output_folder_that_is_a_file_is_said(tmp_path: Path, where: str) -> None:
    (tmp_path / "out").write_text("không phải thư mục", encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["build", str(SEED), "-o", str(tmp_path / where), "-f", "html"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[0] == (
        f"{tmp_path / where}: ở đây đã có một tệp, không phải thư mục — hãy chọn thư mục khác bằng --out; "
        "kết quả cũ vẫn giữ nguyên"
    )


def test_a_permission_error_leaves_the_previous_output(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(previous)

    def refused(out: Path, stem: str) -> Path:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(output, "stage", refused)
    with pytest.raises(ReportgenError) as caught:
        reportgen.build([SEED], out=previous, fmt=Format.HTML, force=True)
    assert [str(p) for p in caught.value.problems] == [f"{previous / SEED.stem}: {READ_ONLY}"]
    assert snapshot(previous) == before


# A build that waits for the output folder as long as another build holds it, however slow
# the machine: the builds take turns without a time limit to race.
WAITS_ITS_TURN = """
import sys
from pathlib import Path
import reportgen
from reportgen.batch import lock

lock.LOCK_WAIT = float("inf")
reportgen.build([Path(sys.argv[2])], out=Path(sys.argv[1]))
"""


def test_three_builds_at_once_take_turns_and_all_write_good_pdfs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-c", WAITS_ITS_TURN, str(out), str(SEED)]
    builds = [subprocess.Popen(command, cwd=ROOT) for _ in range(3)]
    assert [build.wait() for build in builds] == [0, 0, 0]
    for pdf in (out / SEED.stem).glob("*.pdf"):
        assert len(pypdf.PdfReader(pdf).pages) >= 1
    assert not list(out.glob(f".*{atomic.PARTIAL}"))


def test_a_second_build_says_another_is_running(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holding, release = threading.Event(), threading.Event()

    def first() -> None:
        with lock.locked(out):
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=first)
    thread.start()
    holding.wait(10)
    try:
        with pytest.raises(ReportgenError) as caught, lock.locked(out, wait=0.3):
            pass
    finally:
        release.set()
        thread.join()
    assert str(caught.value) == (
        f"{out}: một lần chạy reportgen khác đang ghi vào thư mục này — đợi nó xong rồi chạy lại, "
        "hoặc ghi vào thư mục khác bằng --out"
    )


# --- prints under a time and a memory limit -----------------------------------------------


class Stuck(Printer):
    def __init__(self, hang_on: str) -> None:
        super().__init__([])
        self.hang_on = hang_on

    def pdf(self, html: str, base: Path, document: Path | None = None) -> bytes:
        if self.hang_on == "time" or self.hang_on in html:
            time.sleep(3600)
        if self.hang_on == "memory":
            hog = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GB
            return bytes(len(hog))
        if self.hang_on == "crash":
            os._exit(9)
        return super().pdf(html, base, document)


def test_a_print_over_its_time_is_stopped_and_named(tmp_path: Path) -> None:
    # The print sleeps for an hour: the one-second limit runs out first on any machine.
    printing = Sandbox(printer=Stuck("time"), limits=Limits(seconds=1))
    with pytest.raises(ReportgenError) as caught, printing as sandbox:
        sandbox.print_pdf("<p>x</p>", tmp_path, Path("out/a/report.pdf"))
    assert str(caught.value) == (
        "out/a/report.pdf: in PDF quá 1 giây nên đã dừng — hãy xem lại mẫu (CSS) hoặc ảnh của trang này"
    )


@pytest.mark.parametrize("hang_on", ["memory", "crash"])
def test_a_print_over_its_memory_is_stopped_and_named(tmp_path: Path, hang_on: str) -> None:
    printing = Sandbox(printer=Stuck(hang_on), limits=Limits(memory=1024**3))
    with pytest.raises(ReportgenError) as caught, printing as sandbox:
        sandbox.print_pdf("<p>x</p>", tmp_path, Path("out/a/report.pdf"))
    assert str(caught.value) == (
        "out/a/report.pdf: in PDF cần hơn 1024 MB bộ nhớ nên đã dừng — hãy xem lại mẫu (CSS) hoặc "
        "ảnh của trang này"
    )


@dataclass(frozen=True)
class UntilHung(Limits):
    """A time limit that runs out the moment a print says it hangs, and never before.

    A real limit would race the machine: on a busy one the healthy prints could run out of time
    too. Here the hung print writes a byte to ``hung`` and the clock reads it, when waiting for
    the document ``hanging``: the next unit's pages may be waited for while it hangs.
    """

    hung: int = -1
    hanging: str = ""

    def answered(self, results: Connection, about: Location) -> bool:
        if str(about.file) != self.hanging:
            return bool(wait([results]))
        if results in wait([results, self.hung]):
            return True
        os.read(self.hung, 1)
        return False


def test_the_other_units_carry_on_when_one_print_hangs(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(previous)
    hung, say_hung = os.pipe()
    monkeypatch.setattr(
        isolation, "LIMITS", UntilHung(hung=hung, hanging=str(previous / SEED.stem / "article.pdf"))
    )
    real = Printer.pdf

    def hangs_on_bac_kan(self: Printer, html: str, base: Path, document: Path | None = None) -> bytes:
        if document is not None and document.parent.name == SEED.stem:
            os.write(say_hung, b"!")
            signal.pause()
        return real(self, html, base, document)

    monkeypatch.setattr(Printer, "pdf", hangs_on_bac_kan)
    try:
        with pytest.raises(BuildFailed) as caught:
            reportgen.build([SEED, SECOND], out=previous, force=True)
    finally:
        os.close(hung)
        os.close(say_hung)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{previous / SEED.stem / 'article.pdf'}: in PDF quá 120 giây nên đã dừng — hãy xem lại mẫu (CSS) "
        "hoặc ảnh của trang này"
    ]  # then the unit stops
    assert caught.value.written
    assert all(SECOND.stem in path.parts for path in caught.value.written)
    after = snapshot(previous)
    assert {k: v for k, v in after.items() if k.startswith(SEED.stem)} == {
        k: v for k, v in before.items() if k.startswith(SEED.stem)
    }
