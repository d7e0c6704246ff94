"""The static site (``kidpedia export site``) and the kids' ZIM in kiwix-serve, in Chromium:
the site opens from file:// (no server), searches, shows the Quick facts picture and the
figures; kiwix-serve shows the same page with its picture. Screenshots: tests/artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def test_static_site_from_file_url_searches_and_shows_pictures(browser, ray_charles_site: Path, screenshot) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(("file://", "data:")) else outside.append(r.url))
    try:
        page.goto((ray_charles_site / "index.html").as_uri())
        page.fill("#q-big", "soul music")
        page.press("#q-big", "Enter")
        page.wait_for_selector("#search-results li a")
        titles = page.locator("#search-results li a").all_inner_texts()
        assert "Ray Charles" in titles, titles
        screenshot(page, "static-site-search")
        page.locator("#search-results li a", has_text="Ray Charles").first.click()
        page.wait_for_selector("h1.article-title")
        assert page.url.endswith("/wiki/Ray_Charles.html")
        assert page.locator("h1").inner_text().split()[:2] == ["Ray", "Charles"]
        qf_img = page.locator(".quick-facts tr.qf-image img")
        assert qf_img.get_attribute("alt") == "Ray Charles in 1990"
        qf_img.scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('.quick-facts tr.qf-image img').naturalWidth > 0")
        screenshot(page, "static-site-ray-charles")
        figure = page.locator("figure.figure img").first
        figure.scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('figure.figure img').naturalWidth > 0")
        assert page.locator("figure.figure figcaption").count() >= 5
        assert not errors and not outside, (errors, outside)
    finally:
        context.close()


def test_kids_zim_in_kiwix_serve_shows_quick_facts_and_picture(browser, kiwix_serve_url: str, screenshot) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(kiwix_serve_url + "/Ray_Charles")
        img = page.locator(".quick-facts tr.qf-image img")  # kiwix-serve 3.3 shows the page itself
        img.scroll_into_view_if_needed()
        assert img.get_attribute("alt") == "Ray Charles in 1990"
        page.wait_for_function("document.querySelector('.quick-facts tr.qf-image img').naturalWidth > 0")
        assert "Quick facts for kids" in (page.locator(".quick-facts caption").text_content() or "")
        screenshot(page, "kiwix-serve-ray-charles")
    finally:
        context.close()


def test_cree_kids_zim_in_kiwix_serve_shows_a_page_with_its_picture(browser, cree_kiwix_serve_url: str,  # type: ignore[no-untyped-def]
                                                                    screenshot) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(cree_kiwix_serve_url + "/Amiskw")
        img = page.locator("figure.figure img").first
        img.scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('figure.figure img').naturalWidth > 0")
        assert page.locator("h1").first.inner_text().strip().startswith("Amiskw")
        screenshot(page, "kiwix-serve-cree-amiskw")
    finally:
        context.close()


SPEECH_RECORDER = """
window.__spoken = [];
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  speak(u) { window.__spoken.push(u.text); }, cancel() {}, pause() {}, resume() {}, getVoices() { return []; } } });
"""


def test_static_site_reads_aloud_sizes_text_and_checks_the_quiz(browser, ray_charles_site: Path, screenshot) -> None:  # type: ignore[no-untyped-def]
    """Issue 14 in the export: the page scripts work from file:// with no server."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(SPEECH_RECORDER)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((ray_charles_site / "wiki" / "Ray_Charles.html").as_uri())
        # a phone: the title, the lead picture, the first paragraph, then the box (without its picture)
        picture = page.locator(".lead-picture img")
        page.wait_for_function("document.querySelector('.lead-picture img').naturalWidth > 0")
        first_p = page.locator(".lead > p").first.bounding_box()
        pic, facts = picture.bounding_box(), page.locator(".quick-facts").bounding_box()
        assert pic and first_p and facts and pic["y"] < first_p["y"] < facts["y"]
        assert first_p["y"] < 844, "the first paragraph is above the fold"
        assert not page.locator(".quick-facts tr.qf-image").is_visible()
        screenshot(page, "issue14-static-site-phone")
        page.get_by_role("button", name="Read to me").click()
        assert page.evaluate("window.__spoken")[0].startswith("Ray Charles")
        page.get_by_role("button", name="Stop").click()
        page.get_by_role("button", name="Biggest text").click()
        assert page.evaluate("document.documentElement.getAttribute('data-text-size')") == "3"
        quiz = page.locator(".quiz-question")
        assert quiz.count() >= 3, "Ray Charles has a quiz made at build time"
        right = quiz.first.get_attribute("data-answer")
        quiz.first.locator(f"input[value='{right}']").check()
        page.get_by_role("button", name="Check my answers").click()
        assert quiz.first.locator(".quiz-feedback").inner_text() == "Right!"
        page.locator(".quiz").scroll_into_view_if_needed()
        screenshot(page, "issue14-static-site-quiz")
        assert not errors, errors
    finally:
        context.close()
