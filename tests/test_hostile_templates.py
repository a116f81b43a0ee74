"""A user's templates, however built to hurt: they read nothing outside their folder and always end.

A template is a program. Reading through a symbolic link, looping for ever, filling the memory,
recursing without end or changing the figures every page shares: each ends in a located error
naming the template (or does no harm), and nothing is written. Loops that never end meet the
time limit, which the tests shorten; since such a loop never ends on any machine, the outcome
does not depend on the machine's speed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import reportgen
from reportgen import Format, cli, isolation
from reportgen.errors import ReportgenError
from reportgen.isolation import Limits
from tests import guarded
from tests.conftest import SEED, html_text

RUNAWAY = "làm trang từ mẫu quá 1 giây nên đã dừng — hãy xem lại các vòng lặp trong mẫu"
TOO_BIG = (
    "mẫu tạo ra một dãy hay một số quá lớn — `range` được tối đa 100000 số, lũy thừa `**` chỉ dùng với "
    "số nhỏ; hãy xem lại dòng này"
)
RECURSION = (
    "mẫu gọi lồng nhau quá sâu — có lẽ một macro gọi chính nó, hay một mẫu `include` chính nó; hãy xem "
    "lại dòng này"
)


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "mau"
    folder.mkdir()
    return folder


@pytest.fixture
def one_second(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(isolation, "LIMITS", Limits(seconds=1))


def article(templates: Path, body: str) -> Path:
    """A user's article that keeps the packaged one and replaces its lead with ``body``."""
    path = templates / "article.html"
    path.write_text(
        '{% extends "!default/article.html" %}\n{% block lead %}\n' + body + "\n{% endblock %}\n",
        encoding="utf-8",
    )
    return path


def problems(templates: Path, tmp_path: Path) -> list[str]:
    with guarded.bounded(), pytest.raises(ReportgenError) as caught:
        reportgen.build([SEED], out=tmp_path / "out", templates=templates, fmt=Format.HTML)
    assert not (tmp_path / "out").exists()
    return [str(problem) for problem in caught.value.errors]


# --- reading ---------------------------------------------------------------------------------


def test_a_link_to_the_root_of_the_machine_is_not_followed(templates: Path, tmp_path: Path) -> None:
    (templates / "goc").symlink_to("/")
    article(templates, '{% include "goc/etc/passwd" %}')
    assert problems(templates, tmp_path) == [
        f"{templates / 'goc/etc/passwd'}: mẫu `goc/etc/passwd` là liên kết tới một tệp ngoài thư mục mẫu "
        "— reportgen chỉ đọc mẫu nằm trong thư mục mẫu; hãy chép chính tệp vào đó"
    ]


def test_a_template_that_is_a_link_out_does_not_fall_back_to_the_packaged_one(
    templates: Path, tmp_path: Path
) -> None:
    (templates / "report.html").symlink_to("/etc/passwd")
    assert problems(templates, tmp_path) == [
        f"{templates / 'report.html'}: mẫu `report.html` là liên kết tới một tệp ngoài thư mục mẫu "
        "— reportgen chỉ đọc mẫu nằm trong thư mục mẫu; hãy chép chính tệp vào đó"
    ]


def test_a_link_that_stays_inside_the_folder_is_followed(templates: Path, tmp_path: Path) -> None:
    (templates / "phan").mkdir()
    (templates / "phan" / "loi-dan.html").write_text("Lời dẫn riêng của hội.", encoding="utf-8")
    (templates / "loi-dan.html").symlink_to(templates / "phan" / "loi-dan.html")
    article(templates, '{% include "loi-dan.html" %}')
    reportgen.build([SEED], out=tmp_path / "out", templates=templates, fmt=Format.HTML)
    assert "Lời dẫn riêng của hội." in html_text(tmp_path / "out" / SEED.stem / "article.html")


def test_a_fifo_as_a_template_is_refused_without_being_opened(templates: Path, tmp_path: Path) -> None:
    os.mkfifo(templates / "article.html")
    result = guarded.run(
        "build",
        SEED,
        "-o",
        tmp_path / "out",
        "--templates",
        templates,
        forbidden=[templates / "article.html"],
    )
    assert result.returncode == 1, result.stderr
    assert (
        f"{templates / 'article.html'}: mẫu `article.html` không phải tệp mà là một ống FIFO"
        in result.stderr.splitlines()
    )
    assert not (tmp_path / "out").exists()


def test_a_template_that_is_not_utf8_is_refused(templates: Path, tmp_path: Path) -> None:
    (templates / "article.html").write_bytes("Hội Khuyến học".encode("utf-16"))
    assert problems(templates, tmp_path) == [
        f"{templates / 'article.html'}: mẫu `article.html` không phải mã UTF-8 — hãy lưu lại với mã UTF-8"
    ]


# --- running ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("one_second")
@pytest.mark.parametrize(
    "body",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% set l = [1] %}{% for x in l %}{% do l.append(x) %}{% endfor %}",
    ],
    ids=["nested-loops", "list-grown-while-looped"],
)
def test_a_template_that_never_ends_is_stopped_and_named(templates: Path, tmp_path: Path, body: str) -> None:
    path = article(templates, body)
    assert problems(templates, tmp_path) == [f"{path}: {RUNAWAY}"]


def test_a_template_that_fills_the_memory_is_stopped_and_named(templates: Path, tmp_path: Path) -> None:
    path = article(templates, '{{ "x" * 100000000000 }}')
    assert problems(templates, tmp_path) == [
        f"{path}: làm trang từ mẫu cần hơn 2048 MB bộ nhớ nên đã dừng — hãy xem lại các vòng lặp trong mẫu"
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{{ 10 ** (10 ** 10) }}", TOO_BIG),
        ("{% for i in range(10 ** 9) %}{{ i }}{% endfor %}", TOO_BIG),
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", RECURSION),
        ("{{ 1 / 0 }}", "mẫu gặp lỗi khi chạy: ZeroDivisionError: division by zero"),
    ],
    ids=["power", "range", "recursive-macro", "division-by-zero"],
)
def test_a_template_that_fails_while_it_runs_is_located(
    templates: Path, tmp_path: Path, body: str, message: str
) -> None:
    path = article(templates, body)
    assert problems(templates, tmp_path) == [f"{path}:3:1: {message}"]


def test_a_template_that_includes_itself_is_located(templates: Path, tmp_path: Path) -> None:
    (templates / "_dau.html").write_text('<p>Phần đầu</p>\n{% include "_dau.html" %}\n', encoding="utf-8")
    path = article(templates, '{% include "_dau.html" %}')
    assert problems(templates, tmp_path) == [f"{path.parent / '_dau.html'}:2:1: {RECURSION}"]


def test_a_template_changes_the_figures_for_itself_alone(templates: Path, tmp_path: Path) -> None:
    (templates / "article.html").write_text(
        '{% extends "!default/article.html" %}{% block byline %}{% do chi_so.clear() %}'
        "{% do chi_tieu.clear() %}{% endblock %}",
        encoding="utf-8",
    )
    reportgen.build([SEED], out=tmp_path / "out", templates=templates, fmt=Format.HTML)
    report = html_text(tmp_path / "out" / SEED.stem / "report.html")
    assert "63.979 hộ gia đình đạt danh hiệu Gia đình học tập" in report


def test_a_page_too_long_is_refused(templates: Path, tmp_path: Path) -> None:
    path = article(templates, '{% for i in range(30000) %}{{ "x" * 1000 }}{% endfor %}')
    assert problems(templates, tmp_path) == [
        f"{path}: mẫu làm ra một trang quá dài (hơn 20000000 ký tự) — hãy xem lại các vòng lặp trong mẫu"
    ]


def test_an_attachment_needs_the_templates_to_be_trusted(templates: Path, tmp_path: Path) -> None:
    from tests.test_fetching import attachments_of

    (templates / "ghi-chu.txt").write_text("chỉ dành cho ban thường vụ", encoding="utf-8")
    article(templates, '<a rel="attachment" href="{{ "ghi-chu.txt" }}">Ghi chú</a>')
    url = (templates / "ghi-chu.txt").as_uri()
    (templates / "article.html").write_text(
        (templates / "article.html").read_text(encoding="utf-8").replace('"ghi-chu.txt"', f'"{url}"'),
        encoding="utf-8",
    )
    with pytest.raises(ReportgenError) as caught:
        reportgen.build([SEED], out=tmp_path / "out", templates=templates, fmt=Format.PDF)
    assert [str(problem) for problem in caught.value.errors] == [
        f"{tmp_path / 'out' / SEED.stem / 'article.pdf'}: trang muốn đính kèm tệp “{url}” vào PDF "
        '(rel="attachment") — reportgen không đính kèm tệp nào vào PDF, trừ khi thư mục mẫu được tin cậy '
        "bằng --trust-templates"
    ]
    reportgen.build([SEED], out=tmp_path / "out", templates=templates, fmt=Format.PDF, trust_templates=True)
    assert attachments_of(tmp_path / "out" / SEED.stem / "article.pdf") == ["ghi-chu.txt"]


def test_a_template_s_mistake_ends_the_command_with_exit_code_1_not_as_a_bug(
    templates: Path, tmp_path: Path
) -> None:
    """Exit code 70 and a traceback are for reportgen's own bugs; a template's mistake is the user's."""
    path = article(templates, "{% for i in range(10 ** 9) %}{{ i }}{% endfor %}")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli.app, ["build", str(SEED), "-o", str(out), "--templates", str(templates)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"{path}:3:1: {TOO_BIG}",
        "1 lỗi: chưa ghi tệp nào — sửa các dòng trên rồi chạy lại.",
    ]
    assert not out.exists()
