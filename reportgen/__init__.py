"""reportgen: year-end reports and press articles for Vietnamese associations.

One YAML file of a unit's figures becomes a press article (HTML and PDF) and a formal
year-end report (HTML and PDF), with every number, sum and date written the Vietnamese way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportgen.errors import Location, Problem, ReportgenError
from reportgen.outcomes import BuildFailed, Feedback, Format, Written

if TYPE_CHECKING:
    from reportgen.pipeline import build

__all__ = ["BuildFailed", "Feedback", "Format", "Location", "Problem", "ReportgenError", "Written", "build"]
__version__ = "0.2.0"


def __getattr__(name: str) -> Any:
    # The build's stages load only when a program asks for them, not when the CLI starts.
    if name == "build":
        from reportgen.pipeline import build

        return build
    raise AttributeError(f"module 'reportgen' has no attribute {name!r}")
