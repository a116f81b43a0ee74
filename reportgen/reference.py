"""The documentation's generated parts: the input fields and the template contract, as Markdown.

Written from the code itself, so they cannot drift from it: the fields from the JSON Schema of
each version of the input format (the same descriptions an editor shows, in the active
language), the template contract from the context type, the packaged templates' blocks and the
filters' signatures, docstrings and doctest examples. ``make docs`` puts them into the pages
``docs/fields*.md`` and ``docs/templates*.md`` (see ``docs/hooks.py``).
"""

from __future__ import annotations

import ast
import dataclasses
import datetime
import importlib
import inspect
import itertools
import pkgutil
import re
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import Enum
from typing import Any

import jinja2
from pydantic import BaseModel

from reportgen import json_schema
from reportgen.i18n import _

# --- the input fields ------------------------------------------------------------------------


def input_formats() -> dict[int, type[BaseModel]]:
    """Every version of the input format this reportgen reads, by its number, oldest first.

    A version is a model of :mod:`reportgen.schema` (or of a module beside it whose name starts
    with ``schema``) with a ``phien_ban`` field, whose default or only literal value is its number.

    >>> list(input_formats())[0]
    1
    """
    import reportgen
    import reportgen.schema

    modules = [reportgen.schema]
    for package in (reportgen.schema, reportgen):
        for found in pkgutil.iter_modules(getattr(package, "__path__", [])):
            if package is reportgen.schema or (found.name.startswith("schema") and found.name != "schema"):
                modules.append(importlib.import_module(f"{package.__name__}.{found.name}"))
    formats: dict[int, type[BaseModel]] = {}
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseModel) and "phien_ban" in value.model_fields:
                version = _version_of(value.model_fields["phien_ban"])
                if version is not None:
                    formats.setdefault(version, value)
    return dict(sorted(formats.items()))


def _version_of(field: Any) -> int | None:
    if isinstance(field.default, int):
        return int(field.default)
    literal = typing.get_args(field.annotation)
    return literal[0] if len(literal) == 1 and isinstance(literal[0], int) else None


@dataclasses.dataclass(frozen=True)
class Field:
    """One field of the input format, as the reference lists it."""

    path: str
    """Where it is written: ``to_chuc.ten``, ``anh[].tep``, ``chi_tieu.<khoá>.ten``."""
    required: bool
    kind: str
    description: str
    default: Any = None


def fields(model: type[BaseModel]) -> list[Field]:
    """Every field of one version of the format, in the order a file writes them."""
    schema = json_schema.model_schema(model)
    return list(_walk(schema, schema, ""))


def _walk(node: dict[str, Any], root: dict[str, Any], path: str) -> Iterator[Field]:
    node = _resolve(node, root)
    required = set(node.get("required", []))
    for name, field in node.get("properties", {}).items():
        where = f"{path}.{name}" if path else name
        inner = _resolve(_optional(field, root), root)
        # pydantic leaves a field's description out when it is its section's own: take that one.
        described = field.get("description") or inner.get("description", "")
        yield Field(where, name in required, _kind(inner, root), described, field.get("default"))
        seen: set[str] = set()
        for below in _below(inner, root, where):  # the kinds of a list's items may share a field
            if below.path not in seen:
                seen.add(below.path)
                yield below


def _below(node: dict[str, Any], root: dict[str, Any], path: str) -> Iterator[Field]:
    """The fields inside a section, a list of sections or a mapping of keyed sections.

    A list whose items are of several kinds (a paragraph, a point, dashed items) lists the fields
    of each kind in turn; a value that may be one text or a list of them, those of the list.
    """
    if "properties" in node:
        yield from _walk(node, root, path)
    elif "anyOf" in node or "oneOf" in node:
        for choice in node.get("anyOf", node.get("oneOf", [])):
            yield from _below(_resolve(choice, root), root, path)
    elif node.get("type") == "array" and "items" in node:
        yield from _below(_resolve(node["items"], root), root, f"{path}[]")
    elif "patternProperties" in node:
        (inner,) = node["patternProperties"].values()
        key = _("khoá")
        yield from _below(_resolve(inner, root), root, f"{path}.<{key}>")


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = {
            **root["$defs"][node["$ref"].rsplit("/", 1)[-1]],
            **{k: v for k, v in node.items() if k != "$ref"},
        }
    return node


def _optional(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """The value's own schema when it may also be left empty (``X | None``)."""
    choices = [choice for choice in node.get("anyOf", []) if choice.get("type") != "null"]
    if len(choices) == 1 and len(node.get("anyOf", [])) == 2:
        return _resolve(choices[0], root)
    return node


def _kind(node: dict[str, Any], root: dict[str, Any]) -> str:
    """What a field holds, in a few words of the active language."""
    if "enum" in node:
        return _("một trong: {choices}").format(choices=", ".join(f"`{value}`" for value in node["enum"]))
    if "anyOf" in node:  # one paragraph or a list of them, and perhaps of points
        items: dict[str, Any] = next(
            (choice.get("items", {}) for choice in node["anyOf"] if choice.get("type") == "array"), {}
        )
        if "oneOf" in items or "anyOf" in items:
            return _("đoạn văn, hoặc danh sách đoạn văn và mục như bên dưới")
        return _("đoạn văn, hoặc danh sách đoạn văn")
    kind = node.get("type")
    if "properties" in node:
        return _("các trường bên dưới")
    if "patternProperties" in node:
        return _("các mục, mỗi mục dưới một khoá riêng")
    if kind == "object" and _resolve(node.get("additionalProperties") or {}, root).get("type") == [
        "number",
        "string",
    ]:
        return _("các dòng `tên: số`")
    if kind == "array":
        items = _resolve(node.get("items", {}), root)
        return _("danh sách các mục như bên dưới") if "properties" in items else _("danh sách chữ")
    if kind == "integer":
        return _("số nguyên")
    if kind == ["number", "string"]:
        return _("số (viết kiểu Việt Nam)")
    if kind == "string" and "pattern" in node and "/" in node["pattern"]:
        return _("ngày")
    return _("chữ")


def fields_markdown() -> str:
    """The reference of every version of the input format, newest first, in the active language."""
    formats = input_formats()
    newest = max(formats)
    parts: list[str] = []
    for version, model in sorted(formats.items(), reverse=True):
        parts.append("## " + _("Phiên bản {version}").format(version=version) + "\n")
        if version != newest:
            parts.append(
                _("Tệp ghi `phien_ban: {version}` vẫn được đọc như trước.").format(version=version) + "\n"
            )
        parts.append(_("| Trường | Bắt buộc | Giá trị | Ý nghĩa |") + "\n|---|---|---|---|")
        for field in fields(model):
            required = _("có") if field.required else _("không")
            if not field.required and field.default not in (None, "", [], {}):
                required += " " + _("(mặc định `{default}`)").format(default=field.default)
            parts.append(f"| `{field.path}` | {required} | {field.kind} | {_cell(field.description)} |")
        parts.append("")
    return "\n".join(parts)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


# --- the template contract -------------------------------------------------------------------


def context_markdown() -> str:
    """The variables every template receives, then the types they hold that are not the input's."""
    from reportgen.compute import Context

    parts = [_("| Biến | Kiểu | Ý nghĩa |") + "\n|---|---|---|"]
    hints = typing.get_type_hints(Context)
    described = _attribute_docstrings(Context)
    for name, annotation in hints.items():
        parts.append(f"| `{name}` | `{_type_name(annotation)}` | {_cell(described.get(name, ''))} |")
    parts.append("")
    for kind in _reachable(list(hints.values())):
        parts.append(f"### `{kind.__name__}`\n\n{_cell(inspect.getdoc(kind) or '')}\n")
        if issubclass(kind, Enum):
            parts.append(", ".join(f"`{member.value}`" for member in kind) + "\n")
            continue
        parts.append(_("| Trường | Kiểu | Ý nghĩa |") + "\n|---|---|---|")
        own = _attribute_docstrings(kind)
        for name, annotation in typing.get_type_hints(kind).items():
            parts.append(f"| `{name}` | `{_type_name(annotation)}` | {_cell(own.get(name, ''))} |")
        parts.append("")
    extra = list(_model_properties([*hints.values()]))
    if extra:
        parts.append(_("Ngoài các trường của tệp số liệu, các phần của nó còn có:") + "\n")
        parts += [f"- `{owner}.{name}`: {_cell(doc)}" for owner, name, doc in extra]
        parts.append("")
    return "\n".join(parts)


def _type_name(annotation: Any) -> str:
    """An annotation as a template author reads it: ``dict[str, ChiTieu]``, ``SoSanh | None``."""
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if arguments:
        names = [_type_name(argument) for argument in arguments]
        if origin in (typing.Union, types.UnionType):
            # Optional[X] rather than X | None: a table cell cannot hold a pipe.
            kept = [name for name in names if name != "None"]
            shown = ", ".join(kept) if len(kept) == 1 else f"Union[{', '.join(kept)}]"
            return f"Optional[{shown}]" if len(kept) < len(names) else shown
        return f"{getattr(origin, '__name__', str(origin))}[{', '.join(names)}]"
    if annotation is type(None):
        return "None"
    if annotation is datetime.date:
        return "date"
    return getattr(annotation, "__name__", str(annotation))


def _leaves(annotation: Any) -> Iterator[Any]:
    arguments = typing.get_args(annotation)
    if arguments:
        for argument in arguments:
            yield from _leaves(argument)
    else:
        yield annotation


def _reachable(annotations: list[Any]) -> list[type]:
    """The context's own types (not the input format's models), each once, in order of use."""
    found: list[type] = []
    queue = [leaf for annotation in annotations for leaf in _leaves(annotation)]
    while queue:
        kind = queue.pop(0)
        if not isinstance(kind, type) or kind in found or issubclass(kind, BaseModel):
            continue
        if not (dataclasses.is_dataclass(kind) or typing.is_typeddict(kind) or issubclass(kind, Enum)):
            continue
        found.append(kind)
        if not issubclass(kind, Enum):
            queue += [leaf for hint in typing.get_type_hints(kind).values() for leaf in _leaves(hint)]
    return found


def _model_properties(annotations: list[Any]) -> Iterator[tuple[str, str, str]]:
    """The computed properties of the input's models a template may use: ``ChiTieu.ten_bang``."""
    seen: set[type] = set()
    queue = [leaf for annotation in annotations for leaf in _leaves(annotation)]
    queue += [
        leaf
        for kind in _reachable(annotations)
        if not issubclass(kind, Enum)
        for hint in typing.get_type_hints(kind).values()
        for leaf in _leaves(hint)
    ]
    while queue:
        kind = queue.pop(0)
        if not (isinstance(kind, type) and issubclass(kind, BaseModel)) or kind in seen:
            continue
        seen.add(kind)
        for name, member in vars(kind).items():
            if isinstance(member, property) and not name.startswith("_"):
                yield kind.__name__, name, (inspect.getdoc(member) or "").split("\n\n")[0]
        queue += [leaf for field in kind.model_fields.values() for leaf in _leaves(field.annotation)]


def _attribute_docstrings(kind: type) -> dict[str, str]:
    """The docstring under each annotated attribute of a class, read from its source."""
    tree = ast.parse(inspect.cleandoc("\n" + inspect.getsource(kind)))
    body = tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []
    found: dict[str, str] = {}
    for before, after in itertools.pairwise(body):
        if (
            isinstance(before, ast.AnnAssign)
            and isinstance(before.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            found[before.target.id] = inspect.cleandoc(after.value.value)
    return found


def blocks_markdown() -> str:
    """The blocks of each packaged page template, for a user's template to override one by one."""
    from reportgen.templating import environment, packaged_templates

    env = environment()
    parts = [_("| Mẫu | Khối |") + "\n|---|---|"]
    for path in sorted(packaged_templates().glob("*.html")):
        if path.name.startswith("_"):
            continue
        tree = env.parse(path.read_text(encoding="utf-8"))
        names = [block.name for block in tree.find_all(jinja2.nodes.Block)]
        parts.append(f"| `{path.name}` | {', '.join(f'`{name}`' for name in names)} |")
    return "\n".join(parts) + "\n"


def filters_markdown() -> str:
    """Each of reportgen's template filters: how it is called, what it does, its examples.

    Those the packaged templates use come first; those kept for users' own templates after them.
    """
    from reportgen.filters import PAGE_FILTERS, USER_FILTERS
    from reportgen.templating import environment

    env = environment()
    parts: list[str] = []
    for table in (PAGE_FILTERS, USER_FILTERS):
        if table is USER_FILTERS:
            parts.append(
                _(
                    "Các bộ lọc dưới đây các mẫu có sẵn không dùng: mọi con số chúng in là một số liệu "
                    "của ngữ cảnh, in đúng như đã gõ bằng `figure`. Chúng để dành cho mẫu riêng, để "
                    "viết một số, một ngày không có trong tệp số liệu."
                )
                + "\n"
            )
        for name in sorted(table):
            function = env.filters[name]
            doc = inspect.getdoc(function) or ""
            summary = re.sub(r":\w+:`([^`]+)`", r"`\1`", doc.split("\n\n")[0])  # Sphinx roles read as code
            parts.append(f"### `{name}{_arguments(function)}`\n\n{summary}\n")
            examples = list(_examples(name, doc))
            if examples:
                parts.append("```jinja\n" + "\n".join(examples) + "\n```\n")
    functions = sorted(set(env.globals) - set(jinja2.Environment().globals))
    if functions:
        parts.append(_("Ngoài các bộ lọc, mẫu gọi được các hàm:") + "\n")
        for name in functions:
            doc = (inspect.getdoc(env.globals[name]) or "").split("\n\n")[0]
            parts.append(f"- `{name}()`: {_cell(doc)}")
        parts.append("")
    return "\n".join(parts)


def _arguments(function: Callable[..., Any]) -> str:
    """The arguments a template passes in brackets: all but the value filtered (and Jinja's context)."""
    parameters = list(inspect.signature(function).parameters.values())
    if parameters and parameters[0].name == "context":
        parameters = parameters[1:]
    shown = [
        parameter.name
        if parameter.default is inspect.Parameter.empty
        else f"{parameter.name}={parameter.default!r}"
        for parameter in parameters[1:]
        if parameter.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    ]
    return f"({', '.join(shown)})" if shown else ""


def _examples(name: str, doc: str) -> Iterator[str]:
    """The docstring's doctests as template code: ``money(5)`` gives ``{{ 5 | money }} → 5 đồng``."""
    lines = [line.strip() for line in doc.splitlines()]
    for index, line in enumerate(lines[:-1]):
        if not line.startswith(">>> "):
            continue
        try:
            call = ast.parse(line[4:], mode="eval").body
            result = ast.literal_eval(_unwrapped(lines[index + 1]))
        except (SyntaxError, ValueError):
            continue
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.args):
            continue
        if call.func.id != name or not isinstance(result, str | int | Decimal):
            continue
        arguments = [ast.unparse(argument) for argument in call.args[1:]]
        arguments += [f"{keyword.arg}={ast.unparse(keyword.value)}" for keyword in call.keywords]
        called = f"{name}({', '.join(arguments)})" if arguments else name
        yield f"{{{{ {ast.unparse(call.args[0])} | {called} }}}}  →  {result}"


def _unwrapped(expected: str) -> str:
    """A doctest's expected output as a literal: ``Markup('x')`` is the text ``'x'``."""
    return expected.removeprefix("Markup(").removesuffix(")") if expected.startswith("Markup(") else expected
