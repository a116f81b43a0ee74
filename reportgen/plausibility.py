"""Stage 3, plausibility: what is legal but probably mistyped, reported as warnings.

A figure that moved by more than half since last year, a part larger than its total, a
target met twice over, a date outside the reporting year's conference season, a photo file
that is not there: each may be right, so each is a warning that never stops a build. The
checks read the raw document one piece at a time, so a file with errors elsewhere still gets
its warnings in the same run. They follow the period the report covers: over a term of five
years a figure may well double, and a half-year is reviewed in summer.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from reportgen import photos
from reportgen.errors import Problem, field_name
from reportgen.i18n import _
from reportgen.loading import Document, Path_
from reportgen.schema import INDICATORS, KyBaoCao, Loai, YearEnd, version_of
from reportgen.vi.dates import date_short
from reportgen.vi.figures import Figure, computed, written
from reportgen.vi.numbers import percent, round_half_up
from reportgen.vi.parsing import ParseError, parse_date, parse_integer
from reportgen.vi.periods import HALF_YEAR, TERM, YEAR, Ky

MOVED_MORE_THAN = Decimal(50)
"""A change on last year above this, in percent of last year, looks like a typing mistake; over
several years, a change of more than this every year (compounded)."""
TARGET_TIMES = 2
"""A target met this many times over was probably mistyped, or set for another year."""

# The reporting year as the schema bounds it: a year it refuses gets no warnings about dates.
_YEAR: TypeAdapter[int] = TypeAdapter(Annotated[int, *YearEnd.model_fields["nam"].metadata])
_DATES: tuple[Path_, ...] = (("hoi_nghi", "ngay"), ("bao_cao", "ngay"), ("bai_viet", "ngay"))


def review(document: Document) -> list[Problem]:
    """Find what is legal but suspicious in ``document``, as warnings in file order."""
    period = _period(document)
    problems = [*_indicators(document, period), *_dates(document, period), *_photos(document)]
    problems += _lead_today(document)
    return sorted(problems, key=lambda problem: problem.location)


def _period(document: Document) -> Ky | None:
    """The period the report covers, as far as the document says it well; None without a good year."""
    try:
        year = _YEAR.validate_python(parse_integer(str(document.data.get("nam"))))
    except (ParseError, ValidationError):
        return None  # validation reports the year
    try:
        said = KyBaoCao.model_validate(document.data.get("ky_bao_cao") or {})
    except ValidationError:
        return Ky(YEAR, year)  # validation reports the period
    return Ky(said.loai.value, year, said.tu_nam, said.den_nam, said.so_voi_nam, said.nam_thanh_lap)


def _warning(document: Document, address: Path_, message: str) -> Problem:
    return Problem(document.locate(address), message, field_name(address), warning=True)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _indicators(document: Document, period: Ky | None) -> Iterator[Problem]:
    model = INDICATORS[version_of(document.data)]
    for group_key, group in _mapping(document.data.get("chi_tieu")).items():
        address: Path_ = ("chi_tieu", group_key, "danh_sach")
        parts: dict[Decimal, list[tuple[str, Any]]] = {}
        for key, raw in _mapping(_mapping(group).get("danh_sach")).items():
            try:
                indicator: Any = model.model_validate(raw)
            except ValidationError:
                continue  # validation reports it
            yield from _indicator(document, (*address, key), indicator, period)
            yield from _typed_share(document, (*address, key), indicator)
            if indicator.tong is not None and indicator.loai is not Loai.TY_LE:
                parts.setdefault(indicator.tong.value, []).append((key, indicator))
        for total, sharing in parts.items():
            yield from _parts(document, address, total, sharing)


def _indicator(document: Document, address: Path_, indicator: Any, period: Ky | None) -> Iterator[Problem]:
    """Warn of a figure that moved by more than half, exceeds its total, or beat its target twice over."""
    kind, here = indicator.loai, (*address, "gia_tri")
    figure: Figure = indicator.gia_tri
    value = figure.value
    previous: Figure | None = indicator.nam_truoc
    if previous is not None and previous.value:
        compared = getattr(indicator, "so_voi_nam", None)
        years = 1 if period is None else period.years_between(compared)
        yield from _moved(document, here, figure, previous, years, _compared_with(period, compared))
    total: Figure | None = indicator.tong
    if total is not None and kind is not Loai.TY_LE and value > total.value:
        yield _warning(
            document,
            here,
            _(
                "{value} lớn hơn tổng số {total} ghi ở `tong` — phần không thể lớn hơn tổng, hãy xem lại"
            ).format(value=written(figure), total=written(total)),
        )
    target: Figure | None = indicator.ke_hoach
    if target is not None and target.value > 0 and value >= TARGET_TIMES * target.value:
        yield _warning(
            document,
            here,
            _(
                "đạt {ratio} kế hoạch ({value} so với kế hoạch {target}) — vượt kế hoạch gấp đôi trở lên, "
                "hãy xem lại số liệu và kế hoạch"
            ).format(
                ratio=percent(value / target.value * 100), value=written(figure), target=written(target)
            ),
        )


def _compared_with(period: Ky | None, year: int | None) -> str:
    """What a figure is compared with, as a message says it: last year, the first year of the term."""
    if period is None:
        return _("năm trước")
    year = year or period.nam_so_sanh
    if period.loai == HALF_YEAR:
        return _("cùng kỳ năm {year}").format(year=year)
    if period.loai == TERM and year == period.tu_nam:
        return _("năm đầu nhiệm kỳ {year}").format(year=year)
    if year == period.nam - 1:
        return _("năm trước")
    return _("năm {year}").format(year=year)


def _moved(
    document: Document, here: Path_, figure: Figure, previous: Figure, years: int, than: str
) -> Iterator[Problem]:
    """Warn of a figure that moved by more than half on the one it is compared with, every year between."""
    change = (figure.value - previous.value) / abs(previous.value) * 100
    limit = MOVED_MORE_THAN / 100
    if (1 - limit) ** years <= figure.value / previous.value <= (1 + limit) ** years:
        return
    if change > 0:
        message = _("tăng {change} so với {than} (từ {previous} lên {value})")
    else:
        message = _("giảm {change} so với {than} (từ {previous} xuống {value})")
    said = message.format(
        change=percent(abs(change)), than=than, previous=written(previous), value=written(figure)
    )
    if years > 1:
        hint = _("{said} — thay đổi hơn {limit} mỗi năm trong {years} năm, hãy xem lại có gõ nhầm không")
    else:
        hint = _("{said} — thay đổi hơn {limit}, hãy xem lại có gõ nhầm không")
    yield _warning(document, here, hint.format(said=said, limit=percent(MOVED_MORE_THAN), years=years))


def _typed_share(document: Document, address: Path_, indicator: Any) -> Iterator[Problem]:
    """Warn of a share typed in ``ty_le`` that the figure and its total do not give."""
    share: Figure | None = getattr(indicator, "ty_le", None)
    total: Figure | None = indicator.tong
    if share is None or total is None or not total.value or share.approx:
        return
    places = len(share.parts[0].fraction)
    worked = indicator.gia_tri.value / total.value * 100
    if round_half_up(worked, places) != round_half_up(share.value, places):
        yield _warning(
            document,
            (*address, "ty_le"),
            _(
                "ghi tỷ lệ {share} nhưng {value}/{total} là {worked} — hãy xem lại tỷ lệ, số liệu và tổng số"
            ).format(
                share=written(share),
                value=written(indicator.gia_tri),
                total=written(total),
                worked=percent(worked, max(places, 2)),
            ),
        )


def _parts(
    document: Document, address: Path_, total: Decimal, sharing: list[tuple[str, Any]]
) -> Iterator[Problem]:
    """Indicators of one group that give the same total are its parts: they must fit in it."""
    values = [indicator.gia_tri.value for _key, indicator in sharing]
    whole = sum(values, Decimal(0))
    if len(sharing) < 2 or whole <= total or any(value > total for value in values):
        return  # a single part larger than the total is reported on its own
    figures = [indicator.gia_tri for _key, indicator in sharing]
    keys = [f"`{key}`" for key, _indicator in sharing]
    yield Problem(
        document.locate(address, key=True),
        _("{parts} cộng lại được {whole}, lớn hơn tổng số chung {total} — hãy xem lại").format(
            parts=_("{first} và {last}").format(first=", ".join(keys[:-1]), last=keys[-1]),
            whole=written(computed(whole, figures)),
            total=written(sharing[0][1].tong),
        ),
        field_name(address),
        warning=True,
    )


def _dates(document: Document, period: Ky | None) -> Iterator[Problem]:
    if period is None:
        return
    start, end = period.season()
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
        if period.loai == YEAR:
            message = _("ngày {day} nằm ngoài mùa tổng kết năm {year} (từ {start} đến {end})")
        else:
            message = _("ngày {day} nằm ngoài mùa báo cáo `{period}` (từ {start} đến {end})")
        message = message.format(
            day=date_short(day),
            year=period.nam,
            period=period.ten,
            start=date_short(start),
            end=date_short(end),
        )
        fixed = _moved_into(day, start, end)
        if fixed is not None:
            hint = _("có phải ý bạn là {day}?").format(day=date_short(fixed))
        else:
            hint = _("hãy xem lại ngày này và năm tổng kết `nam`")
        yield _warning(document, address, f"{message} — {hint}")


def _lead_today(document: Document) -> Iterator[Problem]:
    """Warn of an article whose first words say "nay" (today) when it is published another day."""
    article = _mapping(document.data.get("bai_viet"))
    form, published = article.get("cach_viet_ngay"), article.get("ngay")
    held = _mapping(document.data.get("hoi_nghi")).get("ngay")
    if not (isinstance(form, str) and form.strip().startswith("nay") and isinstance(published, str)):
        return
    try:
        published_day, held_day = parse_date(published), parse_date(str(held))
    except ParseError:
        return
    if published_day != held_day:
        yield _warning(
            document,
            ("bai_viet", "cach_viet_ngay"),
            _(
                "câu mở đầu viết `nay` (hôm nay) nhưng bài đăng ngày {published}, hội nghị họp ngày {held} — "
                "hãy viết ngày không có `nay`, ví dụ `d/m`"
            ).format(published=date_short(published_day), held=date_short(held_day)),
        )


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
    listed = document.data.get("anh")
    for index, photo in enumerate(listed if isinstance(listed, list) else []):
        file = _mapping(photo).get("tep")
        folder = document.path.parent
        # A photo that may not be used at all (outside the folder, a device) is an error instead.
        if (
            isinstance(file, str)
            and not (folder / file.strip()).exists()
            and photos.refusal(folder, file.strip()) is None
        ):
            yield _warning(
                document,
                ("anh", index, "tep"),
                _(
                    'không thấy tệp ảnh "{file}" (tính từ thư mục của tệp YAML) — '
                    "tin bài sẽ được làm mà không có ảnh này"
                ).format(file=file.strip()),
            )
