"""Stage 2, plausibility: what is legal but probably mistyped, reported as warnings.

A figure that moved by more than half since last year, a part larger than its total, a
target met twice over, a date outside the reporting year's conference season, a photo file
that is not there: each may be right, so each is a warning that never stops a build. The
checks read the raw document one piece at a time, so a file with errors elsewhere still gets
its warnings in the same run.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from reportgen.errors import Problem, field_name
from reportgen.i18n import _
from reportgen.loading import Document, Path_
from reportgen.schema import ChiTieu, Loai, YearEnd
from reportgen.vi.dates import date_short
from reportgen.vi.numbers import money_short, number, percent
from reportgen.vi.parsing import ParseError, parse_date, parse_integer

MOVED_MORE_THAN = Decimal(50)
"""A change on last year above this, in percent of last year, looks like a typing mistake."""
TARGET_TIMES = 2
"""A target met this many times over was probably mistyped, or set for another year."""
SEASON_START = (11, 1)
"""Year-end conferences, reports and articles fall between 1 November of the reporting year…"""
SEASON_END = (3, 31)
"""…and 31 March of the next (a house rule: the season runs into the weeks after Tết)."""

# The reporting year as the schema bounds it: a year it refuses gets no warnings about dates.
_YEAR: TypeAdapter[int] = TypeAdapter(Annotated[int, *YearEnd.model_fields["nam"].metadata])
_DATES: tuple[Path_, ...] = (("hoi_nghi", "ngay"), ("bao_cao", "ngay"), ("bai_viet", "ngay"))


def review(document: Document) -> list[Problem]:
    """Find what is legal but suspicious in ``document``, as warnings in file order."""
    problems = [*_indicators(document), *_dates(document), *_photos(document)]
    return sorted(problems, key=lambda problem: problem.location)


def _warning(document: Document, address: Path_, message: str) -> Problem:
    return Problem(document.locate(address), message, field_name(address), warning=True)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _figure(value: Decimal, kind: Loai) -> str:
    if kind is Loai.TIEN:
        return money_short(value)
    if kind is Loai.TY_LE:
        return percent(value)
    return number(value)


def _indicators(document: Document) -> Iterator[Problem]:
    for group_key, group in _mapping(document.data.get("chi_tieu")).items():
        address: Path_ = ("chi_tieu", group_key, "danh_sach")
        parts: dict[Decimal, list[tuple[str, ChiTieu]]] = {}
        for key, raw in _mapping(_mapping(group).get("danh_sach")).items():
            try:
                indicator = ChiTieu.model_validate(raw)
            except ValidationError:
                continue  # validation reports it
            yield from _indicator(document, (*address, key), indicator)
            if indicator.tong is not None and indicator.loai is not Loai.TY_LE:
                parts.setdefault(indicator.tong, []).append((key, indicator))
        for total, sharing in parts.items():
            yield from _parts(document, address, total, sharing)


def _indicator(document: Document, address: Path_, indicator: ChiTieu) -> Iterator[Problem]:
    value, kind, here = indicator.gia_tri, indicator.loai, (*address, "gia_tri")
    previous = indicator.nam_truoc
    if previous:
        change = (value - previous) / abs(previous) * 100
        if abs(change) > MOVED_MORE_THAN:
            if change > 0:
                message = _("tăng {change} so với năm trước (từ {previous} lên {value})")
            else:
                message = _("giảm {change} so với năm trước (từ {previous} xuống {value})")
            said = message.format(
                change=percent(abs(change)), previous=_figure(previous, kind), value=_figure(value, kind)
            )
            yield _warning(
                document,
                here,
                _("{said} — thay đổi hơn {limit}, hãy xem lại có gõ nhầm không").format(
                    said=said, limit=percent(MOVED_MORE_THAN)
                ),
            )
    if indicator.tong is not None and kind is not Loai.TY_LE and value > indicator.tong:
        yield _warning(
            document,
            here,
            _(
                "{value} lớn hơn tổng số {total} ghi ở `tong` — phần không thể lớn hơn tổng, hãy xem lại"
            ).format(value=_figure(value, kind), total=_figure(indicator.tong, kind)),
        )
    target = indicator.ke_hoach
    if target is not None and target > 0 and value >= TARGET_TIMES * target:
        yield _warning(
            document,
            here,
            _(
                "đạt {ratio} kế hoạch ({value} so với kế hoạch {target}) — vượt kế hoạch gấp đôi trở lên, "
                "hãy xem lại số liệu và kế hoạch"
            ).format(
                ratio=percent(value / target * 100), value=_figure(value, kind), target=_figure(target, kind)
            ),
        )


def _parts(
    document: Document, address: Path_, total: Decimal, sharing: list[tuple[str, ChiTieu]]
) -> Iterator[Problem]:
    """Indicators of one group that give the same total are its parts: they must fit in it."""
    whole = sum((indicator.gia_tri for _key, indicator in sharing), Decimal(0))
    if len(sharing) < 2 or whole <= total or any(indicator.gia_tri > total for _key, indicator in sharing):
        return  # a single part larger than the total is reported on its own
    kind = sharing[0][1].loai
    keys = [f"`{key}`" for key, _indicator in sharing]
    yield Problem(
        document.locate(address, key=True),
        _("{parts} cộng lại được {whole}, lớn hơn tổng số chung {total} — hãy xem lại").format(
            parts=_("{first} và {last}").format(first=", ".join(keys[:-1]), last=keys[-1]),
            whole=_figure(whole, kind),
            total=_figure(total, kind),
        ),
        field_name(address),
        warning=True,
    )


def _dates(document: Document) -> Iterator[Problem]:
    try:
        year = _YEAR.validate_python(parse_integer(str(document.data.get("nam"))))
    except (ParseError, ValidationError):
        return  # validation reports the year
    start = datetime.date(year, *SEASON_START)
    end = datetime.date(year + 1, *SEASON_END)
    for address in _DATES:
        section, name = (str(part) for part in address)
        text = _mapping(document.data.get(section)).get(name)
        if not isinstance(text, str):
            continue
        try:
            day = parse_date(text)
        except ParseError:
            continue
        if start <= day <= end:
            continue
        message = _("ngày {day} nằm ngoài mùa tổng kết năm {year} (từ {start} đến {end})").format(
            day=date_short(day), year=year, start=date_short(start), end=date_short(end)
        )
        fixed = _moved_into(day, start, end)
        if fixed is not None:
            hint = _("có phải ý bạn là {day}?").format(day=date_short(fixed))
        else:
            hint = _("hãy xem lại ngày này và năm tổng kết `nam`")
        yield _warning(document, address, f"{message} — {hint}")


def _moved_into(day: datetime.date, start: datetime.date, end: datetime.date) -> datetime.date | None:
    """The same day a year earlier or later, if that falls in the season (a mistyped year)."""
    for years in (-1, 1):
        try:
            moved = day.replace(year=day.year + years)
        except ValueError:  # 29 February
            continue
        if start <= moved <= end:
            return moved
    return None


def _photos(document: Document) -> Iterator[Problem]:
    photos = document.data.get("anh")
    for index, photo in enumerate(photos if isinstance(photos, list) else []):
        file = _mapping(photo).get("tep")
        if isinstance(file, str) and not (document.path.parent / file.strip()).is_file():
            yield _warning(
                document,
                ("anh", index, "tep"),
                _(
                    'không thấy tệp ảnh "{file}" (tính từ thư mục của tệp YAML) — '
                    "tin bài sẽ được làm mà không có ảnh này"
                ).format(file=file.strip()),
            )
