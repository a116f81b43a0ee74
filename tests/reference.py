"""The published article the Bắc Kạn sample reproduces, as the tests expect it.

``tests/data/reference-article.yaml`` lists the article's parts in order: each paragraph by its
first words, its last words and the facts it states, each photo caption whole, the byline.
:func:`check_paragraph` holds one paragraph of an output to a part; :func:`find_in_order`
finds every part in a whole text, in the article's order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

FIXTURE = Path(__file__).resolve().parent / "data" / "reference-article.yaml"


@dataclass(frozen=True)
class Part:
    """One part of the article's body: a paragraph, a photo caption or the byline."""

    opens: str
    closes: str
    states: list[str] = field(default_factory=list)
    caption: bool = False

    @property
    def whole(self) -> str | None:
        """The part's whole text when the fixture gives it (a caption, the byline)."""
        return self.opens if self.opens == self.closes else None


@dataclass(frozen=True)
class Reference:
    headline: str
    date: str
    body: list[Part]

    @property
    def captions(self) -> list[str]:
        return [part.opens for part in self.body if part.caption]

    @property
    def facts(self) -> list[str]:
        """Every fact the article states, the headline and the byline included."""
        return [self.headline, *(fact for part in self.body for fact in part.states or [part.opens])]


def _part(entry: dict[str, object]) -> Part:
    if "caption" in entry:
        caption = " ".join(str(entry["caption"]).split())
        return Part(caption, caption, caption=True)
    if "byline" in entry:
        return Part(str(entry["byline"]), str(entry["byline"]))
    states = entry["states"]
    assert isinstance(states, list)
    return Part(str(entry["opens"]), str(entry["closes"]), [str(fact) for fact in states])


def load() -> Reference:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    return Reference(data["headline"], data["date"], [_part(entry) for entry in data["body"]])


REFERENCE = load()


def check_paragraph(text: str, part: Part) -> None:
    """Assert that one paragraph of an output is ``part``: same opening, ending and facts."""
    if part.whole is not None:
        assert text == part.whole
        return
    assert text.startswith(part.opens), (text[:80], part.opens)
    assert text.endswith(part.closes), (text[-80:], part.closes)
    missing = [fact for fact in part.states if fact not in text]
    assert not missing, missing


def find_in_order(text: str, parts: list[Part]) -> None:
    """Assert that every part is in ``text``, whole, in the article's order.

    Each part is found from where the one before it ended: its opening, then each fact it
    states, then its ending, so a fact is checked inside its own paragraph.
    """
    at = 0
    for part in parts:
        start = text.find(part.opens, at)
        assert start >= 0, f"{part.opens!r} not found after position {at}"
        end = text.find(part.closes, start) + len(part.closes)
        assert end >= len(part.closes), f"{part.closes!r} not found after {part.opens!r}"
        paragraph = text[start:end]
        missing = [fact for fact in part.states if fact not in paragraph]
        assert not missing, (part.opens, missing)
        at = end
