"""The JSON Schema that editors check year-end files against while they are typed.

An editor's YAML language server reads YAML 1.2: ``63.979`` is a number, ``319,7 triệu`` and
``20/01/2021`` are strings, ``no`` stays a string. ruamel.yaml reads it the same way (its
dates are turned back into the text the editor sees), and jsonschema checks it, so what the
tests accept is what an editor accepts.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from reportgen import cli, i18n, json_schema, skeleton
from tests.conftest import APPROXIMATE, MONEY, ROOT, SECOND, SEED

runner = CliRunner()


def as_editor_reads(text: str) -> Any:
    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(key): plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    return plain(YAML(typ="safe", pure=True).load(text))


def mistakes(text: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(json_schema.schema())
    return sorted(
        f"{'.'.join(str(part) for part in error.absolute_path)}: {error.validator}"
        for error in validator.iter_errors(as_editor_reads(text))
    )


def test_the_schema_is_a_valid_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema.schema())


@pytest.mark.parametrize("path", [SEED, SECOND, MONEY, APPROXIMATE], ids=lambda path: path.stem)
def test_the_samples_pass(path: Path) -> None:
    """Version 1's samples and version 2's alike (a unit that adds up its sub-units' figures leaves
    them out, which the schema, not knowing of sub-units, would call missing)."""
    assert mistakes(path.read_text(encoding="utf-8")) == []


def test_a_file_of_version_1_is_told_of_the_fields_version_1_has_not() -> None:
    text = SEED.read_text(encoding="utf-8").replace(
        "        gia_tri: 120\n", "        gia_tri: 120\n        trong_do:\n          cấp tỉnh: 1\n"
    )
    flagged = ["chi_tieu.to_chuc_hoi.danh_sach.so_hoi.trong_do: not"]
    assert mistakes(text) == flagged
    assert mistakes(text.replace("phien_ban: 1\n", "")) == flagged  # a file without a version is version 1
    assert mistakes(text.replace("phien_ban: 1", "phien_ban: 2")) == []
    older = MONEY.read_text(encoding="utf-8").replace("phien_ban: 2", "phien_ban: 1")
    assert mistakes(older) == [
        "chi_tieu.kinh_te.danh_sach.ho_ngheo.hien_thi: not",
        "chi_tieu.kinh_te.danh_sach.ho_ngheo.ty_le: not",
        "chi_tieu.nghia_tinh.danh_sach.nha_xay_moi.hien_thi: not",
        "chi_tieu.nghia_tinh.danh_sach.thien_tai.hien_thi: not",
        "chi_tieu_nam_sau: not",
    ]
    refused = json_schema.schema()["then"]["properties"]["chi_tieu_nam_sau"]
    assert refused["errorMessage"] == (
        "trường này có từ mẫu phiên bản 2 — hãy sửa dòng `phien_ban: 1` thành `phien_ban: 2`"
    )


def test_a_new_file_passes() -> None:
    assert mistakes(skeleton.text("Hội Nông dân huyện Na Rì", 2024)) == []


def test_an_editor_is_told_of_misspelt_fields_wrong_choices_and_missing_parts() -> None:
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("chi_tieu:", "chi_teu:").replace("buoi: sáng", "buoi: trưa")
    text = text.replace("  dia_danh: Bắc Kạn\n", "").replace("ngay: 20/01/2021", "ngay: 20 tháng 1")
    assert mistakes(text) == [
        ": additionalProperties",
        "hoi_nghi.buoi: anyOf",  # `sáng`, `chiều`, `tối` or nothing
        "hoi_nghi.ngay: pattern",
        "to_chuc: required",
    ]


def test_an_editor_accepts_a_capitalised_session_as_reportgen_does() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert mistakes(text.replace("buoi: sáng", "buoi: Sáng")) == []
    assert mistakes(text.replace("buoi: sáng", "buoi: Trưa")) == ["hoi_nghi.buoi: anyOf"]


def test_a_key_of_the_wrong_form_is_flagged() -> None:
    text = SEED.read_text(encoding="utf-8").replace("      so_hoi:", "      Số_hội:")
    assert mistakes(text) == ["chi_tieu.to_chuc_hoi.danh_sach: additionalProperties"]


def test_figures_typed_the_vietnamese_way_are_accepted() -> None:
    text = SEED.read_text(encoding="utf-8").replace("gia_tri: 63.979", "gia_tri: 63 979")
    assert mistakes(text.replace("ngay: 20/01/2021", "ngay: 2021-01-20")) == []


def test_descriptions_are_the_field_docs_in_the_language_spoken() -> None:
    vietnamese = json_schema.schema()
    assert (
        vietnamese["properties"]["nam"]["description"]
        == "Năm tổng kết: `2020`; với nhiệm kỳ hay nhiều năm, năm của số liệu."
    )
    with i18n.speaking("en"):
        english = json_schema.schema()
    assert (
        english["properties"]["nam"]["description"]
        == "The reporting year: `2020`; for a term or several years, the year of the figures."
    )
    assert english["$defs"]["ChiTieu"]["description"].startswith("An indicator: a figure typed once")
    assert "title" not in english["properties"]["nam"]


def test_schema_prints_it_and_writes_it(tmp_path: Path) -> None:
    printed = runner.invoke(cli.app, ["schema"])
    assert printed.exit_code == 0
    assert json.loads(printed.stdout) == json_schema.schema()
    out = tmp_path / "reportgen.schema.json"
    written = runner.invoke(cli.app, ["schema", "--out", str(out), "--lang", "en"])
    assert written.stdout == f"Wrote {out}.\n"
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "Year-end file (reportgen)"


def test_a_redirected_output_in_another_encoding_still_gets_utf8(tmp_path: Path) -> None:
    # Windows gives a redirected stream its ANSI code page, in which Vietnamese cannot be written.
    done = subprocess.run(
        [sys.executable, "-m", "reportgen", "schema"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (
        json.loads(done.stdout.decode("utf-8"))["properties"]["nam"]["description"]
        == "Năm tổng kết: `2020`; với nhiệm kỳ hay nhiều năm, năm của số liệu."
    )
