"""Choosing the report's font by the letters it really has, and printing with it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

import reportgen
from reportgen import fonts
from reportgen.errors import ReportgenError
from tests.conftest import SECOND
from tests.report_pdf import embedded_fonts

FULL = fonts.VIETNAMESE
LATIN_1 = "".join(c for c in fonts.VIETNAMESE if ord(c) < 0x100)
"""What Debian's Liberation Serif 1.07 has: no ơ, ư, ạ, ả, ấ …"""


def make_font(
    path: Path, family: str, chars: str, *, weight: int = 400, italic: bool = False, width: int = 5
) -> Path:
    """A small font with an empty glyph for each of ``chars``: enough to test coverage and style."""
    names = {char: f"uni{ord(char):04X}" for char in chars}
    order = [".notdef", *names.values()]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({ord(char): name for char, name in names.items()})
    builder.setupGlyf({name: TTGlyphPen(None).glyph() for name in order})
    builder.setupHorizontalMetrics({name: (500, 0) for name in order})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": family, "styleName": "Italic" if italic else "Regular"})
    builder.setupOS2(usWeightClass=weight, usWidthClass=width, fsSelection=0b1 if italic else 0b1000000)
    builder.setupPost()
    builder.save(str(path))
    return path


def machine(families: Mapping[str, Sequence[Path]]) -> object:
    return lambda: families


# --- the letters ------------------------------------------------------------------------------


def test_the_vietnamese_letters_are_all_there() -> None:
    accented = [c for c in FULL if unicodedata.decomposition(c) or c in "ăâêôơưđĂÂÊÔƠƯĐ"]
    assert len(accented) == 134  # 67 lower-case letters with a mark, and their capitals
    for letter in "ơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐỨỸ":
        assert letter in FULL


def test_the_packaged_serif_has_every_letter(tmp_path: Path) -> None:
    for face in fonts.PACKAGED.faces:
        assert face.path.is_file()
        assert fonts.missing_letters(face.path) == ""


def test_a_latin_1_font_lacks_exactly_the_vietnamese_letters(tmp_path: Path) -> None:
    missing = fonts.missing_letters(make_font(tmp_path / "l.ttf", "Liberation Serif", LATIN_1))
    assert missing.startswith("ĂăĐđ")
    assert "ơ" in missing and "ạ" in missing and "á" not in missing and "à" not in missing


# --- the choice -------------------------------------------------------------------------------


def test_times_new_roman_with_every_letter_is_chosen_first(tmp_path: Path) -> None:
    regular = make_font(tmp_path / "times.ttf", "Times New Roman", FULL)
    bold = make_font(tmp_path / "timesbd.ttf", "Times New Roman", FULL, weight=700)
    italic = make_font(tmp_path / "timesi.ttf", "Times New Roman", FULL, italic=True)
    liberation = make_font(tmp_path / "lib.ttf", "Liberation Serif", FULL)
    found = {"Times New Roman": [regular, bold, italic], "Liberation Serif": [liberation]}
    font = fonts.choose(installed=machine(found))  # type: ignore[arg-type]
    assert font.family == "Times New Roman"
    assert font.origin is fonts.Origin.MACHINE
    assert [(f.path.name, f.weight, f.italic) for f in font.faces] == [
        ("times.ttf", "400", False),
        ("timesbd.ttf", "700", False),
        ("timesi.ttf", "400", True),
    ]
    assert font.describe() == "Times New Roman (phông của máy)"


def test_an_alias_lacking_vietnamese_is_passed_over_for_a_metric_twin(tmp_path: Path) -> None:
    # What fontconfig offers as "Times New Roman" on Debian: Liberation Serif 1.07, Latin-1 only.
    old = make_font(tmp_path / "old.ttf", "Times New Roman", LATIN_1)
    tinos = make_font(tmp_path / "tinos.ttf", "Tinos", FULL)
    font = fonts.choose(installed=machine({"Times New Roman": [old], "Tinos": [tinos]}))  # type: ignore[arg-type]
    assert (font.family, font.faces[0].path) == ("Tinos", tinos)


def test_without_a_complete_candidate_the_packaged_serif_is_used(tmp_path: Path) -> None:
    old = make_font(tmp_path / "old.ttf", "Liberation Serif", LATIN_1)
    assert fonts.choose(installed=machine({"Liberation Serif": [old]})) is fonts.PACKAGED  # type: ignore[arg-type]
    assert fonts.choose(installed=machine({})) is fonts.PACKAGED  # type: ignore[arg-type]
    assert fonts.PACKAGED.describe() == "Noto Serif (cài kèm reportgen)"


def test_a_face_lacking_letters_and_a_condensed_face_are_left_out(tmp_path: Path) -> None:
    regular = make_font(tmp_path / "r.ttf", "Tinos", FULL)
    bold = make_font(tmp_path / "b.ttf", "Tinos", LATIN_1, weight=700)
    narrow = make_font(tmp_path / "n.ttf", "Tinos", FULL, width=3)
    font = fonts.choose(installed=machine({"Tinos": [regular, bold, narrow]}))  # type: ignore[arg-type]
    assert [face.path for face in font.faces] == [regular]


def test_an_italic_alone_is_not_a_font_for_the_body(tmp_path: Path) -> None:
    italic = make_font(tmp_path / "i.ttf", "Tinos", FULL, italic=True)
    assert fonts.choose(installed=machine({"Tinos": [italic]})) is fonts.PACKAGED  # type: ignore[arg-type]


# --- --font -----------------------------------------------------------------------------------


def test_a_named_family_is_found_whatever_its_case(tmp_path: Path) -> None:
    serif = make_font(tmp_path / "s.ttf", "Serif Riêng", FULL)
    font = fonts.choose("serif riêng", installed=machine({"Serif Riêng": [serif]}))  # type: ignore[arg-type]
    assert (font.family, font.origin) == ("serif riêng", fonts.Origin.MACHINE)
    assert fonts.choose("Noto Serif", installed=machine({})) is fonts.PACKAGED  # type: ignore[arg-type]


def test_a_missing_family_is_a_vietnamese_error() -> None:
    with pytest.raises(ReportgenError) as error:
        fonts.choose("Không Có", installed=machine({}))  # type: ignore[arg-type]
    assert str(error.value) == (
        "--font: “Không Có”: máy này không có phông chữ này — hãy cài phông, đưa đường dẫn tệp "
        ".ttf/.otf, hoặc bỏ --font để reportgen tự chọn (Times New Roman nếu máy có, không thì "
        "Noto Serif cài kèm)"
    )


def test_a_family_lacking_vietnamese_letters_is_refused_with_the_letters_it_lacks(tmp_path: Path) -> None:
    old = make_font(tmp_path / "old.ttf", "Liberation Serif", LATIN_1)
    with pytest.raises(ReportgenError) as error:
        fonts.choose("Liberation Serif", installed=machine({"Liberation Serif": [old]}))  # type: ignore[arg-type]
    assert str(error.value) == (
        "--font: “Liberation Serif”: phông này thiếu chữ tiếng Việt (Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư …), báo "
        "cáo sẽ in lẫn phông khác — hãy chọn phông khác, ví dụ Times New Roman, hoặc bỏ --font để dùng "
        "Noto Serif cài kèm reportgen"
    )


def test_a_font_file_can_be_named(tmp_path: Path) -> None:
    path = make_font(tmp_path / "rieng.ttf", "Serif Riêng", FULL, weight=500)
    font = fonts.choose(str(path), installed=machine({}))  # type: ignore[arg-type]
    assert (font.family, font.origin, font.faces) == (
        "Serif Riêng",
        fonts.Origin.FILE,
        (fonts.Face(path, "500", False),),
    )
    assert font.describe() == f"Serif Riêng (tệp phông {path})"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("khong-co.ttf", "không có tệp phông này"),
        ("bo.ttc", "không đọc được tệp phông này — hãy đưa tệp .ttf hoặc .otf"),
        ("hong.ttf", "không đọc được tệp phông này — hãy đưa tệp .ttf hoặc .otf"),
    ],
)
def test_a_font_file_that_cannot_be_used_is_a_vietnamese_error(
    tmp_path: Path, name: str, message: str
) -> None:
    if name != "khong-co.ttf":
        (tmp_path / name).write_bytes(b"not a font")
    with pytest.raises(ReportgenError) as error:
        fonts.choose(str(tmp_path / name), installed=machine({}))  # type: ignore[arg-type]
    assert str(error.value) == f"--font: “{tmp_path / name}”: {message}"


def test_the_faces_are_registered_by_path() -> None:
    css = fonts.font_faces(fonts.PACKAGED, fonts.REPORT_FAMILY)
    assert css.splitlines() == [
        f'@font-face {{ font-family: "reportgen"; src: url("{face.path.as_uri()}"); '
        f"font-style: {style}; font-weight: 100 900; }}"
        for face, style in zip(fonts.PACKAGED.faces, ["normal", "italic"], strict=True)
    ]


# --- printing with the chosen font ------------------------------------------------------------


def test_the_report_prints_in_the_machine_s_times_new_roman(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A real font under Times New Roman's name: the packaged serif's file, copied.
    times = tmp_path / "fonts" / "times.ttf"
    times.parent.mkdir()
    shutil.copyfile(fonts.PACKAGED.faces[0].path, times)
    monkeypatch.setattr(fonts, "installed_fonts", lambda: {"Times New Roman": [times]})
    written = reportgen.build([SECOND], out=tmp_path / "out", fmt=reportgen.Format.PDF)
    assert written.font is not None and written.font.describe() == "Times New Roman (phông của máy)"
    names = embedded_fonts(tmp_path / "out" / SECOND.stem / "report.pdf")
    assert names and all(name.startswith("TimesNewRoman") for name in names), names


def test_the_named_font_file_prints_the_report(tmp_path: Path) -> None:
    written = reportgen.build(
        [SECOND], out=tmp_path / "out", fmt=reportgen.Format.PDF, font=str(fonts.PACKAGED.faces[0].path)
    )
    assert written.font is not None and written.font.origin is fonts.Origin.FILE
    names = embedded_fonts(tmp_path / "out" / SECOND.stem / "report.pdf")
    # One upright file: bold is the variable font's own, italic is slanted from it.
    assert names and all(name.startswith("NotoSerif") for name in names), names


def test_a_bad_font_name_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ReportgenError, match="máy này không có phông chữ này"):
        reportgen.build([SECOND], out=tmp_path / "out", font="Phông Không Có")
    assert not (tmp_path / "out").exists()


def run_with_only(folder: Path, code: str, tmp_path: Path) -> list[str]:
    """The lines ``code`` prints in a fresh process whose fontconfig knows only the fonts in ``folder``."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{folder}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "FONTCONFIG_FILE": str(config)},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


def test_the_machine_s_fonts_are_asked_of_fontconfig(tmp_path: Path) -> None:
    # A machine whose only fonts are a complete Times New Roman and a Latin-1 Liberation Serif.
    folder = tmp_path / "fonts"
    folder.mkdir()
    make_font(folder / "times.ttf", "Times New Roman", FULL)
    make_font(folder / "timesbd.ttf", "Times New Roman", FULL, weight=700)
    make_font(folder / "liberation.ttf", "Liberation Serif", LATIN_1)
    code = (
        "from reportgen import fonts; found = fonts.installed_fonts(); "
        "print(sorted((f, sorted(p.name for p in ps)) for f, ps in found.items())); "
        "print(fonts.choose().describe())"
    )
    assert run_with_only(folder, code, tmp_path) == [
        "[('Liberation Serif', ['liberation.ttf']), ('Times New Roman', ['times.ttf', 'timesbd.ttf'])]",
        "Times New Roman (phông của máy)",
    ]


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder, and nothing read yet in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    fonts._kept.cache_clear()
    fonts._read.cache_clear()
    yield tmp_path / "cache" / "reportgen" / fonts.KEPT
    fonts._kept.cache_clear()
    fonts._read.cache_clear()


def test_the_list_is_the_one_weasyprint_would_read_without_loading_weasyprint(tmp_path: Path) -> None:
    folder = tmp_path / "fonts"
    folder.mkdir()
    make_font(folder / "times.ttf", "Times New Roman", FULL)
    code = (
        "import sys; from reportgen import fontconfig; found = fontconfig.families(); "
        "print('weasyprint' in sys.modules); print(found == fontconfig._through_weasyprint()); print(found)"
    )
    assert run_with_only(folder, code, tmp_path) == [
        "False",
        "True",
        f"{{'Times New Roman': [{folder / 'times.ttf'!r}]}}",
    ]


def test_where_its_names_do_not_load_fontconfig_weasyprint_s_bindings_list_the_fonts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reportgen import fontconfig

    expected = fontconfig._through_weasyprint()
    monkeypatch.setattr(fontconfig, "NAMES", ("libno-such-fontconfig.so",))
    fontconfig._library.cache_clear()
    try:
        assert fontconfig._library() is None
        assert fontconfig.families() == expected
    finally:
        fontconfig._library.cache_clear()


def test_a_build_lists_the_fonts_and_reads_each_candidate_once(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen import fontconfig

    listed: list[int] = []
    read: list[Path] = []
    real_families, real_read_face = fontconfig.families, fonts.read_face
    monkeypatch.setattr(fontconfig, "families", lambda: listed.append(1) or real_families())
    monkeypatch.setattr(fonts, "read_face", lambda path: read.append(path) or real_read_face(path))
    fonts.installed_fonts.cache_clear()
    fonts._read.cache_clear()
    try:
        # The report's font, then the Word copies' (Times New Roman, or the report's where it is missing).
        reportgen.build([SECOND], out=tmp_path / "out", fmt=reportgen.Format.ALL)
    finally:
        fonts.installed_fonts.cache_clear()
        fonts._read.cache_clear()
    assert listed == [1]
    assert read and len(read) == len(set(read))


def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record each font file opened to read its face, as a new build would (nothing read yet)."""
    opened: list[Path] = []
    real = fonts.read_face
    monkeypatch.setattr(fonts, "read_face", lambda path: opened.append(path) or real(path))
    fonts._kept.cache_clear()
    fonts._read.cache_clear()
    return opened


def test_what_each_font_file_holds_is_kept_for_the_next_build(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    times = make_font(tmp_path / "times.ttf", "Times New Roman", FULL)
    liberation = make_font(tmp_path / "liberation.ttf", "Liberation Serif", LATIN_1)
    found = machine({"Times New Roman": [times], "Liberation Serif": [liberation]})
    first = reads(monkeypatch)
    assert fonts.choose(installed=found).faces[0].path == times  # type: ignore[arg-type]
    with pytest.raises(ReportgenError, match="phông này thiếu chữ tiếng Việt"):
        fonts.choose("Liberation Serif", installed=found)  # type: ignore[arg-type]
    assert sorted(first) == [liberation, times]
    assert fresh_cache.is_file()
    again = reads(monkeypatch)
    assert fonts.choose(installed=found).faces[0].path == times  # type: ignore[arg-type]
    with pytest.raises(ReportgenError, match="phông này thiếu chữ tiếng Việt"):
        fonts.choose("Liberation Serif", installed=found)  # type: ignore[arg-type]
    assert again == []  # found in the cache: neither file opened


def test_a_font_file_changed_since_is_read_again(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    times = make_font(tmp_path / "times.ttf", "Times New Roman", LATIN_1)
    found = machine({"Times New Roman": [times]})
    assert fonts.choose(installed=found) is fonts.PACKAGED  # type: ignore[arg-type]
    make_font(times, "Times New Roman", FULL)  # the complete version installed over it
    os.utime(times, ns=(times.stat().st_atime_ns, times.stat().st_mtime_ns + 1_000_000_000))
    again = reads(monkeypatch)
    assert fonts.choose(installed=found).family == "Times New Roman"  # type: ignore[arg-type]
    assert again == [times]


@pytest.mark.parametrize(
    "kept",
    ["không phải JSON", '{"/f.ttf": [1, 2, "400", false]}', '{"/f.ttf": [1, 2, 400, false, ""]}', "[]"],
)
def test_a_damaged_cache_is_read_past(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, kept: str
) -> None:
    times = make_font(tmp_path / "times.ttf", "Times New Roman", FULL)
    fresh_cache.parent.mkdir(parents=True)
    fresh_cache.write_text(kept.replace("/f.ttf", str(times)), encoding="utf-8")
    opened = reads(monkeypatch)
    assert fonts.choose(installed=machine({"Times New Roman": [times]})).family == "Times New Roman"  # type: ignore[arg-type]
    assert opened == [times]
