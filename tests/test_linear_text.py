"""Text of any length is read and written in time that grows with its length, not faster.

Regular expressions that can match one text in many ways backtrack: the no-break filter took
minutes on a paragraph of ``1.`` repeated 3,000 times, and reading a figure took a minute on a
pasted column of numbers. The fuzz test below runs every text path on random paragraphs of
``n`` and ``16n`` characters and bounds the ratio of their costs by 64: linear work gives 16,
quadratic 256. No limit in seconds is asserted anywhere: only how a cost grows with the text.

Two costs are compared. The Python lines run are counted, the same on every machine. But most
of these paths spend their time in the regular-expression engine, which is C code no count of
Python lines sees: the pattern that hung the build was one Python call, whatever the text. So
the CPU time of this thread is compared too (not the clock: other processes' time is not in
it), the least of three runs with the garbage collector off; a cost under half a millisecond
counts as half a millisecond, so the grain of the timer cannot make a ratio. Other processes
may make a run somewhat slower, not the long text's run sixteen times more than the short's.
"""

from __future__ import annotations

import contextlib
import gc
import re
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import reportgen
from reportgen import Format, article_forms, filters, loading, prose, unit, validation
from reportgen.errors import ReportgenError
from reportgen.vi import legacy, parsing, typed
from reportgen.word import pictures as word_pictures
from tests import guarded
from tests.conftest import INPUTS, SEED, html_text

# The one pattern the no-break filter used, kept here as the specification of what it finds
# (a span of years, "2020–2024", joined by an en dash, is a code too).
_SPECIFICATION = re.compile(r"\b[\w.,]*\d[\w.,]*(?:[-/–][\w.,]*\w)+")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="1a.,-/– _đ9Ư\t", max_size=24))
def test_codes_are_found_where_the_one_pattern_found_them(text: str) -> None:
    found = [(match.start(), match.end()) for match in _SPECIFICATION.finditer(text)]
    assert list(filters.codes(text)) == found


# --- the inputs that hung the build -----------------------------------------------------------


def seed_with(tmp_path: Path, paragraph: str) -> Path:
    text = SEED.read_text(encoding="utf-8")
    start = text.index("ket_qua:")
    end = text.index("\nhan_che:")
    path = tmp_path / "don-vi.yaml"
    path.write_text(text[:start] + f"ket_qua: |-\n  {paragraph}" + text[end:], encoding="utf-8")
    shutil.copytree(INPUTS / "anh", tmp_path / "anh")
    return path


@pytest.mark.parametrize(
    "paragraph",
    [
        "1." * 3000,
        "".join(f"{number}." for number in range(1000)),  # 300 took half a minute, 1,000 minutes
        "".join(f"{number:,}".replace(",", ".") + "," for number in range(10_000, 10_300)),
        "Theo Kết luận 49-KL/TW" + "".join(f"{number}/" for number in range(300)),
    ],
    ids=["one-dot-3000-times", "1000-numbers", "300-numbers-with-thousands", "300-numbers-in-a-code"],
)
def test_a_paragraph_of_numbers_is_built_at_once(tmp_path: Path, paragraph: str) -> None:
    source = seed_with(tmp_path, paragraph)
    with guarded.bounded():
        assert unit.make(source).warnings is not None
        reportgen.build([source], out=tmp_path / "out", fmt=Format.HTML)
    assert paragraph[:200].replace(" ", "") in html_text(
        tmp_path / "out" / "don-vi" / "article.html"
    ).replace(" ", "")


def test_a_pasted_column_of_numbers_in_a_figure_gets_its_message_at_once(tmp_path: Path) -> None:
    typed = "1 " * 400_000 + "hộ"  # 800 KB: under the cap of an input file
    text = SEED.read_text(encoding="utf-8").replace("gia_tri: 63.979", f"gia_tri: {typed}", 1)
    path = tmp_path / "don-vi.yaml"
    path.write_text(text, encoding="utf-8")
    with guarded.bounded(), pytest.raises(ReportgenError) as caught:
        unit.make(path)
    [error] = caught.value.errors
    assert error.message.endswith("không phải là số — hãy viết số nguyên, ví dụ 63.979")


# --- every text path, fuzzed -------------------------------------------------------------------

SMALL, LARGE = 2_000, 32_000
BOUND = 64
"""LARGE is 16 times SMALL: linear work costs 16 times more, quadratic 256 times."""


def _loaded(text: str) -> None:
    document = loading.loads(f"ket_qua: |-\n  {text}\n", Path("x.yaml"), keep_going=True)
    validation.validate(document)


TEXT_PATHS: dict[str, Callable[[str], object]] = {
    "nobreak": filters.nobreak,
    "balance": filters.balance,
    "balance-name": filters.balance_name,
    "breakable": filters.breakable,
    "integer": parsing.parse_integer,
    "decimal": parsing.parse_decimal,
    "money": parsing.parse_money,
    "date": parsing.parse_date,
    "typed-money": lambda text: typed.read(text, "tien"),
    "typed-count": lambda text: typed.read(text, "so_luong"),
    "typed-percent": lambda text: typed.read(text, "ty_le"),
    "references": lambda text: prose.fill(text, lambda key, form: key),
    "legacy": legacy.pasted,
    "loading-and-validation": _loaded,
    "portal": lambda text: article_forms.forms(f"<html><body><article><p>{text}</p></article></body></html>"),
    "word-pictures": lambda text: word_pictures.lift_svgs(text.replace("{", "<svg ")),
}


def _run(action: Callable[[str], object], text: str) -> None:
    with contextlib.suppress(ValueError, ReportgenError):  # a refusal is an answer; its cost counts
        action(text)


def steps(action: Callable[[str], object], text: str) -> int:
    """How many Python lines (and calls) ``action(text)`` runs: a count, not a measure of time."""
    count = 0

    def trace(frame: FrameType, event: str, arg: object) -> object:
        nonlocal count
        count += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        _run(action, text)
    finally:
        sys.settrace(previous)
    return count


def cpu(action: Callable[[str], object], text: str) -> float:
    """The least CPU time of this thread that ``action(text)`` took in three runs, at least 0.5 ms."""
    best = float("inf")
    collecting = gc.isenabled()
    gc.disable()  # a collection of the whole test process's objects is no cost of the action
    try:
        for _ in range(3):
            started = time.thread_time()
            _run(action, text)
            best = min(best, time.thread_time() - started)
    finally:
        if collecting:
            gc.enable()
    return max(best, 5e-4)


MOTIF_ALPHABET = "0123456789.,-/ %{}:ađĐéHt\u00a0"


@settings(max_examples=15, deadline=None)
@given(motif=st.text(alphabet=MOTIF_ALPHABET, min_size=1, max_size=6))
@example(motif="1.")
@example(motif="1 ")
@example(motif="12-")
@example(motif="1,")
@example(motif=" ")
@example(motif="{a:")
@example(motif="1 tỷ ")
@example(motif="{a} ")
@example(motif="  ")
def test_every_text_path_costs_in_proportion_to_the_text(motif: str) -> None:
    small = ("1" + motif * SMALL)[:SMALL] + "x"
    large = ("1" + motif * LARGE)[:LARGE] + "x"
    with guarded.bounded(300):
        for name, action in TEXT_PATHS.items():
            for kind, cost in (("Python lines", steps), ("CPU time", cpu)):
                ratio = cost(action, large) / cost(action, small)
                said = f"{name} on {motif!r}: {ratio:.0f} times the {kind} for 16 times the text"
                assert ratio <= BOUND, said
