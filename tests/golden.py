"""The golden HTML files: what the samples must render to, committed and reviewed like code.

Regenerate them with ``make golden`` (``python -m tests.golden``) after a deliberate change
to the templates or the samples, and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import reportgen

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = sorted((ROOT / "inputs").glob("*.yaml"))
PAGES = ("article.html", "article-body.html", "article.txt", "report.html")

# A chart's SVG is a drawing of coordinates, checked by tests/test_charts.py (bars, labels, layout);
# the golden files keep only where it stands.
_CHART = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


# The article's web font is binary, checked by tests/test_webfont.py: the golden files keep its rules.
_FONT = re.compile(r"data:font/woff2;base64,[A-Za-z0-9+/=]+")


def comparable(html: str) -> str:
    """The HTML as the golden files keep it: each chart's drawing and font reduced to a placeholder."""
    html = _FONT.sub("data:font/woff2;base64,…", html)
    return _CHART.sub("<svg><!-- biểu đồ: tests/test_charts.py --></svg>", html)


BUILT_AT = "1702598400"
"""The build's time (SOURCE_DATE_EPOCH), which the article gives as its time of change."""


def render_samples(out: Path) -> None:
    """Build the HTML of every sample input into ``out``, as if at :data:`BUILT_AT`."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = BUILT_AT
    try:
        reportgen.build(SAMPLES, out=out, fmt=reportgen.Format.HTML)
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def regenerate() -> None:
    """Rewrite ``tests/golden/`` from the samples as they render now."""
    with tempfile.TemporaryDirectory() as scratch:
        render_samples(Path(scratch))
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for sample in SAMPLES:
            (GOLDEN / sample.stem).mkdir(parents=True)
            for page in PAGES:
                html = (Path(scratch) / sample.stem / page).read_text(encoding="utf-8")
                (GOLDEN / sample.stem / page).write_text(comparable(html), encoding="utf-8")
                print(f"{GOLDEN.relative_to(ROOT) / sample.stem / page}")


if __name__ == "__main__":
    regenerate()
