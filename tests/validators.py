"""The outside validators the tests run: the W3C Nu HTML Checker (vnu) and axe-core.

Both come from the npm registry (``package.json``; ``npm ci --ignore-scripts`` installs them into
``node_modules/``), and vnu runs on Java. A test that needs one skips, saying how to install it,
when it is missing, unless ``REPORTGEN_VALIDATORS=required`` (set by ``.ci/run``): then a missing
validator fails the test, so CI can never pass by skipping them.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REQUIRED = os.environ.get("REPORTGEN_VALIDATORS") == "required"
INSTALL = "install with `npm ci --ignore-scripts` (vnu also needs Java: apt-get install default-jre-headless)"


def require(*tools: Path) -> None:
    """Skip the test (fail it under ``REPORTGEN_VALIDATORS=required``) when a tool is missing."""
    missing = [str(tool.relative_to(ROOT)) for tool in tools if not tool.is_file()]
    if VNU in tools and shutil.which("java") is None:
        missing.append("java")
    if missing:
        reason = f"missing {', '.join(missing)}: {INSTALL}"
        if REQUIRED:
            pytest.fail(f"REPORTGEN_VALIDATORS=required: {reason}", pytrace=False)
        pytest.skip(reason)


def nu_check(files: list[Path]) -> dict[Path, list[str]]:
    """Run the Nu HTML Checker once on ``files``; return every message it has for each file.

    Errors, warnings and notes alike: a page passes only when the checker says nothing.
    """
    require(VNU)
    found = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(found.stdout)
    messages: dict[Path, list[str]] = {file.resolve(): [] for file in files}
    for message in report["messages"]:
        where = Path(message["url"].removeprefix("file:")).resolve()
        kind = message.get("subType", message["type"])
        messages[where].append(f"{kind} line {message.get('lastLine', '?')}: {message['message']}")
    return messages


def page_shell(fragment: str, title: str) -> str:
    """A page around ``article-body.html``, as a portal's page holds the body a press officer pastes."""
    title = html.escape(title)
    return (
        f'<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
        f"</head>\n<body>\n<main>\n<h1>{title}</h1>\n{fragment.removeprefix(chr(0xFEFF))}</main>\n"
        "</body>\n</html>\n"
    )


def served_previews(folder: Path) -> dict[str, str]:
    """The pages ``reportgen preview`` serves, by a name for messages.

    The article and the report after a good build; the article under the problem panel after a
    failed one; and the panel alone, when the file has never built.
    """
    from reportgen.preview.server import serving
    from tests.conftest import INPUTS, SEED

    shutil.copytree(INPUTS / "anh", folder / "anh")
    source = folder / SEED.name
    shutil.copyfile(SEED, source)
    pages = {}
    with serving(source, port=0) as preview:
        for name in ("article.html", "report.html"):
            pages[f"preview/{name}"] = _fetch(preview.url + name)
        source.write_text(source.read_text(encoding="utf-8").replace("buoi: sáng", "buoi: trưa"), "utf-8")
        preview.site.rebuild()
        pages["preview-with-problems/article.html"] = _fetch(preview.url + "article.html")
    broken = folder / "chua-dung.yaml"
    broken.write_text("phien_ban: 1\nnam: hai nghìn\n", encoding="utf-8")
    with serving(broken, port=0) as preview:
        pages["preview-never-built/article.html"] = _fetch(preview.url + "article.html")
    return pages


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url) as answer:
        return str(answer.read().decode("utf-8"))
