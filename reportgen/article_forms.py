"""Stage 6, forms: the article's two other forms, for the press officer, the body alone and plain text.

Both are cut from the rendered article page, so a user's template change shows in all three
forms and the figures can never disagree. ``article-body.html`` is the body alone in plain
markup (paragraphs, bold, photos with captions) to paste into a portal's editor, which has
its own fields for the headline and date; ``article.txt`` is the whole article as text for
e-mail and chat. nh3 (the Ammonia sanitiser) does the cutting: it parses HTML as a browser
does and keeps only the tags and attributes listed here, so no class, script or style leaks
into a portal.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3

BODY = "article-body.html"
TEXT = "article.txt"

_BODY_TAGS = {
    *("p", "br", "strong", "em", "b", "i", "sub", "sup", "blockquote"),
    *("h2", "h3", "h4", "ul", "ol", "li", "figure", "figcaption", "img"),
    *("table", "caption", "thead", "tbody", "tr", "th", "td"),
}
_BODY_ATTRIBUTES = {"img": {"src", "alt", "width", "height"}, "td": {"colspan", "rowspan"}}
# Dropped with everything inside them: the page's head, its scripts and the article header
# (headline, date, text-size buttons), which a portal's editor has its own fields for.
_NOT_BODY = {"title", "style", "script", "header"}

# Written with a byte-order mark: opened from disk, the browser or an older Notepad then reads
# Vietnamese as UTF-8 instead of guessing a Western code page. Copying the text leaves it behind.
BOM = "\ufeff"


def forms(page: str) -> dict[str, str]:
    """Make ``article-body.html`` and ``article.txt`` from the rendered article ``page``."""
    return {BODY: BOM + body(page), TEXT: BOM + plain_text(page)}


def body(page: str) -> str:
    r"""Cut the article's body out of ``page`` as clean markup, one block a line.

    >>> print(body('<html><head><title>T</title></head><body><article><header><h1>T</h1></header>'
    ...            '<p class="lead"><strong>Sáng nay…</strong></p>\n\n'
    ...            '<p>Có <span class="nowrap">49-KL/TW</span>.</p></article><script>x()</script>'), end="")
    <p><strong>Sáng nay…</strong></p>
    <p>Có 49-KL/TW.</p>
    """
    cleaned = nh3.clean(
        page,
        tags=_BODY_TAGS,
        clean_content_tags=_NOT_BODY,
        attributes=_BODY_ATTRIBUTES,
        link_rel=None,
        strip_comments=True,
    )
    return "".join(line.strip() + "\n" for line in cleaned.splitlines() if line.strip())


def plain_text(page: str) -> str:
    r"""Write the whole article in ``page`` as plain text: a paragraph a line, a blank line between.

    A photo is left as its caption in brackets, where it stood; an item of a list starts with "- ".

    >>> print(plain_text('<article><header><h1>Tiêu đề</h1><p><time>20/01/2021</time></p></header>'
    ...                  '<p>Có  63.979\n hộ &amp; 33 dòng họ.</p><figure><img src="a.jpg" alt="A">'
    ...                  '<figcaption>Toàn cảnh</figcaption></figure>'
    ...                  '<ul><li>Cờ thi đua;</li></ul></article>'), end="")
    Tiêu đề
    <BLANKLINE>
    20/01/2021
    <BLANKLINE>
    Có 63.979 hộ & 33 dòng họ.
    <BLANKLINE>
    [Ảnh: Toàn cảnh]
    <BLANKLINE>
    - Cờ thi đua;
    """
    reader = _Blocks()
    reader.feed(
        nh3.clean(page, tags=_Blocks.BLOCKS | {"br"}, clean_content_tags={"title", "style", "script"})
    )
    reader.close()
    return "\n\n".join(reader.blocks) + "\n"


class _Blocks(HTMLParser):
    """Collect the text of each block, spaces collapsed as a browser collapses them.

    The standard library's parser suffices: nh3 has already reduced the page to these tags.
    """

    BLOCKS = frozenset({"h1", "h2", "h3", "h4", "p", "li", "figcaption", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._parts: list[str] = []
        self._caption = self._item = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self.BLOCKS:
            self._end_block()
            self._caption = tag == "figcaption"
            self._item = tag == "li"
        elif tag == "br":
            self._parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self._end_block()

    def handle_data(self, data: str) -> None:
        self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._end_block()

    def _end_block(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._parts)).strip()
        if text:
            self.blocks.append(f"[Ảnh: {text}]" if self._caption else f"- {text}" if self._item else text)
        self._parts, self._caption, self._item = [], False, False
