"""A country page's "largest cities" table on the site, in Chromium (issue 8).

The site is built with ``kidpedia.build.build`` from the real Wikimedia Enterprise
record of "United States" (tests/data/html/, rendered HTML). On a phone the table
scrolls sideways inside its own box while the page itself never does, and its
caption stays in view above the box. Screenshots:
tests/artifacts/table-united-states-{phone,desktop}.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

US = Path(__file__).resolve().parent.parent / "data" / "html" / "enwiki__United_States.json.gz"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def us_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from kidpedia.build import build
    from kidpedia.web.server import background_server

    db = tmp_path_factory.mktemp("us") / "us.db"
    report = build([US], db, workers=1)
    assert report.articles == 1 and not report.errors, report
    with background_server(db) as url:
        yield url


@pytest.mark.parametrize(("size", "name"), [(PHONE, "phone"), (DESKTOP, "desktop")])
def test_largest_metropolitan_areas_table_on_the_site(browser, us_site, screenshot, size, name) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=size, base_url=us_site)
    page = context.new_page()
    try:
        page.goto("/wiki/United_States")
        figure = page.locator("figure.table-box", has_text="Largest metropolitan areas")
        table = figure.locator("table.data-table")
        table.scroll_into_view_if_needed()
        caption = figure.locator("figcaption")
        assert caption.inner_text().startswith("Largest metropolitan areas in the United States")
        headers = table.locator("thead th").all_inner_texts()
        assert headers[1:5] == ["Rank", "Name", "Region", "Pop."]
        first = table.locator("tbody tr").first.locator("td").all_inner_texts()
        assert first[1:5] == ["1", "New York", "Northeast", "19,498,249"]
        overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"page is {overflow}px wider than the screen"
        box = table.locator("xpath=..")
        assert box.get_attribute("class") == "table-scroll"
        wide, shown = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
        if name == "phone":
            assert wide > shown, "the table scrolls sideways in its box on a phone"
            box.evaluate("b => b.scrollBy(120, 0)")
            assert box.evaluate("b => b.scrollLeft") > 0
            assert caption.bounding_box()["x"] >= 0, "the caption stays in view while the table scrolls"
        screenshot(page, f"table-united-states-{name}")
    finally:
        context.close()
