"""The printing child: started first, the only process of a build that loads WeasyPrint, printing
a unit's PDFs while the build writes the unit's other files; and the child that fills the
templates, which compiles them before the first page is asked for."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

import reportgen
from reportgen import isolation, template_files, templating
from reportgen.errors import ReportgenError
from reportgen.rendering import Printer
from reportgen.word import Word
from tests.conftest import ROOT, SECOND, SEED, pdf_text

# Runs a command in a fresh process, then says which of the heavy libraries that process loaded.
LOADED = """
import sys
from reportgen.cli import app
try:
    app(sys.argv[1:], prog_name="reportgen")
except SystemExit as done:
    assert not done.code, done.code
print(sorted(name for name in ("weasyprint", "matplotlib", "pydyf") if name in sys.modules))
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_build_s_own_process_never_loads_weasyprint_when_it_prints_with_one_job(
    tmp_path: Path, jobs: str
) -> None:
    # The second unit's pages (a tenth of a megabyte each) go to the printing child before the
    # first unit's PDFs come back: neither process may wait for the other to read. The timeout
    # only turns such a deadlock into a failure.
    done = subprocess.run(
        [sys.executable, "-c", LOADED, "build", SEED, SECOND, "-o", tmp_path, "-q", "--jobs", jobs],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=300,
    )
    # With several jobs the build's process loads it once, for the workers it forks to inherit.
    assert done.stdout.splitlines() == (["[]"] if jobs == "1" else ["['pydyf', 'weasyprint']"])
    for unit in (SEED, SECOND):
        for page in ("article.pdf", "report.pdf"):
            assert len(pypdf.PdfReader(tmp_path / unit.stem / page).pages) >= 1


def test_a_library_build_loads_weasyprint_only_in_its_printing_child(tmp_path: Path) -> None:
    code = (
        "import sys, pathlib, reportgen; "
        f"reportgen.build([pathlib.Path({str(SEED)!r})], out=pathlib.Path({str(tmp_path)!r})); "
        "print('weasyprint' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout == "False\n"
    assert "63.979" in pdf_text(tmp_path / SEED.stem / "article.pdf")


def test_a_unit_that_fails_after_its_pdfs_were_sent_does_not_hand_them_to_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Word copy of the first unit fails while its PDFs are printing: those PDFs are never
    # collected, and the next unit must get its own.
    real = Word.documents

    def fails_for_the_seed(self: Word, pages: dict[str, str], folder: Path, target: Path) -> dict[str, bytes]:
        if target.name == SEED.stem:
            raise ReportgenError.at(reportgen.Location(target), "hỏng")
        return real(self, pages, folder, target)

    monkeypatch.setattr(Word, "documents", fails_for_the_seed)
    with pytest.raises(reportgen.BuildFailed) as failed:
        reportgen.build([SEED, SECOND], out=tmp_path, force=True)
    assert [str(problem) for problem in failed.value.problems] == [f"{tmp_path / SEED.stem}: hỏng"]
    assert not (tmp_path / SEED.stem).exists()
    article = pdf_text(tmp_path / SECOND.stem / "article.pdf")
    assert "Na Rì" in article and "63.979" not in article
    assert "Na Rì" in pdf_text(tmp_path / SECOND.stem / "report.pdf")


def test_pages_sent_together_are_collected_in_order_and_a_bad_one_is_named(tmp_path: Path) -> None:
    with isolation.Sandbox(printer=Printer([])).start() as press:
        assert press.machine() == [] and press.machine_said == []
        collect = press.print_pdfs(
            [
                ("<p>một</p>", tmp_path, tmp_path / "mot.pdf"),
                ('<img src="/etc/hostname">', tmp_path, tmp_path / "hai.pdf"),
                ("<p>ba</p>", tmp_path, tmp_path / "ba.pdf"),
            ]
        )
        with pytest.raises(ReportgenError) as caught:
            collect()
        assert [str(problem.location) for problem in caught.value.problems] == [str(tmp_path / "hai.pdf")]
        # The child is kept, and the next pages are its own.
        [first, second] = press.print_pdfs(
            [("<p>bốn</p>", tmp_path, tmp_path / "bon.pdf"), ("<p>năm</p>", tmp_path, tmp_path / "nam.pdf")]
        )()
    texts = [pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text() for pdf in (first, second)]
    assert texts == ["bốn", "năm"]


def test_the_filling_child_compiles_the_pages_and_what_they_use_before_they_are_asked_for() -> None:
    env = templating.environment()
    template_files.compile_ahead(env, ["report.html", *templating.PARTIALS])
    assert env.cache is not None
    compiled = {name for (_loader, name), _template in env.cache.items()}
    assert {"report.html", "base.html", "_macros.html", *templating.PARTIALS} <= compiled
    assert "article.html" not in compiled


def test_a_template_that_does_not_compile_is_left_for_its_page_to_report(tmp_path: Path) -> None:
    (tmp_path / "report.html").write_text(
        "{% extends 'base.html' %}{% block body %}{% if %}", encoding="utf-8"
    )
    env = templating.environment(tmp_path)
    template_files.compile_ahead(env, ["report.html"])  # says nothing
    with pytest.raises(ReportgenError, match="lỗi cú pháp mẫu"):
        templating.render(env, "report.html", {})  # type: ignore[typeddict-item]


def test_compiled_templates_are_kept_for_the_next_build_and_an_edited_one_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "mau"
    folder.mkdir()
    page = folder / "trang.html"
    page.write_text("Năm {{ nam }}", encoding="utf-8")
    compiled: list[str | None] = []
    real = templating.Sandbox.compile

    def counted(self: templating.Sandbox, source: object, name: str | None = None, *args: object) -> object:
        compiled.append(name)
        return real(self, source, name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(templating.Sandbox, "compile", counted)
    assert templating.environment(folder).get_template("trang.html").render(nam=2024) == "Năm 2024"
    assert compiled == ["trang.html"]
    # The next build (a new environment) finds it compiled; an edited template is compiled again.
    assert templating.environment(folder).get_template("trang.html").render(nam=2024) == "Năm 2024"
    assert compiled == ["trang.html"]
    page.write_text("Năm báo cáo {{ nam }}", encoding="utf-8")
    assert templating.environment(folder).get_template("trang.html").render(nam=2024) == "Năm báo cáo 2024"
    assert compiled == ["trang.html", "trang.html"]


def test_a_cache_folder_that_cannot_be_written_only_means_compiling_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "tep"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # a file where the folder should be
    reportgen.build([SEED], out=tmp_path / "out", fmt=reportgen.Format.HTML)
    assert "63.979" in (tmp_path / "out" / SEED.stem / "report.html").read_text(encoding="utf-8")


# The program as installed: it forks the printing child before it reads the command line.
PROGRAM = """
import atexit, sys
atexit.register(lambda: print(sorted(name for name in ("weasyprint", "pydyf") if name in sys.modules)))
sys.argv = ["reportgen", *sys.argv[1:]]
from reportgen.program import run
run()
"""


@pytest.mark.parametrize(
    ("options", "loaded", "files"),
    [
        ([], [], {"article.pdf", "report.pdf", "report.docx", "report.html"}),
        (["--format", "html"], ["pydyf", "weasyprint"], {"report.html"}),  # the libraries checked here
        (["--jobs", "2"], ["pydyf", "weasyprint"], {"article.pdf", "report.pdf"}),  # once, for the workers
    ],
)
def test_the_program_prints_with_the_child_it_forked_first_or_stops_it(
    tmp_path: Path, options: list[str], loaded: list[str], files: set[str]
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, "build", SEED, SECOND, "-o", tmp_path, "-q", *options],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.stdout.splitlines() == [str(loaded)]
    for unit in (SEED, SECOND):
        assert files <= {path.name for path in (tmp_path / unit.stem).iterdir()}
    if "report.pdf" in files:
        assert "Na Rì" in pdf_text(tmp_path / SECOND.stem / "report.pdf")
