"""The report's chart: main indicators drawn by matplotlib, text kept as text in the report's font."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import reportgen
from reportgen import charts
from reportgen.compute import main_indicators
from reportgen.errors import ReportgenError
from reportgen.schema import ChiTieu
from reportgen.validation import load_and_validate
from tests.conftest import ROOT, SECOND, SEED, html_text
from tests.report_pdf import find, open_pdf, style

TEXT = re.compile(r"<text [^>]*>([^<]*)</text>")


@pytest.fixture(scope="module")
def indicators() -> dict[str, ChiTieu]:
    _, data = load_and_validate(SECOND)
    return {key: c for group in data.chi_tieu.values() for key, c in group.danh_sach.items()}


def test_the_main_indicators_are_those_with_a_target(indicators: dict[str, ChiTieu]) -> None:
    assert main_indicators(indicators) == [
        "hoi_vien",
        "hoi_vien_moi",
        "ho_sxkd_gioi",
        "tap_huan",
        "quy_ho_tro",
    ]
    assert len(main_indicators({f"k{i}": indicators["hoi_vien"] for i in range(20)})) == 6


def test_a_panel_shows_last_year_this_year_and_the_target(indicators: dict[str, ChiTieu]) -> None:
    members = charts.panel(indicators["hoi_vien"], 2023)
    assert (members.title, members.unit) == ("Tổng số hội viên", "người")
    assert [(label, figure) for label, _, figure, _ in members.bars] == [
        ("Năm 2022", "12.105"),
        ("Năm 2023", "12.486"),
        ("Kế hoạch", "12.400"),
    ]
    assert [height for _, height, _, _ in members.bars] == [12105, 12486, 12400]


def test_percentages_carry_their_sign_and_money_its_unit(indicators: dict[str, ChiTieu]) -> None:
    trained = charts.panel(indicators["tap_huan"], 2023)
    assert trained.unit == ""
    assert [figure for _, _, figure, _ in trained.bars] == ["64,2%", "68,5%", "70%"]
    fund = charts.panel(indicators["quy_ho_tro"], 2023)
    assert fund.unit == "tỷ đồng"
    assert [figure for _, _, figure, _ in fund.bars] == ["7,9", "8,65", "8,5"]
    small = ChiTieu(nhan="quỹ", loai="tien", gia_tri="4.500.000 đồng", ke_hoach="5 triệu")
    assert charts.panel(small, 2023).unit == "đồng"  # the unit the figure of the year was typed in
    assert [(label, figure) for label, _, figure, _ in charts.panel(small, 2023).bars] == [
        ("Năm 2023", "4.500.000"),
        ("Kế hoạch", "5 triệu"),  # typed in another unit: it keeps its own
    ]
    assert [height for _, height, _, _ in charts.panel(small, 2023).bars] == [4_500_000, 5_000_000]


def test_a_panel_labels_its_bars_as_the_table_prints_them() -> None:
    mixed = ChiTieu(nhan="quỹ", loai="tien", gia_tri="1 tỷ 141 triệu 950 ngàn", nam_truoc="1.026,4 triệu")
    shown = charts.panel(mixed, 2024)
    assert shown.unit == "đồng"
    assert [figure for _, _, figure, _ in shown.bars] == ["1.026,4 triệu", "1 tỷ 141 triệu 950 ngàn"]
    people = ChiTieu(nhan="lượt người", don_vi="lượt người", gia_tri="trên 2 triệu", nam_truoc="1,8 triệu")
    shown = charts.panel(people, 2024)
    assert (shown.unit, [figure for _, _, figure, _ in shown.bars]) == ("triệu lượt người", ["1,8", "trên 2"])


def test_the_chart_is_svg_with_its_text_as_text_in_the_report_s_family(
    indicators: dict[str, ChiTieu],
) -> None:
    shown = [indicators[key] for key in main_indicators(indicators)]
    svg = charts.indicator_chart(shown, 2023)
    assert svg.startswith("<svg ") and svg.rstrip().endswith("</svg>")
    texts = TEXT.findall(svg)
    for label in ("Tổng số hội viên (người)", "12.486", "68,5%", "8,65", "Năm 2022", "Kế hoạch"):
        assert label in texts
    families = set(re.findall(r"font-family: ([^;\"]+)", svg))
    assert families == {"'reportgen', 'Noto Serif', 'Times New Roman', serif"}
    assert "<use " not in svg and "glyph" not in svg  # no text drawn as outlines
    # Two rows of three panels, at the width of the text block (165 mm).
    assert 'width="467.716535pt"' in svg
    assert charts.indicator_chart(shown, 2023) == svg  # the same drawing every time


def test_the_svg_carries_no_rdf_and_only_ids_it_uses(indicators: dict[str, ChiTieu]) -> None:
    shown = [indicators[key] for key in main_indicators(indicators)]
    svg = charts.indicator_chart(shown, 2023)
    assert "<metadata" not in svg and "rdf:" not in svg and "<?xml" not in svg and "<!DOCTYPE" not in svg
    ids = re.findall(r' id="([^"]+)"', svg)
    assert len(ids) == 5  # one clipping box per panel
    assert all(f"url(#{id_})" in svg for id_ in ids)
    # Another chart on the same page never repeats an id, even with the same clipping boxes.
    other = charts.indicator_chart(shown, 2024)
    assert re.findall(r"<clipPath [^>]*>(.*?)</clipPath>", other, re.DOTALL) == re.findall(
        r"<clipPath [^>]*>(.*?)</clipPath>", svg, re.DOTALL
    )
    assert set(re.findall(r' id="([^"]+)"', other)).isdisjoint(ids)


def test_a_long_title_wraps_and_keeps_its_unit_whole(indicators: dict[str, ChiTieu]) -> None:
    svg = charts.indicator_chart([indicators["ho_sxkd_gioi"]], 2023)
    titles = [t for t in TEXT.findall(svg) if t and not re.match(r"^[\d.,%]+$|^Năm|^Kế", t)]
    assert titles == ["Hộ đạt danh hiệu sản xuất,", "kinh doanh giỏi các cấp (hộ)"]


def test_the_report_embeds_the_chart_in_html_and_pdf(built: Path) -> None:
    html = (built / SECOND.stem / "report.html").read_text(encoding="utf-8")
    assert html.count("<svg ") == 1 and '<figure class="chart" aria-labelledby="bieu-do">' in html
    assert "Biểu đồ: Một số chỉ tiêu chủ yếu năm 2023 so với năm 2022 và kế hoạch" in html_text(
        built / SECOND.stem / "report.html"
    )
    with open_pdf(built / SECOND.stem / "report.pdf") as pdf:
        [page] = [p for p in pdf.pages if p.search("Biểu đồ:")]
        title = find(page, "Tổng số hội viên (người)")
        assert style(title)[1] == 9.5
        assert style(find(page, "12.486"))[1] == 8.5


def test_a_report_without_comparisons_has_no_chart_and_loads_no_matplotlib(tmp_path: Path) -> None:
    code = (
        "import sys, pathlib, reportgen; "
        f"reportgen.build([pathlib.Path({str(SEED)!r})], out=pathlib.Path({str(tmp_path)!r}), "
        "fmt=reportgen.Format.HTML); print('matplotlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "False"
    assert "<svg" not in (tmp_path / SEED.stem / "report.html").read_text(encoding="utf-8")


def test_a_template_naming_an_unknown_indicator_gets_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "mau").mkdir()
    (tmp_path / "mau" / "report.html").write_text(
        '{% extends "!default/report.html" %}\n{% block chart %}{{ ["khong_co"] | chart }}{% endblock %}\n',
        encoding="utf-8",
    )
    with pytest.raises(ReportgenError) as error:
        reportgen.build([SECOND], out=tmp_path / "out", templates=tmp_path / "mau", fmt=reportgen.Format.HTML)
    assert str(error.value) == (
        f"{tmp_path / 'mau' / 'report.html'}:2:1: mẫu dùng tên chưa có: "
        "không có chỉ tiêu `khong_co` để vẽ biểu đồ"
    )


def test_a_very_long_title_is_cut_and_nothing_is_said_on_the_terminal() -> None:
    label = "hội viên tham gia sinh hoạt thường xuyên tại các chi hội ở thôn, bản, tổ dân phố " * 6
    long = ChiTieu(nhan=label, don_vi="người", gia_tri="5", nam_truoc="3")
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        svg = charts.indicator_chart([long] * 3, 2023)
    assert [str(warning.message) for warning in said] == []
    title = [text for text in TEXT.findall(svg) if text and not re.match(r"^[\d.,%]+$|^Năm|^Kế", text)]
    assert title[:4] == [
        "Hội viên tham gia sinh hoạt",
        "thường xuyên tại các chi hội",
        "ở thôn, bản, tổ dân phố hội",
        "viên tham gia sinh … (người)",
    ]
    assert len(title) == 3 * 4  # each panel's title cut at four lines, keeping its unit
