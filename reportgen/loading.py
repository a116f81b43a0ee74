"""Stage 1, loading: a YAML file becomes plain data that remembers where each value stood.

Every scalar stays text. YAML's own typing would read ``63.979`` as a float and ``no`` as
False; here the schema decides what a value means, the Vietnamese way. The loader only
composes the YAML node graph (PyYAML's composer keeps line and column marks) and walks it,
refusing what a hand-written year-end file never needs: duplicate keys, anchors and aliases,
tags, deep nesting, and files far larger than any year-end file (a cap checked before parsing,
so no input can make the build slow or greedy).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

from reportgen import files
from reportgen.errors import Location, Problem, ReportgenError
from reportgen.i18n import N_, _
from reportgen.vi import legacy

Path_ = tuple[str | int, ...]
"""A value's address in the document: mapping keys and list indexes from the root."""

_NULL_TAG = "tag:yaml.org,2002:null"

MAX_BYTES = 1024 * 1024
"""The largest input file read: a year-end file is a few kilobytes; PyYAML needs a minute and
gigabytes for 50 MB."""

MAX_DEPTH = 32
"""The deepest nesting of lists and mappings; a year-end file needs four levels."""

try:  # libyaml's composer is several times faster; the pure-Python one behaves the same.
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


@dataclass
class Document:
    """The data of one input file, with the position of every value and key."""

    path: Path
    data: Any
    values: dict[Path_, Location] = field(default_factory=dict)
    keys: dict[Path_, Location] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    """What was refused but did not stop the loading (duplicate keys, anchors), with ``keep_going``."""

    def locate(self, address: Path_, *, key: bool = False) -> Location:
        """Return where ``address`` stands, or its nearest enclosing value that exists.

        With ``key``, prefer the position of the mapping key (for "unknown field" errors).
        """
        for end in range(len(address), -1, -1):
            prefix = address[:end]
            if key and prefix in self.keys:
                return self.keys[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return Location(self.path)


def is_input(path: Path) -> bool:
    """Whether a file of a folder of inputs is one: a ``*.yaml`` or ``*.yml`` whose name is not hidden.

    Hidden names are left out: editors keep lock files such as ``.#so-lieu.yaml`` beside the
    file being edited, and reportgen names its own files in an output folder that way.

    >>> [is_input(Path(name)) for name in ("a.yaml", "b.yml", ".#a.yaml", "a.yaml~", "a.json")]
    [True, True, False, False, False]
    """
    return path.suffix in {".yaml", ".yml"} and not path.name.startswith(".")


def inputs_in(folder: Path) -> list[Path]:
    """The input files directly in ``folder`` (see :func:`is_input`), in name order."""
    return sorted(path for path in [*folder.glob("*.yaml"), *folder.glob("*.yml")] if is_input(path))


def load(path: Path, *, keep_going: bool = False) -> Document:
    """Read a YAML input file into a :class:`Document`.

    With ``keep_going``, a duplicate key (the first one is kept) or an anchor does not stop the
    loading: it is left in :attr:`Document.problems`, to be reported with what validation finds.

    Raises:
        ReportgenError: the file cannot be read, is not UTF-8, is not valid YAML, or (without
            ``keep_going``) uses duplicate keys, anchors or aliases.
    """
    try:
        # Never the whole of a huge file, and never a device or a FIFO: see reportgen.files.
        raw = files.read_bytes(path, MAX_BYTES)
    except files.TooLarge:
        raise ReportgenError.at(
            Location(path),
            _(
                "tệp quá lớn (hơn {size} KB) — tệp số liệu một năm chỉ vài KB; hãy kiểm tra lại "
                "đã chọn đúng tệp chưa"
            ).format(size=MAX_BYTES // 1024),
        ) from None
    except files.NotRegular as error:
        raise ReportgenError.at(
            Location(path),
            _("không đọc: đây là {kind}, không phải tệp số liệu — hãy đưa một tệp .yaml").format(
                kind=error.kind
            ),
        ) from None
    except OSError as error:
        raise ReportgenError.at(
            Location(path), _("không đọc được tệp ({reason})").format(reason=error.strerror or error)
        ) from None
    return loads(_decode(raw, path), path, keep_going=keep_going)


def loads(text: str, path: Path, *, keep_going: bool = False) -> Document:
    r"""Parse YAML ``text`` as if read from ``path`` (which is only used in messages).

    >>> doc = loads("nam: 2020\nso: 63.979\n", Path("x.yaml"))
    >>> doc.data
    {'nam': '2020', 'so': '63.979'}
    >>> str(doc.locate(("so",)))
    'x.yaml:2:5'
    """
    # Text pasted from Word is sometimes decomposed (NFD) and would then fail to match keys.
    text = unicodedata.normalize("NFC", text)
    try:
        # The parser's events come first: they stream, so nesting and aliases are refused
        # before the composer (which recurses) or the walker (which would expand them) runs.
        anchors = _scan(text, path)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise ReportgenError([_syntax_problem(path, error, text)]) from None
    except yaml.YAMLError as error:  # pragma: no cover - every parser error carries a mark
        raise ReportgenError.at(Location(path), _("YAML không hợp lệ: {error}").format(error=error)) from None
    document = Document(path, None)
    if root is None:
        raise ReportgenError.at(Location(path, 1, 1), _("tệp trống: chưa có nội dung nào"))
    walker = _Walker(document)
    document.data = walker.walk(root, ())
    document.problems = sorted([*anchors, *walker.problems], key=lambda problem: problem.location)
    if document.problems and not keep_going:
        raise ReportgenError(document.problems)
    if not isinstance(document.data, dict):
        raise ReportgenError.at(
            document.locate(()), _("tệp phải là các dòng dạng `tên_trường: giá trị` ở cấp ngoài cùng")
        )
    return document


def _scan(text: str, path: Path) -> list[Problem]:
    """Read the parser's events: refuse nesting past :data:`MAX_DEPTH` and tags at once; list anchors.

    The composed graph keeps no trace of where an alias was written, only of its anchor: the
    events have both, so they point at every `&` and `*`.

    Raises:
        ReportgenError: the nesting is too deep, or a value carries a tag.
        yaml.MarkedYAMLError: the text is not valid YAML.
    """
    anchors, depth = [], 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            anchors.append(Problem(_mark(path, event.start_mark), _(_ANCHOR_MESSAGE)))
        tag = getattr(event, "tag", None)
        if tag is not None and not _implicit(event):
            raise ReportgenError.at(
                _mark(path, event.start_mark),
                _("không dùng thẻ YAML (`{tag}`) — hãy xoá thẻ, chỉ để lại giá trị").format(
                    tag=str(tag).replace("tag:yaml.org,2002:", "!!")
                ),
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise ReportgenError.at(
                    _mark(path, event.start_mark), _(_DEPTH_MESSAGE).format(depth=MAX_DEPTH)
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return anchors


def _implicit(event: yaml.Event) -> bool:
    """Whether the tag of ``event`` was left to YAML (a plain value), not written as `!…`."""
    implicit = getattr(event, "implicit", False)
    return bool(implicit[0] if isinstance(implicit, tuple) else implicit)


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:2].count(b"\0") == 1:
        raise ReportgenError.at(
            Location(path, 1, 1),
            _(
                "tệp được lưu bằng mã UTF-16 (Unicode của Notepad cũ) — mở tệp, chọn Lưu thành "
                "(Save As), mục Mã hoá (Encoding) chọn UTF-8 rồi lưu lại"
            ),
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ReportgenError.at(Location(path, line, 1), not_utf8_message(raw)) from None


def not_utf8_message(raw: bytes) -> str:
    """Say that a file is not UTF-8, which legacy encoding it seems to be in, and how to convert.

    >>> message = not_utf8_message("Héi CCB tØnh".encode("latin-1"))
    >>> message.startswith("tệp không phải mã Unicode UTF-8 mà có vẻ là bảng mã cũ TCVN3 (ABC)")
    True
    """
    encoding = legacy.guess(raw)
    if encoding is None:
        return _(
            "tệp không phải mã Unicode UTF-8 — mở tệp bằng trình soạn thảo và lưu lại với mã UTF-8 "
            "(nếu là mã cũ TCVN3, VNI hay Windows-1258 thì chuyển bằng Công cụ chuyển mã của Unikey)"
        )
    name = legacy.NAMES[encoding]
    return _(
        "tệp không phải mã Unicode UTF-8 mà có vẻ là bảng mã cũ {name} — mở Unikey, chọn Công cụ "
        "chuyển mã, Nguồn: {name}, Đích: Unicode, chuyển tệp rồi lưu lại với mã UTF-8"
    ).format(name=name)


def _pasted_message(text: str, encoding: str) -> str:
    """Say that ``text`` was pasted from a legacy-encoded document, and how to convert it."""
    shown = text if len(text) <= 30 else text[:30] + "…"
    return _(
        'chữ "{text}" có vẻ dán từ văn bản mã cũ {name} — mở Unikey, chọn Công cụ chuyển mã, '
        "Nguồn: {name}, Đích: Unicode, chuyển đoạn chữ gốc rồi dán lại (hoặc gõ lại bằng Unicode)"
    ).format(text=shown, name=legacy.NAMES[encoding])


class _Mark(Protocol):
    """A parser position: PyYAML's ``Mark`` or libyaml's, which the stubs type apart."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


def _mark(path: Path, mark: _Mark | None) -> Location:
    if mark is None:  # pragma: no cover - composed nodes always carry marks
        return Location(path)
    return Location(path, mark.line + 1, mark.column + 1)


_TAB_HINT = N_("có ký tự Tab — YAML chỉ thụt lề bằng dấu cách, hãy thay Tab bằng dấu cách")
_COLON_HINT = N_("dấu `:` không đúng chỗ — nếu giá trị có dấu hai chấm, hãy đặt nó trong ngoặc kép")
_DEPTH_MESSAGE = N_("lồng quá sâu (hơn {depth} cấp) — tệp số liệu chỉ cần vài cấp thụt lề")
_ANCHOR_MESSAGE = N_("không dùng neo và bí danh (&, *) — hãy viết lại giá trị đầy đủ")
_INDENT_HINT = N_(
    "thụt lề không khớp với các dòng trên — các trường cùng cấp phải thẳng hàng, trường con thụt "
    "vào hai dấu cách so với trường cha, mỗi mục danh sách bắt đầu bằng `- `"
)
_QUOTE_HINT = N_('ngoặc kép mở ở đây chưa được đóng — hãy thêm dấu `"` ở cuối giá trị')
_NO_COLON_HINT = N_("dòng này thiếu dấu `:` sau tên trường — hãy viết `tên_trường: giá trị`")
_START_HINT = N_('giá trị không được bắt đầu bằng ký tự "{character}" — hãy đặt cả giá trị trong ngoặc kép')

# A value that starts with `{` or `[` is read by YAML as a list or mapping written on one line.
_FLOW_VALUE = re.compile(r"^\s*(?:-\s+)?(?:[^\s:#][^:#]*:\s+)?(?P<start>[{\[])")


def _syntax_problem(path: Path, error: yaml.MarkedYAMLError, text: str) -> Problem:
    # libyaml and the pure-Python parser word their errors differently ("found character
    # that cannot start any token" never names the Tab in libyaml), so the character at the
    # mark decides first; the wording, libyaml's, only chooses among the other hints.
    mark = error.problem_mark or error.context_mark
    opened = error.context_mark or mark
    problem, context = error.problem or "", error.context or ""
    line = _line_at(text, mark.line) if mark is not None else ""
    column = mark.column if mark is not None else 0
    # A value that opened a flow collection is on the line of the mark, or where parsing began.
    flow_lines = [
        at.line for at in (mark, opened) if at is not None and _FLOW_VALUE.match(_line_at(text, at.line))
    ]
    flow = _FLOW_VALUE.match(_line_at(text, flow_lines[0])) if flow_lines else None
    if line[column : column + 1] == "\t":
        hint = _(_TAB_HINT)
    elif problem.startswith("exceeded maximum nesting depth"):  # libyaml's own cap, past ours
        hint = _(_DEPTH_MESSAGE).format(depth=MAX_DEPTH)
    elif problem.startswith("found undefined alias"):
        hint = _(_ANCHOR_MESSAGE)
    elif "end of stream" in problem and "quoted scalar" in context:
        hint, mark = _(_QUOTE_HINT), opened
    elif problem.startswith("could not find expected ':'"):
        hint, mark = _(_NO_COLON_HINT), opened
    elif problem.startswith("found character that cannot start any token"):
        hint = _(_START_HINT).format(character=line[column : column + 1])
    elif flow is not None and ("flow" in context or problem.startswith("did not find expected key")):
        hint = _(_START_HINT).format(character=flow["start"])
        return Problem(Location(path, flow_lines[0] + 1, flow.start("start") + 1), hint)
    elif problem.startswith("mapping values are not allowed"):
        # The first colon of a line is its key's: a key where none can stand is misindented.
        hint = _(_COLON_HINT) if ":" in line[:column] else _(_INDENT_HINT)
    elif problem.startswith(
        ("did not find expected key", "did not find expected '-'", "expected <block end>")
    ):
        hint = _(_INDENT_HINT)
    else:
        hint = _("lỗi cú pháp YAML ({problem})").format(problem=problem or _("lỗi cú pháp"))
    return Problem(_mark(path, mark), hint)


def _line_at(text: str, line: int) -> str:
    lines = text.split("\n")  # YAML's own line breaks, not every one str.splitlines knows
    return lines[line] if line < len(lines) else ""


class _Walker:
    """Turns composed nodes into dicts, lists, text and None, recording positions.

    Problems with keys are collected in :attr:`problems`, so every one is reported at once.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[Problem] = []
        # An alias is the very node of its anchor: walked once only, so that a few hundred
        # bytes of nested aliases (an "alias bomb") cannot expand into gigabytes.
        self._seen: set[int] = set()

    def walk(self, node: yaml.Node, address: Path_) -> Any:
        location = _mark(self.document.path, node.start_mark)
        self.document.values[address] = location
        if id(node) in self._seen:
            return None
        self._seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, address)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*address, i)) for i, item in enumerate(node.value)]
        if node.tag == _NULL_TAG:
            return None
        encoding = legacy.pasted(node.value)
        if encoding is not None:
            self.problems.append(Problem(location, _pasted_message(node.value, encoding)))
        return str(node.value)

    def _mapping(self, node: yaml.MappingNode, address: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_location = _mark(self.document.path, key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(key_location, _("tên trường phải là một từ, ví dụ `nam`")))
                continue
            key = str(key_node.value)
            if key in result:
                first = self.document.keys[(*address, key)]
                self.problems.append(
                    Problem(
                        key_location,
                        _("trường `{key}` đã có ở dòng {line} — mỗi trường chỉ viết một lần").format(
                            key=key, line=first.line
                        ),
                    )
                )
                continue
            self.document.keys[(*address, key)] = key_location
            result[key] = self.walk(value_node, (*address, key))
        return result
