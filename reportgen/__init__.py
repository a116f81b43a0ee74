"""reportgen: year-end reports and press articles for Vietnamese associations.

One YAML file of a unit's figures becomes a press article (HTML and PDF) and a formal
year-end report (HTML and PDF), with every number, sum and date written the Vietnamese way.
:func:`build` makes them for many files at once, :func:`validate` checks files as a build
would; :func:`reportgen.unit.make` is every stage of one unit, in order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportgen.batch.outcomes import BuildFailed, Feedback, Format, Written
from reportgen.errors import Location, Problem, ReportgenError

if TYPE_CHECKING:
    from reportgen.batch.build import build
    from reportgen.batch.validate import validate

__all__ = [
    "BuildFailed",
    "Feedback",
    "Format",
    "Location",
    "Problem",
    "ReportgenError",
    "Written",
    "build",
    "validate",
]
__version__ = "0.2.0"


def __getattr__(name: str) -> Any:
    # The stages load only when a program asks for them, not when the CLI starts.
    if name == "build":
        from reportgen.batch.build import build

        return build
    if name == "validate":
        from reportgen.batch.validate import validate

        return validate
    raise AttributeError(f"module 'reportgen' has no attribute {name!r}")
