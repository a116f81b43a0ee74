"""Loading: YAML becomes text and None with every position kept, and a bad file says why.

Every message is asserted word for word: it is what the secretary reads.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from reportgen.errors import Location, ReportgenError
from reportgen.loading import Document, load
from tests.conftest import write_yaml

NOT_UTF8 = (
    "tệp không phải mã Unicode UTF-8 mà có vẻ là bảng mã cũ {name} — mở Unikey, chọn Công cụ "
    "chuyển mã, Nguồn: {name}, Đích: Unicode, chuyển tệp rồi lưu lại với mã UTF-8"
)
UNKNOWN_ENCODING = (
    "tệp không phải mã Unicode UTF-8 — mở tệp bằng trình soạn thảo và lưu lại với mã UTF-8 "
    "(nếu là mã cũ TCVN3, VNI hay Windows-1258 thì chuyển bằng Công cụ chuyển mã của Unikey)"
)
TAB = "có ký tự Tab — YAML chỉ thụt lề bằng dấu cách, hãy thay Tab bằng dấu cách"
ANCHOR = "không dùng neo và bí danh (&, *) — hãy viết lại giá trị đầy đủ"


def where(text: str, needle: str, after: str = "") -> tuple[int, int]:
    """The 1-based line and column of ``needle``, first looked for after ``after``."""
    index = text.index(needle, text.index(after) + len(after) if after else 0)
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def at(path: Path, text: str, needle: str, after: str = "") -> Location:
    return Location(path, *where(text, needle, after))


def load_text(folder: Path, text: str) -> Document:
    return load(write_yaml(folder, text))


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ReportgenError) as caught:
        load(path)
    return [str(problem) for problem in caught.value.problems]


# --- every scalar stays text --------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("63.979", "63.979"),  # YAML would read the float 63.979
        ("1.500", "1.500"),  # … and 1.5
        ("319,7 triệu", "319,7 triệu"),
        ("no", "no"),  # … and False
        ("yes", "yes"),
        ("on", "on"),
        ("true", "true"),
        ("0123", "0123"),  # … and the octal 83
        ("0x1F", "0x1F"),
        ("1e3", "1e3"),
        ("12:30", "12:30"),  # … and the sexagesimal 750
        ("2021-01-20", "2021-01-20"),  # … and a date
        ("'0123'", "0123"),
        ('"63.979"', "63.979"),
        ('"no"', "no"),
        ("''", ""),  # quoted empty text is text, not nothing
        ('"  Bắc Kạn "', "  Bắc Kạn "),
    ],
)
def test_every_scalar_is_kept_as_text(tmp_path: Path, typed: str, kept: str) -> None:
    document = load_text(tmp_path, f"gia_tri: {typed}\n")
    assert document.data == {"gia_tri": kept}


@pytest.mark.parametrize("typed", ["", " ~", " null", " Null", " NULL"])
def test_null_and_empty_values_are_none(tmp_path: Path, typed: str) -> None:
    assert load_text(tmp_path, f"ghi_chu:{typed}\nnam: 2020\n").data == {"ghi_chu": None, "nam": "2020"}


def test_lists_and_nested_mappings_hold_text(tmp_path: Path) -> None:
    text = "chi_tieu:\n  so_hoi:\n    gia_tri: 120\nso: [1, 2.5, no]\nnoi_nhan:\n  - Lưu\n  -\n"
    assert load_text(tmp_path, text).data == {
        "chi_tieu": {"so_hoi": {"gia_tri": "120"}},
        "so": ["1", "2.5", "no"],
        "noi_nhan": ["Lưu", None],
    }


def test_block_scalars_are_text_as_yaml_folds_them(tmp_path: Path) -> None:
    text = "han_che: >-\n  Dòng một\n  dòng hai\n\n  Đoạn hai\nghi_chu: |\n  a\n  b\n"
    assert load_text(tmp_path, text).data == {"han_che": "Dòng một dòng hai\nĐoạn hai", "ghi_chu": "a\nb\n"}


# --- positions ----------------------------------------------------------------------------

POSITIONS = """\
# Ghi chú đầu tệp
nam: 2020
to_chuc:
  ten: Hội Khuyến học tỉnh Bắc Kạn
  dia_danh:   Bắc Kạn
anh:
  - tep: anh/toan-canh.png
    chu_thich: Toàn cảnh Hội nghị
"""


def test_values_and_keys_have_their_line_and_column(tmp_path: Path) -> None:
    document = load_text(tmp_path, POSITIONS)
    path = document.path
    assert document.values[("nam",)] == at(path, POSITIONS, "2020") == Location(path, 2, 6)
    assert document.keys[("nam",)] == at(path, POSITIONS, "nam:") == Location(path, 2, 1)
    assert document.keys[("to_chuc",)] == Location(path, 3, 1)
    assert document.keys[("to_chuc", "ten")] == at(path, POSITIONS, "ten:") == Location(path, 4, 3)
    assert document.values[("to_chuc", "ten")] == at(path, POSITIONS, "Hội Khuyến") == Location(path, 4, 8)
    assert (
        document.values[("to_chuc", "dia_danh")]
        == at(path, POSITIONS, "Bắc Kạn", after="dia_danh:")
        == Location(path, 5, 15)
    )
    assert document.values[("anh", 0)] == at(path, POSITIONS, "tep:") == Location(path, 7, 5)
    assert document.values[("anh", 0, "tep")] == at(path, POSITIONS, "anh/") == Location(path, 7, 10)
    assert document.keys[("anh", 0, "chu_thich")] == at(path, POSITIONS, "chu_thich") == Location(path, 8, 5)
    assert str(document.values[("anh", 0, "chu_thich")]) == f"{path}:8:16"


def test_a_missing_value_is_located_at_what_encloses_it(tmp_path: Path) -> None:
    document = load_text(tmp_path, POSITIONS)
    path = document.path
    assert document.locate(("to_chuc", "ten_viet_tat")) == Location(path, 4, 3)  # the to_chuc mapping
    assert document.locate(("anh", 0, "sau")) == Location(path, 7, 5)
    assert document.locate(("bao_cao", "so")) == Location(path, 2, 1)  # the whole file
    assert document.locate(("to_chuc", "ten"), key=True) == Location(path, 4, 3)
    assert document.locate(("to_chuc", "ten")) == Location(path, 4, 8)


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    text = "dia_danh: Bắc Kạn: Ngân Sơn\n"
    path = write_yaml(tmp_path, text)
    line, column = where(text, ": Ngân")
    assert (line, column) == (1, 18)
    assert problems_of(path) == [
        f"{path}:1:18: dấu `:` không đúng chỗ — nếu giá trị có dấu hai chấm, hãy đặt nó trong ngoặc kép"
    ]


# --- what a hand-written file never needs ------------------------------------------------


def test_a_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    path = write_yaml(tmp_path, "nam: 2020\nto_chuc:\n  ten: Hội\nnam: 2021\n")
    assert problems_of(path) == [f"{path}:4:1: trường `nam` đã có ở dòng 1 — mỗi trường chỉ viết một lần"]


def test_every_duplicate_key_is_reported_at_once(tmp_path: Path) -> None:
    text = "to_chuc:\n  ten: A\n  dia_danh: B\n  ten: C\nnam: 2020\nnam: 2021\n"
    path = write_yaml(tmp_path, text)
    assert problems_of(path) == [
        f"{path}:4:3: trường `ten` đã có ở dòng 2 — mỗi trường chỉ viết một lần",
        f"{path}:6:1: trường `nam` đã có ở dòng 5 — mỗi trường chỉ viết một lần",
    ]


def test_keys_typed_composed_and_decomposed_are_the_same_key(tmp_path: Path) -> None:
    text = "tên: A\n" + unicodedata.normalize("NFD", "tên: B\n")
    path = write_yaml(tmp_path, text)
    assert problems_of(path) == [f"{path}:2:1: trường `tên` đã có ở dòng 1 — mỗi trường chỉ viết một lần"]


def test_anchor_and_alias_are_each_refused_where_they_stand(tmp_path: Path) -> None:
    text = "so_hoi: &so 120\nnam: 2020\nso_chi_hoi: *so\n"
    path = write_yaml(tmp_path, text)
    assert problems_of(path) == [f"{path}:1:9: {ANCHOR}", f"{path}:3:13: {ANCHOR}"]
    assert where(text, "&so") == (1, 9)
    assert where(text, "*so") == (3, 13)


def test_a_merge_key_is_refused_as_an_alias(tmp_path: Path) -> None:
    text = "mac_dinh: &md\n  don_vi: hộ\nchi_tieu:\n  <<: *md\n  gia_tri: 5\n"
    path = write_yaml(tmp_path, text)
    assert problems_of(path) == [f"{path}:1:11: {ANCHOR}", f"{path}:4:7: {ANCHOR}"]


def test_an_anchor_alone_is_refused_too(tmp_path: Path) -> None:
    path = write_yaml(tmp_path, "nam: 2020\nto_chuc: &tc\n  ten: Hội\n")
    assert problems_of(path) == [f"{path}:2:10: {ANCHOR}"]


def test_an_alias_without_its_anchor_gets_the_same_message(tmp_path: Path) -> None:
    path = write_yaml(tmp_path, "nam: 2020\nso_chi_hoi: *so\n")
    assert problems_of(path) == [f"{path}:2:13: {ANCHOR}"]


def test_a_key_that_is_not_a_word_is_refused(tmp_path: Path) -> None:
    path = write_yaml(tmp_path, "nam: 2020\n? [a, b]\n: 1\n")
    assert problems_of(path) == [f"{path}:2:3: tên trường phải là một từ, ví dụ `nam`"]


# --- syntax ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "to_chuc:\n  ten: Hội Khuyến học\n\tdia_danh: Bắc Kạn\n",  # a Tab after spaced lines
        "nam: 2020\nto_chuc:\n\tten: Hội Khuyến học\n",  # a Tab as the only indentation
        "anh:\n  - tep: a.png\n\t- tep: b.png\n",
    ],
    ids=["after-spaces", "only-tab", "list-item"],
)
def test_a_tab_in_indentation_gets_the_tab_message(tmp_path: Path, text: str) -> None:
    path = write_yaml(tmp_path, text)
    line, column = where(text, "\t")
    assert problems_of(path) == [f"{path}:{line}:{column}: {TAB}"]
    assert column == 1


def test_a_tab_inside_a_value_is_kept(tmp_path: Path) -> None:
    assert load_text(tmp_path, "ghi_chu: a\tb\n").data == {"ghi_chu": "a\tb"}


def test_a_colon_in_an_unquoted_value_says_to_quote_it(tmp_path: Path) -> None:
    text = "nam: 2020\nhoi_nghi:\n  ten: Hội nghị tổng kết: năm 2020\n"
    path = write_yaml(tmp_path, text)
    line, column = where(text, ": năm")
    assert problems_of(path) == [
        f"{path}:{line}:{column}: dấu `:` không đúng chỗ — "
        "nếu giá trị có dấu hai chấm, hãy đặt nó trong ngoặc kép"
    ]
    assert load_text(tmp_path, 'ten: "Hội nghị tổng kết: năm 2020"\n').data == {
        "ten": "Hội nghị tổng kết: năm 2020"
    }


def test_a_value_starting_with_a_bracket_says_to_quote_it_where_it_starts(tmp_path: Path) -> None:
    path = write_yaml(tmp_path, "so: [1, 2\nnam: 2020\n")
    assert problems_of(path) == [
        f'{path}:1:5: giá trị không được bắt đầu bằng ký tự "[" — hãy đặt cả giá trị trong ngoặc kép'
    ]


def test_a_value_starting_with_a_placeholder_says_to_quote_it(tmp_path: Path) -> None:
    path = write_yaml(tmp_path, "nam: 2020\nket_qua: {so_hoi} đã được kiện toàn.\n")
    assert problems_of(path) == [
        f'{path}:2:10: giá trị không được bắt đầu bằng ký tự "{{" — hãy đặt cả giá trị trong ngoặc kép'
    ]


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path: Path) -> None:
    path = write_yaml(tmp_path, 'nam: 2020\nten: "Hội Khuyến học\n')
    assert problems_of(path) == [
        f'{path}:2:6: ngoặc kép mở ở đây chưa được đóng — hãy thêm dấu `"` ở cuối giá trị'
    ]


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("to_chuc:\n  ten: A\n dia_danh: B\n", "3:2"),  # less than its siblings
        ("to_chuc:\n  ten: A\n    dia_danh: B\n", "3:13"),  # more, under a value
        ("hoi_nghi:\n  khach_moi:\n    - ho_ten: A\n     chuc_vu: B\n", "4:6"),  # in a list item
    ],
)
def test_a_misindented_line_says_how_to_indent(tmp_path: Path, text: str, at: str) -> None:
    path = write_yaml(tmp_path, text)
    assert problems_of(path) == [
        f"{path}:{at}: thụt lề không khớp với các dòng trên — các trường cùng cấp phải thẳng hàng, "
        "trường con thụt vào hai dấu cách so với trường cha, mỗi mục danh sách bắt đầu bằng `- `"
    ]


def test_a_line_without_a_colon_says_to_add_one(tmp_path: Path) -> None:
    path = write_yaml(tmp_path, "nam: 2020\nhoi nghi\nbao_cao: x\n")
    assert problems_of(path) == [
        f"{path}:2:1: dòng này thiếu dấu `:` sau tên trường — hãy viết `tên_trường: giá trị`"
    ]


# --- the file as a whole -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n\n", "# Chỉ có ghi chú\n# chưa có số liệu\n"])
def test_an_empty_file_says_so(tmp_path: Path, text: str) -> None:
    path = write_yaml(tmp_path, text)
    assert problems_of(path) == [f"{path}:1:1: tệp trống: chưa có nội dung nào"]


@pytest.mark.parametrize(
    ("text", "line"),
    [("- nam: 2020\n- to_chuc: Hội\n", 1), ("# Số liệu\nHội Khuyến học\n", 2)],
    ids=["list", "text"],
)
def test_a_top_level_that_is_not_a_mapping_is_refused(tmp_path: Path, text: str, line: int) -> None:
    path = write_yaml(tmp_path, text)
    assert problems_of(path) == [
        f"{path}:{line}:1: tệp phải là các dòng dạng `tên_trường: giá trị` ở cấp ngoài cùng"
    ]


# "Hội Cựu chiến binh tỉnh Bà Rịa" as each legacy encoding stores it (TCVN3 and VNI have no
# Python codec: their bytes are written out, shown here as Word shows them in a Western font).
LEGACY = {
    "Windows-1258": b"H\xf4\xf2i C\xfd\xf2u chi\xea\xecn binh ti\xd2nh B\xe0 Ri\xf2a",
    "TCVN3 (ABC)": "Héi Cùu chiÕn binh tØnh Bµ RÞa".encode("latin-1"),
    "VNI": "Hoäi Cöïu chieán binh tænh Baø Ròa".encode("latin-1"),
}


@pytest.mark.parametrize("name", LEGACY)
def test_a_legacy_file_gets_its_encoding_named_with_the_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / "don-vi.yaml"
    path.write_bytes(b"phien_ban: 1\nnam: 2020\nto_chuc:\n  dia_danh: X\n  ten: " + LEGACY[name] + b"\n")
    assert problems_of(path) == [f"{path}:5:1: {NOT_UTF8.format(name=name)}"]


def test_a_file_in_an_unknown_encoding_is_refused_without_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "don-vi.yaml"
    path.write_bytes("nam: 2020\nten: Ελλάδα\n".encode("cp1253"))
    assert problems_of(path) == [f"{path}:2:1: {UNKNOWN_ENCODING}"]


def test_a_utf8_bom_is_accepted_and_does_not_shift_columns(tmp_path: Path) -> None:
    path = tmp_path / "don-vi.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + "nam: 2020\nten: Hội\n".encode())
    document = load(path)
    assert document.data == {"nam": "2020", "ten": "Hội"}
    assert document.keys[("nam",)] == Location(path, 1, 1)
    assert document.values[("nam",)] == Location(path, 1, 6)


def test_decomposed_text_is_read_as_composed(tmp_path: Path) -> None:
    composed = "tên: Hội Khuyến học tỉnh Bắc Kạn\nbuoi: sáng\n"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    document = load_text(tmp_path, decomposed)
    assert document.data == {"tên": "Hội Khuyến học tỉnh Bắc Kạn", "buoi": "sáng"}
    assert all(unicodedata.is_normalized("NFC", text) for pair in document.data.items() for text in pair)


def test_a_file_that_cannot_be_read_names_it(tmp_path: Path) -> None:
    path = tmp_path / "khong-co.yaml"
    assert problems_of(path) == [f"{path}: không đọc được tệp (No such file or directory)"]
