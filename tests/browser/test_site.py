"""The kids' site in a real browser (Chromium via Playwright): the reading journey, keyboard,
phone and tablet layouts, contrast, print, offline and hostile content.

Screenshots are saved to tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 820, "height": 1180}

CONTRAST_JS = """
(selectors) => {
  const parse = c => { const p = c.match(/rgba?\\(([^)]+)\\)/)[1].split(',').map(parseFloat);
                       return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92
                                 : Math.pow((v + 0.055) / 1.055, 2.4); };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let out = [255, 255, 255];
    for (const c of layers.reverse()) out = [0, 1, 2].map(i => c[i] * c[3] + out[i] * (1 - c[3]));
    return out;
  };
  return selectors.map(sel => {
    const el = document.querySelector(sel);
    if (!el) return {sel, missing: true};
    const cs = getComputedStyle(el);
    const a = lum(parse(cs.color)), b = lum(background(el));
    return {sel, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
            size: parseFloat(cs.fontSize), bold: parseInt(cs.fontWeight) >= 700};
  });
}
"""


def check_contrast(page, selectors: list[str]) -> None:
    """WCAG AA: 4.5:1 for text, 3:1 for large text (24px, or 18.66px bold)."""
    found = page.evaluate(CONTRAST_JS, selectors)
    missing = [r["sel"] for r in found if r.get("missing")]
    assert not missing, f"no element for {missing}"
    for r in found:
        large = r["size"] >= 24 or (r["bold"] and r["size"] >= 18.66)
        need = 3.0 if large else 4.5
        assert r["ratio"] >= need, f"{r['sel']}: contrast {r['ratio']:.2f} < {need}"


def no_sideways_scroll(page) -> None:
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than the screen"


def test_search_open_an_article_and_read_it(page, screenshot):
    page.goto("/")
    assert page.title().startswith("kidpedia")
    box = page.get_by_role("combobox", name="What do you want to learn about?")
    assert box.is_visible()
    screenshot(page, "home-desktop")
    box.fill("Einstein")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=Einstein"))
    first = page.locator("ol.results h2 a").first
    assert first.inner_text() == "Albert Einstein"
    assert page.locator("ol.results mark").count() >= 1
    screenshot(page, "search-einstein")
    first.click()
    page.wait_for_url("**/wiki/Albert_Einstein")
    assert page.locator("h1").inner_text().split() == ["Albert", "Einstein", "facts", "for", "kids"]
    facts = page.locator("aside.quick-facts table")
    assert facts.is_visible()
    assert "Quick facts for kids" in facts.locator("caption").text_content()
    assert facts.locator("th[scope=row]").count() >= 10
    assert facts.locator("tr", has_text="Doctoral advisor").locator("td").inner_text() == "Alfred Kleiner"
    screenshot(page, "article-einstein")
    toc = page.locator("nav.toc")
    assert toc.locator("h2").inner_text() == "Contents"
    entry = toc.locator("a", has_text="Patent office")
    entry.click()
    page.wait_for_url("**#Patent_office")
    heading = page.locator("#Patent_office")
    assert heading.inner_text() == "Patent office" and heading.is_visible()
    assert page.evaluate("document.getElementById('Patent_office').getBoundingClientRect().top") < 200
    page.watch.assert_clean()


def test_follow_a_see_also_link_and_a_redirect(page, screenshot):
    page.goto("/wiki/Anthropology")
    see_also = page.locator("section.see-also")
    see_also.scroll_into_view_if_needed()
    screenshot(page, "see-also-anthropology")
    see_also.get_by_role("link", name="List of anthropologists").click()
    page.wait_for_url("**/wiki/List_of_anthropologists")
    assert page.locator("h1").inner_text().startswith("List of anthropologists")
    page.goto("/wiki/AbacuS")  # a real redirect in the sample dump
    assert page.url.endswith("/wiki/Abacus?redirected_from=AbacuS")
    assert page.locator("h1").inner_text().startswith("Abacus")
    assert "AbacuS" in page.locator(".redirect-note").inner_text()
    page.watch.assert_clean()


def test_suggestions_while_typing_work_with_the_keyboard(page, screenshot):
    page.goto("/")
    box = page.locator("#q-big")
    box.press_sequentially("Aar", delay=40)
    options = page.locator("#suggest-big [role=option]")
    options.first.wait_for()
    assert options.all_inner_texts() == ["Aardvark", "Aardwolf"]
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    box.press("ArrowDown")
    assert options.nth(1).get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == "suggest-big-1"
    screenshot(page, "home-suggestions")
    box.press("Enter")
    page.wait_for_url("**/wiki/Aardwolf")
    page.watch.assert_clean()


def test_keyboard_skip_link_and_visible_focus(page):
    page.goto("/wiki/Aardvark")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
    )
    assert style[0] != "none" and style[1] != "0px", style


@pytest.mark.parametrize(
    ("page", "name"), [(PHONE, "phone"), (TABLET, "tablet")], indirect=["page"]
)
def test_phone_and_tablet_layouts(page, name, screenshot):
    page.goto("/")
    no_sideways_scroll(page)
    screenshot(page, f"home-{name}")
    for title in ("Albert_Einstein", "American_Revolutionary_War", "Afghanistan"):
        page.goto(f"/wiki/{title}")
        no_sideways_scroll(page)
    facts = page.locator("aside.quick-facts").bounding_box()
    width = page.viewport_size["width"]
    assert facts["width"] > width * 0.6, "Quick facts use the screen's width, not a thin column"
    screenshot(page, f"article-{name}")
    page.goto("/search?q=water")
    no_sideways_scroll(page)
    screenshot(page, f"search-{name}")


def test_colours_meet_wcag_aa(page):
    page.goto("/")
    check_contrast(page, [
        ".tagline", ".count", ".card h3 a", ".card p", ".button-search", ".button-random",
        ".logo-word .c1", ".logo-word .c2", ".logo-word .c3", ".logo-word .c4", ".logo-word .c5",
        ".logo-word .c6", ".site-footer p", ".site-footer a",
    ])
    page.goto("/wiki/American_Revolutionary_War")
    check_contrast(page, [
        "body", "h1", ".ffk", ".lead p", ".brand span", ".site-header .button-random",
        ".button-search", "nav.toc a", ".quick-facts caption", ".quick-facts th[scope=row]",
        ".quick-facts td", ".qf-sides-label th", ".section h2", ".site-footer a",
    ])
    page.goto("/wiki/Anthropology")
    check_contrast(page, [".see-also a", ".see-also li", ".section h3"])
    page.goto("/search?q=water")
    check_contrast(page, ["mark", ".snippet", ".result-count", "ol.results h2 a"])


def test_print_shows_the_article_without_the_site_around_it(page, artifacts):
    page.goto("/wiki/Albert_Einstein")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator("nav.toc").is_visible()
    assert page.locator("aside.quick-facts").is_visible()
    assert page.locator("footer .source").is_visible()
    pdf = page.pdf(path=str(artifacts / "article-einstein-print.pdf"), format="A4")
    assert pdf.startswith(b"%PDF")


def test_everything_comes_from_the_site_itself(page):
    """No fonts, scripts or images from the internet: the site works offline."""
    for url in ("/", "/wiki/Albert_Einstein", "/search?q=cat", "/wiki/Nope", "/random"):
        page.goto(url)
    page.watch.errors = [e for e in page.watch.errors if "404" not in e]  # the 404 page itself
    page.watch.assert_clean()


def test_hostile_page_runs_nothing_in_the_browser(page, screenshot):
    """The SYNTHETIC SECURITY FIXTURE page: no dialog, no script error, nothing fetched."""
    page.goto("/wiki/Hostile_test_page")
    assert page.locator("h1").inner_text().startswith("Hostile test page")
    page.locator(".lead").hover()
    for el in page.locator("article a, article span, article li").all()[:30]:
        el.hover()
    screenshot(page, "hostile-page")
    assert page.evaluate("document.querySelectorAll('article script, article style, article iframe').length") == 0
    page.watch.assert_clean()
