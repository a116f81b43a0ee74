"""Incremental builds: what each unit's output was built from, so an unchanged unit is skipped.

The output folder keeps a manifest, ``.reportgen.json``. For each unit it records the basis
of the build (reportgen's version, the options, the fonts, the templates and assets the pages
use) and a content hash of every file and folder the unit was read from: the input, its
sub-units, its photos (a missing photo too, so it counts as a change when it appears). A unit
is skipped only when all of these hash the same and all its output files are still there.
A manifest that cannot be read, or was written by another format, counts as empty: the next
build is a full one. A wrong skip would publish stale figures; a needless rebuild costs seconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta

NAME = ".reportgen.json"
FORMAT = 1
MISSING = "-"


def digest(path: Path) -> str:
    """Hash a file's bytes, or a folder's list of input files; ``-`` when there is nothing there."""
    if path.is_dir():
        names = sorted(p.name for p in path.iterdir() if p.suffix in {".yaml", ".yml"})
        return "dir:" + hashlib.sha256("\n".join(names).encode()).hexdigest()
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return MISSING


def basis(
    options: dict[str, object], env: jinja2.Environment, pages: Iterable[str], fonts: Iterable[Path]
) -> str:
    """Hash what every unit of a build depends on besides its own files.

    That is reportgen's version and those of the libraries that draw and print, the options,
    the font files, and the templates the pages use, followed through ``extends``,
    ``include`` and ``import``, wherever the loader finds them (the user's folder or the packaged
    one). A template named by an expression cannot be followed: then every template counts.
    """
    hasher = hashlib.sha256()
    versions = {name: _version(name) for name in ("reportgen", "weasyprint", "matplotlib", "jinja2")}
    hasher.update(
        json.dumps({"versions": versions, "options": options}, sort_keys=True, default=str).encode()
    )
    for font in sorted(set(fonts)):
        hasher.update(f"\0font {font} {digest(font)}".encode())
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
    files: list[str]


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
        if not all((target / name).is_file() for name in entry.files):
            return False
        return all(digest(Path(path)) == hashed for path, hashed in entry.read.items())

    def record(self, source: Path, basis: str, read: dict[str, str], files: Iterable[Path]) -> None:
        """Remember what the output of ``source`` was built from; ``read`` was hashed before reading."""
        target = self.folder / source.stem
        names = sorted(path.relative_to(target).as_posix() for path in files)
        self.entries[source.stem] = Entry(str(source.resolve()), basis, read, names)
        self.changed = True

    def forget(self, source: Path) -> None:
        """Drop ``source``: its output will be built next time whatever happens."""
        self.changed |= self.entries.pop(source.stem, None) is not None

    def save(self) -> None:
        """Write the manifest beside the outputs, whole or not at all."""
        units = {stem: vars(entry) for stem, entry in sorted(self.entries.items())}
        text = json.dumps({"format": FORMAT, "units": units}, ensure_ascii=False, indent=1)
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=f"{NAME}.", dir=self.folder)
        try:
            os.chmod(partial, 0o644)  # mkstemp makes it private; the outputs beside it are not
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(partial, self.folder / NAME)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(partial)


def _entry(value: Any) -> dict[str, Any]:
    """Check one unit's line has the shape written; anything else makes the manifest untrusted."""
    if not (
        isinstance(value, dict)
        and set(value) == {"source", "basis", "read", "files"}
        and isinstance(value["read"], dict)
        and isinstance(value["files"], list)
        and all(isinstance(item, str) for item in [value["source"], value["basis"], *value["files"]])
        and all(isinstance(k, str) and isinstance(v, str) for k, v in value["read"].items())
    ):
        raise ValueError("manifest entry")
    return value
