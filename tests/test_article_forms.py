"""The article's other forms: the body for a portal's editor and plain text, with the same words."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import reportgen
from tests.conftest import SEED, html_text
from tests.reference import REFERENCE, check_paragraph


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


def test_the_body_holds_every_part_of_the_article_after_the_date_in_order(built: Path) -> None:
    body = Markup(read(built / "bac-kan-2020" / "article-body.html"))
    # The headline and the date go into the portal's own fields, not into the body.
    assert len(body.paragraphs) == len(REFERENCE.body)
    for paragraph, part in zip(body.paragraphs, REFERENCE.body, strict=True):
        check_paragraph(paragraph, part)


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
            "alt": REFERENCE.captions[1],
        },
    ]
    assert html.startswith("<p><strong>Sáng 20/01/2021, Hội Khuyến học tỉnh Bắc Kạn tổ chức")
    assert html.endswith("<p><strong>Ngọc Tú</strong></p>\n")
    assert "<!--" not in html and "\n\n" not in html


def test_the_text_is_the_whole_article_a_paragraph_a_line(built: Path) -> None:
    text = read(built / "bac-kan-2020" / "article.txt")
    assert text.endswith("\n") and not text.endswith("\n\n")
    headline, date, *body = text.removesuffix("\n").split("\n\n")
    assert (headline, date) == (REFERENCE.headline, REFERENCE.date)
    assert len(body) == len(REFERENCE.body)
    for paragraph, part in zip(body, REFERENCE.body, strict=True):
        assert "\n" not in paragraph
        assert paragraph.startswith("[Ảnh: ") == part.caption
        check_paragraph(
            paragraph.removeprefix("[Ảnh: ").removesuffix("]") if part.caption else paragraph, part
        )
    assert "<" not in text and "&" not in text


@pytest.mark.parametrize("fact", REFERENCE.facts)
def test_the_text_states_every_fact(built: Path, fact: str) -> None:
    assert fact in read(built / "bac-kan-2020" / "article.txt")


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
