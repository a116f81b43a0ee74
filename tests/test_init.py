"""``reportgen init``: a new file explains every field, builds as written, never overwrites.

And the whole path a new secretary takes, in both languages: init → edit → validate → build.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from typer.testing import CliRunner, Result

from reportgen import cli, fonts, i18n, skeleton
from reportgen.json_schema import FILE_NAME
from reportgen.schema import MauTheThuc, YearEnd
from reportgen.unit import make
from reportgen.vi import names
from tests.conftest import html_text, pdf_text

runner = CliRunner()


def run(*args: str | Path) -> Result:
    return runner.invoke(cli.app, [str(arg) for arg in args], prog_name="reportgen")


def descriptions(model: type[BaseModel]) -> dict[str, str]:
    """Every field name of the format, with its description."""
    found: dict[str, str] = {}
    for name, field in model.model_fields.items():
        found[name] = field.description or ""
        for inner in _models(field.annotation):
            found |= descriptions(inner)
    return found


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for argument in getattr(annotation, "__args__", ()) for model in _models(argument)]


def comments(text: str) -> str:
    """The comments of a YAML text as one run of words (wrapped lines joined again)."""
    said = [
        re.sub(r"^[\s#-]*", "", line) for line in text.splitlines() if line.lstrip().startswith(("#", "- #"))
    ]
    return " ".join(" ".join(said).split())


def uncomment(text: str, field: str) -> str:
    """Switch on a commented-out part, as a secretary does: delete one `# ` on each of its lines."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith(f"# {field}:"))
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and lines[end].startswith(" " * indent + "#   "):
        end += 1
    for index in range(start, end):
        lines[index] = lines[index][:indent] + lines[index][indent + 2 :]
    return "\n".join(lines) + "\n"


# --- the skeleton ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_field_is_shown_and_explained(language: str) -> None:
    with i18n.speaking(language):
        text = skeleton.text("Hội Nông dân huyện Na Rì", 2024)
        explained = comments(text)
        for name, description in descriptions(YearEnd).items():
            assert re.search(rf"^[\s#-]*{name}:", text, re.MULTILINE), name
            assert " ".join(i18n._(description).split()) in explained, name


def test_the_skeleton_is_valid_as_written_without_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "hoi.yaml"
    path.write_text(skeleton.text("Hội Nông dân xã Kim Lư", 2024), encoding="utf-8")
    checked = make(path)
    assert checked.warnings == []
    data = checked.data
    assert (data.to_chuc.ten, data.to_chuc.ten_viet_tat, data.to_chuc.dia_danh) == (
        "Hội Nông dân xã Kim Lư",
        "HND",
        "Kim Lư",
    )
    assert data.nam == 2024 and str(data.hoi_nghi.ngay) == "2025-01-15"
    # The Farmers' Association's own document rules: "Số 01-BC/HND" under "HỘI NÔNG DÂN VIỆT NAM".
    assert (data.bao_cao.ky_hieu, data.the_thuc.mau, data.the_thuc.co_quan) == (
        "BC/HND",
        MauTheThuc.HOI_NONG_DAN,
        "BCH xã Kim Lư",
    )
    assert data.bao_cao.noi_nhan == ["Hội Nông dân huyện", "Thường trực cấp ủy, UBND xã", "Các chi hội"]
    assert data.khen_thuong == [] and data.anh == []  # shown, but commented out


def test_the_optional_parts_switch_on_by_deleting_their_hashes(tmp_path: Path) -> None:
    text = skeleton.text(skeleton.DEFAULT_ORGANISATION, 2024)
    parts = ("khen_thuong", "nam_truoc", "ke_hoach", "tieu_de", "hien_thi", "tong", "ty_le", "trong_do")
    for part in (*parts, "chi_tieu_nam_sau"):
        text = uncomment(text, part)
    path = tmp_path / "hoi.yaml"
    path.write_text(text, encoding="utf-8")
    checked = make(path)
    assert checked.warnings == []
    data = checked.data
    assert data.khen_thuong[0].don_vi_nhan == "Chi hội thôn Bản Chẳng"
    member = data.chi_tieu["to_chuc_hoi"].danh_sach["hoi_vien"]
    assert (str(member.nam_truoc), str(member.ke_hoach), str(member.tong)) == ("1.180", "1.300", "1.600")
    assert (str(member.ty_le), {label: str(part) for label, part in member.trong_do.items()}) == (
        "78,1%",
        {"hội viên nữ": "520", "hội viên nam": "730"},
    )
    assert data.bai_viet.tieu_de == "Hội Khuyến học huyện Ba Bể tổng kết công tác năm 2024"
    # The file-wide display, switched on as written, prints every figure as typed.
    assert (data.hien_thi.tinh_bang, data.hien_thi.so_le_ty_le, data.hien_thi.so_0_truoc) == (
        "nhu_go",
        1,
        False,
    )
    assert str(data.chi_tieu_nam_sau["hoi_vien_moi_nam_sau"].gia_tri) == "80"


@pytest.mark.parametrize(
    ("name", "kind", "level", "place", "symbol"),
    [
        ("Hội Khuyến học tỉnh Bắc Kạn", "Hội Khuyến học", "tỉnh", "Bắc Kạn", "HKH"),
        ("Hội Liên hiệp Phụ nữ thành phố Bắc Kạn", "Hội Liên hiệp Phụ nữ", "thành phố", "Bắc Kạn", "HLHPN"),
        ("Hội Cựu chiến binh thị trấn Yến Lạc", "Hội Cựu chiến binh", "thị trấn", "Yến Lạc", "HCCB"),
        ("Hội Chữ thập đỏ phường Đức Xuân", "Hội Chữ thập đỏ", "phường", "Đức Xuân", "HCTĐ"),
        ("Hội Người cao tuổi", "Hội Người cao tuổi", "", "", "HNCT"),
    ],
)
def test_the_name_gives_the_abbreviation_and_the_place(
    name: str, kind: str, level: str, place: str, symbol: str
) -> None:
    assert names.split_name(name) == (kind, level, place)
    assert names.abbreviate(kind) == symbol


def test_a_province_association_names_its_national_parent(tmp_path: Path) -> None:
    path = tmp_path / "tinh.yaml"
    path.write_text(skeleton.text("Hội Khuyến học tỉnh Bắc Kạn", 2020), encoding="utf-8")
    data = make(path).data
    assert data.to_chuc.co_quan_cap_tren == "Hội Khuyến học Việt Nam"
    assert data.bao_cao.noi_nhan[0] == "Hội Khuyến học Việt Nam"


# --- the command ---------------------------------------------------------------------------


def test_init_writes_the_file_and_the_schema_and_says_what_next(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu" / "na-ri.yaml"
    result = run("init", path, "--org", "Hội Nông dân huyện Na Rì", "--year", "2023")
    assert result.exit_code == 0, result.output
    schema = path.parent / FILE_NAME
    assert result.stdout == (
        f"Đã tạo {path}, {schema}.\n"
        f"Mở {path}, thay các giá trị mẫu bằng số liệu của hội, rồi kiểm tra: reportgen validate {path}\n"
    )
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={FILE_NAME}\n")
    assert "  ten: Hội Nông dân huyện Na Rì\n" in text and "nam: 2023\n" in text
    assert json.loads(schema.read_text(encoding="utf-8"))["title"] == "Tệp số liệu tổng kết năm (reportgen)"


def test_init_never_overwrites_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "hoi.yaml"
    path.write_text("nam: 2020\n", encoding="utf-8")
    result = run("init", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{path}: tệp đã có — reportgen không ghi đè: hãy chọn tên khác, hoặc thêm --force để ghi đè\n"
        "1 lỗi: chưa tạo tệp nào.\n"
    )
    assert path.read_text(encoding="utf-8") == "nam: 2020\n"
    assert not (tmp_path / FILE_NAME).exists()

    assert run("init", path, "--force", "--year", "2024", "-q").stdout == ""
    assert "nam: 2024\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_init_and_schema_write_files_with_the_users_usual_permissions(
    tmp_path: Path, umask: int, mode: int
) -> None:
    # A colleague on a shared folder opens what init wrote, as with any other file of the user's.
    before = os.umask(umask)
    try:
        assert run("init", tmp_path / "hoi.yaml", "--year", "2024", "-q").exit_code == 0
        assert run("schema", "--out", tmp_path / "khac.schema.json").exit_code == 0
        (tmp_path / "hoi.yaml").write_text("đã sửa\n", encoding="utf-8")
        assert run("init", tmp_path / "hoi.yaml", "--year", "2024", "--force", "-q").exit_code == 0
    finally:
        os.umask(before)
    written = {path.name: stat.S_IMODE(path.stat().st_mode) for path in tmp_path.iterdir()}
    assert written == {"hoi.yaml": mode, FILE_NAME: mode, "khac.schema.json": mode}


def test_init_keeps_a_schema_already_there(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("{}\n", encoding="utf-8")
    result = run("init", tmp_path / "hoi.yaml", "--year", "2024")
    assert result.stdout.startswith(f"Đã tạo {tmp_path / 'hoi.yaml'}.\n")
    assert (tmp_path / FILE_NAME).read_text(encoding="utf-8") == "{}\n"


def test_a_year_that_is_not_one_is_refused(tmp_path: Path) -> None:
    result = run("init", tmp_path / "hoi.yaml", "--year", "24")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        'Lỗi: --year: "24" không phải năm — hãy viết năm đủ bốn chữ số, ví dụ 2024'
    )
    assert not (tmp_path / "hoi.yaml").exists()


def test_the_default_year_is_the_one_being_reported_on() -> None:
    import datetime

    assert skeleton.default_year(datetime.date(2025, 2, 1)) == 2024
    assert skeleton.default_year(datetime.date(2024, 12, 20)) == 2024


# --- init → edit → validate → build, as a new user does it ----------------------------------

SAID = {
    "vi": {
        "clean": "{file}: không có lỗi.\n",
        "wrote": "Đã ghi {folder}/: article-body.html, article.docx, article.html, article.pdf, article.txt, "
        "report.docx, report.html, report.pdf\nPhông chữ của báo cáo: {font}\n",
        "comment": "# Số liệu năm nay, in đúng như gõ: `63.979`, `08`; tiền `319,7 triệu`, `1250tr`,",
    },
    "en": {
        "clean": "{file}: no errors.\n",
        "wrote": "Wrote {folder}/: article-body.html, article.docx, article.html, article.pdf, article.txt, "
        "report.docx, report.html, report.pdf\nThe report's font: {font}\n",
        "comment": "# This year's figure, printed exactly as typed: `63.979`, `08`; money `319,7 triệu`,",
    },
}


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_init_edit_validate_build(tmp_path: Path, language: str) -> None:
    said = SAID[language]
    path = tmp_path / "kim-lu.yaml"
    lang = ["--lang", language]
    assert run("init", path, "--org", "Hội Nông dân xã Kim Lư", "--year", "2024", *lang).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert said["comment"] in text

    # The secretary types this year's figures, a mistake among them, and switches on last year's.
    text = text.replace("gia_tri: 1.250", "gia_tri: 1.312,5").replace("gia_tri: 24", "gia_tri: 26")
    text = uncomment(text, "nam_truoc")
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("1.312,5")].count("\n") + 1
    result = run("validate", path, *lang)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f'{path}:{line}:18: chi_tieu.to_chuc_hoi.danh_sach.hoi_vien.gia_tri: "1.312,5" '
    )

    path.write_text(path.read_text(encoding="utf-8").replace("1.312,5", "1.312"), encoding="utf-8")
    result = run("validate", path, *lang)
    assert (result.exit_code, result.stderr, result.stdout) == (0, "", said["clean"].format(file=path))

    out = tmp_path / "out"
    result = run("build", path, "-o", out, *lang)
    assert result.exit_code == 0, result.output
    i18n.activate(language)
    font = fonts.choose().describe()  # Noto Serif, or a complete Times New Roman the machine has
    assert result.stdout == said["wrote"].format(folder=out / "kim-lu", font=font)
    article = html_text(out / "kim-lu" / "article.html")
    # The documents are Vietnamese whatever the language of the command line.
    assert (
        "Sáng 15/01/2025, Hội Nông dân xã Kim Lư tổ chức Hội nghị tổng kết công tác Hội và phong trào "
        "nông dân năm 2024" in article
    )
    assert "toàn xã có 26 chi hội với 1.312 hội viên." in article
    report = pdf_text(out / "kim-lu" / "report.pdf")
    assert "Số 01-BC/HND" in report and "HỘI NÔNG DÂN VIỆT NAM" in report and "1.180" in report
