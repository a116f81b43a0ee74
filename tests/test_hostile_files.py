"""Paths that are not what they seem: devices, FIFOs, photos from elsewhere, reportgen's own names.

A device (``/dev/zero``) reads for ever and a FIFO waits for ever, so the proof that reportgen
never reads one is that it never *opens* one: each command runs in a child Python whose audit
hook ends it at once if a forbidden path is opened (see :mod:`tests.guarded`). The messages
are asserted word for word, and so is what was written: nothing, for an input with an error.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

import reportgen
from reportgen import Format
from reportgen.batch import manifest
from reportgen.batch.inputs import find_inputs
from reportgen.errors import ReportgenError
from reportgen.unit import make
from tests import guarded
from tests.conftest import INPUTS, SEED

FIRST_PHOTO = "anh/toan-canh-hoi-nghi.png"


@pytest.fixture
def unit(tmp_path: Path) -> Path:
    """A copy of the seed and its photos in a folder of its own."""
    folder = tmp_path / "don-vi"
    shutil.copytree(INPUTS / "anh", folder / "anh")
    return Path(shutil.copy(SEED, folder / "don-vi.yaml"))


def with_photo(unit: Path, photo: str) -> str:
    """Make the unit's first photo ``photo``; return where its value stands, ``line:column``."""
    text = unit.read_text(encoding="utf-8")
    unit.write_text(text.replace(f"tep: {FIRST_PHOTO}", f"tep: {photo}"), encoding="utf-8")
    line = text[: text.index(FIRST_PHOTO)].count("\n") + 1
    return f"{line}:10"


def outside(photo: str) -> str:
    return (
        f'anh[0].tep: ảnh "{photo}" nằm ngoài thư mục của tệp số liệu — reportgen chỉ lấy ảnh trong thư '
        "mục đó: hãy chép ảnh vào đó (hoặc vào một thư mục con như anh/) rồi ghi đường dẫn tính từ đó, "
        f"ví dụ `tep: anh/{Path(photo).name}`"
    )


LINKED_OUT = (
    'anh[0].tep: ảnh "anh/bi-mat.png" là liên kết tới một tệp nằm ngoài thư mục của tệp số liệu — hãy '
    "chép chính tệp ảnh vào thư mục đó, thay cho liên kết"
)


def errors_of(result: object) -> list[str]:
    """The error lines a command printed (not its warnings, nor its summary)."""
    lines = str(result.stderr).splitlines()  # type: ignore[attr-defined]
    return [line for line in lines if ": " in line and "cảnh báo:" not in line and " lỗi: " not in line]


# --- photos ---------------------------------------------------------------------------------


def test_a_device_as_a_photo_is_refused_without_being_opened(unit: Path, tmp_path: Path) -> None:
    where = with_photo(unit, "/dev/zero")
    for command in (["validate", unit], ["build", unit, "-o", tmp_path / "out", "-f", "html"]):
        result = guarded.run(*command, forbidden=[Path("/dev/zero")])
        assert result.returncode == 1, result.stderr
        assert errors_of(result) == [f"{unit}:{where}: {outside('/dev/zero')}"]
    assert not (tmp_path / "out").exists()


def test_a_fifo_as_a_photo_is_refused_without_being_opened(unit: Path, tmp_path: Path) -> None:
    os.mkfifo(unit.parent / "anh" / "ong.png")
    where = with_photo(unit, "anh/ong.png")
    message = (
        f'{unit}:{where}: anh[0].tep: "anh/ong.png" không phải tệp ảnh mà là một ống FIFO — hãy dùng một '
        "tệp ảnh JPEG hoặc PNG"
    )
    for command in (["validate", unit], ["build", unit, "-o", tmp_path / "out"]):
        result = guarded.run(*command, forbidden=[unit.parent / "anh" / "ong.png"])
        assert result.returncode == 1, result.stderr
        assert errors_of(result) == [message]
    assert not (tmp_path / "out").exists()


def test_a_photo_from_another_folder_is_refused_and_never_read(unit: Path, tmp_path: Path) -> None:
    secret = tmp_path / "bi-mat" / "rieng-tu.png"
    secret.parent.mkdir()
    Image.new("RGB", (40, 30), "red").save(secret)
    where = with_photo(unit, "../bi-mat/rieng-tu.png")
    for command in (["validate", unit], ["build", unit, "-o", tmp_path / "out"]):
        result = guarded.run(*command, forbidden=[secret])
        assert result.returncode == 1, result.stderr
        assert errors_of(result) == [f"{unit}:{where}: {outside('../bi-mat/rieng-tu.png')}"]
    assert not (tmp_path / "out").exists()


def test_a_link_in_the_photo_folder_that_leads_out_is_refused(unit: Path, tmp_path: Path) -> None:
    secret = tmp_path / "rieng-tu.png"
    Image.new("RGB", (40, 30), "red").save(secret)
    (unit.parent / "anh" / "bi-mat.png").symlink_to(secret)
    where = with_photo(unit, "anh/bi-mat.png")
    for command in (["validate", unit], ["build", unit, "-o", tmp_path / "out"]):
        result = guarded.run(*command, forbidden=[secret])
        assert result.returncode == 1, result.stderr
        assert errors_of(result) == [f"{unit}:{where}: {LINKED_OUT}"]
    assert not (tmp_path / "out").exists()


def test_a_linked_photo_folder_that_leads_out_is_refused(unit: Path, tmp_path: Path) -> None:
    shutil.rmtree(unit.parent / "anh")
    (unit.parent / "anh").symlink_to(INPUTS / "anh")  # the photos are there, but not here
    text = unit.read_text(encoding="utf-8")
    with pytest.raises(ReportgenError) as caught:
        make(unit)
    assert [str(problem) for problem in caught.value.errors] == [
        f"{unit}:{text[: text.index(photo)].count(chr(10)) + 1}:10: "
        + LINKED_OUT.replace("anh[0]", f"anh[{index}]").replace("anh/bi-mat.png", photo)
        for index, photo in enumerate([FIRST_PHOTO, "anh/trao-bang-khen.png"])
    ]


def test_a_link_that_stays_inside_the_folder_is_a_photo_like_any_other(unit: Path, tmp_path: Path) -> None:
    (unit.parent / "anh" / "lien-ket.png").symlink_to(unit.parent / "anh" / "toan-canh-hoi-nghi.png")
    with_photo(unit, "anh/lien-ket.png")
    written = reportgen.build([unit], out=tmp_path / "out", fmt=Format.HTML)
    assert tmp_path / "out" / "don-vi" / "anh" / "lien-ket-800.jpg" in written


def test_a_photo_file_over_the_cap_is_refused_before_it_is_read(unit: Path, tmp_path: Path) -> None:
    with (unit.parent / "anh" / "lon.jpg").open("wb") as file:
        file.truncate(51 * 1024 * 1024)  # sparse: no disk used
    where = with_photo(unit, "anh/lon.jpg")
    result = guarded.run("build", unit, "-o", tmp_path / "out", forbidden=[unit.parent / "anh" / "lon.jpg"])
    assert result.returncode == 1, result.stderr
    assert errors_of(result) == [
        f'{unit}:{where}: anh[0].tep: ảnh "anh/lon.jpg" quá lớn (hơn 50 MB) — hãy dùng ảnh nhỏ hơn, ví dụ '
        "ảnh chụp bằng điện thoại"
    ]


def test_a_missing_photo_is_still_only_a_warning(unit: Path, tmp_path: Path) -> None:
    where = with_photo(unit, "anh/chua-co.png")
    assert [str(problem) for problem in make(unit).warnings] == [
        f'{unit}:{where}: anh[0].tep: cảnh báo: không thấy tệp ảnh "anh/chua-co.png" (tính từ thư mục '
        "của tệp YAML) — tin bài sẽ được làm mà không có ảnh này"
    ]


def test_hashing_for_the_manifest_never_opens_what_is_not_a_regular_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "ong")
    with (tmp_path / "lon").open("wb") as file:
        file.truncate(manifest.MAX_READ + 1)
    paths = [tmp_path / "ong", Path("/dev/zero"), tmp_path / "khong-co", tmp_path / "lon"]
    listed = [str(path) for path in paths]
    script = (
        "from pathlib import Path\nfrom reportgen.batch import manifest\n"
        f"for path in {listed!r}: print(manifest.digest(Path(path)))"
    )
    result = guarded.run(forbidden=paths[:2], main=script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "not-regular:một ống FIFO",
        "not-regular:một thiết bị",
        "-",
        "too-large",
    ]


def test_a_photo_turned_into_a_fifo_after_a_build_is_not_opened_by_the_next(
    unit: Path, tmp_path: Path
) -> None:
    """The manifest hashes the photos the last build read before anything checks them again."""
    out = tmp_path / "out"
    where = with_photo(unit, FIRST_PHOTO)  # the same photo: only where it stands
    reportgen.build([unit], out=out, fmt=Format.HTML)
    before = sorted(path.relative_to(out) for path in out.rglob("*"))
    photo = unit.parent / FIRST_PHOTO
    photo.unlink()
    os.mkfifo(photo)
    result = guarded.run("build", unit, "-o", out, "-f", "html", forbidden=[photo])
    assert result.returncode == 1, result.stderr
    assert errors_of(result) == [
        f'{unit}:{where}: anh[0].tep: "{FIRST_PHOTO}" không phải tệp ảnh mà là '
        "một ống FIFO — hãy dùng một tệp ảnh JPEG hoặc PNG"
    ]
    assert sorted(path.relative_to(out) for path in out.rglob("*")) == before


# --- input files and folders -----------------------------------------------------------------

NOT_AN_INPUT = "không đọc: đây là một ống FIFO, không phải tệp số liệu — hãy đưa một tệp .yaml"


def test_a_fifo_named_yaml_in_an_input_folder_is_refused_and_the_rest_is_built(
    unit: Path, tmp_path: Path
) -> None:
    fifo = unit.parent / "ong.yaml"
    os.mkfifo(fifo)
    result = guarded.run("validate", unit.parent, forbidden=[fifo])
    assert result.returncode == 1, result.stderr
    assert errors_of(result) == [f"{fifo}: {NOT_AN_INPUT}"]
    result = guarded.run("build", unit.parent, "-o", tmp_path / "out", "-f", "html", forbidden=[fifo])
    assert result.returncode == 1, result.stderr
    assert errors_of(result) == [f"{fifo}: {NOT_AN_INPUT}"]
    assert (tmp_path / "out" / "don-vi" / "article.html").is_file()


def test_a_fifo_in_a_sub_unit_folder_is_refused(tmp_path: Path) -> None:
    shutil.copytree(INPUTS / "bac-kan-2024", tmp_path / "bac-kan-2024")
    province = Path(shutil.copy(INPUTS / "tinh-bac-kan-2024.yaml", tmp_path))
    fifo = tmp_path / "bac-kan-2024" / "xa-moi.yaml"
    os.mkfifo(fifo)
    for command in (["validate", province], ["build", province, "-o", tmp_path / "out", "-f", "html"]):
        result = guarded.run(*command, forbidden=[fifo])
        assert result.returncode == 1, result.stderr
        assert errors_of(result) == [f"{fifo}: {NOT_AN_INPUT}"]
    assert not (tmp_path / "out").exists()


def test_a_fifo_named_on_the_command_line_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "ong.yaml"
    os.mkfifo(fifo)
    result = guarded.run("build", fifo, "-o", tmp_path / "out", forbidden=[fifo])
    assert result.returncode == 1, result.stderr
    assert errors_of(result) == [f"{fifo}: {NOT_AN_INPUT}"]


def test_hidden_files_in_an_input_folder_are_not_inputs(unit: Path) -> None:
    (unit.parent / ".#don-vi.yaml").symlink_to("nguoi-dung@may.12345")  # an editor's lock file
    shutil.copy(unit, unit.parent / ".ban-nhap.yaml")
    assert find_inputs([unit.parent]) == [unit]


@pytest.mark.parametrize("name", [".reportgen.json.yaml", ".ban-nhap.dang-ghi.yaml"])
def test_an_input_named_like_reportgen_s_own_files_is_refused(unit: Path, tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    reportgen.build([unit], out=out, fmt=Format.HTML)
    before = sorted(path.relative_to(out) for path in out.rglob("*"))
    hidden = Path(shutil.copy(unit, unit.parent / name))
    result = guarded.run("build", hidden, unit, "-o", out, "-f", "html")
    assert result.returncode == 1, result.stderr
    assert errors_of(result) == [
        f"{hidden}: tên tệp bắt đầu bằng dấu chấm: kết quả ghi vào thư mục cùng tên, mà những tên như "
        "thế trong thư mục kết quả là của riêng reportgen — hãy đổi tên tệp, ví dụ "
        f"`{name.lstrip('.')}`"
    ]
    assert sorted(path.relative_to(out) for path in out.rglob("*")) == before
    reportgen.build([unit], out=out, fmt=Format.HTML, force=True)  # and the next build keeps it all
    assert sorted(path.relative_to(out) for path in out.rglob("*")) == before
