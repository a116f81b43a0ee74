"""What safety costs: Jinja2's sandbox, and printing each PDF in a child process.

Prints the time of each way and the ratio to the plain one; run it with
``.venv/bin/python bench/isolation.py``.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import jinja2.sandbox

from reportgen import pipeline, templating
from reportgen.isolation import print_pdf
from reportgen.rendering import Printer

SEED = Path(__file__).resolve().parent.parent / "inputs" / "bac-kan-2020.yaml"


def best(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    [unit] = pipeline.prepare([SEED])
    context = unit.context
    plain = templating.environment()
    sandboxed = templating.environment()
    # The same environment, made sandboxed: same loader, filters and policies.
    boxed = jinja2.sandbox.SandboxedEnvironment(
        loader=plain.loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    boxed.filters.update(sandboxed.filters)
    boxed.policies.update(sandboxed.policies)
    for name in ("article.html", "report.html"):
        normal = best(lambda: templating.render(plain, name, context), 20)
        safe = best(lambda: templating.render(boxed, name, context), 20)
        print(
            f"{name}: plain {normal * 1000:.1f} ms, sandboxed {safe * 1000:.1f} ms, ratio {safe / normal:.2f}"
        )

    printer = Printer([templating.packaged_templates()])
    html = templating.render(plain, "report.html", context)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        printer.pdf(html, base)  # warm the fonts once, as a build does
        direct = best(lambda: printer.pdf(html, base), 5)
        child = best(lambda: print_pdf(printer, html, base, base / "report.pdf"), 5)
    print(
        f"report.pdf: in process {direct * 1000:.0f} ms, in a child {child * 1000:.0f} ms, ratio {child / direct:.2f}"
    )


if __name__ == "__main__":
    main()
