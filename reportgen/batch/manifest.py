"""Incremental builds: what each unit's output was built from, so an unchanged unit is skipped.

The output folder keeps a manifest, ``.reportgen.json``. For each unit it records the basis
of the build (reportgen's version, the options, the fonts, the templates and assets the pages
use), a content hash of every file and folder the unit was read from (the input, its
sub-units, its photos; a missing photo too, so it counts as a change when it appears) and a
content hash of every output file it wrote. A unit is skipped only when all of these hash the
same: its outputs are then byte for byte those the entry was recorded with. A build killed
between replacing a unit's files and saving the manifest, or a build of another input of the
same name, therefore never makes the next one keep outputs the manifest does not describe.
A manifest that cannot be read, or was written by another format, counts as empty: the next
build is a full one. A wrong skip would publish stale figures; a needless rebuild costs seconds.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta

from reportgen import atomic, files
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _
from reportgen.loading import inputs_in

NAME = ".reportgen.json"
FORMAT = 2
MISSING = files.MISSING

MAX_READ = 64 * 1024 * 1024
"""The largest file a unit is read from that is hashed: an input, a photo, a font is smaller.
A larger one hashes to a mark of its own, and building refuses it anyway."""
MAX_MADE = 1024**3
"""The largest output file hashed; a larger one is never skipped as unchanged."""


def digest(path: Path, limit: int = MAX_READ) -> str:
    """Hash a regular file's bytes, or a folder's list of input files; ``-`` when there is nothing there.

    Nothing but a regular file is ever opened, and never past ``limit`` (see :mod:`reportgen.files`).
    """
    if path.is_dir():
        names = [p.name for p in inputs_in(path)]
        return "dir:" + hashlib.sha256("\n".join(names).encode()).hexdigest()
    return files.digest(path, limit)


def basis(
    options: dict[str, object], env: jinja2.Environment, pages: Iterable[str], fonts: Iterable[Path]
) -> str:
    """Hash what every unit of a build depends on besides its own files.

    That is reportgen's version and those of the libraries that fill and print, the options,
    the font files, and the templates the pages use, followed through ``extends``,
    ``include`` and ``import``, wherever the loader finds them (the user's folder or the packaged
    one). A template named by an expression cannot be followed: then every template counts.
    """
    hasher = hashlib.sha256()
    versions = {name: _version(name) for name in ("reportgen", "weasyprint", "jinja2")}
    hasher.update(
        json.dumps({"versions": versions, "options": options}, sort_keys=True, default=str).encode()
    )
    for font in sorted(set(fonts)):
        hasher.update(f"\0font {font} {digest(font, MAX_MADE)}".encode())
    for name, text in _templates_used(env, pages):
        hasher.update(f"\0template {name}\0".encode() + text.encode())
    return hasher.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return MISSING


def _templates_used(env: jinja2.Environment, pages: Iterable[str]) -> list[tuple[str, str]]:
    assert env.loader is not None
    todo, seen = list(pages), {}
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        try:
            source, filename, _uptodate = env.loader.get_source(env, name)
            referenced = list(jinja2.meta.find_referenced_templates(env.parse(source)))
        except jinja2.TemplateError:
            referenced = [None]  # rendering reports it; meanwhile count every template
        else:
            seen[name] = f"{filename}\0{source}"
        if None in referenced:
            return [(name, _source(env, name)) for name in sorted(env.list_templates())]
        todo += [name for name in referenced if name is not None]
    return sorted(seen.items())


def _source(env: jinja2.Environment, name: str) -> str:
    assert env.loader is not None
    try:
        return env.loader.get_source(env, name)[0]
    except jinja2.TemplateError:
        return MISSING
    except UnicodeDecodeError:
        # Not a template but a binary file beside them: a picture, or the Word reference
        # document, whose digest the build's options carry when Word copies are made.
        return MISSING


@dataclass
class Entry:
    """One unit's line in the manifest."""

    source: str
    basis: str
    read: dict[str, str]
    made: dict[str, str]
    """Each output file, relative to the unit's folder, and the hash of its bytes."""


@dataclass
class Manifest:
    """The manifest of one output folder."""

    folder: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    changed: bool = False
    """Whether an entry was added or dropped since it was read: only then is it saved."""

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        """Read the manifest of ``folder``; an empty one when it is missing or cannot be trusted."""
        try:
            raw = json.loads((folder / NAME).read_text(encoding="utf-8"))
            if raw.get("format") != FORMAT:
                return cls(folder)
            entries = {stem: Entry(**_entry(value)) for stem, value in raw["units"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return cls(folder)
        return cls(folder, entries)

    def fresh(self, source: Path, basis: str) -> bool:
        """Whether the output of ``source`` was built from exactly what is there now."""
        entry = self.entries.get(source.stem)
        if entry is None or entry.basis != basis or entry.source != str(source.resolve()):
            return False
        target = self.folder / source.stem
        if not all(digest(target / name, MAX_MADE) == hashed for name, hashed in entry.made.items()):
            return False
        return all(digest(Path(path)) == hashed for path, hashed in entry.read.items())

    def record(self, source: Path, basis: str, read: dict[str, str], written: Iterable[Path]) -> None:
        """Remember what the output of ``source`` was built from and what it is.

        ``read`` was hashed before reading; the ``written`` files are hashed now, as they are
        in the folder (no other build writes there while the lock is held).
        """
        target = self.folder / source.stem
        made = {path.relative_to(target).as_posix(): digest(path, MAX_MADE) for path in written}
        self.entries[source.stem] = Entry(str(source.resolve()), basis, read, dict(sorted(made.items())))
        self.changed = True

    def forget(self, source: Path) -> None:
        """Drop ``source``: its output will be built next time whatever happens."""
        self.changed |= self.entries.pop(source.stem, None) is not None

    def save(self) -> None:
        """Write the manifest beside the outputs, whole or not at all.

        Raises:
            ReportgenError: it could not be written (a full disk, a read-only folder). The
                outputs need no manifest to be right: the next build only does more work.
        """
        units = {stem: vars(entry) for stem, entry in sorted(self.entries.items())}
        text = json.dumps({"format": FORMAT, "units": units}, ensure_ascii=False, indent=1)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic.write(self.folder / NAME, text)
        except OSError as error:
            raise ReportgenError.at(
                Location(self.folder / NAME),
                _(
                    "không lưu được sổ ghi các lần làm ({reason}) — các tệp kết quả vẫn đúng; "
                    "lần sau reportgen sẽ làm lại những đơn vị nó không chắc"
                ).format(reason=atomic.reason(error)),
            ) from None


def _entry(value: Any) -> dict[str, Any]:
    """Check one unit's line has the shape written; anything else makes the manifest untrusted."""
    if not (
        isinstance(value, dict)
        and set(value) == {"source", "basis", "read", "made"}
        and isinstance(value["read"], dict)
        and isinstance(value["made"], dict)
        and isinstance(value["source"], str)
        and isinstance(value["basis"], str)
        and all(
            isinstance(k, str) and isinstance(v, str)
            for k, v in [*value["read"].items(), *value["made"].items()]
        )
    ):
        raise ValueError("manifest entry")
    return value
