"""The site in Spanish and in French, in a real browser: one database holding a Spanish
edition (real eswiki lead extracts, tests/data/dumps/eswiki-summaries-fixture.xml.bz2)
and a French one (real frwiki Enterprise records: Calvi, Joséphine Baker). Page chrome,
dates, numbers and plurals are in the edition's language. Screenshots go to
tests/artifacts/ (editions-*.png) for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parent.parent / "data"
SOURCES = [DATA / "dumps" / "eswiki-summaries-fixture.xml.bz2", DATA / "html" / "frwiki__Calvi.json.gz",
           DATA / "html" / "frwiki__Josephine_Baker.json.gz"]


@pytest.fixture(scope="module")
def editions_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from kidpedia.build import build
    from kidpedia.web.server import background_server

    db = tmp_path_factory.mktemp("editions-browser") / "es-fr.db"
    report = build(SOURCES, db, workers=1)
    assert report.articles == 18 and not report.errors, report
    with background_server(db) as url:
        yield url


@pytest.fixture()
def tab(browser, editions_url: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=editions_url)
    p = context.new_page()
    p.set_default_timeout(10_000)
    yield p
    context.close()


def _text(tab, selector: str) -> str:  # type: ignore[no-untyped-def]
    return " ".join((tab.locator(selector).first.text_content() or "").split())


def test_spanish_site_speaks_spanish(tab, screenshot) -> None:  # type: ignore[no-untyped-def]
    tab.goto("/")  # Spanish was built first: the default edition
    assert tab.locator("html").get_attribute("lang") == "es"
    assert _text(tab, ".count") == "16 artículos para explorar"  # CLDR plural, Spanish words
    assert tab.get_by_role("link", name="¡Llévame a un artículo sorpresa!").count() == 1
    screenshot(tab, "editions-es-home")
    tab.goto("/wiki/Kiev")
    assert _text(tab, "h1") == "Kiev para niños"
    assert _text(tab, ".reading-measures").startswith("Facilidad de lectura")  # no English grade ("Grado 0")
    tab.goto("/search?q=capital")
    assert _text(tab, ".result-count").endswith("artículos encontrados")
    tab.goto("/search?q=Pelé")
    assert _text(tab, ".result-count") == "1 artículo encontrado"
    screenshot(tab, "editions-es-search")


def test_french_site_speaks_french(tab, screenshot) -> None:  # type: ignore[no-untyped-def]
    tab.goto("/fr/wiki/Joséphine_Baker")
    assert tab.locator("html").get_attribute("lang") == "fr"
    assert _text(tab, "h1") == "Joséphine Baker pour les enfants"
    facts = _text(tab, ".quick-facts")
    assert facts.startswith("Faits en bref pour les enfants")
    assert "3 juin 1906" in facts and "12 avril 1975" in facts  # dates as the French edition writes them
    measures = _text(tab, ".reading-measures")
    assert measures.startswith("Facilité de lecture"), measures  # FKGL is English: no "Niveau scolaire 0"
    # thousands grouped the French way (CLDR: a narrow no-break space): "8 351 mots"
    assert re.fullmatch(r"\d{1,3}(?:[\u202f\xa0 ]\d{3})+ mots", measures.split("·")[-1].strip()), measures
    # the header offers the other edition (its home: the Spanish edition has no such page)
    assert tab.locator("nav.editions a[lang=es]").get_attribute("href") == "/"
    screenshot(tab, "editions-fr-article")
    tab.goto("/fr/")
    assert _text(tab, ".count") == "2 articles à explorer"
    screenshot(tab, "editions-fr-home")
