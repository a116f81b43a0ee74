"""The ``reportgen`` program, as installed and as ``python -m reportgen``.

A build's longest single step is loading WeasyPrint, in the child that prints. When the
command is ``build``, that child is forked first thing, before the command line is even read
(reading it loads Typer and pydantic): it loads WeasyPrint meanwhile, and the build gives it
its printer once the options are known (:func:`reportgen.cli.start_press`). A build that does
not print, or prints in several processes, stops it unused.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import NoReturn


def run() -> NoReturn:
    """Run the command line (see :func:`reportgen.cli.kit.run_and_exit`)."""
    if command(sys.argv[1:]) == "build":
        from reportgen import isolation

        isolation.start_ahead()
    from reportgen.cli import app
    from reportgen.cli.kit import run_and_exit

    run_and_exit(app)


def command(args: Sequence[str]) -> str | None:
    """The command a command line names: its first word that is neither an option nor ``--lang``'s value.

    >>> command(["--lang", "en", "build", "a.yaml"]), command(["build", "--help"]), command(["--version"])
    ('build', 'build', None)
    """
    words = iter(args)
    for word in words:
        if word == "--lang":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None
