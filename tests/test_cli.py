"""The command line: options reach the library, a good build writes and says so, a bad one
writes nothing and prints ``file:line:col: …`` lines on stderr.

PDFs cost about a second each, so only one test prints them; the rest use ``--format html``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from reportgen import Feedback, Format, Written, cli, fonts
from reportgen.isolation import Sandbox
from tests.conftest import INPUTS, ROOT, SEED, html_text, pdf_text

runner = CliRunner()

PHOTOS = {
    f"anh/{name}-{width}.jpg" for name in ("toan-canh-hoi-nghi", "trao-bang-khen") for width in (480, 800)
}
WEB = {"article.html", "article-body.html", "article.txt", "report.html"}
HEADLINE = "Hội Khuyến học tỉnh Bắc Kạn tổng kết công tác năm 2020"


def run(*args: str | Path) -> Result:
    return runner.invoke(cli.app, [str(arg) for arg in args], prog_name="reportgen")


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` but the build's manifest, by its path relative to it, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and path.name != ".reportgen.json"
    }


def assert_failed_cleanly(result: Result) -> None:
    """Exit 1 through the CLI's own handler, not an exception that escaped it."""
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""


@pytest.fixture
def unit(tmp_path: Path) -> Path:
    """A folder holding a copy of the seed and its photos."""
    folder = tmp_path / "so-lieu"
    folder.mkdir()
    shutil.copytree(INPUTS / "anh", folder / "anh")
    shutil.copyfile(SEED, folder / SEED.name)
    return folder


def write_bad(folder: Path, name: str = "bad.yaml") -> Path:
    """The seed with a wrong enum value (line 17) and a count that is not whole (line 40)."""
    text = SEED.read_text(encoding="utf-8").replace("buoi: sáng", "buoi: trưa")
    text = text.replace("gia_tri: 63.979", "gia_tri: 63,5")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def bad_lines(path: Path) -> str:
    return (
        f'{path}:17:9: hoi_nghi.buoi: "trưa" không hợp lệ — hãy viết một trong: `sáng`, `chiều`, `tối`\n'
        f'{path}:40:18: chi_tieu.mo_hinh_hoc_tap.danh_sach.gia_dinh_hoc_tap.gia_tri: "63,5" '
        "không phải số nguyên — hãy viết số nguyên, ví dụ 63.979\n"
    )


def nothing_written(errors: int) -> str:
    return f"{errors} lỗi: chưa ghi tệp nào — sửa các dòng trên rồi chạy lại.\n"


# --- options reach the library ----------------------------------------------------------------


def test_options_are_passed_to_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[dict[str, Any]] = []

    def fake_build(inputs: list[Path], **options: Any) -> Written:
        calls.append({"inputs": inputs, **options})
        return Written()

    monkeypatch.setattr(cli, "build", fake_build)
    result = run(
        "build", "a.yaml", "thu-muc", "-o", tmp_path / "ra", "--templates", tmp_path, "-f", "pdf",
        "--font", "Tinos", "--pdf-a", "--jobs", "2", "--force", "--trust-templates",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert isinstance(calls[0].pop("feedback"), Feedback)
    assert calls == [
        {
            "inputs": [Path("a.yaml"), Path("thu-muc")],
            "out": tmp_path / "ra",
            "templates": tmp_path,
            "fmt": Format.PDF,
            "font": "Tinos",
            "archival": True,
            "jobs": 2,
            "force": True,
            "trust_templates": True,
            "press": None,  # several processes: each has its own printing child
        }
    ]


def test_defaults_are_out_no_templates_and_all_formats(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []

    def fake_build(inputs: list[Path], **options: Any) -> Written:
        calls.append(options)
        return Written()

    monkeypatch.setattr(cli, "build", fake_build)
    assert run("build", "a.yaml").exit_code == 0
    assert isinstance(calls[0].pop("feedback"), Feedback)
    # The printing child, started before the build with the font it prints in, and stopped after.
    press = calls[0].pop("press")
    assert isinstance(press, Sandbox) and press.printer is not None
    printer = press.printer
    assert (printer.font, printer.archival, printer.attachments) == (fonts.choose(), False, False)
    assert press._child is None
    assert calls == [
        {
            "out": Path("out"),
            "templates": None,
            "fmt": Format.ALL,
            "font": None,
            "archival": False,
            "jobs": 1,
            "force": False,
            "trust_templates": False,
        }
    ]


def test_an_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run("build", SEED, "-o", tmp_path / "out", "--format", "doc")
    assert result.exit_code == 2
    assert result.stderr == (
        'Lỗi: --format / -f: "doc" không phải định dạng reportgen ghi được — '
        "hãy viết html, pdf, docx hoặc all\n"
        "Cách dùng: reportgen build [TUỲ CHỌN] TỆP...\n"
        "Xem hướng dẫn: reportgen build --help\n"
    )
    assert not (tmp_path / "out").exists()


# --- a good build ----------------------------------------------------------------------------


def test_build_writes_html_and_pdf_and_prints_the_summary(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", SEED, "--out", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Đã ghi {out / 'bac-kan-2020'}/: "
        "article-body.html, article.docx, article.html, article.pdf, article.txt, report.docx, report.html, "
        "report.pdf\n"
        f"Phông chữ của báo cáo: {fonts.choose().describe()}\n"
    )
    assert result.stderr == ""
    written = files_in(out / "bac-kan-2020")
    assert set(written) == {*WEB, "article.pdf", "report.pdf", "article.docx", "report.docx", *PHOTOS}
    assert written["article.pdf"].startswith(b"%PDF-")
    assert HEADLINE in pdf_text(out / "bac-kan-2020" / "article.pdf")
    assert "BÁO CÁO" in pdf_text(out / "bac-kan-2020" / "report.pdf")
    assert sorted(p.name for p in out.iterdir()) == [".reportgen.json", "bac-kan-2020"]  # nothing staged left


def test_format_html_writes_only_the_html_and_the_photos(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", SEED, "--out", out, "--format", "html")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Đã ghi {out / 'bac-kan-2020'}/: {', '.join(sorted(WEB))}\n"
    assert set(files_in(out)) == {f"bac-kan-2020/{name}" for name in (*WEB, *PHOTOS)}
    assert HEADLINE in html_text(out / "bac-kan-2020" / "article.html")


def test_a_folder_of_inputs_builds_each_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", INPUTS, "-o", out, "-f", "html")
    assert result.exit_code == 0, result.output
    stems = sorted(path.stem for path in INPUTS.glob("*.yaml"))
    assert len(stems) == 11
    assert result.stdout == "".join(f"Đã ghi {out / stem}/: {', '.join(sorted(WEB))}\n" for stem in stems)


# --- a failing build writes nothing ----------------------------------------------------------


def test_a_font_the_machine_lacks_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", SEED, "-o", out, "--font", "Phông Không Có")
    assert_failed_cleanly(result)
    assert result.stderr == (
        "--font: “Phông Không Có”: máy này không có phông chữ này — hãy cài phông, đưa đường dẫn tệp "
        ".ttf/.otf, hoặc bỏ --font để reportgen tự chọn (Times New Roman nếu máy có, không thì Noto "
        "Serif cài kèm)\n"
        "1 lỗi: chưa ghi tệp nào — sửa các dòng trên rồi chạy lại.\n"
    )
    assert not out.exists()


def test_a_bad_input_exits_1_with_located_lines_on_stderr_and_writes_nothing(tmp_path: Path) -> None:
    shutil.copytree(INPUTS / "anh", tmp_path / "anh")
    bad = write_bad(tmp_path)
    out = tmp_path / "out"
    result = run("build", bad, "-o", out, "-f", "html")
    assert_failed_cleanly(result)
    assert result.stderr == bad_lines(bad) + nothing_written(2)
    assert not out.exists()


def test_a_failed_build_leaves_the_last_good_output_unchanged(unit: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", unit / SEED.name, "-o", out, "-f", "html").exit_code == 0
    before = files_in(out)
    assert set(before) == {f"bac-kan-2020/{name}" for name in (*WEB, *PHOTOS)}

    write_bad(unit, SEED.name)  # the same unit, now with mistakes: it would write to the same folder
    result = run("build", unit / SEED.name, "-o", out, "-f", "html")
    assert_failed_cleanly(result)
    assert result.stderr == bad_lines(unit / SEED.name) + nothing_written(2)
    assert files_in(out) == before
    assert sorted(p.name for p in out.iterdir()) == [".reportgen.json", "bac-kan-2020"]


def test_one_bad_input_among_two_is_not_written_and_the_other_is(unit: Path, tmp_path: Path) -> None:
    bad = write_bad(unit)
    out = tmp_path / "out"
    result = run("build", unit / SEED.name, bad, "-o", out, "-f", "html")
    assert result.exit_code == 1
    assert result.stdout == f"Đã ghi {out / SEED.stem}/: {', '.join(sorted(WEB))}\n"
    assert result.stderr == bad_lines(bad) + (
        "2 lỗi: 1 tệp có lỗi chưa được ghi (kết quả cũ giữ nguyên), các tệp khác đã ghi — "
        "sửa các dòng trên rồi chạy lại.\n"
    )
    assert sorted(p.name for p in out.iterdir()) == [".reportgen.json", SEED.stem]


def test_problems_of_several_inputs_are_all_printed(unit: Path, tmp_path: Path) -> None:
    first = write_bad(unit, "a.yaml")
    second = unit / "b.yaml"
    second.write_text(
        SEED.read_text(encoding="utf-8").replace("nam: 2020", "nam: 2020\nnam: 2021"), encoding="utf-8"
    )
    result = run("build", second, first, "-o", tmp_path / "out", "-f", "html")
    assert_failed_cleanly(result)
    assert result.stderr == (
        bad_lines(first)
        + f"{second}:14:1: trường `nam` đã có ở dòng 13 — mỗi trường chỉ viết một lần\n"
        + nothing_written(3)
    )


def test_a_missing_input_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.yaml"
    result = run("build", missing, "-o", tmp_path / "out", "-f", "html")
    assert_failed_cleanly(result)
    assert result.stderr == f"{missing}: không có tệp hay thư mục này\n" + nothing_written(1)


def test_a_folder_without_yaml_is_named(tmp_path: Path) -> None:
    empty = tmp_path / "trong"
    empty.mkdir()
    result = run("build", empty, "-o", tmp_path / "out", "-f", "html")
    assert_failed_cleanly(result)
    assert result.stderr == f"{empty}: thư mục không có tệp .yaml nào\n" + nothing_written(1)


# --- user templates --------------------------------------------------------------------------


def test_a_user_template_overrides_one_block_and_keeps_the_rest(tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    (templates / "article.html").write_text(
        '{% extends "!default/article.html" %}\n'
        '{% block byline %}<p class="byline">Ban biên tập</p>{% endblock %}\n',
        encoding="utf-8",
    )
    default, custom = tmp_path / "mac-dinh", tmp_path / "rieng"
    assert run("build", SEED, "-o", default, "-f", "html").exit_code == 0
    result = run("build", SEED, "-o", custom, "-f", "html", "--templates", templates)
    assert result.exit_code == 0, result.output

    article = (custom / "bac-kan-2020" / "article.html").read_text(encoding="utf-8")
    assert '<p class="byline">Ban biên tập</p>' in article
    assert "Ngọc Tú" not in html_text(custom / "bac-kan-2020" / "article.html")
    default_text = html_text(default / "bac-kan-2020" / "article.html")
    assert default_text.endswith(" Ngọc Tú")
    assert html_text(custom / "bac-kan-2020" / "article.html") == default_text.replace(
        " Ngọc Tú", " Ban biên tập"
    )
    # The report has no user template: it is the packaged one.
    report = "bac-kan-2020/report.html"
    assert files_in(custom)[report] == files_in(default)[report]


def test_a_user_template_with_an_undefined_name_names_its_file_and_line(tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    template = templates / "article.html"
    template.write_text(
        '{% extends "!default/article.html" %}\n'
        "{% block byline %}\n"
        '<p class="byline">{{ tac_gia_bai }}</p>\n'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run("build", SEED, "-o", out, "-f", "html", "--templates", templates)
    assert_failed_cleanly(result)
    assert result.stderr == (
        f"{template}:3:1: mẫu dùng tên chưa có: 'tac_gia_bai' is undefined\n" + nothing_written(1)
    )
    assert not out.exists()


def test_a_user_template_with_a_syntax_error_names_its_file_and_line(tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    template = templates / "report.html"
    template.write_text('{% extends "!default/report.html" %}\n{% block title %\n', encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", SEED, "-o", out, "-f", "html", "--templates", templates)
    assert_failed_cleanly(result)
    assert result.stderr == (
        f"{template}:2:1: lỗi cú pháp mẫu: expected token 'end of statement block', got '%'\n"
        + nothing_written(1)
    )
    assert not out.exists()


def test_a_templates_folder_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    result = run("build", SEED, "-o", tmp_path / "out", "--templates", tmp_path / "khong-co")
    assert result.exit_code == 2
    assert result.stderr.startswith(f'Lỗi: --templates: không có thư mục "{tmp_path / "khong-co"}"\n')
    assert not (tmp_path / "out").exists()


# --- python -m reportgen ---------------------------------------------------------------------


# The program as installed runs, with an exit handler of its own and a thread that is still
# to print when the command is done: it waits for the command to end, then says so.
PROGRAM = """
import atexit, sys, threading
import reportgen.cli
from reportgen.program import run
done = threading.Event()
command = reportgen.cli.app
def app(*args, **options):
    try:
        return command(*args, **options)
    finally:
        done.set()
reportgen.cli.app = app
atexit.register(print, "exit handler ran")
threading.Thread(target=lambda: (done.wait(), print("thread finished", flush=True))).start()
sys.argv = ["reportgen", *sys.argv[1:]]
run()
"""


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["--version"], 0, "reportgen {version}"),
        (["validate", "/khong-co.yaml", "-q"], 1, ""),
        (["khong-co-lenh"], 2, ""),
    ],
)
def test_the_program_ends_with_its_code_its_exit_handlers_run_and_its_threads_done(
    args: list[str], code: int, said: str
) -> None:
    import reportgen

    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, *args], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert done.returncode == code, done.stderr
    expected = [said.format(version=reportgen.__version__)] if said else []
    assert done.stdout.splitlines() == [*expected, "thread finished", "exit handler ran"]


def test_python_m_reportgen_help(tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("FORCE_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "reportgen", "--help"],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "Cách dùng: reportgen [TUỲ CHỌN] LỆNH [ĐỐI SỐ]..." in done.stdout
    assert "Làm tin bài và báo cáo tổng kết năm của các hội từ một tệp YAML." in done.stdout
    assert "build" in done.stdout
    assert "Làm tin bài (article) và báo cáo (report) cho từng tệp số liệu." in done.stdout


def test_build_help_lists_its_options() -> None:
    result = runner.invoke(cli.app, ["build", "--help"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    for text in (
        "--out",
        "Thư mục ghi kết quả.",
        "--templates",
        "Thư mục mẫu riêng, được tìm trước các mẫu có sẵn.",
        "--format",
        "Ghi html, pdf, docx (Word) hay tất cả (all).",
        "--font",
        "--pdf-a",
    ):
        assert text in result.stdout


@pytest.mark.parametrize(
    ("language", "usage", "jobs"),
    [
        (
            "vi",
            "Cách dùng: reportgen build [TUỲ CHỌN] TỆP...",
            "│ --jobs -j SỐ Số tiến trình làm cùng lúc. [mặc định: 1] │",
        ),
        (
            "en",
            "Usage: reportgen build [OPTIONS] FILE...",
            "│ --jobs -j NUMBER How many processes build at once. [default: 1] │",
        ),
    ],
)
def test_build_help_says_each_thing_once_in_its_language(language: str, usage: str, jobs: str) -> None:
    result = runner.invoke(
        cli.app, ["build", "--help", "--lang", language], env={"COLUMNS": "160"}, prog_name="reportgen"
    )
    assert result.exit_code == 0
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert usage in lines
    assert jobs in lines
    assert not re.search(r"[{}]|x>=|x<=", result.stdout)


def test_typer_s_own_labels_are_changed_only_while_a_help_screen_is_formatted() -> None:
    import typer.rich_utils

    before = {name: getattr(typer.rich_utils, name) for name in ("OPTIONS_PANEL_TITLE", "DEFAULT_STRING")}
    seen = []

    class Watched(cli.Group):
        def invoke(self, ctx: object) -> object:
            seen.append(typer.rich_utils.OPTIONS_PANEL_TITLE)  # a command runs: no help is being shown
            return super().invoke(ctx)

    help_screen = runner.invoke(cli.app, ["validate", "--help"], env={"COLUMNS": "160"})
    assert "Tuỳ chọn" in help_screen.stdout and "Options" not in help_screen.stdout
    command = typer.main.get_command(cli.app)
    group = Watched(name="reportgen", commands=command.commands, params=command.params)
    assert group.main(["validate", str(SEED)], standalone_mode=False) == 0
    assert seen == [before["OPTIONS_PANEL_TITLE"]]
    assert {name: getattr(typer.rich_utils, name) for name in before} == before


@pytest.mark.parametrize("jobs", ["0", "-1", "hai", "1,5"])
def test_a_number_of_jobs_that_is_not_one_is_a_usage_error(tmp_path: Path, jobs: str) -> None:
    result = run("build", SEED, "-o", tmp_path / "out", "--jobs", jobs)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f'Lỗi: --jobs / -j: "{jobs}" không phải số tiến trình — hãy viết một số nguyên từ 1 trở lên, ví dụ 2'
    )
    assert not (tmp_path / "out").exists()


def test_version_prints_the_version_the_package_is_installed_as() -> None:
    import importlib.metadata

    import reportgen

    result = run("--version")
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"reportgen {reportgen.__version__}\n", "")
    assert importlib.metadata.version("reportgen") == reportgen.__version__ == "0.2.0"
