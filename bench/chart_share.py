"""How much of a report's build the chart takes: the chart must not dominate the build.

Run with ``.venv/bin/python bench/chart_share.py``. It builds the second sample's report (HTML and
PDF) in a fresh process, cold, as a secretary's one-off ``reportgen build`` does, with and without
its chart, and prints the chart's share of the time. The target: the chart, its module's import
included, under a third of a cold build of the report, and under a tenth once warm.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "inputs" / "na-ri-2023.yaml"
RUNS = 5

COLD = """
import sys, time, pathlib
from reportgen import fonts, templating, unit
from reportgen.rendering import Printer
started = time.perf_counter()
html = unit.rendered(pathlib.Path(sys.argv[1])).documents.html
Printer([templating.packaged_templates()], fonts.choose()).pdf(html["report"], pathlib.Path("."))
print(time.perf_counter() - started)
"""

CHART = """
import sys, time, pathlib
from reportgen import charts
from reportgen.compute import main_indicators
from reportgen.loading import load
from reportgen.validation import validate
data = validate(load(pathlib.Path(sys.argv[1])))
indicators = {k: c for g in data.chi_tieu.values() for k, c in g.danh_sach.items()}
shown = [indicators[k] for k in main_indicators(indicators)]
started = time.perf_counter()
charts.indicator_chart(shown, data.nam)
cold = time.perf_counter() - started
started = time.perf_counter()
charts.indicator_chart(shown, data.nam)
print(cold, time.perf_counter() - started)
"""


def run(code: str) -> list[float]:
    done = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLE)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return [float(x) for x in done.stdout.split()]


def main() -> None:
    run(CHART)  # the first run warms the disk cache, as a user's second build finds it
    builds = [run(COLD)[0] for _ in range(RUNS)]
    charts = [run(CHART) for _ in range(RUNS)]
    build = statistics.median(builds)
    cold = statistics.median(c[0] for c in charts)
    warm = statistics.median(c[1] for c in charts)
    print(f"report build, cold (HTML + PDF, chart included): {build:6.2f} s")
    print(f"chart, cold (first in its process):               {cold:6.2f} s")
    print(f"chart, warm:                                      {warm:6.2f} s")
    print(f"chart share of a cold build: {cold / build:5.1%}   (target < 33%)")
    print(f"warm chart / cold build:     {warm / build:5.1%}   (target < 10%)")


if __name__ == "__main__":
    main()
