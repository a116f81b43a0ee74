"""The bad-input corpus: one defect per file, its exact message in its first two lines.

``tests/data/bad/*.yaml`` each hold one mistake a secretary makes (syntax, tabs, wrong types,
numbers typed the wrong way, duplicate keys, unknown and misspelt fields, missing fields,
bad dates, unknown ``{key}`` references, legacy encodings, an empty file, a list where a
mapping belongs); ``tests/data/warn/*.yaml`` each hold one thing that is legal but
suspicious. Line 1 is ``# <line>:<column>: <field>: <message>`` as ``reportgen validate``
prints it after the file's path (``# <field>: <message>`` for the file as a whole), line 2
the same in English after ``# en: ``. The comments are part of the file, so the positions
count them. The files in a legacy encoding keep these two lines in UTF-8, the rest in their encoding.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportgen import cli, i18n
from reportgen.errors import ReportgenError
from reportgen.unit import make

DATA = Path(__file__).resolve().parent / "data"
BAD = sorted((DATA / "bad").glob("*.yaml"))
SUSPICIOUS = sorted((DATA / "warn").glob("*.yaml"))

runner = CliRunner()


def expected(path: Path) -> dict[str, str]:
    """The message of ``path`` in each language, from its first two lines."""
    first, second = path.read_bytes().split(b"\n", 2)[:2]
    vietnamese, english = first.decode("utf-8"), second.decode("utf-8")
    assert vietnamese.startswith("# ") and english.startswith("# en: "), path.name
    return {"vi": vietnamese.removeprefix("# "), "en": english.removeprefix("# en: ")}


def found(path: Path) -> list[str]:
    """What validation says about ``path``, errors and warnings, without the path."""
    try:
        problems = make(path).warnings
    except ReportgenError as error:
        problems = error.problems
    return [printed(path, str(problem)) for problem in problems]


def printed(path: Path, line: str) -> str:
    """A line as ``validate`` prints it, without its path: ``3:5: …``, or ``field: …`` for the file."""
    return line.removeprefix(f"{path}:").removeprefix(" ")


def test_the_corpus_covers_the_mistakes_it_should() -> None:
    names = {path.stem for path in BAD}
    assert len(names) >= 30
    for kind in ("syntax-", "not-utf8-", "count-", "money-", "date-", "misspelt-", "missing-", "unknown-"):
        assert any(name.startswith(kind) for name in names), kind
    for name in (
        "empty-file",
        "duplicate-key",
        "list-where-mapping-belongs",
        "syntax-tab",
        "unknown-placeholder",
    ):
        assert name in names
    assert len(SUSPICIOUS) >= 6


@pytest.mark.parametrize("language", i18n.LANGUAGES)
@pytest.mark.parametrize("path", BAD, ids=lambda path: path.stem)
def test_each_bad_file_gets_its_one_message(path: Path, language: str) -> None:
    with i18n.speaking(language):
        assert found(path) == [expected(path)[language]]


@pytest.mark.parametrize("language", i18n.LANGUAGES)
@pytest.mark.parametrize("path", SUSPICIOUS, ids=lambda path: path.stem)
def test_each_suspicious_file_gets_its_one_warning(path: Path, language: str) -> None:
    with i18n.speaking(language):
        assert found(path) == [expected(path)[language]]
        assert make(path).warnings  # valid: only warned about


@pytest.mark.parametrize("path", BAD, ids=lambda path: path.stem)
def test_validate_prints_the_message_and_exits_1(path: Path) -> None:
    result = runner.invoke(cli.app, ["validate", str(path)], prog_name="reportgen")
    assert result.exit_code == 1
    assert result.stdout == ""
    said, summary = result.stderr.splitlines()
    assert printed(path, said) == expected(path)["vi"]
    assert summary == "1 lỗi: sửa các dòng trên rồi chạy lại lệnh này."


@pytest.mark.parametrize("path", SUSPICIOUS, ids=lambda path: path.stem)
def test_validate_prints_a_warning_and_exits_0(path: Path) -> None:
    result = runner.invoke(cli.app, ["validate", str(path), "--lang", "en"], prog_name="reportgen")
    assert result.exit_code == 0
    assert result.stderr == f"{path}:{expected(path)['en']}\n"
    assert result.stdout == f"{path}: no errors, 1 warning to look at.\n"
