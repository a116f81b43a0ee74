"""Comparisons: computed once (comparisons.py), worded by the _compare.html macros."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import reportgen
from reportgen import templating
from reportgen.comparisons import Huong, against_previous, against_target, compare, shares_of_totals
from reportgen.compute import shown
from reportgen.schema import ChiTieu, HienThi, Loai
from reportgen.vi.figures import Figure
from reportgen.vi.typed import read
from tests.conftest import SECOND, html_text

D = Decimal


MIXED = "115 triệu 550 ngàn đồng"
NGOAC = HienThi(so_voi_nam_truoc="ngoac")
PHAN_SO = HienThi(so_voi_ke_hoach="phan_so")


def fig(text: str, kind: str = "so_luong") -> Figure:
    return read(text, kind)


@pytest.mark.parametrize(
    ("value", "previous", "kind", "direction", "difference", "percent"),
    [
        ("12.486", "12.105", Loai.SO_LUONG, Huong.TANG, "381", "3,1%"),
        ("90", "100", Loai.SO_LUONG, Huong.GIAM, "10", "-10%"),
        ("100", "100", Loai.SO_LUONG, Huong.NGANG, "0", "0%"),
        ("100.004", "100.000", Loai.SO_LUONG, Huong.NGANG, "4", "0%"),  # prints as 0%: unchanged
        ("100.050", "100.000", Loai.SO_LUONG, Huong.TANG, "50", "0,1%"),
        ("540", "0", Loai.SO_LUONG, Huong.TANG, "540", None),  # no percent of nothing
        ("68,5", "64,2", Loai.TY_LE, Huong.TANG, "4,3", None),  # points, not percent
        ("64,2", "68,5", Loai.TY_LE, Huong.GIAM, "4,3", None),
        ("68,52", "68,5", Loai.TY_LE, Huong.NGANG, "0,02", None),
        ("8,65 tỷ", "7,9 tỷ", Loai.TIEN, Huong.TANG, "0,75 tỷ đồng", "9,5%"),
        ("8,65 tỷ", "7.900 triệu", Loai.TIEN, Huong.TANG, "750 triệu đồng", "9,5%"),
        ("8,60 tỷ", "7,9 tỷ", Loai.TIEN, Huong.TANG, "0,70 tỷ đồng", "8,9%"),  # the decimals typed
        (
            "1 tỷ 141 triệu 950 ngàn",
            "1 tỷ 26 triệu 400 ngàn",
            Loai.TIEN,
            Huong.TANG,
            "115 triệu 550 ngàn đồng",
            "11,3%",
        ),
        ("hơn 196.000", "180.000", Loai.SO_LUONG, Huong.TANG, "khoảng 16.000", "khoảng 8,9%"),
    ],
)
def test_against_previous(
    value: str, previous: str, kind: Loai, direction: Huong, difference: str, percent: str | None
) -> None:
    result = against_previous(fig(value, kind), fig(previous, kind), kind)
    assert result.huong is direction
    assert str(result.chenh_lech) == difference
    assert result.diem_phan_tram is (kind is Loai.TY_LE)
    assert (None if result.phan_tram is None else str(result.phan_tram)) == percent


@pytest.mark.parametrize(
    ("this", "last", "places", "difference", "percent"),
    [
        # The difference printed is the difference of the figures printed: 8,65 − 7,9 is 0,75.
        ("8,65 tỷ", "7,9 tỷ", 1, D("0.75"), "9,5%"),
        ("12.486", "12.105", 2, D(381), "3,15%"),
        ("68,5", "64,2", 0, D("4.3"), None),
    ],
)
def test_a_difference_is_exact_and_a_percentage_rounds_half_up_to_the_places_asked(
    this: str, last: str, places: int, difference: Decimal, percent: str | None
) -> None:
    kind = Loai.TIEN if "tỷ" in this else Loai.TY_LE if "," in this else Loai.SO_LUONG
    result = against_previous(fig(this, kind), fig(last, kind), kind, places)
    scale = D(10**9) if kind is Loai.TIEN else D(1)
    assert result.chenh_lech.value / scale == difference
    assert fig(this, kind).value - fig(last, kind).value == result.chenh_lech.value
    assert (None if result.phan_tram is None else str(result.phan_tram)) == percent


@pytest.mark.parametrize(
    ("value", "target", "ratio", "beyond", "met"),
    [
        ("381", "300", "127%", "27%", True),
        ("300", "300", "100%", "0%", True),
        ("12", "15", "80%", "0%", False),
        ("71", "70", "101,4%", "1,4%", True),
        ("100.050", "100.000", "100,1%", "0,1%", True),  # 100,05 and 0,05 round half up alike
    ],
)
def test_against_target(value: str, target: str, ratio: str, beyond: str, met: bool) -> None:
    result = against_target(fig(value), fig(target))
    assert result is not None
    assert (str(result.ty_le), str(result.vuot), result.dat) == (ratio, beyond, met)


def test_a_zero_target_cannot_be_attained() -> None:
    assert against_target(fig("5"), fig("0")) is None


def test_share_of_the_total_typed_or_computed_and_missing_data() -> None:
    share = compare(ChiTieu(nhan="hộ", gia_tri="3.215", tong="10.950")).chiem
    assert str(share) == "29,4%"
    typed = compare(ChiTieu(nhan="hộ", gia_tri="176", tong="18.406", ty_le="0,96%")).chiem
    assert str(typed) == "0,96%"  # as typed, where the computed one would read 1%
    bare = compare(ChiTieu(nhan="hộ", gia_tri="5"))
    assert (bare.nam_truoc, bare.ke_hoach, bare.chiem, bare.trong_do) == (None, None, None, {})


def test_the_shares_of_parts_that_make_up_the_whole_print_as_100_percent() -> None:
    parts = {"cấp tỉnh": "588 triệu", "cấp huyện": "1.788 triệu", "cấp xã": "2.424 triệu"}
    indicator = ChiTieu(nhan="kinh phí", loai="tien", gia_tri="4.800 triệu", trong_do=parts)  # type: ignore[arg-type]
    shares = compare(indicator).trong_do
    # 12,25%, 37,25% and 50,5% would round half up to 12,3 + 37,3 + 50,5 = 100,1.
    assert {label: str(share) for label, share in shares.items()} == {
        "cấp tỉnh": "12,3%",
        "cấp huyện": "37,2%",
        "cấp xã": "50,5%",
    }
    assert sum(share.value for share in shares.values()) == 100


def test_indicators_that_split_one_total_have_shares_that_add_up() -> None:
    group = {
        key: ChiTieu(nhan=key, gia_tri=value, tong="3") for key, value in (("a", "1"), ("b", "1"), ("c", "1"))
    }
    shares = shares_of_totals(group)
    assert [str(shares[key]) for key in "abc"] == ["33,4%", "33,3%", "33,3%"]
    assert [str(compare(c, shares[key]).chiem) for key, c in group.items()] == ["33,4%", "33,3%", "33,3%"]


def _worded(indicator: ChiTieu, year: int = 2023) -> str:
    """The comparisons of an indicator as the packaged macros word them, its display applied."""
    macros = templating.environment().get_template("_compare.html").module
    indicator = shown(indicator, HienThi())
    return str(macros.tat_ca(indicator, compare(indicator), year)).strip()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            dict(gia_tri="381", nam_truoc="295", ke_hoach="300", don_vi="người"),
            "tăng 86 người (29,2%) so với năm 2022, vượt 27% kế hoạch",
        ),
        (
            dict(gia_tri="290", nam_truoc="295", ke_hoach="300"),
            "giảm 5 (1,7%) so với năm 2022, đạt 96,7% kế hoạch",
        ),
        (dict(gia_tri="300", ke_hoach="300"), "đạt 100% kế hoạch"),
        (dict(gia_tri="100.004", nam_truoc="100.000"), "tương đương năm trước"),
        (dict(gia_tri="540", nam_truoc="0", don_vi="chi hội"), "tăng 540 chi hội so với năm 2022"),
        (
            dict(loai=Loai.TY_LE, gia_tri="68,5", nam_truoc="64,2", ke_hoach="70"),
            "tăng 4,3 điểm phần trăm so với năm 2022, đạt 97,9% kế hoạch",
        ),
        (
            dict(loai=Loai.TIEN, gia_tri="8,65 tỷ", nam_truoc="7,9 tỷ"),
            "tăng 0,75 tỷ đồng (9,5%) so với năm 2022",
        ),
        (
            dict(loai=Loai.TIEN, gia_tri="8,65 tỷ", nam_truoc="7,9 tỷ", hien_thi=HienThi(tinh_bang="trieu")),
            "tăng 750 triệu đồng (9,5%) so với năm 2022",
        ),
        # A total alone is only "X/Y"; its share comes when a form that shows it is chosen.
        (dict(gia_tri="3.215", tong="10.950", nam_truoc="3.080"), "tăng 135 (4,4%) so với năm 2022"),
        (
            dict(gia_tri="3.215", tong="10.950", nam_truoc="3.080", hien_thi=HienThi(so_voi_tong="chiem")),
            "chiếm 29,4%, tăng 135 (4,4%) so với năm 2022",
        ),
        (
            dict(gia_tri="226.259", tong="254.657", hien_thi=HienThi(so_voi_tong="phan_so_dat")),
            "đạt 88,8%",
        ),
        (
            dict(
                gia_tri="540", nam_truoc="1.869", don_vi="chi hội", hien_thi=HienThi(so_voi_nam_truoc="ngoac")
            ),
            "(giảm 1.329 chi hội so với năm 2022)",
        ),
        (
            dict(gia_tri="554", nam_truoc="612", hien_thi=HienThi(so_voi_nam_truoc="bang")),
            "bằng 90,5% so với cùng kỳ",
        ),
        (dict(gia_tri="116", ke_hoach="100", hien_thi=HienThi(so_voi_ke_hoach="dat")), "đạt 116% kế hoạch"),
        (dict(gia_tri="116", ke_hoach="100"), "vượt 16% kế hoạch"),
        (
            dict(gia_tri="116", ke_hoach="100", hien_thi=HienThi(so_voi_ke_hoach="vuot_chi_tieu")),
            "vượt chỉ tiêu giao",
        ),
        (
            dict(gia_tri="100", ke_hoach="100", hien_thi=HienThi(so_voi_ke_hoach="vuot_chi_tieu")),
            "đạt chỉ tiêu giao",
        ),
        (
            dict(gia_tri="71", ke_hoach="70", hien_thi=HienThi(so_voi_ke_hoach="phan_so")),
            "đạt 101,4% chỉ tiêu",
        ),
        (
            dict(
                gia_tri="2.409",
                nam_truoc="1.869",
                ke_hoach="2.000",
                hien_thi=HienThi(so_voi_nam_truoc="ngoac"),
            ),
            "(tăng 540 so với năm 2022), vượt 20,5% kế hoạch",
        ),
        (dict(gia_tri="5"), ""),
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
    # Typed 8,65 tỷ and 7,9 tỷ: printed as typed, the difference in their unit and decimals.
    assert "8,65 tỷ đồng, tăng 0,75 tỷ đồng (9,5%) so với năm 2022, vượt 1,8% kế hoạch" in article
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
