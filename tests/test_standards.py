"""Every page and PDF of every sample passes the checks portals, screen readers and archives apply.

HTML: the W3C Nu HTML Checker (vnu) on every page reportgen writes and every page the preview
serves. PDF: the rules of PDF/A-3b, one by one (tests/pdfa.py), on both PDFs of every sample printed
with ``--pdf-a``; and each rule shown to catch the fault it is for. axe-core runs in the browser
tests (tests/test_browser.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from tests import pdfa, validators
from tests.conftest import SAMPLES
from tests.validators import nu_check, page_shell, served_previews

PAGES = ("article.html", "article-body.html", "report.html")
PREVIEWS = (
    "preview/article.html",
    "preview/report.html",
    "preview-with-problems/article.html",
    "preview-never-built/article.html",
)


@pytest.fixture(scope="module")
def nu_messages(archived: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The checker's messages for every page, by ``<sample>/<page>`` or preview name: one run."""
    scratch = tmp_path_factory.mktemp("nu")
    files: dict[str, Path] = {}
    for sample in SAMPLES:
        for page in ("article.html", "report.html"):
            files[f"{sample.stem}/{page}"] = archived / sample.stem / page
        # The body is a fragment for a portal's editor: checked inside a page, as the portal shows it.
        body = (archived / sample.stem / "article-body.html").read_text(encoding="utf-8")
        shell = scratch / sample.stem / "article-body.html"
        shell.parent.mkdir()
        shell.write_text(page_shell(body, sample.stem), encoding="utf-8")
        files[f"{sample.stem}/article-body.html"] = shell
    for name, html in served_previews(scratch / "served").items():
        files[name] = scratch / name
        files[name].parent.mkdir(exist_ok=True)
        files[name].write_text(html, encoding="utf-8")
    messages = nu_check(list(files.values()))
    return {name: messages[path.resolve()] for name, path in files.items()}


@pytest.mark.parametrize("page", [f"{s.stem}/{p}" for s in SAMPLES for p in PAGES] + list(PREVIEWS))
def test_the_nu_html_checker_has_nothing_to_say(nu_messages: dict[str, list[str]], page: str) -> None:
    assert nu_messages[page] == []


def test_the_nu_html_checker_is_heard(tmp_path: Path) -> None:
    """The checker really runs: a page with the chart's old RDF block fails it."""
    page = tmp_path / "rdf.html"
    page.write_text(
        '<!DOCTYPE html><html lang="vi"><head><title>T</title></head><body><svg><metadata>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF></metadata></svg>'
        "</body></html>",
        encoding="utf-8",
    )
    (said,) = nu_check([page]).values()
    assert any("rdf" in message.casefold() for message in said)


@pytest.mark.parametrize(
    ("required", "outcome"), [(False, pytest.skip.Exception), (True, pytest.fail.Exception)]
)
def test_a_missing_validator_skips_here_and_fails_in_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, required: bool, outcome: type[BaseException]
) -> None:
    monkeypatch.setattr(validators, "REQUIRED", required)
    with pytest.raises(outcome, match=re.escape("node_modules/axe-core/gone.js: install with `npm ci")):
        validators.require(validators.ROOT / "node_modules" / "axe-core" / "gone.js")


# --- PDF/A-3b ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["article.pdf", "report.pdf"])
@pytest.mark.parametrize("sample", [s.stem for s in SAMPLES])
def test_every_archival_pdf_holds_every_pdf_a_rule(archived: Path, sample: str, kind: str) -> None:
    findings = pdfa.check(archived / sample / kind)
    assert [str(finding) for finding in findings] == []


def test_the_photos_of_an_archival_article_are_not_smoothed(archived: Path) -> None:
    with pikepdf.open(archived / "bac-kan-2020" / "article.pdf") as pdf:
        images = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
        assert len(images) == 2
        assert [bool(image.Interpolate) for image in images] == [False, False]


def _first_image(pdf: pikepdf.Pdf) -> pikepdf.Stream:
    return next(o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image")


def _first_cid_font(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    return next(
        o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Subtype") == "/CIDFontType2"
    )


def _add_content(pdf: pikepdf.Pdf, content: bytes) -> None:
    page = pdf.pages[0]
    page.contents_add(pikepdf.Stream(pdf, content))


def _show_notdef(pdf: pikepdf.Pdf) -> None:
    font = next(iter(pdf.pages[0].Resources.Font.keys()))
    _add_content(pdf, f"BT {font} 12 Tf <0000> Tj ET".encode())


def _change_a_width(pdf: pikepdf.Pdf) -> None:
    font = _first_cid_font(pdf)
    widths = font.W
    first = widths[1] if isinstance(widths[1], pikepdf.Array) else None
    assert first is not None
    first[0] = float(first[0]) + 40


def _set_xmp_part(pdf: pikepdf.Pdf) -> None:
    stream = pdf.Root.Metadata
    stream.write(stream.read_bytes().replace(b'pdfaid:part="3"', b'pdfaid:part="2"'))


def _link_without_print_flag(pdf: pikepdf.Pdf) -> None:
    link = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Link,
            Rect=[10, 10, 50, 30],
            A=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)")),
        )
    )
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([link]))


def _graphics_state(**entries: object) -> Callable[[pikepdf.Pdf], None]:
    def add(pdf: pikepdf.Pdf) -> None:
        resources = pdf.pages[0].Resources
        if "/ExtGState" not in resources:
            resources.ExtGState = pikepdf.Dictionary()
        resources.ExtGState["/Spoilt"] = pikepdf.Dictionary(**entries)

    return add


MUTATIONS: dict[str, tuple[str, Callable[[pikepdf.Pdf], None]]] = {
    "interpolated image": ("6.2.8", lambda pdf: _first_image(pdf).__setitem__("/Interpolate", True)),
    "no output intent": ("6.2.3", lambda pdf: pdf.Root.__delitem__("/OutputIntents")),
    "DeviceRGB without intent": ("6.2.4.3", lambda pdf: pdf.Root.__delitem__("/OutputIntents")),
    "font not embedded": (
        "6.2.11.4",
        lambda pdf: _first_cid_font(pdf).FontDescriptor.__delitem__("/FontFile2"),
    ),
    "no CID to glyph map": ("6.2.11.3", lambda pdf: _first_cid_font(pdf).__delitem__("/CIDToGIDMap")),
    "width disagrees": ("6.2.11.5", _change_a_width),
    ".notdef shown": ("6.2.11.8", _show_notdef),
    "deep nesting": ("6.1.13", lambda pdf: _add_content(pdf, b"q " * 29 + b"Q " * 29)),
    "unknown operator": ("6.2.2", lambda pdf: _add_content(pdf, b"1 2 zz")),
    "external stream": ("6.1.7", lambda pdf: _first_image(pdf).__setitem__("/F", pikepdf.String("x.jpg"))),
    "hidden annotation": ("6.3.2", _link_without_print_flag),
    "JavaScript": ("6.5", _link_without_print_flag),
    "transfer function": ("6.2.5", _graphics_state(TR=pikepdf.Name.Identity)),
    "unknown blend mode": ("6.2.10", _graphics_state(BM=pikepdf.Name("/Dissolve"))),
    "XMP says PDF/A-2": ("6.6.4", _set_xmp_part),
    "title differs from XMP": ("info", lambda pdf: pdf.docinfo.__setitem__("/Title", pikepdf.String("Khác"))),
    "untagged": ("tagged", lambda pdf: pdf.Root.__delitem__("/StructTreeRoot")),
}


@pytest.mark.parametrize("fault", list(MUTATIONS))
def test_each_rule_catches_its_fault(archived: Path, tmp_path: Path, fault: str) -> None:
    clause, spoil = MUTATIONS[fault]
    spoilt = tmp_path / "spoilt.pdf"
    with pikepdf.open(archived / "bac-kan-2020" / "article.pdf") as pdf:
        spoil(pdf)
        pdf.save(spoilt)
    assert clause in {finding.clause for finding in pdfa.check(spoilt)}


def test_a_header_without_its_binary_comment_is_caught(archived: Path, tmp_path: Path) -> None:
    raw = (archived / "na-ri-2023" / "report.pdf").read_bytes()
    comment = raw.index(b"\n%") + 2
    spoilt = tmp_path / "header.pdf"
    spoilt.write_bytes(raw[:comment] + b"abcd" + raw[comment + 4 :])  # same length: offsets hold
    assert [finding.clause for finding in pdfa.check(spoilt)] == ["6.1.2"]


def test_an_ordinary_print_is_not_pdf_a(built: Path) -> None:
    clauses = {finding.clause for finding in pdfa.check(built / "na-ri-2023" / "report.pdf")}
    assert {"6.2.3", "6.6.2.1", "tagged"} <= clauses


@pytest.mark.parametrize("page", ["validation.md", "validation.en.md"])
def test_the_documentation_lists_every_rule_checked(page: str) -> None:
    text = (validators.ROOT / "docs" / page).read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip() for line in text.splitlines() if line.startswith("| ")}
    clauses = {clause for clause in pdfa.RULES if clause[0].isdigit()}
    assert clauses <= rows
    assert "veraPDF" in text and "pikepdf" in text
