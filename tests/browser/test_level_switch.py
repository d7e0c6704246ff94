"""Reading levels in a real browser (Chromium via Playwright): the level switch (mouse and
keyboard, remembered), hard-word previews (hover, keyboard focus, tap; nothing moves) and
the "Words to know" glossary, on a desktop and on a phone. Screenshots go to
tests/artifacts/ (levels-*.png) for a person to look at.

The page is Alberta from the bundled real sample: at level 2 its linked word "amphibian"
is rare for the level and its article is in the sample, so it gets a preview and a
glossary entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.browser

PAGE = "/wiki/Alberta"
HARD = "a.hard-word[href^='/wiki/Amphibian']"
PHONE = {"width": 390, "height": 844}


def grade(page) -> float:  # type: ignore[no-untyped-def]
    text = page.locator(".reading-measures").inner_text()
    found = re.search(r"Grade (-?[\d.]+)", text)
    assert found, text
    return float(found.group(1))


def article_box(page) -> list[float]:  # type: ignore[no-untyped-def]
    """Where the article and its first paragraph are on the page (not the screen)."""
    return page.evaluate(
        "(() => { const r = document.querySelector('article').getBoundingClientRect();"
        " const p = document.querySelector('article p').getBoundingClientRect();"
        " const y = window.scrollY, x = window.scrollX;"
        " return [r.top + y, r.left + x, r.width, r.height, p.top + y, p.height]; })()"
    )


@pytest.fixture()
def phone(browser, base_url: str, page_watch) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, base_url=base_url, has_touch=True, is_mobile=True)
    p = context.new_page()
    p.set_default_timeout(10_000)
    p.watch = page_watch(p, base_url)
    yield p
    context.close()


def test_level_switch_with_the_mouse_is_remembered(page, screenshot) -> None:  # type: ignore[no-untyped-def]
    page.goto(PAGE)
    nav = page.get_by_role("navigation", name="Reading level")
    assert nav.get_by_role("link", name="Full").get_attribute("aria-current") == "page"
    full = grade(page)
    screenshot(page, "levels-desktop-full")
    nav.get_by_role("link", name="Medium").click()
    page.wait_for_url(re.compile(r"/wiki/Alberta\?level=2$"))
    assert nav.get_by_role("link", name="Medium").get_attribute("aria-current") == "page"
    medium = grade(page)
    assert medium <= 7.0 < full, (medium, full)
    screenshot(page, "levels-desktop-medium")
    # the choice is remembered: the plain address opens at level 2, and so do links
    page.goto(PAGE)
    page.wait_for_url(re.compile(r"\?level=2$"))
    assert page.locator("nav.levels").get_attribute("data-level") == "2"
    inner = page.locator("article p a[href^='/wiki/']").first.get_attribute("href")
    assert inner is not None and inner.endswith("?level=2")
    nav.get_by_role("link", name="Full").click()
    page.wait_for_url(re.compile(r"\?level=3$"))
    page.goto(PAGE)
    assert page.locator("nav.levels").get_attribute("data-level") == "3" and "level=" not in page.url
    page.watch.assert_clean()


def test_keyboard_switch_preview_and_glossary(page, screenshot) -> None:  # type: ignore[no-untyped-def]
    page.goto(PAGE)
    page.locator("nav.levels a[data-level='2']").focus()
    assert page.evaluate("document.activeElement.textContent") == "Medium"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?level=2$"))
    word = page.locator(HARD).first
    word.wait_for()
    before = article_box(page)
    # reach the hard word with Tab, as a keyboard user does
    page.locator("nav.levels a[data-level='3']").focus()
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('hard-word')"
                         " && document.activeElement.getAttribute('href').startsWith('/wiki/Amphibian')"):
            break
    else:
        pytest.fail("the hard word is not reachable with Tab")
    preview = page.locator("#word-preview")
    preview.wait_for(state="visible")
    assert preview.get_attribute("role") == "tooltip"
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "word-preview"
    text = preview.inner_text()
    assert text.startswith("Amphibian") and "Amphibians" in text and text.rstrip().endswith(".")
    assert article_box(page) == before  # the preview floats: nothing on the page moved
    screenshot(page, "levels-desktop-preview-keyboard")
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    # the glossary at the end: the same word, its first sentence at level 2, a link
    glossary = page.locator("section.glossary")
    assert glossary.get_by_role("heading", name="Words to know").is_visible()
    term = glossary.locator("dt a", has_text="amphibian")
    assert term.get_attribute("href") == "/wiki/Amphibian?level=2"
    assert glossary.locator("dd").first.inner_text().strip().endswith(".")
    term.focus()
    glossary.scroll_into_view_if_needed()
    screenshot(page, "levels-desktop-glossary")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/wiki/Amphibian\?level=2$"))
    page.watch.assert_clean()


def test_hover_shows_a_preview(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(PAGE + "?level=2")
    word = page.locator(HARD).first
    word.scroll_into_view_if_needed()
    before = article_box(page)
    word.hover()
    preview = page.locator("#word-preview")
    preview.wait_for(state="visible")
    assert "Amphibians" in preview.inner_text()
    box, anchor = preview.bounding_box(), word.bounding_box()
    assert box is not None and anchor is not None and box["y"] >= anchor["y"] + anchor["height"]
    assert article_box(page) == before
    page.mouse.move(0, 0)
    preview.wait_for(state="hidden")
    page.watch.assert_clean()


def test_phone_tap_preview_then_follow_and_easy_level(phone, screenshot) -> None:  # type: ignore[no-untyped-def]
    page = phone
    page.goto(PAGE + "?level=2")
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than the phone"
    switch = page.locator("nav.levels a")
    for i in range(switch.count()):  # big enough for a finger
        b = switch.nth(i).bounding_box()
        assert b is not None and b["height"] >= 44 and b["width"] >= 44
    word = page.locator(HARD).first
    word.scroll_into_view_if_needed()
    before = article_box(page)
    word.tap()  # the first tap shows the preview and stays on the page
    preview = page.locator("#word-preview")
    preview.wait_for(state="visible")
    assert page.url.endswith("/wiki/Alberta?level=2")
    assert article_box(page) == before
    pb = preview.bounding_box()
    assert pb is not None and pb["x"] >= 0 and pb["x"] + pb["width"] <= PHONE["width"]
    screenshot(page, "levels-phone-preview")
    word.tap()  # the second tap follows the link, at the same level
    page.wait_for_url(re.compile(r"/wiki/Amphibian\?level=2$"))
    page.goto(PAGE)  # remembered on the phone too
    page.wait_for_url(re.compile(r"\?level=2$"))
    page.locator("nav.levels a[data-level='1']").tap()
    page.wait_for_url(re.compile(r"\?level=1$"))
    assert grade(page) < 7.0
    screenshot(page, "levels-phone-easy")
    page.locator("section.glossary").scroll_into_view_if_needed() if page.locator("section.glossary").count() else None
    screenshot(page, "levels-phone-easy-full", full_page=True)
    page.watch.assert_clean()
