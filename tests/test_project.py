"""The project's promises: a README with the two commands, a repository that reads nothing outside
it, and a wheel that carries the templates and catalogs and installs a working command."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pypdf
import pytest

from tests.conftest import ROOT

PIP = [sys.executable, "-m", "pip"]


def test_readme_gives_the_two_setup_commands_and_ci_runs_the_test_one_last() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in ci.splitlines()]
    commands = [line for line in lines if line and not line.startswith(("#", "set ", "cd "))]
    assert commands[-1] == "make test"  # its closing lines are the test runner's
    assert "make docs" in commands
    # CI installs what the README tells users to install, and what the tests drive: Chromium for the
    # browser, SoftHSM2 for a token, LibreOffice (with Times New Roman's metric twin) for the Word
    # copies, Java and npm for the validators.
    found = re.search(r"^packages=\((.*?)\)$", ci, re.MULTILINE | re.DOTALL)
    assert found is not None
    packages = found[1].split()
    for package in ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"):
        assert package in packages and package in readme
    for package in ("chromium", "softhsm2", "libreoffice-writer-nogui", "fonts-liberation2", "pipx"):
        assert package in packages
    # npm comes with a machine's own Node.js, or else from Debian (whose npm conflicts with the other).
    assert "command -v npm >/dev/null || missing+=(nodejs npm)" in lines
    assert 'apt-get install -y -q "${missing[@]}"' in commands


def test_nothing_in_the_repository_reads_outside_it() -> None:
    # A folder beside the clone is no part of the project: no file may name it. The name is
    # written in pieces here, or this very test would name it.
    beside = "sha" + "red"
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    texts = {".py", ".md", ".yaml", ".toml", ".html", ".css", ".js", ".txt", ""}
    for name in tracked.stdout.split():
        path = ROOT / name
        if path.suffix in texts and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert f"../{beside}" not in text and f"{beside}/" not in text, name


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [*PIP, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (built,) = dist.glob("reportgen-*.whl")
    return built


def test_wheel_carries_the_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (ROOT / "templates").iterdir():
        assert f"reportgen/templates/{template.name}" in names
    assert "reportgen/vi/words.py" in names
    assert "reportgen/locale/en/LC_MESSAGES/reportgen.mo" in names


def test_installed_wheel_speaks_english_when_asked(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([*PIP, "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True)
    bad = tmp_path / "bad.yaml"
    bad.write_text("nam: 2020\nnam: 2021\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "validate", str(bad), "--lang", "en", "--quiet"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "LANG": "C.UTF-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 1
    assert f"{bad}:2:1: field `nam` is already on line 1 — write each field only once\n" in result.stderr
    assert f"{bad}: bao_cao: this required field is missing — the year-end report:" in result.stderr


def test_installed_wheel_builds_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
    )
    script = (
        "import reportgen, sys; from pathlib import Path;"
        "print(reportgen.__file__);"
        f"reportgen.build([Path({str(ROOT / 'inputs' / 'na-ri-2023.yaml')!r})], out=Path('out'),"
        " fmt=reportgen.Format.HTML)"
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=work,
        env={"PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith(str(target))
    article = (work / "out" / "na-ri-2023" / "article.html").read_text(encoding="utf-8")
    assert "Chiều 22/12/2023, Hội Nông dân huyện Na Rì tổ chức" in article


# --- an installed command, used as the README says, outside the repository -----------------


def _purelib(python: Path | str) -> Path:
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    return Path(
        subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    )


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed: its ``bin`` folder.

    The wheel is installed without its dependencies, which the environment finds in the
    project's own (a path file adds that folder after its own site-packages), so no network is
    needed; reportgen itself comes from the wheel, never from this checkout.
    """
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([*PIP, "--python", str(python), "install", "--no-deps", "-q", str(wheel)], check=True)
    (_purelib(python) / "project-dependencies.pth").write_text(f"{_purelib(sys.executable)}\n")
    return venv / "bin"


def test_the_installed_command_works_from_any_folder(installed: Path, tmp_path: Path) -> None:
    import reportgen

    work = tmp_path / "hoi-nong-dan"  # outside the repository, nothing of it beside
    work.mkdir()
    env = {"PATH": f"{installed}:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(args), cwd=work, env=env, capture_output=True, text=True, encoding="utf-8", check=False
        )

    where = run("sh", "-c", "command -v reportgen")
    assert where.stdout.strip() == str(installed / "reportgen")
    assert run("reportgen", "--version").stdout == f"reportgen {reportgen.__version__}\n"
    module = run(str(installed / "python"), "-c", "import reportgen; print(reportgen.__file__)")
    assert module.stdout.startswith(str(_purelib(installed / "python")))

    # The README's walkthrough, word for word.
    init = run("reportgen", "init", "so-lieu.yaml", "--org", "Hội Nông dân huyện Na Rì", "--year", "2024")
    assert init.returncode == 0, init.stderr
    validate = run("reportgen", "validate", "so-lieu.yaml")
    assert (validate.returncode, validate.stdout) == (0, "so-lieu.yaml: không có lỗi.\n")
    build = run("reportgen", "build", "so-lieu.yaml")
    assert build.returncode == 0, build.stderr
    assert build.stdout.startswith(
        "Đã ghi out/so-lieu/: article-body.html, article.docx, article.html, article.pdf, article.txt, "
        "report.docx, report.html, report.pdf\nPhông chữ của báo cáo: "
    )
    report = pypdf.PdfReader(work / "out" / "so-lieu" / "report.pdf")
    text = " ".join(page.extract_text() for page in report.pages)
    # The Farmers' Association's own document rules, as init chooses them for its kind.
    assert "HỘI NÔNG DÂN VIỆT NAM" in text and "BCH HUYỆN NA RÌ" in text and "Số 01-BC/HND" in text
    article = (work / "out" / "so-lieu" / "article.html").read_text(encoding="utf-8")
    assert "Hội Nông dân huyện Na Rì tổ chức Hội nghị tổng kết" in article
