"""The options several commands share, each declared once, and the checks of what is typed into them.

Help texts are marked with ``N_()`` and translated when the command line runs (see
:mod:`reportgen.cli.kit`); a value that does not fit gets a message saying what to type instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reportgen.batch.outcomes import Format
from reportgen.cli.kit import LANG_OPTION, parse_language
from reportgen.i18n import N_, _

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
