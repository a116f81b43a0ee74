"""One unit: every stage of one input file, in order, in one function.

    load → sub-units (sums only) → validate → compute → render → forms

:func:`make` is that line written out: read it to know what happens to a unit, and in what
order. It writes nothing; it returns the unit's documents in memory and every file they were
made from (:attr:`Unit.inputs`), which is what the manifest hashes and what the preview
watches. Without pages to render into, it stops after validation: that is ``reportgen
validate``. A sub-unit goes through the first three stages by the same function, so a province
is checked exactly as each of its districts would be on its own.

Writing the files (and printing the PDFs, which need the photos on disk) is the many-units
code's business (:mod:`reportgen.batch`), as is any process but the one rendering a page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportgen import (
    article_forms,
    compute,
    loading,
    photos,
    rendering,
    rollup,
    sharecard,
    templating,
    validation,
)
from reportgen.errors import Problem, ReportgenError
from reportgen.isolation import Limits, Sandbox
from reportgen.schema import YearEnd

PAGES = ("article", "report")
"""The documents made for each unit, by template name without ``.html``; each is also printed."""


@dataclass(frozen=True)
class Documents:
    """A unit's documents, in memory: what its output folder will hold besides the printed copies."""

    context: compute.Context
    """What the templates were given."""
    photos: list[photos.WebPhoto]
    """Each photo's source file and the web sizes the article shows."""
    html: dict[str, str]
    """Each page by name (:data:`PAGES`)."""
    forms: dict[str, str]
    """The article's other forms, by file name: the body for a portal's editor, plain text."""
    card: sharecard.Card | None = None
    """The share card of an article without photos, when it was asked for."""


@dataclass(frozen=True)
class Unit:
    """One input file, validated, and its documents when it was rendered."""

    source: Path
    checked: validation.Checked
    """The input validated: its document, its figures in the current version's model, its warnings."""
    sub_units: list[rollup.SubUnit]
    """The sub-units its figures add up, for the report's annex; empty for most units."""
    inputs: tuple[Path, ...]
    """Every file and folder its documents are made from, besides the templates: the input
    first, its sub-units and the folders they are listed by, its photos (the missing ones too)."""
    documents: Documents | None = None
    """Its documents; None when it was made without pages to render into."""

    @property
    def data(self) -> YearEnd:
        """The unit's figures, validated, its sub-units' sums filled in."""
        return self.checked.data

    @property
    def warnings(self) -> list[Problem]:
        """What is legal but suspicious in the input."""
        return self.checked.warnings


class Unmade(ReportgenError):
    """A unit that could not be made: its problems, and the files read before they were found.

    The preview watches those files, so that correcting any of them (a sub-unit too) rebuilds.
    """

    def __init__(self, problems: Iterable[Problem], inputs: Iterable[Path]) -> None:
        super().__init__(problems)
        self.inputs = tuple(inputs)


def make(source: Path, pages: Sandbox | None = None, *, card: bool = True) -> Unit:
    """Take one input file through every stage; render its pages in ``pages`` when given.

    Without ``pages`` it stops after validation. ``card`` draws the share card of an article
    without photos (it is written with the HTML only).

    Raises:
        Unmade: with every problem of the input and of its sub-units, warnings included.
    """
    read: list[Path] = []
    try:
        return _make(source, pages, card, read, ())
    except ReportgenError as error:
        raise Unmade(error.problems, dict.fromkeys(read)) from None


def pages_for(templates: Path | None, limits: Limits | None = None) -> Sandbox:
    """A child that fills the pages from ``templates``, started now: it compiles them at once.

    Started early, it compiles while the build gets the rest ready.
    """
    env = templating.environment(templates)
    return Sandbox(env, limits=limits).start(*(f"{page}.html" for page in PAGES), *templating.PARTIALS)


def rendered(source: Path, templates: Path | None = None, limits: Limits | None = None) -> Unit:
    """Make ``source`` with its pages rendered in a sandbox of its own, under ``limits``.

    For one unit on its own, as the preview makes it; a build keeps one sandbox for many units.

    Raises:
        Unmade: with every problem of the input and of its sub-units, warnings included.
    """
    with Sandbox(templating.environment(templates), limits=limits) as pages:
        return make(source, pages)


def _make(
    source: Path, pages: Sandbox | None, card: bool, read: list[Path], within: tuple[Path, ...]
) -> Unit:
    read.append(source)
    document = loading.load(source, keep_going=True)  # 1. load

    def sub_unit(path: Path, inside: tuple[Path, ...]) -> YearEnd:
        return _make(path, None, False, read, inside).data

    expansion = rollup.expand(document, sub_unit, read, within)  # 2. sub-units: sums only
    checked = validation.check_document(document)  # 3. validate
    mismatches = expansion.mismatches(checked.data)
    if mismatches:
        raise ReportgenError([*mismatches, *checked.warnings])
    if pages is None:
        return Unit(source, checked, expansion.sub_units, tuple(dict.fromkeys(read)))

    read += [source.parent / photo.tep for photo in checked.data.anh]  # 4. compute
    sized = photos.plan_all(document, checked.data.anh)
    data = checked.data.model_copy(update={"anh": [photo for photo, _web in sized]})
    web = [photo for _photo, photo in sized]
    context = compute.context(data, web, expansion.sub_units, rendering.build_time())

    html = {page: pages.render(f"{page}.html", context) for page in PAGES}  # 5. render

    drawn = None  # 6. forms
    if card and context["the_chia_se"] is not None:
        # Drawn from the page's own headline, so that a template's headline is the card's too.
        headline = sharecard.headline_of(html["article"])
        drawn = sharecard.draw(headline, data.to_chuc.ten, data.nam, context["ky"].the)
    documents = Documents(context, web, html, article_forms.forms(html["article"]), drawn)
    return Unit(source, checked, expansion.sub_units, tuple(dict.fromkeys(read)), documents)
