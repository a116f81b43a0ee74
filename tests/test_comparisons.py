"""Comparisons: computed once (comparisons.py), worded by the _compare.html macros."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import reportgen
from reportgen import templating
from reportgen.comparisons import Huong, against_previous, against_target, compare
from reportgen.schema import ChiTieu, Loai
from tests.conftest import SECOND, html_text

D = Decimal


@pytest.mark.parametrize(
    ("value", "previous", "kind", "direction", "difference", "percent"),
    [
        (12486, 12105, Loai.SO_LUONG, Huong.TANG, 381, D("3.147")),
        (90, 100, Loai.SO_LUONG, Huong.GIAM, 10, D("-10")),
        (100, 100, Loai.SO_LUONG, Huong.NGANG, 0, D("0")),
        (100004, 100000, Loai.SO_LUONG, Huong.NGANG, 4, D("0.004")),  # prints as 0,0%: unchanged
        (100050, 100000, Loai.SO_LUONG, Huong.TANG, 50, D("0.05")),
        (540, 0, Loai.SO_LUONG, Huong.TANG, 540, None),  # no percent of nothing
        (D("68.5"), D("64.2"), Loai.TY_LE, Huong.TANG, D("4.3"), None),  # points, not percent
        (D("64.2"), D("68.5"), Loai.TY_LE, Huong.GIAM, D("4.3"), None),
        (D("68.52"), D("68.5"), Loai.TY_LE, Huong.NGANG, D("0.02"), None),
        (8650000000, 7900000000, Loai.TIEN, Huong.TANG, 750000000, D("9.494")),
    ],
)
def test_against_previous(
    value: object, previous: object, kind: Loai, direction: Huong, difference: object, percent: object
) -> None:
    result = against_previous(D(str(value)), D(str(previous)), kind)
    assert result.huong is direction
    assert result.chenh_lech == D(str(difference))
    assert result.diem_phan_tram is (kind is Loai.TY_LE)
    if percent is None:
        assert result.phan_tram is None
    else:
        assert result.phan_tram is not None
        assert round(result.phan_tram, 3) == percent


@pytest.mark.parametrize(
    ("value", "target", "ratio", "beyond", "met"),
    [
        (381, 300, 127, 27, True),
        (300, 300, 100, 0, True),
        (12, 15, 80, 0, False),
        (71, 70, D("101.43"), D("1.43"), True),
    ],
)
def test_against_target(value: int, target: int, ratio: object, beyond: object, met: bool) -> None:
    result = against_target(D(value), D(target))
    assert result is not None
    assert (round(result.ty_le, 2), round(result.vuot, 2), result.dat) == (D(str(ratio)), D(str(beyond)), met)


def test_a_zero_target_cannot_be_attained() -> None:
    assert against_target(D(5), D(0)) is None


def test_share_of_the_base_and_missing_data() -> None:
    share = compare(ChiTieu(nhan="hộ", gia_tri=D(3215), tong=D(10950))).chiem
    assert share is not None and round(share, 1) == D("29.4")
    bare = compare(ChiTieu(nhan="hộ", gia_tri=D(5)))
    assert (bare.nam_truoc, bare.ke_hoach, bare.chiem) == (None, None, None)


def _worded(indicator: ChiTieu, year: int = 2023) -> str:
    macros = templating.environment().get_template("_compare.html").module
    return str(macros.tat_ca(indicator, compare(indicator), year)).strip()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            dict(gia_tri=D(381), nam_truoc=D(295), ke_hoach=D(300), don_vi="người"),
            "tăng 86 người (29,2%) so với năm 2022, vượt 27% kế hoạch",
        ),
        (
            dict(gia_tri=D(290), nam_truoc=D(295), ke_hoach=D(300)),
            "giảm 5 (1,7%) so với năm 2022, đạt 96,7% kế hoạch",
        ),
        (dict(gia_tri=D(300), ke_hoach=D(300)), "đạt 100% kế hoạch"),
        (dict(gia_tri=D(100004), nam_truoc=D(100000)), "tương đương năm trước"),
        (dict(gia_tri=D(540), nam_truoc=D(0), don_vi="chi hội"), "tăng 540 chi hội so với năm 2022"),
        (
            dict(loai=Loai.TY_LE, gia_tri=D("68.5"), nam_truoc=D("64.2"), ke_hoach=D(70)),
            "tăng 4,3 điểm phần trăm so với năm 2022, đạt 97,9% kế hoạch",
        ),
        (
            dict(loai=Loai.TIEN, gia_tri=D(8650000000), nam_truoc=D(7900000000)),
            "tăng 750 triệu đồng (9,5%) so với năm 2022",
        ),
        (
            dict(gia_tri=D(3215), tong=D(10950), nam_truoc=D(3080)),
            "chiếm 29,4%, tăng 135 (4,4%) so với năm 2022",
        ),
        (dict(gia_tri=D(5)), ""),
    ],
)
def test_comparisons_read_as_the_press_writes_them(fields: dict[str, object], expected: str) -> None:
    assert _worded(ChiTieu(nhan="nhãn", **fields)) == expected  # type: ignore[arg-type]


def test_second_sample_compares_in_article_and_report(tmp_path: Path) -> None:
    reportgen.build([SECOND], out=tmp_path, fmt=reportgen.Format.HTML)
    article = html_text(tmp_path / "na-ri-2023" / "article.html")
    assert "12.486 hội viên, tăng 381 người (3,1%) so với năm 2022, vượt 0,7% kế hoạch" in article
    assert "381 hội viên mới, tăng 86 người (29,2%) so với năm 2022, vượt 27% kế hoạch" in article
    assert "68,5%, tăng 4,3 điểm phần trăm so với năm 2022, đạt 97,9% kế hoạch" in article
    assert "8,7 tỷ đồng, tăng 750 triệu đồng (9,5%) so với năm 2022, vượt 1,8% kế hoạch" in article
    report = html_text(tmp_path / "na-ri-2023" / "report.html")
    assert "Tổng số hội viên người 12.105 12.486 tăng 3,1% 12.400 100,7%" in report
    assert "Tỷ lệ hội viên được tập huấn chuyển giao kỹ thuật % 64,2% 68,5% tăng 4,3 điểm 70% 97,9%" in report
    assert "Số chi hội chi hội 184 186 tăng 1,1%" in report


def test_a_user_can_reword_comparisons(tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    # A user copies the packaged macros and rewords one of them.
    packaged = (templating.packaged_templates() / "_compare.html").read_text(encoding="utf-8")
    reworded = "{% macro tat_ca(c, s, nam) %}so với {{ nam - 1 }}: {{ s.nam_truoc.huong }}{% endmacro %}"
    (templates / "_compare.html").write_text(packaged + reworded, encoding="utf-8")
    reportgen.build([SECOND], out=tmp_path / "out", templates=templates, fmt=reportgen.Format.HTML)
    article = html_text(tmp_path / "out" / "na-ri-2023" / "article.html")
    assert "12.486 hội viên, so với 2022: tang" in article
