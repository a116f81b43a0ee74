"""The project's promises: the README documents the format, the wheel carries the templates
and the compiled message catalog."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pypdf
import pytest
from pydantic import BaseModel

from reportgen.schema import YearEnd
from tests.conftest import ROOT

PIP = [sys.executable, "-m", "pip"]


def _field_names(model: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    for name, field in model.model_fields.items():
        names.add(name)
        names |= _nested(field.annotation)
    return names


def _nested(annotation: Any) -> set[str]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _field_names(annotation)
    names: set[str] = set()
    for argument in getattr(annotation, "__args__", ()):
        names |= _nested(argument)
    return names


def test_readme_documents_every_field() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted(
        name for name in _field_names(YearEnd) if f"`{name}`" not in readme and f".{name}`" not in readme
    )
    assert missing == []


def test_readme_gives_the_two_setup_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in ci.splitlines()]
    commands = [line for line in lines if line and not line.startswith(("#", "set ", "cd "))]
    assert commands[-1] == "make test"
    # Before it, CI only installs what the tests need: Chromium for the browser, SoftHSM2 for a token.
    assert "command -v chromium >/dev/null || missing+=(chromium)" in commands
    assert "command -v softhsm2-util >/dev/null || missing+=(softhsm2)" in commands
    # and LibreOffice (with Times New Roman's metric twin) for the Word copies.
    libreoffice = "command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui fonts-liberation2)"
    assert libreoffice in commands
    assert 'apt-get install -y -q "${missing[@]}"' in commands


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
        "Đã ghi out/so-lieu/: article-body.html, article.html, article.pdf, article.txt, report.html, "
        "report.pdf\nPhông chữ của báo cáo: "
    )
    report = pypdf.PdfReader(work / "out" / "so-lieu" / "report.pdf")
    text = " ".join(page.extract_text() for page in report.pages)
    assert "HỘI NÔNG DÂN HUYỆN NA RÌ" in text and "Số: 01/BC-HND" in text
    article = (work / "out" / "so-lieu" / "article.html").read_text(encoding="utf-8")
    assert "Hội Nông dân huyện Na Rì tổ chức Hội nghị tổng kết" in article
