"""The document rules (thể thức): the Youth Union's report in HTML, PDF and Word; every set, every line.

The Youth Union sample (inputs/doan-kon-tum-2024.yaml) is read back from all three copies. The
other sets and the overrides are checked on small files, in the report's HTML, where the
template prints exactly what the rules say.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

import reportgen
from reportgen.errors import ReportgenError
from reportgen.unit import make
from reportgen.validation import upgrade_notice
from tests.conftest import FARMERS, SEED, UNION, pdf_text, write_yaml
from tests.report_pdf import CENTRE, baseline, centre, find, open_pdf, rule_under
from tests.word_docx import border, open_docx, tables


@pytest.fixture(scope="module")
def union(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Youth Union sample, built in every format."""
    out = tmp_path_factory.mktemp("union")
    reportgen.build([UNION], out=out)
    return out / UNION.stem


@pytest.fixture(scope="module")
def union_pdf(union: Path) -> Iterator[Any]:
    with open_pdf(union / "report.pdf") as pdf:
        yield pdf


# --- the Youth Union's report -----------------------------------------------------------------


def test_the_union_s_header_in_html(union: Path) -> None:
    page = (union / "report.html").read_text(encoding="utf-8")
    assert '<div class="org">BCH TỈNH KON TUM</div>\n<div class="stars">***</div>' in page
    assert '<div class="title"><span>ĐOÀN TNCS HỒ CHÍ MINH</span></div>' in page
    assert '<td class="number">Số 01-BC/TĐTN</td>' in page
    assert '<td class="place-date">Kon Tum, ngày 08 tháng 01 năm 2025</td>' in page
    assert '<div class="authority">TM. BAN THƯỜNG VỤ TỈNH ĐOÀN</div>' in page
    assert "<div>- Lưu VP.</div>" in page
    assert "CỘNG HÒA" not in page and "Độc lập - Tự do" not in page and 'class="parent"' not in page


def test_the_union_s_header_in_the_pdf(union_pdf: Any) -> None:
    page = union_pdf.pages[0]
    issuer = find(page, "BCH TỈNH KON TUM")
    stars = find(page, "***")
    number = find(page, "Số 01-BC/TĐTN")
    title = find(page, "ĐOÀN TNCS HỒ CHÍ MINH")
    place_date = find(page, "Kon Tum, ngày 08 tháng 01 năm 2025")
    # The issuer, the stars and the number in the left column; the title and the date on the right.
    assert centre(issuer) == pytest.approx(centre(stars), abs=1) == pytest.approx(centre(number), abs=1)
    assert centre(issuer) < CENTRE < centre(title)
    assert centre(title) == pytest.approx(centre(place_date), abs=1)
    assert issuer["top"] < stars["top"] < number["top"] and title["top"] < place_date["top"]
    assert abs(issuer["top"] - title["top"]) < 2
    assert baseline(page, number) == pytest.approx(baseline(page, place_date), abs=0.5)
    # The title is ruled as long as itself; the issuer has its stars, not a rule.
    rule = rule_under(page, title)
    assert (rule["x0"], rule["x1"]) == (pytest.approx(title["x0"], abs=1), pytest.approx(title["x1"], abs=1))
    with pytest.raises(AssertionError, match="no rule under"):
        rule_under(page, issuer, within=stars["top"] - issuer["bottom"])


def test_the_union_s_pdf_reads_as_the_rules_write_it(union: Path) -> None:
    text = pdf_text(union / "report.pdf")
    for piece in (
        "BCH TỈNH KON TUM",
        "***",
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "Số 01-BC/TĐTN",
        "Kon Tum, ngày 08 tháng 01 năm 2025",
        "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN",
        "- Lưu VP.",
    ):
        assert piece in text, piece
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text and "Số:" not in text


def test_the_union_s_header_in_word(union: Path) -> None:
    document = open_docx(union / "report.docx")
    header = tables(document)[0]
    lines = [
        [[(p.style.name, p.text) for p in cell.paragraphs if p.text] for cell in row.cells]
        for row in header.rows
    ]
    assert lines == [
        [[("Tên cơ quan", "BCH TỈNH KON TUM"), ("Dấu sao", "***")], [("Tiêu đề", "ĐOÀN TNCS HỒ CHÍ MINH")]],
        [
            [("Số, ký hiệu", "Số 01-BC/TĐTN")],
            [("Địa danh, ngày tháng", "Kon Tum, ngày 08 tháng 01 năm 2025")],
        ],
    ]
    title = header.rows[0].cells[1].paragraphs[0]
    assert border(title) is not None and border(title).get(qn("w:val")) == "single"
    assert document.styles["Tiêu đề"].font.bold is True
    signature = [p.text for table in tables(document)[1:] for cell in table._cells for p in cell.paragraphs]
    assert "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN" in signature and "- Lưu VP." in signature


# --- every set of rules, every line overridden ------------------------------------------------

FILE = """\
phien_ban: 2
to_chuc:
  ten: {name}
  ten_viet_tat: TU
  co_quan_cap_tren: Đảng bộ tỉnh Kon Tum
  dia_danh: Kon Tum
nam: 2024
hoi_nghi:
  ngay: 10/01/2025
  ten: Hội nghị tổng kết năm 2024
bao_cao:
  so: 12
  ky_hieu: {symbol}
  nguoi_ky:
    quyen_han: TM. Ban Thường vụ
    chuc_vu: BÍ THƯ
    ho_ten: Nguyễn Văn A
"""


def header_of(tmp_path: Path, text: str) -> str:
    """The report's header block and signature, as the HTML prints them."""
    source = write_yaml(tmp_path, text)
    out = tmp_path / "out"
    reportgen.build([source], out=out, fmt=reportgen.Format.HTML)
    page = (out / source.stem / "report.html").read_text(encoding="utf-8")
    start, end = page.index("<header>"), page.index("</header>")
    closing = page[page.index('<footer class="ending">') : page.index("</footer>")]
    return page[start:end] + closing


def test_the_party_s_rules(tmp_path: Path) -> None:
    header = header_of(
        tmp_path, FILE.format(name="Tỉnh ủy Kon Tum", symbol="BC/TU") + "the_thuc:\n  mau: dang\n"
    )
    assert '<div class="parent">ĐẢNG BỘ TỈNH KON TUM</div>' in header
    assert '<div class="org">TỈNH ỦY KON TUM</div>\n<div class="stars">*</div>' in header
    assert '<div class="title"><span>ĐẢNG CỘNG SẢN VIỆT NAM</span></div>' in header
    assert '<td class="number">Số 12-BC/TU</td>' in header
    assert '<div class="authority">T/M BAN THƯỜNG VỤ</div>' in header
    assert "<div>- Lưu Văn phòng.</div>" in header


def test_the_farmers_association_s_rules(tmp_path: Path) -> None:
    text = FILE.format(name="Hội Nông dân huyện Na Rì", symbol="BC/HND")
    header = header_of(
        tmp_path, text.replace("Đảng bộ tỉnh Kon Tum", '""') + "the_thuc:\n  mau: hoi_nong_dan\n"
    )
    assert '<div class="title-left">HỘI NÔNG DÂN VIỆT NAM</div>' in header
    assert '<div class="org">HỘI NÔNG DÂN HUYỆN NA RÌ</div>\n<div class="stars">*</div>' in header
    assert '<td class="motto">\n</td>' in header  # nothing on the right but the date below
    assert '<td class="number">Số 12-BC/HND</td>' in header


def test_a_youth_union_name_without_rules_gets_the_union_s(tmp_path: Path) -> None:
    header = header_of(tmp_path, FILE.format(name="Huyện đoàn Na Rì", symbol="BC/HĐTN"))
    assert '<div class="title"><span>ĐOÀN TNCS HỒ CHÍ MINH</span></div>' in header
    assert '<td class="number">Số 12-BC/HĐTN</td>' in header


def test_an_older_file_keeps_decree_30_whatever_its_name(tmp_path: Path) -> None:
    text = FILE.format(name="Huyện đoàn Na Rì", symbol="BC-HĐTN").replace("phien_ban: 2", "phien_ban: 1")
    header = header_of(tmp_path, text)
    assert '<div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>' in header
    assert '<td class="number">Số: 12/BC-HĐTN</td>' in header


def test_every_line_of_the_header_can_be_given(tmp_path: Path) -> None:
    text = FILE.format(name="Hội Khuyến học tỉnh Kon Tum", symbol="BC-HKH") + (
        "the_thuc:\n"
        "  mau: nghi_dinh_30\n"
        "  cap_tren: Hội Khuyến học Việt Nam\n"
        "  co_quan: Ban Thường vụ Hội Khuyến học tỉnh\n"
        "  tieu_de: QUỐC HIỆU RIÊNG\n"
        "  tieu_ngu: Tiêu ngữ riêng\n"
        "  phan_cach: ba_sao\n"
        '  so_ky_hieu: "Số: {so} / {ky_hieu}"\n'
        '  dia_danh_ngay: "{dia_danh}, {ngay}/{thang}/{nam}"\n'
        "  thay_mat: T.M.\n"
        "  ky_thay: K.T.\n"
        "  luu: Lưu văn thư.\n"
    )
    header = header_of(tmp_path, text)
    assert '<div class="parent">HỘI KHUYẾN HỌC VIỆT NAM</div>' in header
    assert (
        '<div class="org">BAN THƯỜNG VỤ<br>HỘI KHUYẾN HỌC TỈNH</div>\n<div class="stars">***</div>' in header
    )
    assert '<div class="nation">QUỐC HIỆU RIÊNG</div>' in header
    assert '<div class="slogan"><span>Tiêu ngữ riêng</span></div>' in header
    assert '<td class="number">Số: 12 / BC-HKH</td>' in header
    assert '<td class="place-date">Kon Tum, 10/01/2025</td>' in header
    assert '<div class="authority">T.M. BAN THƯỜNG VỤ</div>' in header
    assert "<div>- Lưu văn thư.</div>" in header


def test_lines_given_empty_print_nothing(tmp_path: Path) -> None:
    text = FILE.format(name="Hội Khuyến học tỉnh Kon Tum", symbol="BC-HKH") + (
        'the_thuc:\n  cap_tren: ""\n  tieu_ngu: ""\n  phan_cach: khong\n'
    )
    header = header_of(tmp_path, text)
    assert 'class="parent"' not in header and 'class="stars"' not in header and "ruled-short" not in header
    assert '<div class="title"><span>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span></div>' in header


def test_decree_30_is_what_the_samples_print(tmp_path: Path) -> None:
    data = make(SEED).data
    assert data.the_thuc.mau is not None  # a version-1 file is read with Decree 30 said
    with pytest.raises(ReportgenError) as error:
        make(write_yaml(tmp_path, FILE.format(name="Hội Khuyến học tỉnh Kon Tum", symbol="BC/HKH")))
    assert 'nên dòng số in thành "Số: 12/BC/HKH"' in str(error.value)


def test_an_older_union_file_is_told_how_to_keep_its_header(tmp_path: Path) -> None:
    older = FILE.format(name="Huyện đoàn Na Rì", symbol="BC-HĐTN").replace("phien_ban: 2", "phien_ban: 1")
    notice = upgrade_notice(make(write_yaml(tmp_path, older)).checked)
    assert notice is not None
    assert "thêm dòng `the_thuc: {mau: nghi_dinh_30}` để giữ đầu báo cáo theo Nghị định 30" in notice.message
    upgraded = older.replace("phien_ban: 1", "phien_ban: 2") + "the_thuc: {mau: nghi_dinh_30}\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert header_of(tmp_path / "a", older) == header_of(tmp_path / "b", upgraded)


def test_the_farmers_sample_reads_as_its_rules_write_it(tmp_path: Path) -> None:
    reportgen.build([FARMERS], out=tmp_path, fmt=reportgen.Format.PDF)
    report = tmp_path / FARMERS.stem / "report.pdf"
    text = pdf_text(report)
    assert "HỘI NÔNG DÂN VIỆT NAM BCH TỈNH YÊN BÁI * Số 05-BC/HND Yên Bái, ngày 06 tháng 01 năm 2025" in text
    assert "CỘNG HÒA" not in text and "- Lưu VP." in text
    with open_pdf(report) as pdf:
        page = pdf.pages[0]
        title, issuer, number = (
            find(page, "HỘI NÔNG DÂN VIỆT NAM"),
            find(page, "BCH TỈNH YÊN BÁI"),
            find(page, "Số 05-BC/HND"),
        )
        assert centre(title) == pytest.approx(centre(issuer), abs=1) == pytest.approx(centre(number), abs=1)
        assert title["top"] < issuer["top"] < number["top"] and centre(title) < CENTRE
