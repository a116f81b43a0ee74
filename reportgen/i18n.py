"""Translations: reportgen speaks Vietnamese, and English when asked.

The messages are written in Vietnamese in the code, and those Vietnamese texts are the
gettext message ids. Vietnamese is the language of nearly every user, the wording the tests
assert word for word and the one a missing translation falls back to, so it is the source;
English is a catalog made from it. Babel manages the catalogs (``make translations`` runs
``pybabel extract``, ``update`` and ``compile``); the compiled ``.mo`` ships in the package.

The library speaks Vietnamese unless :func:`activate` chooses otherwise; the command line
chooses from ``--lang`` or the environment (:func:`from_environment`).
"""

from __future__ import annotations

import ast
import gettext
import inspect
import os
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

DOMAIN = "reportgen"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE = "vi"
LANGUAGES = (SOURCE, "en")
"""The languages reportgen speaks; the first is the one its messages are written in."""

_active: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE


def activate(language: str) -> None:
    """Speak ``language`` (one of :data:`LANGUAGES`) from now on.

    >>> activate("en"); print(_("tệp trống: chưa có nội dung nào")); activate("vi")
    empty file: there is nothing in it yet
    """
    global _active, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _active = (
        gettext.NullTranslations()
        if language == SOURCE
        else gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])
    )
    _language = language


def language() -> str:
    """The language reportgen speaks now."""
    return _language


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Speak ``language`` inside a ``with`` block, then the language spoken before."""
    before = _language
    activate(language)
    try:
        yield
    finally:
        activate(before)


def _(message: str) -> str:
    """Translate ``message`` (Vietnamese) into the active language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message that depends on a count (Vietnamese has one form, English two)."""
    return _active.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is defined; ``_()`` translates it where used."""
    return message


def from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """Choose the language from the locale variables, as gettext reads them.

    The first variable set among ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG``
    decides; its first entry that names a language reportgen speaks wins, and anything
    else (``C.UTF-8``, ``fr_FR``) leaves reportgen in Vietnamese.

    >>> from_environment({"LANG": "en_US.UTF-8"})
    'en'
    >>> from_environment({"LANGUAGE": "fr:vi:en", "LANG": "en_US.UTF-8"})
    'vi'
    >>> from_environment({"LANG": "C.UTF-8"})
    'vi'
    """
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if not value:
            continue
        for entry in value.split(":"):
            code = entry.split(".")[0].split("_")[0].split("@")[0].lower()
            if code in LANGUAGES:
                return code
        break
    return SOURCE


def extract_schema(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str], options: Any
) -> Iterator[tuple[Any, ...]]:
    """Extract the messages of ``schema.py`` for Babel: its ``_()`` calls and its docstrings.

    The docstrings of the models and their fields are the input format's user documentation
    (``reportgen schema``, ``reportgen init``), so they are translated too.
    """
    # Imported here: Babel's extraction is needed by `pybabel extract`, never at run time.
    from babel.messages.extract import extract_python

    yield from extract_python(fileobj, keywords, comment_tags, options)
    fileobj.seek(0)
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        docstring = ast.get_docstring(node)  # cleaned as pydantic cleans it
        if docstring:
            yield node.body[0].lineno, None, docstring, []
        for before, after in zip(node.body, node.body[1:], strict=False):
            # A string right after an annotated field is that field's docstring.
            if (
                isinstance(before, ast.AnnAssign)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                yield after.lineno, None, inspect.cleandoc(after.value.value), []
