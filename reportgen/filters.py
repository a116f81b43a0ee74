"""Stage 5, the templates' filters: every filter a template may use, in one table.

The filters that word a figure (``figure``, ``fill``, ``phrase``) call the macros of
``_figure.html`` as the template folder in use has them, so that a user's copy of that file
changes every sentence alike. The others are plain functions: the Vietnamese rules of
:mod:`reportgen.vi`, and how text sits on the page (a document symbol kept on one line, a long
number allowed to break, a centred title broken evenly). :data:`FILTERS` is the table the
environment (:mod:`reportgen.templating`) registers: those the packaged templates use, and those
kept for users' own templates.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import urljoin

import jinja2
import markupsafe

from reportgen import prose
from reportgen.i18n import _
from reportgen.vi import dates, documents, figures, lines, lists, mentions, numbers, words

COMPARE_TEMPLATE = "_compare.html"
"""The macros that word comparisons; a user's copy replaces them everywhere."""
FIGURE_TEMPLATE = "_figure.html"
"""The macros that put a figure into a sentence (what ``{key}`` prints); a user's copy replaces them."""

FORM_MACROS = {
    "": "chi_so",
    "so": "so",
    "so_sanh": "so_sanh",
    "chi_so_sanh": "chi_so_sanh",
    "trong_do": "trong_do",
}
"""The macro of ``_figure.html`` that words each form of a ``{key}`` reference."""


def _wording(context: jinja2.runtime.Context) -> Any:
    """The macros of ``_figure.html``, as the template folder in use has them."""
    return context.environment.get_template(FIGURE_TEMPLATE).module


def _said(markup: str) -> str:
    # Macro output is escaped markup; the filled text is escaped once more when printed.
    return markupsafe.Markup(markup).unescape().strip()


@jinja2.pass_context
def _fill(context: jinja2.runtime.Context, text: str) -> str:
    """Fill ``{key}`` references with the ``_figure.html`` macro of their form."""
    wording = _wording(context)
    groups, targets = context["chi_tieu"], context.get("chi_tieu_nam_sau", {})
    indicators, comparisons, year = context["chi_so"], context["so_sanh"], context["nam"]

    def word(key: str, form: str) -> str:
        if key in groups:
            return _said(wording.nhom(groups[key], comparisons, year))
        if key in targets:
            return _said(getattr(wording, "so" if form == "so" else "chi_so")(targets[key], None, year))
        return _said(getattr(wording, FORM_MACROS[form])(indicators[key], comparisons[key], year))

    return prose.fill(text, word)


@jinja2.pass_context
def _figure(context: jinja2.runtime.Context, value: Any) -> str:
    """A figure in full (``8,65 tỷ đồng``); given an indicator, its figure as a sentence prints it."""
    if isinstance(value, figures.Figure):
        return figures.written(value)
    return _said(_wording(context).so(value, None, context["nam"]))


@jinja2.pass_context
def _phrase(context: jinja2.runtime.Context, indicator: Any) -> str:
    """An indicator with its label, as ``{key}`` prints it."""
    return _said(_wording(context).chi_so(indicator, None, context["nam"]))


@jinja2.pass_context
def _group_phrase(context: jinja2.runtime.Context, group: Any) -> str:
    """A group's indicators in one run of prose, as ``{group}`` prints them."""
    return _said(_wording(context).nhom(group, context["so_sanh"], context["nam"]))


# A document symbol, a date or a span of years ("Kết luận 49-KL/TW", "11/CT-TW", "20/01/2021",
# "2020–2024") must not be split at its hyphen, slash or dash at the end of a line: readers, and
# text extraction, would see two words.
_RUN = re.compile(r"[\w.,/–-]+")
_SEPARATOR = re.compile(r"[-/–]")


def codes(text: str) -> Iterator[tuple[int, int]]:
    """Find the document symbols and dates in ``text``; yield where each starts and ends.

    A code is a part holding a digit, then one or more parts each after a ``-``, ``/`` or ``–``; parts
    are letters, digits, ``.`` and ``,``. It starts at its first letter or digit and ends at the
    last letter or digit of its last part, so a full stop after it stays outside.

    Found in two passes that each read the text once: a single regular expression saying the
    same backtracked without end on a run of numbers such as ``1.2.3.4.…`` pasted in a paragraph.

    >>> text = "Theo 49-KL/TW, 20/01/2021 và năm 2020-2021."
    >>> [text[start:end] for start, end in codes(text)]
    ['49-KL/TW', '20/01/2021', '2020-2021']
    """
    for run in _RUN.finditer(text):
        parts = _SEPARATOR.split(run[0])
        starts = list(itertools.accumulate((len(part) + 1 for part in parts[:-1]), initial=run.start()))
        first = 0
        while first < len(parts):
            end, after = None, first + 1
            if any(char.isdecimal() for char in parts[first]):
                while after < len(parts):
                    words = [index for index, char in enumerate(parts[after]) if _is_word(char)]
                    if not words:
                        break
                    end = starts[after] + words[-1] + 1
                    after += 1
                    if words[-1] != len(parts[after - 1]) - 1:
                        break  # the part ends in "." or ",": so does the code, before them
            if end is None:
                first += 1
                continue
            yield starts[first] + next(i for i, char in enumerate(parts[first]) if _is_word(char)), end
            first = after


def _is_word(char: str) -> bool:
    """Whether ``char`` is a letter, a digit or ``_``, as a regular expression's word character."""
    return char.isalnum() or char == "_"


def nobreak(text: str) -> markupsafe.Markup:
    """Escape ``text`` and keep each document symbol, date or span of years in it on one line.

    >>> nobreak("theo Kết luận 49-KL/TW & Chỉ thị")
    Markup('theo Kết luận <span class="nowrap">49-KL/TW</span> &amp; Chỉ thị')
    >>> nobreak("có 3.215/10.950 hộ.")
    Markup('có <span class="nowrap">3.215/10.950</span> hộ.')
    >>> nobreak("giai đoạn 2020–2024")
    Markup('giai đoạn <span class="nowrap">2020–2024</span>')
    """
    pieces, start = [], 0
    for code_start, code_end in codes(text):
        pieces.append(markupsafe.escape(text[start:code_start]))
        pieces.append(markupsafe.Markup('<span class="nowrap">%s</span>') % text[code_start:code_end])
        start = code_end
    pieces.append(markupsafe.escape(text[start:]))
    return markupsafe.Markup("").join(pieces)


_LONG_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")


def breakable(text: str) -> markupsafe.Markup:
    """Escape a table cell's figure and let a long number break after a group separator.

    A figure typed in full đồng (``412.600.000.000``) is wider than a table's figure column; it
    is printed as typed, over two lines if it must, never across the next column. A number of
    a million or more may break; a shorter one fits.

    >>> breakable("412.600.000.000")
    Markup('412.<wbr>600.<wbr>000.<wbr>000')
    >>> breakable("81.350"), breakable("8,65"), breakable("1 tỷ 850 triệu")
    (Markup('81.350'), Markup('8,65'), Markup('1 tỷ 850 triệu'))
    """
    escaped = str(markupsafe.escape(text))
    return markupsafe.Markup(_LONG_NUMBER.sub(lambda number: number[0].replace(".", ".<wbr>"), escaped))


def absolute_url(path: str, base: str) -> str:
    """Resolve ``path`` against the article's address ``base``; keep it relative without one.

    Social networks need whole addresses for a shared photo; a folder opened from disk does not.

    >>> absolute_url("anh/x-800.jpg", "https://hoi.vn/tin/tong-ket.html")
    'https://hoi.vn/tin/anh/x-800.jpg'
    >>> absolute_url("anh/x-800.jpg", "")
    'anh/x-800.jpg'
    """
    return urljoin(base, path) if base else path


@jinja2.pass_context
def _chart(context: jinja2.runtime.Context, keys: Iterable[str]) -> markupsafe.Markup:
    """Draw the indicators named by ``keys`` as an SVG chart (see :mod:`reportgen.charts`)."""
    from reportgen import charts

    indicators, keys = context["chi_so"], list(keys)
    for key in keys:
        if key not in indicators:
            raise jinja2.UndefinedError(_("không có chỉ tiêu `{key}` để vẽ biểu đồ").format(key=key))
    return markupsafe.Markup(
        charts.indicator_chart([indicators[key] for key in keys], context["nam"], context.get("ky"))
    )


def balance(text: str, width: int = 50) -> markupsafe.Markup:
    """Escape a centred title and break it into even lines at joints of its sense when it is long.

    >>> balance("Tổng kết công tác năm 2023")
    Markup('Tổng kết công tác năm 2023')
    >>> balance("Tổng kết công tác năm 2023 và phương hướng, nhiệm vụ năm 2024")
    Markup('Tổng kết công tác năm 2023 và<br>phương hướng, nhiệm vụ năm 2024')
    """
    return markupsafe.Markup("<br>").join(markupsafe.escape(line) for line in lines.title_lines(text, width))


def balance_name(text: str, width: int = 24) -> markupsafe.Markup:
    """Escape a body's name for the header block, broken before its level or after "Trung ương".

    >>> balance_name("HỘI NÔNG DÂN HUYỆN CÁI BÈ")
    Markup('HỘI NÔNG DÂN<br>HUYỆN CÁI BÈ')
    """
    return markupsafe.Markup("<br>").join(markupsafe.escape(line) for line in lines.name_lines(text, width))


def _markup_aware(join: Callable[..., str]) -> Callable[..., str]:
    """Let a joining filter take macro output (already escaped) without escaping it twice."""

    @functools.wraps(join)  # the filter keeps its name, signature and docstring for the docs
    def wrapper(items: Iterable[Any], *args: Any, **kwargs: Any) -> str:
        items = list(items)
        if not any(isinstance(item, markupsafe.Markup) for item in items):
            return join(items, *args, **kwargs)
        return markupsafe.Markup(join([markupsafe.escape(i) for i in items], *args, **kwargs))

    return wrapper


PAGE_FILTERS: dict[str, Callable[..., Any]] = {
    # Figures as typed, in sentences and tables ...
    "figure": _figure,
    "fill": _fill,
    "phrase": _phrase,
    "fraction": figures.fraction,
    "cell": figures.cell,
    "unit_label": figures.unit_label,
    "list_and": _markup_aware(lists.list_and),
    "chart": _chart,
    # ... the words of a document besides figures (docs/documents.md) ...
    "date_short": dates.date_short,
    "lead_date": dates.lead_date,
    "dateline": dates.dateline,
    "first_mention": mentions.first_mention,
    "roman": documents.roman,
    "point_letter": documents.point_letter,
    "capitalised": prose.capitalised,
    # ... and how they sit on the page.
    "nobreak": nobreak,
    "breakable": breakable,
    "balance": balance,
    "balance_name": balance_name,
    "absolute_url": absolute_url,
}
"""The filters the packaged templates use."""

USER_FILTERS: dict[str, Callable[..., Any]] = {
    "number": numbers.number,
    "percent": numbers.percent,
    "money": numbers.money,
    "money_short": numbers.money_short,
    "change": numbers.change,
    "money_words": words.money_words,
    "number_words": words.number_words,
    "date_admin": dates.date_admin,
    "place_date": dates.place_date,
    "weekday_date": dates.weekday_date,
    "doc_number": documents.doc_number,
    "group_phrase": _group_phrase,
    "references": prose.references,
}
"""The filters kept for users' own templates, documented with the others (docs/templates.md):
the rules of docs/vietnamese.md on bare numbers and dates, a group as ``{group}`` says it, the
keys texts name. The packaged templates need none of them: every figure they print is one of
the context's, as typed, through ``figure``, and every comparison is worded in _compare.html."""

FILTERS = PAGE_FILTERS | USER_FILTERS
"""Every filter a template may use, by name: the one table the environment registers."""
