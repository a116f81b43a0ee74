"""What HarfBuzz's subsetting library is worth: a forced build of the samples with and without it.

Run with ``.venv/bin/python bench/subsetting.py``. Each way builds every sample in ``inputs/``
(``--force``, PDFs included) in a fresh process; "without" is a machine whose library loader cannot
find ``libharfbuzz-subset`` (WeasyPrint then subsets fonts with fontTools), simulated as the tests
do. It prints the median time of each way and their ratio: the slowdown reportgen warns of.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3

BUILD = """
import sys
import cffi

real = cffi.FFI.dlopen

def dlopen(self, name, *args):
    if sys.argv[1] and sys.argv[1] in str(name):
        raise OSError(f"cannot load library {name!r}")
    return real(self, name, *args)

cffi.FFI.dlopen = dlopen
from reportgen.cli import app
app(["build", "inputs/", "--force", "-q", "-o", sys.argv[2]], prog_name="reportgen")
"""


def seconds(refused: str) -> float:
    """The median time of a forced build of the samples, the library ``refused`` not found."""
    times = []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", BUILD, refused, out], cwd=ROOT, check=True)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    with_it = seconds("")
    without = seconds("harfbuzz-subset")
    print(f"with libharfbuzz-subset:    {with_it:6.1f} s")
    print(f"without libharfbuzz-subset: {without:6.1f} s")
    print(f"ratio without / with:       {without / with_it:6.2f}")


if __name__ == "__main__":
    main()
