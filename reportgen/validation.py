"""Stage 2, validation: the loaded document against the schema, then cross-checks.

Every problem is collected before failing, and each one points at the line and column of
the value (or key) that holds it, in Vietnamese, saying what to type instead.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from reportgen.errors import Problem, ReportgenError
from reportgen.loading import Document, Path_, load
from reportgen.schema import PLACEHOLDER, PLACEHOLDER_FORMS, YearEnd


def validate(document: Document) -> YearEnd:
    """Type the document and check what the schema alone cannot.

    Raises:
        ReportgenError: with every problem found.
    """
    problems: list[Problem] = []
    data: YearEnd | None = None
    keys_known = True
    try:
        data = YearEnd.model_validate(document.data)
    except ValidationError as error:
        problems += _schema_problems(document, error)
        keys_known = not any(_hides_keys(detail) for detail in error.errors())
    # The cross-checks read the raw document, so they still run when the schema found
    # problems: a missing photo is reported together with a misspelt count, not after it.
    problems += _cross_check(document, check_placeholders=keys_known)
    if problems or data is None:
        raise ReportgenError(problems)
    return data


def _hides_keys(detail: ErrorDetails) -> bool:
    """Whether a schema error may hide indicator keys (a misspelt `chi_tieu` or `danh_sach`).

    Placeholders are not checked then: every `{key}` would be reported as unknown.
    """
    loc = detail["loc"]
    misplaced = len(loc) == 1 and detail["type"] == "extra_forbidden"
    return misplaced or (loc[:1] == ("chi_tieu",) and len(loc) <= 3)


def field_name(address: Path_) -> str:
    """Write an address the way the YAML reads: ``chi_tieu.hoc_tap.danh_sach[0]``.

    >>> field_name(("anh", 0, "tep"))
    'anh[0].tep'
    """
    text = ""
    for part in address:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".")


def _schema_problems(document: Document, error: ValidationError) -> Iterator[Problem]:
    for detail in error.errors():
        address: Path_ = tuple(part for part in detail["loc"] if part != "[key]")
        is_key = detail["type"] == "extra_forbidden" or "[key]" in detail["loc"]
        location = document.locate(address, key=is_key)
        yield Problem(location, _message(detail, address), field_name(address))


def _message(detail: ErrorDetails, address: Path_) -> str:
    kind = detail["type"]
    given = detail.get("input")
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    if kind == "missing":
        return "thiếu trường bắt buộc này"
    if kind == "extra_forbidden":
        return _unknown_field(address)
    if kind == "enum":
        return f'"{given}" không hợp lệ — hãy viết một trong: {_choices(ctx["expected"])}'
    if kind == "string_pattern_mismatch":
        return _pattern_hint(given)
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return "cần các dòng `tên_trường: giá trị` thụt vào bên dưới"
    if kind == "list_type":
        return "cần một danh sách, mỗi mục một dòng bắt đầu bằng `- `"
    if kind == "string_type":
        return "cần một đoạn chữ ở đây"
    if kind in {"greater_than_equal", "less_than_equal"}:
        bound = ctx.get("ge", ctx.get("le"))
        sign = "≥" if kind == "greater_than_equal" else "≤"
        return f'"{given}" ngoài khoảng cho phép — cần số {sign} {bound}'
    if kind == "too_short":
        return "cần ít nhất một mục"
    return f"giá trị không hợp lệ ({detail['msg']})"


def _choices(expected: str) -> str:
    return expected.replace("'", "`").replace(" or ", ", ")


def _pattern_hint(given: object) -> str:
    return (
        f'"{given}" không đúng dạng — khoá chỉ gồm chữ thường không dấu, số và `_` '
        "(ví dụ `gia_dinh_hoc_tap`); viết tắt và ký hiệu gồm chữ in hoa, số và `-` (ví dụ `BC-HKH`)"
    )


def _unknown_field(address: Path_) -> str:
    name = str(address[-1])
    known = _known_fields(address[:-1])
    message = f"trường `{name}` không có trong mẫu"
    nearest = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if nearest:
        return f'{message} — có phải ý bạn là "{nearest[0]}"?'
    if known:
        return f"{message} — các trường có thể dùng: {', '.join(known)}"
    return message


def _known_fields(address: Path_) -> list[str]:
    """The field names the model allows at ``address``."""
    model: Any = YearEnd
    for part in address:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if _is_model(model) else None
        if field is None:  # inside a dict of user keys: step to the dict's value type
            continue
        model = _model_of(field.annotation)
    return list(model.model_fields) if _is_model(model) else []


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _model_of(annotation: Any) -> Any:
    """Find the model class inside ``list[X]``, ``dict[K, X]`` or ``X | None``."""
    if _is_model(annotation):
        return annotation
    for argument in reversed(getattr(annotation, "__args__", ())):
        found = _model_of(argument)
        if found is not None:
            return found
    return None


def _cross_check(document: Document, *, check_placeholders: bool = True) -> Iterator[Problem]:
    """Find what may be typed correctly but cannot be right; skip what the schema refuses."""
    raw: dict[str, Any] = document.data
    groups = _as_dict(raw.get("chi_tieu"))
    group_keys = set(groups)
    indicator_keys: dict[str, Path_] = {}
    for group_key, group in groups.items():
        for key in _as_dict(_as_dict(group).get("danh_sach")):
            address: Path_ = ("chi_tieu", group_key, "danh_sach", key)
            if key in group_keys or key in indicator_keys:
                yield Problem(
                    document.locate(address, key=True),
                    f"khoá `{key}` đã dùng cho một chỉ tiêu hoặc nhóm khác — mỗi khoá chỉ dùng một lần",
                    field_name(address),
                )
            indicator_keys[key] = address
    known = group_keys | set(indicator_keys)
    for part in ("ket_qua", "han_che", "phuong_huong") if check_placeholders else ():
        yield from _check_placeholders(document, part, known)
    photos = raw.get("anh")
    for index, photo in enumerate(photos if isinstance(photos, list) else []):
        file = _as_dict(photo).get("tep")
        if isinstance(file, str) and not (document.path.parent / file.strip()).is_file():
            address = ("anh", index, "tep")
            yield Problem(
                document.locate(address),
                f'không thấy tệp ảnh "{file.strip()}" (tính từ thư mục của tệp YAML)',
                field_name(address),
            )


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _check_placeholders(document: Document, part: str, known: set[str]) -> Iterator[Problem]:
    # Read the raw texts, not the paragraphs split from them, to point at the right line.
    raw = document.data.get(part)
    texts = list(enumerate(raw)) if isinstance(raw, list) else [(None, raw)]
    for index, text in texts:
        if not isinstance(text, str):
            continue
        address: Path_ = (part,) if index is None else (part, index)
        for match in PLACEHOLDER.finditer(text):
            key, form = match["key"], match["form"] or ""
            if form not in PLACEHOLDER_FORMS:
                yield Problem(
                    document.locate(address),
                    f"`{match[0]}` không có dạng `:{form}` — hãy viết {_forms_of(key)}",
                    field_name(address),
                )
            if key in known:
                continue
            nearest = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f' — có phải ý bạn là "{{{nearest[0]}}}"?' if nearest else ""
            yield Problem(
                document.locate(address),
                f"`{{{key}}}` không phải khoá của chỉ tiêu hay nhóm nào{hint}",
                field_name(address),
            )


def _forms_of(key: str) -> str:
    """List every form of the placeholder for ``key``, as the user types it, joined by "hoặc"."""
    forms = [f"`{{{key}{':' if form else ''}{form}}}`" for form in PLACEHOLDER_FORMS]
    return ", ".join(forms[:-1]) + " hoặc " + forms[-1]


def load_and_validate(path: Path) -> tuple[Document, YearEnd]:
    """Load and validate one input file.

    Raises:
        ReportgenError: with every problem found.
    """
    document = load(path)
    return document, validate(document)
