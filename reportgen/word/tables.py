"""Tables for Word: which are layout tables, how wide each column is, where each cell stands.

Part of the contract between the templates and Word (see :mod:`reportgen.word.page`): the
classes of the header block's and the closing's tables and cells, and of the indicator
tables' header cells, as the templates and ``report.css`` use them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Length, Mm

from reportgen.word.html import classes, shown

LAYOUT_TABLES = {
    "header": {
        "title-left": "Cơ quan cấp trên",
        "parent": "Cơ quan cấp trên",
        "org": "Tên cơ quan",
        "stars": "Dấu sao",
        "nation": "Quốc hiệu",
        "slogan": "Tiêu ngữ",
        "title": "Tiêu đề",
        "number": "Số, ký hiệu",
        "place-date": "Địa danh, ngày tháng",
    },
    "closing": {
        "recipients": "Nơi nhận",
        "label": "Nơi nhận (tiêu đề)",
        "signature": "Chức vụ người ký",
        "sign-space": "Khoảng ký",
        "name": "Tên người ký",
    },
}
"""Borderless tables by class, and the styles their cells' classes name."""
COLUMN_WIDTHS: dict[str, dict[str, float]] = {
    "": {"stt": 0.04, "unit": 0.08, "year": 0.09, "change": 0.13, "target": 0.09, "attained": 0.09},
    "roomy": {"unit": 0.12, "year": 0.12},
    "annex-table": {"name": 0.40},
    "header": {"issuer": 0.42, "motto": 0.58},
    "closing": {"recipients": 0.5, "signature": 0.5},
}
"""A column's share of its table's width, by the class of its first row's cell; the table's own
classes add to the defaults (""). Columns without one share what is left."""
KEPT_WITH_THE_ROW_BEFORE = {"parts", "part", "total"}
"""Rows the PDF never starts a page with (``break-before: avoid``): an indicator's parts under it,
the annex's total under its sub-units."""

CELL_ALIGNMENT = {
    "num": WD_ALIGN_PARAGRAPH.RIGHT,
    "stt": WD_ALIGN_PARAGRAPH.CENTER,
    "unit": WD_ALIGN_PARAGRAPH.CENTER,
    "change": WD_ALIGN_PARAGRAPH.CENTER,
}


def alignment(cell: Any) -> WD_ALIGN_PARAGRAPH | None:
    """How a data cell's figures align, by its class; None to keep its style's."""
    return next((CELL_ALIGNMENT[kind] for kind in classes(cell) if kind in CELL_ALIGNMENT), None)


def rows(table: Any) -> Iterator[tuple[Any, bool]]:
    """The table's rows, each with whether it belongs to the head (and repeats on every page)."""
    for child in table:
        if not shown(child):
            continue
        if child.tag == "tr":
            yield child, False
        elif child.tag in ("thead", "tbody", "tfoot"):
            for row in child:
                if shown(row) and row.tag == "tr":
                    yield row, child.tag == "thead"


def _span(cell: Any, attribute: str) -> int:
    value = str(cell.get(attribute, "1")).strip()
    return min(max(int(value), 1), 100) if value.isdigit() else 1


def grid(rows: list[tuple[Any, bool]]) -> list[list[tuple[Any, int, int]]]:
    """Place every cell on the table's grid, rowspan and colspan followed.

    Each cell stands at its top left corner as (cell, columns spanned, rows spanned); a place
    a cell spanning from elsewhere covers holds (None, 1, 1).
    """
    grid: list[list[tuple[Any, int, int]]] = [[] for _row in rows]
    covered: set[tuple[int, int]] = set()
    for r, (tr, _header) in enumerate(rows):
        c = 0
        for cell in tr:
            if not (shown(cell) and cell.tag in ("td", "th")):
                continue
            while (r, c) in covered:
                c += 1
            across, down = _span(cell, "colspan"), min(_span(cell, "rowspan"), len(rows) - r)
            for dr in range(down):
                for dc in range(across):
                    covered.add((r + dr, c + dc))
            while len(grid[r]) < c:
                grid[r].append((None, 1, 1))
            grid[r].append((cell, across, down))
            grid[r] += [(None, 1, 1)] * (across - 1)
            c += across
    width = max(
        (max((c + 1 for (r, c) in covered if r == i), default=0) for i in range(len(rows))), default=0
    )
    for row in grid:
        row += [(None, 1, 1)] * (width - len(row))
    return grid


def widths(
    kinds: list[str], grid: list[list[tuple[Any, int, int]]], columns: int, total: Length, padding: Length
) -> list[Length]:
    """Each column's width: a share by class where :data:`COLUMN_WIDTHS` names one, else the rest."""
    shares = dict(COLUMN_WIDTHS[""])
    for kind in kinds:
        shares.update(COLUMN_WIDTHS.get(kind, {}))
    fixed: dict[int, int] = {}
    for index, (cell, span, _down) in enumerate(grid[0] if grid else []):
        share = next((shares[kind] for kind in classes(cell) if kind in shares), None) if span == 1 else None
        if cell is not None and share is not None:
            fixed[index] = int(total * share + padding)
    rest = max(int(total) - sum(fixed.values()), int(Mm(10)) * (columns - len(fixed)))
    free = columns - len(fixed)
    return [Length(fixed[i]) if i in fixed else Length(rest // max(free, 1)) for i in range(columns)]
