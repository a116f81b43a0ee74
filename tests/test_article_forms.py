"""The article's other forms: the body for a portal's editor and plain text, with the same words."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import reportgen
from tests.conftest import SEED, html_text
from tests.test_article import FIGURE_PHRASES, reference_paragraphs

CAPTIONS = {"Toàn cảnh Hội nghị", reference_paragraphs()[-3]}


def read(path: Path) -> str:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode()), "written with a byte-order mark"
    return raw.decode("utf-8-sig")


class Markup(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.paragraphs: list[str] = []
        self._text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"p", "figcaption"}:
            self.paragraphs.append(" ".join("".join(self._text).split()))
            self._text = []

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def test_the_body_holds_every_reference_paragraph_after_the_date_in_order(built: Path) -> None:
    body = Markup(read(built / "bac-kan-2020" / "article-body.html"))
    # The headline and the date go into the portal's own fields, not into the body.
    assert body.paragraphs == reference_paragraphs()[2:]


def test_the_body_is_plain_markup(built: Path) -> None:
    html = read(built / "bac-kan-2020" / "article-body.html")
    body = Markup(html)
    assert {tag for tag, _ in body.tags} == {"p", "strong", "figure", "img", "figcaption"}
    assert [attrs for tag, attrs in body.tags if tag != "img"] == [{}] * (len(body.tags) - 2)
    assert [attrs for tag, attrs in body.tags if tag == "img"] == [
        {
            "src": "anh/toan-canh-hoi-nghi-800.jpg",
            "width": "800",
            "height": "450",
            "alt": "Toàn cảnh Hội nghị",
        },
        {
            "src": "anh/trao-bang-khen-800.jpg",
            "width": "800",
            "height": "450",
            "alt": reference_paragraphs()[-3],
        },
    ]
    assert html.startswith("<p><strong>Sáng 20/01/2021, Hội Khuyến học tỉnh Bắc Kạn tổ chức")
    assert html.endswith("<p><strong>Ngọc Tú</strong></p>\n")
    assert "<!--" not in html and "\n\n" not in html


def test_the_text_is_the_whole_reference_a_paragraph_a_line(built: Path) -> None:
    text = read(built / "bac-kan-2020" / "article.txt")
    reference = reference_paragraphs()
    expected = [reference[1], reference[0]] + [f"[Ảnh: {p}]" if p in CAPTIONS else p for p in reference[2:]]
    assert text.split("\n\n") == [*expected[:-1], expected[-1] + "\n"]
    assert "<" not in text and "&" not in text


@pytest.mark.parametrize("phrase", FIGURE_PHRASES)
def test_the_text_has_every_figure_phrase(built: Path, phrase: str) -> None:
    assert phrase in read(built / "bac-kan-2020" / "article.txt")


def test_the_second_sample_says_the_same_figures_in_all_three_forms(built: Path) -> None:
    folder = built / "na-ri-2023"
    figures = set(re.findall(r"\d[\d.,/]*\d%?", html_text(folder / "article.html")))
    assert {"12.486", "3.215/10.950", "29,4%", "8,65", "0,75", "22/12/2023"} <= figures
    body_text = " ".join(Markup(read(folder / "article-body.html")).paragraphs)
    assert {f for f in figures if f not in body_text} == set()
    text = read(folder / "article.txt")
    assert {f for f in figures if f not in text} == set()


def test_a_user_template_shows_in_every_form(tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    (templates / "article.html").write_text(
        '{% extends "!default/article.html" %}\n'
        '{% block byline %}<p class="byline">Ban Tuyên giáo</p>{% endblock %}\n',
        encoding="utf-8",
    )
    reportgen.build([SEED], out=tmp_path / "out", templates=templates, fmt=reportgen.Format.HTML)
    folder = tmp_path / "out" / SEED.stem
    assert read(folder / "article-body.html").endswith("<p>Ban Tuyên giáo</p>\n")
    assert read(folder / "article.txt").endswith("./.\n\nBan Tuyên giáo\n")


def test_only_pdf_writes_neither_form(tmp_path: Path) -> None:
    written = reportgen.build([SEED], out=tmp_path / "out", fmt=reportgen.Format.PDF)
    assert sorted(p.name for p in written if p.parent.name != "anh") == ["article.pdf", "report.pdf"]
