"""Where templates are read from: regular files inside the template folders, and nothing else.

Jinja2's own ``FileSystemLoader`` follows symbolic links wherever they lead: a ``--templates``
folder holding a link ``root -> /`` would let ``{% include "root/etc/passwd" %}`` print the
machine's files into a published article. :class:`FolderLoader` resolves each template's real
path first and refuses one outside its folder, and reads only regular files under a size cap
(a FIFO named ``article.html`` would otherwise make the build wait for ever). A refusal is an
error that names the file, never a silent fall-back to the packaged template of the same name.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import jinja2
import jinja2.bccache
from jinja2.loaders import split_template_path

from reportgen import files
from reportgen.i18n import _

MAX_BYTES = 1024 * 1024
"""The largest template file read: the packaged ones are a few kilobytes each."""


def packaged_templates() -> Path:
    """The templates that come with reportgen, installed or in a checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "templates"
    return installed if installed.is_dir() else package.parent / "templates"


class Refused(jinja2.TemplateError):
    """A template file reportgen will not read; the message says why and what to do."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class FolderLoader(jinja2.BaseLoader):
    """Loads templates from one folder: regular files whose real path is inside it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """Read template ``template`` (a name like ``article.html`` or ``phan/dau.html``).

        Raises:
            jinja2.TemplateNotFound: the folder has no such file, so the next folder is searched.
            Refused: the file leads outside the folder, is not a regular file, is too large or
                is not UTF-8.
        """
        path = self.folder.joinpath(*split_template_path(template))  # refuses ".." itself
        if not os.path.lexists(path):
            raise jinja2.TemplateNotFound(template)
        if not files.inside(path, self.folder):
            raise Refused(
                path,
                _(
                    "mẫu `{name}` là liên kết tới một tệp ngoài thư mục mẫu — reportgen chỉ đọc mẫu "
                    "nằm trong thư mục mẫu; hãy chép chính tệp vào đó"
                ).format(name=template),
            )
        try:
            raw = files.read_bytes(path, MAX_BYTES)
            status = os.stat(path)
        except FileNotFoundError:
            raise jinja2.TemplateNotFound(template) from None
        except files.NotRegular as error:
            if path.is_dir():
                raise jinja2.TemplateNotFound(template) from None
            raise Refused(
                path, _("mẫu `{name}` không phải tệp mà là {kind}").format(name=template, kind=error.kind)
            ) from None
        except files.TooLarge:
            raise Refused(
                path,
                _("mẫu `{name}` quá lớn (hơn {mb} MB)").format(name=template, mb=files.megabytes(MAX_BYTES)),
            ) from None
        except OSError as error:
            raise Refused(
                path,
                _("không đọc được mẫu `{name}` ({reason})").format(
                    name=template, reason=error.strerror or error
                ),
            ) from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise Refused(
                path, _("mẫu `{name}` không phải mã UTF-8 — hãy lưu lại với mã UTF-8").format(name=template)
            ) from None

        def uptodate() -> bool:
            try:
                return os.stat(path).st_mtime_ns == status.st_mtime_ns
            except OSError:
                return False

        return text, str(path), uptodate

    def list_templates(self) -> list[str]:
        """Name every template of the folder, without following links out of it."""
        found = []
        for folder, _folders, names in os.walk(self.folder):  # links to folders are not entered
            for name in names:
                path = Path(folder, name)
                if files.inside(path, self.folder) and path.is_file():
                    found.append(path.relative_to(self.folder).as_posix())
        return sorted(found)

    def path_of(self, template: str) -> Path | None:
        """Where ``template`` would be read from in this folder, if it is there."""
        try:
            path = self.folder.joinpath(*split_template_path(template))
        except jinja2.TemplateNotFound:
            return None
        return path if os.path.lexists(path) else None


def compile_ahead(env: jinja2.Environment, names: Iterable[str]) -> None:
    """Compile the templates ``names`` and every template they extend, include or import.

    Done by the process that fills the templates while the build gets the rest ready, so that
    the first page is not held up by compiling. A template that fails to compile is left for
    the page that uses it to report, with its file and line.
    """
    todo, done = list(names), set()
    while todo:
        name = todo.pop()
        if name in done:
            continue
        done.add(name)
        try:
            env.get_template(name)
            source = env.loader.get_source(env, name)[0] if env.loader else ""
        except Exception:  # reported by the page, with its place
            continue
        # Found by a pattern, not a second parse: a name it misses is only compiled later.
        todo += _REFERENCED.findall(source)


_REFERENCED = re.compile(r"""\{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")


class Compiled(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept in the user's cache folder, as Python keeps ``.pyc`` files.

    Compiling the templates took a quarter of a second in every build. Jinja2 keeps each
    template's compiled code under its name and file, with the checksum of its source: an
    edited template is compiled again, and Jinja2 marks the code with Python's version. The
    folder's name says what else shapes the code: Jinja2's version and the environment's
    options, its sandbox's among them. A cache that cannot be read or written only means
    compiling again.
    """

    def __init__(self, shaped_by: str) -> None:
        from reportgen import fonts

        key = hashlib.sha256(f"{shaped_by}|{jinja2.__version__}".encode()).hexdigest()[:16]
        folder = fonts.cache_folder() / f"mau-{key}"
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:  # noqa: D102 - Jinja2's
        with contextlib.suppress(OSError, ValueError, EOFError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:  # noqa: D102 - Jinja2's
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)
