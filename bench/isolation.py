"""What safety costs: Jinja2's sandbox, filling templates and printing each PDF in a child process.

Prints the time of each way and the ratio to the plain one; run it with
``.venv/bin/python bench/isolation.py``.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import jinja2

from reportgen import fonts, pipeline, templating
from reportgen.isolation import Sandbox, print_pdf
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
    boxed = templating.environment()
    # The same environment without the sandbox: same loader, options and filters.
    plain = jinja2.Environment(loader=boxed.loader, **templating.OPTIONS)
    plain.filters.update(boxed.filters)
    plain.policies.update(boxed.policies)
    plain.globals.update(boxed.globals)
    for name in ("article.html", "report.html"):
        normal = best(lambda name=name: templating.render(plain, name, context), 20)
        safe = best(lambda name=name: templating.render(boxed, name, context), 20)
        print(
            f"{name}: plain {normal * 1000:.1f} ms, sandboxed {safe * 1000:.1f} ms, ratio {safe / normal:.2f}"
        )

    # Filling the templates in the build's child: the context crosses a pipe, the page comes back.
    with Sandbox(boxed) as sandbox:
        for name in ("article.html", "report.html"):
            sandbox.render(name, context)  # the child's first page compiles the templates, as in a build
            here = best(lambda name=name: templating.render(boxed, name, context), 20)
            child = best(lambda name=name: sandbox.render(name, context), 20)
            print(
                f"{name}: in process {here * 1000:.1f} ms, in the child {child * 1000:.1f} ms, "
                f"ratio {child / here:.2f}, {(child - here) * 1000:.1f} ms more"
            )
    started = time.perf_counter()
    with Sandbox(templating.environment()) as sandbox:
        sandbox.render("article.html", context)  # a fork and a first compilation, once per build
    print(f"starting the child and its first page: {(time.perf_counter() - started) * 1000:.0f} ms")

    printer = Printer([templating.packaged_templates()], fonts.choose())
    html = templating.render(plain, "report.html", context)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        printer.pdf(html, base)  # warm the fonts once, as a build does
        direct = best(lambda: printer.pdf(html, base), 5)
        child = best(lambda: print_pdf(printer, html, base, base / "report.pdf"), 5)
    print(
        f"report.pdf: in process {direct * 1000:.0f} ms, in a child {child * 1000:.0f} ms, "
        f"ratio {child / direct:.2f}"
    )


if __name__ == "__main__":
    main()
