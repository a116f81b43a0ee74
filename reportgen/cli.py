"""The command line: parse options, call the library, turn its errors into red lines.

Nothing here knows how a report is made; everything it does can be done from Python with
:func:`reportgen.build`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reportgen import preview_server
from reportgen.errors import ReportgenError
from reportgen.pipeline import Format, build

app = typer.Typer(
    help="Làm tin bài và báo cáo tổng kết năm của các hội từ một tệp YAML.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def main() -> None:
    """Làm tin bài và báo cáo tổng kết năm của các hội từ một tệp YAML."""


@app.command("build")
def build_command(
    inputs: Annotated[list[Path], typer.Argument(help="Tệp YAML số liệu (hoặc thư mục chứa các tệp đó).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Thư mục ghi kết quả.")] = Path("out"),
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="Thư mục mẫu riêng, được tìm trước các mẫu có sẵn.",
            exists=True,
            file_okay=False,
        ),
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="Ghi html, pdf hay cả hai (all).")
    ] = Format.ALL,
    font: Annotated[
        str | None,
        typer.Option(
            "--font",
            help="Phông chữ của báo cáo: tên phông đã cài trên máy hoặc tệp .ttf/.otf "
            "(mặc định: Times New Roman nếu máy có, không thì Noto Serif cài kèm).",
        ),
    ] = None,
    archival: Annotated[
        bool, typer.Option("--pdf-a", help="In PDF lưu trữ (PDF/A-3b, có gắn thẻ cấu trúc).")
    ] = False,
) -> None:
    """Làm tin bài (article) và báo cáo (report) cho từng tệp số liệu."""
    try:
        written = build(inputs, out=out, templates=templates, fmt=fmt, font=font, archival=archival)
    except ReportgenError as error:
        for problem in error.problems:
            typer.secho(str(problem), fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from None
    folders = sorted({path.parent if path.parent.name != "anh" else path.parent.parent for path in written})
    for folder in folders:
        files = sorted(p.name for p in written if p.parent == folder)
        typer.echo(f"Đã ghi {folder}/: {', '.join(files)}")
    if written.font is not None:
        typer.echo(f"Phông chữ của báo cáo: {written.font.describe()}")


@app.command("preview")
def preview_command(
    source: Annotated[Path, typer.Argument(help="Tệp YAML số liệu.", exists=True, dir_okay=False)],
    port: Annotated[
        int | None, typer.Option("--port", "-p", help="Cổng; mặc định 8000 (bận thì cổng khác).")
    ] = None,
    templates: Annotated[
        Path | None, typer.Option("--templates", help="Thư mục mẫu riêng.", exists=True, file_okay=False)
    ] = None,
) -> None:
    """Xem trước tin bài và báo cáo trong trình duyệt; trang tự cập nhật mỗi khi lưu tệp."""

    def say(line: str, problem: bool = False) -> None:
        typer.secho(line, fg=typer.colors.RED if problem else None, err=problem)

    try:
        preview_server.run(source, templates, port, say)
    except ReportgenError as error:
        for problem in error.problems:
            say(str(problem), problem=True)
        raise typer.Exit(1) from None
