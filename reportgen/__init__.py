"""reportgen: year-end reports and press articles for Vietnamese associations.

One YAML file of a unit's figures becomes a press article (HTML and PDF) and a formal
year-end report (HTML and PDF), with every number, sum and date written the Vietnamese way.
"""

from reportgen.errors import Location, Problem, ReportgenError
from reportgen.pipeline import Feedback, Format, Written, build

__all__ = ["Feedback", "Format", "Location", "Problem", "ReportgenError", "Written", "build"]
__version__ = "0.1.0"
