"""Indicators in sentences: each ``{key}`` in a paragraph is replaced by the words for its figure.

Which words, and in which order, is the templates' to say (the macros of
``templates/_figure.html``, called through ``word``), so that a template folder can change
them; this module only finds the references, and capitalises one that starts a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from reportgen.schema import PLACEHOLDER, texts

# What ends a sentence before a reference: a full stop, "!" or "?" (perhaps then a closing
# quote or bracket) and a space. An ellipsis does not ("xây dựng xã hội học tập... với tổng").
_SENTENCE_ENDS = ".!?"
_CLOSERS = "\"'”’)"


def starts_sentence(text: str, index: int) -> bool:
    """Whether position ``index`` of ``text`` starts a sentence.

    >>> starts_sentence("{a} và", 0), starts_sentence("Có. {a}", 4), starts_sentence("có {a}", 3)
    (True, True, False)
    >>> starts_sentence("học tập... {a}", 11), starts_sentence("trong đó: {a}", 10)
    (False, False)
    """
    # Read back from the reference, never the whole paragraph before it: a paragraph of many
    # references is then filled in time that grows with its length, not with its square.
    end = index
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return True
    if end == index:
        return False  # no space between the word before and the reference
    if text[end - 1] in _CLOSERS:
        end -= 1
    return end > 0 and text[end - 1] in _SENTENCE_ENDS and text[max(0, end - 3) : end - 1] != ".."


def capitalised(text: str) -> str:
    """The text with its first letter upper case, the rest as it is.

    >>> capitalised("hơn 196.000 hội viên"), capitalised("đạt 98%")
    ('Hơn 196.000 hội viên', 'Đạt 98%')
    """
    return text[:1].upper() + text[1:]


def fill(text: str, word: Callable[[str, str], str]) -> str:
    """Replace each ``{key}`` or ``{key:form}`` in ``text`` with ``word(key, form)``.

    A reference that starts a sentence is capitalised. Keys were checked at validation, so an
    unknown one here is a template author's mistake, for ``word`` to raise.

    >>> fill("{a}. Có {a:so}.", lambda key, form: f"hơn 5 hộ ({form or 'chi_so'})")
    'Hơn 5 hộ (chi_so). Có hơn 5 hộ (so).'
    """

    def replace(match: re.Match[str]) -> str:
        said = word(match["key"], match["form"] or "")
        return capitalised(said) if starts_sentence(text, match.start()) else said

    return PLACEHOLDER.sub(replace, text)


def references(items: Iterable[Any]) -> list[str]:
    """The keys the texts refer to, each once, in the order they first appear.

    The texts may be a part of a report: paragraphs, numbered points and dashed items.

    >>> references(["{a} và {b:so}", "{a:so_sanh}"])
    ['a', 'b']
    """
    found: dict[str, None] = {}
    for text in texts(list(items)):
        for match in PLACEHOLDER.finditer(text):
            found.setdefault(match["key"])
    return list(found)
