"""A long report breaks well: 66 indicators over several pages, read back from the PDF.

Table headers repeat on each page, rows are never split, no heading is left at the foot of a
page, and the signature shares its page with the end of the text.
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

import reportgen
from reportgen import fonts, templating, unit
from reportgen.loading import load
from reportgen.rendering import Printer
from reportgen.validation import validate
from tests.conftest import INPUTS, ROOT, SECOND
from tests.report_pdf import X_TOLERANCE, find, find_all, lines, open_pdf, style

LONG = ROOT / "tests" / "data" / "bao-cao-dai.yaml"
HEADING = re.compile(r"^([IVX]+|\d+)\. \S")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    out = tmp_path_factory.mktemp("long")
    reportgen.build([LONG], out=out, fmt=reportgen.Format.PDF)
    with open_pdf(out / LONG.stem / "report.pdf") as pdf:
        yield pdf


@pytest.fixture(scope="module")
def names() -> list[str]:
    data = validate(load(LONG))
    return [c.ten_bang for group in data.chi_tieu.values() for c in group.danh_sach.values()]


def name_column(page: Any) -> tuple[float, float] | None:
    """The left and right edges of the table's "Chỉ tiêu" column on a page, from its borders."""
    headers = [m for m in page.search("Chỉ tiêu") if style(m)[1] == 10.5]
    if not headers:
        return None
    header = headers[0]
    x = (header["x0"] + header["x1"]) / 2
    edges = sorted(
        {
            round(e["x0"], 1)
            for e in page.edges
            if e["orientation"] == "v" and e["top"] <= header["top"] and e["bottom"] >= header["bottom"]
        }
    )
    return max(e for e in edges if e < x), min(e for e in edges if e > x)


def rows(page: Any) -> list[dict[str, Any]]:
    """The table rows on a page: lines opening with their number, in the body's 11 pt."""
    return [
        line
        for line in lines(page)
        if re.match(r"^\d+ ", line["text"]) and round(line["chars"][0]["size"], 1) == 11
    ]


def test_the_long_input_has_more_than_60_indicators_over_several_pages(report: Any, names: list[str]) -> None:
    assert len(names) >= 60 and len(set(names)) == len(names)
    assert len(report.pages) >= 6


def test_no_row_is_split_across_pages(report: Any, names: list[str]) -> None:
    texts = []
    for page in report.pages:
        column = name_column(page)
        if column is None:
            texts.append("")
            continue
        # The table's own 11 pt text in that column, leaving out the chart's labels.
        cells = page.crop((column[0], 0, column[1], page.height)).filter(
            lambda o: o["object_type"] != "char" or round(o["size"], 1) == 11
        )
        cropped = cells.extract_text(x_tolerance=X_TOLERANCE)
        texts.append(" ".join(cropped.split()))
    for name in names:
        # Every name, most over two or three lines, stands whole on exactly one page.
        pages = [number for number, text in enumerate(texts, start=1) if f" {name} " in f" {text} "]
        assert len(pages) == 1, (name, pages)


def test_table_headers_repeat_above_the_rows_of_every_page(report: Any) -> None:
    continued = 0
    for page in report.pages:
        found = rows(page)
        if not found:
            continue
        headers = [m for m in page.search("Chỉ tiêu") if style(m)[1] == 10.5]
        assert headers and headers[0]["bottom"] < found[0]["top"], page.page_number
        continued += found[0]["text"].split()[0] != "1"
    assert continued >= 3  # tables did run on over a page break, and their headers came along


def test_no_heading_is_left_at_the_foot_of_a_page(report: Any) -> None:
    headings = 0
    for page in report.pages:
        page_lines = lines(page)
        for index, line in enumerate(page_lines):
            if HEADING.match(line["text"]) and style(line)[1] == 14 and "Bold" in style(line)[0]:
                headings += 1
                assert index + 1 < len(page_lines), f"{line['text']!r} ends page {page.page_number}"
        for match in page.search("Biểu đồ:"):
            assert any(c["top"] > match["bottom"] + 50 for c in page.chars), "chart caption alone"
    assert headings == 6 + 2 + 3  # six tables, two texts under I, and the three sections


def test_the_signature_shares_its_page_with_the_end_of_the_text(report: Any) -> None:
    [(page_number, authority)] = list(find_all(report, "TM. BAN THƯỜNG VỤ"))
    assert page_number == len(report.pages)
    page = report.pages[-1]
    find(page, "Nơi nhận:")
    find(page, "Nông Văn Bình")
    above = [line for line in lines(page) if line["bottom"] < authority["top"]]
    assert sum(round(line["chars"][0]["size"], 1) == 14 for line in above) >= 2


# --- the same rules on the second sample, its text lengthened line by line ---------------------

SHORT = "    Các cấp Hội tiếp tục đổi mới nội dung hoạt động.\n"


@pytest.fixture(scope="module")
def printer() -> Printer:
    return Printer([templating.packaged_templates()], fonts.choose())


def print_report(folder: Path, text: str, printer: Printer) -> Any:
    source = folder / "don-vi.yaml"
    source.write_text(text, encoding="utf-8")
    shutil.copytree(INPUTS / "anh", folder / "anh", dirs_exist_ok=True)
    documents = unit.rendered(source).documents
    assert documents is not None
    return pdfplumber.open(io.BytesIO(printer.pdf(documents.html["report"], folder)))


# Without the report's break rules these lengths strand "5. Công tác thi đua" (0 more lines),
# split the signature block over two pages (12, 15) or leave it alone on one (18), and strand
# "III. PHƯƠNG HƯỚNG" (21): each is printed here, with the rules, and checked.
@pytest.mark.parametrize("extra", [0, 12, 15, 18, 21])
def test_lengthened_text_strands_no_heading_and_no_signature(
    tmp_path: Path, printer: Printer, extra: int
) -> None:
    text = SECOND.read_text(encoding="utf-8").replace(
        "ket_qua:\n", "ket_qua:\n" + ("  - >-\n" + SHORT) * extra
    )
    with print_report(tmp_path, text, printer) as pdf:
        for page in pdf.pages:
            last = lines(page)[-1]
            assert not (HEADING.match(last["text"]) and "Bold" in style(last)[0]), (extra, last["text"])
        page = pdf.pages[-1]
        authority = find(page, "TM. BAN THƯỜNG VỤ")
        for piece in ("Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Hoàng Văn Phúc"):
            find(page, piece)
        above = [line for line in lines(page) if line["bottom"] < authority["top"]]
        assert sum(round(line["chars"][0]["size"], 1) == 14 for line in above) >= 2, extra
