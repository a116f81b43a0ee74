"""Stage 2, roll-up: a unit's figures added up from the files of its sub-units.

A unit lists its sub-units under ``don_vi_truc_thuoc``: files, or folders of them. Each sub-unit
is checked like any input (and may list sub-units of its own, so a province can have districts
with communes under them, or communes directly: the levels are only how deep the lists go). The
unit's indicators are then filled by key: a figure the unit leaves out is the sub-units' sum, a
figure it states must equal that sum. Percentages are never added up; the unit states its own.
A sum is a computed figure: it is written in the unit and with the decimals of the figures it
adds up (``57.600 triệu`` from figures in triệu), like every figure reportgen computes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportgen.errors import Location, Problem, ReportgenError, field_name
from reportgen.i18n import _
from reportgen.loading import Document, Path_, inputs_in, load
from reportgen.schema import ChiTieu, Loai, YearEnd
from reportgen.validation import Checked, check_document
from reportgen.vi.figures import Figure, computed, written

LIST = "don_vi_truc_thuoc"
SUMMED = ("gia_tri", "nam_truoc", "ke_hoach", "tong")
"""The figures of an indicator that add up across sub-units."""


@dataclass(frozen=True)
class SubUnit:
    """One sub-unit as the unit's annex shows it: its name and its (rolled-up) figures."""

    source: Path
    """The sub-unit's input file."""
    ten: str
    """The sub-unit's name: its `to_chuc.ten`."""
    chi_so: dict[str, ChiTieu]
    """Its indicators by key, added up from its own sub-units where it has some."""


@dataclass(frozen=True)
class Rolled:
    """An input checked, with its figures added up from its sub-units (none for most units)."""

    checked: Checked
    sub_units: list[SubUnit] = field(default_factory=list)
    read: list[Path] = field(default_factory=list)
    """Every file and folder the figures came from, the input's own file first."""

    @property
    def data(self) -> YearEnd:
        """The unit's validated figures."""
        return self.checked.data


def check(path: Path, _within: tuple[Path, ...] = ()) -> Rolled:
    """Load, roll up, validate and review one input file.

    Raises:
        ReportgenError: with every error of the file and of its sub-units, and the file's warnings.
    """
    document = load(path, keep_going=True)
    entries = list(_entries(document))
    if not entries:
        return Rolled(check_document(document), [], [path])
    problems: list[Problem] = []
    read: list[Path] = [path]
    sub_units: list[SubUnit] = []
    here = path.resolve()
    for entry, where, files in _listed(document, entries, read, problems):
        for file in files:
            if file.resolve() in (*_within, here):
                problems.append(
                    Problem(where, _("`{entry}` lại chứa chính tệp này — hãy bỏ mục này").format(entry=entry))
                )
                continue
            try:
                rolled = check(file, (*_within, here))
            except ReportgenError as error:
                problems += error.errors
                continue
            read += rolled.read
            sub_units.append(SubUnit(file, rolled.data.to_chuc.ten, _indicators(rolled.data)))
    if problems:
        raise ReportgenError(problems)
    sums = _sums(sub_units)
    stated = _fill(document, sums)
    checked = check_document(document)
    mismatches = list(_mismatches(document, checked.data, sums, stated, entries[0][1], len(sub_units)))
    if mismatches:
        raise ReportgenError([*mismatches, *checked.warnings])
    return Rolled(checked, sub_units, read)


def _entries(document: Document) -> Iterator[tuple[str, Location]]:
    listed = document.data.get(LIST) if isinstance(document.data, dict) else None
    for index, entry in enumerate(listed if isinstance(listed, list) else []):
        if isinstance(entry, str) and entry.strip():
            yield entry.strip(), document.locate((LIST, index))


def _listed(
    document: Document, entries: list[tuple[str, Location]], read: list[Path], problems: list[Problem]
) -> Iterator[tuple[str, Location, list[Path]]]:
    """Each entry of the list, with the files it names; a folder gives its ``.yaml`` files by name."""
    for entry, where in entries:
        path = document.path.parent / entry
        if path.is_dir():
            read.append(path)
            files = inputs_in(path)
            if not files:
                problems.append(
                    Problem(where, _("thư mục `{entry}` không có tệp .yaml nào").format(entry=entry))
                )
            yield entry, where, files
        elif path.exists():  # a file, or something that is not one: loading it says which
            yield entry, where, [path]
        else:
            problems.append(
                Problem(
                    where,
                    _("không có tệp hay thư mục `{entry}` (tính từ thư mục của tệp này)").format(entry=entry),
                    field_name((LIST,)),
                )
            )


def _indicators(data: YearEnd) -> dict[str, ChiTieu]:
    return {key: indicator for group in data.chi_tieu.values() for key, indicator in group.danh_sach.items()}


def _sums(sub_units: list[SubUnit]) -> dict[str, dict[str, Figure]]:
    """Add up each indicator's figures by key; a figure some sub-unit lacks is not added up.

    >>> from reportgen.vi.typed import read
    >>> a = ChiTieu(nhan="x", loai="tien", gia_tri="2 tỷ", nam_truoc="1 tỷ")
    >>> b = ChiTieu(nhan="x", loai="tien", gia_tri="300 triệu")
    >>> sums = _sums([SubUnit(Path("a"), "A", {"x": a}), SubUnit(Path("b"), "B", {"x": b})])
    >>> {key: {name: str(total) for name, total in figures.items()} for key, figures in sums.items()}
    {'x': {'gia_tri': '2.300 triệu đồng'}}
    """
    sums: dict[str, dict[str, Figure]] = {}
    keys = dict.fromkeys(key for sub in sub_units for key in sub.chi_so)
    for key in keys:
        having = [sub.chi_so[key] for sub in sub_units if key in sub.chi_so]
        if any(indicator.loai is Loai.TY_LE for indicator in having):
            continue  # a percentage of the whole is not the sum of the parts' percentages
        sums[key] = {}
        for name in SUMMED:
            figures: list[Figure | None] = [getattr(indicator, name) for indicator in having]
            added = [figure for figure in figures if figure is not None]
            if len(added) == len(figures):
                total = sum((figure.value for figure in added), Decimal(0))
                sums[key][name] = computed(total, added)
    return sums


def _fill(document: Document, sums: dict[str, dict[str, Figure]]) -> set[Path_]:
    """Write the sums into the figures the unit leaves out; return the addresses it states itself.

    A sum goes in as a figure already read, which every version's model takes as it is.
    """
    stated: set[Path_] = set()
    for group_key, group in _mapping(document.data.get("chi_tieu")).items():
        for key, indicator in _mapping(_mapping(group).get("danh_sach")).items():
            if not isinstance(indicator, dict) or indicator.get("loai") == Loai.TY_LE.value:
                continue
            for name, total in sums.get(key, {}).items():
                address: Path_ = ("chi_tieu", group_key, "danh_sach", key, name)
                if indicator.get(name) is None:
                    indicator[name] = total
                else:
                    stated.add(address)
    return stated


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _mismatches(
    document: Document,
    data: YearEnd,
    sums: dict[str, dict[str, Figure]],
    stated: set[Path_],
    listed_at: Location,
    count: int,
) -> Iterator[Problem]:
    for address in sorted(stated, key=str):
        group_key, key, name = str(address[1]), str(address[3]), str(address[4])
        indicator = data.chi_tieu[group_key].danh_sach[key]
        given, total = getattr(indicator, name), sums[key][name]
        if given.value == total.value:
            continue
        yield Problem(
            document.locate(address),
            _(
                "ghi {given} nhưng tổng của {count} đơn vị trực thuộc (`don_vi_truc_thuoc` ở {listed}) "
                "là {total} — hãy sửa thành {total}, hoặc xoá dòng này để reportgen tự cộng"
            ).format(given=written(given), count=count, listed=listed_at, total=written(total)),
            field_name(address),
        )
