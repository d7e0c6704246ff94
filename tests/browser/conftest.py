"""Browser test fixtures: Debian's Chromium driven by Playwright, against a live server.

The site is served by uvicorn (in a thread, on a free port on 127.0.0.1) from a
database built from the bundled real sample plus the SYNTHETIC SECURITY FIXTURE
tests/data/web/Hostile_test_page.wikitext. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
HOSTILE_FILE = Path(__file__).resolve().parent.parent / "data" / "web" / "Hostile_test_page.wikitext"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Without Chromium the browser tests skip, saying why (``make test`` installs it)."""
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason="Chromium is not installed at /usr/bin/chromium (apt-get install chromium; `make test` installs it)"
    )
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_db(tmp_path_factory: pytest.TempPathFactory, sample_dump: Path) -> Path:
    from kidpedia.build import build

    db = tmp_path_factory.mktemp("browser") / "site.db"
    report = build([sample_dump, HOSTILE_FILE], db, workers=1)
    assert report.articles > 90 and not report.errors, report
    return db


@pytest.fixture(scope="session")
def base_url(browser_db: Path) -> Iterator[str]:
    from kidpedia.web.server import background_server

    with background_server(browser_db) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class PageWatch:
    """What a page did that it should not: requests off the site, script errors, dialogs,
    console errors (CSP violations are reported there)."""

    def __init__(self, page, base_url: str) -> None:  # type: ignore[no-untyped-def]
        self.external: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: None if r.url.startswith((base_url, "data:")) else self.external.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

        def on_dialog(d) -> None:  # type: ignore[no-untyped-def]
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)

    def assert_clean(self) -> None:
        assert not self.external, self.external
        assert not self.dialogs, self.dialogs
        assert not self.errors, self.errors


@pytest.fixture(scope="session")
def page_watch() -> type[PageWatch]:
    """The PageWatch class, for tests that make their own pages (``from conftest import``
    would find whichever test directory's conftest was imported last)."""
    return PageWatch


@pytest.fixture()
def page(browser, base_url: str, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    size = getattr(request, "param", {"width": 1280, "height": 900})
    context = browser.new_context(viewport=size, base_url=base_url, java_script_enabled=True)
    p = context.new_page()
    p.set_default_timeout(10_000)
    p.watch = PageWatch(p, base_url)
    yield p
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def screenshot(artifacts: Path):  # type: ignore[no-untyped-def]
    """``screenshot(page, name)`` saves tests/artifacts/<name>.png (look at them!)."""

    def take(page, name: str, full_page: bool = False) -> Path:  # type: ignore[no-untyped-def]
        path = artifacts / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


@pytest.fixture()
def open_page(browser, base_url: str):  # type: ignore[no-untyped-def]
    """``open_page(width, height, init_script=None, **context_options)``: a page in a new
    context (its own storage), watched as ``page`` is; closed after the test."""
    contexts = []

    def make(width: int = 1280, height: int = 900, init_script: str | None = None, **options):  # type: ignore[no-untyped-def]
        context = browser.new_context(viewport={"width": width, "height": height}, base_url=base_url, **options)
        if init_script:
            context.add_init_script(init_script)
        contexts.append(context)
        p = context.new_page()
        p.set_default_timeout(10_000)
        p.watch = PageWatch(p, base_url)
        return p

    yield make
    for c in contexts:
        c.close()


ELWIKI = Path(__file__).resolve().parent.parent / "data" / "dumps" / "elwiki-2023-truncated.xml.bz2"
# A real disambiguation page of the Greek excerpt and the entries of it the excerpt has.
GREEK_PAGES = ("Ελληνικός", "Ελληνική γλώσσα", "Ελληνική φιλοσοφία", "Ελληνικό αλφάβητο")


@pytest.fixture(scope="session")
def greek_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site built from four real pages of the elwiki excerpt (cut from it at test time,
    bytes unchanged: its <siteinfo> and those <page>s), served like the main one."""
    import bz2
    import re

    from kidpedia.build import build
    from kidpedia.web.server import background_server

    xml = bz2.decompress(ELWIKI.read_bytes()).decode("utf-8")
    head = xml[: xml.index("</siteinfo>") + len("</siteinfo>")]
    pages = [p for p in re.findall(r"  <page>.*?</page>\n", xml, flags=re.DOTALL)
             if re.search(r"<title>(.*?)</title>", p).group(1) in GREEK_PAGES]  # type: ignore[union-attr]
    assert len(pages) == len(GREEK_PAGES)
    folder = tmp_path_factory.mktemp("greek")
    dump = folder / "elwiki-excerpt.xml"
    dump.write_text(head + "\n" + "".join(pages) + "</mediawiki>\n", "utf-8")
    report = build([dump], folder / "el.db", workers=1)
    assert report.articles == 3 and not report.errors, report
    with background_server(folder / "el.db") as url:
        yield url
