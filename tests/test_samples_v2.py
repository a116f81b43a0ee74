"""The two version-2 samples, item by item: what the article and both PDFs say, word for word.

``inputs/cuu-chien-binh-bac-lieu-2024.yaml`` is money in triệu and tỷ (the shorthand ``1250tr``,
several units, the South's ``ngàn``), a leading zero, a typed share and next year's targets;
``inputs/phu-nu-lang-son-2024.yaml`` has approximate figures, parts, a typed percentage and
the comparison forms the press uses. Each phrase is looked for in the article as text, in the
article's PDF and in the report's PDF (whose prose is the same paragraphs).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import reportgen
from reportgen import templating
from tests.conftest import APPROXIMATE, INPUTS, MONEY, pdf_text

SENTENCES = ("article.txt", "article.pdf", "report.pdf")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("v2")
    reportgen.build([MONEY, APPROXIMATE], out=folder)
    return folder


def text(out: Path, sample: Path, name: str) -> str:
    path = out / sample.stem / name
    if path.suffix == ".pdf":
        return pdf_text(path)
    return re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))


def said_everywhere(out: Path, sample: Path, phrase: str, where: tuple[str, ...] = SENTENCES) -> None:
    for name in where:
        assert phrase in text(out, sample, name), f"{phrase!r} not in {name}"


# --- 1. a typed figure prints as typed ----------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "trang trại do cựu chiến binh làm chủ đạt 448.335 triệu đồng",
        "nộp ngân sách nhà nước 16.806 triệu đồng",
        "Dư nợ vốn vay ủy thác qua Ngân hàng Chính sách xã hội 200.022 triệu đồng",
        "Quỹ hội viên giúp nhau giảm nghèo 1.250 triệu đồng",  # typed 1250tr
        "Quỹ nghĩa tình đồng đội 1 tỷ 141 triệu 950 ngàn đồng",
        "xây mới 08 căn nhà nghĩa tình đồng đội",
        "tổng kinh phí 1 tỷ 850 triệu đồng",
        "với số tiền 245.900 ngàn đồng",
        # typed 16.610.000 đồng with `tinh_bang: gon` and `so_le: 1`: converted because asked
        "hỗ trợ hội viên bị thiệt hại do thiên tai 16,6 triệu đồng",
    ],
)
def test_money_prints_in_the_unit_and_decimals_it_was_typed_in(out: Path, phrase: str) -> None:
    said_everywhere(out, MONEY, phrase)


def test_the_report_tables_count_each_row_in_the_unit_of_its_figure(out: Path) -> None:
    report = text(out, MONEY, "report.pdf")
    assert "4 Quỹ hội viên giúp nhau giảm nghèo triệu đồng 1.080 1.250 tăng 15,7%" in report
    assert "2 Nhà nghĩa tình đồng đội xây mới căn 11 08 giảm 27,3%" in report
    assert "5 Thăm hỏi, tặng quà hội viên ngàn đồng 245.900" in report
    assert "6 Hỗ trợ hội viên bị thiệt hại do thiên tai triệu đồng 12,5 16,6 tăng 32,8%" in report


# --- 2. computed figures never contradict the printed ones ---------------------------------------


@pytest.mark.parametrize(
    ("sample", "phrase"),
    [
        (MONEY, "448.335 triệu đồng, tăng 33.215 triệu đồng (8%) so với năm 2023"),
        (MONEY, "1 tỷ 141 triệu 950 ngàn đồng, tăng 115 triệu 550 ngàn đồng (11,3%) so với năm 2023"),
        # printed 16,6 and 12,5 (12.450.000 rounded half up): 16,6 − 12,5 = 4,1 and 4,1/12,5 = 32,8%
        (MONEY, "16,6 triệu đồng, tăng 4,1 triệu đồng (32,8%) so với năm 2023"),
        (MONEY, "08 căn nhà nghĩa tình đồng đội, giảm 03 căn (27,3%) so với năm 2023"),
        (MONEY, "200.022 triệu đồng, tăng 12.482 triệu đồng (6,7%) so với năm 2023, vượt 2,6% kế hoạch"),
        (APPROXIMATE, "81,77%, tăng 1,57 điểm phần trăm so với năm 2023"),
        # parts that make up the whole: 12,25% + 37,25% + 50,5% print as 12,3% + 37,2% + 50,5% = 100%
        (
            APPROXIMATE,
            "Tổng kinh phí 4.800 triệu đồng, trong đó: cấp tỉnh 588 triệu đồng (12,3%), "
            "cấp huyện 1.788 triệu đồng (37,2%), cấp xã 2.424 triệu đồng (50,5%)",
        ),
    ],
)
def test_computed_figures_are_in_the_unit_and_decimals_of_the_printed_ones(
    out: Path, sample: Path, phrase: str
) -> None:
    said_everywhere(out, sample, phrase)


# --- 3. approximate figures ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "toàn tỉnh có hơn 196.000 hội viên",
        "thu hút trên 2 triệu lượt người tham gia các buổi tuyên truyền, sinh hoạt chuyên đề",
        "Gần như 100% thôn, khối phố có chi hội phụ nữ",  # a reference that starts a sentence
        "Trong năm có gần 1.200 cán bộ Hội cơ sở được tập huấn nghiệp vụ",
        "khoảng 40 nghìn lượt hội viên được vay vốn ưu đãi",
    ],
)
def test_an_approximate_figure_keeps_its_word(out: Path, phrase: str) -> None:
    said_everywhere(out, APPROXIMATE, phrase)


def test_the_table_shows_the_word_too(out: Path) -> None:
    report = text(out, APPROXIMATE, "report.pdf")
    assert "1 Tổng số hội viên người hơn 196.000" in report  # never an exact-looking 196.000
    assert "4 Cán bộ Hội cơ sở được tập huấn người gần 1.200" in report
    assert "5 Thôn, khối phố có chi hội phụ nữ % gần như 100%" in report
    assert "3 Lượt người được tuyên truyền triệu lượt người trên 2" in report
    assert "3 Lượt hội viên được vay vốn ưu đãi nghìn lượt khoảng 40" in report


# --- 4. shares and parts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "phrase"),
    [
        # X/Y, đạt P%: chosen with `so_voi_tong: phan_so_dat`
        (
            APPROXIMATE,
            'có 226.259/254.657 hộ gia đình đạt tiêu chí "5 không, 3 sạch", đạt 88,8%, tăng 7.329 hộ',
        ),
        # X, chiếm P%, the share typed: 176/18.406 is 0,956…, typed 0,96%
        (MONEY, "Toàn tỉnh còn 176 hộ cựu chiến binh nghèo, chiếm 0,96% (giảm 32 hộ so với năm 2023)"),
        (
            APPROXIMATE,
            'Trong năm có 554 hộ phụ nữ nghèo được hỗ trợ xây, sửa nhà "Mái ấm tình thương", '
            "trong đó: cấp tỉnh 3 hộ, cấp huyện 13 hộ, cấp xã 538 hộ",
        ),
        (APPROXIMATE, "Có 04 hội viên đạt giải cuộc thi khởi nghiệp cấp tỉnh"),
    ],
)
def test_shares_and_parts_read_in_the_form_chosen(out: Path, sample: Path, phrase: str) -> None:
    said_everywhere(out, sample, phrase)


def test_parts_are_trong_do_rows_under_their_total(out: Path) -> None:
    report = text(out, APPROXIMATE, "report.pdf")
    assert (
        '1 Hộ được hỗ trợ nhà "Mái ấm tình thương" hộ 612 554 giảm 9,5% '
        "Trong đó: - Cấp tỉnh hộ 3 - Cấp huyện hộ 13 - Cấp xã hộ 538 "
        '2 Kinh phí xây, sửa nhà "Mái ấm tình thương" triệu đồng 4.800 '
        "Trong đó: - Cấp tỉnh triệu đồng 588 - Cấp huyện triệu đồng 1.788 - Cấp xã triệu đồng 2.424"
    ) in report


# --- 5. comparison wording is a choice -------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "sinh hoạt ở 2.409 chi hội (tăng 540 chi hội so với năm 2023)",  # ngoac
        "số hộ được hỗ trợ bằng 90,5% so với cùng kỳ",  # bang, and {key:chi_so_sanh} alone
        "so với năm 2023, đạt 116% kế hoạch",  # dat, where vuot would say "vượt 16% kế hoạch"
        "trong năm thành lập mới 71/70 chi hội, đạt 101,4% chỉ tiêu",  # phan_so
    ],
)
def test_comparisons_read_in_the_form_each_indicator_chose(out: Path, phrase: str) -> None:
    said_everywhere(out, APPROXIMATE, phrase)


def test_the_word_order_of_a_figure_comes_from_a_template_a_folder_can_replace(tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    packaged = (templating.packaged_templates() / "_figure.html").read_text(encoding="utf-8")
    # The secretary's office writes the label first, with a colon, whatever the kind.
    reordered = packaged.replace(
        '{%- if order == "so_truoc" %}{{ so(c, s, nam) }} {{ c.nhan }}',
        "{%- if false %}{{ so(c, s, nam) }} {{ c.nhan }}",
    ).replace(
        "{%- else %}{{ c.nhan }} {{ so(c, s, nam) }}{% endif %}",
        "{%- else %}{{ c.nhan }}: {{ so(c, s, nam) }}{% endif %}",
    )
    assert reordered != packaged
    (templates / "_figure.html").write_text(reordered, encoding="utf-8")
    reportgen.build([MONEY], out=tmp_path / "out", templates=templates, fmt=reportgen.Format.HTML)
    article = (tmp_path / "out" / MONEY.stem / "article.txt").read_text(encoding="utf-8")
    assert "Toàn tỉnh có hội viên: 18.406, tăng 171 người (0,9%) so với năm 2023" in article
    assert "xây mới căn nhà nghĩa tình đồng đội: 08, giảm 03 căn" in article


# --- 6. next year's targets ------------------------------------------------------------------------


def test_next_year_s_targets_are_listed_in_the_report_s_directions(out: Path) -> None:
    assert (
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025 Năm 2025, Hội Cựu chiến binh tỉnh tiếp tục xây dựng tổ chức Hội"
    ) in text(out, MONEY, "report.pdf")
    assert (
        "Các chỉ tiêu chủ yếu năm 2025: - Kết nạp 500 hội viên mới; - Giảm trên 30 hộ cựu chiến binh nghèo; "
        "- Xây mới 08 căn nhà nghĩa tình đồng đội; - Vận động Quỹ nghĩa tình đồng đội 1,2 tỷ đồng."
    ) in text(out, MONEY, "report.pdf")


def test_targets_no_paragraph_names_close_the_article_s_directions(out: Path) -> None:
    said_everywhere(
        out,
        MONEY,
        "Các chỉ tiêu chủ yếu năm 2025: kết nạp 500 hội viên mới; giảm trên 30 hộ cựu chiến binh nghèo; "
        "xây mới 08 căn nhà nghĩa tình đồng đội và vận động Quỹ nghĩa tình đồng đội 1,2 tỷ đồng.",
        ("article.txt", "article.pdf"),
    )


def test_targets_a_paragraph_names_are_printed_there(out: Path) -> None:
    said_everywhere(
        out,
        APPROXIMATE,
        "Năm 2025, các cấp Hội tập trung nâng cao chất lượng sinh hoạt, phấn đấu 85% hội viên tham gia "
        'sinh hoạt thường xuyên; tiếp tục hỗ trợ xây, sửa khoảng 500 nhà "Mái ấm tình thương" và vận động '
        'Quỹ "Mái ấm tình thương" 150 triệu đồng',
    )
    assert "Các chỉ tiêu chủ yếu năm 2025:" not in text(out, APPROXIMATE, "article.txt")


# --- 7. sentence starts and the closing mark -----------------------------------------------------


def test_a_reference_that_starts_a_sentence_is_capitalised(out: Path) -> None:
    said_everywhere(out, MONEY, "so với năm 2023. Dư nợ vốn vay ủy thác")
    said_everywhere(out, APPROXIMATE, "so với cùng kỳ. Tổng kinh phí 4.800 triệu đồng")


def test_the_closing_mark_follows_the_last_paragraph_whichever_it_is(out: Path, tmp_path: Path) -> None:
    # The awards are last in one sample, the directions in the other.
    assert (
        text(out, MONEY, "article.txt")
        .rstrip()
        .endswith('phong trào thi đua "Cựu chiến binh gương mẫu" năm 2024./. Hoàng Nam')
    )
    assert (
        text(out, APPROXIMATE, "article.txt")
        .rstrip()
        .endswith('vận động Quỹ "Mái ấm tình thương" 150 triệu đồng./. Thu Hà')
    )
    # Without the awards, the sentence of next year's targets is the last paragraph.
    shutil.copytree(INPUTS / "anh", tmp_path / "anh")
    source = MONEY.read_text(encoding="utf-8")
    path = tmp_path / "khong-khen.yaml"
    path.write_text(re.sub(r"^khen_thuong:.*?(?=^anh:)", "", source, flags=re.M | re.S), encoding="utf-8")
    reportgen.build([path], out=tmp_path / "out", fmt=reportgen.Format.HTML)
    article = (tmp_path / "out" / "khong-khen" / "article.txt").read_text(encoding="utf-8")
    assert article.rstrip().endswith("và vận động Quỹ nghĩa tình đồng đội 1,2 tỷ đồng./.\n\nHoàng Nam")
    assert article.count("./.") == 1
