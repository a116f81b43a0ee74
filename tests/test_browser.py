"""The article and the preview in a real browser: headless Chromium driven by Playwright.

Debian's Chromium is used (``.ci/run`` installs it); Playwright's own browser download is not
needed. Without ``/usr/bin/chromium`` these tests are skipped, except in CI, where they fail.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reportgen.preview.server import serving
from tests.conftest import INPUTS, SAMPLES, SEED
from tests.reference import REFERENCE, find_in_order
from tests.validators import AXE, page_shell, require, served_previews

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
ARGS.append("--disable-sync")
WIDTHS = [360, 1280]

if not CHROMIUM.exists():
    if os.environ.get("CI") or os.environ.get("REPORTGEN_VALIDATORS") == "required":
        pytest.fail(f"CI must install Chromium ({CHROMIUM}): apt-get install -y chromium", pytrace=False)
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Watched:
    """A page with every console error and uncaught exception it raised."""

    def __init__(self, browser: Browser, width: int, **options: Any) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 800}, **options)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"}:
            self.errors.append(f"{message.type}: {message.text}")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Browser) -> Iterator[Any]:
    pages: list[Watched] = []

    def open_page(width: int, **options: Any) -> Watched:
        pages.append(Watched(browser, width, **options))
        return pages[-1]

    yield open_page
    for page in pages:
        page.close()


@pytest.fixture(scope="module")
def article(built: Path) -> str:
    return (built / "bac-kan-2020" / "article.html").as_uri()


def no_horizontal_scroll(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))


def text_size(page: Page) -> float:
    script = "parseFloat(getComputedStyle(document.querySelector('article > p')).fontSize)"
    return float(page.evaluate(script))


def settles_at(page: Page, size: float) -> float:
    """The text size once the page has applied a click or a stored choice (within 5 s)."""
    script = (
        "size => Math.abs(parseFloat(getComputedStyle(document.querySelector('article > p')).fontSize)"
        " - size) < 0.01"
    )
    page.wait_for_function(script, arg=size, timeout=5000)
    return text_size(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_article_fits_the_screen_and_loads_cleanly(watched: Any, article: str, width: int) -> None:
    tab = watched(width)
    page = tab.page
    page.goto(article)
    assert page.evaluate("document.documentElement.lang") == "vi"
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text() == "Hội Khuyến học tỉnh Bắc Kạn tổng kết công tác năm 2020"
    assert no_horizontal_scroll(page)
    # Every photo has its caption for alt, and every one loads (the lazy one once scrolled to).
    images = page.locator("img")
    assert images.count() == 2
    for index in range(images.count()):
        image = images.nth(index)
        assert image.get_attribute("alt")
        image.scroll_into_view_if_needed()
        loaded = "image => image.complete && image.naturalWidth > 0"
        page.wait_for_function(loaded, arg=image.element_handle())
        box = image.bounding_box()
        assert box is not None and box["width"] <= width
        assert box["height"] == pytest.approx(box["width"] * 450 / 800, abs=1)
    assert tab.errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_text_size_buttons_change_the_text_and_are_remembered(
    watched: Any, article: str, width: int
) -> None:
    tab = watched(width)
    page = tab.page
    page.goto(article)
    normal = text_size(page)
    assert normal == 18
    larger = page.get_by_role("button", name="Tăng cỡ chữ")
    smaller = page.get_by_role("button", name="Giảm cỡ chữ")
    larger.click()
    assert settles_at(page, normal * 1.1) == pytest.approx(normal * 1.1)
    assert page.locator(".reader-size").inner_text() == "110%"
    smaller.click()
    smaller.click()
    assert settles_at(page, normal * 0.9) == pytest.approx(normal * 0.9)
    assert smaller.is_disabled()
    # The choice outlives the page: reloaded, and in another article from the same place.
    page.reload()
    assert settles_at(page, normal * 0.9) == pytest.approx(normal * 0.9)
    other = tab.context.new_page()
    other.goto(article.replace("bac-kan-2020", "na-ri-2023"))
    assert settles_at(other, normal * 0.9) == pytest.approx(normal * 0.9)
    assert tab.errors == []


def test_the_text_size_buttons_work_from_the_keyboard(watched: Any, article: str) -> None:
    page = watched(360).page
    page.goto(article)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.title") == "Giảm cỡ chữ"
    # Named by what it shows, then what it does: voice control and screen readers agree.
    shown = "b => b.textContent.replace(b.querySelector('.visually-hidden').textContent, '')"
    assert page.evaluate(f"({shown})(document.activeElement)") == "A−"
    assert page.evaluate("document.querySelector('.visually-hidden').getBoundingClientRect().width") <= 1
    assert page.get_by_role("button", name="A− Giảm cỡ chữ", exact=True).count() == 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.title") == "Tăng cỡ chữ"
    assert page.get_by_role("button", name="A+ Tăng cỡ chữ", exact=True).count() == 1
    for key in ("Enter", "Space", "Enter", "Space"):  # both keys press a button: 110, 125, 140, 160%
        page.keyboard.press(key)
    assert settles_at(page, 18 * 1.6) == pytest.approx(18 * 1.6)
    assert page.get_by_role("button", name="Tăng cỡ chữ").is_disabled()
    # At the largest size the button is disabled and hands the focus on rather than dropping it.
    assert page.evaluate("document.activeElement.title") == "Giảm cỡ chữ"
    page.keyboard.press("Enter")
    assert settles_at(page, 18 * 1.4) == pytest.approx(18 * 1.4)
    assert no_horizontal_scroll(page)


def test_the_largest_text_still_fits_a_phone(watched: Any, article: str) -> None:
    page = watched(360).page
    page.goto(article)
    page.evaluate("localStorage.setItem('reportgen.co-chu', '5')")
    page.reload()
    assert settles_at(page, 18 * 1.6) == pytest.approx(18 * 1.6)
    assert no_horizontal_scroll(page)


def test_without_javascript_the_whole_article_reads_and_no_button_shows(watched: Any, article: str) -> None:
    page = watched(360, java_script_enabled=False).page
    page.goto(article)
    assert not page.locator(".reader-tools").is_visible()
    assert page.get_by_role("button").count() == 0
    text = " ".join(page.locator("article").inner_text().split())
    assert REFERENCE.headline in text and REFERENCE.date in text
    find_in_order(text, REFERENCE.body)


def test_the_structured_data_parses_as_a_news_article(watched: Any, article: str) -> None:
    page = watched(1280).page
    page.goto(article)
    script = "document.querySelector('script[type=\"application/ld+json\"]').textContent"
    data = page.evaluate(f"JSON.parse({script})")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == page.locator("h1").inner_text()
    assert data["datePublished"] == page.locator("time").get_attribute("datetime") == "2021-01-20"
    assert data["author"] == {"@type": "Person", "name": "Ngọc Tú"}
    assert data["publisher"] == {"@type": "Organization", "name": "Hội Khuyến học tỉnh Bắc Kạn"}
    assert data["image"] == ["anh/toan-canh-hoi-nghi-800.jpg", "anh/trao-bang-khen-800.jpg"]


def test_the_preview_reloads_after_a_save_and_shows_problems_in_red(watched: Any, tmp_path: Path) -> None:
    shutil.copytree(INPUTS / "anh", tmp_path / "anh")
    source = tmp_path / SEED.name
    shutil.copyfile(SEED, source)
    tab = watched(1280)
    page = tab.page
    with serving(source, port=0) as preview:
        watcher = threading.Thread(target=preview.watch, daemon=True)
        watcher.start()
        page.goto(preview.url)
        assert page.url == preview.url + "article.html"
        # The page listens for builds once its event stream is open.
        page.locator("html[data-xem-truoc=dang-nghe]").wait_for(state="attached", timeout=10_000)
        time.sleep(0.2)  # and the watcher has started

        def save(old: str, new: str) -> None:
            source.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

        save("gia_tri: 63.979", "gia_tri: 64.000")
        page.wait_for_function("document.body.innerText.includes('64.000 hộ gia đình')", timeout=10_000)

        save("buoi: sáng", "buoi: trưa")
        panel = page.get_by_role("alert")
        panel.wait_for(timeout=10_000)
        assert f"{source}:17:9" in panel.inner_text()
        assert "hoi_nghi.buoi" in panel.inner_text()
        assert panel.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(253, 232, 232)"
        assert "64.000 hộ gia đình" in page.locator("article").inner_text()  # the last good page stays

        save("buoi: trưa", "buoi: chiều")
        panel.wait_for(state="detached", timeout=10_000)
        assert page.locator("article .lead").inner_text().startswith("Chiều 20/01/2021")
        page.goto("about:blank")  # close the event stream before the server stops
    watcher.join(timeout=5)
    assert tab.errors == []


# --- axe-core: no accessibility violation, at a phone's width and a desktop's ------------------

AXE_WIDTHS = [375, 1280]


def axe_violations(page: Page) -> list[str]:
    """Run axe-core's rules (WCAG 2 A and AA, and its best practices) on the page as it stands."""
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{v['impact']} {v['id']} ({v['help']}): {[node['target'] for node in v['nodes'][:3]]}"
        for v in violations
    ]


@pytest.mark.parametrize("width", AXE_WIDTHS)
@pytest.mark.parametrize(
    "page_name", [f"{s.stem}/{p}" for s in SAMPLES for p in ("article.html", "report.html")]
)
def test_axe_finds_no_accessibility_problem(watched: Any, archived: Path, page_name: str, width: int) -> None:
    require(AXE)
    page = watched(width).page
    page.goto((archived / page_name).as_uri())
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", AXE_WIDTHS)
@pytest.mark.parametrize("sample", [s.stem for s in SAMPLES])
def test_axe_finds_no_problem_in_the_body_inside_a_portal_s_page(
    watched: Any, archived: Path, sample: str, width: int
) -> None:
    require(AXE)
    body = (archived / sample / "article-body.html").read_text(encoding="utf-8")
    shell = archived / sample / ".article-body-in-a-page.html"  # beside the photos it shows
    shell.write_text(page_shell(body, sample), encoding="utf-8")
    page = watched(width).page
    page.goto(shell.as_uri())
    shell.unlink()
    assert axe_violations(page) == []


@pytest.fixture(scope="module")
def previews(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return served_previews(tmp_path_factory.mktemp("previews"))


@pytest.mark.parametrize("width", AXE_WIDTHS)
@pytest.mark.parametrize(
    "name",
    [
        "preview/article.html",
        "preview/report.html",
        "preview-with-problems/article.html",
        "preview-never-built/article.html",
    ],
)
def test_axe_finds_no_problem_in_the_preview(
    watched: Any, previews: dict[str, str], name: str, width: int
) -> None:
    require(AXE)
    page = watched(width).page
    page.set_content(previews[name])
    assert axe_violations(page) == []


@pytest.mark.parametrize("sample", [s.stem for s in SAMPLES])
def test_the_article_is_drawn_in_its_own_font_alone(watched: Any, archived: Path, sample: str) -> None:
    """Every letter on screen comes from the page's own Noto Serif, none from a font of the machine."""
    page = watched(375).page
    page.goto((archived / sample / "article.html").as_uri())
    page.evaluate("async () => { await document.fonts.ready; }")
    devtools = page.context.new_cdp_session(page)
    devtools.send("DOM.enable")
    devtools.send("CSS.enable")
    root = devtools.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    selector = "h1, .dateline time, article p, article p strong, figcaption, .reader-button, .reader-size"
    nodes = devtools.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
    used: dict[tuple[str, bool], int] = {}
    for node in nodes:
        for font in devtools.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            key = (font["familyName"], font["isCustomFont"])
            used[key] = used.get(key, 0) + font["glyphCount"]
    assert used and all(custom for _family, custom in used), used
    assert {family for family, _custom in used} <= {"Noto Serif", "Noto Serif Bold", "Noto Serif Italic"}
