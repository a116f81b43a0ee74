"""The command line's machinery: its language, its help texts, and what it says when misused.

Typer builds the commands; the :class:`Group` here runs them. Before anything is parsed it
reads ``--lang`` (or the environment) and translates every help text, so ``--help`` speaks
the chosen language too; help texts are marked with ``N_()`` where they are written. It then
turns a mistyped command line into a short message in that language, and a bug into a
traceback with a request to report it (an input problem is the command's to print: see
:meth:`reportgen.cli.console.Console.failing`).

Typer reads the few labels of its help screens (``Options``, ``[default: …]``) from constants
of its own module; they are set to the active language only while a help screen is formatted,
and put back at once.
"""

from __future__ import annotations

import atexit
import contextlib
import difflib
import os
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
import typer.core
import typer.rich_utils

from reportgen import i18n
from reportgen.i18n import N_, _

LANG_OPTION = "--lang"
USAGE_ERROR = 2
BUG = 70
"""The exit code of a bug (``EX_SOFTWARE``): neither the input nor the command line is wrong."""
INTERRUPTED = 130
"""The exit code after Ctrl-C, as shells give a command stopped by it (128 + SIGINT)."""

_HELP_LABELS = {
    "ARGUMENTS_PANEL_TITLE": N_("Đối số"),
    "OPTIONS_PANEL_TITLE": N_("Tuỳ chọn"),
    "COMMANDS_PANEL_TITLE": N_("Lệnh"),
    "DEFAULT_STRING": N_("[mặc định: {}]"),
    "REQUIRED_LONG_STRING": N_("[bắt buộc]"),
}
"""Typer's help labels, by the name of the constant of ``typer.rich_utils`` that holds each one.
Its error panel and "Aborted." are never shown: the :class:`Group` says those itself."""


@contextmanager
def _help_labels() -> Iterator[None]:
    """Give Typer's help labels the active language while the block formats a help screen."""
    own = {name: getattr(typer.rich_utils, name) for name in _HELP_LABELS if hasattr(typer.rich_utils, name)}
    for name in own:
        setattr(typer.rich_utils, name, _(_HELP_LABELS[name]))
    try:
        yield
    finally:
        for name, label in own.items():
            setattr(typer.rich_utils, name, label)


class UsageProblem(Exception):
    """A command line that cannot be run, with the message to show (already translated)."""

    def __init__(self, message: str, ctx: typer.Context | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.ctx = ctx


def parse_language(value: str) -> str:
    """Check a ``--lang`` value.

    Raises:
        typer.BadParameter: it is not a language reportgen speaks.
    """
    if value not in i18n.LANGUAGES:
        raise typer.BadParameter(
            _('"{value}" không phải ngôn ngữ reportgen biết — hãy viết {choices}').format(
                value=value, choices=_(" hoặc ").join(i18n.LANGUAGES)
            )
        )
    return value


def requested_language(args: Sequence[str]) -> str | None:
    """Find the language asked for with ``--lang X`` or ``--lang=X``, before Click parses anything.

    >>> requested_language(["build", "a.yaml", "--lang", "en"])
    'en'
    >>> requested_language(["--lang=vi", "validate"]) is None, requested_language(["--lang=fr"])
    (False, None)
    """
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == LANG_OPTION and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith(f"{LANG_OPTION}="):
            found = arg.partition("=")[2]
    return found if found in i18n.LANGUAGES else None


class Command(typer.core.TyperCommand):
    """A command whose usage line and help speak the active language."""

    def format_help(self, ctx: Any, formatter: Any) -> None:  # noqa: D102 - Click's
        with _help_labels():
            super().format_help(ctx, formatter)

    def format_usage(self, ctx: Any, formatter: Any) -> None:  # noqa: D102 - Click's
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), _("Cách dùng: "))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:  # noqa: D102 - Click's
        # Typer writes a required argument in braces, `{TỆP}...`, which reads like something to
        # type; manuals write it bare, `TỆP...`, and optional parts in brackets.
        return [
            piece[1:].replace("}", "", 1) if piece.startswith("{") else piece
            for piece in super().collect_usage_pieces(ctx)
        ]


class Group(typer.core.TyperGroup):
    """The top of the command line: chooses the language, then runs a command."""

    def format_help(self, ctx: Any, formatter: Any) -> None:  # noqa: D102 - Click's
        with _help_labels():
            super().format_help(ctx, formatter)

    def format_usage(self, ctx: Any, formatter: Any) -> None:  # noqa: D102 - Click's
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), _("Cách dùng: "))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:  # noqa: D102 - Click's
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            nearest = difflib.get_close_matches(name, self.list_commands(ctx), n=1)
            message = _("không có lệnh `{name}`").format(name=name)
            if nearest:
                message += _(' — có phải ý bạn là "{nearest}"?').format(nearest=nearest[0])
            raise UsageProblem(message, ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:  # noqa: D102 - Click's
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # Ctrl-C: say so (Typer would end with 130 in silence)
            typer.echo(_("Đã dừng."), err=True)
            raise typer.Exit(INTERRUPTED) from None

    def main(  # type: ignore[override]  # noqa: D102 - Click's
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        _write_utf8()
        with i18n.speaking(requested_language(arguments) or i18n.from_environment()):
            _localize(self)
            code = self._run(arguments, prog_name, complete_var, **extra)
        if not standalone_mode:
            return code
        sys.exit(code)

    def _run(
        self, arguments: list[str], prog_name: str | None, complete_var: str | None, **extra: Any
    ) -> int:
        try:
            result = super().main(arguments, prog_name, complete_var, standalone_mode=False, **extra)
        except UsageProblem as problem:
            _show_usage_problem(problem.message, problem.ctx)
            return USAGE_ERROR
        except typer.TyperException as error:  # Click's own exceptions, vendored by Typer
            if type(error).__name__ == "NoArgsIsHelpError":
                typer.echo(error.format_message())  # the help, asked for by giving nothing
                return 0
            _show_usage_problem(_usage_message(error), getattr(error, "ctx", None))
            return getattr(error, "exit_code", USAGE_ERROR)
        except typer.Abort:
            typer.echo(_("Đã dừng."), err=True)
            return 1
        except Exception:
            traceback.print_exc()
            typer.secho(
                _(
                    "Đây là lỗi của chính reportgen, không phải lỗi trong tệp số liệu của bạn. "
                    "Xin gửi toàn bộ thông báo trên, kèm tệp số liệu nếu được, cho người phụ trách "
                    "reportgen để sửa."
                ),
                fg=typer.colors.RED,
                err=True,
            )
            return BUG
        return result if isinstance(result, int) else 0


def run_and_exit(command: typer.Typer) -> NoReturn:
    """Run ``command`` as the program, then end the process at once with its exit code.

    Python's teardown after a build frees every object one by one and collects garbage over and
    over: about a quarter of a second, a tenth of a build, spent on memory the system takes
    back at once. Only that is skipped: the threads still running are waited for, the exit
    handlers (``atexit``) run and the output is flushed, as at a normal exit.
    """
    code = command(prog_name="reportgen", standalone_mode=False)
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()  # private, but the one way to run them before os._exit
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code if isinstance(code, int) else 0)


def _write_utf8() -> None:
    """Write UTF-8 when the output goes to a file or a pipe in another encoding.

    Windows gives a redirected stream the ANSI code page (cp1252), in which Vietnamese cannot
    be written at all: ``reportgen schema > schema.json`` would fail on its first "ệ".
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8")


def _localize(group: typer.core.TyperGroup) -> None:
    """Translate the help texts of ``group`` and its commands (Click's objects, made for this run)."""
    for command in [group, *group.commands.values()]:
        for attribute in ("help", "short_help", "epilog"):
            if getattr(command, attribute, None):
                setattr(command, attribute, _(getattr(command, attribute)))
        command.options_metavar = _("[TUỲ CHỌN]")
        help_option = command.get_help_option(typer.Context(command))
        if help_option is not None:
            help_option.help = _("Hiện hướng dẫn này rồi thoát.")
        for param in [*command.params, *([help_option] if help_option else [])]:
            if getattr(param, "help", None):
                param.help = _(param.help)  # type: ignore[attr-defined]
            if param.metavar:
                param.metavar = _(param.metavar)
            elif getattr(param, "is_flag", False):
                param.metavar = ""  # a flag takes no value: no type to show in the help
            if getattr(param, "param_type_name", "") == "argument" and hasattr(param, "display_type_rich"):
                # Typer shows an argument's Python type (`<list[Path]>`) beside its name, which
                # says nothing to a secretary: the name and the help say it all.
                setattr(param, "display_type_rich", lambda ctx: None)  # noqa: B010 - an instance's own
    group.subcommand_metavar = _("LỆNH [ĐỐI SỐ]...")


def _usage_message(error: typer.TyperException) -> str:
    """Say what is wrong with the command line, from Click's exception and what it knows."""
    kind = type(error).__name__
    param = getattr(error, "param", None)
    name = _param_name(param) if param is not None else ""
    if kind == "MissingParameter" and name:
        return _("thiếu {name}").format(name=name)
    if kind == "NoSuchOption":
        option = str(getattr(error, "option_name", ""))
        message = _("không có tuỳ chọn {option}").format(option=option)
        nearest = difflib.get_close_matches(
            option, getattr(error, "possibilities", None) or [], n=1, cutoff=0
        )
        if nearest:
            message += _(' — có phải ý bạn là "{nearest}"?').format(nearest=nearest[0])
        return message
    if kind == "BadOptionUsage" and "requires" in error.message:
        return _("tuỳ chọn {option} cần một giá trị viết ngay sau nó").format(
            option=getattr(error, "option_name", "")
        )
    if kind == "BadParameter" and name:
        return f"{name}: {error.message}"  # our parsers raise it with a translated message
    return error.format_message()  # what Click says, untranslated: rare enough to leave


def _param_name(param: Any) -> str:
    opts = getattr(param, "opts", None) or []
    if getattr(param, "param_type_name", "") == "argument":
        return str(param.metavar or param.name).upper()
    return " / ".join(opts) or str(param.name)


def _show_usage_problem(message: str, ctx: Any) -> None:
    typer.secho(_("Lỗi: {message}").format(message=message), fg=typer.colors.RED, err=True)
    if ctx is None:
        return
    usage = " ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)])
    typer.echo(_("Cách dùng: {usage}").format(usage=usage), err=True)
    typer.echo(_("Xem hướng dẫn: {command} --help").format(command=ctx.command_path), err=True)
