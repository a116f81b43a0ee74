"""Checking a batch's inputs as a build would, writing nothing: what ``reportgen validate`` reports.

Each input is made as far as validation (:func:`reportgen.unit.make` without pages): loaded,
its sub-units added up, validated and reviewed, exactly as a build would before rendering.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportgen import unit
from reportgen.batch.inputs import find_inputs
from reportgen.errors import Problem, ReportgenError
from reportgen.validation import upgrade_notice


@dataclass(frozen=True)
class Valid:
    """An input without errors: its warnings, and a note when it is written in an older version."""

    source: Path
    warnings: list[Problem]
    notice: Problem | None
    """That the file is in an older version, which still builds as it did, and how to move it on."""


def validate(inputs: Iterable[Path]) -> list[Valid]:
    """Check every input (folders expanded into their ``.yaml`` files) as a build would.

    Raises:
        ReportgenError: a path does not exist or a folder holds no YAML file; or some inputs
            have errors: then with every problem of every input, warnings included.
    """
    problems: list[Problem] = []
    valid = []
    for source in find_inputs(inputs):
        try:
            made = unit.make(source)
        except ReportgenError as error:
            problems += error.problems
            continue
        problems += made.warnings
        valid.append(Valid(source, made.warnings, upgrade_notice(made.checked)))
    failure = ReportgenError(problems)
    if failure.errors:
        raise failure
    return valid
