"""Reproducible builds: with ``SOURCE_DATE_EPOCH`` set, the same input gives the same bytes.

Both PDFs are compared whole, built twice into two different folders: a PDF that named its
images after the folder it was printed in would differ between the two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import reportgen
from tests.conftest import SEED


def test_the_same_input_gives_the_same_files_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1611100800")
    reportgen.build([SEED], out=tmp_path / "mot")
    reportgen.build([SEED], out=tmp_path / "hai")
    first = {
        p.relative_to(tmp_path / "mot"): p.read_bytes() for p in (tmp_path / "mot").rglob("*") if p.is_file()
    }
    second = {
        p.relative_to(tmp_path / "hai"): p.read_bytes() for p in (tmp_path / "hai").rglob("*") if p.is_file()
    }
    assert Path(SEED.stem, "article.pdf") in first
    assert {name for name in first if first[name] != second.get(name)} == set()
