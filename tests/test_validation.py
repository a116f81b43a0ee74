"""Validation: the seed sample with one defect at a time, and every message word for word.

Each case edits a copy of ``inputs/bac-kan-2020.yaml`` and expects one line
``file:line:column: field: message``; the line and column are computed from the edited
text, so a wrong position fails as surely as a wrong word.
"""

from __future__ import annotations

import shutil
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from reportgen import i18n
from reportgen.errors import ReportgenError
from reportgen.loading import load
from reportgen.schema import Buoi, YearEnd
from reportgen.unit import make
from reportgen.validation import validate
from tests.conftest import INPUTS, SEED, write_yaml

SEED_TEXT = SEED.read_text(encoding="utf-8")


def edit(*changes: tuple[str, str], text: str = SEED_TEXT) -> str:
    """Apply each (old, new) replacement to the seed text; each ``old`` must occur exactly once."""
    for old, new in changes:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text


NO_PLACE = (
    "thiếu trường bắt buộc này — địa danh ở dòng ngày tháng: `Bắc Kạn` "
    "(như trong `Bắc Kạn, ngày 20 tháng 01 năm 2021`)"
)


def where(text: str, needle: str, after: str = "") -> str:
    """``line:column`` of ``needle`` (1-based), first looked for after ``after``."""
    start = text.index(after) + len(after) if after else 0
    index = text.index(needle, start)
    assert text.count(needle, start) == 1 or after, f"{needle!r} is ambiguous"
    line_start = text.rfind("\n", 0, index) + 1
    return f"{text.count(chr(10), 0, index) + 1}:{index - line_start + 1}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A unit folder holding the seed's photos, so only the defect under test is wrong."""
    shutil.copytree(INPUTS / "anh", tmp_path / "anh")
    return tmp_path


def valid(folder: Path, text: str) -> YearEnd:
    return validate(load(write_yaml(folder, text)))


def problems(folder: Path, text: str) -> list[str]:
    """Every error and warning of the file, as ``reportgen validate`` prints them, minus the path."""
    path = write_yaml(folder, text)
    try:
        found = make(path).warnings
    except ReportgenError as error:
        assert str(error) == "\n".join(str(p) for p in error.problems)
        found = error.problems
    return [str(problem).removeprefix(f"{path}:") for problem in found]


def test_the_seed_copy_is_valid(folder: Path) -> None:
    data = valid(folder, SEED_TEXT)
    assert data.nam == 2020
    assert data.to_chuc.ten == "Hội Khuyến học tỉnh Bắc Kạn"


# --- numbers, money and dates read the Vietnamese way ------------------------------------------


def test_counts_read_dots_as_thousands(folder: Path) -> None:
    indicators = valid(folder, SEED_TEXT).chi_tieu["mo_hinh_hoc_tap"].danh_sach
    assert indicators["gia_dinh_hoc_tap"].gia_tri.value == Decimal(63979)
    assert indicators["cong_dong_hoc_tap"].gia_tri.value == Decimal(1158)


@pytest.mark.parametrize(
    ("typed", "dong"),
    [("319,7 triệu", 319_700_000), ("1,2 tỷ đồng", 1_200_000_000), ("500.000đ", 500_000)],
)
def test_money_is_parsed_to_dong(folder: Path, typed: str, dong: int) -> None:
    data = valid(folder, edit(("gia_tri: 319,7 triệu", f"gia_tri: {typed}")))
    value = data.chi_tieu["hoc_bong"].danh_sach["tien_hoc_bong_khen_thuong"].gia_tri
    assert value.value == Decimal(dong)


def test_a_percent_indicator_reads_a_decimal_comma(folder: Path) -> None:
    text = edit(("        gia_tri: 33\n", "        loai: ty_le\n        gia_tri: 85,2%\n"))
    figure = valid(folder, text).chi_tieu["mo_hinh_hoc_tap"].danh_sach["dong_ho_hoc_tap"].gia_tri
    assert figure.value == Decimal("85.2")


def test_decomposed_enum_value_matches(folder: Path) -> None:
    text = edit(("buoi: sáng", unicodedata.normalize("NFD", "buoi: sáng")))
    assert valid(folder, text).hoi_nghi.buoi is Buoi.SANG


@pytest.mark.parametrize(
    ("typed", "session"), [("Sáng", Buoi.SANG), ("CHIỀU", Buoi.CHIEU), ("Tối", Buoi.TOI)]
)
def test_a_session_is_read_whatever_its_case(folder: Path, typed: str, session: Buoi) -> None:
    text = edit(("buoi: sáng", f"buoi: {typed}"))
    assert valid(folder, text).hoi_nghi.buoi is session


# --- one defect, one line ---------------------------------------------------------------------

INDICATOR = "chi_tieu.mo_hinh_hoc_tap.danh_sach"

DEFECTS = [
    pytest.param(
        [("gia_tri: 63.979", "gia_tri: 63,5")],
        ("63,5", ""),
        f'{INDICATOR}.gia_dinh_hoc_tap.gia_tri: "63,5" không phải số nguyên — '
        "hãy viết số nguyên, ví dụ 63.979",
        id="count-not-whole",
    ),
    pytest.param(
        [("        gia_tri: 33\n", "        loai: ty_le\n        gia_tri: 12.5\n")],
        ("12.5", ""),
        f'{INDICATOR}.dong_ho_hoc_tap.gia_tri: "12.5" không đúng cách viết số — dấu chấm chỉ để tách '
        "hàng nghìn; số thập phân viết bằng dấu phẩy: 12,5",
        id="percent-with-dot",
    ),
    pytest.param(
        [("gia_tri: 319,7 triệu", "gia_tri: 319,7 triệu USD")],
        ("319,7 triệu USD", ""),
        'chi_tieu.hoc_bong.danh_sach.tien_hoc_bong_khen_thuong.gia_tri: "319,7 triệu USD" không đúng '
        "cách viết số tiền — hãy viết số đồng, có thể kèm đơn vị nghìn, triệu, tỷ, "
        "ví dụ 500.000 đồng hoặc 319,7 triệu",
        id="money-unit",
    ),
    pytest.param(
        [("ngay: 20/01/2021", "ngay: 30/02/2021")],
        ("30/02/2021", ""),
        'hoi_nghi.ngay: "30/02/2021" không phải ngày có thật — tháng 2 năm 2021 chỉ có 28 ngày',
        id="date-not-real",
    ),
    pytest.param(
        [("ngay: 20/01/2021", "ngay: 20 tháng 1")],
        ("20 tháng 1", ""),
        'hoi_nghi.ngay: "20 tháng 1" không đúng cách viết ngày — hãy viết ngày/tháng/năm, '
        "năm đủ bốn chữ số, ví dụ 20/01/2021",
        id="date-in-words",
    ),
    pytest.param(
        [("chi_tieu:", "chi_teu:")],
        ("chi_teu:", ""),
        'chi_teu: trường `chi_teu` không có trong mẫu — có phải ý bạn là "chi_tieu"?',
        id="misspelt-field",  # and no cascade: the {placeholders} are not reported as unknown
    ),
    pytest.param(
        [("        don_vi: hộ\n", "        don_vj: hộ\n")],
        ("don_vj", ""),
        f"{INDICATOR}.gia_dinh_hoc_tap.don_vj: trường `don_vj` không có trong mẫu — "
        'có phải ý bạn là "don_vi"?',
        id="misspelt-nested-field",
    ),
    pytest.param(
        [("nam: 2020\n", "nam: 2020\nghi_chu_rieng: x\n")],
        ("ghi_chu_rieng", ""),
        "ghi_chu_rieng: trường `ghi_chu_rieng` không có trong mẫu — các trường có thể dùng: phien_ban, "
        "to_chuc, nam, hoi_nghi, chi_tieu, ket_qua, han_che, phuong_huong, khen_thuong, anh, bai_viet, "
        "bao_cao, don_vi_truc_thuoc",
        id="unknown-field",
    ),
    pytest.param(
        [("  dia_danh: Bắc Kạn\n", "")],
        ("to_chuc:", ""),  # the key of the to_chuc section, where the field belongs
        f"to_chuc.dia_danh: {NO_PLACE}",
        id="missing-field",
    ),
    pytest.param(
        [("  dia_danh: Bắc Kạn\n", "  dia_danh:\n")],
        ("\n", "dia_danh:"),  # a null's position is where the value would have started
        "to_chuc.dia_danh: cần một đoạn chữ ở đây",
        id="empty-field",
    ),
    pytest.param(
        [("buoi: sáng", "buoi: trưa")],
        ("trưa", ""),
        'hoi_nghi.buoi: "trưa" không hợp lệ — hãy viết một trong: `sáng`, `chiều`, `tối`',
        id="wrong-enum",
    ),
    pytest.param(
        [("nam: 2020", "nam: 20")],
        ("20\n", "nam: "),
        'nam: "20" ngoài khoảng cho phép — cần số ≥ 1945',
        id="year-out-of-range",
    ),
    pytest.param(
        [("phien_ban: 1", "phien_ban: 3")],
        ("3", "phien_ban: "),
        "phien_ban: reportgen này đọc mẫu phiên bản 1 và 2 — hãy viết `2`",
        id="format-version",
    ),
    pytest.param(
        [("{so_hoi}", "{so_hoii}")],
        (">-", "ket_qua:"),  # the paragraph (a folded block) starts at its `>-`
        'ket_qua[0]: `{so_hoii}` không phải khoá của chỉ tiêu hay nhóm nào — có phải ý bạn là "{so_hoi}"?',
        id="unknown-placeholder",
    ),
    pytest.param(
        [("{so_hoi}", "{abcxyz}")],
        (">-", "ket_qua:"),
        "ket_qua[0]: `{abcxyz}` không phải khoá của chỉ tiêu hay nhóm nào",
        id="unknown-placeholder-no-suggestion",
    ),
    pytest.param(
        [("{so_hoi}", "{so_hoi:xyz}")],
        (">-", "ket_qua:"),
        "ket_qua[0]: `{so_hoi:xyz}` không có dạng `:xyz` — "
        "hãy viết `{so_hoi}`, `{so_hoi:so}` hoặc `{so_hoi:so_sanh}`",
        id="unknown-placeholder-form",
    ),
    pytest.param(
        [("những khó khăn, hạn chế.", "những khó khăn, hạn chế {so_hoi:xyz}.")],
        (">-", "han_che:"),
        "han_che: `{so_hoi:xyz}` không có dạng `:xyz` — "
        "hãy viết `{so_hoi}`, `{so_hoi:so}` hoặc `{so_hoi:so_sanh}`",
        id="placeholder-form-in-one-text",
    ),
    pytest.param(
        [("      dong_ho_hoc_tap:\n", "      so_hoi:\n")],
        ("so_hoi:", "mo_hinh_hoc_tap:"),
        f"{INDICATOR}.so_hoi: khoá `so_hoi` đã dùng cho một chỉ tiêu hoặc nhóm khác — "
        "mỗi khoá chỉ dùng một lần",
        id="indicator-key-in-two-groups",
    ),
    pytest.param(
        [("      dong_ho_hoc_tap:\n", "      hoc_bong:\n")],
        ("hoc_bong:", "mo_hinh_hoc_tap:"),
        f"{INDICATOR}.hoc_bong: khoá `hoc_bong` đã dùng cho một chỉ tiêu hoặc nhóm khác — "
        "mỗi khoá chỉ dùng một lần",
        id="indicator-key-same-as-group",
    ),
    pytest.param(
        [("anh/trao-bang-khen.png", "anh/trao-bang-khen.jpg")],
        ("anh/trao-bang-khen.jpg", ""),
        'anh[1].tep: cảnh báo: không thấy tệp ảnh "anh/trao-bang-khen.jpg" (tính từ thư mục của tệp YAML) '
        "— tin bài sẽ được làm mà không có ảnh này",
        id="missing-photo",  # a warning: the article is made without it
    ),
    pytest.param(
        [("sau: mo_dau", "sau: cuoi")],
        ("cuoi", ""),
        'anh[0].sau: "cuoi" không hợp lệ — hãy viết một trong: '
        "`mo_dau`, `ket_qua`, `han_che`, `phuong_huong`",
        id="photo-place",
    ),
]


@pytest.mark.parametrize(("changes", "at", "expected"), DEFECTS)
def test_one_defect_gives_one_located_message(
    folder: Path, changes: list[tuple[str, str]], at: tuple[str, str], expected: str
) -> None:
    text = edit(*changes)
    assert problems(folder, text) == [f"{where(text, *at)}: {expected}"]


def test_a_missing_section_is_reported_for_the_file_not_for_a_line_of_another_field(folder: Path) -> None:
    text = SEED_TEXT[: SEED_TEXT.index("bao_cao:")]
    assert problems(folder, text) == [
        " bao_cao: thiếu trường bắt buộc này — báo cáo tổng kết: số, ký hiệu, người ký và nơi nhận"
    ]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_missing_year_says_what_to_write_and_points_at_no_other_line(folder: Path, language: str) -> None:
    text = edit(("nam: 2020\n", ""))
    said = {
        "vi": " nam: thiếu trường bắt buộc này — năm tổng kết: `2020`",
        "en": " nam: this required field is missing — the reporting year: `2020`",
    }
    with i18n.speaking(language):
        assert problems(folder, text) == [said[language]]


def test_a_misspelt_field_next_to_a_required_one_gives_both_lines(folder: Path) -> None:
    text = edit(("  dia_danh: Bắc Kạn", "  dia_dan: Bắc Kạn"))
    assert problems(folder, text) == [
        f"{where(text, 'to_chuc:')}: to_chuc.dia_danh: {NO_PLACE}",
        f"{where(text, 'dia_dan:')}: to_chuc.dia_dan: trường `dia_dan` không có trong mẫu — "
        'có phải ý bạn là "dia_danh"?',
    ]


def test_a_misspelt_indicator_list_does_not_make_placeholders_unknown(folder: Path) -> None:
    text = edit(("    ten: Tổ chức Hội\n    danh_sach:", "    ten: Tổ chức Hội\n    danh_sac:"))
    assert problems(folder, text) == [
        f"{where(text, 'to_chuc_hoi:')}: chi_tieu.to_chuc_hoi.danh_sach: thiếu trường bắt buộc này — "
        "các chỉ tiêu, mỗi chỉ tiêu dưới một khoá riêng (chữ thường không dấu, số và `_`)",
        f"{where(text, 'danh_sac:')}: chi_tieu.to_chuc_hoi.danh_sac: trường `danh_sac` không có trong mẫu — "
        'có phải ý bạn là "danh_sach"?',
    ]


def test_every_problem_in_a_file_is_reported_at_once_in_file_order(folder: Path) -> None:
    text = edit(
        ("anh/trao-bang-khen.png", "anh/khong-co.png"),  # found by a cross-check, after the schema
        ("{so_hoi}", "{so_hoii}"),
        ("gia_tri: 63.979", "gia_tri: 63,5"),
        ("buoi: sáng", "buoi: trưa"),
        ("ngay: 20/01/2021", "ngay: 30/02/2021"),
        ("  dia_danh: Bắc Kạn", "  dia_danh: Bắc Kạn\n  dien_thoai: 0209 3870 123"),
    )
    assert problems(folder, text) == [
        f"{where(text, 'dien_thoai')}: to_chuc.dien_thoai: trường `dien_thoai` không có trong mẫu — "
        "các trường có thể dùng: ten, ten_viet_tat, co_quan_cap_tren, dia_danh",
        f'{where(text, "30/02/2021")}: hoi_nghi.ngay: "30/02/2021" không phải ngày có thật — '
        "tháng 2 năm 2021 chỉ có 28 ngày",
        f'{where(text, "trưa")}: hoi_nghi.buoi: "trưa" không hợp lệ — '
        "hãy viết một trong: `sáng`, `chiều`, `tối`",
        f'{where(text, "63,5")}: {INDICATOR}.gia_dinh_hoc_tap.gia_tri: "63,5" không phải số nguyên — '
        "hãy viết số nguyên, ví dụ 63.979",
        f"{where(text, '>-', after='ket_qua:')}: ket_qua[0]: `{{so_hoii}}` không phải khoá của chỉ tiêu "
        'hay nhóm nào — có phải ý bạn là "{so_hoi}"?',
        f'{where(text, "anh/khong-co.png")}: anh[1].tep: cảnh báo: không thấy tệp ảnh "anh/khong-co.png" '
        "(tính từ thư mục của tệp YAML) — tin bài sẽ được làm mà không có ảnh này",
    ]


def test_each_line_starts_with_the_file_path(folder: Path) -> None:
    path = write_yaml(folder, edit(("buoi: sáng", "buoi: trưa")))
    with pytest.raises(ReportgenError) as caught:
        validate(load(path))
    assert str(caught.value).startswith(f"{path}:17:9: hoi_nghi.buoi: ")
