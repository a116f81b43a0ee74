"""The Word copies read back with python-docx: page set-up, styles, header block, tables, figures.

Every expectation about wording is taken from reportgen's own HTML or PDF of the same build,
or from the sample's figures: the Word copy must say what the PDF says, character for character.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from PIL import Image

import reportgen
from reportgen.errors import ReportgenError
from reportgen.word import pictures
from reportgen.word import reference as word_reference
from tests.conftest import SECOND, SEED
from tests.word_docx import (
    blocks,
    body_paragraphs,
    border,
    cell_texts,
    has_field,
    html_tables,
    normal,
    open_docx,
    paragraphs,
    pdf_body_text,
    tables,
    text_of,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [SEED, SECOND]
FIGURE_PHRASES = {
    SEED.stem: [
        "Sáng 20/01/2021",
        "120 Hội Khuyến học",
        "63.979 hộ gia đình đạt danh hiệu Gia đình học tập",
        "33 dòng họ",
        "1.158 thôn",
        "397 cơ quan",
        "296 suất học bổng",
        "319,7 triệu đồng",
        "Kết luận 49-KL/TW",
        "Chỉ thị số 11/CT-TW",
        "Số: 05/BC-HKH",
        "Bắc Kạn, ngày 20 tháng 01 năm 2021",
    ],
    SECOND.stem: [
        "Số: 38/BC-HND",
        "Na Rì, ngày 15 tháng 12 năm 2023",
        "12.486 hội viên, tăng 381 người (3,1%) so với năm 2022, vượt 0,7% kế hoạch",
        "3.215/10.950",
        "tăng 4,3 điểm",
        "412.600",
        "100,7%",
        "tăng 29,2%",
    ],
}


def report(built: Path, sample: Path) -> Any:
    return open_docx(built / sample.stem / "report.docx")


# --- the reference document ---------------------------------------------------------------------


def test_the_packaged_reference_is_what_its_generator_writes() -> None:
    committed = (ROOT / "templates" / word_reference.NAME).read_bytes()
    assert word_reference.build() == committed, "run `make reference` and commit templates/reference.docx"


def test_the_reference_names_times_new_roman_everywhere_and_embeds_no_font() -> None:
    path = ROOT / "templates" / word_reference.NAME
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        styles = package.read("word/styles.xml").decode()
        settings = package.read("word/settings.xml").decode()
    assert not [name for name in names if name.startswith("word/fonts/")]
    assert "embedTrueTypeFonts" not in settings
    assert "Theme=" not in styles and "w:cstheme" not in styles  # no Calibri or Cambria by theme
    assert 'w:ascii="Times New Roman"' in styles


# --- page set-up --------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["report", "article"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_a4_with_the_decree_s_margins(built: Path, sample: Path, page: str) -> None:
    section = open_docx(built / sample.stem / f"{page}.docx").sections[0]
    mm = [round(length.mm, 1) for length in (section.page_width, section.page_height)]
    assert mm == [210, 297]  # A4, to Word's twentieth of a point
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(length.mm, 1) for length in margins] == [20, 20, 30, 15]


@pytest.mark.parametrize("sample", SAMPLES)
def test_the_page_number_is_a_centred_field_in_the_header_from_page_2(built: Path, sample: Path) -> None:
    section = report(built, sample).sections[0]
    assert section.different_first_page_header_footer  # w:titlePg
    [number] = section.header.paragraphs
    assert has_field(number, "PAGE")
    assert number.style.name == "Header"
    assert number.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert number.style.font.size == Pt(13)
    assert not section.first_page_header.is_linked_to_previous
    assert not any(has_field(p, "PAGE") for p in section.first_page_header.paragraphs)
    assert section._sectPr.find(qn("w:titlePg")) is not None


def test_the_body_is_times_new_roman_14_pt_justified_with_a_1_cm_indent(built: Path) -> None:
    document = report(built, SECOND)
    normal_style = document.styles["Normal"]
    assert normal_style.font.name == "Times New Roman"
    assert normal_style.font.size == Pt(14)
    layout = normal_style.paragraph_format
    assert layout.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert round(layout.first_line_indent.cm, 2) == 1
    assert layout.space_after == Pt(6)
    assert layout.line_spacing == Pt(18.2)  # the PDF's line-height: 1.3 × 14 pt
    opening = next(p for p in body_paragraphs(document) if p.text.startswith("Năm 2023, các cấp Hội"))
    assert opening.style.name == "Normal"
    assert all(run.font.name is None and run.font.size is None for run in opening.runs)  # all from the style


# --- the header block ---------------------------------------------------------------------------


def test_the_header_block_is_a_borderless_table_of_the_pdf_s_lines(built: Path) -> None:
    document = report(built, SECOND)
    header = tables(document)[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {side.get(qn("w:val")) for side in borders} == {"nil"}
    lines = [
        [[(p.style.name, p.text) for p in cell.paragraphs if p.text] for cell in row.cells]
        for row in header.rows
    ]
    assert lines == [
        [
            [("Cơ quan cấp trên", "HỘI NÔNG DÂN TỈNH BẮC KẠN"), ("Tên cơ quan", "HỘI NÔNG DÂN HUYỆN NA RÌ")],
            [
                ("Quốc hiệu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                ("Tiêu ngữ", "Độc lập - Tự do - Hạnh phúc"),
            ],
        ],
        [[("Số, ký hiệu", "Số: 38/BC-HND")], [("Địa danh, ngày tháng", "Na Rì, ngày 15 tháng 12 năm 2023")]],
    ]
    styles = document.styles
    assert (styles["Tên cơ quan"].font.bold, styles["Tên cơ quan"].font.size) == (True, Pt(13))
    assert (styles["Quốc hiệu"].font.bold, styles["Quốc hiệu"].font.size) == (True, Pt(12.5))
    assert (styles["Tiêu ngữ"].font.bold, styles["Tiêu ngữ"].font.size) == (True, Pt(13.5))
    assert (styles["Địa danh, ngày tháng"].font.italic, styles["Địa danh, ngày tháng"].font.size) == (
        True,
        Pt(14),
    )


def test_the_motto_is_ruled_as_long_as_itself_and_the_issuer_with_a_short_rule(built: Path) -> None:
    document = report(built, SECOND)
    header = tables(document)[0]
    typeface = pictures.Typeface.named("Times New Roman")
    motto = next(p for p in header.rows[0].cells[1].paragraphs if p.text.startswith("Độc lập"))
    assert border(motto) is not None and border(motto).get(qn("w:val")) == "single"
    motto_cell = header.rows[0].cells[1].width
    ruled = (motto_cell - motto.paragraph_format.left_indent - motto.paragraph_format.right_indent) / 12700
    measured = typeface.width("Độc lập - Tự do - Hạnh phúc", 13.5, bold=True)
    assert measured < ruled < measured * 1.02 + 5  # the line's length, no more than a hair over
    issuer = header.rows[0].cells[0].paragraphs
    rule = issuer[issuer.index(next(p for p in issuer if p.text == "HỘI NÔNG DÂN HUYỆN NA RÌ")) + 1]
    assert (rule.text, rule.style.name) == ("", "Đường kẻ") and border(rule) is not None
    short = (header.rows[0].cells[0].width - 2 * rule.paragraph_format.left_indent) / 12700
    assert short == pytest.approx(0.4 * typeface.width("HỘI NÔNG DÂN HUYỆN NA RÌ", 13, bold=True), abs=1)


# --- headings, tables, closing ------------------------------------------------------------------


def test_sections_are_word_headings_for_the_navigation_pane(built: Path) -> None:
    document = report(built, SECOND)
    by_style: dict[str, list[str]] = {}
    for paragraph in body_paragraphs(document):
        by_style.setdefault(paragraph.style.name, []).append(normal(paragraph.text))
    assert by_style["Title"] == ["BÁO CÁO"]
    assert by_style["Subtitle"] == ["Tổng kết công tác năm 2023 và phương hướng, nhiệm vụ năm 2024"]
    assert by_style["Heading 1"] == [
        "I. KẾT QUẢ CÔNG TÁC NĂM 2023",
        "II. TỒN TẠI, HẠN CHẾ",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024",
    ]
    assert by_style["Heading 2"][:3] == [
        "1. Xây dựng tổ chức Hội",
        "2. Phong trào sản xuất, kinh doanh giỏi",
        "3. Hỗ trợ vốn cho nông dân",
    ]
    assert document.styles["Heading 1"].element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}") is not None


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_table_holds_the_html_s_cells(built: Path, sample: Path) -> None:
    document = report(built, sample)
    html = html_tables(built / sample.stem / "report.html")
    word_tables = tables(document)
    indicators = [t for t in word_tables if t.style is not None and t.style.name == "Table Grid"]
    assert [cell_texts(t) for t in indicators] == html["indicators"]
    for table in indicators:
        head, *rows = table.rows
        assert head._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
        assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows)
    assert cell_texts(word_tables[0]) == html["header"][0]
    assert cell_texts(word_tables[-1]) == html["closing"][0]


def test_figures_align_right_and_the_closing_is_kept_together(built: Path) -> None:
    document = report(built, SECOND)
    first = next(t for t in tables(document) if t.style is not None and t.style.name == "Table Grid")
    figure = first.rows[1].cells[3].paragraphs[0]
    assert (figure.text, figure.alignment) == ("12.105", WD_ALIGN_PARAGRAPH.RIGHT)
    closing = tables(document)[-1]
    assert [normal(cell.text) for cell in closing.rows[1].cells] == [
        "Nơi nhận: - Hội Nông dân tỉnh; - Thường trực Huyện ủy, HĐND, UBND huyện; "
        "- Cơ sở Hội các xã, thị trấn; - Lưu: VT.",
        "CHỦ TỊCH Hoàng Văn Phúc",
    ]
    kept = [p for row in closing.rows for cell in row.cells for p in cell.paragraphs]
    assert all(p.paragraph_format.keep_with_next for p in kept)
    before = body_paragraphs(document)[-1]
    assert before.text.startswith("Năm 2024, Hội Nông dân huyện") and before.paragraph_format.keep_with_next


# --- the figures, character for character -------------------------------------------------------


@pytest.mark.parametrize("page", ["report", "article"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_every_paragraph_reads_as_in_the_pdf(built: Path, sample: Path, page: str) -> None:
    document = open_docx(built / sample.stem / f"{page}.docx")
    printed = pdf_body_text(built / sample.stem / f"{page}.pdf")
    words = set(printed.split())
    for item in blocks(document):
        if isinstance(item, Table):
            continue
        text = normal(item.text)
        if item._parent.__class__.__name__ == "_Cell":
            assert set(text.split()) <= words, text  # a wrapped cell's lines interleave with its row's
        else:
            assert text in printed, text


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_figure_phrase_is_identical_to_the_pdf_s(built: Path, sample: Path) -> None:
    word = text_of(report(built, sample)) + " " + text_of(open_docx(built / sample.stem / "article.docx"))
    printed = (
        pdf_body_text(built / sample.stem / "report.pdf")
        + " "
        + pdf_body_text(built / sample.stem / "article.pdf")
    )
    for phrase in FIGURE_PHRASES[sample.stem]:
        assert phrase in printed, phrase
        assert phrase in word, phrase


# --- pictures -----------------------------------------------------------------------------------


def test_the_chart_is_a_300_dpi_png_with_an_svg_twin(built: Path) -> None:
    document = report(built, SECOND)
    [chart] = document.inline_shapes
    assert chart.width == pytest.approx(Mm(165), abs=Mm(0.5))
    blip = chart._inline.xpath(".//a:blip")[0]
    png = document.part.related_parts[blip.get(qn("r:embed"))]
    assert Image.open(io.BytesIO(png.blob)).size[0] >= 1900
    [svg_blip] = blip.iter("{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip")
    svg = document.part.related_parts[svg_blip.get(qn("r:embed"))]
    assert svg.content_type == "image/svg+xml"
    assert b"'Times New Roman'" in svg.blob and b"'reportgen'" not in svg.blob
    caption = next(p for p in paragraphs(document) if p.text.startswith("Biểu đồ:"))
    assert caption.style.name == "Tên biểu đồ"


def test_the_article_s_photos_come_with_their_captions(built: Path) -> None:
    document = open_docx(built / SEED.stem / "article.docx")
    shapes = document.inline_shapes
    assert len(shapes) == 2
    assert shapes[0]._inline.docPr.get("descr") == "Toàn cảnh Hội nghị"
    captions = [normal(p.text) for p in paragraphs(document) if p.style.name == "Caption"]
    assert captions[0] == "Toàn cảnh Hội nghị"
    assert all(s.width <= Mm(165.1) and s.height <= Mm(110) for s in shapes)
    titles = [p.text for p in paragraphs(document) if p.style.name == "Title"]
    assert titles == ["Hội Khuyến học tỉnh Bắc Kạn tổng kết công tác năm 2020"]
    assert document.core_properties.title == titles[0]
    assert document.core_properties.language == "vi"


# --- options, errors, the user's reference --------------------------------------------------------


def test_docx_alone_writes_only_the_word_copies(tmp_path: Path) -> None:
    written = reportgen.build([SECOND], out=tmp_path / "out", fmt=reportgen.Format.DOCX)
    assert sorted(path.name for path in written if path.parent.name != "anh") == [
        "article.docx",
        "report.docx",
    ]
    assert written.font is None


def test_the_same_input_makes_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1611100800")
    first = reportgen.build([SECOND], out=tmp_path / "a", fmt=reportgen.Format.DOCX)
    second = reportgen.build([SECOND], out=tmp_path / "b", fmt=reportgen.Format.DOCX)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_a_users_reference_document_gives_the_look(tmp_path: Path) -> None:
    import docx

    templates = tmp_path / "mau"
    templates.mkdir()
    own = docx.Document()  # a plain document, as a user might start one in Word: Letter paper
    own.styles["Normal"].font.name = "Arial"
    own.save(str(templates / word_reference.NAME))
    reportgen.build([SECOND], out=tmp_path / "out", templates=templates, fmt=reportgen.Format.DOCX)
    document = open_docx(tmp_path / "out" / SECOND.stem / "report.docx")
    assert document.sections[0].page_width == own.sections[0].page_width != Mm(210)
    assert document.styles["Normal"].font.name == "Arial"
    assert document.styles["Tiêu ngữ"].font.size == Pt(13.5)  # a style it lacked, added from reportgen's
    assert "Độc lập - Tự do - Hạnh phúc" in text_of(document)


def test_a_changed_reference_document_rebuilds(tmp_path: Path) -> None:
    import docx

    templates = tmp_path / "mau"
    templates.mkdir()
    reference = templates / word_reference.NAME
    reference.write_bytes((ROOT / "templates" / word_reference.NAME).read_bytes())
    options = {"out": tmp_path / "out", "templates": templates, "fmt": reportgen.Format.DOCX}
    reportgen.build([SECOND], **options)
    assert reportgen.build([SECOND], **options).skipped == [SECOND]
    changed = docx.Document(str(reference))
    changed.styles["Normal"].font.size = Pt(13)
    changed.save(str(reference))
    again = reportgen.build([SECOND], **options)
    assert again.skipped == [] and {path.name for path in again} >= {"report.docx", "article.docx"}
    assert open_docx(tmp_path / "out" / SECOND.stem / "report.docx").styles["Normal"].font.size == Pt(13)


def test_a_broken_reference_document_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    (templates / word_reference.NAME).write_text("không phải tệp Word", encoding="utf-8")
    with pytest.raises(ReportgenError) as caught:
        reportgen.build([SECOND], out=tmp_path / "out", templates=templates)
    [problem] = caught.value.problems
    assert str(problem.location.file).endswith("mau/reference.docx")
    assert problem.message.startswith("không đọc được tài liệu mẫu Word này — hãy mở nó bằng Word")
    assert not (tmp_path / "out").exists()


def test_lists_are_word_lists_each_numbered_from_1(tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    (templates / "report.html").write_text(
        '{% extends "!default/report.html" %}{% block directions %}'
        "<h2>III. PHƯƠNG HƯỚNG</h2><ol><li>Một</li><li>Hai</li></ol><ul><li>Chấm</li></ul>"
        "<ol><li>Lại một</li></ol>{% endblock %}",
        encoding="utf-8",
    )
    reportgen.build([SECOND], out=tmp_path / "out", templates=templates, fmt=reportgen.Format.DOCX)
    items = [
        p
        for p in paragraphs(open_docx(tmp_path / "out" / SECOND.stem / "report.docx"))
        if p.style.name.startswith("List")
    ]
    assert [(p.style.name, p.text) for p in items] == [
        ("List Number", "Một"),
        ("List Number", "Hai"),
        ("List Bullet", "Chấm"),
        ("List Number", "Lại một"),
    ]
    ids = [p._p.pPr.numPr.numId.val if p._p.pPr.numPr is not None else None for p in items]
    assert ids[0] == ids[1] and ids[3] not in (ids[0], None)


def test_a_picture_outside_the_output_and_templates_is_refused(tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    (templates / "article.html").write_text(
        '{% extends "!default/article.html" %}{% block byline %}<figure><img src="../../../etc/hostname">'
        "</figure>{% endblock %}",
        encoding="utf-8",
    )
    with pytest.raises(reportgen.BuildFailed) as caught:
        reportgen.build([SECOND], out=tmp_path / "out", templates=templates, fmt=reportgen.Format.DOCX)
    [problem] = caught.value.problems
    assert str(problem.location.file).endswith("article.docx")
    assert "không đọc “../../../etc/hostname”" in problem.message
    assert not (tmp_path / "out" / SECOND.stem).exists()


def test_control_characters_word_cannot_hold_are_left_out(tmp_path: Path) -> None:
    text = SECOND.read_text(encoding="utf-8")
    start, end = text.index("han_che:"), text.index("phuong_huong:")
    source = tmp_path / SECOND.name
    bell = 'han_che: "Chất lượng\\x07 sinh hoạt còn thấp."\n\n'  # a YAML escape: a BEL character
    source.write_text(text[:start] + bell + text[end:], "utf-8")
    reportgen.build([source], out=tmp_path / "out", fmt=reportgen.Format.DOCX)
    document = open_docx(tmp_path / "out" / SECOND.stem / "report.docx")
    assert "Chất lượng sinh hoạt còn thấp." in [p.text for p in body_paragraphs(document)]


def test_the_cli_accepts_docx(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from reportgen.cli import app

    result = CliRunner().invoke(app, ["build", str(SECOND), "-o", str(tmp_path), "-f", "docx"])
    assert result.exit_code == 0, result.output
    assert "report.docx" in result.output
    wrong = CliRunner().invoke(app, ["build", str(SECOND), "-o", str(tmp_path), "-f", "doc"])
    assert wrong.exit_code == 2
    assert "hãy viết html, pdf, docx hoặc all" in wrong.output
