"""Each sample's report.docx printed by LibreOffice matches reportgen's own PDF.

LibreOffice (Debian's ``libreoffice-writer-nogui``) lays the Word copy out as a word processor
would; the number of pages, the page numbers and the text must come out as in reportgen's PDF.
The chart is a picture in Word, so its labels are the only words the PDF has and LibreOffice's
copy lacks. Without ``soffice`` these tests are skipped, except in CI (``.ci/run`` installs
it), where they fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

import reportgen
from tests.conftest import INPUTS
from tests.report_pdf import CENTRE, TOP, X_TOLERANCE
from tests.word_docx import normal

SOFFICE = shutil.which("soffice")
if SOFFICE is None:
    if os.environ.get("CI"):
        pytest.fail("CI must install LibreOffice: apt-get install -y libreoffice-writer-nogui", pytrace=False)
    pytest.skip("no soffice (apt-get install libreoffice-writer-nogui)", allow_module_level=True)

SAMPLES = sorted(INPUTS.glob("*.yaml"))


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every sample built, and its report.docx printed to PDF by LibreOffice beside it."""
    out = tmp_path_factory.mktemp("out")
    reportgen.build(SAMPLES, out=out)
    profile = tmp_path_factory.mktemp(
        "libreoffice-profile"
    )  # its own, so a running LibreOffice is left alone
    for sample in SAMPLES:
        folder = out / sample.stem
        subprocess.run(
            [
                str(SOFFICE),
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                str(folder / "libreoffice"),
                str(folder / "report.docx"),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return out


def pages(path: Path) -> list[tuple[str, list[str]]]:
    """Each page's number, as printed in the top margin, and the words below it."""
    with pdfplumber.open(path) as pdf:
        found = []
        for page in pdf.pages:
            number = normal(page.crop((0, 0, page.width, TOP - 1)).extract_text() or "")
            below = page.crop((0, TOP - 1, page.width, page.height))
            body = normal(below.extract_text(x_tolerance=X_TOLERANCE) or "")
            found.append((number, body.split()))
        return found


def chart_words(html: Path) -> Counter[str]:
    """The words the chart's SVG prints: its labels and figures."""
    texts = re.findall(r"<text\b[^>]*>(.*?)</text>", html.read_text(encoding="utf-8"), re.DOTALL)
    return Counter(normal(" ".join(texts)).split())


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_libreoffice_prints_as_many_pages_with_the_same_numbers(printed: Path, sample: Path) -> None:
    ours = pages(printed / sample.stem / "report.pdf")
    theirs = pages(printed / sample.stem / "libreoffice" / "report.pdf")
    assert len(theirs) == len(ours) >= 2
    assert [number for number, _words in theirs] == ["", *(str(n) for n in range(2, len(ours) + 1))]
    with pdfplumber.open(printed / sample.stem / "libreoffice" / "report.pdf") as pdf:
        for page in pdf.pages[1:]:
            digits = [c for c in page.chars if c["top"] < TOP]
            assert (digits[0]["x0"] + digits[-1]["x1"]) / 2 == pytest.approx(CENTRE, abs=2)


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_libreoffice_prints_every_page_s_text_as_the_pdf(printed: Path, sample: Path) -> None:
    chart = chart_words(printed / sample.stem / "report.html")
    ours = pages(printed / sample.stem / "report.pdf")
    theirs = pages(printed / sample.stem / "libreoffice" / "report.pdf")
    # Compared as counts of words over the whole document: a table row's wrapped cells read out
    # in an order that depends on where each line's baseline falls, and LibreOffice keeps the
    # whole last paragraph with the signature where the PDF carries over only its last lines.
    mine = Counter(word for _n, words in ours for word in words)
    word = Counter(word for _n, words in theirs for word in words)
    assert word - mine == Counter()
    assert mine - word <= chart
    assert sum(len(words) for _n, words in theirs) > 300
