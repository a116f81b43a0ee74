"""The secretary's wait: one unit built by a fresh command, against WeasyPrint alone.

``reportgen build inputs/bac-kan-2020.yaml --force`` (the article and the report, every format)
and a bare Python script printing the same two HTML pages with WeasyPrint
(``bench/weasyprint_alone.py``), each a whole process, run one after the other in turns so that
both meet the same load. bench/run.py prints the medians and their ratio.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from batch import REPORTGEN, ROOT, font_rules

SAMPLE = ROOT / "inputs" / "bac-kan-2020.yaml"


def timed(command: list[str]) -> tuple[float, float]:
    """Run ``command``; return its wall time and the CPU time of its whole process tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    spent = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return spent, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def one_shot(runs: int, scratch: Path, sample: Path = SAMPLE) -> dict[str, float]:
    """Median wall and CPU times of a forced build of ``sample`` and of WeasyPrint alone."""
    out = scratch / "one-shot"
    build = [*REPORTGEN, "build", str(sample), "--force", "-o", str(out)]
    subprocess.run(build, check=True, stdout=subprocess.DEVNULL)  # the caches a user has after one build
    rules = scratch / "one-shot-rules.css"
    rules.write_text(font_rules(), encoding="utf-8")
    printed = scratch / "one-shot-alone"
    printed.mkdir(exist_ok=True)
    pages = [out / sample.stem / "article.html", out / sample.stem / "report.html"]
    alone = [sys.executable, str(ROOT / "bench" / "weasyprint_alone.py"), str(rules), str(printed)]
    alone += map(str, pages)
    subprocess.run(alone, check=True)
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(timed(build))
        theirs.append(timed(alone))
    return {
        "one shot": statistics.median(wall for wall, _ in ours),
        "one shot cpu": statistics.median(cpu for _, cpu in ours),
        "one shot alone": statistics.median(wall for wall, _ in theirs),
        "one shot alone cpu": statistics.median(cpu for _, cpu in theirs),
    }
