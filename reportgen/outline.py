"""Stage 4, the documents' outline: which parts they have, how those are numbered, where they end.

What the templates used to work out for themselves, in expressions a press officer could not
read: the report's parts and their Roman numerals, the numbers of the points of its part I, the
article's last part (which closes with "./."), the targets its paragraphs do not name, the photo
a reader sees first. Worked out here once, from the validated input, they are plain values of
the context (:class:`reportgen.compute.Context`); how the documents say them stays the
templates' business.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias, TypedDict

from reportgen.prose import references
from reportgen.schema import Muc, ViTriAnh

PARTS = ("ket_qua", "han_che", "phuong_huong")
"""The report's parts after its preamble, in order: results, shortcomings, directions."""

Parts: TypeAlias = Mapping[str, Sequence[Any]]
"""Each of the :data:`PARTS` by name, and its items: paragraphs, numbered points, dashed items."""


class Numbers(TypedDict):
    """The numbers the report's headings print, counted once."""

    phan: dict[str, int | None]
    """Each part by name (``ket_qua``, ``han_che``, ``phuong_huong``) and its number, printed in
    Roman numerals (``| roman``); None for a part the report leaves out: shortcomings when there
    are none, directions when there are neither directions nor targets."""
    nhom: dict[str, int]
    """Each indicator group whose table is a point of part I of its own, by key, and the point's
    number: after the points the text of part I numbers itself. A group a point of the text names
    (its ``bang``) has its table there instead."""
    danh_gia: int | None
    """The number of part I's point "Đánh giá chung", which holds the text of part I when that
    text numbers no points itself; None when there is no such point."""
    khen_thuong: int | None
    """The number of part I's point on the awards; None without awards."""


def numbers(parts: Parts, groups: Sequence[str], targets: bool, awards: bool) -> Numbers:
    """Number the report's parts and part I's points.

    ``groups`` are the keys of the indicator groups in order; ``targets`` and ``awards`` say
    whether there are next year's targets and awards.

    >>> n = numbers({"ket_qua": ["Tốt."], "han_che": [], "phuong_huong": []}, ["a", "b"], True, True)
    >>> n["phan"], n["nhom"], n["danh_gia"], n["khen_thuong"]
    ({'ket_qua': 1, 'han_che': None, 'phuong_huong': 2}, {'a': 1, 'b': 2}, 3, 4)
    """
    present = {
        "ket_qua": True,
        "han_che": bool(parts["han_che"]),
        "phuong_huong": bool(parts["phuong_huong"]) or targets,
    }
    count = 0
    phan: dict[str, int | None] = {}
    for part in PARTS:
        count += present[part]
        phan[part] = count if present[part] else None
    results = parts["ket_qua"]
    points = [item for item in results if isinstance(item, Muc)]
    placed = {key for part in PARTS for item in parts[part] if isinstance(item, Muc) for key in item.bang}
    following = iter(range(len(points) + 1, len(points) + len(groups) + 3))
    nhom = {key: next(following) for key in groups if key not in placed}
    danh_gia = next(following) if results and not points else None
    return Numbers(phan=phan, nhom=nhom, danh_gia=danh_gia, khen_thuong=next(following) if awards else None)


def unsaid(parts: Parts, targets: Sequence[str]) -> list[str]:
    """The keys of next year's ``targets`` that no text of the three parts names, in order.

    >>> unsaid({"ket_qua": ["{a}"], "han_che": [], "phuong_huong": ["giảm {b}"]}, ["b", "c"])
    ['c']
    """
    said = set(references([item for part in PARTS for item in parts[part]]))
    return [key for key in targets if key not in said]


def last_part(parts: Parts, told_after_directions: bool, awards: bool) -> str:
    """The article's part whose last words carry the closing mark "./.".

    That is the awards when there are some, else the last of the three parts that has text (the
    directions count the targets told after them), else the lead (``mo_dau``).

    >>> last_part({"ket_qua": ["x"], "han_che": ["y"], "phuong_huong": []}, False, False)
    'han_che'
    >>> last_part({"ket_qua": [], "han_che": [], "phuong_huong": []}, True, False)
    'phuong_huong'
    """
    if awards:
        return "khen_thuong"
    written = [part for part in PARTS if parts[part] or (part == "phuong_huong" and told_after_directions)]
    return written[-1] if written else ViTriAnh.MO_DAU.value


def first_photo(photos: Sequence[Mapping[str, Any]]) -> Any:
    """The photo a reader sees first: of those after the lead, then after each part in turn.

    >>> first_photo([{"sau": "ket_qua", "src": "a"}, {"sau": "mo_dau", "src": "b"}])["src"]
    'b'
    >>> first_photo([]) is None
    True
    """
    return next((photo for part in ViTriAnh for photo in photos if photo["sau"] == part.value), None)
