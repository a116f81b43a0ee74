"""The build: the one place that knows the order of the stages.

load → validate → compute → render → write. Every input is loaded, validated and rendered to
HTML before anything is written, and each unit's files are written into a staging folder
beside the output and then renamed into place, so a failed build leaves the last good output
as it was. A :class:`Feedback` hears the warnings and each unit written, for the CLI to show.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reportgen import compute, fonts, isolation, photos, portal, templating, writing
from reportgen.errors import Location, Problem, ReportgenError
from reportgen.i18n import _
from reportgen.photos import WebPhoto
from reportgen.rendering import Printer
from reportgen.validation import check

PAGES = ("article", "report")
"""The documents built for each unit, by template name without ``.html``; each is also printed."""


class Format(StrEnum):
    """Which files ``build`` writes."""

    HTML = "html"
    PDF = "pdf"
    ALL = "all"


@dataclass(frozen=True)
class Unit:
    """One input file, validated and rendered to HTML, not yet written."""

    source: Path
    context: compute.Context
    photos: list[WebPhoto]
    """Each photo's source file and the web sizes written into the output folder."""
    html: dict[str, str]
    forms: dict[str, str]
    """The article's other forms, by file name: the body for a portal's editor, plain text."""
    write_html: bool = True
    warnings: tuple[Problem, ...] = ()


class Feedback:
    """What a build tells its caller as it goes; this one keeps quiet, the CLI's shows it."""

    def warned(self, warnings: Sequence[Problem]) -> None:
        """Every input is valid; these warnings are still worth a look."""

    def writing(self, units: Sequence[Unit]) -> None:
        """Everything is ready; ``units`` are about to be written, one after another."""

    def wrote(self, unit: Unit, files: Sequence[Path]) -> None:
        """One unit's ``files`` are in place."""


class Written(list[Path]):
    """The files a build wrote, and the font its reports were printed in (None without PDF)."""

    font: fonts.Font | None = None


def find_inputs(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the ``*.yaml`` files they hold, in name order.

    Raises:
        ReportgenError: a path does not exist, or a folder holds no YAML file.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            files = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
            if not files:
                raise ReportgenError.at(Location(path), _("thư mục không có tệp .yaml nào"))
            found += files
        elif path.is_file():
            found.append(path)
        else:
            raise ReportgenError.at(Location(path), _("không có tệp hay thư mục này"))
    return found


def prepare(sources: Sequence[Path], templates: Path | None = None, *, write_html: bool = True) -> list[Unit]:
    """Load, validate, compute and render every input to HTML, writing nothing.

    A photo whose file is missing is left out of the article (validation warns about it).

    Raises:
        ReportgenError: with the problems of every input file at once, warnings included.
    """
    problems: list[Problem] = []
    warnings: list[Problem] = []
    loaded = []
    for source in sources:
        try:
            checked = check(source)
            sized = photos.plan_all(checked.document, checked.data.anh)
        except ReportgenError as error:
            problems += error.problems
            continue
        loaded.append((checked, sized))
        warnings += checked.warnings
    problems += _clashing_stems(sources)
    if problems:
        raise ReportgenError([*problems, *warnings])
    env = templating.environment(templates)
    units = []
    for checked, sized in loaded:
        # A photo whose file is missing is left out of the article (validation warned about it).
        data = checked.data.model_copy(update={"anh": [photo for photo, _web in sized]})
        web = [photo for _photo, photo in sized]
        context = compute.context(data, web)
        html = {page: templating.render(env, f"{page}.html", context) for page in PAGES}
        units.append(
            Unit(
                checked.document.path,
                context,
                web,
                html,
                portal.forms(html["article"]),
                write_html,
                tuple(checked.warnings),
            )
        )
    return units


def _clashing_stems(sources: Sequence[Path]) -> list[Problem]:
    seen: dict[str, Path] = {}
    problems = []
    for source in sources:
        if source.stem in seen and seen[source.stem].resolve() != source.resolve():
            problems.append(
                Problem(
                    Location(source),
                    _(
                        "trùng tên với {other}: cả hai sẽ ghi vào cùng thư mục `{folder}/` — "
                        "hãy đổi tên một tệp"
                    ).format(other=seen[source.stem], folder=source.stem),
                )
            )
        seen.setdefault(source.stem, source)
    return problems


def write(unit: Unit, out: Path, printer: Printer | None) -> list[Path]:
    """Write one unit's files into ``out/<input stem>/``; return the paths written.

    Raises:
        ReportgenError: a PDF could not be printed or the folder could not be written;
            the previous output is then left as it was.
    """
    target = out / unit.source.stem
    try:
        out.mkdir(parents=True, exist_ok=True)
        stage = writing.stage(out, unit.source.stem)
    except OSError as error:
        raise writing.failure(target, error) from None
    try:
        names = _stage(unit, stage, printer, target)
        writing.commit(stage, names, target)
    except OSError as error:
        raise writing.failure(target, error) from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return [target / name for name in names]


def _stage(unit: Unit, stage: Path, printer: Printer | None, target: Path) -> list[str]:
    """Write every file of ``unit`` into ``stage``; return their names relative to it.

    HTML is written unless only PDF was asked for; PDF is printed when there is a printer.
    """
    names = []
    for photo in unit.photos:
        names += photos.save(photo, stage)
    for page, html in unit.html.items():
        if unit.write_html:
            (stage / f"{page}.html").write_text(html, encoding="utf-8")
            names.append(f"{page}.html")
        if printer is not None:
            pdf = isolation.print_pdf(printer, html, stage, target / f"{page}.pdf")
            (stage / f"{page}.pdf").write_bytes(pdf)
            names.append(f"{page}.pdf")
    for name, text in unit.forms.items() if unit.write_html else ():
        (stage / name).write_text(text, encoding="utf-8")
        names.append(name)
    return names


def build(
    inputs: Iterable[Path],
    out: Path = Path("out"),
    templates: Path | None = None,
    fmt: Format = Format.ALL,
    *,
    font: str | None = None,
    archival: bool = False,
    feedback: Feedback | None = None,
) -> Written:
    """Build the article and the report of every input; return the files written.

    Args:
        inputs: YAML files, or folders of them.
        out: the folder that receives one folder per input.
        templates: a folder of the user's templates, searched before the packaged ones.
        fmt: which files to write.
        font: the report's font, a family installed on the machine or a ``.ttf``/``.otf``
            file; by default Times New Roman where the machine has it with every Vietnamese
            letter, else a metric-compatible twin, else the packaged Noto Serif.
        archival: print PDF/A-3b, tagged, for filing.
        feedback: hears the warnings and each unit as it is written.

    Raises:
        ReportgenError: an input, template or font problem (nothing is written then), or a
            failure while writing.
    """
    feedback = feedback or Feedback()
    units = prepare(find_inputs(inputs), templates, write_html=fmt is not Format.PDF)
    feedback.warned([warning for unit in units for warning in unit.warnings])
    written = Written()
    printer = None
    if fmt is not Format.HTML or font is not None:
        # Chosen before anything is written, so a misnamed font writes nothing at all.
        chosen = fonts.choose(font)
    if fmt is not Format.HTML:
        roots = [templating.packaged_templates(), *([templates] if templates else [])]
        printer = Printer(roots, chosen, archival=archival)
        written.font = chosen
    feedback.writing(units)
    failed: list[Problem] = []
    with writing.locked(out):
        for unit in units:
            try:
                files = write(unit, out, printer)
            except ReportgenError as error:  # one unit's failure (a print over its limits) spares the rest
                failed += error.problems
                continue
            feedback.wrote(unit, files)
            written += files
    if failed:
        raise PartlyWritten(failed, written)
    return written


class PartlyWritten(ReportgenError):
    """Some units could not be written; the others were, and :attr:`written` lists their files."""

    def __init__(self, problems: Sequence[Problem], written: Written) -> None:
        super().__init__(problems)
        self.written = written
