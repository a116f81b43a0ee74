"""Stage 3, validation: the loaded document against the schema, then cross-checks.

Every problem is collected before failing, and each one points at the line and column of
the value (or key) that holds it, in Vietnamese, saying what to type instead. What is legal
but suspicious is left to :mod:`reportgen.plausibility`; :func:`check_document` runs both.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from reportgen import breakdowns, coherence, photos, plausibility, presets
from reportgen.errors import Location, Problem, ReportgenError, field_name
from reportgen.i18n import _
from reportgen.loading import Document, Path_
from reportgen.schema import (
    KEY_PATTERN,
    MODELS,
    PLACEHOLDER,
    PLACEHOLDER_FORMS,
    SYMBOL_PATTERN,
    VERSION,
    YearEnd,
    current,
    model_in,
    noi_dung,
    v1,
    version_of,
)

# What pydantic puts in an error's location that is no field of the file: a dict's key, the kind
# of an item of a text.
_NOT_FIELDS = ("[key]", *noi_dung.TAGS)
# An item of a text by the key that says its kind, for messages.
_ITEM_KEYS = dict(zip(noi_dung.TAGS, ("", "muc:", "diem:", "y:"), strict=True))


def validate(document: Document) -> YearEnd:
    """Type the document by the rules of its version and check what the schema alone cannot.

    Returns:
        The file in the current version's model, whatever version it was written in.

    Raises:
        ReportgenError: with every problem found.
    """
    problems: list[Problem] = []
    data: YearEnd | None = None
    keys_known = True
    version = version_of(document.data)
    try:
        data = current(MODELS[version].model_validate(document.data))
    except ValidationError as error:
        problems += _schema_problems(document, error, version)
        keys_known = not any(_hides_keys(detail) for detail in error.errors())
    # The cross-checks read the raw document, so they still run when the schema found
    # problems: an unknown `{key}` is reported together with a misspelt count, not after it.
    problems += _cross_check(document, version, check_placeholders=keys_known)
    if data is not None:
        problems += breakdowns.check(document, data)
        problems += presets.check(document, data)
        problems += coherence.check(document, data)
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


def _schema_problems(document: Document, error: ValidationError, version: int) -> Iterator[Problem]:
    for detail in error.errors():
        address: Path_ = tuple(part for part in detail["loc"] if part not in _NOT_FIELDS)
        if detail["type"] == "missing":
            # A missing field has no line of its own: point at the section it belongs in (its
            # key's line), or at the file for a top-level field, never at a neighbour's line.
            location = document.locate(address[:-1], key=True) if address[:-1] else Location(document.path)
        else:
            is_key = detail["type"] == "extra_forbidden" or "[key]" in detail["loc"]
            location = document.locate(address, key=is_key)
        yield Problem(location, _message(detail, address, version), field_name(address))


def _message(detail: ErrorDetails, address: Path_, version: int) -> str:
    kind = detail["type"]
    given = detail.get("input")
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    if kind == "missing":
        return _missing(address, version)
    if kind == "extra_forbidden":
        return _unknown_field(address, version)
    if kind == "enum":
        return _enum_hint(str(given), re.findall(r"'([^']*)'", str(ctx["expected"])))
    if kind == "string_pattern_mismatch":
        return _pattern_hint(given, str(ctx["pattern"]))
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return _("cần các dòng `tên_trường: giá trị` thụt vào bên dưới")
    if kind == "list_type":
        return _("cần một danh sách, mỗi mục một dòng bắt đầu bằng `- `")
    if kind == "string_type":
        return _("cần một đoạn chữ ở đây")
    if kind == "greater_than_equal":
        return _('"{given}" ngoài khoảng cho phép — cần số ≥ {bound}').format(given=given, bound=ctx["ge"])
    if kind == "less_than_equal":
        return _('"{given}" ngoài khoảng cho phép — cần số ≤ {bound}').format(given=given, bound=ctx["le"])
    if kind == "too_short":
        return _("cần ít nhất một mục")
    if kind == "union_tag_not_found":
        return noi_dung.item_hint(address)
    if kind == "union_tag_invalid":
        used = _ITEM_KEYS.get(str(ctx.get("tag")), str(ctx.get("tag")))
        hint = noi_dung.item_hint(address)
        return _("`{used}` không dùng được ở đây — {hint}").format(used=used, hint=hint)
    return _("giá trị không hợp lệ ({reason})").format(reason=detail["msg"])


def _enum_hint(given: str, choices: list[str]) -> str:
    """Say which values a choice takes, and which one was meant when the case or a mark is off."""
    listed = ", ".join(f"`{choice}`" for choice in choices)
    meant = [choice for choice in choices if choice in {given.lower(), _unmarked(given).lower()}]
    if meant:
        return _(
            '"{given}" không hợp lệ — có phải ý bạn là "{nearest}"? (hãy viết một trong: {choices})'
        ).format(given=given, nearest=meant[0], choices=listed)
    return _('"{given}" không hợp lệ — hãy viết một trong: {choices}').format(given=given, choices=listed)


def _pattern_hint(given: object, pattern: str) -> str:
    """Say what a key or a symbol may hold, and how ``given`` would read written that way."""
    text = str(given)
    if pattern == KEY_PATTERN:
        fixed = re.sub(r"[^a-z0-9]+", "_", _unmarked(text.replace("đ", "d").replace("Đ", "D")).lower()).strip(
            "_"
        )
        message = _('"{given}" không dùng được làm khoá — khoá chỉ gồm chữ thường không dấu, số và `_`')
    elif pattern == SYMBOL_PATTERN:
        fixed = re.sub(r"-*/-*", "/", re.sub(r"[^A-ZĐ0-9/]+", "-", _unmarked(text.upper()))).strip("-/")
        message = _('"{given}" không đúng dạng — chỉ gồm chữ in hoa, số, `-` và `/`')
    else:
        fixed = re.sub(r"[^A-ZĐ0-9]+", "-", _unmarked(text.upper())).strip("-")
        message = _('"{given}" không đúng dạng — chỉ gồm chữ in hoa, số và `-`')
    message = message.format(given=text)
    if re.fullmatch(pattern, fixed):
        message += _("; hãy viết `{fixed}`").format(fixed=fixed)
    return message


def _unmarked(text: str) -> str:
    """Drop the tone and vowel marks, keeping Đ: `Gia Đình` → `Gia Đinh`."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _unknown_field(address: Path_, version: int) -> str:
    name = str(address[-1])
    known = _known_fields(address[:-1], version)
    if version < VERSION and name in _known_fields(address[:-1], VERSION):
        return _(
            "trường `{name}` có từ mẫu phiên bản {current} — hãy sửa dòng `phien_ban: {version}` "
            "ở đầu tệp thành `phien_ban: {current}`"
        ).format(name=name, version=version, current=VERSION)
    nearest = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if nearest:
        return _('trường `{name}` không có trong mẫu — có phải ý bạn là "{nearest}"?').format(
            name=name, nearest=nearest[0]
        )
    if known:
        return _("trường `{name}` không có trong mẫu — các trường có thể dùng: {known}").format(
            name=name, known=", ".join(known)
        )
    return _("trường `{name}` không có trong mẫu").format(name=name)


def _missing(address: Path_, version: int) -> str:
    """Say that a required field is missing, and what it holds, in its own description's words."""
    model = _model_at(address[:-1], version)
    field = model.model_fields.get(str(address[-1])) if model is not None else None
    described = _(field.description) if field is not None and field.description else ""
    if not described:
        return _("thiếu trường bắt buộc này")
    described = described.removesuffix(".")
    if not described.split()[0].isupper():  # "Năm tổng kết" reads on as "năm tổng kết"; "TM." stays
        described = described[:1].lower() + described[1:]
    return _("thiếu trường bắt buộc này — {description}").format(description=described)


def _known_fields(address: Path_, version: int) -> list[str]:
    """The field names the model of ``version`` allows at ``address``."""
    model = _model_at(address, version)
    return list(model.model_fields) if model is not None else []


def _model_at(address: Path_, version: int) -> type[BaseModel] | None:
    """The model of the value at ``address`` in ``version``, or None when it is not a model."""
    model: type[BaseModel] | None = MODELS[version]
    for part in address:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if model is not None else None
        if field is None:  # inside a dict of user keys: step to the dict's value type
            continue
        model = model_in(field.annotation)
    return model


@dataclass(frozen=True)
class _Keys:
    """The keys a ``{key}`` may name, and what each names."""

    groups: set[str]
    indicators: dict[str, dict[str, Any]]
    """Each indicator's raw fields, by key."""
    targets: set[str]
    """Next year's targets."""

    @property
    def all(self) -> set[str]:
        return self.groups | set(self.indicators) | self.targets


def _cross_check(document: Document, version: int, *, check_placeholders: bool = True) -> Iterator[Problem]:
    """Find what may be typed correctly but cannot be right; skip what the schema refuses."""
    raw: dict[str, Any] = document.data
    groups = _as_dict(raw.get("chi_tieu"))
    keys = _Keys(set(groups), {}, set())
    seen: set[str] = set(groups)
    listed: list[Path_] = [
        ("chi_tieu", group_key, "danh_sach", key)
        for group_key, group in groups.items()
        for key in _as_dict(_as_dict(group).get("danh_sach"))
    ]
    listed += [("chi_tieu_nam_sau", key) for key in _as_dict(raw.get("chi_tieu_nam_sau"))]
    for address in listed:
        key = str(address[-1])
        if key in seen:
            yield Problem(
                document.locate(address, key=True),
                _("khoá `{key}` đã dùng cho một chỉ tiêu hoặc nhóm khác — mỗi khoá chỉ dùng một lần").format(
                    key=key
                ),
                field_name(address),
            )
        seen.add(key)
        if address[0] == "chi_tieu":
            group = _as_dict(groups[str(address[1])])
            keys.indicators.setdefault(key, _as_dict(_as_dict(group.get("danh_sach")).get(key)))
        else:
            keys.targets.add(key)
    if check_placeholders:
        texts = [text for part in _FILLED for text in noi_dung.raw_texts(raw.get(str(part[0])), part)]
        meeting = _as_dict(raw.get("hoi_nghi"))
        if isinstance(meeting.get("dai_dien_cho"), str):
            texts.append((("hoi_nghi", "dai_dien_cho"), meeting["dai_dien_cho"]))
        yield from _check_placeholders(document, texts, keys, version)
    yield from _check_photos(document)


def _check_photos(document: Document) -> Iterator[Problem]:
    """Refuse a photo outside the input's folder, or one that is not a photo file at all."""
    listed = document.data.get("anh")
    for index, photo in enumerate(listed if isinstance(listed, list) else []):
        name = _as_dict(photo).get("tep")
        refused = photos.refusal(document.path.parent, name.strip()) if isinstance(name, str) else None
        if refused is not None:
            address: Path_ = ("anh", index, "tep")
            yield Problem(document.locate(address), refused, field_name(address))


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


_FILLED: tuple[Path_, ...] = (("loi_mo_dau",), ("ket_qua",), ("han_che",), ("phuong_huong",))
"""The parts whose texts may name indicators: ``{key}``."""


def _check_placeholders(
    document: Document, texts: list[tuple[Path_, str]], keys: _Keys, version: int
) -> Iterator[Problem]:
    for address, text in texts:
        for match in PLACEHOLDER.finditer(text):
            key, form = match["key"], match["form"] or ""
            wrong = _wrong_form(match[0], key, form, keys, version)
            if wrong:
                yield Problem(document.locate(address), wrong, field_name(address))
            if key in keys.all:
                continue
            nearest = difflib.get_close_matches(key, sorted(keys.all), n=1)
            if nearest:
                message = _(
                    "`{placeholder}` không phải khoá của chỉ tiêu hay nhóm nào — "
                    'có phải ý bạn là "{nearest}"?'
                ).format(placeholder=f"{{{key}}}", nearest=f"{{{nearest[0]}}}")
            else:
                message = _("`{placeholder}` không phải khoá của chỉ tiêu hay nhóm nào").format(
                    placeholder=f"{{{key}}}"
                )
            yield Problem(document.locate(address), message, field_name(address))


def _wrong_form(placeholder: str, key: str, form: str, keys: _Keys, version: int) -> str:
    """What is wrong with the form of a reference, or nothing."""
    forms = PLACEHOLDER_FORMS[version]
    if form not in forms:
        return _("`{placeholder}` không có dạng `:{form}` — hãy viết {forms}").format(
            placeholder=placeholder, form=form, forms=_forms_of(key, forms)
        )
    if key in keys.targets and form not in ("", "so"):
        return _("`{placeholder}` là chỉ tiêu năm sau, chỉ có dạng {forms}").format(
            placeholder=placeholder, forms=_forms_of(key, ("", "so"))
        )
    if form == "trong_do" and key in keys.indicators and not _as_dict(keys.indicators[key].get("trong_do")):
        return _("`{placeholder}`: chỉ tiêu `{key}` chưa có các phần `trong_do`").format(
            placeholder=placeholder, key=key
        )
    return ""


def _forms_of(key: str, forms: tuple[str, ...]) -> str:
    """List every form of the placeholder for ``key``, as the user types it, joined by "hoặc"."""
    written = [f"`{{{key}{':' if form else ''}{form}}}`" for form in forms]
    return _("{first} hoặc {last}").format(first=", ".join(written[:-1]), last=written[-1])


@dataclass(frozen=True)
class Checked:
    """An input file that passed validation, with the warnings it deserves."""

    document: Document
    data: YearEnd
    """The file in the current version's model."""
    warnings: list[Problem]
    version: int = VERSION
    """The version the file is written in."""


def upgrade_notice(checked: Checked) -> Problem | None:
    """Say that a file is written in an older version, which still builds as it did, and how to move it on."""
    if checked.version >= VERSION:
        return None
    older = v1.YearEnd.model_validate(checked.document.data)
    stated = isinstance(checked.document.data, dict) and "phien_ban" in checked.document.data
    message = _(
        "lưu ý: tệp viết theo mẫu phiên bản {version}, reportgen vẫn đọc và làm như cũ; "
        "để chuyển sang mẫu phiên bản {current}: {steps}"
    ).format(
        version=checked.version, current=VERSION, steps="; ".join(v1.upgrade_steps(older, stated=stated))
    )
    if not stated:
        return Problem(Location(checked.document.path), message)
    return Problem(checked.document.locate(("phien_ban",)), message, "phien_ban")


def check_document(document: Document) -> Checked:
    """Validate and review a loaded input file: its errors, and the warnings it deserves.

    Raises:
        ReportgenError: with every error found, and the file's warnings beside them.
    """
    warnings = plausibility.review(document)
    problems = list(document.problems)
    data = None
    try:
        data = validate(document)
    except ReportgenError as error:
        problems += error.problems
    if problems or data is None:
        raise ReportgenError([*problems, *warnings])
    return Checked(document, data, warnings, version_of(document.data))
