"""Many units in one build: a broken one does not stop the others; unchanged ones are skipped."""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import shutil
from pathlib import Path

import pytest

import reportgen
from reportgen import BuildFailed, Feedback, fonts, templating
from reportgen.batch import manifest
from reportgen.batch.outcomes import Outcome

from .conftest import APPROXIMATE, FARMERS, INPUTS, MONEY, SECOND, SEED, UNION

HTML = reportgen.Format.HTML


class Heard(Feedback):
    def __init__(self) -> None:
        self.started: list[Path] = []
        self.skipped: list[Path] = []
        self.outcomes: list[Outcome] = []

    def starting(self, sources: object, skipped: object) -> None:
        self.started, self.skipped = list(sources), list(skipped)  # type: ignore[call-overload]

    def done(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder of units: the first two samples, the province and its districts, and their photos."""
    folder = tmp_path / "inputs"
    # The samples of other parts of a document (tests/test_documents.py) are not this test's units.
    documents = ("khuyen-hoc-*.yaml", "phu-nu-dong-son-*.yaml", "nong-dan-cai-be-*.yaml")
    ignored = (MONEY.name, APPROXIMATE.name, UNION.name, FARMERS.name, *documents)
    shutil.copytree(INPUTS, folder, ignore=shutil.ignore_patterns(*ignored))
    return folder


def built(out: Path, inputs: list[Path], **options: object) -> Heard:
    heard = Heard()
    reportgen.build(inputs, out=out, fmt=HTML, feedback=heard, **options)  # type: ignore[arg-type]
    return heard


def stems(paths: list[Path]) -> list[str]:
    return sorted(path.stem for path in paths)


# --- a broken unit among good ones ---------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_broken_unit_is_reported_and_the_others_are_built(inputs: Path, tmp_path: Path, jobs: int) -> None:
    broken = inputs / SECOND.name
    broken.write_text(broken.read_text(encoding="utf-8").replace("gia_tri: 381", "gia_tri: 381,5"), "utf-8")
    out = tmp_path / "out"
    with pytest.raises(BuildFailed) as raised:
        reportgen.build([inputs], out=out, fmt=HTML, jobs=jobs)
    assert raised.value.failed == [broken]
    assert [str(problem) for problem in raised.value.errors] == [
        f'{broken}:39:18: chi_tieu.to_chuc_hoi.danh_sach.hoi_vien_moi.gia_tri: "381,5" không phải số nguyên '
        "— hãy viết số nguyên, ví dụ 63.979"
    ]
    assert sorted({path.relative_to(out).parts[0] for path in raised.value.written}) == [
        "bac-kan-2020",
        "tinh-bac-kan-2024",
    ]
    assert not (out / "na-ri-2023").exists()
    assert (out / "tinh-bac-kan-2024" / "report.html").is_file()


def test_a_build_in_two_processes_writes_what_one_process_writes(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", "1702598400"
    )  # both builds at one time: the article's dateModified
    sources = [inputs, inputs / "bac-kan-2024"]
    built(tmp_path / "one", sources)
    built(tmp_path / "two", sources, jobs=2)
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*.html")}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*.html")}
    assert len(one) == 11 * 3 and one == two


@pytest.mark.parametrize(("jobs", "running"), [(1, ["reportgen-in"]), (2, ["reportgen-worker"] * 2)])
def test_every_process_is_started_before_the_build_says_it_starts(
    tmp_path: Path, jobs: int, running: list[str]
) -> None:
    """A fork copies only the thread that forks: one taken after the command line's progress bar
    has started its thread could copy a lock that thread holds, held for ever. The command line
    starts that thread when the build says it is starting, so every child must be running by then.
    """
    names: list[str] = []

    class Watching(Feedback):
        def starting(self, sources: object, skipped: object) -> None:
            names.extend(sorted(child.name for child in multiprocessing.active_children()))

    reportgen.build([SEED, SECOND], out=tmp_path / "out", fmt=HTML, feedback=Watching(), jobs=jobs)
    assert names == running


def test_the_cli_says_what_failed_and_exits_1(inputs: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from reportgen.cli import app

    broken = inputs / SEED.name
    broken.write_text(broken.read_text(encoding="utf-8").replace("nam: 2020", "nam: hai nghìn"), "utf-8")
    result = CliRunner().invoke(app, ["build", str(inputs), "-o", str(tmp_path / "out"), "-f", "html"])
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "1 lỗi: 1 tệp có lỗi chưa được ghi (kết quả cũ giữ nguyên), các tệp khác đã ghi — "
        "sửa các dòng trên rồi chạy lại.\n"
    )
    assert f"Đã ghi {tmp_path / 'out' / 'na-ri-2023'}/" in result.stdout


# --- incremental builds -----------------------------------------------------------------------------


def test_an_unchanged_build_skips_every_unit_and_force_builds_them_again(
    inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert stems(built(out, [inputs]).started) == ["bac-kan-2020", "na-ri-2023", "tinh-bac-kan-2024"]
    again = built(out, [inputs])
    assert again.started == [] and stems(again.skipped) == ["bac-kan-2020", "na-ri-2023", "tinh-bac-kan-2024"]
    assert len(built(out, [inputs], force=True).started) == 3


def rebuilt_after(change: object, inputs: Path, out: Path, **options: object) -> list[str]:
    built(out, [inputs])
    change()  # type: ignore[operator]
    return stems(built(out, [inputs], **options).started)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_changed_input_rebuilds_that_unit_only(inputs: Path, tmp_path: Path) -> None:
    change = lambda: edit(inputs / SECOND.name, "gia_tri: 381", "gia_tri: 382")  # noqa: E731
    assert rebuilt_after(change, inputs, tmp_path / "out") == ["na-ri-2023"]


def test_a_changed_sub_unit_rebuilds_the_unit_it_adds_up_into(inputs: Path, tmp_path: Path) -> None:
    change = lambda: edit(inputs / "bac-kan-2024" / "na-ri.yaml", "5.518", "5.519")  # noqa: E731
    assert rebuilt_after(change, inputs, tmp_path / "out") == ["tinh-bac-kan-2024"]


def test_a_new_file_in_a_sub_unit_folder_rebuilds_the_unit(inputs: Path, tmp_path: Path) -> None:
    folder = inputs / "bac-kan-2024"
    edit(inputs / "tinh-bac-kan-2024.yaml", "        gia_tri: 1.096\n", "")  # added up, not stated
    change = lambda: shutil.copy(folder / "na-ri.yaml", folder / "na-ri-2.yaml")  # noqa: E731
    assert rebuilt_after(change, inputs, tmp_path / "out") == ["tinh-bac-kan-2024"]


def test_a_changed_photo_rebuilds_the_unit_that_shows_it(inputs: Path, tmp_path: Path) -> None:
    photo = inputs / "anh" / "hoi-nghi-na-ri.png"
    change = lambda: photo.write_bytes(photo.read_bytes() + b"\0")  # noqa: E731
    assert rebuilt_after(change, inputs, tmp_path / "out") == ["na-ri-2023"]


def test_a_changed_template_or_asset_rebuilds_everything(inputs: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mau"
    mine.mkdir()
    out = tmp_path / "out"
    built(out, [inputs], templates=mine)
    (mine / "unused.txt").write_text("không phải mẫu", encoding="utf-8")
    assert built(out, [inputs], templates=mine).started == []  # not a template any page uses
    (mine / "report.css").write_text("body { color: black; }", encoding="utf-8")  # an asset, included
    assert len(built(out, [inputs], templates=mine).started) == 3
    (mine / "_macros.html").write_text('{% extends "!default/_macros.html" %}', encoding="utf-8")
    assert len(built(out, [inputs], templates=mine).started) == 3
    # The macros that word a figure in a sentence are called from Python, imported by no page.
    packaged = (templating.packaged_templates() / "_figure.html").read_text(encoding="utf-8")
    (mine / "_figure.html").write_text(packaged.replace("trong đó:", "trong đó"), encoding="utf-8")
    assert len(built(out, [inputs], templates=mine).started) == 3


def test_another_version_or_option_rebuilds_everything(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    built(out, [inputs])
    assert len(built(out, [inputs], font="Noto Serif").started) == 3  # another option
    assert built(out, [inputs], font="Noto Serif").started == []
    monkeypatch.setattr(manifest, "_version", lambda name: "9.9" if name == "reportgen" else "1")
    assert len(built(out, [inputs], font="Noto Serif").started) == 3


def test_a_new_packaged_font_rebuilds_every_article_that_carries_it(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copies = []
    for face in fonts.PACKAGED.faces:
        copies.append(dataclasses.replace(face, path=tmp_path / face.path.name))
        shutil.copyfile(face.path, copies[-1].path)
    monkeypatch.setattr(fonts, "PACKAGED", dataclasses.replace(fonts.PACKAGED, faces=tuple(copies)))
    out = tmp_path / "out"
    built(out, [inputs])
    assert built(out, [inputs]).started == []
    with copies[0].path.open("ab") as font:
        font.write(b"\0")  # another release of the font package
    assert len(built(out, [inputs]).started) == 3


def test_a_deleted_output_file_is_written_again(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    change = lambda: (out / "bac-kan-2020" / "report.html").unlink()  # noqa: E731
    assert rebuilt_after(change, inputs, out) == ["bac-kan-2020"]


@pytest.mark.parametrize(
    "damage",
    ["", "{", "[]", '{"format": 1, "units": {"bac-kan-2020": {"source": 3}}}', '{"format": 99, "units": {}}'],
)
def test_a_corrupt_manifest_means_a_full_build(inputs: Path, tmp_path: Path, damage: str) -> None:
    out = tmp_path / "out"
    built(out, [inputs])
    (out / manifest.NAME).write_text(damage, encoding="utf-8")
    assert len(built(out, [inputs]).started) == 3
    assert json.loads((out / manifest.NAME).read_text(encoding="utf-8"))["format"] == manifest.FORMAT


def test_a_unit_that_failed_is_built_next_time_even_unchanged(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    built(out, [inputs])
    edit(inputs / SEED.name, "nam: 2020", "nam: 20")
    with pytest.raises(BuildFailed):
        built(out, [inputs])
    edit(inputs / SEED.name, "nam: 20", "nam: 2020")  # back as it was built the first time
    assert stems(built(out, [inputs]).started) == ["bac-kan-2020"]


# --- memory ----------------------------------------------------------------------------------------


def test_a_unit_s_word_copies_are_freed_when_it_is_done_not_dozens_of_units_later(tmp_path: Path) -> None:
    # The Word copies leave reference cycles that only a full collection frees: with the
    # automatic collector off, none may be left once the build has written both units.
    import gc

    from docx.document import Document

    gc.collect()
    gc.disable()
    try:
        reportgen.build([SEED, SECOND], out=tmp_path, fmt=reportgen.Format.DOCX)
        left = [item for item in gc.get_objects() if isinstance(item, Document)]
    finally:
        gc.enable()
    assert (tmp_path / SECOND.stem / "report.docx").is_file()
    assert left == []
