"""The machine's libraries: a build checks them first and says in Vietnamese what is missing.

Each missing library is simulated the way a machine without it behaves: WeasyPrint's loader
(cffi's ``dlopen``) fails for that library's names, in a process of its own, so WeasyPrint is
imported afresh as it would be on that machine.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from reportgen import i18n, system
from tests.conftest import ROOT, SECOND

PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
PANGO_MISSING = (
    "reportgen: thiếu thư viện Pango (libpango-1.0-0) của hệ thống, mà WeasyPrint cần để làm trang và in "
    f"PDF — trên Debian và Ubuntu hãy cài: sudo apt install {PACKAGES}; trên Windows và macOS xem mục "
    '"Cài đặt" trong README'
)
SLOW = (
    "reportgen: cảnh báo: thiếu thư viện HarfBuzz subset của hệ thống: PDF vẫn được in nhưng chậm hơn "
    "khoảng 4 lần — trên Debian và Ubuntu hãy cài: sudo apt install libharfbuzz-subset0"
)

# Runs the command line on a machine whose loader cannot find the library named by argv[1].
WITHOUT = """
import sys
import cffi

real = cffi.FFI.dlopen

def dlopen(self, name, *args):
    if sys.argv[1] in str(name):
        raise OSError(f"cannot load library {name!r}: {name}: cannot open shared object file")
    return real(self, name, *args)

cffi.FFI.dlopen = dlopen
from reportgen.cli import app
app(sys.argv[2:], prog_name="reportgen")
"""


def without(library: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT, library, *(str(arg) for arg in args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        check=False,
    )


def test_this_machine_has_everything() -> None:
    assert system.check() == []


def test_without_pango_a_build_stops_before_writing_anything(tmp_path: Path) -> None:
    done = without("pango-1.0", "build", SECOND, "-o", tmp_path / "out")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f"{PANGO_MISSING}\n1 lỗi: chưa ghi tệp nào — cài thư viện còn thiếu rồi chạy lại.\n"
    assert not (tmp_path / "out").exists()


def test_without_pango_a_preview_does_not_start(tmp_path: Path) -> None:
    done = without("pango-1.0", "preview", SECOND, "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "reportgen: the system library Pango (libpango-1.0-0) is missing, and WeasyPrint needs it to lay out "
        f"and print pages — on Debian and Ubuntu install: sudo apt install {PACKAGES}; on Windows and macOS "
        'see "Installing" in the README',
        "1 error: nothing was written — install the missing library and run again.",
    ]


def test_without_harfbuzz_subsetting_a_build_warns_and_still_prints(tmp_path: Path) -> None:
    done = without("harfbuzz-subset", "build", SECOND, "-o", tmp_path / "out", "--format", "pdf")
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"{SLOW}\n"
    for name in ("article.pdf", "report.pdf"):
        assert len(pypdf.PdfReader(tmp_path / "out" / SECOND.stem / name).pages) >= 1


def test_without_harfbuzz_subsetting_a_build_of_html_alone_says_nothing(tmp_path: Path) -> None:
    done = without("harfbuzz-subset", "build", SECOND, "-o", tmp_path / "out", "--format", "html", "-q")
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize(
    ("file", "name"),
    [
        ("libgobject-2.0-0", "GLib"),
        ("libpango-1.0-0", "Pango"),
        ("libpango-1.0.dylib", "Pango"),
        ("libharfbuzz-0", "HarfBuzz"),
        ("libfontconfig-1.dll", "Fontconfig"),
        ("libpangoft2-1.0-0", "PangoFT2"),
    ],
)
def test_each_required_library_is_named_with_what_to_install(file: str, name: str) -> None:
    problem = system.missing(f"cannot load library '{file}': error 0x7e")
    assert not problem.warning
    assert str(problem) == (
        f"reportgen: thiếu thư viện {name} ({file}) của hệ thống, mà WeasyPrint cần để làm trang và in PDF — "
        f"trên Debian và Ubuntu hãy cài: sudo apt install {PACKAGES}; trên Windows và macOS xem mục "
        '"Cài đặt" trong README'
    )


def test_the_slow_machine_is_warned_in_english_too() -> None:
    with i18n.speaking("en"):
        assert str(system.slow()) == (
            "reportgen: warning: the system library HarfBuzz subset is missing: PDFs still print, but about "
            "4 times slower — on Debian and Ubuntu install: sudo apt install libharfbuzz-subset0"
        )
