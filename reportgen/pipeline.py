"""The build: the one place that knows the order of the stages.

load → validate → compute → render → write. Each input is loaded, validated and rendered to
HTML before any of its files is written; its files are staged beside the output, made durable
and then renamed into place (see :mod:`reportgen.writing`), so a failed unit keeps its last
good output as it was. A :class:`Feedback` hears the warnings and each unit written, for the CLI to show.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from reportgen import (
    compute,
    fonts,
    isolation,
    manifest,
    photos,
    portal,
    rendering,
    rollup,
    sharecard,
    templating,
    writing,
)
from reportgen.errors import Location, Problem, ReportgenError
from reportgen.i18n import _
from reportgen.outcomes import BuildFailed, Feedback, Format, Outcome, Settings, Written
from reportgen.photos import WebPhoto
from reportgen.rendering import Printer

if TYPE_CHECKING:
    from reportgen.word import Word

__all__ = [
    "BuildFailed",
    "Feedback",
    "Format",
    "Outcome",
    "Settings",
    "Unit",
    "Written",
    "build",
    "find_inputs",
]

PAGES = ("article", "report")
"""The documents built for each unit, by template name without ``.html``; each is also printed."""


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
    read: tuple[Path, ...] = ()
    """Every file and folder the unit's output depends on besides templates: the input, its
    sub-units, its photos (also those that are missing)."""
    card: sharecard.Card | None = None
    """The share card of an article without photos, drawn when the HTML is written."""


def find_inputs(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the ``*.yaml`` files they hold, in name order; sub-folders are not read.

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


def plan(source: Path, env: jinja2.Environment, *, write_html: bool = True) -> Unit:
    """Load, roll up, validate, compute and render one input to HTML, writing nothing.

    A photo whose file is missing is left out of the article (validation warns about it).

    Raises:
        ReportgenError: with the problems of the input (and its sub-units), warnings included.
    """
    rolled = rollup.check(source)
    checked = rolled.checked
    sized = photos.plan_all(checked.document, checked.data.anh)
    data = checked.data.model_copy(update={"anh": [photo for photo, _web in sized]})
    web = [photo for _photo, photo in sized]
    context = compute.context(data, web, rolled.sub_units, rendering.build_time())
    html = {page: templating.render(env, f"{page}.html", context) for page in PAGES}
    declared = [checked.document.path.parent / photo.tep for photo in checked.data.anh]
    card = None
    if write_html and context["the_chia_se"] is not None:
        # Drawn from the page's own headline, so that a template's headline is the card's too.
        card = sharecard.draw(
            sharecard.headline_of(html["article"]), data.to_chuc.ten, data.nam, context["ky"].the
        )
    return Unit(
        checked.document.path,
        context,
        web,
        html,
        portal.forms(html["article"]),
        write_html,
        tuple(checked.warnings),
        (*rolled.read, *declared),
        card,
    )


def prepare(sources: Sequence[Path], templates: Path | None = None, *, write_html: bool = True) -> list[Unit]:
    """Plan every input (see :func:`plan`), writing nothing.

    Raises:
        ReportgenError: with the problems of every input file at once, warnings included.
    """
    problems = _clashing_stems(sources)
    env = templating.environment(templates)
    units = []
    for source in sources:
        try:
            units.append(plan(source, env, write_html=write_html))
        except ReportgenError as error:
            problems += error.problems
    if any(not problem.warning for problem in problems):
        raise ReportgenError([*problems, *(w for unit in units for w in unit.warnings)])
    return units


def make(
    source: Path,
    out: Path,
    env: jinja2.Environment,
    printer: Printer | None,
    write_html: bool,
    word: Word | None = None,
) -> Outcome:
    """Build one input into ``out/<stem>/``; a problem is returned in the outcome, not raised.

    Its own file is hashed before it is read, the others as soon as they are known, so that
    the manifest never vouches for content newer than what was built.
    """
    own = manifest.digest(source)
    try:
        unit = plan(source, env, write_html=write_html)
        read = {str(path.resolve()): manifest.digest(path) for path in unit.read}
        read[str(source.resolve())] = own
        files = write(unit, out, printer, word)
    except ReportgenError as error:
        return Outcome(source, problems=tuple(error.problems))
    return Outcome(source, tuple(files), unit.warnings, (), read)


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


def write(unit: Unit, out: Path, printer: Printer | None, word: Word | None = None) -> list[Path]:
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
        names = _stage(unit, stage, printer, target, word)
        writing.commit(stage, names, target)
    except OSError as error:
        raise writing.failure(target, error) from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return [target / name for name in names]


def _stage(
    unit: Unit, stage: Path, printer: Printer | None, target: Path, word: Word | None = None
) -> list[str]:
    """Write every file of ``unit`` into ``stage``; return their names relative to it.

    HTML is written when asked for; PDF is printed when there is a printer, and the Word
    copies are made (from the same HTML, after the photos they show) when there is a ``word``.
    """
    names = []
    for photo in unit.photos:
        names += photos.save(photo, stage)
    for page, html in unit.html.items():
        if unit.write_html:
            (stage / f"{page}.html").write_text(html, encoding="utf-8")
            names.append(f"{page}.html")
        if printer is not None:
            # In a child process under time and memory limits: a page that hangs WeasyPrint
            # or eats the memory fails alone, named, and the other units carry on.
            pdf = isolation.print_pdf(printer, html, stage, target / f"{page}.pdf")
            (stage / f"{page}.pdf").write_bytes(pdf)
            names.append(f"{page}.pdf")
    for name, text in unit.forms.items() if unit.write_html else ():
        (stage / name).write_text(text, encoding="utf-8")
        names.append(name)
    for name, document in (word.documents(unit.html, stage, target) if word else {}).items():
        (stage / name).write_bytes(document)
        names.append(name)
    if unit.card is not None:
        (stage / unit.card.name).parent.mkdir(exist_ok=True)
        (stage / unit.card.name).write_bytes(unit.card.png)
        names.append(unit.card.name)
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
    jobs: int = 1,
    force: bool = False,
) -> Written:
    """Build the article and the report of every input that changed; return the files written.

    Each input is built on its own: one with an error is reported and left unwritten (its last
    good output stays as it was), and the others are still built.

    Args:
        inputs: YAML files, or folders of them.
        out: the folder that receives one folder per input.
        templates: a folder of the user's templates, searched before the packaged ones.
        fmt: which files to write.
        font: the report's font, a family installed on the machine or a ``.ttf``/``.otf``
            file; by default Times New Roman where the machine has it with every Vietnamese
            letter, else a metric-compatible twin, else the packaged Noto Serif.
        archival: print PDF/A-3b, tagged, for filing.
        feedback: hears what becomes of each input.
        jobs: how many processes build at once.
        force: build every input, even those unchanged since the last build.

    Raises:
        BuildFailed: some inputs had problems and were not written; it holds what was.
        ReportgenError: a problem with the whole build (a missing input, two inputs writing
            into the same folder, a font): nothing is written then.
    """
    feedback = feedback or Feedback()
    sources = find_inputs(inputs)
    clashes = _clashing_stems(sources)
    if clashes:
        raise ReportgenError(clashes)
    chosen = reference = None
    if fmt.pdf or font is not None:
        # Chosen before anything is written, so a misnamed font writes nothing at all.
        chosen = fonts.choose(font)
    if fmt.docx:
        from reportgen import word  # python-docx is loaded only for Word copies

        reference = word.reference_for(templates)
        word.load_reference(reference)  # a broken reference document, too, writes nothing
    from reportgen import workers  # which imports this module

    settings = Settings(templates, fmt.html, chosen if fmt.pdf else None, archival, reference)
    basis = manifest.basis(
        {
            "format": fmt.value,
            "font": chosen and chosen.family,
            "archival": archival,
            "reference": reference and manifest.digest(reference),
        },
        templating.environment(templates),
        # The partials reportgen calls from Python (what `{key}` prints) count even when no page imports them.
        [*(f"{page}.html" for page in PAGES), *templating.PARTIALS],
        # The packaged Noto Serif too: every article carries it as its web font (webfont.py).
        [face.path for face in (*fonts.PACKAGED.faces, *(chosen.faces if chosen else ()))],
    )
    written = Written()
    written.font = settings.font
    problems: list[Problem] = []
    failed: list[Path] = []
    new_folder = not out.exists()
    # One build at a time per output folder: a second one waits, or says another is running.
    with writing.locked(out):
        record = manifest.Manifest(out) if force else manifest.Manifest.read(out)
        todo = [source for source in sources if not record.fresh(source, basis)]
        written.skipped = [source for source in sources if source not in todo]
        with workers.run(todo, out, settings, jobs) as outcomes:
            feedback.starting(todo, written.skipped)
            for outcome in outcomes:
                feedback.done(outcome)
                if outcome.failed:
                    record.forget(outcome.source)
                    problems += [*outcome.problems]
                    failed.append(outcome.source)
                else:
                    record.record(outcome.source, basis, outcome.read, outcome.files)
                    written += outcome.files
        if record.changed and (written or not new_folder):
            record.save()
    if new_folder and not written:
        shutil.rmtree(out, ignore_errors=True)  # a build that wrote nothing leaves no folder behind
    if failed:
        raise BuildFailed(problems, written, failed)
    return written
