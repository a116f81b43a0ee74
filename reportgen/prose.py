"""Indicators in sentences: how a figure typed once reads wherever the text refers to it.

A count reads figure first (``63.979 hộ gia đình đạt danh hiệu Gia đình học tập``), money and
percentages label first (``tổng số tiền 319,7 triệu đồng``), as the provincial press writes
them. A group reads as its indicators joined by ``;`` with ``và`` before the last.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from reportgen.schema import PLACEHOLDER, ChiTieu, Loai, NhomChiTieu
from reportgen.vi.lists import list_and
from reportgen.vi.numbers import money_short, number, percent


def figure(indicator: ChiTieu) -> str:
    """The figure alone: ``63.979``, ``226.259/254.657``, ``319,7 triệu đồng``, ``85,2%``."""
    if indicator.loai is Loai.TIEN:
        return money_short(indicator.gia_tri)
    if indicator.loai is Loai.TY_LE:
        return percent(indicator.gia_tri)
    if indicator.tong is not None:
        return f"{number(indicator.gia_tri)}/{number(indicator.tong)}"
    return number(indicator.gia_tri)


def phrase(indicator: ChiTieu) -> str:
    """The indicator as it reads in prose: its figure with its label."""
    if indicator.loai is Loai.SO_LUONG:
        return f"{figure(indicator)} {indicator.nhan}"
    return f"{indicator.nhan} {figure(indicator)}"


def group_phrase(group: NhomChiTieu) -> str:
    """A group's indicators in one run of prose: ``A; B; C và D``."""
    return list_and([phrase(indicator) for indicator in group.danh_sach.values()], ";")


def fill(
    text: str,
    indicators: Mapping[str, ChiTieu],
    groups: Mapping[str, NhomChiTieu],
    comparison: Callable[[str], str] | None = None,
) -> str:
    """Replace each ``{key}`` in ``text`` with the indicator or group it names.

    ``{key:so}`` prints an indicator's figure alone; ``{key:so_sanh}`` its phrase followed by
    ``comparison(key)``, the wording of its comparisons, when there is any. Keys were checked at
    validation, so an unknown one here is a template author's mistake and raises ``KeyError``.
    """

    def replace(match: re.Match[str]) -> str:
        key, form = match["key"], match["form"]
        if key in groups:
            return group_phrase(groups[key])
        indicator = indicators[key]
        if form == "so":
            return figure(indicator)
        said = comparison(key) if form == "so_sanh" and comparison else ""
        return f"{phrase(indicator)}, {said}" if said else phrase(indicator)

    return PLACEHOLDER.sub(replace, text)
