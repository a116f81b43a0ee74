"""Which files a batch is made of: folders expanded, and names that cannot be output folders refused.

Each input is written into a folder named after it, so two inputs of one name, or a name
starting with a dot (an output folder's hidden names are reportgen's own), are refused before
anything is built.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from reportgen.errors import Location, Problem, ReportgenError
from reportgen.i18n import _
from reportgen.loading import inputs_in


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


def clashing_stems(sources: Sequence[Path]) -> list[Problem]:
    """Refuse an input named with a leading dot, and two inputs that would write into one folder."""
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
