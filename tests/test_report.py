"""The formal report read back from its PDF: page, type, header block, sections, closing, metadata.

Measured against Decree 30/2020/NĐ-CP Appendix I as docs/vietnamese.md §4 states it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest

import reportgen
from reportgen import fonts
from tests.conftest import SECOND, SEED
from tests.report_pdf import (
    A4,
    BOTTOM,
    CENTRE,
    LEFT,
    MM,
    RIGHT,
    TOP,
    baseline,
    body_size,
    centre,
    embedded_fonts,
    find,
    find_all,
    lines,
    open_pdf,
    rule_under,
    style,
)

FAMILY = fonts.choose().family.replace(" ", "")
"""The family this machine prints in: Times New Roman where it has a complete one, else Noto Serif."""


@pytest.fixture(scope="module")
def nari(built: Path) -> Iterator[Any]:
    with open_pdf(built / SECOND.stem / "report.pdf") as pdf:
        yield pdf


@pytest.fixture(scope="module")
def backan(built: Path) -> Iterator[Any]:
    with open_pdf(built / SEED.stem / "report.pdf") as pdf:
        yield pdf


def font_kind(match: dict[str, Any]) -> tuple[bool, bool, float]:
    """Bold, italic and size of a match, from its font's name."""
    name, size = style(match)
    assert name.startswith(FAMILY), name
    return "Bold" in name, "Italic" in name, size


# --- page and type ----------------------------------------------------------------------------


@pytest.mark.parametrize("sample", [SEED, SECOND])
def test_every_page_is_a4(built: Path, sample: Path) -> None:
    with open_pdf(built / sample.stem / "report.pdf") as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            assert (round(page.width, 1), round(page.height, 1)) == (round(A4[0], 1), round(A4[1], 1))


@pytest.mark.parametrize("sample", [SEED, SECOND])
def test_text_keeps_the_decree_s_margins(built: Path, sample: Path) -> None:
    with open_pdf(built / sample.stem / "report.pdf") as pdf:
        for page in pdf.pages:
            body = [c for c in page.chars if c["text"].strip() and c["top"] >= TOP - 0.5]
            assert min(c["x0"] for c in body) >= LEFT - 0.5
            # Justification places glyphs at fractional positions that some fonts (Liberation
            # Serif) overshoot by up to two thirds of a point: a quarter of a millimetre, unseen.
            assert max(c["x1"] for c in body) <= RIGHT + 1
            assert max(c["bottom"] for c in body) <= BOTTOM + 0.5
            # Only the page number stands in the top margin.
            assert {c["text"] for c in page.chars if c["top"] < TOP - 0.5} <= set("0123456789")
        # Justified lines fill the text block from edge to edge: 30 mm on the left, 15 mm on the right.
        edges = [(line["x0"], line["x1"]) for page in pdf.pages for line in lines(page)]
        assert any(abs(x0 - LEFT) < 0.5 for x0, _ in edges)
        assert any(abs(x1 - RIGHT) < 0.5 for _, x1 in edges)


def test_the_body_is_14_pt_justified_with_a_1_cm_indent(nari: Any) -> None:
    assert body_size(nari) == 14
    [(_, opening)] = find_all(nari, "Năm 2023, các cấp Hội Nông dân huyện")
    assert font_kind(opening) == (False, False, 14)
    assert opening["x0"] == pytest.approx(LEFT + 10 * MM, abs=0.5)


@pytest.mark.parametrize("sample", [SEED, SECOND])
def test_one_family_embedded_for_all_the_text(built: Path, sample: Path) -> None:
    path = built / sample.stem / "report.pdf"
    names = embedded_fonts(path)
    assert names and all(name.startswith(FAMILY) for name in names), names
    with open_pdf(path) as pdf:
        used = {c["fontname"].split("+", 1)[-1] for page in pdf.pages for c in page.chars}
    assert used <= names


# --- page numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize("sample", [SEED, SECOND])
def test_page_numbers_are_centred_in_the_top_margin_from_page_2(built: Path, sample: Path) -> None:
    with open_pdf(built / sample.stem / "report.pdf") as pdf:
        assert [c for c in pdf.pages[0].chars if c["top"] < TOP] == []
        for page in pdf.pages[1:]:
            number = [c for c in page.chars if c["top"] < TOP]
            assert "".join(c["text"] for c in number) == str(page.page_number)
            assert (number[0]["x0"] + number[-1]["x1"]) / 2 == pytest.approx(CENTRE, abs=1)
            assert {round(c["size"], 1) for c in number} == {13}
            assert number[0]["bottom"] < TOP - 3 * MM


# --- header block -----------------------------------------------------------------------------


def test_the_header_block_is_laid_out_as_the_decree_shows(nari: Any) -> None:
    page = nari.pages[0]
    parent = find(page, "HỘI NÔNG DÂN TỈNH BẮC KẠN")
    org = find(page, "HỘI NÔNG DÂN HUYỆN NA RÌ")
    number = find(page, "Số: 38/BC-HND")
    nation = find(page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = find(page, "Độc lập - Tự do - Hạnh phúc")
    place_date = find(page, "Na Rì, ngày 15 tháng 12 năm 2023")

    assert font_kind(parent) == (False, False, 12.5)
    assert font_kind(org) == (True, False, 13)
    assert font_kind(number) == (False, False, 13)
    assert font_kind(nation) == (True, False, 12.5)
    assert font_kind(motto) == (True, False, 13.5)
    assert font_kind(place_date) == (False, True, 14)

    # Two columns: the issuer, the number under it, on the left; the Quốc hiệu on the right.
    assert centre(parent) == pytest.approx(centre(org), abs=1) == pytest.approx(centre(number), abs=1)
    assert centre(nation) == pytest.approx(centre(motto), abs=1) == pytest.approx(centre(place_date), abs=1)
    assert org["x1"] < nation["x0"] and centre(org) < CENTRE < centre(nation)
    assert parent["top"] < org["top"] < number["top"]
    assert nation["top"] < motto["top"] < place_date["top"]
    assert abs(parent["top"] - nation["top"]) < 2
    # The number and the place and date stand on one line.
    assert baseline(page, number) == pytest.approx(baseline(page, place_date), abs=0.5)

    # Under the issuer a short rule, 1/3 to 1/2 of its line, centred; under the Tiêu ngữ a full one.
    short = rule_under(page, org)
    assert (org["x1"] - org["x0"]) / 3 <= short["x1"] - short["x0"] <= (org["x1"] - org["x0"]) / 2
    assert (short["x0"] + short["x1"]) / 2 == pytest.approx(centre(org), abs=0.5)
    full = rule_under(page, motto)
    assert (full["x0"], full["x1"]) == (pytest.approx(motto["x0"], abs=1), pytest.approx(motto["x1"], abs=1))
    assert short["top"] < number["top"] and full["top"] < place_date["top"]


def test_the_title_and_subject_are_centred_with_a_short_rule(nari: Any) -> None:
    page = nari.pages[0]
    kind = find(page, "BÁO CÁO")
    first = find(page, "Tổng kết công tác năm 2023 và")
    second = find(page, "phương hướng, nhiệm vụ năm 2024")
    for match in (kind, first, second):
        assert font_kind(match) == (True, False, 14)
        assert centre(match) == pytest.approx(CENTRE, abs=1)
    assert kind["top"] < first["top"] < second["top"]
    rule = rule_under(page, second)
    longest = max(m["x1"] - m["x0"] for m in (first, second))
    assert longest / 3 <= rule["x1"] - rule["x0"] <= longest / 2
    assert (rule["x0"] + rule["x1"]) / 2 == pytest.approx(CENTRE, abs=1)


def test_the_seed_s_header_breaks_a_long_name_and_title_at_their_joints(backan: Any) -> None:
    page = backan.pages[0]
    text = [line["text"] for line in lines(page)[:6]]
    assert text[:3] == [
        "HỘI KHUYẾN HỌC VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "HỘI KHUYẾN HỌC Độc lập - Tự do - Hạnh phúc",
        "TỈNH BẮC KẠN",
    ]
    for piece in ("Số: 05/BC-HKH", "Bắc Kạn, ngày 20 tháng 01 năm 2021", "BÁO CÁO"):
        find(page, piece)
    # Three lines broken after a comma and after "và", rather than two that tear "xã hội" apart.
    assert [line["text"] for line in lines(page)[5:8]] == [
        "Tổng kết công tác khuyến học, khuyến tài,",
        "xây dựng xã hội học tập năm 2020 và",
        "phương hướng, nhiệm vụ năm 2021",
    ]


# --- body -------------------------------------------------------------------------------------


SECTIONS = [
    "I. KẾT QUẢ CÔNG TÁC NĂM 2023",
    "1. Xây dựng tổ chức Hội",
    "2. Phong trào sản xuất, kinh doanh giỏi",
    "3. Hỗ trợ vốn cho nông dân",
    "4. Đánh giá chung",
    "5. Công tác thi đua, khen thưởng",
    "II. TỒN TẠI, HẠN CHẾ",
    "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024",
]


def test_sections_are_roman_and_subsections_arabic_in_bold_at_the_indent(nari: Any) -> None:
    found = [
        (page.page_number, line) for page in nari.pages for line in lines(page) if line["text"] in SECTIONS
    ]
    assert [line["text"] for _, line in found] == SECTIONS
    for _, line in found:
        assert font_kind(line) == (True, False, 14)
        assert line["x0"] == pytest.approx(LEFT + 10 * MM, abs=0.5)


def test_indicator_tables_carry_every_comparison_column(nari: Any) -> None:
    page = nari.pages[0]
    rows = [line["text"] for line in lines(page)]
    # The header cells, read line by line across the row: the two years, the change, the target.
    start = rows.index("TT Chỉ tiêu ĐVT")
    assert rows[start - 1 : start + 2] == [
        "Năm Năm So với Kế Đạt kế",
        "TT Chỉ tiêu ĐVT",
        "2022 2023 năm 2022 hoạch hoạch",
    ]
    assert "1 Tổng số hội viên người 12.105 12.486 tăng 3,1% 12.400 100,7%" in rows
    assert "2 Kết nạp hội viên mới người 295 381 tăng 29,2% 300 127%" in rows
    assert "3 Số chi hội chi hội 184 186 tăng 1,1%" in rows


def test_the_seed_s_tables_show_only_the_year_it_has(backan: Any) -> None:
    rows = [line["text"] for line in lines(backan.pages[0])]
    assert "TT Chỉ tiêu ĐVT Năm 2020" in rows
    assert "1 Hộ gia đình đạt danh hiệu Gia đình học tập hộ 63.979" in rows
    assert "3 Tổng số tiền học bổng, khen thưởng triệu đồng 319,7" in rows


# --- closing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "recipients", "name"),
    [
        (
            SECOND,
            ["- Hội Nông dân tỉnh;", "- Cơ sở Hội các xã, thị trấn;", "- Lưu: VT."],
            "Hoàng Văn Phúc",
        ),
        (
            SEED,
            ["- Trung ương Hội Khuyến học Việt Nam;", "- Hội Khuyến học các huyện, thành phố;", "- Lưu: VT."],
            "Nguyễn Văn An",
        ),
    ],
)
def test_the_signature_and_the_recipients_close_the_report(
    built: Path, sample: Path, recipients: list[str], name: str
) -> None:
    with open_pdf(built / sample.stem / "report.pdf") as pdf:
        page = pdf.pages[-1]
        label = find(page, "Nơi nhận:")
        authority = find(page, "TM. BAN THƯỜNG VỤ")
        post = find(page, "CHỦ TỊCH")
        signer = find(page, name)
        assert font_kind(label) == (True, True, 12)
        for match in (authority, post, signer):
            assert font_kind(match) == (True, False, 14)
            assert centre(match) > CENTRE
        assert label["x0"] == pytest.approx(LEFT, abs=0.5)
        # "Nơi nhận:" at the height of the signer's post; room for the signature and the seal.
        assert baseline(page, label) == pytest.approx(baseline(page, post), abs=1)
        assert signer["top"] - post["bottom"] >= 25 * MM
        listed = [line for line in lines(page) if line["top"] > label["top"] and line["x1"] < CENTRE]
        assert [line["text"] for line in listed if line["text"] in recipients] == recipients
        assert listed[-1]["text"] == "- Lưu: VT."
        assert all(font_kind(line)[2] == 11 for line in listed)
        # Never alone on its page: the body's text stands above it.
        assert any(
            round(line["chars"][0]["size"], 1) == 14
            for line in lines(page)
            if line["bottom"] < authority["top"]
        )


# --- metadata and archival output -------------------------------------------------------------


def test_the_pdf_is_titled_authored_dated_and_in_vietnamese(built: Path) -> None:
    reader = pypdf.PdfReader(built / SECOND.stem / "report.pdf")
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Báo cáo tổng kết công tác năm 2023 và phương hướng, nhiệm vụ năm 2024"
    assert meta.author == "Hội Nông dân huyện Na Rì"
    assert meta.subject == "Số: 38/BC-HND — Tổng kết công tác năm 2023 và phương hướng, nhiệm vụ năm 2024"
    assert meta.creation_date is not None and meta.modification_date is not None
    assert reader.trailer["/Root"]["/Lang"] == "vi"


def test_source_date_epoch_fixes_the_pdf_s_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1702598400")  # 15/12/2023 00:00 UTC
    reportgen.build([SECOND], out=tmp_path, fmt=reportgen.Format.PDF)
    meta = pypdf.PdfReader(tmp_path / SECOND.stem / "report.pdf").metadata
    assert meta is not None and meta.creation_date is not None
    assert meta.creation_date.isoformat() == "2023-12-15T00:00:00+00:00"


def test_archival_output_is_tagged_pdf_a_3b(tmp_path: Path, built: Path) -> None:
    written = reportgen.build([SECOND], out=tmp_path, fmt=reportgen.Format.PDF, archival=True)
    path = tmp_path / SECOND.stem / "report.pdf"
    assert path in written
    reader = pypdf.PdfReader(path)
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert "<dc:creator><rdf:Seq><rdf:li>Hội Nông dân huyện Na Rì</rdf:li></rdf:Seq></dc:creator>" in xmp
    assert root["/OutputIntents"][0]["/S"] == "/GTS_PDFA1"
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert all(name.startswith(FAMILY) for name in embedded_fonts(path))
    # The same pages as the ordinary print.
    ordinary = pypdf.PdfReader(built / SECOND.stem / "report.pdf")
    assert [p.extract_text() for p in reader.pages] == [p.extract_text() for p in ordinary.pages]
