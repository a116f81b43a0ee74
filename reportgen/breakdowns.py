"""Stage 3, breakdowns: an indicator's parts (``trong_do``) must fit in it.

A part larger than its indicator, or parts that add up to more, cannot be right: each is an
error at the line that holds it. Parts that add up to less are fine, since "trong đó" need not
name every part. Approximate figures (``hơn 196.000``) are not checked: they may not add up.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportgen.errors import Problem, field_name
from reportgen.i18n import _
from reportgen.loading import Document, Path_
from reportgen.schema import ChiTieu, Loai, YearEnd
from reportgen.vi.figures import Figure, computed, written


def check(document: Document, data: YearEnd) -> Iterator[Problem]:
    """Find the parts that do not fit in their indicator."""
    for group_key, group in data.chi_tieu.items():
        for key, indicator in group.danh_sach.items():
            address: Path_ = ("chi_tieu", group_key, "danh_sach", key, "trong_do")
            yield from _parts(document, address, indicator)


def _parts(document: Document, address: Path_, indicator: ChiTieu) -> Iterator[Problem]:
    whole = indicator.gia_tri
    parts = indicator.trong_do
    if not parts or whole.approx or any(part.approx for part in parts.values()):
        return
    oversized = False
    for label, part in parts.items():
        if part.value > whole.value:
            oversized = True
            yield Problem(
                document.locate((*address, label)),
                _(
                    "{label} {part} lớn hơn cả chỉ tiêu ({whole} ở `gia_tri`) — một phần không thể "
                    "lớn hơn tổng; hãy xem lại"
                ).format(label=label, part=_said(indicator, part), whole=_said(indicator, whole)),
                field_name((*address, label)),
            )
    total = sum((part.value for part in parts.values()), Decimal(0))
    if not oversized and total > whole.value:
        yield Problem(
            document.locate(address, key=True),
            _(
                "các phần cộng lại được {total}, lớn hơn chỉ tiêu ({whole} ở `gia_tri`) — "
                "hãy xem lại các phần và tổng"
            ).format(
                total=_said(indicator, computed(total, list(parts.values()))), whole=_said(indicator, whole)
            ),
            field_name(address),
        )


def _said(indicator: ChiTieu, figure: Figure) -> str:
    """A figure as a message quotes it: with its unit for a count (``538 hộ``)."""
    unit = indicator.don_vi if indicator.loai is Loai.SO_LUONG and indicator.don_vi else ""
    return f"{written(figure)} {unit}".strip()
