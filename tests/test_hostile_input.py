"""Hostile input: every file, however built to hurt, ends in a located message, quickly.

Each case is one a secretary could send by mistake or a stranger on purpose: a file far too
big, an alias bomb, nesting ten thousand deep, the wrong encoding, legacy text pasted in, tags.
Memory and time stay bounded because nothing large is ever expanded; the tests use the
process's peak memory as a witness, not a stopwatch.
"""

from __future__ import annotations

import resource
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reportgen
from reportgen import Format
from reportgen.errors import ReportgenError
from reportgen.loading import MAX_BYTES, load
from reportgen.unit import make
from tests.conftest import ROOT, SEED

TOO_BIG = "tệp quá lớn (hơn 1024 KB) — tệp số liệu một năm chỉ vài KB; hãy kiểm tra lại đã chọn đúng tệp chưa"
DEEP = "lồng quá sâu (hơn 32 cấp) — tệp số liệu chỉ cần vài cấp thụt lề"
ANCHOR = "không dùng neo và bí danh (&, *) — hãy viết lại giá trị đầy đủ"
UTF16 = (
    "tệp được lưu bằng mã UTF-16 (Unicode của Notepad cũ) — mở tệp, chọn Lưu thành (Save As), "
    "mục Mã hoá (Encoding) chọn UTF-8 rồi lưu lại"
)

# Nine levels of nine aliases: 406 bytes that stand for 387 million strings once expanded.
BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def problems_of(path: Path, *, validate: bool = False) -> list[str]:
    with pytest.raises(ReportgenError) as caught:
        make(path) if validate else load(path)
    return [str(problem) for problem in caught.value.problems]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_file_over_the_cap_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "lon.yaml"
    path.write_bytes(b"ghi_chu: " + b"x" * (50 * 1024 * 1024) + b"\n")  # 50 MB
    before = peak_mb()
    assert problems_of(path) == [f"{path}: {TOO_BIG}"]
    assert peak_mb() - before < 10  # one megabyte read, not fifty


def test_a_file_just_under_the_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "vua.yaml"
    path.write_bytes(b"ghi_chu: " + b"x" * (MAX_BYTES - 20) + b"\n")
    assert len(load(path).data["ghi_chu"]) == MAX_BYTES - 20


@pytest.mark.parametrize("validate", [False, True])
def test_an_alias_bomb_is_refused_without_being_expanded(tmp_path: Path, validate: bool) -> None:
    path = tmp_path / "bom.yaml"
    path.write_text(BOMB, encoding="utf-8")
    before = peak_mb()
    problems = problems_of(path, validate=validate)
    assert peak_mb() - before < 50
    assert f"{path}:1:4: {ANCHOR}" in problems
    assert f"{path}:9:4: {ANCHOR}" in problems


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", "1:1003"),  # libyaml's own cap comes first
        ("a: " + "[" * 40 + "]" * 40 + "\n", "1:35"),
        ("".join("  " * i + f"k{i}:\n" for i in range(400)), "33:65"),
        ("".join("  " * i + "-\n" for i in range(100)), "33:65"),
    ],
)
def test_nesting_past_the_cap_is_refused_where_too_deep(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "sau.yaml"
    path.write_text(text, encoding="utf-8")
    assert problems_of(path) == [f"{path}:{where}: {DEEP}"]


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("nam: !!python/object/apply:os.system ['ls']\n", "!!python/object/apply:os.system"),
        ("nam: !!str 2020\n", "!!str"),
        ("nam: !ngay 2020\n", "!ngay"),
        ("to_chuc: !!map\n  ten: X\n", "!!map"),
    ],
)
def test_a_tag_is_refused_and_named(tmp_path: Path, text: str, tag: str) -> None:
    path = tmp_path / "the.yaml"
    path.write_text(text, encoding="utf-8")
    column = text.index("!") + 1
    line = 1
    assert problems_of(path) == [
        f"{path}:{line}:{column}: không dùng thẻ YAML (`{tag}`) — hãy xoá thẻ, chỉ để lại giá trị"
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused_with_how_to_save_as_utf8(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "u16.yaml"
    path.write_bytes("nam: 2020\nten: Hội\n".encode(encoding))
    assert problems_of(path) == [f"{path}:1:1: {UTF16}"]


@pytest.mark.parametrize(
    ("pasted", "name"),
    [
        ("Héi Cùu chiÕn binh tØnh Bµ RÞa", "TCVN3 (ABC)"),
        ("Hoäi Cöïu chieán binh tænh Baø Ròa", "VNI"),
    ],
)
def test_legacy_text_pasted_into_a_utf8_file_is_located(tmp_path: Path, pasted: str, name: str) -> None:
    path = tmp_path / "dan.yaml"
    text = SEED.read_text(encoding="utf-8").replace("ten: Hội Khuyến học tỉnh Bắc Kạn", f"ten: {pasted}", 1)
    assert f"ten: {pasted}" in text
    path.write_text(text, encoding="utf-8")
    line = text[: text.index(pasted)].count("\n") + 1
    column = len(text[: text.index(pasted)].rsplit("\n", 1)[-1]) + 1
    shown = pasted if len(pasted) <= 30 else pasted[:30] + "…"
    assert (
        f'{path}:{line}:{column}: chữ "{shown}" có vẻ dán từ văn bản mã cũ {name} — mở Unikey, chọn '
        f"Công cụ chuyển mã, Nguồn: {name}, Đích: Unicode, chuyển đoạn chữ gốc rồi dán lại (hoặc gõ "
        "lại bằng Unicode)"
    ) in problems_of(path, validate=True)


def test_a_device_given_as_input_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportgenError):
        make(Path("/dev/zero"))


# --- fuzzing: nothing but reportgen's own errors ever escapes -----------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=400))
def test_any_bytes_get_messages_not_a_traceback(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "ngau-nhien.yaml"
    path.write_bytes(raw)
    try:
        make(path)
    except ReportgenError as error:
        assert all(str(problem).startswith(str(path)) for problem in error.problems)


YAMLISH = st.text(alphabet="abc: -&*!|>[]{}\"'\n\t#%@`,?\\\x00\x85\u2028\ufeffàĐ", max_size=200)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=YAMLISH)
def test_any_yaml_like_text_gets_messages_not_a_traceback(tmp_path: Path, text: str) -> None:
    path = tmp_path / "ngau-nhien.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        make(path)
    except ReportgenError as error:
        assert all(str(problem).startswith(str(path)) for problem in error.problems)


def test_a_decompression_bomb_photo_is_refused_with_its_line(tmp_path: Path) -> None:
    from PIL import Image

    # 20,000 × 20,000 pixels of one colour: a few hundred kilobytes of PNG, 1.2 GB once decoded.
    Image.new("1", (20_000, 20_000)).save(tmp_path / "bom.png", optimize=True)
    text = SEED.read_text(encoding="utf-8")
    first = text.index("tep: ") + len("tep: ")
    end = text.index("\n", first)
    path = tmp_path / "anh-bom.yaml"
    path.write_text(text[:first] + "bom.png" + text[end:], encoding="utf-8")
    line = text[:first].count("\n") + 1
    column = first - text.rfind("\n", 0, first)
    with pytest.raises(ReportgenError) as caught:
        reportgen.build([path], out=tmp_path / "out", fmt=Format.HTML)
    assert [str(p) for p in caught.value.problems if not p.warning] == [
        f'{path}:{line}:{column}: anh[0].tep: "bom.png" không phải ảnh đọc được — hãy dùng ảnh JPEG hoặc PNG'
    ]
    assert not (tmp_path / "out").exists()


PAYLOADS = ['<script>alert("x")</script>', "javascript:alert(1)", "{{ 7*7 }}", "{% raw %}"]


def test_markup_and_template_code_in_every_text_field_stay_text(tmp_path: Path) -> None:
    """Each free-text value gets hostile text appended; the pages show it, never run it."""
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    payload = " ".join(PAYLOADS)
    path = tmp_path / "doc-hai.yaml"
    kept = 0
    for number, line in enumerate(lines):
        _key, colon, value = line.partition(": ")
        if not colon or not value.strip() or value.strip().startswith(("#", '"', "'", "|", ">")):
            continue
        trial = [*lines[:number], f"{line} {payload}", *lines[number + 1 :]]
        path.write_text("\n".join(trial), encoding="utf-8")
        try:
            make(path)
        except ReportgenError:
            continue  # a number or a date: refused with a message, as it should be
        lines, kept = trial, kept + 1
    assert kept >= 10
    reportgen.build([path], out=tmp_path / "out", fmt=Format.HTML)
    for page in (tmp_path / "out" / path.stem).glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert '<script>alert("x")' not in html
        assert "&lt;script&gt;" in html
        assert 'href="javascript:' not in html
        assert "{{ 7*7 }}" in html or "{{ 7*7 }}" in html.replace("&#123;", "{")


def test_a_user_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    (templates / "article.html").write_text(
        "{{ nam.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8"
    )
    with pytest.raises(ReportgenError) as caught:
        reportgen.build([SEED], out=tmp_path / "out", templates=templates, fmt=Format.HTML)
    [problem] = caught.value.problems
    assert str(problem).startswith(
        f"{templates / 'article.html'}:1:1: mẫu dùng phần bên trong của Python, điều mẫu không được làm: "
    )
    assert not (tmp_path / "out").exists()


def test_an_import_loop_in_a_user_stylesheet_ends_the_build_and_keeps_the_old_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    reportgen.build([SEED], out=out, fmt=Format.PDF)
    before = (out / "bac-kan-2020" / "report.pdf").read_bytes()
    templates = tmp_path / "mau"
    templates.mkdir()
    loop = templates / "vong.css"
    loop.write_text(f'@import url("{loop.as_uri()}");\np {{ color: #111 }}\n', encoding="utf-8")
    (templates / "report.css").write_text(
        f'@import url("{loop.as_uri()}");\n'
        + (ROOT / "templates" / "report.css").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.build([SEED], out=out, templates=templates, fmt=Format.PDF)
    assert "đọc lặp lại quá nhiều lần (có thể CSS `@import` chính nó)" in str(caught.value)
    assert (out / "bac-kan-2020" / "report.pdf").read_bytes() == before
