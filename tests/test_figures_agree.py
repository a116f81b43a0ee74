"""One figure, one way of writing it: every output of every sample prints each figure the same.

Each figure is read back out of the article (page, body, text, PDF) and the report (HTML, PDF:
sentences, tables, chart, annex), see :mod:`tests.printed`. For each figure, the texts must be
one; a figure typed in the input must read as typed (the same digits, decimals, unit words,
approximating word, leading zero); and every figure reportgen computed must agree with the
printed figures it comes from, by the reader's own arithmetic on what is printed.
"""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import reportgen
from reportgen.compute import main_indicators
from reportgen.loading import load
from reportgen.schema import Loai, version_of
from reportgen.vi.numbers import round_half_up
from reportgen.vi.typed import read
from tests.conftest import INPUTS, SAMPLES, SECOND
from tests.printed import (
    PROSE,
    Printed,
    Sample,
    chart,
    html_tables,
    pdf_lines,
    pdf_tables,
    prose_of,
    svg_texts,
    tables,
)
from tests.printed_sentences import sentences, target_phrases

DATA = Path(__file__).resolve().parent / "data"

Found = dict[tuple[str, str], dict[str, list[str]]]
"""For each figure (key, field): each text printed for it, and the outputs that printed it."""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    reportgen.build(SAMPLES, out=out)
    return out


def read_all(sample: Sample, folder: Path, *, pdf: bool = True) -> Iterator[Printed]:
    """Every figure of ``sample`` printed in the outputs in ``folder``, where it was printed."""
    groups = sample.groups()
    for name in PROSE if pdf else [name for name in PROSE if not name.endswith(".pdf")]:
        text = prose_of(folder / name)
        yield from sentences(sample, groups, text, name)
        yield from target_phrases(sample, text, name)
    yield from tables(sample, html_tables(folder / "report.html"), "report.html")
    yield from chart(sample, svg_texts(folder / "report.html"), "report.html chart")
    if pdf:
        yield from tables(sample, pdf_tables(folder / "report.pdf"), "report.pdf")
        yield from chart(sample, pdf_lines(folder / "report.pdf"), "report.pdf chart")


def gather(sample: Sample, folder: Path, *, pdf: bool = True) -> Found:
    found: Found = defaultdict(lambda: defaultdict(list))
    for printed in read_all(sample, folder, pdf=pdf):
        found[printed.key, printed.field][printed.text].append(printed.where)
    return found


def disagreements(found: Found) -> list[str]:
    """Each figure printed more than one way, with the ways and where each was printed."""
    return [
        f"{key} {field}: "
        + " ≠ ".join(f"{text!r} ({', '.join(sorted(set(where)))})" for text, where in sorted(texts.items()))
        for (key, field), texts in sorted(found.items())
        if len(texts) > 1
    ]


def _one(found: Found, key: str, field: str) -> str | None:
    texts = found.get((key, field))
    return next(iter(texts)) if texts else None


def _value(text: str, kind: Any) -> Decimal:
    return read(text, kind).value


def contradictions(sample: Sample, found: Found) -> list[str]:
    """Each computed figure that the printed figures it comes from do not give."""
    wrong = []
    for key, c in sample.indicators.items():
        places = 1 if c.hien_thi.so_le_ty_le is None else c.hien_thi.so_le_ty_le
        printed = {field: _one(found, key, field) for field in ("gia_tri", "nam_truoc", "ke_hoach", "tong")}
        value = printed["gia_tri"] and _value(printed["gia_tri"], c.loai)
        if value is None:
            wrong.append(f"{key}: its figure of the year is printed nowhere")
            continue

        def check(field: str, expected: Decimal, kind: Any = Loai.TY_LE) -> None:
            said = _one(found, key, field)  # noqa: B023 - used at once
            if said is not None and _value(said, kind) != expected:
                wrong.append(f"{key} {field}: printed {said!r}, the printed figures give {expected}")  # noqa: B023

        last = printed["nam_truoc"] and _value(printed["nam_truoc"], c.loai)
        if last is not None:
            check("chenh_lech", abs(value - last), c.loai)  # points, for a percentage
            direction = _one(found, key, "huong")
            expected = "tăng" if value > last else "giảm" if value < last else "tương đương"
            if direction not in (None, expected, "tương đương"):
                wrong.append(f"{key}: printed {direction!r} for {last} → {value}")
            if last and c.loai is not Loai.TY_LE:
                check("phan_tram", round_half_up(abs(value - last) / abs(last) * 100, places))
                check("bang", round_half_up(value / last * 100, places))
        target = printed["ke_hoach"] and _value(printed["ke_hoach"], c.loai)
        if target:
            check("dat", round_half_up(value / target * 100, places))
            check("vuot", round_half_up(value / target * 100 - 100, places))
        total = printed["tong"] and _value(printed["tong"], c.loai)
        share = _one(found, key, "chiem")
        if c.ty_le is not None:
            if share is not None and share != str(c.ty_le).lower():
                wrong.append(f"{key} chiem: printed {share!r}, typed {c.ty_le}")
        elif total and share is not None:
            exact = value / total * 100
            if abs(_value(share, Loai.TY_LE) - exact) >= Decimal(1).scaleb(-places):
                wrong.append(f"{key} chiem: printed {share!r}, the printed figures give {exact}")
        wrong += _parts(key, c, value, found, places)
    return wrong


def _parts(key: str, c: Any, value: Decimal, found: Found, places: int) -> list[str]:
    """Parts fit in their whole; each share is within rounding; they add up to 100% if they make it up."""
    if not c.trong_do:
        return []
    parts = {label: _one(found, key, "trong_do:" + label.lower()) for label in c.trong_do}
    if any(text is None for text in parts.values()):
        return [f"{key}: a part is printed nowhere: {parts}"]
    values = {label: _value(text, c.loai) for label, text in parts.items() if text}
    shares = {label: _one(found, key, "ty_le:" + label.lower()) for label in c.trong_do}
    wrong = []
    if sum(values.values()) > value:
        wrong.append(f"{key}: its printed parts add up to more than it")
    if all(shares.values()):
        for label, share in shares.items():
            exact = values[label] / value * 100
            if abs(_value(share or "", Loai.TY_LE) - exact) >= Decimal(1).scaleb(-places):
                wrong.append(f"{key} ty_le:{label}: printed {share!r}, the printed figures give {exact}")
        total = sum(_value(share or "", Loai.TY_LE) for share in shares.values())
        if sum(values.values()) == value and total != 100:
            wrong.append(f"{key}: the shares of parts that make it up add up to {total}%")
    return wrong


def _annex(sample: Sample, found: Found) -> list[str]:
    """The annex's total row is the sum of its sub-units' rows, as printed."""
    wrong = []
    for key, c in sample.indicators.items():
        rows = [_one(found, f"{sub.source.name}/{key}", "gia_tri") for sub in sample.sub_units]
        if not sample.sub_units or all(row is None for row in rows) or c.loai is Loai.TY_LE:
            continue
        added = sum(_value(row, c.loai) for row in rows if row is not None)
        total = _one(found, key, "gia_tri")
        if total is None or _value(total, c.loai) != added:
            wrong.append(f"{key}: the annex's rows add up to {added}, its total reads {total!r}")
    return wrong


# --- what was typed ----------------------------------------------------------------------------

_SHORTHAND = re.compile(r"(?<=\d)\s*(?:trđ|tr\.|tr)(?![^\W\d_])", re.IGNORECASE)


def as_typed(text: str) -> tuple[str, str, tuple[str, ...], str]:
    """What "as typed" keeps of a figure: its approximating word, its digits (leading zeros too)
    and decimals (the digits after each comma), and its unit words."""
    text = _SHORTHAND.sub(" triệu", text.lower())
    approx = next((word for word in ("gần như", "khoảng", "hơn", "trên", "gần") if text.startswith(word)), "")
    words = tuple(re.findall(r"nghìn|ngàn|triệu|tỷ|tỉ", text))
    return approx, re.sub(r"\D", "", text), words, ",".join(re.findall(r",(\d+)", text))


def typed_figures(source: Path) -> dict[tuple[str, str], str]:
    """Every figure typed in ``source``, as typed: by key and field (a part is ``trong_do:<part>``)."""
    raw = load(source).data
    typed: dict[tuple[str, str], str] = {}
    indicators = {
        k: c for g in (raw.get("chi_tieu") or {}).values() for k, c in (g.get("danh_sach") or {}).items()
    }
    for key, c in {**indicators, **(raw.get("chi_tieu_nam_sau") or {})}.items():
        for field in ("gia_tri", "nam_truoc", "ke_hoach", "tong"):
            if isinstance(c.get(field), str):
                typed[key, field] = c[field]
        if isinstance(c.get("dat_ke_hoach"), str):  # printed as "đạt 421% kế hoạch", its cell "421%"
            typed[key, "dat"] = c["dat_ke_hoach"]
        for label, part in (c.get("trong_do") or {}).items():
            typed[key, "trong_do:" + label.lower()] = part
    return typed


def not_as_typed(sample: Sample, found: Found) -> list[str]:
    wrong = []
    for (key, field), text in typed_figures(sample.source).items():
        c = sample.indicators.get(key) or sample.targets[key]
        if c.hien_thi.tinh_bang not in (None, "nhu_go"):
            continue  # printed as the input asked instead
        for printed in found.get((key, field), {}):
            if as_typed(printed) != as_typed(text):
                wrong.append(f"{key} {field}: typed {text!r}, printed {printed!r}")
    return wrong


# --- the tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("source", SAMPLES, ids=lambda path: path.stem)
def test_every_figure_reads_the_same_in_every_output(outputs: Path, source: Path) -> None:
    sample = Sample.read(source)
    found = gather(sample, outputs / source.stem)
    assert disagreements(found) == []
    assert not_as_typed(sample, found) == []
    assert contradictions(sample, found) == []
    assert _annex(sample, found) == []


@pytest.mark.parametrize("source", SAMPLES, ids=lambda path: path.stem)
def test_every_figure_was_found_where_it_must_be(outputs: Path, source: Path) -> None:
    """So that agreement is not agreement among nothing: each figure of the year is read from both
    tables, each charted figure from both charts, each target from every form of the article."""
    sample = Sample.read(source)
    found = gather(sample, outputs / source.stem)
    for key in sample.indicators:
        places = {where for texts in found[key, "gia_tri"].values() for where in texts}
        assert {"report.html table", "report.pdf table"} <= places, key
    for key in main_indicators(sample.indicators):
        places = {where for texts in found[key, "gia_tri"].values() for where in texts}
        assert {"report.html chart", "report.pdf chart"} <= places, key
    for key in sample.targets:
        places = {where for texts in found[key, "gia_tri"].values() for where in texts}
        assert {"article.html", "article-body.html", "article.txt", "article.pdf", "report.pdf"} <= places, (
            key
        )
    for sub in sample.sub_units:
        assert any(name.startswith(f"{sub.source.name}/") for name, _ in found), sub.ten


VERSION_1 = [
    path
    for path in [*SAMPLES, *sorted((INPUTS / "bac-kan-2024").glob("*.yaml")), DATA / "bao-cao-dai.yaml"]
    if version_of(load(path).data) == 1
]


def test_every_version_1_input_is_among_those_checked() -> None:
    assert [path.name for path in VERSION_1] == [
        "bac-kan-2020.yaml",
        "na-ri-2023.yaml",
        "tinh-bac-kan-2024.yaml",
        *(path.name for path in sorted((INPUTS / "bac-kan-2024").glob("*.yaml"))),
        "bao-cao-dai.yaml",
    ]


@pytest.mark.parametrize("source", VERSION_1, ids=lambda path: path.stem)
def test_every_version_1_input_still_builds_and_prints_its_figures_as_typed(
    source: Path, tmp_path: Path
) -> None:
    reportgen.build([source], out=tmp_path, fmt=reportgen.Format.HTML)
    sample = Sample.read(source)
    found = gather(sample, tmp_path / source.stem, pdf=False)
    assert all((key, "gia_tri") in found for key in sample.indicators)
    assert disagreements(found) == []
    assert not_as_typed(sample, found) == []
    assert contradictions(sample, found) == []


def test_a_figure_rounded_in_one_output_is_caught(outputs: Path, tmp_path: Path) -> None:
    """The check can fail: a copy whose plain text rounds 8,65 tỷ as the old article did."""
    folder = tmp_path / SECOND.stem
    shutil.copytree(outputs / SECOND.stem, folder)
    text = (folder / "article.txt").read_text(encoding="utf-8")
    (folder / "article.txt").write_text(text.replace("8,65 tỷ đồng", "8,7 tỷ đồng"), encoding="utf-8")
    sample = Sample.read(SECOND)
    found = gather(sample, folder)
    assert disagreements(found) == [
        "quy_ho_tro gia_tri: '8,65 tỷ đồng' (article-body.html, article.html, article.pdf, report.html, "
        "report.html chart, report.html table, report.pdf, report.pdf chart, report.pdf table) ≠ "
        "'8,7 tỷ đồng' (article.txt)"
    ]
    assert not_as_typed(sample, found) == ["quy_ho_tro gia_tri: typed '8,65 tỷ', printed '8,7 tỷ đồng'"]


def test_a_difference_that_the_printed_figures_do_not_give_is_caught(outputs: Path, tmp_path: Path) -> None:
    folder = tmp_path / SECOND.stem
    shutil.copytree(outputs / SECOND.stem, folder)
    for name in ("article.txt", "article.html", "article-body.html", "report.html"):
        text = (folder / name).read_text(encoding="utf-8")
        (folder / name).write_text(text.replace("tăng 0,75 tỷ đồng", "tăng 0,8 tỷ đồng"), encoding="utf-8")
    found = gather(Sample.read(SECOND), folder)
    assert "quy_ho_tro chenh_lech: printed '0,8 tỷ đồng', the printed figures give 750000000.00" in (
        contradictions(Sample.read(SECOND), found)
    )


def test_what_as_typed_keeps() -> None:
    assert as_typed("1250tr") == as_typed("1.250 triệu đồng") == ("", "1250", ("triệu",), "")
    assert as_typed("08") != as_typed("8")
    assert as_typed("8,65 tỷ") != as_typed("8,7 tỷ đồng")
    assert as_typed("hơn 196.000") != as_typed("196.000")
    assert as_typed("8,60 tỷ") != as_typed("8,6 tỷ đồng")


def test_printed_is_a_plain_record() -> None:
    assert Printed("k", "gia_tri", "8,65 tỷ đồng", "article.txt").text == "8,65 tỷ đồng"
