"""Vietnamese for reportgen: numbers, money, number words, dates, lists, parsing.

The formatting stage's language rules (see ``docs/figures.md``), bound to the "vi" way
of writing once and for all: ``.`` between thousands, ``,`` before decimals, half-up
rounding, Decree 30/2020/NĐ-CP dates. `FILTERS` is the one table of template filters,
registered as they are by the Jinja2 environment; `reportgen.vi.parsing` is the input
side, reading what secretaries type.

Examples:
    >>> FILTERS["money_short"](319700000)
    '319,7 triệu đồng'
    >>> FILTERS["list_and"](["A", "B", "C"], ";")
    'A; B và C'
"""

from __future__ import annotations

from collections.abc import Callable

from reportgen.vi.dates import date_admin, date_short, place_date, weekday_date
from reportgen.vi.documents import doc_number, roman
from reportgen.vi.lists import list_and
from reportgen.vi.numbers import change, money, money_short, number, percent
from reportgen.vi.words import money_words, number_words

FILTERS: dict[str, Callable[..., str]] = {
    "number": number,
    "percent": percent,
    "money": money,
    "money_short": money_short,
    "money_words": money_words,
    "number_words": number_words,
    "date_short": date_short,
    "date_admin": date_admin,
    "place_date": place_date,
    "weekday_date": weekday_date,
    "roman": roman,
    "list_and": list_and,
    "change": change,
    "doc_number": doc_number,
}
"""Every Vietnamese template filter, by the name templates use."""

__all__ = ["FILTERS"]
