"""`make bench`: every benchmark of a build in one table, reportgen side by side with its reference.

``python bench/run.py [--units N] [--runs R] [--one-shot-runs R] [--saves S]``. The defaults
take a few minutes on a two-core machine; ``--units 200`` is the large batch of bench/RESULTS.md.

1. one unit, one fresh command (`reportgen build inputs/bac-kan-2020.yaml --force`) against a
   bare script printing the same two pages with WeasyPrint alone, whole processes both;
2. a batch of N generated units by one command, per PDF, against WeasyPrint alone printing the
   same pages in one process with its fonts reused;
3. the preview: from a save of the sample to its page showing the new figure, seen from outside;
4. `--jobs 2`, a no-op rebuild, memory, `--help` and the cost per page of a long report. One
   job already keeps the second core partly busy (its printing child works while it writes);
   `--jobs 2` is measured against what is left: two CPU loops' speed-up over one, divided by
   the cores one job keeps busy (its CPU time over its wall time).

Each figure is the median of its runs (the machine may be shared: medians, not means). Nothing
here is part of the tests' pass/fail.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from batch import one_run
from one_shot import one_shot
from preview import save_to_page


def _seconds(value: float) -> str:
    return f"{value:.3f} s"


def _mib(value: float) -> str:
    return f"{value:.0f} MiB"


def _times(value: float) -> str:
    return f"{value:.2f}×"


ALONE = "WeasyPrint alone"
ROWS: list[tuple[str, str, str, Callable[[float], str], str, float]] = [
    # label, reportgen's key, the reference's key, how to show them, sense, target of the ratio
    (f"1. one unit, fresh command, wall ÷ {ALONE}", "one shot", "one shot alone", _seconds, "≤", 1.25),
    ("   the same, CPU of its processes (no target)", "one shot cpu", "one shot alone cpu", _seconds, "", 0),
    (f"2. batch, time per PDF ÷ {ALONE}, fonts reused", "batch", "batch alone", _seconds, "≤", 1.10),
    ("3. preview, save → page shows it (target in seconds)", "preview", "", _seconds, "≤", 0.5),
    ("--jobs 2 speed-up ÷ the speed-up 2 cores allow it", "parallel", "parallel ideal", _times, "≥", 0.85),
    ("no-op rebuild ÷ full build", "noop", "full", _seconds, "≤", 0.02),
    ("peak memory of the batch ÷ one-unit build", "memory", "memory one", _mib, "≤", 1.5),
    ("reportgen --help ÷ bare Typer --help", "help", "bare help", _seconds, "≤", 1.5),
    ("cost per page, 60 indicators ÷ 20 indicators", "long", "short", _seconds, "≤", 1.3),
]


def main() -> None:
    described = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=described)
    parser.add_argument("--units", type=int, default=16, help="units in the batch (default 16)")
    parser.add_argument("--runs", type=int, default=3, help="runs of the batch measures (default 3)")
    parser.add_argument("--one-shot-runs", type=int, default=7, help="runs of the one-unit build (default 7)")
    parser.add_argument("--saves", type=int, default=15, help="saves timed in the preview (default 15)")
    options = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    figures: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for key, value in one_shot(options.one_shot_runs, Path(scratch)).items():
            figures[key] = [value]
    with tempfile.TemporaryDirectory() as scratch:
        figures["preview"] = save_to_page(Path(scratch), options.saves)
    for run in range(options.runs):
        with tempfile.TemporaryDirectory() as scratch:
            for key, value in one_run(options.units, Path(scratch)).items():
                figures.setdefault(key, []).append(value)
        print(f"batch run {run + 1}/{options.runs} done", flush=True)
    print(
        f"\none unit: median of {options.one_shot_runs} runs; batch: {options.units} units, median of "
        f"{options.runs} runs; preview: median of {options.saves} saves; load average now "
        f"{os.getloadavg()[0]:.2f}\n{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}\n"
    )
    print(f"{'measure':<58} {'reportgen':>10} {'reference':>10} {'ratio':>7}  target  met")
    for label, ours, theirs, shown, sense, target in ROWS:
        value = statistics.median(figures[ours])
        if not theirs:
            met = "yes" if value <= target else "NO"
            print(f"{label:<58} {shown(value):>10} {'':>10} {'':>7}  {sense} {target:<5} {met}")
            continue
        reference = statistics.median(figures[theirs])
        ratio = value / reference
        met = "" if not sense else "yes" if (ratio <= target if sense == "≤" else ratio >= target) else "NO"
        goal = f"{sense} {target:<5}" if sense else ""
        print(f"{label:<58} {shown(value):>10} {shown(reference):>10} {ratio:>7.3f}  {goal:<7} {met}")


if __name__ == "__main__":
    main()
