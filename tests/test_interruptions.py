"""Builds stopped half way: killed outright, or by Ctrl-C, at a known point.

Each build runs in a child Python (:mod:`tests.guarded`) where a line of code, injected at a
chosen step, kills it or presses Ctrl-C; nothing waits for a moment to arrive. After a kill no
process of the build may remain and the output folder must not stay locked; the next build
must never keep an output the manifest does not describe. After Ctrl-C, what was written is
said and remembered, and nothing prints a traceback.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
from pathlib import Path

import pytest

import reportgen
from reportgen import Format
from reportgen.batch import lock, manifest
from tests import guarded
from tests.conftest import INPUTS, SEED, html_text

# Kill the build the moment its first unit's files are renamed into place.
KILL_AFTER_COMMIT = """
import os, signal
from reportgen.batch import output
_commit = output.commit
def _commit_then_die(*args):
    _commit(*args)
    os.kill(os.getpid(), signal.SIGKILL)
output.commit = _commit_then_die
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of inputs, each a copy of the seed, with the photos."""
    inputs = tmp_path / "inputs"
    shutil.copytree(INPUTS / "anh", inputs / "anh")
    return inputs


def unit(folder: Path, name: str, figure: str = "63.979") -> Path:
    text = SEED.read_text(encoding="utf-8").replace("gia_tri: 63.979", f"gia_tri: {figure}", 1)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def ends_of(reading: int) -> bytes:
    """Wait until every process holding the pipe's other end has ended (its read sees the end).

    The wait is for an event; the minute is a guard against a process that never ends.
    """
    readable, _, _ = select.select([reading], [], [], 60)
    assert readable, "a process of the killed build is still running"
    return os.read(reading, 1)


def test_a_killed_build_leaves_no_process_behind_and_the_folder_unlocked(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    reading, holding = os.pipe()  # every process of the build inherits the writing end
    try:
        killed = guarded.run(
            "build", unit(folder, "a"), unit(folder, "b"), "-o", out,
            before=KILL_AFTER_COMMIT, pass_fds=(holding,),
        )  # fmt: skip
        os.close(holding)
        assert killed.returncode == -signal.SIGKILL
        assert ends_of(reading) == b""  # the printing child died with the build
    finally:
        os.close(reading)
    with lock.locked(out, wait=0):  # the kernel released the lock with its holder
        pass
    written = reportgen.build([folder], out=out, fmt=Format.HTML)
    assert {path.parent.name for path in written if path.suffix == ".html"} == {"a", "b"}


@pytest.mark.parametrize("elsewhere", [False, True], ids=["same-input", "same-name-in-another-folder"])
def test_a_build_killed_after_replacing_a_unit_never_makes_the_next_one_keep_it(
    folder: Path, tmp_path: Path, elsewhere: bool
) -> None:
    out = tmp_path / "out"
    first = unit(folder, "don-vi", "63.979")
    reportgen.build([first], out=out, fmt=Format.HTML)
    other = folder / "khac" if elsewhere else folder
    other.mkdir(exist_ok=True)
    if elsewhere:
        shutil.copytree(folder / "anh", other / "anh")
    changed = unit(other, "don-vi", "70.001")
    killed = guarded.run("build", changed, "-o", out, "-f", "html", before=KILL_AFTER_COMMIT)
    assert killed.returncode == -signal.SIGKILL
    assert "70.001 hộ gia đình" in html_text(out / "don-vi" / "article.html")  # replaced, not recorded
    if not elsewhere:
        unit(folder, "don-vi", "63.979")  # the input back as it was first built
    heard = reportgen.build([first], out=out, fmt=Format.HTML)
    assert heard.skipped == []
    assert "63.979 hộ gia đình" in html_text(out / "don-vi" / "article.html")
    assert reportgen.build([first], out=out, fmt=Format.HTML).skipped == [first]  # now it is recorded


def test_an_output_changed_by_hand_is_built_again(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    source = unit(folder, "don-vi")
    reportgen.build([source], out=out, fmt=Format.HTML)
    page = out / "don-vi" / "article.html"
    page.write_text(page.read_text(encoding="utf-8").replace("63.979", "99.999"), encoding="utf-8")
    assert reportgen.build([source], out=out, fmt=Format.HTML).skipped == []
    assert "63.979 hộ gia đình" in html_text(page)


# --- Ctrl-C ------------------------------------------------------------------------------------

# Press Ctrl-C (SIGINT to the whole process group, as a terminal does) as the second unit starts.
CTRL_C_ON_SECOND_UNIT = """
import os, signal
from reportgen.batch import pool
_building = pool.Tools.building
_built = []
def _building_or_stop(self, source, out):
    _built.append(source)
    if len(_built) == 2:
        os.killpg(0, signal.SIGINT)
    return _building(self, source, out)
pool.Tools.building = _building_or_stop
"""

# The same, from a worker process, as it starts on unit "c".
CTRL_C_IN_A_WORKER = """
import os, signal
from reportgen.batch import pool
_build = pool.Tools.build
def _build_or_stop(self, source, out):
    if source.stem == "c":
        os.killpg(0, signal.SIGINT)
    return _build(self, source, out)
pool.Tools.build = _build_or_stop
"""


def stopped(remaining: int) -> str:
    return (
        "Đã dừng (Ctrl+C). Các tệp trên đã ghi xong và được ghi nhớ; "
        f"{remaining} tệp chưa làm (kết quả cũ của chúng giữ nguyên) — chạy lại lệnh để làm nốt."
    )


def written_units(stdout: str, out: Path) -> set[str]:
    prefix = f"Đã ghi {out}/"
    return {
        line.removeprefix(prefix).split("/")[0] for line in stdout.splitlines() if line.startswith(prefix)
    }


def recorded(out: Path) -> set[str]:
    return set(json.loads((out / manifest.NAME).read_text(encoding="utf-8"))["units"])


def test_ctrl_c_says_what_was_written_and_remembers_it(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for name in "abc":
        unit(folder, name)
    result = guarded.run(
        "build", folder, "-o", out, "-f", "html", before=CTRL_C_ON_SECOND_UNIT, start_new_session=True
    )
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [
        f"Đã ghi {out}/a/: article-body.html, article.html, article.txt, report.html"
    ]
    assert result.stderr.splitlines() == [stopped(2)]
    assert recorded(out) == {"a"}
    assert sorted(path.name for path in out.iterdir()) == [".reportgen.json", "a"]  # no staging left
    assert [path.stem for path in reportgen.build([folder], out=out, fmt=Format.HTML).skipped] == ["a"]


def test_ctrl_c_with_several_processes_lets_the_running_units_finish(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for name in "abcd":
        unit(folder, name)
    result = guarded.run(
        "build", folder, "-o", out, "-f", "html", "--jobs", "2",
        before=CTRL_C_IN_A_WORKER, start_new_session=True,
    )  # fmt: skip
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr
    done = written_units(result.stdout, out)
    assert "c" in done  # it was running when Ctrl-C came, and finished
    assert recorded(out) == done
    assert {path.name for path in out.iterdir() if not path.name.startswith(".")} == done
    assert result.stderr.splitlines() == [stopped(4 - len(done))]


CTRL_C_WHILE_CHECKING = """
import os, signal
from reportgen import unit
_make = unit.make
def _make_or_stop(*args, **options):
    os.kill(os.getpid(), signal.SIGINT)
    return _make(*args, **options)
unit.make = _make_or_stop
"""


def test_ctrl_c_in_any_other_command_says_it_stopped(folder: Path) -> None:
    result = guarded.run("validate", unit(folder, "a"), before=CTRL_C_WHILE_CHECKING)
    assert (result.returncode, result.stderr.strip()) == (130, "Đã dừng.")
