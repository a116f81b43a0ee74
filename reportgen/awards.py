"""Stage 4, awards: grouped by who gives them, the givers from the highest rank down.

The input lists awards one by one, as they come to hand; the article and the report tell them
giver by giver — every award of one giver in one clause ("LĐLĐ thành phố tặng cờ thi đua cho 1
tập thể và bằng khen cho 5 tập thể"), never the same giver twice — and from the Central
Committee down to the commune (:mod:`reportgen.vi.ranks`). Awards the association proposes
come last: they are not given yet. How a group reads is the templates' to say
(``templates/_awards.html``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.schema import Cap, KhenThuong, KieuKhen
from reportgen.vi.ranks import NAMES, rank_of


@dataclass(frozen=True)
class NhomKhenThuong:
    """The awards of one giver, of one kind."""

    kieu: KieuKhen
    """Received (``nhan``), given by the association (``tang``) or proposed by it (``de_nghi``)."""
    noi_tang: str
    """The giver as the input names it; empty for the association itself."""
    cac_khen: list[KhenThuong]
    """The giver's awards, in the input's order."""
    cap: int
    """The giver's rank, 0 for the central bodies (see :mod:`reportgen.vi.ranks`)."""

    @property
    def nguoi_nhan(self) -> str | None:
        """The one recipient every award of the group was given to (empty: the association), else None.

        Only then can a sentence make the recipient its subject: "X được Y tặng A và B".
        """
        recipients = {(award.don_vi_nhan, tuple(award.so_luong.items())) for award in self.cac_khen}
        if len(recipients) != 1:
            return None
        name, counts = recipients.pop()
        return None if counts else name


def rank(award: KhenThuong, own: int) -> int:
    """The rank of the award's giver: as the input says, else as its name says, else the association's."""
    if award.cap is not None:
        return NAMES[award.cap.value]
    if not award.noi_tang:
        return own
    found = rank_of(award.noi_tang)
    return own if found is None else found


def groups(awards: Sequence[KhenThuong], organisation: str) -> list[NhomKhenThuong]:
    """Group ``awards`` by kind and giver, in the order they are told; ``organisation`` is the association.

    >>> awards = [KhenThuong(noi_tang="Chủ tịch UBND tỉnh", hinh_thuc="Bằng khen"),
    ...           KhenThuong(kieu="tang", hinh_thuc="Giấy khen", so_luong={"tập thể": "24"}),
    ...           KhenThuong(noi_tang="Trung ương Hội", hinh_thuc="Cờ thi đua"),
    ...           KhenThuong(noi_tang="Chủ tịch UBND tỉnh", hinh_thuc="Bằng khen", don_vi_nhan="Chi hội A")]
    >>> [(group.noi_tang, len(group.cac_khen)) for group in groups(awards, "Hội Khuyến học huyện Na Rì")]
    [('Trung ương Hội', 1), ('Chủ tịch UBND tỉnh', 2), ('', 1)]
    """
    own = rank_of(organisation)
    own = NAMES[Cap.XA.value] if own is None else own
    found: dict[tuple[KieuKhen, str], list[KhenThuong]] = {}
    for award in awards:
        found.setdefault((award.kieu, award.noi_tang), []).append(award)
    made = [
        NhomKhenThuong(kind, giver, listed, rank(listed[0], own)) for (kind, giver), listed in found.items()
    ]
    order = {id(group): index for index, group in enumerate(made)}
    return sorted(made, key=lambda group: (group.kieu is KieuKhen.DE_NGHI, group.cap, order[id(group)]))
