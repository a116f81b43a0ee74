"""The press article: the seed sample reproduces the reference article, in HTML and in PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import reportgen
from tests.conftest import SEED, html_text, pdf_text

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "seed-article.txt"
PORTAL_FURNITURE = {
    "PublishingPortal - Block_BanTin_Toolbar",
    "Tăng cỡ chữ Giảm cỡ chữ",
    "PublishingPortal - Block_BanTin_ViewData",
}

FIGURE_PHRASES = [
    "Sáng 20/01/2021",
    "đồng chí Đinh Quang Tuyên - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh",
    "120 Hội Khuyến học",
    "63.979 hộ gia đình",
    "33 dòng họ",
    "1.158 thôn",
    "397 cơ quan",
    "296 suất học bổng",
    "112 giáo viên, học sinh",
    "319,7 triệu đồng",
    "Kết luận 49-KL/TW",
    "Chỉ thị số 11/CT-TW",
    "Toàn cảnh Hội nghị",
    "Hội Khuyến học huyện Bạch Thông đã được Trung ương Hội Khuyến học Việt Nam tặng Cờ thi đua",
    "Chủ tịch UBND tỉnh cũng tặng Bằng khen cho Hội Khuyến học tỉnh",
    "Ngọc Tú",
]


def reference_paragraphs() -> list[str]:
    """The reference article's own text, paragraph by paragraph, in its order.

    The portal's page furniture is dropped, its stray non-breaking spaces read as spaces, and
    the second photo caption, wrapped over two lines in the reference, is joined.
    """
    text = REFERENCE.read_text(encoding="utf-8")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line and line not in PORTAL_FURNITURE]
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].endswith("Thường trực") and line.startswith("UBND"):
            joined[-1] += " " + line
        else:
            joined.append(line)
    return joined


def test_reference_is_read_as_expected() -> None:
    paragraphs = reference_paragraphs()
    assert paragraphs[0] == "20/01/2021"
    assert paragraphs[1] == "Hội Khuyến học tỉnh Bắc Kạn tổng kết công tác năm 2020"
    assert paragraphs[-1] == "Ngọc Tú"
    assert len(paragraphs) == 13


@pytest.mark.parametrize("phrase", FIGURE_PHRASES)
def test_html_has_every_figure_phrase(built: Path, phrase: str) -> None:
    assert phrase in html_text(built / "bac-kan-2020" / "article.html")


@pytest.mark.parametrize("phrase", FIGURE_PHRASES)
def test_pdf_gives_back_every_figure_phrase(built: Path, phrase: str) -> None:
    assert phrase in pdf_text(built / "bac-kan-2020" / "article.pdf")


def _in_order(text: str, paragraphs: list[str]) -> list[int]:
    positions = [text.find(paragraph) for paragraph in paragraphs]
    assert -1 not in positions, [p for p, at in zip(paragraphs, positions, strict=True) if at < 0]
    return positions


def test_html_holds_the_whole_reference_in_its_order(built: Path) -> None:
    text = html_text(built / "bac-kan-2020" / "article.html")
    paragraphs = reference_paragraphs()
    # The reference prints the date above the headline; the article prints it below.
    title, date, rest = paragraphs[1], paragraphs[0], paragraphs[2:]
    positions = _in_order(text, [title, date, *rest])
    assert positions == sorted(positions)
    assert text.startswith(title)
    assert text.endswith("Ngọc Tú")


def test_pdf_holds_the_whole_reference_in_its_order(built: Path) -> None:
    text = pdf_text(built / "bac-kan-2020" / "article.pdf")
    positions = _in_order(text, reference_paragraphs()[1:])
    assert positions == sorted(positions)


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
    (tmp_path / "anh").symlink_to(SEED.parent / "anh")
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
