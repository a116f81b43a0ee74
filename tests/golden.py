"""The golden HTML files: what the samples must render to, committed and reviewed like code.

Regenerate them with ``make golden`` (``python -m tests.golden``) after a deliberate change
to the templates or the samples, and read the diff before committing it.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import reportgen

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = sorted((ROOT / "inputs").glob("*.yaml"))
PAGES = ("article.html", "article-body.html", "article.txt", "report.html")


def render_samples(out: Path) -> None:
    """Build the HTML of every sample input into ``out``."""
    reportgen.build(SAMPLES, out=out, fmt=reportgen.Format.HTML)


def regenerate() -> None:
    """Rewrite ``tests/golden/`` from the samples as they render now."""
    with tempfile.TemporaryDirectory() as scratch:
        render_samples(Path(scratch))
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for sample in SAMPLES:
            (GOLDEN / sample.stem).mkdir(parents=True)
            for page in PAGES:
                shutil.copyfile(Path(scratch) / sample.stem / page, GOLDEN / sample.stem / page)
                print(f"{GOLDEN.relative_to(ROOT) / sample.stem / page}")


if __name__ == "__main__":
    regenerate()
