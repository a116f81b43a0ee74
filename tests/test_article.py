"""The press article: the seed sample reproduces the reference article, in HTML and in PDF."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import reportgen
from tests.conftest import SEED, html_text, pdf_text
from tests.reference import REFERENCE, find_in_order


@pytest.mark.parametrize("fact", REFERENCE.facts)
def test_html_states_every_fact(built: Path, fact: str) -> None:
    assert fact in html_text(built / "bac-kan-2020" / "article.html")


@pytest.mark.parametrize("fact", REFERENCE.facts)
def test_pdf_gives_back_every_fact(built: Path, fact: str) -> None:
    assert fact in pdf_text(built / "bac-kan-2020" / "article.pdf")


def _headline_then_date(text: str) -> str:
    """Check that ``text`` opens with the headline, then the date; return what follows."""
    assert text.startswith(REFERENCE.headline)
    rest = text[len(REFERENCE.headline) :].lstrip()
    assert rest.startswith(REFERENCE.date)
    return rest[len(REFERENCE.date) :]


def test_html_holds_the_whole_article_in_its_order(built: Path) -> None:
    text = html_text(built / "bac-kan-2020" / "article.html")
    # The portal printed the date above the headline; the article prints it below.
    find_in_order(_headline_then_date(text), REFERENCE.body)
    assert text.endswith(REFERENCE.body[-1].opens)


def test_pdf_holds_the_whole_article_in_its_order(built: Path) -> None:
    text = pdf_text(built / "bac-kan-2020" / "article.pdf").strip()
    find_in_order(_headline_then_date(text), REFERENCE.body)


def test_article_pdf_has_title_author_and_language(built: Path) -> None:
    import pypdf

    reader = pypdf.PdfReader(built / "bac-kan-2020" / "article.pdf")
    assert reader.metadata is not None
    assert reader.metadata.title == "Hội Khuyến học tỉnh Bắc Kạn tổng kết công tác năm 2020"
    assert reader.metadata.author == "Hội Khuyến học tỉnh Bắc Kạn"
    assert reader.trailer["/Root"]["/Lang"] == "vi"
    assert len(reader.pages) == 3


def test_photos_are_written_in_web_sizes_beside_the_article(built: Path) -> None:
    from PIL import Image

    folder = built / "bac-kan-2020"
    html = (folder / "article.html").read_text(encoding="utf-8")
    images = re.findall(
        r'<img src="([^"]+)" srcset="([^"]+)" sizes="[^"]+" width="(\d+)" height="(\d+)"', html
    )
    assert [image[0] for image in images] == ["anh/toan-canh-hoi-nghi-800.jpg", "anh/trao-bang-khen-800.jpg"]
    for src, srcset, width, height in images:
        assert srcset == f"{src.replace('-800', '-480')} 480w, {src} 800w"
        with Image.open(folder / src) as image:
            assert image.format == "JPEG"
            assert image.size == (int(width), int(height)) == (800, 450)
        with Image.open(folder / src.replace("-800", "-480")) as image:
            assert image.size == (480, 270)


def _without(tmp_path: Path, *parts: str) -> Path:
    """The seed input with whole top-level parts removed."""
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    kept, skipping = [], False
    for line in lines:
        if line[:1].isalpha():
            skipping = line.split(":")[0] in parts
        if not skipping:
            kept.append(line)
    shutil.copytree(SEED.parent / "anh", tmp_path / "anh")  # a linked folder would lead out of it
    path = tmp_path / "bac-kan-2020.yaml"
    path.write_text("".join(kept), encoding="utf-8")
    return path


def test_parts_without_data_are_left_out(tmp_path: Path) -> None:
    source = _without(tmp_path, "han_che", "khen_thuong", "anh")
    reportgen.build([source], out=tmp_path / "out", fmt=reportgen.Format.HTML)
    html = (tmp_path / "out" / "bac-kan-2020" / "article.html").read_text(encoding="utf-8")
    text = html_text(tmp_path / "out" / "bac-kan-2020" / "article.html")
    assert "Bên cạnh những kết quả" not in text
    assert "Dịp này" not in text
    assert "<figure" not in html
    assert "<p></p>" not in html
    # The closing mark moves to the last part that is left: the directions.
    assert text.count("./.") == 1
    assert "Trung tâm Học tập cộng đồng.../. Ngọc Tú" in text


def test_an_article_of_the_lead_alone_still_closes(tmp_path: Path) -> None:
    source = _without(tmp_path, "ket_qua", "han_che", "phuong_huong", "khen_thuong", "anh")
    reportgen.build([source], out=tmp_path / "out", fmt=reportgen.Format.HTML)
    text = html_text(tmp_path / "out" / "bac-kan-2020" / "article.html")
    assert text.endswith("Phó Chủ tịch Thường trực UBND tỉnh./. Ngọc Tú")
