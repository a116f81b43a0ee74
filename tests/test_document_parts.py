"""The parts of a document besides its figures, one rule at a time: dates, periods, ranks, names.

The samples show each part in place (``tests/test_documents.py``); here each rule is checked on
its own, including the forms no sample uses, and the version-1 files that must not change.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

import reportgen
from reportgen import awards
from reportgen.schema import KhenThuong
from reportgen.unit import make
from reportgen.validation import upgrade_notice
from reportgen.vi.dates import BLANK, dateline, lead_date, place_date
from reportgen.vi.documents import point_letter
from reportgen.vi.lines import name_lines, title_lines
from reportgen.vi.mentions import first_mention
from reportgen.vi.periods import HALF_YEAR, TERM, YEAR, YEAR_AND_MID_TERM, YEARS, Ky
from reportgen.vi.ranks import rank_of
from tests.conftest import INPUTS, html_text, pdf_text, write_yaml
from tests.printed import prose_of
from tests.test_json_schema import mistakes
from tests.word_docx import open_docx, text_of

NEW_SAMPLES = [
    INPUTS / name
    for name in (
        "khuyen-hoc-quang-nam-2021.yaml",
        "phu-nu-dong-son-6-thang-2024.yaml",
        "nong-dan-cai-be-nhiem-ky-2018-2023.yaml",
        "khuyen-hoc-nam-mau-2020-2024.yaml",
    )
]


# --- dates --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "form", "time_of_day", "expected"),
    [
        ("2021-01-20", "dd/mm/yyyy", "sáng", "Sáng 20/01/2021"),
        ("2019-12-22", "dd.mm", "sáng", "Sáng 22.12"),
        ("2021-12-23", "d-m", "sáng", "Sáng 23-12"),
        ("2021-12-29", "d-m", "", "Ngày 29-12"),
        ("2023-12-05", "nay (d/m)", "sáng", "Sáng nay (5/12)"),
        ("2023-12-12", "ngày dd/mm", "sáng", "Sáng ngày 12/12"),
        ("2024-01-05", "d/m", "tối", "Tối 5/1"),
        ("2024-01-05", "dd-mm-yyyy", "chiều", "Chiều 05-01-2024"),
    ],
)
def test_the_lead_writes_the_date_as_papers_do(day: str, form: str, time_of_day: str, expected: str) -> None:
    assert lead_date(day, form, time_of_day) == expected


def test_a_form_that_mixes_separators_is_not_a_form() -> None:
    with pytest.raises(ValueError, match="not a form"):
        lead_date("2024-01-05", "dd/mm-yyyy")


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("ngay", "18/12/2019"),
        ("gio_ngay", "03:41, 18/12/2019"),
        ("thu_ngay", "Thứ Tư, 18/12/2019"),
        ("thu_ngay_gio", "Thứ Tư, 18/12/2019 03:41 GMT+7"),
    ],
)
def test_the_dateline_reads_as_portals_print_it(form: str, expected: str) -> None:
    assert dateline(datetime.datetime(2019, 12, 18, 3, 41), form) == expected


def test_a_report_not_dated_yet_leaves_its_date_blank() -> None:
    assert place_date(None, "Đông Sơn") == f"Đông Sơn, ngày {BLANK} tháng {BLANK} năm {BLANK}"


# --- periods ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "name", "next_name", "subject", "compared"),
    [
        (
            Ky(YEAR, 2023),
            "năm 2023",
            "năm 2024",
            "Tổng kết công tác năm 2023 và phương hướng, nhiệm vụ năm 2024",
            "năm 2022",
        ),
        (
            Ky(HALF_YEAR, 2024),
            "6 tháng đầu năm 2024",
            "6 tháng cuối năm 2024",
            "Sơ kết công tác 6 tháng đầu năm 2024 và phương hướng, nhiệm vụ 6 tháng cuối năm 2024",
            "cùng kỳ năm 2023",
        ),
        (
            Ky(YEAR_AND_MID_TERM, 2023, 2021, 2026),
            "năm 2023 và giữa nhiệm kỳ 2021–2026",
            "năm 2024",
            "Tổng kết công tác năm 2023, sơ kết giữa nhiệm kỳ 2021–2026 và phương hướng, nhiệm vụ năm 2024",
            "năm 2022",
        ),
        (
            Ky(TERM, 2020, 2016, 2021),
            "nhiệm kỳ 2016–2021",
            "nhiệm kỳ 2021–2026",
            "Tổng kết nhiệm kỳ 2016–2021 và phương hướng, nhiệm vụ nhiệm kỳ 2021–2026",
            "đầu nhiệm kỳ",
        ),
        (
            Ky(YEARS, 2024, 2020, nam_thanh_lap=2004),
            "giai đoạn 2020–2024",
            "giai đoạn 2025–2029",
            "Tổng kết công tác giai đoạn 2020–2024, kỷ niệm 20 năm ngày thành lập và phương hướng, nhiệm vụ "
            "giai đoạn 2025–2029",
            "năm 2020",
        ),
        (
            Ky(YEAR, 2021, so_voi_nam=2019),
            "năm 2021",
            "năm 2022",
            "Tổng kết công tác năm 2021 và phương hướng, nhiệm vụ năm 2022",
            "năm 2019",
        ),
    ],
)
def test_each_period_names_itself_what_follows_it_and_what_it_is_compared_with(
    period: Ky, name: str, next_name: str, subject: str, compared: str
) -> None:
    assert (period.ten, period.ten_sau, period.trich_yeu, period.so_voi()) == (
        name,
        next_name,
        subject,
        compared,
    )


def test_a_term_s_figures_may_move_more_than_a_year_s() -> None:
    assert Ky(TERM, 2022, 2018, 2023).years_between() == 4
    assert Ky(YEAR, 2021, so_voi_nam=2019).years_between() == 2
    assert Ky(HALF_YEAR, 2024).years_between() == 1


# --- names and ranks -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("giver", "rank"),
    [
        ("Thủ tướng Chính phủ", 0),
        ("Ban Chấp hành Trung ương Đoàn", 0),
        ("Hội Liên hiệp Phụ nữ Việt Nam", 0),
        ("Bộ Giáo dục và Đào tạo", 0),
        ("Tỉnh hội", 1),
        ("Ban Thường vụ Tỉnh đoàn", 1),
        ("UBND thành phố Hồ Chí Minh", 1),
        ("Huyện hội", 2),
        ("LĐLĐ thành phố Bắc Kạn", 2),
        ("UBND thị xã Sa Pa", 2),
        ("Đảng ủy thị trấn Yến Lạc", 3),
        ("Ngân hàng Chính sách xã hội", None),
    ],
)
def test_a_giver_s_rank_is_read_from_its_name(giver: str, rank: int | None) -> None:
    assert rank_of(giver) == rank


def test_awards_are_grouped_by_giver_highest_first_and_a_rank_given_wins() -> None:
    listed = [
        KhenThuong(kieu="tang", hinh_thuc="Giấy khen", so_luong={"tập thể": "24"}),
        KhenThuong(kieu="de_nghi", noi_tang="Tỉnh hội", hinh_thuc="Bằng khen", so_luong={"cá nhân": "2"}),
        KhenThuong(noi_tang="Ban Dân vận Huyện ủy", hinh_thuc="Giấy khen"),
        KhenThuong(noi_tang="Trung ương Hội", hinh_thuc="Cờ thi đua"),
        KhenThuong(noi_tang="Ban Dân vận", hinh_thuc="Giấy khen", cap="tinh"),
        KhenThuong(noi_tang="Trung ương Hội", hinh_thuc="Bằng khen", don_vi_nhan="Chi hội A"),
    ]
    grouped = awards.groups(listed, "Hội Nông dân huyện Cái Bè")
    assert [(group.kieu.value, group.noi_tang, len(group.cac_khen)) for group in grouped] == [
        ("nhan", "Trung ương Hội", 2),
        ("nhan", "Ban Dân vận", 1),
        ("tang", "", 1),
        ("nhan", "Ban Dân vận Huyện ủy", 1),
        ("de_nghi", "Tỉnh hội", 1),
    ]
    assert grouped[0].nguoi_nhan is None  # to the association, and to a branch: no one subject
    assert grouped[1].nguoi_nhan == ""  # to the association itself


@pytest.mark.parametrize(
    ("name", "abbreviation", "after", "expected"),
    [
        ("Hội Liên hiệp Phụ nữ huyện Đông Sơn", "LHPN", "", "Hội Liên hiệp Phụ nữ (LHPN) huyện Đông Sơn"),
        ("Hội Cựu chiến binh tỉnh Bạc Liêu", "CCB", "", "Hội Cựu chiến binh (CCB) tỉnh Bạc Liêu"),
        (
            "Hội Khuyến học huyện Châu Thành",
            "",
            "(tỉnh An Giang)",
            "Hội Khuyến học huyện Châu Thành (tỉnh An Giang)",
        ),
        ("Hội Nông dân huyện Cái Bè", "", ", tỉnh Tiền Giang", "Hội Nông dân huyện Cái Bè, tỉnh Tiền Giang"),
    ],
)
def test_the_first_mention_introduces_the_abbreviation_and_the_place(
    name: str, abbreviation: str, after: str, expected: str
) -> None:
    assert first_mention(name, abbreviation, after) == expected


def test_points_are_lettered_in_the_vietnamese_alphabet() -> None:
    assert "".join(point_letter(n) for n in range(1, 24)) == "abcdđeghiklmnopqrstuvxy"


# --- lines of a title and of a name ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "width", "expected"),
    [
        ("HỘI NÔNG DÂN HUYỆN NA RÌ", 24, ["HỘI NÔNG DÂN HUYỆN NA RÌ"]),
        ("HỘI NÔNG DÂN HUYỆN CÁI BÈ", 24, ["HỘI NÔNG DÂN", "HUYỆN CÁI BÈ"]),
        ("HỘI LIÊN HIỆP PHỤ NỮ HUYỆN ĐÔNG SƠN", 24, ["HỘI LIÊN HIỆP PHỤ NỮ", "HUYỆN ĐÔNG SƠN"]),
        ("HỘI KHUYẾN HỌC XÃ NAM MẪU", 24, ["HỘI KHUYẾN HỌC", "XÃ NAM MẪU"]),
        ("HỘI CỰU CHIẾN BINH THỊ TRẤN YẾN LẠC", 24, ["HỘI CỰU CHIẾN BINH", "THỊ TRẤN YẾN LẠC"]),
        ("HỘI CHỮ THẬP ĐỎ THÀNH PHỐ HỒ CHÍ MINH", 24, ["HỘI CHỮ THẬP ĐỎ", "THÀNH PHỐ HỒ CHÍ MINH"]),
        ("TRUNG ƯƠNG HỘI NÔNG DÂN VIỆT NAM", 27, ["TRUNG ƯƠNG", "HỘI NÔNG DÂN VIỆT NAM"]),
        ("TRUNG ƯƠNG HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", 27, ["TRUNG ƯƠNG", "HỘI LIÊN HIỆP PHỤ NỮ", "VIỆT NAM"]),
        ("BAN THƯỜNG VỤ HỘI NÔNG DÂN TỈNH", 27, ["BAN THƯỜNG VỤ", "HỘI NÔNG DÂN TỈNH"]),
        # A name without a joint that fits is broken as evenly as it can be, the longer line last.
        ("HỘI BẢO TRỢ NGƯỜI KHUYẾT TẬT VÀ TRẺ MỒ CÔI", 24, ["HỘI BẢO TRỢ NGƯỜI", "KHUYẾT TẬT VÀ TRẺ MỒ CÔI"]),
    ],
)
def test_a_body_s_name_breaks_before_its_level_never_inside_a_word(
    name: str, width: int, expected: list[str]
) -> None:
    assert name_lines(name, width) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Sơ kết công tác 6 tháng đầu năm 2024 và phương hướng, nhiệm vụ 6 tháng cuối năm 2024",
            ["Sơ kết công tác 6 tháng đầu năm 2024 và", "phương hướng, nhiệm vụ 6 tháng cuối năm 2024"],
        ),
        (
            "Tổng kết công tác giai đoạn 2020–2024, kỷ niệm 20 năm ngày thành lập và phương hướng, nhiệm vụ "
            "giai đoạn 2025–2029",
            [
                "Tổng kết công tác giai đoạn 2020–2024,",
                "kỷ niệm 20 năm ngày thành lập và",
                "phương hướng, nhiệm vụ giai đoạn 2025–2029",
            ],
        ),
        (
            "Tổng kết công tác năm 2023, sơ kết giữa nhiệm kỳ 2021–2026 và phương hướng, nhiệm vụ năm 2024",
            [
                "Tổng kết công tác năm 2023,",
                "sơ kết giữa nhiệm kỳ 2021–2026 và",
                "phương hướng, nhiệm vụ năm 2024",
            ],
        ),
    ],
)
def test_a_title_breaks_after_a_comma_or_va(title: str, expected: list[str]) -> None:
    assert title_lines(title, 55) == expected


def test_a_text_longer_than_a_title_is_filled_line_by_line() -> None:
    text = " ".join(["Tổng kết công tác năm 2023"] * 12)  # 12 times 26 characters: more than 4 lines
    assert title_lines(text, 55) == [" ".join(["Tổng kết công tác năm 2023"] * 2)] * 6


def test_a_word_longer_than_the_line_is_left_whole() -> None:
    assert title_lines("Hội", 2) == ["Hội"]
    assert name_lines("HỘI KHUYẾN", 3) == ["HỘI", "KHUYẾN"]


# --- documents built from small files -------------------------------------------------------------------

HEAD = """\
phien_ban: 2
to_chuc:
  ten: Hội Khuyến học huyện Na Rì
  ten_viet_tat: HKH
  dia_danh: Na Rì
nam: 2023
hoi_nghi:
  ngay: 20/12/2023
  buoi: sáng
  ten: Hội nghị tổng kết công tác khuyến học năm 2023
bao_cao:
  so: 9
  ky_hieu: BC-HKH
  nguoi_ky:
    chuc_vu: CHỦ TỊCH
    ho_ten: Hà Văn Lâm
"""


PRINTED = ("article.pdf", "article.docx", "report.pdf", "report.docx")


def built(tmp_path: Path, text: str, *, printed: bool = False) -> dict[str, str]:
    """The text of each output of a small file: its HTML pages, and its PDFs and Word copies if asked."""
    path = write_yaml(tmp_path, text)
    fmt = reportgen.Format.ALL if printed else reportgen.Format.HTML
    reportgen.build([path], out=tmp_path / "out", fmt=fmt)
    folder = tmp_path / "out" / path.stem
    pages = {name: html_text(folder / name) for name in ("article.html", "report.html")}
    for name in PRINTED if printed else ():
        pages[name] = text_of(open_docx(folder / name)) if name.endswith(".docx") else prose_of(folder / name)
    return pages


def test_a_year_with_a_mid_term_review_is_named_so(tmp_path: Path) -> None:
    pages = built(
        tmp_path,
        HEAD
        + """\
ky_bao_cao:
  loai: nam_giua_nhiem_ky
  tu_nam: 2021
  den_nam: 2026
ket_qua: Các cấp Hội hoàn thành các nhiệm vụ.
""",
        printed=True,
    )
    for name in ("article.html", "article.pdf", "article.docx"):
        assert (
            "Hội Khuyến học huyện Na Rì tổng kết công tác năm 2023, sơ kết giữa nhiệm kỳ 2021–2026"
            in pages[name]
        ), name
    source = (tmp_path / "out" / "don-vi" / "report.html").read_text(encoding="utf-8")
    assert (  # the subject, as the page's description gives it (the page breaks it into three lines)
        '<meta name="description" content="Số: 09/BC-HKH — Tổng kết công tác năm 2023, sơ kết giữa nhiệm kỳ '
        '2021–2026 và phương hướng, nhiệm vụ năm 2024">'
    ) in source
    assert "I. KẾT QUẢ CÔNG TÁC NĂM 2023 VÀ GIỮA NHIỆM KỲ 2021–2026" in pages["report.html"]
    for name in ("report.pdf", "report.docx"):
        assert (
            "BÁO CÁO Tổng kết công tác năm 2023, sơ kết giữa nhiệm kỳ 2021–2026 và phương hướng, nhiệm vụ "
            "năm 2024 I. KẾT QUẢ CÔNG TÁC NĂM 2023 VÀ GIỮA NHIỆM KỲ 2021–2026"
        ) in pages[name], name


def test_an_indicator_compared_with_its_own_year_says_so_in_its_sentence_and_its_cell(tmp_path: Path) -> None:
    pages = built(
        tmp_path,
        HEAD
        + """\
chi_tieu:
  ket_qua_nam:
    ten: Kết quả
    danh_sach:
      hoi_vien:
        nhan: hội viên
        don_vi: người
        gia_tri: 1.250
        nam_truoc: 1.200
      quy:
        nhan: Quỹ Khuyến học
        loai: tien
        gia_tri: 95 triệu
        nam_truoc: 80 triệu
        so_voi_nam: 2019
      sach:
        nhan: cuốn sách được tặng
        don_vi: cuốn
        gia_tri: 500
        nam_truoc: 500
        so_voi_nam: 2021
ket_qua: "{hoi_vien:so_sanh}; {quy:so_sanh}; {sach:so_sanh}."
""",
        printed=True,
    )
    for name in ("article.html", *PRINTED):
        assert (
            "1.250 hội viên, tăng 50 người (4,2%) so với năm 2022; Quỹ Khuyến học 95 triệu đồng, tăng 15 "
            "triệu đồng (18,8%) so với năm 2019; 500 cuốn sách được tặng, tương đương năm 2021."
        ) in pages[name], name
    row = "2 Quỹ Khuyến học triệu đồng 80 (2019) 95 tăng 18,8%"
    assert row in pages["report.html"] and row in pages["report.docx"]
    assert row in pdf_text(tmp_path / "out" / "don-vi" / "report.pdf")  # a table read cell by cell


def test_an_award_sentence_of_the_report_starts_with_a_capital(tmp_path: Path) -> None:
    pages = built(
        tmp_path,
        HEAD
        + """\
khen_thuong:
  - noi_tang: Chủ tịch UBND huyện
    hinh_thuc: Giấy khen
    don_vi_nhan: các chi hội khuyến học thôn Nà Cà và Nà Làng
""",
        printed=True,
    )
    for name in ("report.html", "report.pdf", "report.docx"):
        assert (
            "Các chi hội khuyến học thôn Nà Cà và Nà Làng được Chủ tịch UBND huyện tặng Giấy khen."
            in pages[name]
        ), name
    for name in ("article.html", "article.pdf", "article.docx"):  # within the sentence, as typed
        assert (
            "Dịp này, các chi hội khuyến học thôn Nà Cà và Nà Làng đã được Chủ tịch UBND huyện tặng Giấy khen"
            in pages[name]
        ), name


def test_a_version_1_file_with_its_givers_out_of_rank_keeps_their_order_and_is_told_how(
    tmp_path: Path,
) -> None:
    shutil.copytree(INPUTS / "anh", tmp_path / "anh")
    source = (INPUTS / "bac-kan-2020.yaml").read_text(encoding="utf-8")
    block = source.split("\nkhen_thuong:\n", 1)[1].split("\n\n", 1)[0]
    first, second = block.removeprefix("  - ").split("\n  - ")
    swapped = source.replace(block, f"  - {second}\n  - {first}")
    assert swapped != source
    path = tmp_path / "v1.yaml"
    path.write_text(swapped, encoding="utf-8")
    notice = upgrade_notice(make(path).checked)
    assert notice is not None
    assert notice.message.endswith(
        "thêm dòng `cap: tinh` vào mỗi mục của `khen_thuong` để giữ thứ tự đã viết (mẫu phiên bản 2 "
        "xếp nơi tặng "
        "theo cấp, từ Trung ương xuống)"
    )
    reportgen.build([path], out=tmp_path / "out", fmt=reportgen.Format.HTML)
    article = html_text(tmp_path / "out" / "v1" / "article.html")
    assert "Dịp này, Hội Khuyến học tỉnh đã được Chủ tịch UBND tỉnh tặng Bằng khen" in article
    assert (
        "; Trung ương Hội Khuyến học Việt Nam cũng tặng Cờ thi đua cho Hội Khuyến học huyện Bạch Thông"
        in article
    )


def test_the_new_samples_pass_an_editor_s_check_and_give_no_warning() -> None:
    for sample in NEW_SAMPLES:
        assert mistakes(sample.read_text(encoding="utf-8")) == [], sample.name
        assert make(sample).checked.warnings == [], sample.name


def test_a_report_not_dated_yet_leaves_its_date_blank_under_any_rules() -> None:
    from reportgen import presets
    from reportgen.schema import BaoCao, NguoiKy, TheThuc, ToChuc, YearEnd

    data = YearEnd.model_construct(
        to_chuc=ToChuc(ten="Tỉnh đoàn Kon Tum", ten_viet_tat="TĐTN", dia_danh="Kon Tum"),
        bao_cao=BaoCao(so="1", ky_hieu="BC/TĐTN", nguoi_ky=NguoiKy(chuc_vu="BÍ THƯ", ho_ten="A")),
        the_thuc=TheThuc(),
    )
    assert presets.header(data, None).dia_danh_ngay == f"Kon Tum, ngày {BLANK} tháng {BLANK} năm {BLANK}"


def test_the_lead_names_the_day_and_the_association_then_its_short_name_in_every_copy(tmp_path: Path) -> None:
    # The lead without a place, as most papers write it, built into every output, PDF and Word included.
    path = write_yaml(
        tmp_path,
        HEAD.replace("Hội Khuyến học huyện Na Rì", "Hội Khuyến học tỉnh Quảng Nam")
        .replace("20/12/2023", "23/12/2023")
        .replace("dia_danh: Na Rì", "dia_danh: Quảng Nam")
        + """\
bai_viet:
  ngay: 23/12/2023
  gio: 10:12
  dong_ngay: thu_ngay_gio
  cach_viet_ngay: d-m
  ten_nhac_lai: Hội
khen_thuong:
  - kieu: tang
    dong_tu: xét tặng
    hinh_thuc: giấy khen
    so_luong:
      cá nhân: 12
      tập thể: 24
ket_qua: Các cấp Hội hoàn thành các nhiệm vụ.
""",
    )
    reportgen.build([path], out=tmp_path / "out")
    folder = tmp_path / "out" / path.stem

    def read(name: str) -> str:
        return text_of(open_docx(folder / name)) if name.endswith(".docx") else prose_of(folder / name)

    for name in ("article.txt", "article.pdf", "article.docx"):
        article = read(name)
        assert (
            "Thứ Bảy, 23/12/2023 10:12 GMT+7 Sáng 23-12, Hội Khuyến học tỉnh Quảng Nam tổ chức Hội nghị "
            "tổng kết công tác khuyến học năm 2023."
        ) in article, name
        assert "Dịp này, Hội xét tặng giấy khen cho 12 cá nhân và 24 tập thể./." in article, name
    for name in ("report.pdf", "report.docx"):
        report = read(name)
        assert "Sáng 23-12" not in report, name
        assert "Hội Khuyến học tỉnh Quảng Nam xét tặng giấy khen cho 12 cá nhân và 24 tập thể." in report, (
            name
        )
