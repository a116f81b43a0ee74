"""The command line: parse options, call the library, print what it answers.

Nothing here knows how a report is made; everything it does can be done from Python with
:func:`reportgen.build`, :func:`reportgen.validate` and the modules they name. One function per
command, each a few lines: the options several commands share are in :mod:`~reportgen.cli.options`,
what a failure prints in one place (:meth:`~reportgen.cli.console.Console.failing`), how the
command line speaks in :mod:`~reportgen.cli.kit`; the signing commands are in
:mod:`~reportgen.cli.sign`.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reportgen.batch.outcomes import Format, Written
from reportgen.cli import sign
from reportgen.cli.console import Console
from reportgen.cli.kit import Command, Group
from reportgen.cli.options import Inputs, Lang, Quiet, Templates, parse_format, parse_jobs, parse_year
from reportgen.errors import ReportgenError
from reportgen.i18n import N_, _, ngettext
from reportgen.system import MachineLacks

if TYPE_CHECKING:
    from reportgen.isolation import Sandbox

# The stages (pydantic models, Jinja2, Pillow, WeasyPrint) are imported inside the commands
# that use them, so `reportgen --help` answers as fast as Typer itself.


def build(inputs: list[Path], **options: Any) -> Written:
    """Run :func:`reportgen.build`, importing the stages only now.

    With a printing child (one job), the child that fills the pages is started first thing,
    to compile the templates while the build gets the rest ready.
    """
    from reportgen import unit
    from reportgen.batch.build import build as build_all

    if options.get("press") is None:
        return build_all(inputs, **options)
    with unit.pages_for(options.get("templates")) as pages:
        return build_all(inputs, pages=pages, **options)


app = typer.Typer(
    cls=Group,
    help=N_("Làm tin bài và báo cáo tổng kết năm của các hội từ một tệp YAML."),
    epilog=N_(
        "Bắt đầu từ một tệp trắng: reportgen init so-lieu.yaml, sửa các giá trị mẫu trong tệp, "
        "reportgen validate so-lieu.yaml để kiểm tra, rồi reportgen build so-lieu.yaml."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # the Group reports bugs itself
)


def show_version(asked: bool) -> None:
    """Print reportgen's version and stop, when ``--version`` is given."""
    if asked:
        from reportgen import __version__

        typer.echo(f"reportgen {__version__}")
        raise typer.Exit()


def check_machine(console: Console, *, printing: bool) -> None:
    """Stop before anything is written when the machine lacks a library; warn when it is slow.

    Raises:
        typer.Exit: a library the build cannot do without is missing.
    """
    from reportgen import system

    found = system.check(printing)
    with console.failing(_("chưa ghi tệp nào — cài thư viện còn thiếu rồi chạy lại.")):
        if ReportgenError(found).errors:
            raise ReportgenError(found)
    console.problems(found)


def start_press(
    console: Console, templates: Path | None, font: str | None, *, archival: bool, attachments: bool
) -> Sandbox:
    """Choose the report's font and start the child that prints with it (see :mod:`reportgen.isolation`).

    The child forked by the program before the command line was read
    (:mod:`reportgen.program`) is given the printer, if there is one.

    Raises:
        typer.Exit: the font cannot be used, or the machine lacks fontconfig.
    """
    from reportgen import fonts, isolation, system
    from reportgen.rendering import Printer

    with console.failing(_("chưa ghi tệp nào — sửa các dòng trên rồi chạy lại.")):
        try:
            chosen = fonts.choose(font)
        except OSError as error:  # fontconfig itself cannot be loaded
            raise MachineLacks([system.missing(str(error))]) from None
    printer = Printer.for_templates(templates, chosen, archival=archival, attachments=attachments)
    ahead = isolation.take_ahead()
    return ahead.use(printer) if ahead is not None else isolation.Sandbox(printer=printer).start()


@app.callback()
def main(
    lang: Lang = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help=N_("In phiên bản của reportgen rồi thoát."),
            callback=show_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Run one of the commands below."""


# --- the commands --------------------------------------------------------------------------


@app.command("init", cls=Command, help=N_("Tạo tệp số liệu mới, có chú thích và ví dụ cho từng trường."))
def init_command(
    file: Annotated[Path, typer.Argument(help=N_("Tệp YAML sẽ tạo."), metavar=N_("TỆP"))],
    org: Annotated[
        str | None,
        typer.Option(
            "--org", help=N_('Tên đầy đủ của hội, ví dụ "Hội Nông dân huyện Na Rì".'), metavar=N_("TÊN")
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help=N_(
                "Năm tổng kết (mặc định: năm đang tổng kết — năm nay từ tháng 7, năm trước nếu sớm hơn)."
            ),
            parser=parse_year,
            metavar=N_("NĂM"),
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Ghi đè nếu tệp đã có."))] = False,
    quiet: Quiet = False,
    lang: Lang = None,
) -> None:
    """Write a commented skeleton of a year-end file."""
    from reportgen import skeleton

    console = Console(quiet)
    with console.failing(_("chưa tạo tệp nào.")):
        written = skeleton.create(
            file, organisation=org, year=year or skeleton.default_year(datetime.date.today()), force=force
        )
    console.say(_("Đã tạo {files}.").format(files=", ".join(str(path) for path in written)))
    console.say(
        _(
            "Mở {file}, thay các giá trị mẫu bằng số liệu của hội, rồi kiểm tra: reportgen validate {file}"
        ).format(file=file)
    )


@app.command(
    "validate",
    cls=Command,
    help=N_("Kiểm tra tệp số liệu: in mọi lỗi và cảnh báo, mỗi thứ một dòng, kèm vị trí để sửa."),
)
def validate_command(inputs: Inputs, quiet: Quiet = False, lang: Lang = None) -> None:
    """Report every problem of every input; exit 1 when there is an error."""
    from reportgen.batch.inputs import find_inputs
    from reportgen.batch.validate import validate

    console = Console(quiet)
    with console.failing(_("không kiểm tra được.")):
        sources = find_inputs(inputs)
    with console.failing(_("sửa các dòng trên rồi chạy lại lệnh này.")):
        valid = validate(sources)
    console.problems(warning for each in valid for warning in each.warnings)
    for each in valid:
        if each.warnings:
            said = ngettext(
                "{file}: không có lỗi, có {count} cảnh báo cần xem lại.",
                "{file}: không có lỗi, có {count} cảnh báo cần xem lại.",
                len(each.warnings),
            )
        else:
            said = _("{file}: không có lỗi.")
        console.say(said.format(file=each.source, count=len(each.warnings)))
        if each.notice is not None:  # an older version builds as it did: a note, not a warning
            console.say(str(each.notice))


@app.command("build", cls=Command, help=N_("Làm tin bài (article) và báo cáo (report) cho từng tệp số liệu."))
def build_command(
    inputs: Inputs,
    out: Annotated[
        Path, typer.Option("--out", "-o", help=N_("Thư mục ghi kết quả."), metavar=N_("THƯ_MỤC"))
    ] = Path("out"),
    templates: Templates = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help=N_("Ghi html, pdf, docx (Word) hay tất cả (all)."),
            parser=parse_format,
            metavar="html|pdf|docx|all",
        ),
    ] = Format.ALL,
    font: Annotated[
        str | None,
        typer.Option(
            "--font",
            help=N_(
                "Phông chữ của báo cáo: tên phông đã cài trên máy hoặc tệp .ttf/.otf "
                "(mặc định: Times New Roman nếu máy có, không thì Noto Serif cài kèm)."
            ),
            metavar=N_("PHÔNG"),
        ),
    ] = None,
    archival: Annotated[
        bool, typer.Option("--pdf-a", help=N_("In PDF lưu trữ (PDF/A-3b, có gắn thẻ cấu trúc)."))
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            help=N_("Số tiến trình làm cùng lúc."),
            parser=parse_jobs,
            metavar=N_("SỐ"),
        ),
    ] = 1,
    force: Annotated[
        bool, typer.Option("--force", help=N_("Làm lại mọi tệp, kể cả tệp không đổi từ lần trước."))
    ] = False,
    trust_templates: Annotated[
        bool,
        typer.Option(
            "--trust-templates",
            help=N_("Tin cậy thư mục mẫu riêng: cho phép mẫu đính kèm tệp trong thư mục mẫu vào PDF."),
        ),
    ] = False,
    quiet: Quiet = False,
    lang: Lang = None,
) -> None:
    """Build the article and the report of each input; an input with an error is not written."""
    console = Console(quiet)
    press = None
    if fmt.pdf and jobs == 1:
        # The printing child starts now and loads WeasyPrint while this process loads the rest;
        # it says what the machine lacks before the first unit is built.
        press = start_press(console, templates, font, archival=archival, attachments=trust_templates)
    else:
        from reportgen import isolation

        isolation.stop_ahead()  # not this build's: its processes each start their own
        check_machine(console, printing=fmt is not Format.HTML)
    failing = console.failing(_("chưa ghi tệp nào — sửa các dòng trên rồi chạy lại."))
    try:
        with failing, console.feedback() as feedback:
            written = build(
                inputs,
                out=out,
                templates=templates,
                fmt=fmt,
                font=font,
                archival=archival,
                feedback=feedback,
                jobs=jobs,
                force=force,
                trust_templates=trust_templates,
                press=press,
            )
    finally:
        if press is not None:
            press.close()
    console.built(written)
    if written.skipped:
        skipped = ngettext(
            "{count} tệp không đổi từ lần trước, giữ nguyên (thêm --force để làm lại).",
            "{count} tệp không đổi từ lần trước, giữ nguyên (thêm --force để làm lại).",
            len(written.skipped),
        )
        console.say(skipped.format(count=len(written.skipped)))
    if written.font is not None:
        console.say(_("Phông chữ của báo cáo: {font}").format(font=written.font.describe()))


@app.command(
    "preview",
    cls=Command,
    help=N_("Xem trước tin bài và báo cáo trong trình duyệt; trang tự cập nhật mỗi khi lưu tệp."),
)
def preview_command(
    source: Annotated[
        Path, typer.Argument(help=N_("Tệp YAML số liệu."), metavar=N_("TỆP"), exists=True, dir_okay=False)
    ],
    port: Annotated[
        int | None,
        typer.Option("--port", "-p", help=N_("Cổng; mặc định 8000 (bận thì cổng khác)."), metavar=N_("CỔNG")),
    ] = None,
    templates: Templates = None,
    lang: Lang = None,
) -> None:
    """Serve the article and the report on 127.0.0.1, rebuilt and reloaded on every save."""

    def say(line: str, problem: bool = False) -> None:
        typer.secho(line, fg=typer.colors.RED if problem else None, err=problem)

    console = Console()
    check_machine(console, printing=False)
    with console.failing(_("chưa mở được trang xem trước.")):
        from reportgen.preview import server

        server.run(source, templates, port, say)


@app.command(
    "schema",
    cls=Command,
    help=N_("In JSON Schema của tệp số liệu, để trình soạn thảo gợi ý tên trường và báo lỗi ngay khi gõ."),
)
def schema_command(
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help=N_("Ghi vào tệp này thay vì in ra."), metavar=N_("TỆP")),
    ] = None,
    lang: Lang = None,
) -> None:
    """Print the JSON Schema of the input format, or write it to a file."""
    from reportgen import json_schema

    if out is None:
        typer.echo(json_schema.dumps(), nl=False)
        return
    with Console().failing(_("chưa ghi tệp nào.")):
        json_schema.write(out)
    typer.echo(_("Đã ghi {file}.").format(file=out))


app.add_typer(sign.app)  # sign and verify: options of their own, kept in a module of their own
