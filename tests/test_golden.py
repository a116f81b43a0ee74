"""The samples render exactly to the committed golden HTML (``make golden`` rewrites it)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.golden import GOLDEN, PAGES, SAMPLES, comparable, render_samples


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden")
    render_samples(out)
    return out


def test_every_sample_has_golden_files() -> None:
    assert len(SAMPLES) >= 2
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(s.stem for s in SAMPLES)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("sample", [s.stem for s in SAMPLES])
def test_html_matches_golden(rendered: Path, sample: str, page: str) -> None:
    expected = (GOLDEN / sample / page).read_text(encoding="utf-8")
    actual = comparable((rendered / sample / page).read_text(encoding="utf-8"))
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "golden", "rendered", lineterm="", n=1
        )
        pytest.fail("HTML differs from tests/golden (make golden rewrites it):\n" + "\n".join(diff))
