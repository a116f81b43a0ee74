"""The build of many units: which to build, one build per output folder, the manifest, the outcomes.

Each input is made on its own (:func:`reportgen.unit.make`) and written into ``out/<stem>/``
(:mod:`reportgen.batch.output`), in this process or in several (:mod:`reportgen.batch.pool`):
one with an error is reported and left unwritten, its last good output as it was, and the
others are still built. An input unchanged since the last build is skipped, by the manifest
(:mod:`reportgen.batch.manifest`); two builds never write into one folder at once
(:mod:`reportgen.batch.lock`). A :class:`Feedback` hears the warnings and each unit written,
for the CLI to show. Ctrl-C stops the build between units: what was written is remembered in
the manifest, and :class:`BuildInterrupted` says so.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from reportgen import fonts, system, templating, unit
from reportgen.batch import lock, manifest, output, pool
from reportgen.batch.inputs import clashing_stems, find_inputs
from reportgen.batch.outcomes import BuildFailed, BuildInterrupted, Feedback, Format, Written
from reportgen.errors import Problem, ReportgenError
from reportgen.isolation import Sandbox


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
    press: Sandbox | None = None,
    pages: Sandbox | None = None,
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
        press: a printing child already started for these options (its printer has the font
            chosen), to print with when the units are built in this process; its warnings
            about the machine (a slow one) go to ``feedback``.
        pages: a child already started to fill these templates (:func:`reportgen.unit.pages_for`),
            used when the units are built in this process.

    Raises:
        BuildInterrupted: Ctrl-C stopped the build; it holds what was written before, which
            the manifest remembers.
        BuildFailed: some inputs had problems and were not written, or the manifest could
            not be saved; it holds what was written.
        MachineLacks: the press lacks a system library to print with: nothing is written.
        ReportgenError: a problem with the whole build (a missing input, two inputs writing
            into the same folder, a font): nothing is written then.
    """
    feedback = feedback or Feedback()
    sources = find_inputs(inputs)
    clashes = clashing_stems(sources)
    if clashes:
        raise ReportgenError(clashes)
    chosen = reference = None
    if press is not None and press.printer is not None:
        chosen = press.printer.font
    elif fmt.pdf or font is not None:
        # Chosen before anything is written, so a misnamed font writes nothing at all.
        chosen = fonts.choose(font)
    if fmt.docx:
        from reportgen import word  # python-docx is loaded only for Word copies

        reference = word.reference_for(templates)
        word.load_reference(reference)  # a broken reference document, too, writes nothing
    settings = pool.Settings(
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
    with lock.locked(out):
        output.clean_stale(out)  # no other build can own what is half-written there now
        record = manifest.Manifest(out) if force else manifest.Manifest.read(out)
        todo = [source for source in sources if not record.fresh(source, basis)]
        written.skipped = [source for source in sources if source not in todo]
        lacking: system.MachineLacks | None = None
        try:
            with pool.run(todo, out, settings, jobs, press, pages) as outcomes:
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
        except system.MachineLacks as error:  # found before the first unit was written
            lacking = error
        if press is not None:
            feedback.warned([problem for problem in press.machine_said if problem.warning])
        if record.changed and (written or not new_folder):
            try:
                record.save()
            except ReportgenError as error:
                problems += error.problems
    if new_folder and not written:
        shutil.rmtree(out, ignore_errors=True)  # a build that wrote nothing leaves no folder behind
    if lacking is not None:
        raise lacking
    if interrupted:
        raise BuildInterrupted(problems, written, failed, [source for source in todo if source not in done])
    if problems:
        raise BuildFailed(problems, written, failed)
    return written
