"""The command line: parse options, call the library, turn its errors into red lines.

Nothing here knows how a report is made; everything it does can be done from Python with
:func:`reportgen.build` and the modules it names. One function per command; the options
several commands share are defined once below. Help texts are marked with ``N_()`` and
translated when the command line runs (see :mod:`reportgen.clikit`).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from reportgen.batch.outcomes import BuildFailed, BuildInterrupted, Format, Written
from reportgen.clikit import INTERRUPTED, LANG_OPTION, Command, Group, parse_language
from reportgen.console import Console
from reportgen.errors import ReportgenError
from reportgen.i18n import N_, _, ngettext

# The stages (pydantic models, Jinja2, Pillow, WeasyPrint) are imported inside the commands
# that use them, so `reportgen --help` answers as fast as Typer itself.


def build(inputs: list[Path], **options: Any) -> Written:
    """Run :func:`reportgen.build`, importing the stages only now."""
    from reportgen.batch.build import build as build_all

    return build_all(inputs, **options)


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

# --- options shared by several commands ----------------------------------------------------

Lang = Annotated[
    str | None,
    typer.Option(
        LANG_OPTION,
        help=N_("Ngôn ngữ của lệnh: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh)."),
        parser=parse_language,
        metavar="vi|en",
    ),
]
"""Read by the Group before parsing (so help texts are translated); declared so Click accepts it."""

Quiet = Annotated[
    bool, typer.Option("--quiet", "-q", help=N_("Chỉ in lỗi: không in cảnh báo, tiến độ hay tóm tắt."))
]

Inputs = Annotated[
    list[Path],
    typer.Argument(help=N_("Tệp YAML số liệu (hoặc thư mục chứa các tệp đó)."), metavar=N_("TỆP")),
]


def parse_format(value: str) -> Format:
    """Check a ``--format`` value.

    Raises:
        typer.BadParameter: it is not one of the formats.
    """
    try:
        return Format(value)
    except ValueError:
        raise typer.BadParameter(
            _('"{value}" không phải định dạng reportgen ghi được — hãy viết html, pdf, docx hoặc all').format(
                value=value
            )
        ) from None


def parse_folder(value: str) -> Path:
    """Check that a folder given on the command line exists.

    Raises:
        typer.BadParameter: there is no such folder.
    """
    if not Path(value).is_dir():
        raise typer.BadParameter(_('không có thư mục "{folder}"').format(folder=value))
    return Path(value)


Templates = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help=N_("Thư mục mẫu riêng, được tìm trước các mẫu có sẵn."),
        parser=parse_folder,
        metavar=N_("THƯ_MỤC"),
    ),
]


def parse_year(value: str) -> int:
    """Check a ``--year`` value: a year written with four digits.

    Raises:
        typer.BadParameter: it is not such a year.
    """
    if not (value.isdigit() and len(value) == 4 and 1945 <= int(value) <= 2100):
        raise typer.BadParameter(
            _('"{value}" không phải năm — hãy viết năm đủ bốn chữ số, ví dụ 2024').format(value=value)
        )
    return int(value)


def parse_jobs(value: str | int) -> int:
    """Check a ``--jobs`` value: a whole number of processes, one or more (the default is 1).

    Raises:
        typer.BadParameter: it is not such a number.
    """
    value = str(value)
    if not (value.isdigit() and int(value) >= 1):
        raise typer.BadParameter(
            _('"{value}" không phải số tiến trình — hãy viết một số nguyên từ 1 trở lên, ví dụ 2').format(
                value=value
            )
        )
    return int(value)


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
    lacking = ReportgenError(found)
    if lacking.errors:
        console.failed(lacking, _("chưa ghi tệp nào — cài thư viện còn thiếu rồi chạy lại."))
        raise typer.Exit(1)
    console.problems(found)


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
    console = Console(quiet)
    try:
        from reportgen import skeleton

        written = skeleton.create(
            file, organisation=org, year=year or skeleton.default_year(datetime.date.today()), force=force
        )
    except ReportgenError as error:
        console.failed(error, _("chưa tạo tệp nào."))
        raise typer.Exit(1) from None
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
    console = Console(quiet)
    try:
        from reportgen.batch.inputs import find_inputs
        from reportgen.unit import make
        from reportgen.validation import upgrade_notice

        sources = find_inputs(inputs)
    except ReportgenError as error:
        console.failed(error, _("không kiểm tra được."))
        raise typer.Exit(1) from None
    problems, clean = [], []
    for source in sources:
        try:
            checked = make(source).checked
        except ReportgenError as error:
            problems += error.problems
            continue
        problems += checked.warnings
        clean.append((source, len(checked.warnings), upgrade_notice(checked)))
    failure = ReportgenError(problems)
    if failure.errors:
        console.failed(failure, _("sửa các dòng trên rồi chạy lại lệnh này."))
        raise typer.Exit(1)
    console.problems(problems)
    for source, warned, notice in clean:
        if warned:
            said = ngettext(
                "{file}: không có lỗi, có {count} cảnh báo cần xem lại.",
                "{file}: không có lỗi, có {count} cảnh báo cần xem lại.",
                warned,
            )
        else:
            said = _("{file}: không có lỗi.")
        console.say(said.format(file=source, count=warned))
        if notice is not None:  # an older version builds as it did: a note, not a warning
            console.say(str(notice))


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
    check_machine(console, printing=fmt is not Format.HTML)
    try:
        with console.feedback() as feedback:
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
            )
    except BuildInterrupted as error:
        console.built(error.written)
        console.problems(error.problems)
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
        console.built(error.written)
        if not error.failed:  # every unit written, but not the manifest
            console.failed(error, _("các tệp kết quả đã ghi đủ."))
        elif not error.written:
            console.failed(error, _("chưa ghi tệp nào — sửa các dòng trên rồi chạy lại."))
        else:
            failed = ngettext(
                "{count} tệp có lỗi chưa được ghi (kết quả cũ giữ nguyên), các tệp khác đã ghi — "
                "sửa các dòng trên rồi chạy lại.",
                "{count} tệp có lỗi chưa được ghi (kết quả cũ giữ nguyên), các tệp khác đã ghi — "
                "sửa các dòng trên rồi chạy lại.",
                len(error.failed),
            )
            console.failed(error, failed.format(count=len(error.failed)))
        raise typer.Exit(1) from None
    except ReportgenError as error:
        console.failed(error, _("chưa ghi tệp nào — sửa các dòng trên rồi chạy lại."))
        raise typer.Exit(1) from None
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

    check_machine(Console(), printing=False)

    try:
        from reportgen import preview_server

        preview_server.run(source, templates, port, say)
    except ReportgenError as error:
        Console().failed(error, _("chưa mở được trang xem trước."))
        raise typer.Exit(1) from None


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
    try:
        json_schema.write(out)
    except ReportgenError as error:
        Console().failed(error, _("chưa ghi tệp nào."))
        raise typer.Exit(1) from None
    typer.echo(_("Đã ghi {file}.").format(file=out))


# The signing commands live in a module of their own; importing it adds them to `app`.
from reportgen import cli_sign  # noqa: E402, F401
