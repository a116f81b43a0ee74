"""Versions of the input format: a version-1 file builds as it always has, and is told how to move on.

The note ``validate`` gives a version-1 file is followed here to the letter; the version-2 file
that results must build into the very same documents.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import reportgen
from reportgen.schema import VERSION, version_of
from reportgen.unit import make
from reportgen.validation import upgrade_notice
from tests.conftest import BUILT_AT, INPUTS, SECOND, SEED

PROVINCE = INPUTS / "tinh-bac-kan-2024.yaml"


def follow(text: str, notice: str) -> str:
    """Do what the note says, as a secretary would."""
    steps = notice.split("để chuyển sang mẫu phiên bản 2: ", 1)[1].split("; ")
    for step in steps:
        if "sửa dòng này thành `phien_ban: 2`" in step:
            text = text.replace("phien_ban: 1\n", "phien_ban: 2\n")
        elif step.startswith("thêm dòng `hien_thi"):
            line = re.search(r"`(hien_thi: \{[^`]*\})`", step)
            assert line is not None
            for key in re.findall(r"`(\w+)`", step.split(" vào chỉ tiêu ")[1]):
                found = re.search(rf"^( +){key}:\n", text, re.MULTILINE)
                assert found is not None, key
                indent = found[1] + "  "
                text = text.replace(found[0], f"{found[0]}{indent}{line[1]}\n", 1)
        elif step.startswith("xoá dòng `tong`"):
            for key in re.findall(r"`(\w+)`", step.split(" tỷ lệ ")[1]):
                block = re.search(rf"^ +{key}:\n(?:^ {{8,}}.*\n)*", text, re.MULTILINE)
                assert block is not None
                text = text.replace(block[0], re.sub(r"^ +tong:.*\n", "", block[0], flags=re.MULTILINE))
    return text


@pytest.mark.parametrize("source", [SEED, SECOND, PROVINCE], ids=lambda path: path.stem)
def test_following_the_note_gives_a_version_2_file_that_builds_the_same(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILT_AT)  # both builds at one time: the article says when
    notice = upgrade_notice(make(source).checked)
    assert notice is not None and notice.message.startswith("lưu ý: tệp viết theo mẫu phiên bản 1")
    shutil.copytree(source.parent, tmp_path / "v2", ignore=shutil.ignore_patterns("*.yaml"))
    if source == PROVINCE:
        shutil.copytree(INPUTS / "bac-kan-2024", tmp_path / "v2" / "bac-kan-2024", dirs_exist_ok=True)
    upgraded = tmp_path / "v2" / source.name
    upgraded.write_text(follow(source.read_text(encoding="utf-8"), notice.message), encoding="utf-8")
    assert version_of(make(upgraded).checked.document.data) == VERSION
    assert upgrade_notice(make(upgraded).checked) is None

    reportgen.build([source], out=tmp_path / "one", fmt=reportgen.Format.HTML)
    reportgen.build([upgraded], out=tmp_path / "two", fmt=reportgen.Format.HTML)
    for name in ("article.html", "article.txt", "report.html"):
        one = (tmp_path / "one" / source.stem / name).read_text(encoding="utf-8")
        two = (tmp_path / "two" / source.stem / name).read_text(encoding="utf-8")
        assert one == two, name


def test_a_percentage_with_a_total_builds_in_version_1_and_is_told_to_drop_it(tmp_path: Path) -> None:
    shutil.copytree(INPUTS / "anh", tmp_path / "anh")
    text = SECOND.read_text(encoding="utf-8").replace(
        "        gia_tri: 68,5\n", "        gia_tri: 68,5\n        tong: 100\n"
    )
    path = tmp_path / "ty-le.yaml"
    path.write_text(text, encoding="utf-8")
    notice = upgrade_notice(make(path).checked)
    assert notice is not None and notice.message.endswith("; xoá dòng `tong` ở chỉ tiêu tỷ lệ `tap_huan`")
    reportgen.build([path], out=tmp_path / "out", fmt=reportgen.Format.HTML)
    article = (tmp_path / "out" / "ty-le" / "article.txt").read_text(encoding="utf-8")
    # Version 2 has no share of a percentage: the upgraded file reads as if `tong` were not there.
    assert "tỷ lệ hội viên được tập huấn chuyển giao kỹ thuật 68,5%, tăng 4,3 điểm phần trăm" in article
    upgraded = tmp_path / "ty-le-2.yaml"
    upgraded.write_text(follow(text, notice.message), encoding="utf-8")
    assert "tong: 100" not in upgraded.read_text(encoding="utf-8")
    assert upgrade_notice(make(upgraded).checked) is None


def test_a_version_2_file_gets_no_note() -> None:
    assert upgrade_notice(make(INPUTS / "cuu-chien-binh-bac-lieu-2024.yaml").checked) is None
