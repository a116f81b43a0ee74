"""The documents' outline in the context: the numbers, the article's last part, its first photo."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import reportgen
from reportgen import unit
from reportgen.compute import Context
from tests.conftest import INPUTS, SEED, html_text

HAN_CHE = re.compile(r"^han_che: >-\n(?:  .*\n)+", re.MULTILINE)
KHEN_THUONG = re.compile(r"^khen_thuong:\n(?:  .*\n)+", re.MULTILINE)


def context_of(source: Path) -> Context:
    documents = unit.rendered(source).documents
    assert documents is not None
    return documents.context


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(INPUTS / "anh", tmp_path / "anh")
    return tmp_path


def test_the_seed_s_outline(folder: Path) -> None:
    context = context_of(SEED)
    assert context["so_muc"] == {
        "phan": {"ket_qua": 1, "han_che": 2, "phuong_huong": 3},
        "nhom": {"to_chuc_hoi": 1, "mo_hinh_hoc_tap": 2, "hoc_bong": 3},
        "danh_gia": 4,
        "khen_thuong": 5,
    }
    assert context["phan_cuoi"] == "khen_thuong"
    assert context["anh_dau"] is not None and context["anh_dau"]["src"] == "anh/toan-canh-hoi-nghi-800.jpg"
    assert [c.ten_bang for c in context["chi_so_chinh"]] == [
        context["chi_so"][k].ten_bang for k in context["chi_tieu_chinh"]
    ]


def test_without_shortcomings_the_directions_are_part_ii_and_the_article_ends_with_them(folder: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    source = folder / "khong-han-che.yaml"
    source.write_text(KHEN_THUONG.sub("", HAN_CHE.sub("", text)), encoding="utf-8")
    context = context_of(source)
    assert context["so_muc"]["phan"] == {"ket_qua": 1, "han_che": None, "phuong_huong": 2}
    assert context["so_muc"]["khen_thuong"] is None
    assert context["phan_cuoi"] == "phuong_huong"
    out = folder / "out"
    reportgen.build([source], out=out, fmt=reportgen.Format.HTML)
    report = html_text(out / source.stem / "report.html")
    assert "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021" in report and "III." not in report
    article = html_text(out / source.stem / "article.html")
    assert article.count("./.") == 1 and "Trung tâm Học tập cộng đồng.../." in article
