"""The command line as a secretary meets it: validate, warnings, quiet, colours, progress,
mistyped commands, the language, and a bug that is not theirs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from reportgen import cli
from tests.conftest import INPUTS, MONEY, SECOND, SEED, html_text

runner = CliRunner()
NEW = MONEY
ENGLISH = {"LANG": "en_US.UTF-8"}
TERMINAL = {"TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1"}  # Rich then draws as on a terminal


def run(*args: str | Path, env: dict[str, str] | None = None, color: bool = False) -> Result:
    return runner.invoke(cli.app, [str(arg) for arg in args], prog_name="reportgen", env=env, color=color)


@pytest.fixture
def unit(tmp_path: Path) -> Path:
    """A folder with the seed, its photos, and a copy of the seed whose second photo is missing."""
    shutil.copytree(INPUTS / "anh", tmp_path / "anh")
    shutil.copyfile(SEED, tmp_path / "bac-kan.yaml")
    text = SEED.read_text(encoding="utf-8").replace("anh/trao-bang-khen.png", "anh/trao-bang-khen.jpg")
    (tmp_path / "thieu-anh.yaml").write_text(text, encoding="utf-8")
    return tmp_path


MISSING_PHOTO = (
    '{path}:131:10: anh[1].tep: cảnh báo: không thấy tệp ảnh "anh/trao-bang-khen.jpg" '
    "(tính từ thư mục của tệp YAML) — tin bài sẽ được làm mà không có ảnh này\n"
)


# --- validate ------------------------------------------------------------------------------


UPGRADE = (
    "{path}:5:12: phien_ban: lưu ý: tệp viết theo mẫu phiên bản 1, reportgen vẫn đọc và làm như cũ; "
    "để chuyển sang mẫu phiên bản 2: sửa dòng này thành `phien_ban: 2`{more}\n"
)
SHARES = (
    "; thêm dòng `hien_thi: {so_voi_tong: phan_so_chiem}` vào chỉ tiêu `ho_sxkd_gioi` "
    "để giữ cách viết `X/Y …, chiếm P%`"
)


def test_validate_says_each_clean_file_is_clean() -> None:
    result = run("validate", SEED, SECOND, NEW)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"{SEED}: không có lỗi.\n"
        + UPGRADE.format(path=SEED, more="")
        + f"{SECOND}: không có lỗi.\n"
        + UPGRADE.format(path=SECOND, more=SHARES).replace(":5:12:", ":4:12:")
        + f"{NEW}: không có lỗi.\n"  # the current version: nothing to say
    )


def test_a_file_of_version_1_without_a_version_line_is_told_to_add_one(unit: Path) -> None:
    path = unit / "cu.yaml"
    path.write_text(SEED.read_text(encoding="utf-8").replace("phien_ban: 1\n", ""), encoding="utf-8")
    result = run("validate", path, "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout == (
        f"{path}: no errors.\n"
        f"{path}: note: this file is written in format version 1, which reportgen still reads and builds "
        "as before; to move it to format version 2: add the line `phien_ban: 2` at the top of the file\n"
    )
    assert run("validate", path, "--quiet").stdout == ""


def test_validate_a_folder_checks_every_file_in_it(unit: Path) -> None:
    result = run("validate", unit)
    assert result.exit_code == 0
    assert result.stderr == MISSING_PHOTO.format(path=unit / "thieu-anh.yaml")
    assert result.stdout == (
        f"{unit / 'bac-kan.yaml'}: không có lỗi.\n"
        + UPGRADE.format(path=unit / "bac-kan.yaml", more="")
        + f"{unit / 'thieu-anh.yaml'}: không có lỗi, có 1 cảnh báo cần xem lại.\n"
        + UPGRADE.format(path=unit / "thieu-anh.yaml", more="")
    )


def test_validate_reports_the_errors_and_warnings_of_every_file_then_exits_1(unit: Path) -> None:
    bad = unit / "sai.yaml"
    bad.write_text(SEED.read_text(encoding="utf-8").replace("nam: 2020", "nam: 2O20"), encoding="utf-8")
    result = run("validate", unit / "thieu-anh.yaml", bad)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f'{bad}:13:6: nam: "2O20" không phải là số — hãy viết số nguyên, ví dụ 63.979\n'
        + MISSING_PHOTO.format(path=unit / "thieu-anh.yaml")
        + "1 lỗi: sửa các dòng trên rồi chạy lại lệnh này.\n"
    )


def test_validate_names_a_missing_file(tmp_path: Path) -> None:
    result = run("validate", tmp_path / "khong-co.yaml")
    assert result.exit_code == 1
    assert result.stderr == (
        f"{tmp_path / 'khong-co.yaml'}: không có tệp hay thư mục này\n1 lỗi: không kiểm tra được.\n"
    )


def test_quiet_keeps_only_the_errors(unit: Path) -> None:
    result = run("validate", unit, "--quiet")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    bad = unit / "sai.yaml"
    bad.write_text(
        SEED.read_text(encoding="utf-8").replace("nam: 2020", "nam: 2020\nnam: 2021"), encoding="utf-8"
    )
    result = run("validate", unit, "-q")
    assert result.exit_code == 1
    assert result.stderr == f"{bad}:14:1: trường `nam` đã có ở dòng 13 — mỗi trường chỉ viết một lần\n"


# --- build with warnings ----------------------------------------------------------------------


def test_build_shows_the_warnings_and_leaves_the_missing_photo_out(unit: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", unit / "thieu-anh.yaml", "-o", out, "-f", "html")
    assert result.exit_code == 0
    assert result.stderr == MISSING_PHOTO.format(path=unit / "thieu-anh.yaml")
    assert result.stdout == (
        f"Đã ghi {out / 'thieu-anh'}/: article-body.html, article.html, article.txt, report.html\n"
    )
    article = (out / "thieu-anh" / "article.html").read_text(encoding="utf-8")
    assert "anh/toan-canh-hoi-nghi-800.jpg" in article
    assert "trao-bang-khen" not in article  # neither the photo nor its caption
    assert "trao Bằng khen cho Hội Khuyến học tỉnh" not in html_text(out / "thieu-anh" / "article.html")
    assert sorted(path.name for path in (out / "thieu-anh" / "anh").iterdir()) == [
        "toan-canh-hoi-nghi-480.jpg",
        "toan-canh-hoi-nghi-800.jpg",
    ]


def test_build_quiet_says_nothing_when_all_goes_well(unit: Path, tmp_path: Path) -> None:
    result = run("build", unit / "thieu-anh.yaml", "-o", tmp_path / "out", "-f", "html", "-q")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert (tmp_path / "out" / "thieu-anh" / "article.html").is_file()


# --- colours and progress: only on a terminal -------------------------------------------------


def test_colours_only_on_a_terminal(unit: Path) -> None:
    assert "\x1b[" not in run("validate", unit).stderr
    coloured = run("validate", unit, color=True).stderr
    assert coloured.startswith("\x1b[33m") and "cảnh báo" in coloured  # warnings in yellow


def test_progress_is_drawn_on_a_terminal_for_several_files(tmp_path: Path) -> None:
    result = run("build", SEED, SECOND, "-o", tmp_path / "out", "-f", "html", env=TERMINAL)
    assert result.exit_code == 0
    assert "Đang làm 2 tệp" in result.stderr
    assert "Đã làm bac-kan-2020.yaml" in result.stderr
    assert "2/2" in result.stderr


def test_no_progress_when_not_on_a_terminal_or_for_one_file(tmp_path: Path) -> None:
    assert run("build", SEED, SECOND, "-o", tmp_path / "a", "-f", "html").stderr == ""
    assert run("build", SEED, "-o", tmp_path / "b", "-f", "html", env=TERMINAL).stderr == ""


# --- a mistyped command line ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["buid", "a.yaml"],
            'Lỗi: không có lệnh `buid` — có phải ý bạn là "build"?\n'
            "Cách dùng: reportgen [TUỲ CHỌN] LỆNH [ĐỐI SỐ]...\n"
            "Xem hướng dẫn: reportgen --help\n",
        ),
        (
            ["validate"],
            "Lỗi: thiếu TỆP\nCách dùng: reportgen validate [TUỲ CHỌN] TỆP...\n"
            "Xem hướng dẫn: reportgen validate --help\n",
        ),
        (
            ["build", "a.yaml", "--ot", "ra"],
            'Lỗi: không có tuỳ chọn --ot — có phải ý bạn là "--out"?\n'
            "Cách dùng: reportgen build [TUỲ CHỌN] TỆP...\n"
            "Xem hướng dẫn: reportgen build --help\n",
        ),
        (
            ["validate", "a.yaml", "--lang", "fr"],
            'Lỗi: --lang: "fr" không phải ngôn ngữ reportgen biết — hãy viết vi hoặc en\n'
            "Cách dùng: reportgen validate [TUỲ CHỌN] TỆP...\n"
            "Xem hướng dẫn: reportgen validate --help\n",
        ),
    ],
)
def test_a_mistyped_command_line_says_what_is_wrong_and_how_to_get_help(args: list[str], said: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", said)


def test_english_from_the_locale_or_the_option() -> None:
    result = run("build", env=ENGLISH)
    assert result.stderr == (
        "Error: missing FILE\nUsage: reportgen build [OPTIONS] FILE...\nFor help: reportgen build --help\n"
    )
    assert run("build", "--lang", "en").stderr == result.stderr
    assert run("build", "--lang", "vi", env=ENGLISH).stderr.startswith("Lỗi: thiếu TỆP\n")


def test_help_in_each_language() -> None:
    vietnamese = run("--help", env={"COLUMNS": "200"}).stdout
    assert "Cách dùng: reportgen [TUỲ CHỌN] LỆNH [ĐỐI SỐ]..." in vietnamese
    for said in (
        "Tạo tệp số liệu mới",
        "Kiểm tra tệp số liệu",
        "In JSON Schema",
        "Hiện hướng dẫn này rồi thoát.",
    ):
        assert said in vietnamese
    english = run("validate", "--help", env={**ENGLISH, "COLUMNS": "200"}).stdout
    assert "Usage: reportgen validate [OPTIONS] FILE..." in english
    assert "Check year-end files: print every error and warning, one per line" in english
    assert "Print errors only: no warnings, progress or summary." in english


def test_the_language_of_one_run_does_not_stick_to_the_next() -> None:
    assert run("--help", "--lang", "en").stdout.count("Usage:") == 1
    assert "Cách dùng:" in run("--help").stdout


def test_no_arguments_shows_the_help() -> None:
    result = run()
    assert result.exit_code == 0
    assert "Cách dùng: reportgen [TUỲ CHỌN] LỆNH [ĐỐI SỐ]..." in result.stdout


# --- a bug is not the secretary's fault ------------------------------------------------------


def test_a_bug_shows_its_traceback_and_asks_to_be_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> list[Path]:
        raise ZeroDivisionError("một phép chia cho 0")

    monkeypatch.setattr(cli, "build", broken)
    result = run("build", SEED)
    assert result.exit_code == 70
    assert result.stderr.startswith("Traceback (most recent call last):\n")
    assert "ZeroDivisionError: một phép chia cho 0\n" in result.stderr
    assert result.stderr.endswith(
        "Đây là lỗi của chính reportgen, không phải lỗi trong tệp số liệu của bạn. Xin gửi toàn bộ "
        "thông báo trên, kèm tệp số liệu nếu được, cho người phụ trách reportgen để sửa.\n"
    )


def test_a_duplicate_key_does_not_hide_the_other_problems(unit: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("nam: 2020", "nam: 2020\nnam: 2021")
    path = unit / "hai-lan.yaml"
    path.write_text(text.replace("buoi: sáng", "buoi: trưa"), encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{path}:14:1: trường `nam` đã có ở dòng 13 — mỗi trường chỉ viết một lần\n"
        f'{path}:18:9: hoi_nghi.buoi: "trưa" không hợp lệ — hãy viết một trong: `sáng`, `chiều`, `tối`\n'
        "2 lỗi: sửa các dòng trên rồi chạy lại lệnh này.\n"
    )


@pytest.mark.parametrize("command", ["init", "validate", "build", "schema"])
def test_help_shows_no_python_types(command: str) -> None:
    said = run(command, "--help", env={"COLUMNS": "200"}).stdout
    assert "Cách dùng: reportgen" in said
    assert "<" not in said  # `<list[Path]>`, `<bool>` mean nothing to a secretary
