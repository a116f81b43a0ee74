"""Shared fixtures: the samples are built once per test run, PDFs included."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pypdf
import pytest

import reportgen
from reportgen import i18n

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"
SEED = INPUTS / "bac-kan-2020.yaml"
SECOND = INPUTS / "na-ri-2023.yaml"
MONEY = INPUTS / "cuu-chien-binh-bac-lieu-2024.yaml"
"""Version 2, money in triệu and tỷ, several units, the shorthand `1250tr`, a leading zero, targets."""
APPROXIMATE = INPUTS / "phu-nu-lang-son-2024.yaml"
"""Version 2, approximate figures, parts ("trong đó"), a typed percentage, comparison forms."""
UNION = INPUTS / "doan-kon-tum-2024.yaml"
"""Version 2, a Youth Union's report under the Union's document rules: ``Số 01-BC/TĐTN``."""
FARMERS = INPUTS / "nong-dan-yen-bai-2024.yaml"
"""Version 2, a Farmers' Association's report under its own document rules: ``Số 05-BC/HND``."""
SAMPLES = sorted(INPUTS.glob("*.yaml"))


@pytest.fixture(autouse=True)
def vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in Vietnamese, whatever the machine's locale says."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.activate("vi")


BUILT_AT = "1702598400"
"""When the samples are built, for SOURCE_DATE_EPOCH: 15/12/2023 00:00 UTC (07:00 in Vietnam)."""


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of a full build of both samples, at :data:`BUILT_AT`."""
    out = tmp_path_factory.mktemp("out")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILT_AT)
        reportgen.build([SEED, SECOND], out=out)
    return out


@pytest.fixture(scope="session")
def archived(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of a full build of every sample, its PDFs printed for filing (PDF/A-3b).

    What the outside validators check (tests/test_standards.py, tests/test_browser.py).
    """
    out = tmp_path_factory.mktemp("archived")
    reportgen.build(SAMPLES, out=out, archival=True)
    return out


def pdf_text(path: Path) -> str:
    """The text of a PDF, read back with pypdf, lines joined as a reader would read them."""
    reader = pypdf.PdfReader(path)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text)


class _TextOfBody(HTMLParser):
    BLOCKS: ClassVar[set[str]] = {"p", "h1", "h2", "h3", "div", "figure", "figcaption", "td", "th", "li"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.in_body = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.in_body = self.in_body or tag == "body"
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_body:
            self.parts.append(data)


def html_text(path: Path) -> str:
    """The visible text of an HTML page's body, spaces collapsed (as a reader sees it)."""
    parser = _TextOfBody()
    parser.feed(path.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def write_yaml(folder: Path, text: str, name: str = "don-vi.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
