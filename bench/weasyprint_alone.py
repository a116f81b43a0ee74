"""WeasyPrint alone: the baseline every build is compared with.

``python bench/weasyprint_alone.py RULES.css OUT PAGE.html...`` prints each page to ``OUT`` with
nothing but WeasyPrint: one font configuration for all the pages, and the ``@font-face`` rules
in RULES.css that register the fonts as reportgen registers them, so that it prints the same
pages in the same fonts. It imports nothing of reportgen.
"""

from __future__ import annotations

import sys
from pathlib import Path

import weasyprint
from weasyprint.text.fonts import FontConfiguration


def main() -> None:
    rules, out, *pages = sys.argv[1:]
    config = FontConfiguration()
    fonts = weasyprint.CSS(string=Path(rules).read_text(encoding="utf-8"), font_config=config)
    for number, page in enumerate(pages):
        pdf = Path(out) / f"{number:04d}-{Path(page).stem}.pdf"
        weasyprint.HTML(filename=page).write_pdf(pdf, stylesheets=[fonts], font_config=config)


if __name__ == "__main__":
    main()
