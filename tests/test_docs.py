"""The documentation: a short README in two languages, every page twinned and in the navigation,
and the generated parts complete — every field of every version, every context variable, every
block and every filter — checked against the code by a route of their own."""

from __future__ import annotations

import importlib.util
import inspect
import re
import typing
from types import SimpleNamespace
from typing import Any, Literal

import jinja2
import pytest
import yaml
from pydantic import BaseModel

from reportgen import i18n, reference, system
from reportgen.compute import Context
from reportgen.schema import v1, v2
from reportgen.templating import environment, packaged_templates
from tests.conftest import ROOT

DOCS = ROOT / "docs"


def _paths(model: type[BaseModel], prefix: str = "") -> dict[str, str]:
    """Every field of a model and of the models inside it, by path, with its description.

    A list of sections adds ``[]`` to the path, a mapping of keyed sections ``.<khoá>``, as the
    reference writes them; this walks pydantic's models, the reference walks the JSON Schema.
    """
    found: dict[str, str] = {}
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        inner = _inner(field.annotation)
        found[path] = field.description or (inspect.getdoc(inner[0][0]) or "" if inner else "")
        for kind, step in inner:  # a list's items may be of several kinds, each with its fields
            found = _paths(kind, path + step + ".") | found
    return found


def _inner(annotation: Any) -> list[tuple[type[BaseModel], str]]:
    """The models inside ``X``, ``X | None``, ``list[X | Y]`` or ``dict[K, X]``, and how their paths go on."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [(annotation, "")]
    origin = typing.get_origin(annotation)
    found = []
    for argument in typing.get_args(annotation):
        step = "[]" if origin is list else ".<khoá>" if origin is dict else ""
        found += [(kind, step + more) for kind, more in _inner(argument)]
    return found


def _rows(markdown: str) -> dict[str, str]:
    """The reference's rows by field path: the whole row's text."""
    return {match[1]: match[0] for match in re.finditer(r"^\| `([^`]+)` \|.*$", markdown, re.MULTILINE)}


# --- the README -------------------------------------------------------------------------------


def test_the_readme_is_a_front_door_of_a_few_kilobytes_a_language() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    vietnamese, english = readme.split('<a id="english"></a>')
    assert len(vietnamese.encode()) < 5000 and len(english.encode()) < 4000
    for part in (vietnamese, english):
        assert "pipx install ." in part and "reportgen --version" in part
        assert 'reportgen init so-lieu.yaml --org "Hội Nông dân huyện Na Rì" --year 2024' in part
        for step in ("reportgen validate so-lieu.yaml", "reportgen build so-lieu.yaml"):
            assert step in part
        assert "make demo" in part and "make test" in part
        assert "libpango-1.0-0" in part and "libharfbuzz-subset0" in part
        assert "MSYS2" in part and "Homebrew" in part


def test_every_link_of_the_readme_leads_to_a_page() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#]+)\)", readme)
    assert len(links) >= 20
    for link in links:
        assert (ROOT / link).is_file(), link


# --- the pages --------------------------------------------------------------------------------


def _nav() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:", lambda loader, suffix, node: None)
    return list(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader)["nav"])


def test_every_page_has_its_english_twin_and_is_in_the_navigation() -> None:
    pages = sorted(path.name for path in DOCS.glob("*.md") if not path.name.endswith(".en.md"))
    assert sorted(_nav()) == pages
    for page in pages:
        twin = DOCS / page.replace(".md", ".en.md")
        assert twin.is_file(), twin
        for path in (DOCS / page, twin):
            assert path.read_text(encoding="utf-8").startswith("# "), path  # the title in the navigation
    for page in ("reliability.md", "architecture.md", "benchmarks.md", "development.md"):
        assert page in pages


def test_the_rules_page_has_the_sections_the_code_cites() -> None:
    cited = set()
    for path in [*ROOT.glob("reportgen/**/*.py"), *ROOT.glob("tests/*.py")]:
        cited |= set(
            re.findall(r"docs/vietnamese\.md`*((?: §\d(?: and)?)+)", path.read_text(encoding="utf-8"))
        )
    numbers = {number for found in cited for number in re.findall(r"§\d", found)}
    assert numbers <= {"§1", "§2", "§3", "§4", "§5"}
    for page in ("vietnamese.md", "vietnamese.en.md"):
        text = (DOCS / page).read_text(encoding="utf-8")
        for number in numbers:
            assert f"\n## {number}. " in text, (page, number)


# --- the generated parts ----------------------------------------------------------------------


def _sections(markdown: str) -> dict[str, str]:
    """The reference's part for each version, by its heading: ``{"## Phiên bản 1": "…"}``."""
    parts = re.split(r"^(## .+)$", markdown, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_field_reference_lists_every_field_of_every_version_with_its_description(language: str) -> None:
    with i18n.speaking(language):
        sections = _sections(reference.fields_markdown())
        heading = i18n._("Phiên bản {version}")
        key = "<" + i18n._("khoá") + ">"
        for version, model in reference.input_formats().items():
            rows = _rows(sections["## " + heading.format(version=version)])
            expected = {path.replace("<khoá>", key): i18n._(text) for path, text in _paths(model).items()}
            assert set(rows) == set(expected), version
            for path, description in expected.items():
                assert f" | {' '.join(description.split())} |" in rows[path], (version, path)
    assert "| `hoi_nghi.khach_moi[].ho_ten` | có | chữ | Họ và tên: `Đinh Quang Tuyên`. |" in (
        reference.fields_markdown()
    )


def test_every_version_of_the_format_is_listed_newest_first(monkeypatch: pytest.MonkeyPatch) -> None:
    class Version3(v1.YearEnd):
        phien_ban: Literal[3] = 3  # type: ignore[assignment]
        """Phiên bản mẫu tệp: `3`."""
        hien_thi_moi: str = ""
        """Cách hiện số liệu mới."""

    assert reference._version_of(Version3.model_fields["phien_ban"]) == 3
    monkeypatch.setattr(reference, "input_formats", lambda: {1: v1.YearEnd, 3: Version3})
    text = reference.fields_markdown()
    newest, oldest = text.split("## Phiên bản 1\n")
    assert newest.startswith("## Phiên bản 3\n")
    assert "| `hien_thi_moi` |" in newest and "| `hien_thi_moi` |" not in oldest
    assert oldest.startswith("\nTệp ghi `phien_ban: 1` vẫn được đọc như trước.")


def test_the_formats_found_in_the_code_are_the_versions_it_reads() -> None:
    assert reference.input_formats() == {1: v1.YearEnd, 2: v2.YearEnd}
    text = reference.fields_markdown()
    assert text.index("## Phiên bản 2\n") < text.index("## Phiên bản 1\n")


def test_the_template_contract_lists_every_variable_block_and_filter() -> None:
    context = reference.context_markdown()
    for name in Context.__annotations__:
        assert f"| `{name}` |" in context, name
    assert "| `so_sanh` | `dict[str, SoSanh]` |" in context
    assert "### `Photo`" in context and "| `srcset` | `str` |" in context
    assert "- `ChiTieu.ten_bang`: The name printed in a table row." in context

    blocks = reference.blocks_markdown()
    for path in packaged_templates().glob("[!_]*.html"):
        for block in re.findall(r"{%-?\s*block\s+(\w+)", path.read_text(encoding="utf-8")):
            assert f"`{block}`" in blocks.split(f"| `{path.name}` |")[1].split("\n")[0], (path.name, block)

    filters = reference.filters_markdown()
    for name in set(environment().filters) - set(jinja2.Environment().filters):
        assert f"### `{name}" in filters, name
    assert "### `money_short(decimals=1)`" in filters
    assert "{{ 319700000 | money_short }}  →  319,7 triệu đồng" in filters
    assert "{{ 5 | doc_number('BC-HKH') }}  →  Số: 05/BC-HKH" in filters
    for name in set(environment().globals) - set(jinja2.Environment().globals):
        assert f"- `{name}()`: " in filters, name


def test_the_english_pages_get_the_english_reference() -> None:
    with i18n.speaking("en"):
        text = reference.fields_markdown()
    assert text.startswith("## Version 2\n") and "\n## Version 1\n" in text
    assert "| `nam` | yes | a whole number | The reporting year: `2020`. |" in text


def _hook() -> Any:
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("page", "heading"), [("fields.md", "## Phiên bản 1"), ("fields.en.md", "## Version 1")]
)
def test_the_hook_fills_each_page_in_its_language(page: str, heading: str) -> None:
    markdown = (DOCS / page).read_text(encoding="utf-8")
    filled = _hook().on_page_markdown(markdown, page=SimpleNamespace(file=SimpleNamespace(src_uri=page)))
    assert "<!-- reportgen:" not in filled
    assert f"\n{heading}\n" in filled
    assert i18n.language() == "vi"


def test_every_marker_of_the_pages_is_one_the_hook_knows() -> None:
    known = set(_hook().PARTS)
    for path in DOCS.glob("*.md"):
        for marker in re.findall(r"<!-- reportgen:\w+ -->", path.read_text(encoding="utf-8")):
            assert marker in known, (path.name, marker)


@pytest.mark.parametrize(("page", "language"), [("install.md", "vi"), ("install.en.md", "en")])
def test_the_install_page_shows_the_messages_reportgen_prints(page: str, language: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    with i18n.speaking(language):
        assert str(system.missing("cannot load library 'libpango-1.0-0': not found")) in text
        assert str(system.slow()) in text
