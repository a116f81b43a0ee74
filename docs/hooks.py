"""MkDocs hook: fill the generated parts of the pages from reportgen's own code.

A page asks for a part with a marker line, ``<!-- reportgen:fields -->`` for instance, and gets
it in its own language (``page.en.md`` in English), so the reference follows the code.
"""

from __future__ import annotations

from typing import Any

from reportgen import i18n, reference

PARTS = {
    "<!-- reportgen:fields -->": reference.fields_markdown,
    "<!-- reportgen:context -->": reference.context_markdown,
    "<!-- reportgen:blocks -->": reference.blocks_markdown,
    "<!-- reportgen:filters -->": reference.filters_markdown,
}


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Replace each marker of the page by the part it names, written in the page's language."""
    language = getattr(page.file, "locale", None) or ("en" if page.file.src_uri.endswith(".en.md") else "vi")
    with i18n.speaking(language):
        for marker, part in PARTS.items():
            if marker in markdown:
                markdown = markdown.replace(marker, part())
    return markdown
