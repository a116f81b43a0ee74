"""The input format as a JSON Schema, for editors that check YAML while it is typed.

pydantic writes the schema from :mod:`reportgen.schema`; the field docstrings become its
descriptions, translated into the active language. Two adjustments make it tell the truth
about what reportgen accepts: every figure and date is read as text the Vietnamese way
(``63.979``, ``319,7 triệu``, ``20/01/2021``), which an editor's YAML parser would see as a
float, a string and a string, so those values are described as such; and the automatic
titles (``Ten Viet Tat``) are dropped, so an editor's hover shows the description alone.

The schema describes the current version, whose fields include every field of version 1; a
file that says ``phien_ban: 1`` (or says no version) is also told that the fields version 1
does not have are not for it (``if``/``then``), so an editor flags them there and nothing else
twice.
"""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from reportgen import atomic
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import N_, _
from reportgen.schema import model_in, v1, v2

FILE_NAME = "reportgen.schema.json"
"""The name ``reportgen init`` gives the schema beside the files it creates."""
DRAFT = "https://json-schema.org/draft/2020-12/schema"

_DATE_PATTERN = r"^\s*(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*$"
_TIME_PATTERN = r"^\s*\d{1,2}\s*(:|h|H|g|G|giờ)\s*(\d{1,2}\s*(phút|p)?)?\s*$"


class _VietnameseValues(GenerateJsonSchema):
    """Describe figures and dates as the text a secretary types, not as Python sees them."""

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
        return {"type": ["number", "string"], "examples": [63979, "63.979", "319,7 triệu"]}

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return {"type": "string", "pattern": _DATE_PATTERN, "examples": ["20/01/2021", "2021-01-20"]}

    def time_schema(self, schema: core_schema.TimeSchema) -> JsonSchemaValue:
        return {"type": "string", "pattern": _TIME_PATTERN, "examples": ["15:30", "8h05"]}

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        # A part that may be left out (a conference) is left out by not writing it: an editor
        # checks it, when written, as the part itself, and points at the field inside it that is
        # wrong rather than at the whole part. Values that may be empty stay as they were.
        if schema["schema"]["type"] == "model":
            return self.generate_inner(schema["schema"])
        return super().nullable_schema(schema)


_WRITTEN_FOR_VERSION_1 = {
    "anyOf": [
        {"not": {"required": ["phien_ban"]}},
        {"properties": {"phien_ban": {"enum": [v1.VERSION, str(v1.VERSION)]}}, "required": ["phien_ban"]},
    ]
}


_NOT_IN_VERSION_1 = {
    "not": {},
    # yaml-language-server shows this message instead of its own "not allowed".
    "errorMessage": N_("trường này có từ mẫu phiên bản 2 — hãy sửa dòng `phien_ban: 1` thành `phien_ban: 2`"),
}


def schema() -> dict[str, Any]:
    """The JSON Schema of a year-end file, its descriptions in the active language."""
    generated = v2.YearEnd.model_json_schema(schema_generator=_VietnameseValues)
    generated["if"] = _WRITTEN_FOR_VERSION_1
    generated["then"] = _newer_fields(v2.YearEnd, v1.YearEnd)
    result: dict[str, Any] = {"$schema": DRAFT, **_translated(generated)}
    result["title"] = _("Tệp số liệu tổng kết năm (reportgen)")
    return result


def _newer_fields(current: type[BaseModel], older: type[BaseModel]) -> dict[str, Any]:
    """Refuse, at every level, the fields ``current`` has and ``older`` has not.

    >>> _newer_fields(v2.YearEnd, v1.YearEnd)["properties"]["hien_thi"]["not"]
    {}
    """
    properties: dict[str, Any] = {}
    for name, field in current.model_fields.items():
        if name not in older.model_fields:
            properties[name] = _NOT_IN_VERSION_1
            continue
        inner, kept = model_in(field.annotation), model_in(older.model_fields[name].annotation)
        if inner is None or kept is None or inner is kept:
            continue
        refused = _newer_fields(inner, kept)
        if refused["properties"]:
            properties[name] = _where(field.annotation, refused)
    return {"properties": properties}


def _where(annotation: Any, refused: dict[str, Any]) -> dict[str, Any]:
    """Put ``refused`` where the model sits in ``annotation``: a dict's values, a list's items."""
    origin = typing.get_origin(annotation)
    if origin is dict:
        return {"additionalProperties": _where(typing.get_args(annotation)[1], refused)}
    if origin is list:
        return {"items": _where(typing.get_args(annotation)[0], refused)}
    return refused


def model_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of one version's model alone, its descriptions in the active language.

    The documentation's field reference is written from it, one version at a time.
    """
    return dict(_translated(model.model_json_schema(schema_generator=_VietnameseValues)))


def _translated(node: Any) -> Any:
    if isinstance(node, list):
        return [_translated(item) for item in node]
    if not isinstance(node, dict):
        return node
    result: dict[str, Any] = {}
    for key, value in node.items():
        if key == "title" and isinstance(value, str):
            continue
        if key in {"description", "errorMessage"} and isinstance(value, str):
            result[key] = _(value)
        elif key in {"properties", "patternProperties", "$defs"}:
            result[key] = {name: _translated(item) for name, item in value.items()}  # names, not keywords
        else:
            result[key] = _translated(value)
    if "patternProperties" in result:
        result.setdefault("additionalProperties", False)  # a key of the wrong shape is a mistake
    return result


def dumps() -> str:
    """The schema as JSON text, ending with a newline."""
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"


def write(path: Path) -> None:
    """Write the schema to ``path``, replacing it whole or not at all.

    Raises:
        ReportgenError: the file cannot be written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write(path, dumps())
    except OSError as error:
        raise ReportgenError.at(Location(path), _("không ghi được: {error}").format(error=error)) from None
