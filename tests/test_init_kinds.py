"""``reportgen init`` for every kind of association, and places read from names across the country.

Each kind's new file builds as it is written, speaks of its own members and branches and heads
its report by its own document rules; the place, the province and the parent body come from the
list of administrative units of the reporting year, before or after the 2025 reorganisation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportgen import cli
from reportgen.examples import example
from tests.conftest import pdf_text

runner = CliRunner()

KINDS = [
    # name, year, the results' sentence in the kind's words, the report's number line, a header line
    (
        "Hội Khuyến học huyện Ba Bể",
        2024,
        "toàn huyện có 24 chi hội với 1.250 hội viên.",
        "Số: 01/BC-HKH",
        "HỘI KHUYẾN HỌC TỈNH BẮC KẠN",
    ),
    (
        "Hội Nông dân xã Kim Lư",
        2024,
        "toàn xã có 24 chi hội với 1.250 hội viên.",
        "Số 01-BC/HND",
        "HỘI NÔNG DÂN VIỆT NAM",
    ),
    (
        "Hội LHPN huyện Đông Sơn",
        2024,
        "toàn huyện có 24 chi hội phụ nữ với 1.250 hội viên phụ nữ.",
        "Số: 01/BC-HLHPN",
        "HỘI LHPN TỈNH THANH HÓA",
    ),
    (
        "Hội Cựu chiến binh quận 1",
        2023,
        "toàn quận có 24 chi hội cựu chiến binh với 1.250 hội viên cựu chiến binh.",
        "Số: 01/BC-CCB",
        "Quận 1, ngày 15 tháng 01 năm 2024",
    ),
    (
        "Hội Chữ thập đỏ phường Hoàn Kiếm",
        2025,
        "toàn phường có 24 chi hội chữ thập đỏ với 1.250 hội viên.",
        "Số: 01/BC-HCTĐ",
        "HỘI CHỮ THẬP ĐỎ THÀNH PHỐ HÀ NỘI",
    ),
    (
        "Tỉnh đoàn Kon Tum",
        2024,
        "toàn tỉnh có 24 chi đoàn thuộc 18 cơ sở Đoàn với 1.250 đoàn viên.",
        "Số 01-BC/TĐTN",
        "ĐOÀN TNCS HỒ CHÍ MINH",
    ),
    (
        "Ủy ban MTTQ Việt Nam tỉnh Kon Tum",
        2024,
        "toàn tỉnh có 24 ban công tác Mặt trận ở khu dân cư với 45 ủy viên Ủy ban Mặt trận.",
        "Số: 01/BC-MTTQ-BTT",
        "BAN THƯỜNG TRỰC",
    ),
    (
        "Hội Người cao tuổi xã Bằng Vân",
        2025,
        "toàn xã có 24 chi hội người cao tuổi với 1.250 hội viên người cao tuổi.",
        "Số: 01/BC-HNCT",
        "Bằng Vân, ngày 15 tháng 01 năm 2026",
    ),
]


def written(text: str) -> str:
    """The lines of a file a secretary would see as values, comments left out."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


@pytest.mark.parametrize(("name", "year", "sentence", "number", "header"), KINDS, ids=[k[0] for k in KINDS])
def test_each_kind_s_new_file_builds_at_once_in_its_own_words(
    tmp_path: Path, name: str, year: int, sentence: str, number: str, header: str
) -> None:
    path = tmp_path / "so-lieu.yaml"
    assert runner.invoke(cli.app, ["init", str(path), "--org", name, "--year", str(year)]).exit_code == 0
    # The PDFs alone: the Word copies and the web pages are made from the same HTML.
    result = runner.invoke(cli.app, ["build", str(path), "-o", str(tmp_path / "out"), "-f", "pdf"])
    assert result.exit_code == 0, result.output
    assert "cảnh báo" not in result.output
    out = tmp_path / "out" / "so-lieu"
    assert sentence in pdf_text(out / "article.pdf")
    report = pdf_text(out / "report.pdf")
    assert sentence in report and number in report and header in report
    values = written(path.read_text(encoding="utf-8"))
    assert "Bắc Kạn" not in values or "Ba Bể" in name  # no more Bắc Kạn for a unit elsewhere


def test_the_youth_union_s_file_speaks_of_the_union_only(tmp_path: Path) -> None:
    path = tmp_path / "doan.yaml"
    runner.invoke(cli.app, ["init", str(path), "--org", "Tỉnh đoàn Kon Tum", "--year", "2024"])
    values = written(path.read_text(encoding="utf-8"))
    for word in ("hội viên", "chi hội", "các cấp Hội", "Quỹ Hội", "TĐKT"):
        assert word not in values, word
    assert re.search(r"^  ky_hieu: BC/TĐTN$", values, re.MULTILINE)
    assert re.search(r"^  co_quan: BCH tỉnh Kon Tum$", values, re.MULTILINE)
    assert re.search(r'^  cap_tren: ""$', values, re.MULTILINE)
    assert "quyen_han: TM. BAN THƯỜNG VỤ TỈNH ĐOÀN" in values


PLACES = [
    # name, year, the place on the date line, the parent body, the abbreviation
    ("Hội Nông dân huyện Mường Tè", 2024, "Mường Tè", "Hội Nông dân tỉnh Lai Châu", "HND"),
    ("Hội Khuyến học thành phố Pleiku", 2023, "Pleiku", "Hội Khuyến học tỉnh Gia Lai", "HKH"),
    ("Hội LHPN huyện Côn Đảo", 2022, "Côn Đảo", "Hội LHPN tỉnh Bà Rịa - Vũng Tàu", "HLHPN"),
    ("Hội Cựu chiến binh thị xã Sa Pa", 2021, "Sa Pa", "Hội Cựu chiến binh tỉnh Lào Cai", "CCB"),
    ("Hội Khuyến học huyện Đông Sơn", 2020, "Đông Sơn", "Hội Khuyến học tỉnh Thanh Hóa", "HKH"),
    ("Hội Nông dân tỉnh Hà Giang", 2024, "Hà Giang", "Trung ương Hội Nông dân Việt Nam", "HND"),
    ("Hội Chữ thập đỏ quận Ninh Kiều", 2024, "Ninh Kiều", "Hội Chữ thập đỏ thành phố Cần Thơ", "HCTĐ"),
    ("Tỉnh đoàn Thừa Thiên Huế", 2023, "Thừa Thiên Huế", "Trung ương Đoàn TNCS Hồ Chí Minh", "TĐTN"),
    ("Huyện đoàn Na Rì", 2024, "Na Rì", "Tỉnh đoàn Bắc Kạn", "HĐTN"),
    ("Thành đoàn Hồ Chí Minh", 2024, "Thành phố Hồ Chí Minh", "Trung ương Đoàn TNCS Hồ Chí Minh", "TĐTN"),
    # Today's units: communes, wards and special zones under one of 34 provinces.
    ("Hội Nông dân xã Bằng Vân", 2025, "Bằng Vân", "Hội Nông dân tỉnh Thái Nguyên", "HND"),
    ("Đoàn phường Hoàn Kiếm", 2025, "Hoàn Kiếm", "Thành đoàn Hà Nội", "ĐTN"),
    ("Hội Khuyến học đặc khu Phú Quốc", 2025, "Phú Quốc", "Hội Khuyến học tỉnh An Giang", "HKH"),
    ("Hội LHPN tỉnh Tuyên Quang", 2025, "Tuyên Quang", "Trung ương Hội Liên hiệp Phụ nữ Việt Nam", "HLHPN"),
    (
        "Hội Người cao tuổi phường Sài Gòn",
        2025,
        "Sài Gòn",
        "Hội Người cao tuổi thành phố Hồ Chí Minh",
        "HNCT",
    ),
    (
        "Ủy ban MTTQ Việt Nam tỉnh Gia Lai",
        2025,
        "Gia Lai",
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        "MTTQ",
    ),
]


@pytest.mark.parametrize(
    ("name", "year", "place", "parent", "abbreviation"), PLACES, ids=[p[0] for p in PLACES]
)
def test_the_place_and_the_parent_come_from_the_name(
    name: str, year: int, place: str, parent: str, abbreviation: str
) -> None:
    values = example(name, year)
    assert values["to_chuc"]["dia_danh"] == place
    assert values["to_chuc"]["co_quan_cap_tren"] == parent
    assert values["to_chuc"]["ten_viet_tat"] == abbreviation
    assert values["bao_cao"]["noi_nhan"][0] == parent


def test_a_district_s_name_shared_by_several_provinces_names_no_province() -> None:
    values = example("Hội Nông dân huyện Châu Thành", 2023)
    assert values["to_chuc"]["dia_danh"] == "Châu Thành"
    assert (
        values["bao_cao"]["noi_nhan"][0] == "Hội Nông dân tỉnh"
    )  # which province is for the secretary to say


def test_a_name_without_a_place_builds_with_a_place_to_fill_in() -> None:
    values = example("Hội Bảo trợ người khuyết tật", 2024)
    assert values["to_chuc"]["dia_danh"] == "…"
    assert values["to_chuc"]["ten_viet_tat"] == "HBTNKT"
