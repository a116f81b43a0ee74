"""The house's plan: every module in one layer, and imports that only go down the layers.

A unit's stages run in order, load → sub-units → validate → compute → render → forms, and a
stage never reaches for a later one; the one-unit function sits above them, the many-units
package above it, the command line on top. The plan is read from the source itself: every
``import`` statement of every module, those inside functions and under ``TYPE_CHECKING``
included, parsed with :mod:`ast` (nothing is imported, so an import that only runs in a
command's body counts as much as one at the top). ``docs/architecture.md`` draws the same layers.
"""

from __future__ import annotations

import ast
import fnmatch
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("grounds", ("errors", "i18n", "files", "processes", "atomic", "system", "fontconfig", "fonts")),
    ("Vietnamese", ("vi", "vi.*")),
    ("input format", ("schema", "schema.*")),
    ("1 load", ("loading",)),
    ("2 sub-units", ("rollup",)),
    ("3 validate", ("validation", "plausibility", "breakdowns", "coherence", "presets", "photos")),
    ("4 compute", ("compute", "comparisons", "prose", "awards", "outline")),
    (
        "5 render",
        (
            "templating",
            "filters",
            "template_files",
            "webfont",
            "charts",
            "isolation",
            "children",
            "rendering",
            "fetching",
            "signature_place",
        ),
    ),
    ("6 forms", ("article_forms", "sharecard", "word", "word.*")),
    ("one unit", ("unit",)),
    ("many units", ("batch", "batch.*")),
    ("library", ("",)),
    ("preview", ("preview", "preview.*")),
    ("signing", ("keys", "stamps", "signing", "verifying")),
    ("format tools", ("examples", "json_schema", "skeleton", "reference")),
    ("command line", ("cli", "cli.*", "program", "__main__")),
]
"""The layers from the bottom up, each a few module patterns relative to the package (``""`` is
the package itself). A module may import its own layer and those below, never one above."""


def modules(package: Path) -> dict[str, Path]:
    """Every module of ``package`` by its dotted name relative to it (``""`` for the package)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports(package: Path) -> Iterator[tuple[str, str, int]]:
    """Each import of a module of ``package`` by another: importer, imported, line.

    ``from package.x import y`` imports the module ``x.y`` when there is one, else ``x``.
    """
    name = package.name
    known = modules(package)

    def module_of(dotted: str) -> str | None:
        if dotted != name and not dotted.startswith(name + "."):
            return None
        relative = dotted.removeprefix(name).lstrip(".")
        while relative not in known:
            relative = relative.rpartition(".")[0]
        return relative

    for importer, path in known.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the importer's own package up
                    here = [name, *importer.split(".")] if importer else [name]
                    is_package = path.name == "__init__.py"
                    anchor = here[: len(here) - node.level + (1 if is_package else 0)]
                    base = ".".join([*anchor, *([base] if base else [])])
                targets = [f"{base}.{alias.name}" for alias in node.names]
            for target in targets:
                imported = module_of(target)
                if imported is not None and imported != importer:
                    yield importer, imported, node.lineno


def layer_of(module: str) -> int:
    """The index of the layer ``module`` belongs to.

    Raises:
        LookupError: no layer names it.
    """
    for index, (_name, patterns) in enumerate(LAYERS):
        if any(fnmatch.fnmatchcase(module, pattern) for pattern in patterns):
            return index
    raise LookupError(module)


def upward(package: Path) -> list[str]:
    """Every import of a layer above the importer's, as a line to read."""
    found = []
    for importer, imported, line in imports(package):
        if layer_of(imported) > layer_of(importer):
            found.append(
                f"{importer or package.name}:{line} imports {imported} "
                f"({LAYERS[layer_of(importer)][0]} → {LAYERS[layer_of(imported)][0]})"
            )
    return found


def cycles(package: Path) -> list[list[str]]:
    """The import cycles among the modules of ``package``: each strongly connected set of two or more.

    Tarjan's algorithm, written out because the graph is a dozen lines of data and no library
    of the project's already does it.
    """
    graph: dict[str, set[str]] = {module: set() for module in modules(package)}
    for importer, imported, _line in imports(package):
        graph[importer].add(imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            members = []
            while True:
                member = stack.pop()
                members.append(member)
                if member == module:
                    break
            if len(members) > 1:
                found.append(sorted(members))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


PACKAGE = ROOT / "reportgen"


def test_every_module_has_its_layer() -> None:
    unplaced = []
    for module in modules(PACKAGE):
        try:
            layer_of(module)
        except LookupError:
            unplaced.append(module)
    assert unplaced == []


def test_no_module_imports_a_layer_above_its_own() -> None:
    assert upward(PACKAGE) == []


def test_no_modules_import_each_other() -> None:
    assert cycles(PACKAGE) == []


# --- the checks can fail -------------------------------------------------------------------------


def write(package: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return package


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A package laid out like reportgen's bottom: loading, then validation, then the unit."""
    return write(
        tmp_path / "reportgen",
        {
            "__init__.py": "",
            "errors.py": "",
            "loading.py": "from reportgen.errors import *\n",
            "validation.py": "from reportgen import loading\n",
            "unit.py": "from reportgen import validation\n",
        },
    )


def test_a_well_layered_package_passes(small: Path) -> None:
    assert (upward(small), cycles(small)) == ([], [])


def test_an_import_of_a_later_stage_inside_a_function_is_found(small: Path) -> None:
    write(small, {"loading.py": "def load():\n    from reportgen.validation import check\n"})
    assert upward(small) == ["loading:2 imports validation (1 load → 3 validate)"]


def test_an_import_under_type_checking_is_found(small: Path) -> None:
    typed = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import unit\n"
    write(small, {"validation.py": typed})
    assert upward(small) == ["validation:3 imports unit (3 validate → one unit)"]


def test_a_cycle_within_a_layer_is_found(small: Path) -> None:
    write(
        small,
        {
            "cli/__init__.py": "from reportgen.cli import sign\n",
            "cli/sign.py": "def command():\n    from reportgen.cli import app\n",
        },
    )
    assert upward(small) == []
    assert cycles(small) == [["cli", "cli.sign"]]


@pytest.mark.parametrize("page", ["architecture.md", "architecture.en.md"])
def test_the_architecture_page_names_every_module(page: str) -> None:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    unnamed = []
    for module in modules(PACKAGE):
        last = module.rpartition(".")[2] or "reportgen"
        if not any(f"`{name}" in text for name in (module or "reportgen", last)):
            unnamed.append(module)
    assert unnamed == []
