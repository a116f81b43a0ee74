"""The report's chart: main indicators drawn as SVG, text kept as text in the report's font."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

import reportgen
from reportgen import charts
from reportgen.compute import main_indicators
from reportgen.errors import ReportgenError
from reportgen.loading import load
from reportgen.schema import ChiTieu
from reportgen.validation import validate
from tests.conftest import SECOND, SEED, html_text
from tests.report_pdf import find, open_pdf, style

TEXT = re.compile(r"<text [^>]*>([^<]*)</text>")


@pytest.fixture(scope="module")
def indicators() -> dict[str, ChiTieu]:
    data = validate(load(SECOND))
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


def test_a_report_without_comparisons_has_no_chart(tmp_path: Path) -> None:
    reportgen.build([SEED], out=tmp_path, fmt=reportgen.Format.HTML)
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


BAR = re.compile(r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" clip-path')
LABEL = re.compile(r'<text x="([\d.]+)" y="([\d.]+)" style="font-size: ([\d.]+)px[^"]*">([^<]*)</text>')


def bars(svg: str) -> list[tuple[float, float, float, float]]:
    return [(float(x), float(y), float(w), float(h)) for x, y, w, h in BAR.findall(svg)]


def test_the_text_sits_by_the_packaged_font_s_own_metrics() -> None:
    from fontTools.ttLib import TTFont

    from reportgen import fonts

    with TTFont(fonts.PACKAGED.faces[0].path, lazy=True) as font:
        per_em = font["head"].unitsPerEm
        metrics = (font["hhea"].ascent / per_em, -font["hhea"].descent / per_em)
    assert metrics == (charts.ASCENT, charts.DESCENT)


def test_each_bar_is_drawn_to_its_panel_s_scale_from_zero() -> None:
    members = ChiTieu(
        nhan="tổng số hội viên", don_vi="người", gia_tri="12.486", nam_truoc="12.105", ke_hoach="12.400"
    )
    svg = charts.indicator_chart([members], 2023)
    drawn = bars(svg)
    [(left, top, width, height)] = re.findall(
        r'<clipPath id="[^"]+"><rect x="([\d.]+)" y="([\d.]+)" '
        r'width="([\d.]+)" height="([\d.]+)"/>',
        svg,
    )
    bottom = float(top) + float(height)
    # Every bar stands on the axis; the tallest reaches 1/1.2 of the panel, the others in proportion.
    assert all(y + h == pytest.approx(bottom) for _, y, _, h in drawn)
    assert [h for _, _, _, h in drawn] == pytest.approx(
        [float(height) * value / (12486 * 1.2) for value in (12105, 12486, 12400)]
    )
    # Three bars of the same width, evenly spaced, centred in the panel.
    centres = [x + w / 2 for x, _, w, _ in drawn]
    assert centres[1] - centres[0] == pytest.approx(centres[2] - centres[1])
    assert centres[1] == pytest.approx(float(left) + float(width) / 2)
    # Each figure sits above its bar, centred on it; the years and the target under the axis.
    texts = LABEL.findall(svg)
    assert [text for *_, text in texts] == [
        "Năm 2022", "Năm 2023", "Kế hoạch", "12.105", "12.486", "12.400", "Tổng số hội viên (người)"
    ]  # fmt: skip
    for (x, bar_top, bar_width, _), (label_x, label_y, size, _) in zip(drawn, texts[3:6], strict=True):
        assert float(label_x) == pytest.approx(x + bar_width / 2)
        assert float(label_y) < bar_top and float(size) == 8.5
    assert all(float(y) > bottom for _, y, _, _ in texts[:3])


def test_a_changed_figure_redraws_its_bar_and_label_alone(indicators: dict[str, ChiTieu]) -> None:
    def members(this_year: str) -> ChiTieu:
        return ChiTieu(
            nhan="hội viên", don_vi="người", gia_tri=this_year, nam_truoc="12.105", ke_hoach="12.400"
        )

    others = [indicators["hoi_vien_moi"], indicators["tap_huan"]]
    before = charts.indicator_chart([members("12.486"), *others], 2023)
    after = charts.indicator_chart([members("12.300"), *others], 2023)
    assert after != before and charts.indicator_chart([members("12.300"), *others], 2023) == after
    assert "12.300" in TEXT.findall(after) and "12.486" not in TEXT.findall(after)
    changed = [i for i, (old, new) in enumerate(zip(bars(before), bars(after), strict=True)) if old != new]
    assert changed == [0, 1, 2]  # the first panel's bars: its scale follows its tallest bar, now the target
    assert bars(after)[3:] == bars(before)[3:]


def test_a_bar_below_zero_hangs_from_zero_with_its_figure_under_it() -> None:
    loss = ChiTieu(nhan="chênh lệch thu chi", don_vi="triệu đồng", gia_tri="-5", nam_truoc="10")
    svg = charts.indicator_chart([loss], 2024)
    (_, last_top, _, last_height), (_, top, _, height) = bars(svg)
    assert top == pytest.approx(last_top + last_height)  # this year's bar starts where zero is
    figure = next(y for _, y, _, text in LABEL.findall(svg) if text == "-5")
    assert float(figure) > top + height


def test_titles_and_figures_are_escaped() -> None:
    odd = ChiTieu(nhan="thu & chi <quỹ>", gia_tri="5", nam_truoc="3")
    svg = charts.indicator_chart([odd], 2024)
    assert "Thu &amp; chi &lt;quỹ&gt;" in svg and "<quỹ>" not in svg


def test_panels_of_a_row_share_the_room_of_its_longest_title(indicators: dict[str, ChiTieu]) -> None:
    shown = [
        indicators["hoi_vien"],  # Tổng số hội viên (người)
        indicators["ho_sxkd_gioi"],  # Hộ đạt danh hiệu sản xuất, / kinh doanh giỏi các cấp (hộ)
        indicators["hoi_vien_moi"],  # Kết nạp hội viên mới (người)
        indicators["hoi_vien"],
    ]
    svg = charts.indicator_chart(shown, 2023)
    boxes = re.findall(
        r'<clipPath id="[^"]+"><rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"', svg
    )
    first_row, second_row = boxes[:3], boxes[3:]
    assert len(set(first_row)) == 1  # one title of two lines lowers the three panels' bars alike
    # The second row's title is a line shorter: its bars start that much nearer the row's top, and are taller.
    assert float(first_row[0][0]) - (float(second_row[0][0]) - charts.ROW_HEIGHT) == pytest.approx(
        charts.TITLE_SIZE * charts.LINE_SPACING
    )
    assert float(second_row[0][1]) - float(first_row[0][1]) == pytest.approx(
        charts.TITLE_SIZE * charts.LINE_SPACING
    )
