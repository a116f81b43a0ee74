"""The build: the one place that knows the order of the stages.

load → validate → compute → render → write. Each input is loaded, validated and rendered to
HTML before any of its files is written; its files are staged beside the output, made durable
and then renamed into place (see :mod:`reportgen.writing`), so a failed unit keeps its last
good output as it was. The templates are filled and the PDFs printed in a child process under
time and memory limits (:mod:`reportgen.isolation`). A :class:`Feedback` hears the warnings and
each unit written, for the CLI to show. Ctrl-C stops the build between units: what was written
is remembered in the manifest, and :class:`BuildInterrupted` says so.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import (
    compute,
    fonts,
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
from reportgen.isolation import Limits, Sandbox
from reportgen.loading import inputs_in
from reportgen.outcomes import BuildFailed, BuildInterrupted, Feedback, Format, Outcome, Settings, Written
from reportgen.photos import WebPhoto

if TYPE_CHECKING:
    from reportgen.word import Word

__all__ = [
    "BuildFailed",
    "BuildInterrupted",
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

    Hidden files in a folder are left out (see :func:`reportgen.loading.inputs_in`); a path that
    is there but not a regular file is kept, for loading to refuse with a message.

    Raises:
        ReportgenError: a path does not exist, or a folder holds no YAML file.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            files = inputs_in(path)
            if not files:
                raise ReportgenError.at(Location(path), _("thư mục không có tệp .yaml nào"))
            found += files
        elif path.exists():
            found.append(path)
        else:
            raise ReportgenError.at(Location(path), _("không có tệp hay thư mục này"))
    return found


def plan(source: Path, sandbox: Sandbox, *, write_html: bool = True) -> Unit:
    """Load, roll up, validate, compute and render one input to HTML, writing nothing.

    The pages are rendered in ``sandbox``, under its limits. A photo whose file is missing is
    left out of the article (validation warns about it).

    Raises:
        ReportgenError: with the problems of the input (and its sub-units), warnings included.
    """
    rolled = rollup.check(source)
    checked = rolled.checked
    sized = photos.plan_all(checked.document, checked.data.anh)
    data = checked.data.model_copy(update={"anh": [photo for photo, _web in sized]})
    web = [photo for _photo, photo in sized]
    context = compute.context(data, web, rolled.sub_units, rendering.build_time())
    html = {page: sandbox.render(f"{page}.html", context) for page in PAGES}
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


def prepare(
    sources: Sequence[Path],
    templates: Path | None = None,
    *,
    write_html: bool = True,
    limits: Limits | None = None,
) -> list[Unit]:
    """Plan every input (see :func:`plan`), writing nothing; the pages are rendered under ``limits``.

    Raises:
        ReportgenError: with the problems of every input file at once, warnings included.
    """
    problems = _clashing_stems(sources)
    units = []
    with Sandbox(templating.environment(templates), limits=limits) as sandbox:
        for source in sources:
            try:
                units.append(plan(source, sandbox, write_html=write_html))
            except ReportgenError as error:
                problems += error.problems
    if any(not problem.warning for problem in problems):
        raise ReportgenError([*problems, *(w for unit in units for w in unit.warnings)])
    return units


def make(source: Path, out: Path, sandbox: Sandbox, write_html: bool, word: Word | None = None) -> Outcome:
    """Build one input into ``out/<stem>/``; a problem is returned in the outcome, not raised.

    The PDFs are printed when ``sandbox`` has a printer. Its own file is hashed before it is
    read, the others as soon as they are known, so that the manifest never vouches for content
    newer than what was built.
    """
    own = manifest.digest(source)
    try:
        unit = plan(source, sandbox, write_html=write_html)
        read = {str(path.resolve()): manifest.digest(path) for path in unit.read}
        read[str(source.resolve())] = own
        files = write(unit, out, sandbox if sandbox.printer is not None else None, word)
    except ReportgenError as error:
        return Outcome(source, problems=tuple(error.problems))
    return Outcome(source, tuple(files), unit.warnings, (), read)


def _clashing_stems(sources: Sequence[Path]) -> list[Problem]:
    seen: dict[str, Path] = {}
    problems = []
    for source in sources:
        if source.stem.startswith("."):
            # The output folder is named after the input, and an output folder's hidden names
            # are reportgen's own: its manifest, its staging folders.
            problems.append(
                Problem(
                    Location(source),
                    _(
                        "tên tệp bắt đầu bằng dấu chấm: kết quả ghi vào thư mục cùng tên, mà những "
                        "tên như thế trong thư mục kết quả là của riêng reportgen — hãy đổi tên tệp, "
                        "ví dụ `{name}`"
                    ).format(name=source.name.lstrip(".") or "so-lieu.yaml"),
                )
            )
            continue
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


def write(unit: Unit, out: Path, printer: Sandbox | None, word: Word | None = None) -> list[Path]:
    """Write one unit's files into ``out/<input stem>/``, printing PDFs in ``printer`` if given.

    Returns the paths written.

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
    unit: Unit, stage: Path, printer: Sandbox | None, target: Path, word: Word | None = None
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
            pdf = printer.print_pdf(html, stage, target / f"{page}.pdf")
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
    trust_templates: bool = False,
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
        trust_templates: let the pages attach files of the template folders to their PDFs.

    Raises:
        BuildInterrupted: Ctrl-C stopped the build; it holds what was written before, which
            the manifest remembers.
        BuildFailed: some inputs had problems and were not written, or the manifest could
            not be saved; it holds what was written.
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

    settings = Settings(
        templates, fmt.html, chosen if fmt.pdf else None, archival, reference, trust_templates
    )
    basis = manifest.basis(
        {
            "format": fmt.value,
            "font": chosen and chosen.family,
            "archival": archival,
            "reference": reference and manifest.digest(reference),
            "trust": trust_templates,
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
    done: set[Path] = set()
    interrupted = False
    new_folder = not out.exists()
    # One build at a time per output folder: a second one waits, or says another is running.
    with writing.locked(out):
        record = manifest.Manifest(out) if force else manifest.Manifest.read(out)
        todo = [source for source in sources if not record.fresh(source, basis)]
        written.skipped = [source for source in sources if source not in todo]
        try:
            with workers.run(todo, out, settings, jobs) as outcomes:
                feedback.starting(todo, written.skipped)
                for outcome in outcomes:
                    feedback.done(outcome)
                    done.add(outcome.source)
                    if outcome.failed:
                        record.forget(outcome.source)
                        problems += [*outcome.problems]
                        failed.append(outcome.source)
                    else:
                        record.record(outcome.source, basis, outcome.read, outcome.files)
                        written += outcome.files
        except KeyboardInterrupt:
            interrupted = True  # what was written is remembered below, then said
        if record.changed and (written or not new_folder):
            try:
                record.save()
            except ReportgenError as error:
                problems += error.problems
    if new_folder and not written:
        shutil.rmtree(out, ignore_errors=True)  # a build that wrote nothing leaves no folder behind
    if interrupted:
        raise BuildInterrupted(problems, written, failed, [source for source in todo if source not in done])
    if problems:
        raise BuildFailed(problems, written, failed)
    return written
