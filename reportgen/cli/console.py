"""What the command line prints: problem lines, short summaries, progress, and how a command fails.

Problems go to stderr, one ``file:line:column: field: message`` line each, errors in red and
warnings in yellow on a terminal and plain text otherwise (Click drops colours when the
output is not a terminal). Summaries go to stdout. ``--quiet`` keeps only the errors. A build
of several files shows a Rich progress bar, on a terminal only. Every command fails the same
way, through :meth:`Console.failing`: its problems, their count and what to do, exit code 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import rich.console
import rich.progress
import typer

from reportgen.batch.outcomes import BuildFailed, BuildInterrupted, Feedback, Outcome
from reportgen.cli.kit import INTERRUPTED
from reportgen.errors import Problem, ReportgenError
from reportgen.i18n import _, ngettext
from reportgen.system import MachineLacks


class Console:
    """Prints for one command, quietly or not."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet

    def say(self, text: str) -> None:
        """Print a line of summary on stdout, unless quiet."""
        if not self.quiet:
            typer.echo(text)

    def problems(self, problems: Iterable[Problem]) -> None:
        """Print each problem on its line; warnings only when not quiet."""
        for problem in problems:
            if problem.warning and self.quiet:
                continue
            colour = typer.colors.YELLOW if problem.warning else typer.colors.RED
            typer.secho(str(problem), fg=colour, err=True)

    def failed(self, error: ReportgenError, advice: str) -> None:
        """Print every problem of ``error``, then how many errors and ``advice`` (translated)."""
        self.problems(error.problems)
        count = len(error.errors)
        if not self.quiet and count:
            summary = ngettext("{count} lỗi", "{count} lỗi", count).format(count=count)
            typer.secho(f"{summary}: {advice}", fg=typer.colors.RED, err=True)

    @contextmanager
    def failing(self, advice: str) -> Iterator[None]:
        """End the command when the block raises a problem the user can fix: the command line's one handler.

        The problems are printed with how many errors there are and ``advice`` (translated: what
        was not done, what to do), and the command exits with 1. A build that was stopped or
        failed in part first says what it did write.

        Raises:
            typer.Exit: with 1, or with 130 after Ctrl-C stopped a build.
        """
        try:
            yield
        except BuildInterrupted as error:
            self.built(error.written)
            self.problems(error.problems)
            left = ngettext(
                "Đã dừng (Ctrl+C). Các tệp trên đã ghi xong và được ghi nhớ; {count} tệp chưa làm "
                "(kết quả cũ của chúng giữ nguyên) — chạy lại lệnh để làm nốt.",
                "Đã dừng (Ctrl+C). Các tệp trên đã ghi xong và được ghi nhớ; {count} tệp chưa làm "
                "(kết quả cũ của chúng giữ nguyên) — chạy lại lệnh để làm nốt.",
                len(error.remaining),
            )
            typer.secho(left.format(count=len(error.remaining)), fg=typer.colors.RED, err=True)
            raise typer.Exit(INTERRUPTED) from None
        except BuildFailed as error:
            self.built(error.written)
            if not error.failed:  # every unit written, but not the manifest
                self.failed(error, _("các tệp kết quả đã ghi đủ."))
            elif not error.written:
                self.failed(error, advice)
            else:
                failed = ngettext(
                    "{count} tệp có lỗi chưa được ghi (kết quả cũ giữ nguyên), các tệp khác đã ghi — "
                    "sửa các dòng trên rồi chạy lại.",
                    "{count} tệp có lỗi chưa được ghi (kết quả cũ giữ nguyên), các tệp khác đã ghi — "
                    "sửa các dòng trên rồi chạy lại.",
                    len(error.failed),
                )
                self.failed(error, failed.format(count=len(error.failed)))
            raise typer.Exit(1) from None
        except MachineLacks as error:  # found by the printing child, whatever the command was doing
            self.failed(error, _("chưa ghi tệp nào — cài thư viện còn thiếu rồi chạy lại."))
            raise typer.Exit(1) from None
        except ReportgenError as error:
            self.failed(error, advice)
            raise typer.Exit(1) from None

    @contextmanager
    def feedback(self) -> Iterator[Feedback]:
        """A build's feedback: its warnings printed, and a progress bar for several files."""
        feedback = _BuildFeedback(self)
        try:
            yield feedback
        finally:
            feedback.stop()

    def built(self, written: Sequence[Path]) -> None:
        """Say in one line per unit which files were written into which folder."""
        folders = sorted(
            {path.parent if path.parent.name != "anh" else path.parent.parent for path in written}
        )
        for folder in folders:
            files = sorted(path.name for path in written if path.parent == folder)
            self.say(_("Đã ghi {folder}/: {files}").format(folder=folder, files=", ".join(files)))


class _BuildFeedback(Feedback):
    """Shows a build's progress when it builds several units; prints their warnings at the end.

    Warnings wait until the progress bar is gone, so that lines and bar never mix; the problems
    of the units that failed are the command's to print, with its summary.
    """

    def __init__(self, console: Console) -> None:
        self.console = console
        self.progress: rich.progress.Progress | None = None
        self.task: rich.progress.TaskID | None = None
        self.warnings: list[Problem] = []

    def starting(self, sources: Sequence[Path], skipped: Sequence[Path]) -> None:
        terminal = rich.console.Console(stderr=True)
        if self.console.quiet or len(sources) < 2 or not terminal.is_terminal:
            return
        self.progress = rich.progress.Progress(
            rich.progress.SpinnerColumn(),
            rich.progress.TextColumn("{task.description}"),
            rich.progress.BarColumn(),
            rich.progress.MofNCompleteColumn(),
            rich.progress.TimeElapsedColumn(),
            console=terminal,
            transient=True,
        )
        self.progress.start()
        self.task = self.progress.add_task(
            _("Đang làm {count} tệp").format(count=len(sources)), total=len(sources)
        )

    def done(self, outcome: Outcome) -> None:
        if not outcome.failed:
            self.warnings += outcome.warnings
        if self.progress is not None and self.task is not None:
            self.progress.update(
                self.task, advance=1, description=_("Đã làm {name}").format(name=outcome.source.name)
            )

    def warned(self, warnings: Sequence[Problem]) -> None:
        self.warnings += warnings

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
        self.console.problems(sorted(self.warnings, key=lambda problem: problem.location))
        self.warnings = []
