"""The article page is portal-ready: semantic HTML5, social cards and NewsArticle structured data."""

from __future__ import annotations

import io
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

import reportgen
from reportgen import sharecard
from tests.conftest import BUILT_AT, SEED, html_text

HEADLINE = "Hội Khuyến học tỉnh Bắc Kạn tổng kết công tác năm 2020"
LEAD = (
    "Sáng 20/01/2021, Hội Khuyến học tỉnh Bắc Kạn tổ chức Hội nghị tổng kết công tác khuyến học, "
    "khuyến tài, xây dựng xã hội học tập năm 2020 và triển khai nhiệm vụ năm 2021. Dự Hội nghị có "
    "đồng chí Đinh Quang Tuyên - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh."
)
AWARD_CAPTION = (
    "Đồng chí Đinh Quang Tuyên - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh "
    "trao Bằng khen cho Hội Khuyến học tỉnh"
)


class Page(HTMLParser):
    """Every element of a page with its attributes and the path of tags above it."""

    VOID = frozenset({"meta", "link", "img", "br", "input", "source"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[tuple[str, ...], str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.texts: dict[int, str] = {}
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tuple(self.stack), tag, {k: v or "" for k, v in attrs}))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self.elements:
            index = len(self.elements) - 1
            self.texts[index] = self.texts.get(index, "") + data

    def all(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for _, t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]

    def meta(self, key: str) -> str | None:
        found = self.all("meta", property=key) or self.all("meta", name=key)
        assert len(found) <= 1, key
        return found[0]["content"] if found else None

    def structured_data(self) -> dict[str, object]:
        scripts = [i for i, (_, t, a) in enumerate(self.elements) if a.get("type") == "application/ld+json"]
        assert len(scripts) == 1
        data = json.loads(self.texts[scripts[0]])
        assert isinstance(data, dict)
        return data


def build_article(
    tmp_path: Path, edit: tuple[str, str] | None = None, built_at: str = BUILT_AT, **options: Any
) -> Path:
    text = SEED.read_text(encoding="utf-8")
    if edit:
        assert edit[0] in text
        text = text.replace(*edit)
    tmp_path.mkdir(exist_ok=True)
    shutil.copytree(SEED.parent / "anh", tmp_path / "anh")  # a linked folder would lead out of it
    source = tmp_path / SEED.name
    source.write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", built_at)
        reportgen.build([source], out=tmp_path / "out", fmt=reportgen.Format.HTML, **options)
    return tmp_path / "out" / SEED.stem / "article.html"


def without_photos(text: str) -> str:
    return text[: text.index("\nanh:\n")] + text[text.index("\nbai_viet:") :]


@pytest.fixture(scope="module")
def page(built: Path) -> Page:
    return Page((built / "bac-kan-2020" / "article.html").read_text(encoding="utf-8"))


def test_the_page_is_in_vietnamese_with_one_headline_in_the_main_article_s_header(page: Page) -> None:
    assert page.all("html") == [{"lang": "vi"}]
    headlines = [(path, tag) for path, tag, _ in page.elements if tag == "h1"]
    assert headlines == [(("html", "body", "main", "article", "header"), "h1")]


def test_the_date_is_machine_readable(page: Page) -> None:
    assert page.all("time") == [{"datetime": "2021-01-20"}]


def test_every_photo_is_a_figure_whose_alt_is_its_caption(page: Page) -> None:
    images = [(path[-1], a["alt"]) for path, tag, a in page.elements if tag == "img"]
    assert images == [("figure", "Toàn cảnh Hội nghị"), ("figure", AWARD_CAPTION)]
    captions = [" ".join(page.texts[i].split()) for i, e in enumerate(page.elements) if e[1] == "figcaption"]
    assert captions == ["Toàn cảnh Hội nghị", AWARD_CAPTION]


def test_the_byline_closes_the_article_in_its_footer(page: Page) -> None:
    bylines = [path for path, tag, a in page.elements if a.get("class") == "byline"]
    assert bylines == [("html", "body", "main", "article", "footer")]


def test_the_description_and_the_cards_tell_the_headline_and_the_lead(page: Page) -> None:
    assert page.meta("description") == LEAD
    assert {
        key: page.meta(key)
        for key in (
            "og:type",
            "og:locale",
            "og:site_name",
            "og:title",
            "og:description",
            "og:image",
            "og:image:width",
            "og:image:height",
            "og:image:alt",
            "og:url",
            "article:published_time",
            "article:modified_time",
            "twitter:card",
            "twitter:title",
            "twitter:description",
            "twitter:image",
            "twitter:image:alt",
        )
    } == {
        "og:type": "article",
        "og:locale": "vi_VN",
        "og:site_name": "Hội Khuyến học tỉnh Bắc Kạn",
        "og:title": HEADLINE,
        "og:description": LEAD,
        "og:image": "anh/toan-canh-hoi-nghi-800.jpg",
        "og:image:width": "800",
        "og:image:height": "450",
        "og:image:alt": "Toàn cảnh Hội nghị",
        "og:url": None,
        "article:published_time": "2021-01-20",
        # Built (conftest.BUILT_AT) after it was published: changed when built, in Vietnam time.
        "article:modified_time": "2023-12-15T07:00:00+07:00",
        "twitter:card": "summary_large_image",
        "twitter:title": HEADLINE,
        "twitter:description": LEAD,
        "twitter:image": "anh/toan-canh-hoi-nghi-800.jpg",
        "twitter:image:alt": "Toàn cảnh Hội nghị",
    }
    assert page.all("link", rel="canonical") == []


def test_the_structured_data_is_a_news_article(page: Page) -> None:
    assert page.structured_data() == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": HEADLINE,
        "description": LEAD,
        "datePublished": "2021-01-20",
        "dateModified": "2023-12-15T07:00:00+07:00",
        "inLanguage": "vi",
        "author": {"@type": "Person", "name": "Ngọc Tú"},
        "publisher": {"@type": "Organization", "name": "Hội Khuyến học tỉnh Bắc Kạn"},
        "image": ["anh/toan-canh-hoi-nghi-800.jpg", "anh/trao-bang-khen-800.jpg"],
    }


def test_the_text_size_buttons_are_left_to_the_script(page: Page) -> None:
    tools = [i for i, (_, _, a) in enumerate(page.elements) if a.get("class") == "reader-tools"]
    assert len(tools) == 1
    assert "hidden" in page.elements[tools[0]][2]
    assert page.texts.get(tools[0], "").strip() == ""
    # The script is inline: the folder is all a portal needs; nothing is fetched from elsewhere.
    assert all("src" not in a for a in page.all("script"))


def test_a_published_address_makes_every_link_whole(tmp_path: Path) -> None:
    address = "https://hoi.example.vn/tin-tuc/tong-ket-2020.html"
    article = build_article(
        tmp_path, ("  tac_gia: Ngọc Tú\n", f"  tac_gia: Ngọc Tú\n  duong_dan: {address}\n")
    )
    page = Page(article.read_text(encoding="utf-8"))
    assert page.all("link", rel="canonical") == [{"rel": "canonical", "href": address}]
    assert page.meta("og:url") == address
    assert page.meta("og:image") == "https://hoi.example.vn/tin-tuc/anh/toan-canh-hoi-nghi-800.jpg"
    assert page.meta("twitter:image") == "https://hoi.example.vn/tin-tuc/anh/toan-canh-hoi-nghi-800.jpg"
    data = page.structured_data()
    assert data["mainEntityOfPage"] == address
    assert data["image"] == [
        "https://hoi.example.vn/tin-tuc/anh/toan-canh-hoi-nghi-800.jpg",
        "https://hoi.example.vn/tin-tuc/anh/trao-bang-khen-800.jpg",
    ]


def test_without_photos_or_author_a_drawn_card_is_shared_and_the_author_is_the_organisation(
    tmp_path: Path,
) -> None:
    text = SEED.read_text(encoding="utf-8")
    without = text[: text.index("\nanh:\n")] + text[text.index("\nbao_cao:") :]
    article = build_article(tmp_path, (text, without))
    page = Page(article.read_text(encoding="utf-8"))
    assert page.meta("twitter:card") == "summary_large_image"
    assert page.meta("og:image") == page.meta("twitter:image") == "anh/the-chia-se.png"
    assert (page.meta("og:image:width"), page.meta("og:image:height")) == ("1200", "630")
    assert page.meta("og:image:alt") == page.meta("twitter:image:alt") == HEADLINE
    card = Image.open(article.parent / "anh" / "the-chia-se.png")
    assert (card.format, card.size) == ("PNG", (1200, 630))
    assert sorted(p.name for p in (article.parent / "anh").iterdir()) == ["the-chia-se.png"]
    assert page.all("img") == []  # shared, not shown in the article
    data = page.structured_data()
    assert data["image"] == ["anh/the-chia-se.png"]
    assert (
        data["author"]
        == data["publisher"]
        == {"@type": "Organization", "name": "Hội Khuyến học tỉnh Bắc Kạn"}
    )
    assert html_text(article).endswith("lần thứ XIII của Đảng./.")


def test_a_partial_address_is_refused_with_what_to_type(tmp_path: Path) -> None:
    with pytest.raises(reportgen.ReportgenError) as raised:
        build_article(tmp_path, ("  tac_gia: Ngọc Tú\n", "  tac_gia: Ngọc Tú\n  duong_dan: hoi.vn/tin\n"))
    (problem,) = raised.value.problems
    assert str(problem) == (
        f'{tmp_path / SEED.name}:138:14: bai_viet.duong_dan: "hoi.vn/tin" không phải địa chỉ web đầy đủ '
        "— hãy viết cả `https://`, "
        "ví dụ `https://ten-mien-cua-hoi.vn/tin-tuc/tong-ket-2020.html`"
    )


def test_a_time_of_publication_is_given_in_vietnam_time(tmp_path: Path) -> None:
    article = build_article(
        tmp_path, ("  tac_gia: Ngọc Tú\n", "  tac_gia: Ngọc Tú\n  ngay: 21/01/2021\n  gio: 15h30\n")
    )
    page = Page(article.read_text(encoding="utf-8"))
    assert page.all("time") == [{"datetime": "2021-01-21T15:30:00+07:00"}]
    assert page.meta("article:published_time") == "2021-01-21T15:30:00+07:00"
    assert page.structured_data()["datePublished"] == "2021-01-21T15:30:00+07:00"
    assert html_text(article).startswith(f"{HEADLINE} 21/01/2021 ")  # the page shows the date alone


def test_an_article_built_before_it_is_published_is_unchanged_since(tmp_path: Path) -> None:
    article = build_article(
        tmp_path, ("  tac_gia: Ngọc Tú\n", "  tac_gia: Ngọc Tú\n  gio: 08:00\n"), "1611100800"
    )
    data = Page(article.read_text(encoding="utf-8")).structured_data()
    # Built 20/01/2021 at 07:00 in Vietnam, published at 08:00 the same day.
    assert data["datePublished"] == data["dateModified"] == "2021-01-20T08:00:00+07:00"
    later = build_article(
        tmp_path / "sau", ("  tac_gia: Ngọc Tú\n", "  tac_gia: Ngọc Tú\n  gio: 08:00\n"), "1611136800"
    )
    data = Page(later.read_text(encoding="utf-8")).structured_data()
    assert data["dateModified"] == "2021-01-20T17:00:00+07:00"  # rebuilt that afternoon


def test_a_published_address_makes_the_card_s_address_whole(tmp_path: Path) -> None:
    address = "https://hoi.example.vn/tin-tuc/tong-ket-2020.html"
    text = SEED.read_text(encoding="utf-8")
    article = build_article(
        tmp_path,
        (
            text,
            without_photos(text).replace(
                "  tac_gia: Ngọc Tú\n", f"  tac_gia: Ngọc Tú\n  duong_dan: {address}\n"
            ),
        ),
    )
    page = Page(article.read_text(encoding="utf-8"))
    assert page.meta("og:url") == address
    assert page.all("link", rel="canonical") == [{"rel": "canonical", "href": address}]
    card = "https://hoi.example.vn/tin-tuc/anh/the-chia-se.png"
    assert page.meta("og:image") == page.meta("twitter:image") == card
    assert page.structured_data()["image"] == [card]
    assert page.structured_data()["mainEntityOfPage"] == address


def test_the_card_is_drawn_from_the_headline_the_page_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[tuple[str, str, int, str]] = []
    real = sharecard.draw

    def watched(headline: str, organisation: str, year: int, period: str = "") -> sharecard.Card:
        drawn.append((headline, organisation, year, period))
        return real(headline, organisation, year, period)

    monkeypatch.setattr(sharecard, "draw", watched)
    templates = tmp_path / "mau"
    templates.mkdir()
    (templates / "article.html").write_text(
        '{% extends "!default/article.html" %}\n'
        "{% block headline %}<h1>Khuyến học Bắc Kạn: một năm &amp; nhiều dấu ấn</h1>{% endblock %}\n",
        encoding="utf-8",
    )
    text = SEED.read_text(encoding="utf-8")
    article = build_article(tmp_path, (text, without_photos(text)), templates=templates)
    assert drawn == [
        (
            "Khuyến học Bắc Kạn: một năm & nhiều dấu ấn",
            "Hội Khuyến học tỉnh Bắc Kạn",
            2020,
            "Tổng kết năm 2020",
        )
    ]
    card = Image.open(io.BytesIO((article.parent / "anh" / "the-chia-se.png").read_bytes()))
    assert card.getpixel((600, 5)) == (0x9B, 0x1C, 0x1C)  # the article's red band along the top
    # A different headline draws a different card.
    assert (
        real("Khác", "Hội Khuyến học tỉnh Bắc Kạn", 2020).png
        != (article.parent / "anh" / "the-chia-se.png").read_bytes()
    )
