"""Stage 3, coherence: the parts of a document that must fit together, beyond each field's own rules.

The period's years (a term needs its first year, which comes before the year of the figures);
a date for an article with no conference to take it from; the time a dateline prints; an
attendance for the people it represents; each table placed in one numbered point, by a group's
key. Each problem is an error at the line that holds it, saying what to type instead.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from reportgen.errors import Problem, field_name
from reportgen.i18n import _
from reportgen.loading import Document, Path_
from reportgen.schema import DongNgay, LoaiKy, YearEnd

_NEEDS_FIRST_YEAR = (LoaiKy.NAM_GIUA_NHIEM_KY, LoaiKy.NHIEM_KY, LoaiKy.NHIEU_NAM)


def check(document: Document, data: YearEnd) -> Iterator[Problem]:
    """Find what does not fit together in a document that passed the schema."""
    yield from _period(document, data)
    yield from _article(document, data)
    yield from _tables(document, data)


def _problem(document: Document, address: Path_, message: str) -> Problem:
    return Problem(document.locate(address), message, field_name(address))


def _period(document: Document, data: YearEnd) -> Iterator[Problem]:
    said, year = data.ky_bao_cao, data.nam
    here: Path_ = ("ky_bao_cao",)
    if said.loai in _NEEDS_FIRST_YEAR and said.tu_nam is None:
        yield _problem(
            document,
            (*here, "loai"),
            _("kỳ `{kind}` cần năm đầu: hãy thêm dòng `tu_nam:` (ví dụ `tu_nam: {example}`)").format(
                kind=said.loai.value, example=year - 4
            ),
        )
    if said.loai not in _NEEDS_FIRST_YEAR:
        for name in ("tu_nam", "den_nam"):
            if getattr(said, name) is not None:
                yield _problem(
                    document,
                    (*here, name),
                    _(
                        "`{name}` chỉ dùng cho nhiệm kỳ hay nhiều năm (`loai: nhiem_ky`, "
                        "`nam_giua_nhiem_ky`, `nhieu_nam`) — hãy xoá dòng này, hoặc ghi `loai`"
                    ).format(name=name),
                )
    if said.tu_nam is not None and said.tu_nam >= year:
        yield _problem(
            document,
            (*here, "tu_nam"),
            _("năm đầu {first} phải trước năm của số liệu `nam` ({year})").format(
                first=said.tu_nam, year=year
            ),
        )
    yield from _last_year(document, data)
    for name in ("so_voi_nam", "nam_thanh_lap"):
        given = getattr(said, name)
        if given is not None and given >= year:
            yield _problem(
                document,
                (*here, name),
                _("năm {given} phải trước năm của số liệu `nam` ({year})").format(given=given, year=year),
            )
    for group_key, group in data.chi_tieu.items():
        for key, indicator in group.danh_sach.items():
            if indicator.so_voi_nam is not None and indicator.so_voi_nam >= year:
                yield _problem(
                    document,
                    ("chi_tieu", group_key, "danh_sach", key, "so_voi_nam"),
                    _("năm {given} phải trước năm của số liệu `nam` ({year})").format(
                        given=indicator.so_voi_nam, year=year
                    ),
                )


def _last_year(document: Document, data: YearEnd) -> Iterator[Problem]:
    said, year = data.ky_bao_cao, data.nam
    where: Path_ = ("ky_bao_cao", "den_nam")
    if said.loai is LoaiKy.NAM_GIUA_NHIEM_KY and (said.den_nam is None or said.den_nam <= year):
        yield _problem(
            document,
            where if said.den_nam is not None else ("ky_bao_cao", "loai"),
            _(
                "giữa nhiệm kỳ cần năm cuối của nhiệm kỳ, sau năm {year}: "
                "hãy ghi `den_nam:` (ví dụ `{example}`)"
            ).format(year=year, example=(said.tu_nam or year - 2) + 5),
        )
    elif said.loai is LoaiKy.NHIEM_KY and said.den_nam is not None and said.den_nam < year:
        yield _problem(
            document,
            where,
            _("năm cuối của nhiệm kỳ {last} không thể trước năm của số liệu `nam` ({year})").format(
                last=said.den_nam, year=year
            ),
        )
    elif said.loai is LoaiKy.NHIEU_NAM and said.den_nam is not None:
        yield _problem(
            document,
            where,
            _("giai đoạn nhiều năm kết thúc ở năm `nam` ({year}) — hãy xoá dòng `den_nam`").format(year=year),
        )


def _article(document: Document, data: YearEnd) -> Iterator[Problem]:
    article = data.bai_viet
    if data.hoi_nghi is None and article.ngay is None:
        yield _problem(
            document,
            ("bai_viet", "ngay"),
            _(
                "không có hội nghị để lấy ngày, nên tin bài cần ngày đăng: hãy thêm `ngay:` vào `bai_viet` "
                "(ví dụ `ngay: 20/12/{year}`), hoặc ghi phần `hoi_nghi`"
            ).format(year=data.nam),
        )
    if article.dong_ngay in (DongNgay.GIO_NGAY, DongNgay.THU_NGAY_GIO) and article.gio is None:
        yield _problem(
            document,
            ("bai_viet", "dong_ngay"),
            _(
                "dòng ngày `{form}` in cả giờ đăng: hãy thêm `gio:` vào `bai_viet` (ví dụ `gio: 10:12`)"
            ).format(form=article.dong_ngay.value),
        )
    meeting = data.hoi_nghi
    if meeting is not None and meeting.dai_dien_cho and meeting.so_dai_bieu is None:
        yield _problem(
            document,
            ("hoi_nghi", "dai_dien_cho"),
            _("`dai_dien_cho` đọc sau số đại biểu: hãy thêm `so_dai_bieu:` (ví dụ `so_dai_bieu: 144`)"),
        )


def _tables(document: Document, data: YearEnd) -> Iterator[Problem]:
    """Each table a point shows must be a group's, and shown once."""
    placed: set[str] = set()
    for part in ("ket_qua", "han_che", "phuong_huong"):
        for index, item in enumerate(getattr(data, part)):
            for number, key in enumerate(getattr(item, "bang", [])):
                address: Path_ = (part, index, "bang", number)
                if key not in data.chi_tieu:
                    yield _problem(document, address, _unknown_group(key, list(data.chi_tieu)))
                elif key in placed:
                    yield _problem(
                        document,
                        address,
                        _("bảng của nhóm `{key}` đã in ở một mục khác — mỗi bảng chỉ in một lần").format(
                            key=key
                        ),
                    )
                placed.add(key)


def _unknown_group(key: str, groups: list[Any]) -> str:
    nearest = difflib.get_close_matches(key, groups, n=1)
    said = _("`{key}` không phải khoá của nhóm chỉ tiêu nào").format(key=key)
    if nearest:
        return _('{said} — có phải ý bạn là "{nearest}"?').format(said=said, nearest=nearest[0])
    return said
