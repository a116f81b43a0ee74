"""``reportgen init``: a year-end file to start from, every field explained in a comment.

The skeleton is written from the schema itself, field by field in the model's order, each
under its docstring (the text ``reportgen schema`` gives an editor), so a field added to the
format is explained here without anyone remembering to. The example values come from
:func:`reportgen.examples.example`, in the words of the unit's kind; the optional parts are
written commented out, to be switched on by deleting the ``# `` at the start of their lines. The
file builds as written, without a warning.

PyYAML can write YAML but not comments, so the lines are put together here; each scalar is
checked to read back as itself, and quoted when it would not.
"""

from __future__ import annotations

import datetime
import inspect
import json
import re
import textwrap
import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from reportgen import atomic, json_schema
from reportgen.errors import Location, ReportgenError
from reportgen.examples import DEFAULT_ORGANISATION, NOTHING, Brief, Off, example
from reportgen.i18n import _
from reportgen.schema import YearEnd, model_in, models_in

WIDTH = 96
"""Comments and long texts are wrapped to this many columns."""
_UNBROKEN = "\x00"  # stands for a space that wrapping must not break at
__all__ = ["DEFAULT_ORGANISATION", "Brief", "Off", "create", "default_year", "example", "text"]


def default_year(today: datetime.date) -> int:
    """The year a secretary is most likely reporting on: this one from July, else the last.

    >>> default_year(datetime.date(2025, 1, 10)), default_year(datetime.date(2024, 11, 20))
    (2024, 2024)
    """
    return today.year if today.month >= 7 else today.year - 1


def document_examples(values: dict[str, Any], year: int) -> dict[str, Any]:
    """Add to a new file's example values those of the document's other parts, all switched off.

    The period, the report's preamble and headings, a numbered point with a sub-point, dashed
    items and a table, and a guest named by post only: each shown, commented out, where it goes.
    """
    added = dict(values)
    added["ky_bao_cao"] = Off(
        {
            "loai": "nhiem_ky",
            "tu_nam": str(year - 4),
            "den_nam": str(year + 1),
            "so_voi_nam": str(year - 4),
            "nam_thanh_lap": str(year - 19),
        }
    )
    added["loi_mo_dau"] = Off(
        [
            f"Thực hiện Chương trình công tác năm {year}, Ban Thường vụ báo cáo kết quả công tác "
            f"năm {year} như sau:"
        ]
    )
    added["ket_qua"] = [
        *values.get("ket_qua", []),
        Off(
            {
                "muc": "Công tác tuyên truyền",
                "noi_dung": [
                    "Các cấp Hội tổ chức nhiều hình thức tuyên truyền phù hợp.",
                    {
                        "diem": "Tuyên truyền trên mạng xã hội",
                        "noi_dung": [{"y": ["Mỗi chi hội có một nhóm Zalo."]}],
                    },
                ],
                "bang": [next(iter(values.get("chi_tieu", {})), "to_chuc_hoi")],
            }
        ),
    ]
    added["tieu_de_muc"] = Off(
        {
            "ket_qua": "Kết quả hoạt động",
            "danh_gia": "Đánh giá chung",
            "khen_thuong": "Công tác thi đua, khen thưởng",
            "han_che": "Tồn tại, hạn chế",
            "phuong_huong": f"Phương hướng, nhiệm vụ năm {year + 1}",
        }
    )
    return added


def text(organisation: str = DEFAULT_ORGANISATION, year: int = 2024, name: str = "so-lieu.yaml") -> str:
    """The skeleton of a year-end file, comments in the active language; ``name`` is the file's."""
    header = [
        f"# yaml-language-server: $schema={json_schema.FILE_NAME}",
        "#",
        *_comment(
            _("Số liệu tổng kết năm {year} của {organisation}, để reportgen làm tin bài và báo cáo.").format(
                year=year, organisation=organisation
            ),
            0,
        ),
        *_comment(
            _(
                "Thay các giá trị mẫu sau dấu hai chấm bằng số liệu của hội; giữ nguyên tên trường bên trái "
                "dấu hai chấm và cách thụt lề bằng dấu cách. Dòng bắt đầu bằng # là chú thích. Phần không "
                'bắt buộc để sẵn trong chú thích: muốn dùng thì xoá "# " ở đầu các dòng của phần đó.'
            ),
            0,
        ),
        *_comment(
            _("Số viết kiểu Việt Nam: 63.979 (dấu chấm tách hàng nghìn), 319,7 (dấu phẩy thập phân)."), 0
        ),
        *_comment(
            _(
                "Số liệu in ra đúng như gõ, ở mọi chỗ: `8,65 tỷ` in `8,65 tỷ đồng`, `1250tr` in "
                "`1.250 triệu đồng`, `08` giữ số 0; số gần đúng viết chữ đứng trước: `hơn 196.000`. "
                "Số reportgen tính (tăng, giảm, cộng) viết theo đơn vị của số đã gõ; muốn đổi đơn vị "
                "thì dùng `hien_thi`."
            ),
            0,
        ),
        *_comment(
            _("Kiểm tra: reportgen validate {name} — làm tin bài và báo cáo: reportgen build {name}").format(
                name=name
            ),
            0,
        ),
    ]
    lines = _model(YearEnd, document_examples(example(organisation, year), year), 0, describe=True)
    return "\n".join([*header, "", *lines]) + "\n"


def _comment(said: str, indent: int) -> list[str]:
    """Wrap ``said`` into comment lines, never inside a `quoted example`."""
    prefix = " " * indent + "# "
    kept = re.sub(r"`[^`]*`", lambda match: match[0].replace(" ", _UNBROKEN), " ".join(said.split()))
    lines = textwrap.wrap(
        kept,
        WIDTH,
        initial_indent=prefix,
        subsequent_indent=prefix,
        break_long_words=False,
        break_on_hyphens=False,  # file names and `{keys}` stay whole
    )
    return [line.replace(_UNBROKEN, " ") for line in lines]


def _model(model: type[BaseModel], values: dict[str, Any], indent: int, *, describe: bool) -> list[str]:
    lines: list[str] = []
    for name, field in model.model_fields.items():
        value = values.get(name)
        if value is None and not describe:
            continue  # explained and shown on the first entry already
        off = isinstance(value, Off) or value is None
        value = value.value if isinstance(value, Off) else value
        if describe and field.description:
            if indent == 0 and lines:
                lines.append("")  # a blank line between top-level sections
            lines += _comment(_(field.description), indent)
        if value is None:
            value = field.default if isinstance(field.default, str | int) else ""
        block = _field(name, field.annotation, value, indent, describe=describe)
        if off:  # the whole block is commented out at its own indentation
            block = [line[:indent] + "# " + line[indent:] for line in block]
        lines += block
    return lines


def _field(name: str, annotation: Any, value: Any, indent: int, *, describe: bool) -> list[str]:
    pad = " " * indent
    item = model_in(annotation)
    if isinstance(value, Brief):
        value, describe = value.value, False
    if isinstance(value, dict) and item is not None and not _is_dict(annotation):
        return [f"{pad}{name}:", *_model(item, value, indent + 2, describe=describe)]
    if isinstance(value, dict) and item is None:  # user keys, each holding a value
        return [
            f"{pad}{name}:",
            *(line for key, entry in value.items() for line in _scalar(f"{key}:", entry, indent + 2)),
        ]
    if isinstance(value, dict) and item is not None:  # user keys, each holding a model
        lines = [f"{pad}{name}:"]
        for number, (key, entry) in enumerate(value.items()):
            first = describe and number == 0
            if first and item.__doc__:
                lines += _comment(_(inspect.cleandoc(item.__doc__)), indent + 2)
            lines += [f"{pad}  {key}:", *_model(item, entry, indent + 4, describe=first)]
        return lines
    if isinstance(value, list):
        lines = [f"{pad}{name}:"]
        explained: set[Any] = set()
        for entry in value:
            off = isinstance(entry, Off)  # an optional kind of entry, shown commented out
            entry = entry.value if off else entry
            if isinstance(entry, dict):
                model = _model_for(annotation, entry)
                body = _model(model, entry, indent + 4, describe=describe and model not in explained)
                explained.add(model)
                block = [f"{pad}  - {body[0].lstrip()}", *body[1:]]
            else:
                block = _scalar("-", str(entry), indent + 2)
            lines += [line[: indent + 2] + "# " + line[indent + 2 :] for line in block] if off else block
        return lines
    return _scalar(f"{name}:", str(value), indent)


def _scalar(lead: str, value: str, indent: int) -> list[str]:
    """Write ``lead value``, folding a long text, quoting a value YAML would read otherwise."""
    pad = " " * indent
    if value == NOTHING:
        return [f'{pad}{lead} ""']
    if not value:
        return [f"{pad}{lead}"]
    if len(pad) + len(lead) + 1 + len(value) > WIDTH and "\n" not in value:
        wrapped = textwrap.wrap(value, WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False)
        return [f"{pad}{lead} >-", *(f"{pad}  {line}" for line in wrapped)]
    return [f"{pad}{lead} {_plain_or_quoted(value)}".rstrip()]


def _plain_or_quoted(value: str) -> str:
    try:
        node = yaml.compose(f"k: {value}")
    except yaml.YAMLError:
        node = None
    kept = (
        node is not None and isinstance(node.value[0][1], yaml.ScalarNode) and node.value[0][1].value == value
    )
    return value if kept else json.dumps(value, ensure_ascii=False)


def _model_for(annotation: Any, entry: dict[str, Any]) -> Any:
    """The model of a list's entry: among those the list may hold, the one with all of the entry's keys."""
    found = models_in(annotation)
    return next((model for model in found if set(entry) <= set(model.model_fields)), model_in(annotation))


def _is_dict(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_is_dict(argument) for argument in typing.get_args(annotation))
    return origin is dict


def create(path: Path, *, organisation: str | None = None, year: int, force: bool = False) -> list[Path]:
    """Write a new year-end file at ``path``, and the JSON Schema beside it; return what was written.

    The schema is written when it is not there yet (or with ``force``), so an editor that reads
    the file's ``yaml-language-server`` line finds it.

    Raises:
        ReportgenError: ``path`` exists and ``force`` is not given, or it cannot be written.
    """
    if path.exists() and not force:
        raise ReportgenError.at(
            Location(path),
            _("tệp đã có — reportgen không ghi đè: hãy chọn tên khác, hoặc thêm --force để ghi đè"),
        )
    content = text(organisation or DEFAULT_ORGANISATION, year, path.name)
    written = [path]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write(path, content)
    except OSError as error:
        raise ReportgenError.at(Location(path), _("không ghi được: {error}").format(error=error)) from None
    schema = path.parent / json_schema.FILE_NAME
    if force or not schema.exists():
        json_schema.write(schema)
        written.append(schema)
    return written
