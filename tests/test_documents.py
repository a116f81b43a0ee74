"""What a document says besides its figures, in the four samples that say it, word for word.

``inputs/khuyen-hoc-quang-nam-2021.yaml``: a conference "Sáng 23-12" with its place, a guest
named by post only and the attendance, the association called "Hội" after its first mention,
a dateline with the time, comparisons with 2019, attainments typed without a target, a
preamble, headings of the document's own, numbered points, and awards received, given (with
counts) and proposed, listed by giver in the report. ``inputs/phu-nu-dong-son-6-thang-2024.yaml``:
a half-year review without a conference, the name with its abbreviation and province, "Hội LHPN
huyện" after, a dateline with the weekday and time, a report not dated yet.
``inputs/nong-dan-cai-be-nhiem-ky-2018-2023.yaml``: a congress's report on its term.
``inputs/khuyen-hoc-nam-mau-2020-2024.yaml``: five years and an anniversary, a conference
convened by the commune, an article of the same day, awards listed in the article.

Each phrase is looked for in the plain-text article, the article's PDF and the report's PDF,
wherever the document has it; the Word copies are read back for the new structures.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import reportgen
from tests.conftest import INPUTS, pdf_text
from tests.printed import prose_of
from tests.report_pdf import LEFT, RIGHT, lines, open_pdf
from tests.word_docx import body_paragraphs, cell_texts, normal, open_docx, tables, text_of

QUANG_NAM = INPUTS / "khuyen-hoc-quang-nam-2021.yaml"
DONG_SON = INPUTS / "phu-nu-dong-son-6-thang-2024.yaml"
CAI_BE = INPUTS / "nong-dan-cai-be-nhiem-ky-2018-2023.yaml"
NAM_MAU = INPUTS / "khuyen-hoc-nam-mau-2020-2024.yaml"
ARTICLE = ("article.txt", "article.pdf", "article.docx")
REPORT = ("report.pdf", "report.docx")
EVERYWHERE = ARTICLE + REPORT


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("documents")
    reportgen.build([QUANG_NAM, DONG_SON, CAI_BE, NAM_MAU], out=folder)
    return folder


def text(out: Path, sample: Path, name: str) -> str:
    """An output's text as a reader reads it: spaces collapsed, a PDF without its page numbers."""
    path = out / sample.stem / name
    return text_of(open_docx(path)) if path.suffix == ".docx" else prose_of(path)


def said(out: Path, sample: Path, phrase: str, where: tuple[str, ...]) -> None:
    for name in where:
        assert phrase in text(out, sample, name), f"{phrase!r} not in {name}"


def drawn(out: Path, sample: Path) -> str:
    """The report's PDF in the order it is drawn: a table cell by cell, the header block column by column."""
    return pdf_text(out / sample.stem / "report.pdf")


def header(out: Path, sample: Path) -> str:
    """The report's header block."""
    return drawn(out, sample).split("BÁO CÁO", 1)[0]


# --- the opening sentence -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "phrase"),
    [
        (
            QUANG_NAM,
            "Sáng 23-12, tại Hội trường Văn phòng UBND tỉnh, Hội Khuyến học tỉnh Quảng Nam tổ chức Hội nghị "
            "tổng kết công tác khuyến học, khuyến tài, xây dựng xã hội học tập năm 2021. Dự Hội nghị có đồng "
            "chí Phan Thị Lan - Phó Chủ tịch UBND tỉnh và đại diện lãnh đạo Sở Giáo dục và Đào tạo cùng 160 "
            "đại biểu.",
        ),
        (
            DONG_SON,
            "Vừa qua, Hội Liên hiệp Phụ nữ (LHPN) huyện Đông Sơn, tỉnh Thanh Hóa đã sơ kết công tác 6 tháng "
            "đầu năm 2024.",
        ),
        (
            CAI_BE,
            "Sáng ngày 12/05, tại Trung tâm Văn hóa - Thể thao huyện, Hội Nông dân huyện Cái Bè, tỉnh Tiền "
            "Giang tổ chức Đại hội đại biểu Hội Nông dân huyện Cái Bè lần thứ XI, nhiệm kỳ 2023–2028. Dự Đại "
            "hội có đồng chí Võ Văn Phúc - Phó Bí thư Thường trực Huyện ủy và đại diện Ban Thường vụ "
            "Hội Nông "
            "dân tỉnh Tiền Giang cùng 144 đại biểu đại diện cho 13.945 hội viên trong toàn huyện.",
        ),
        (
            NAM_MAU,
            "Sáng nay (5/12), UBND xã Nam Mẫu tổ chức Hội nghị tổng kết công tác khuyến học giai đoạn "
            "2020–2024 và kỷ niệm 20 năm ngày thành lập Hội Khuyến học xã.",
        ),
    ],
    ids=["day-month-with-place-and-guests", "no-conference", "congress", "today-convened-by-the-commune"],
)
def test_the_first_sentence_reads_as_the_input_chose(out: Path, sample: Path, phrase: str) -> None:
    said(out, sample, phrase, ARTICLE)
    assert phrase.split(",")[0] not in text(out, sample, "report.pdf")  # the lead is the article's


def test_an_article_with_no_conference_invents_no_date_and_the_report_is_left_to_be_dated(out: Path) -> None:
    for name in ARTICLE:
        article = text(out, DONG_SON, name)
        assert "Hội nghị" not in article and "Dịp này" not in article, name
        assert not re.search(r"(Sáng|Chiều|Ngày) \d", article), name
    # The report has no date of its own: its date line is left for the signer to fill in.
    assert "Đông Sơn, ngày tháng năm" in header(out, DONG_SON)
    for name in REPORT:
        assert "Số: 27/BC-HLHPN Đông Sơn, ngày tháng năm BÁO CÁO" in text(out, DONG_SON, name), name
        assert not re.search(r"ngày \d+ tháng \d+ năm \d{4}", text(out, DONG_SON, name)), name


def test_the_association_is_named_again_by_its_short_name_in_the_article_only(out: Path) -> None:
    said(
        out,
        QUANG_NAM,
        "Chủ tịch UBND tỉnh tặng Bằng khen cho Hội Khuyến học huyện Đại Lộc; Hội xét tặng",
        ARTICLE,
    )
    said(
        out,
        DONG_SON,
        "Trong 6 tháng đầu năm, Hội LHPN huyện đã được Ban Thường vụ Hội Liên hiệp Phụ nữ",
        ARTICLE,
    )
    # The report's header and its own sentences name the association in full.
    assert "HỘI KHUYẾN HỌC TỈNH QUẢNG NAM" in header(out, QUANG_NAM)
    assert "HỘI LIÊN HIỆP PHỤ NỮ HUYỆN ĐÔNG SƠN" in header(out, DONG_SON)
    assert "(LHPN)" not in header(out, DONG_SON) and "HỘI LHPN" not in header(out, DONG_SON)
    said(
        out,
        QUANG_NAM,
        "Hội Khuyến học tỉnh Quảng Nam xét tặng giấy khen cho 12 cá nhân và 24 tập thể.",
        REPORT,
    )


# --- the dateline -------------------------------------------------------------------------------


def test_the_dateline_has_the_time_and_the_weekday_when_asked(out: Path) -> None:
    said(out, QUANG_NAM, "tổng kết công tác năm 2021 10:12, 23/12/2021 Sáng 23-12", ARTICLE)
    said(out, DONG_SON, "6 tháng đầu năm 2024 Thứ Tư, 10/07/2024 15:41 GMT+7 Vừa qua,", ARTICLE)
    said(out, NAM_MAU, "ngày thành lập Thứ Năm, 05/12/2024 Sáng nay (5/12)", ARTICLE)
    page = (out / QUANG_NAM.stem / "article.html").read_text(encoding="utf-8")
    assert '<time datetime="2021-12-23T10:12:00+07:00">10:12, 23/12/2021</time>' in page
    assert "12/05/2023 Sáng ngày 12/05" in text(out, CAI_BE, "article.txt")  # the date alone by default


# --- awards ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "article", "report"),
    [
        (
            DONG_SON,
            "Huyện hội cũng xét tặng giấy khen cho 12 cá nhân và 24 tập thể;",
            "Huyện hội xét tặng giấy khen cho 12 cá nhân và 24 tập thể.",
        ),
        (
            QUANG_NAM,
            "; Hội xét tặng giấy khen cho 12 cá nhân và 24 tập thể;",
            "Hội Khuyến học tỉnh Quảng Nam xét tặng giấy khen cho 12 cá nhân và 24 tập thể.",
        ),
        (
            DONG_SON,
            "Hội LHPN huyện đề nghị Trung ương Hội Liên hiệp Phụ nữ Việt Nam tặng Bằng khen cho 1 "
            "tập thể và 2 "
            "cá nhân./.",
            "Đề nghị Trung ương Hội Liên hiệp Phụ nữ Việt Nam tặng Bằng khen cho 1 tập thể và 2 cá nhân.",
        ),
    ],
    ids=["given-with-counts", "given-by-the-association", "proposed"],
)
def test_awards_given_received_and_proposed(out: Path, sample: Path, article: str, report: str) -> None:
    said(out, sample, article, ARTICLE)
    said(out, sample, report, REPORT)


def test_a_giver_s_awards_are_a_list_where_the_input_asks(out: Path) -> None:
    items = (
        "Giấy khen cho Hội Khuyến học xã vì có thành tích xuất sắc trong công tác khuyến học giai đoạn "
        "2020–2024; {mark}Giấy khen cho 4 cá nhân. Hội Khuyến học xã tặng Giấy khen cho 10 gia đình./."
    )
    said(out, NAM_MAU, "Dịp này, UBND huyện Ba Bể tặng: - " + items.format(mark="- "), ("article.txt",))
    said(out, NAM_MAU, "Dịp này, UBND huyện Ba Bể tặng: • " + items.format(mark="• "), ("article.pdf",))
    # Not in the report, which this sample keeps in sentences.
    said(
        out,
        NAM_MAU,
        "UBND huyện Ba Bể tặng Giấy khen cho Hội Khuyến học xã Nam Mẫu vì có thành tích xuất sắc trong công "
        "tác khuyến học giai đoạn 2020–2024 và Giấy khen cho 4 cá nhân.",
        REPORT,
    )


def test_a_giver_s_awards_are_told_together_and_listed_in_the_report(out: Path) -> None:
    said(
        out,
        QUANG_NAM,
        "Dịp này, Trung ương Hội Khuyến học Việt Nam tặng Cờ thi đua cho Hội vì dẫn đầu phong trào thi đua "
        "khuyến học, khuyến tài năm 2021 và Bằng khen cho 3 tập thể và 5 cá nhân; Chủ tịch UBND tỉnh tặng",
        ARTICLE,
    )
    said(
        out,
        QUANG_NAM,
        "4. Công tác thi đua, khen thưởng Trung ương Hội Khuyến học Việt Nam tặng: - Cờ thi đua cho Hội "
        "Khuyến học tỉnh Quảng Nam vì dẫn đầu phong trào thi đua khuyến học, khuyến tài năm 2021; - Bằng "
        "khen cho 3 tập thể và 5 cá nhân. Hội Khuyến học huyện Đại Lộc được Chủ tịch UBND tỉnh tặng Bằng "
        "khen.",
        REPORT,
    )
    for sample in (QUANG_NAM, DONG_SON, CAI_BE, NAM_MAU):
        assert (
            text(out, sample, "article.txt").count("cũng tặng")
            + text(out, sample, "article.txt").count("cũng xét tặng")
            <= 1
        )


def test_the_givers_go_from_the_central_bodies_down_and_proposals_last(out: Path) -> None:
    article = text(out, QUANG_NAM, "article.txt")
    order = [
        "Trung ương Hội Khuyến học Việt Nam tặng",
        "Chủ tịch UBND tỉnh tặng",
        "Hội xét tặng",
        "Hội đề nghị",
    ]
    assert [article.index(giver) for giver in order] == sorted(article.index(giver) for giver in order)


# --- comparisons and attainment -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "phrase"),
    [
        (QUANG_NAM, "Toàn tỉnh có 412.560 hội viên, tăng 14.346 người (3,6%) so với năm 2019"),
        (QUANG_NAM, "Trong năm đã trao 5.052 suất học bổng, đạt 421% kế hoạch cho học sinh"),
        (QUANG_NAM, "triển khai mô hình Công dân học tập, vượt chỉ tiêu giao."),
        (CAI_BE, "tỷ lệ hộ hội viên nghèo giảm từ 5% (năm 2018) xuống còn 3,04% (năm 2022)"),
        (
            CAI_BE,
            "6.215 hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp, tăng 1.345 hộ (27,6%) so với đầu ",
        ),
        (CAI_BE, "so với đầu nhiệm kỳ, vượt 3,6% chỉ tiêu nhiệm kỳ"),
        (
            DONG_SON,
            "kết nạp 312 hội viên mới, tăng 25 người (8,7%) so với cùng kỳ năm 2023, đạt 56,7% kế hoạch năm",
        ),
        (NAM_MAU, "Quỹ Khuyến học của xã 186 triệu đồng, tăng 91 triệu đồng (95,8%) so với năm 2020"),
    ],
)
def test_comparisons_follow_the_period_and_attainments_print_as_typed(
    out: Path, sample: Path, phrase: str
) -> None:
    said(out, sample, phrase, EVERYWHERE)


def test_the_tables_columns_follow_the_period(out: Path) -> None:
    assert "TT Chỉ tiêu ĐVT Năm 2019 Năm 2021 So với năm 2019" in drawn(out, QUANG_NAM)
    assert "3 Xã, phường, thị trấn có mô hình Công dân học tập xã 58 Vượt" in drawn(out, QUANG_NAM)
    assert "2 Học bổng đã trao suất 5.052 421%" in drawn(out, QUANG_NAM)
    assert (
        "TT Chỉ tiêu ĐVT 6 tháng đầu năm 2023 6 tháng đầu năm 2024 So với cùng kỳ Kế hoạch năm Đạt "
        "kế hoạch năm"
    ) in drawn(out, DONG_SON)
    assert "Năm 2018 Năm 2022 So với đầu nhiệm kỳ Chỉ tiêu nhiệm kỳ Đạt chỉ tiêu nhiệm kỳ" in drawn(
        out, CAI_BE
    )
    # The Word copies' tables have the same columns and cells.
    head = ["TT", "Chỉ tiêu", "ĐVT"]
    word_tables = [cell_texts(table) for table in tables(open_docx(out / QUANG_NAM.stem / "report.docx"))]
    assert word_tables[2] == [
        [*head, "Năm 2019", "Năm 2021", "So với năm 2019", "Kế hoạch", "Đạt kế hoạch"],
        ["1", "Gia đình học tập", "gia đình", "204.118", "215.430", "tăng 5,5%", "210.000", "102,6%"],
        ["2", "Dòng họ học tập", "dòng họ", "1.790", "1.862", "tăng 4%", "1.800", "103,4%"],
        ["3", "Xã, phường, thị trấn có mô hình Công dân học tập", "xã", "", "58", "", "", "Vượt"],
    ]
    for sample, columns in (
        (
            DONG_SON,
            [
                "6 tháng đầu năm 2023",
                "6 tháng đầu năm 2024",
                "So với cùng kỳ",
                "Kế hoạch năm",
                "Đạt kế hoạch năm",
            ],
        ),
        (
            CAI_BE,
            ["Năm 2018", "Năm 2022", "So với đầu nhiệm kỳ", "Chỉ tiêu nhiệm kỳ", "Đạt chỉ tiêu nhiệm kỳ"],
        ),
    ):
        found = [cell_texts(table)[0] for table in tables(open_docx(out / sample.stem / "report.docx"))]
        assert [*head, *columns] in found, sample.name


# --- periods, headings, preamble, points ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "phrases"),
    [
        (
            DONG_SON,
            [
                "BÁO CÁO Sơ kết công tác 6 tháng đầu năm 2024 và phương hướng, nhiệm vụ 6 tháng cuối "
                "năm 2024",
                "I. KẾT QUẢ CÔNG TÁC 6 THÁNG ĐẦU NĂM 2024",
                "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024",
                "Các chỉ tiêu chủ yếu 6 tháng cuối năm 2024: - Kết nạp thêm 240 hội viên mới;",
                "Biểu đồ: Một số chỉ tiêu chủ yếu 6 tháng đầu năm 2024 so với cùng kỳ năm 2023 và kế "
                "hoạch năm",
            ],
        ),
        (
            CAI_BE,
            [
                "BÁO CÁO Tổng kết nhiệm kỳ 2018–2023 và phương hướng, nhiệm vụ nhiệm kỳ 2023–2028",
                "I. KẾT QUẢ CÔNG TÁC NHIỆM KỲ 2018–2023",
                "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2023–2028 1. Mục tiêu",
                "2. Nhiệm vụ, giải pháp chủ yếu - đổi mới nội dung, phương thức hoạt động của Hội",
            ],
        ),
        (
            NAM_MAU,
            [
                "BÁO CÁO Tổng kết công tác giai đoạn 2020–2024, kỷ niệm 20 năm ngày thành lập và "
                "phương hướng, "
                "nhiệm vụ giai đoạn 2025–2029",
                "I. KẾT QUẢ CÔNG TÁC GIAI ĐOẠN 2020–2024",
                "III. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN 2025–2029",
            ],
        ),
    ],
)
def test_the_report_names_its_period(out: Path, sample: Path, phrases: list[str]) -> None:
    for phrase in phrases:
        said(out, sample, phrase, REPORT)


def test_the_headline_names_the_period_and_the_anniversary(out: Path) -> None:
    page = (out / NAM_MAU.stem / "article.html").read_text(encoding="utf-8")
    # The span of years is never split at its dash, in a phone's narrow headline as anywhere else.
    assert (
        '<h1>Hội Khuyến học xã Nam Mẫu tổng kết công tác giai đoạn <span class="nowrap">2020–2024</span>'
        in page
    )
    said(
        out,
        NAM_MAU,
        "Hội Khuyến học xã Nam Mẫu tổng kết công tác giai đoạn 2020–2024 và kỷ niệm 20 năm ngày thành lập",
        ARTICLE,
    )
    said(out, CAI_BE, "Các chỉ tiêu chủ yếu nhiệm kỳ 2023–2028: phát triển lên 15.000 hội viên", ARTICLE)


def test_the_report_has_its_preamble_headings_and_numbered_points(out: Path) -> None:
    report = text(out, QUANG_NAM, "report.pdf")
    assert (
        "BÁO CÁO Tổng kết công tác năm 2021 và phương hướng, nhiệm vụ năm 2022 Thực hiện Chương "
        "trình công tác "
        "năm 2021 của Trung ương Hội Khuyến học Việt Nam"
    ) in report
    assert (
        "báo cáo kết quả công tác năm 2021 và phương hướng, nhiệm vụ năm 2022 như sau: I. KẾT QUẢ HOẠT ĐỘNG"
        in report
    )
    assert (
        "2. Xây dựng các mô hình học tập a) Gia đình học tập, dòng họ học tập - 215.430 gia đình đạt "
        "danh hiệu "
        "Gia đình học tập"
    ) in report
    assert "vượt 3,4% kế hoạch. b) Công dân học tập Mô hình Công dân học tập được mở rộng" in report
    assert "II. ĐÁNH GIÁ CHUNG 1. Ưu điểm" in report
    assert "2. Tồn tại, hạn chế - một số chi hội sinh hoạt chưa đều" in report
    # A table sits in the point that names its group, not in a point of its own.
    assert "1. Củng cố tổ chức Hội Toàn tỉnh có 412.560 hội viên" in report
    assert "Đánh giá chung" not in report
    # The preamble is the report's: the article has none, and its points are subheadings.
    article = text(out, QUANG_NAM, "article.txt")
    assert "Thực hiện Chương trình" not in article
    assert "Xây dựng các mô hình học tập Gia đình học tập, dòng họ học tập - 215.430 gia đình" in article


# --- the header's names and the title, line by line -------------------------------------------------

ISSUER_COLUMN = LEFT + 0.42 * (RIGHT - LEFT)
"""The right edge of the header's left column, where the issuing body stands."""


@pytest.mark.parametrize(
    ("sample", "issuer", "title"),
    [
        (
            CAI_BE,
            ["HỘI NÔNG DÂN", "TỈNH TIỀN GIANG", "HỘI NÔNG DÂN", "HUYỆN CÁI BÈ"],
            ["Tổng kết nhiệm kỳ 2018–2023 và", "phương hướng, nhiệm vụ nhiệm kỳ 2023–2028"],
        ),
        (
            DONG_SON,
            ["HỘI LIÊN HIỆP PHỤ NỮ", "TỈNH THANH HÓA", "HỘI LIÊN HIỆP PHỤ NỮ", "HUYỆN ĐÔNG SƠN"],
            ["Sơ kết công tác 6 tháng đầu năm 2024 và", "phương hướng, nhiệm vụ 6 tháng cuối năm 2024"],
        ),
        (
            NAM_MAU,
            ["HỘI KHUYẾN HỌC HUYỆN BA BỂ", "HỘI KHUYẾN HỌC", "XÃ NAM MẪU"],
            [
                "Tổng kết công tác giai đoạn 2020–2024,",
                "kỷ niệm 20 năm ngày thành lập và",
                "phương hướng, nhiệm vụ giai đoạn 2025–2029",
            ],
        ),
    ],
)
def test_names_and_titles_break_at_their_joints_and_stay_in_their_column(
    out: Path, sample: Path, issuer: list[str], title: list[str]
) -> None:
    with open_pdf(out / sample.stem / "report.pdf") as pdf:
        page = pdf.pages[0]
        # Only what stands wholly inside the left column: a name running over it would lose letters.
        column = [line["text"] for line in lines(page.within_bbox((0, 0, ISSUER_COLUMN, page.height)))]
        assert column[: len(issuer)] == issuer
        texts = [line["text"] for line in lines(page)]
        start = texts.index(title[0])
        assert texts[start : start + len(title)] == title
    document = open_docx(out / sample.stem / "report.docx")
    subtitle = next(p for p in body_paragraphs(document) if p.style.name == "Subtitle")
    assert subtitle.text.split("\n") == title


# --- the Word copies ----------------------------------------------------------------------------


def styled(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, normal(p.text)) for p in body_paragraphs(open_docx(path)) if normal(p.text)]


def test_the_report_s_points_and_dashed_items_come_out_in_word_as_in_the_pdf(out: Path) -> None:
    paragraphs = styled(out / QUANG_NAM.stem / "report.docx")
    start = paragraphs.index(("Heading 2", "2. Xây dựng các mô hình học tập"))
    assert paragraphs[start : start + 5] == [
        ("Heading 2", "2. Xây dựng các mô hình học tập"),
        ("Heading 3", "a) Gia đình học tập, dòng họ học tập"),
        (
            "Normal",
            "- 215.430 gia đình đạt danh hiệu Gia đình học tập, tăng 11.312 gia đình (5,5%) so với năm 2019, "
            "vượt 2,6% kế hoạch;",
        ),
        (
            "Normal",
            "- 1.862 dòng họ đạt danh hiệu Dòng họ học tập, tăng 72 dòng họ (4%) so với năm 2019, "
            "vượt 3,4% kế hoạch.",
        ),
        ("Heading 3", "b) Công dân học tập"),
    ]
    awards = paragraphs.index(("Heading 2", "4. Công tác thi đua, khen thưởng"))
    assert [style for style, _ in paragraphs[awards + 1 : awards + 7]] == ["Normal"] * 6
    assert paragraphs[awards + 1 : awards + 4] == [
        ("Normal", "Trung ương Hội Khuyến học Việt Nam tặng:"),
        (
            "Normal",
            "- Cờ thi đua cho Hội Khuyến học tỉnh Quảng Nam vì dẫn đầu phong trào thi đua khuyến "
            "học, khuyến tài "
            "năm 2021;",
        ),
        ("Normal", "- Bằng khen cho 3 tập thể và 5 cá nhân."),
    ]
    assert ("Heading 1", "I. KẾT QUẢ HOẠT ĐỘNG") in paragraphs
    assert ("Heading 1", "II. ĐÁNH GIÁ CHUNG") in paragraphs


def test_the_article_s_lists_are_word_lists(out: Path) -> None:
    paragraphs = styled(out / NAM_MAU.stem / "article.docx")
    start = paragraphs.index(("Normal", "Dịp này, UBND huyện Ba Bể tặng:"))
    assert paragraphs[start + 1 : start + 4] == [
        (
            "List Bullet",
            "Giấy khen cho Hội Khuyến học xã vì có thành tích xuất sắc trong công tác khuyến học giai đoạn "
            "2020–2024;",
        ),
        ("List Bullet", "Giấy khen cho 4 cá nhân."),
        ("Normal", "Hội Khuyến học xã tặng Giấy khen cho 10 gia đình./."),
    ]
    assert ("Ngày đăng", "Thứ Năm, 05/12/2024") in paragraphs
    points = styled(out / QUANG_NAM.stem / "article.docx")
    assert ("Heading 1", "Xây dựng các mô hình học tập") in points
    assert ("Heading 2", "Gia đình học tập, dòng họ học tập") in points
