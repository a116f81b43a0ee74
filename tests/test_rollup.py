"""Roll-up: a unit's figures added up from its sub-units' files, checked against what it states."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import reportgen
from reportgen.errors import ReportgenError
from reportgen.unit import make

from .conftest import INPUTS, html_text, pdf_text

PROVINCE = INPUTS / "tinh-bac-kan-2024.yaml"
BRANCHES = INPUTS / "bac-kan-2024"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of the province sample and its 8 district files, free to change."""
    shutil.copytree(BRANCHES, tmp_path / BRANCHES.name)
    return Path(shutil.copy(PROVINCE, tmp_path))


def figures(path: Path) -> dict[str, tuple[str | None, ...]]:
    """Each indicator's figures as they print: a sum is written in the unit of what it adds up."""
    data = make(path).data
    return {
        key: tuple(None if f is None else str(f) for f in (c.gia_tri, c.nam_truoc, c.ke_hoach, c.tong))
        for group in data.chi_tieu.values()
        for key, c in group.danh_sach.items()
    }


def test_the_province_adds_up_its_eight_districts() -> None:
    rolled = make(PROVINCE)
    assert len(rolled.sub_units) == 8
    assert rolled.sub_units[0].ten == "Hội Nông dân huyện Ba Bể"
    assert figures(PROVINCE) == {
        "hoi_vien": ("83.254", "81.350", "82.500", None),
        "hoi_vien_moi": ("2.429", "2.252", "2.300", None),
        "chi_hoi": ("1.096", None, None, None),
        "ho_sxkd_gioi": ("16.900", "16.155", None, "57.139"),
        "tap_huan": ("66,8%", "63,5%", None, None),  # a percentage: stated, never added
        # The districts typed "5.500 triệu" and so on: their sum is written in triệu too.
        "quy_ho_tro": ("57.600 triệu đồng", "52.700 triệu đồng", None, None),
    }
    assert rolled.inputs[0] == PROVINCE
    assert BRANCHES in rolled.inputs and BRANCHES / "na-ri.yaml" in rolled.inputs


def test_a_stated_figure_that_differs_from_the_sum_names_both_values_and_places(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8").replace("gia_tri: 1.096", "gia_tri: 1.009")
    sample.write_text(text, encoding="utf-8")
    with pytest.raises(ReportgenError) as raised:
        make(sample)
    assert [str(problem) for problem in raised.value.problems] == [
        f"{sample}:44:18: chi_tieu.to_chuc_hoi.danh_sach.chi_hoi.gia_tri: ghi 1.009 nhưng tổng của "
        f"8 đơn vị trực thuộc (`don_vi_truc_thuoc` ở {sample}:16:5) là 1.096 — hãy sửa thành 1.096, "
        "hoặc xoá dòng này để reportgen tự cộng"
    ]


def test_money_mismatches_are_worded_as_money(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8").replace(
        "        loai: tien\n", "        loai: tien\n        gia_tri: 57,5 tỷ\n"
    )
    sample.write_text(text, encoding="utf-8")
    with pytest.raises(ReportgenError) as raised:
        make(sample)
    (problem,) = raised.value.problems
    assert "ghi 57,5 tỷ đồng nhưng tổng" in problem.message
    assert "là 57.600 triệu đồng" in problem.message


def test_a_change_in_one_district_changes_the_province(sample: Path) -> None:
    district = sample.parent / BRANCHES.name / "na-ri.yaml"
    district.write_text(district.read_text(encoding="utf-8").replace("5.518", "5.618"), encoding="utf-8")
    assert figures(sample)["hoi_vien"][0] == "83.354"


def test_an_error_in_a_district_is_reported_at_its_own_line(sample: Path) -> None:
    district = sample.parent / BRANCHES.name / "ba-be.yaml"
    district.write_text(district.read_text(encoding="utf-8").replace("11.002", "11.002,5"), encoding="utf-8")
    with pytest.raises(ReportgenError) as raised:
        make(sample)
    (problem,) = raised.value.errors
    assert str(problem).startswith(f"{district}:26:18: chi_tieu.to_chuc_hoi.danh_sach.hoi_vien.gia_tri: ")


def test_a_missing_sub_unit_and_a_loop_are_refused(tmp_path: Path, sample: Path) -> None:
    text = sample.read_text(encoding="utf-8").replace(
        "  - bac-kan-2024/\n", "  - bac-kan-2024/\n  - khong-co.yaml\n  - tinh-bac-kan-2024.yaml\n"
    )
    sample.write_text(text, encoding="utf-8")
    with pytest.raises(ReportgenError) as raised:
        make(sample)
    assert [str(problem) for problem in raised.value.problems] == [
        f"{sample}:17:5: don_vi_truc_thuoc: không có tệp hay thư mục `khong-co.yaml` "
        "(tính từ thư mục của tệp này)",
        f"{sample}:18:5: `tinh-bac-kan-2024.yaml` lại chứa chính tệp này — hãy bỏ mục này",
    ]


def test_levels_are_only_depth_a_province_over_districts_over_communes(tmp_path: Path) -> None:
    """Before 2025 a province had districts with communes under them; nothing names the levels."""
    district = (BRANCHES / "na-ri.yaml").read_text(encoding="utf-8")
    communes = tmp_path / "na-ri"
    communes.mkdir()
    for name, members in (("kim-lu", "3.000"), ("cu-le", "2.518")):
        text = district.replace("huyện Na Rì", f"xã {name}").replace("5.518", members)
        (communes / f"{name}.yaml").write_text(text, encoding="utf-8")
    stated = re.compile(r"^ +(gia_tri|nam_truoc|tong):.*\n", re.MULTILINE)
    rolled_district = stated.sub("", district).replace(
        "nam: 2024\n", "nam: 2024\n\ndon_vi_truc_thuoc:\n  - na-ri/\n"
    )
    (tmp_path / "na-ri.yaml").write_text(rolled_district, encoding="utf-8")
    province = PROVINCE.read_text(encoding="utf-8").replace("  - bac-kan-2024/\n", "  - na-ri.yaml\n")
    province = province.replace("        gia_tri: 1.096\n", "")
    (tmp_path / "tinh.yaml").write_text(province, encoding="utf-8")
    assert figures(tmp_path / "tinh.yaml")["hoi_vien"][0] == "5.518"
    assert make(tmp_path / "tinh.yaml").sub_units[0].chi_so["hoi_vien"].gia_tri.value == Decimal(5518)


def test_the_report_has_an_annex_and_the_article_says_toan_tinh(tmp_path: Path) -> None:
    reportgen.build([PROVINCE], out=tmp_path, fmt=reportgen.Format.ALL)
    folder = tmp_path / PROVINCE.stem
    article = html_text(folder / "article.html")
    assert "Toàn tỉnh có 1.096 chi hội với 83.254 hội viên" in article
    report = pdf_text(folder / "report.pdf")
    assert "Phụ lục SỐ LIỆU CỦA CÁC ĐƠN VỊ TRỰC THUỘC" in report
    assert "(Kèm theo Báo cáo số 112/BC-HND ngày 27/12/2024 của Hội Nông dân tỉnh Bắc Kạn)" in report
    assert "5 Hội Nông dân huyện Na Rì 5.518 408 167" in report
    assert "Tổng cộng 83.254 2.429 1.096" in report
    assert "Tổng cộng 16.900 57.600" in report
