"""The ``sign`` and ``verify`` commands: options in, the signing modules called, answers printed.

The work is done by :mod:`reportgen.signing` and :mod:`reportgen.verifying`. Kept in a module
of their own, whose ``app`` :mod:`reportgen.cli` adds to its own, because signing has many
options of its own. A password or PIN is read from a
prompt that does not echo, or from a file: never from the command line, where it would stay
in the shell's history and be visible to other users in the process list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reportgen.cli.console import Console
from reportgen.cli.kit import Command
from reportgen.cli.options import Lang
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import N_, _, ngettext
from reportgen.signature_place import BoxRequest

# pyHanko and the signing modules are imported inside the commands, as the build's stages are.

app = typer.Typer()
"""The signing commands; :mod:`reportgen.cli` adds them to its own."""

Secret = Annotated[
    Path | None,
    typer.Option(
        "--password-file",
        help=N_("Tệp chứa mật khẩu (hoặc PIN) trên dòng đầu; không có thì reportgen hỏi."),
        metavar=N_("TỆP"),
    ),
]
Roots = Annotated[
    list[Path] | None,
    typer.Option(
        "--roots",
        help=N_("Chứng thư gốc được tin cậy: một tệp .cer/.crt/.pem hoặc một thư mục chứa chúng."),
        metavar=N_("TỆP_HOẶC_THƯ_MỤC"),
    ),
]


def _file_option(name: str, text: str) -> object:
    return typer.Option(name, help=text, metavar=N_("TỆP"), exists=True, dir_okay=False)


def parse_box(value: str) -> BoxRequest:
    """Check a ``--box`` value (see :func:`reportgen.signature_place.parse_box`).

    Raises:
        typer.BadParameter: it is not written as the help says.
    """
    from reportgen.signature_place import parse_box as parse

    try:
        return parse(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


@app.command(
    "sign",
    cls=Command,
    help=N_(
        "Ký số báo cáo PDF (PAdES) vào khối chữ ký, kèm hình chữ ký và con dấu như Nghị định 30 quy định; "
        "ghi ra tệp mới bên cạnh."
    ),
)
def sign_command(
    report: Annotated[
        Path, typer.Argument(help=N_("Tệp PDF cần ký."), metavar=N_("TỆP"), exists=True, dir_okay=False)
    ],
    p12: Annotated[Path | None, _file_option("--p12", N_("Tệp chứng thư số .p12/.pfx của người ký."))] = None,
    pkcs11_lib: Annotated[
        Path | None, _file_option("--pkcs11-lib", N_("Thư viện PKCS#11 của token USB của người ký."))
    ] = None,
    slot: Annotated[
        int | None,
        typer.Option("--slot", help=N_("Số khe của token (khi cắm nhiều token)."), metavar=N_("SỐ")),
    ] = None,
    token_label: Annotated[
        str | None, typer.Option("--token-label", help=N_("Nhãn của token."), metavar=N_("NHÃN"))
    ] = None,
    key_label: Annotated[
        str | None,
        typer.Option(
            "--key-label", help=N_("Nhãn của khoá trên token (khi token có nhiều khoá)."), metavar=N_("NHÃN")
        ),
    ] = None,
    password_file: Secret = None,
    signature_image: Annotated[
        Path | None, _file_option("--signature-image", N_("Ảnh chữ ký tay (PNG hoặc JPEG)."))
    ] = None,
    seal_p12: Annotated[
        Path | None, _file_option("--seal-p12", N_("Tệp chứng thư số .p12/.pfx của cơ quan."))
    ] = None,
    seal_pkcs11_lib: Annotated[
        Path | None, _file_option("--seal-pkcs11-lib", N_("Thư viện PKCS#11 của token của cơ quan."))
    ] = None,
    seal_token_label: Annotated[
        str | None,
        typer.Option("--seal-token-label", help=N_("Nhãn của token của cơ quan."), metavar=N_("NHÃN")),
    ] = None,
    seal_key_label: Annotated[
        str | None,
        typer.Option(
            "--seal-key-label", help=N_("Nhãn của khoá của cơ quan trên token."), metavar=N_("NHÃN")
        ),
    ] = None,
    seal_password_file: Annotated[
        Path | None,
        typer.Option(
            "--seal-password-file", help=N_("Tệp chứa mật khẩu (hoặc PIN) của cơ quan."), metavar=N_("TỆP")
        ),
    ] = None,
    seal_image: Annotated[
        Path | None, _file_option("--seal-image", N_("Ảnh con dấu (PNG hoặc JPEG)."))
    ] = None,
    seal_size: Annotated[
        float,
        typer.Option(
            "--seal-size", help=N_("Đường kính thật của con dấu, milimét."), min=20, max=60, metavar="MM"
        ),
    ] = 36.0,
    tsa: Annotated[
        str | None,
        typer.Option("--tsa", help=N_("Địa chỉ máy chủ cấp dấu thời gian (PAdES B-T)."), metavar="URL"),
    ] = None,
    box: Annotated[
        BoxRequest | None,
        typer.Option(
            "--box",
            help=N_("Chỗ ký trong PDF không do reportgen in: TRANG:X,Y,RỘNG,CAO (mm, từ góc trên bên trái)."),
            parser=parse_box,
            metavar=N_("TRANG:X,Y,RỘNG,CAO"),
        ),
    ] = None,
    roots: Roots = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help=N_("Tệp PDF đã ký (mặc định: TỆP.signed.pdf)."), metavar=N_("TỆP")),
    ] = None,
    lang: Lang = None,
) -> None:
    """Sign a report; write the signed copy beside it."""
    from reportgen import keys, signing

    console = Console()
    with console.failing(_("chưa ký, không ghi tệp nào.")):
        signer = seal = None
        if p12 or pkcs11_lib:
            source: keys.KeySource = (
                keys.CertificateFile(p12)
                if p12
                else keys.Token(pkcs11_lib or Path(), slot, token_label, key_label)
            )
            signer = signing.Key(source, _secret(source, password_file, _("người ký")), signature_image)
        if seal_p12 or seal_pkcs11_lib:
            source = (
                keys.CertificateFile(seal_p12)
                if seal_p12
                else keys.Token(seal_pkcs11_lib or Path(), None, seal_token_label, seal_key_label)
            )
            seal = signing.Key(source, _secret(source, seal_password_file, _("cơ quan")), seal_image)
        request = signing.Request(signer, seal, seal_size, tsa, box, tuple(roots or ()))
        signed = signing.sign(report, request, out)
    for note in signed.notes:
        typer.secho(_("cảnh báo: {message}").format(message=note), fg=typer.colors.YELLOW, err=True)
    console.say(_("Đã ký: {file} (PAdES {level}).").format(file=signed.path, level=signed.level))
    console.say(_("Kiểm tra: reportgen verify {file}").format(file=signed.path))


def _secret(source: object, file: Path | None, whose: str) -> str:
    """The password or PIN: the first line of ``file``, or typed at a prompt that does not echo."""
    from reportgen import keys

    if file is not None:
        try:
            return file.read_text(encoding="utf-8").splitlines()[0] if file.stat().st_size else ""
        except (OSError, UnicodeDecodeError) as error:
            raise ReportgenError.at(
                Location(file), _("không đọc được tệp mật khẩu: {error}").format(error=error)
            ) from None
    if isinstance(source, keys.Token):
        prompt = _("Mã PIN của token ({whose})").format(whose=whose)
    else:
        prompt = _("Mật khẩu của tệp chứng thư số ({whose})").format(whose=whose)
    return str(typer.prompt(prompt, hide_input=True, default="", show_default=False))


@app.command(
    "verify",
    cls=Command,
    help=N_(
        "Kiểm tra các chữ ký số của một tệp PDF: ai ký, lúc nào, nội dung còn nguyên vẹn, chứng thư tin cậy."
    ),
)
def verify_command(
    file: Annotated[
        Path, typer.Argument(help=N_("Tệp PDF đã ký."), metavar=N_("TỆP"), exists=True, dir_okay=False)
    ],
    roots: Roots = None,
    lang: Lang = None,
) -> None:
    """Print each signature's checks; exit 1 when one fails."""
    from reportgen import verifying

    with Console().failing(_("không kiểm tra được.")):
        checks = verifying.verify(file, tuple(roots or ()))
    for index, check in enumerate(checks, start=1):
        typer.secho("\n".join(verifying.describe(index, check)), fg=None if check.ok else typer.colors.RED)
    failed = sum(not check.ok for check in checks)
    if failed:
        said = ngettext(
            "{failed} trong {count} chữ ký không đạt — đừng tin nội dung tệp này.",
            "{failed} trong {count} chữ ký không đạt — đừng tin nội dung tệp này.",
            len(checks),
        )
        typer.secho(said.format(failed=failed, count=len(checks)), fg=typer.colors.RED, err=True)
        raise typer.Exit(1)
    said = ngettext("Cả {count} chữ ký đều hợp lệ.", "Cả {count} chữ ký đều hợp lệ.", len(checks))
    typer.echo(said.format(count=len(checks)))
