"""The standalone article carries its own Noto Serif, with every Vietnamese letter, and nothing else does."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from reportgen import fonts, webfont
from tests.conftest import SAMPLES, html_text

RULE = re.compile(r'font-style: (\w+); font-weight: (\d+);.*?base64,([A-Za-z0-9+/=]+)"')


@pytest.fixture(scope="module")
def faces() -> dict[tuple[str, int], TTFont]:
    found = {}
    for style, weight, data in RULE.findall(webfont.stylesheet()):
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        assert font.flavor == "woff2"
        found[style, int(weight)] = font
    return found


def test_the_article_s_faces_are_regular_bold_and_italic_noto_serif(
    faces: dict[tuple[str, int], TTFont],
) -> None:
    assert sorted(faces) == [("italic", 400), ("normal", 400), ("normal", 700)]
    for (style, weight), font in faces.items():
        assert "fvar" not in font  # cut to one weight at the normal width
        assert font["OS/2"].usWeightClass == weight
        assert bool(font["head"].macStyle & 0b10) == (style == "italic")
        assert font["name"].getBestFamilyName().startswith("Noto Serif")
        assert "SIL Open Font License" in str(font["name"].getDebugName(13))  # the licence travels along


def test_every_face_has_every_vietnamese_letter_and_nothing_much_else(
    faces: dict[tuple[str, int], TTFont],
) -> None:
    for font in faces.values():
        cmap = font.getBestCmap()
        assert [letter for letter in fonts.VIETNAMESE if ord(letter) not in cmap] == []
        assert {chr(code) for code in cmap} <= webfont.CHARACTERS
        assert "Ж" not in {chr(code) for code in cmap}  # no Cyrillic, Greek…: a page weighs little
    assert len(webfont.stylesheet()) < 120_000


@pytest.mark.parametrize("sample", [s.stem for s in SAMPLES])
def test_every_letter_of_every_sample_article_is_in_the_font(
    archived: Path, faces: dict[tuple[str, int], TTFont], sample: str
) -> None:
    cmap = faces["normal", 400].getBestCmap()
    # The text, and what the text-size buttons add: their signs and the size in per cent.
    text = html_text(archived / sample / "article.html") + "A−A+0123456789%"
    assert sorted({letter for letter in text if not letter.isspace() and ord(letter) not in cmap}) == []


@pytest.mark.parametrize("sample", [s.stem for s in SAMPLES])
def test_the_font_is_in_the_article_alone(archived: Path, sample: str) -> None:
    page = (archived / sample / "article.html").read_text(encoding="utf-8")
    assert page.count("@font-face") == 3 and page.count("data:font/woff2;base64,") == 3
    for other in ("article-body.html", "article.txt", "report.html"):
        text = (archived / sample / other).read_text(encoding="utf-8")
        assert "@font-face" not in text and "woff2" not in text, other


def test_the_cut_fonts_are_kept_between_runs_and_a_tampered_copy_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    rule = '@font-face { font-family: "F"; src: url("data:font/woff2;base64,AAAA") format("woff2"); }\n'
    cuts: list[str] = []
    monkeypatch.setattr(webfont, "_cut_all", lambda: cuts.append(rule) or rule)
    webfont.stylesheet.cache_clear()
    try:
        assert webfont.stylesheet() == rule and len(cuts) == 1
        (kept,) = (tmp_path / "reportgen").iterdir()
        assert kept.read_text(encoding="ascii") == rule
        webfont.stylesheet.cache_clear()
        assert webfont.stylesheet() == rule and len(cuts) == 1  # read back, not cut again
        kept.write_text(rule + "</style><script>alert(1)</script>", encoding="ascii")
        webfont.stylesheet.cache_clear()
        assert webfont.stylesheet() == rule and len(cuts) == 2  # not trusted: cut again, kept again
        assert kept.read_text(encoding="ascii") == rule
    finally:
        webfont.stylesheet.cache_clear()


def test_a_cache_folder_that_cannot_be_written_only_costs_a_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # a file where the folder should be
    rule = '@font-face { font-family: "F"; src: url("data:font/woff2;base64,AAAA") format("woff2"); }\n'
    monkeypatch.setattr(webfont, "_cut_all", lambda: rule)
    webfont.stylesheet.cache_clear()
    try:
        assert webfont.stylesheet() == rule
    finally:
        webfont.stylesheet.cache_clear()
