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
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import (
    atomic,
    fonts,
    manifest,
    photos,
    templating,
    unit,
    writing,
)
from reportgen.errors import Location, Problem, ReportgenError
from reportgen.i18n import _
from reportgen.isolation import Sandbox
from reportgen.loading import inputs_in
from reportgen.outcomes import BuildFailed, BuildInterrupted, Feedback, Format, Outcome, Settings, Written

if TYPE_CHECKING:
    from reportgen.word import Word

__all__ = [
    "BuildFailed",
    "BuildInterrupted",
    "Feedback",
    "Format",
    "Outcome",
    "Settings",
    "Written",
    "build",
    "find_inputs",
]


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


def make(source: Path, out: Path, sandbox: Sandbox, write_html: bool, word: Word | None = None) -> Outcome:
    """Build one input into ``out/<stem>/``; a problem is returned in the outcome, not raised.

    The PDFs are printed when ``sandbox`` has a printer. Its own file is hashed before it is
    read, the others as soon as they are known, so that the manifest never vouches for content
    newer than what was built.
    """
    own = manifest.digest(source)
    try:
        made = unit.make(source, sandbox, card=write_html)
        read = {str(path.resolve()): manifest.digest(path) for path in made.inputs}
        read[str(source.resolve())] = own
        files = write(made, out, sandbox if sandbox.printer is not None else None, write_html, word)
    except ReportgenError as error:
        return Outcome(source, problems=tuple(error.problems))
    return Outcome(source, tuple(files), tuple(made.warnings), (), read)


def clashing_stems(sources: Sequence[Path]) -> list[Problem]:
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


def write(
    made: unit.Unit, out: Path, printer: Sandbox | None, write_html: bool = True, word: Word | None = None
) -> list[Path]:
    """Write one unit's files into ``out/<input stem>/``, printing PDFs in ``printer`` if given.

    Returns the paths written.

    Raises:
        ReportgenError: a PDF could not be printed or the folder could not be written;
            the previous output is then left as it was.
    """
    target = out / made.source.stem
    assert made.documents is not None
    try:
        out.mkdir(parents=True, exist_ok=True)
        stage = writing.stage(out, made.source.stem)
    except OSError as error:
        raise atomic.failure(target, error) from None
    try:
        names = _stage(made.documents, stage, printer, target, write_html, word)
        writing.commit(stage, names, target)
    except OSError as error:
        raise atomic.failure(target, error) from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return [target / name for name in names]


def _stage(
    documents: unit.Documents,
    stage: Path,
    printer: Sandbox | None,
    target: Path,
    write_html: bool,
    word: Word | None = None,
) -> list[str]:
    """Write every file of a unit's ``documents`` into ``stage``; return their names relative to it.

    HTML is written when asked for; PDF is printed when there is a printer, and the Word
    copies are made (from the same HTML, after the photos they show) when there is a ``word``.
    """
    files: dict[str, str | bytes] = {}
    for photo in documents.photos:
        files |= photos.sized(photo)
    for page, html in documents.html.items():
        if write_html:
            files[f"{page}.html"] = html
        if printer is not None:
            # In a child process under time and memory limits: a page that hangs WeasyPrint
            # or eats the memory fails alone, named, and the other units carry on. The photos
            # it shows are written first, for it to find them.
            _put(stage, files)
            files[f"{page}.pdf"] = printer.print_pdf(html, stage, target / f"{page}.pdf")
    if write_html:
        files |= documents.forms
    if word is not None:
        _put(stage, files)
        files |= word.documents(documents.html, stage, target)
    if documents.card is not None:
        files[documents.card.name] = documents.card.png
    _put(stage, files)
    return list(files)


def _put(stage: Path, files: dict[str, str | bytes]) -> None:
    """Write into ``stage`` those of ``files`` not written yet."""
    for name, content in files.items():
        path = stage / name
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic.write(path, content)


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
    clashes = clashing_stems(sources)
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
        [*(f"{page}.html" for page in unit.PAGES), *templating.PARTIALS],
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
