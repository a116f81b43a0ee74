"""Translations: every message the user can read is in the catalogs, translated, compiled.

The messages are Vietnamese msgids in the code; the English catalog must translate each one
with the same ``{placeholders}``, and the compiled ``.mo`` shipped in the package must say
what the ``.po`` says. A Vietnamese string that reaches the user without ``_()`` fails too.
"""

from __future__ import annotations

import ast
import string
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from reportgen import i18n
from tests.conftest import ROOT

PACKAGE = ROOT / "reportgen"
PO = i18n.LOCALE_DIR / "en" / "LC_MESSAGES" / "reportgen.po"
MO = PO.with_suffix(".mo")

# Letters that only Vietnamese text has: a string holding one is meant for a reader.
VIETNAMESE = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
MARKERS = {"_", "N_", "ngettext"}

# Vietnamese that is the documents' content, not a message: number words, the press's
# wording, the units typed in figures, the example values of a new file.
CONTENT = {
    "vi/words.py",
    "vi/numbers.py",
    "vi/dates.py",
    "vi/documents.py",
    "vi/lists.py",
    "vi/legacy.py",
    "vi/names.py",
    "vi/figures.py",  # the unit words and approximating words figures are printed with
    "prose.py",
    "comparisons.py",
    "compute.py",
    "charts.py",  # the chart's labels are part of the report
    "article_forms.py",  # "[Ảnh: …]" is part of the plain-text article
    "presets.py",  # the header lines of each set of document rules
    "examples.py",  # the example values of a new file, in its kind's words
    "vi/organisations.py",  # each kind of association's words
    "vi/places.py",  # the levels of administrative units
    "vi/periods.py",  # the names of periods, in headings, columns and comparisons
    "vi/ranks.py",  # the words of a giver's name that say its rank
    "vi/mentions.py",
    "vi/lines.py",  # the words of a title or a name that a line may break at
}
CONTENT_NAMES = {
    "vi/parsing.py": {
        "_SCALES",
        "_SCALE_AT_END",
        "_CURRENCY_AT_END",
        "_TIME",
    },  # the words a secretary types after a figure or an hour
    # The units and letters typed around a figure.
    "vi/typed.py": {
        "_SCALE",
        "_CURRENCY",
        "_SCALE_WORD",
        "_CURRENCY_AT_END",
        "_SHORTHANDS",
        "_amount",
        "_unmarked",
    },
    "schema/common.py": {"Buoi", "danh_xung", "ten_viet_tat", "ky_hieu", "FigureValue", "SYMBOL_PATTERN"},
    "schema/the_thuc.py": {"_number_form", "_date_form"},  # the forms of a number line and a date line
    # có, không, vượt, đạt: as typed
    "schema/v2.py": {"_YES", "_NO", "_yes_or_no", "YesNo", "MucDat", "_attainment", "dat_ke_hoach"},
    "schema/noi_dung.py": {"dong_tu", "TAGS"},  # the verb of an award as typed; pydantic's names of kinds
    "json_schema.py": {"decimal_schema", "_TIME_PATTERN"},  # examples and forms of values
    "validation.py": {"_pattern_hint"},  # the letters a key or a symbol may hold
    "skeleton.py": {"example", "document_examples", "DEFAULT_ORGANISATION", "_KNOWN_PARENTS"},
    "fonts.py": {"_VOWELS", "VIETNAMESE"},  # the letters a font must have
    "photos.py": {"slug"},  # letters turned into file names
    "sharecard.py": {"draw"},  # the share card is part of the Vietnamese article
    # The preview's page furniture sits inside the Vietnamese documents it shows.
    "preview/server.py": {"PAGES", "_BAR", "_EMPTY"},
    # What a signature shows on the page is part of the report.
    "stamps.py": {"SIGNER_TEXT", "SIGNER_TEXT_ALONE", "SEAL_TEXT"},
    "signature_place.py": {"TOOLTIP"},
    # The Word copies' style names, which Word shows the secretary, and the document's title.
    "word/reference.py": {"STYLES", "build"},
    "word/page.py": {"CLASS_STYLES", "ROLE_STYLES"},
    "word/tables.py": {"LAYOUT_TABLES"},
}


def catalog(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def entries(messages: Catalog) -> list[Message]:
    return [message for message in messages if message.id]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The messages in the code now, extracted as ``make translations`` extracts them."""
    template = tmp_path_factory.mktemp("pot") / "reportgen.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "pyproject.toml",
            "-k",
            "N_",
            "-k",
            "ngettext:1,2",
            "-o",
            str(template),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return catalog(template)


def test_every_message_in_the_code_is_translated(extracted: Catalog) -> None:
    english = catalog(PO)
    missing = []
    for message in entries(extracted):
        translated = english.get(message.id)
        strings = (
            []
            if translated is None
            else list(translated.string)
            if message.pluralizable
            else [translated.string]
        )
        if translated is None or translated.fuzzy or not all(strings):
            missing.append(message.id)
    assert missing == [], "run `make translations` and translate these in the English catalog"


def test_the_catalog_holds_no_message_the_code_no_longer_has(extracted: Catalog) -> None:
    current = {message.id for message in entries(extracted)}
    assert [message.id for message in entries(catalog(PO)) if message.id not in current] == []


def test_the_compiled_catalog_says_what_the_po_says() -> None:
    with MO.open("rb") as file:
        compiled = {_key(message.id): _key(message.string) for message in entries(read_mo(file))}
    written = {
        _key(message.id): _key(message.string) for message in entries(catalog(PO)) if not message.fuzzy
    }
    assert compiled == written, "run `make translations` to compile the catalog"


def _key(text: object) -> object:
    return tuple(text) if isinstance(text, list | tuple) else text


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_translations_keep_every_placeholder() -> None:
    wrong = []
    for message in entries(catalog(PO)):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(_fields(text) for text in ids))
        if any(_fields(text) != expected for text in strings):
            wrong.append(message.id)
    assert wrong == []


# --- no message escapes translation ----------------------------------------------------------


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _is_docstring(node: ast.Constant, parents: dict[ast.AST, ast.AST]) -> bool:
    statement = parents.get(node)
    if not isinstance(statement, ast.Expr):
        return False
    body = getattr(parents.get(statement), "body", [])
    index = body.index(statement) if statement in body else -1
    return index == 0 or (index > 0 and isinstance(body[index - 1], ast.AnnAssign | ast.Assign))


def _inside(node: ast.AST, parents: dict[ast.AST, ast.AST], names: set[str]) -> bool:
    """Whether ``node`` is inside a call to a marker, or a definition or assignment of ``names``."""
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in MARKERS:
            return True
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name in names:
            return True
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if isinstance(node, ast.Assign | ast.AnnAssign) and any(
            getattr(t, "id", None) in names for t in targets
        ):
            return True
    return False


def untranslated(path: Path, allowed: set[str]) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = _parents(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if not VIETNAMESE & set(node.value.lower()) or _is_docstring(node, parents):
            continue
        if not _inside(node, parents, allowed):
            yield f"{path.name}:{node.lineno}: {node.value}"


def test_no_vietnamese_message_escapes_translation() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name not in CONTENT:
            found += untranslated(path, CONTENT_NAMES.get(name, set()))
    assert found == []


def test_the_scan_finds_an_unwrapped_message(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text(
        '"""Tài liệu."""\n\nMESSAGE = "thiếu trường"\nGOOD = _("có trường")\n', encoding="utf-8"
    )
    assert [line.split(": ", 1)[1] for line in untranslated(module.resolve(), set())] == ["thiếu trường"]


# --- the languages at run time -----------------------------------------------------------------


def test_english_is_used_for_an_english_locale_and_vietnamese_otherwise() -> None:
    assert i18n.from_environment({"LANG": "en_GB.UTF-8"}) == "en"
    assert i18n.from_environment({"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}) == "vi"
    assert i18n.from_environment({}) == "vi"


def test_speaking_restores_the_language_before() -> None:
    with i18n.speaking("en"):
        assert i18n._("thiếu trường bắt buộc này") == "this required field is missing"
    assert i18n.language() == "vi"
    assert i18n._("thiếu trường bắt buộc này") == "thiếu trường bắt buộc này"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.activate("fr")
