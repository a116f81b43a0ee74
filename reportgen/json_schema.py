"""The input format as a JSON Schema, for editors that check YAML while it is typed.

pydantic writes the schema from :mod:`reportgen.schema`; the field docstrings become its
descriptions, translated into the active language. Two adjustments make it tell the truth
about what reportgen accepts: every figure and date is read as text the Vietnamese way
(``63.979``, ``319,7 triệu``, ``20/01/2021``), which an editor's YAML parser would see as a
float, a string and a string, so those values are described as such; and the automatic
titles (``Ten Viet Tat``) are dropped, so an editor's hover shows the description alone.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _
from reportgen.schema import YearEnd

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


def schema() -> dict[str, Any]:
    """The JSON Schema of a year-end file, its descriptions in the active language."""
    generated = YearEnd.model_json_schema(schema_generator=_VietnameseValues)
    result: dict[str, Any] = {"$schema": DRAFT, **_translated(generated)}
    result["title"] = _("Tệp số liệu tổng kết năm (reportgen)")
    return result


def _translated(node: Any) -> Any:
    if isinstance(node, list):
        return [_translated(item) for item in node]
    if not isinstance(node, dict):
        return node
    result: dict[str, Any] = {}
    for key, value in node.items():
        if key == "title" and isinstance(value, str):
            continue
        if key == "description" and isinstance(value, str):
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
        handle, staged = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(dumps())
        os.replace(staged, path)
    except OSError as error:
        raise ReportgenError.at(Location(path), _("không ghi được: {error}").format(error=error)) from None
