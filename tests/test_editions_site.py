"""Several real editions in one site: the ja, uk, vi and el dumps built into one
database with ``kidpedia build`` (as a user runs it), a ``langlinks`` table read
with ``--langlinks``; then search in every script, pages linked across editions,
``/<lang>/wiki/`` and ``?lang=``, and ``kidpedia page/search --lang``.

The dumps are real (tests/data/dumps/PROVENANCE.md); the langlinks file is a
hand-made FORMAT FIXTURE in the exact layout of Wikimedia's ``langlinks.sql.gz``.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
import warnings
from pathlib import Path
from urllib.parse import quote

import lxml.html
import pytest

from kidpedia.sources.langlinks import langlinks_edition, read_langlinks
from kidpedia.store import Store, forgive
from kidpedia.web.app import create_app
from kidpedia.web.editions import in_edition

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

DUMPS = Path(__file__).resolve().parent / "data" / "dumps"
EDITIONS = ["ja", "uk", "vi", "el"]
LANGLINKS = DUMPS / "ukwiki-20230501-langlinks.sql.gz"
pytestmark = pytest.mark.slow


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kidpedia", *args], capture_output=True, text=True,
                          timeout=900, check=False)


@pytest.fixture(scope="session")
def editions_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("editions") / "editions.db"
    dumps = [str(DUMPS / f"{x}wiki-2023-truncated.xml.bz2") for x in EDITIONS]
    spanish = str(DUMPS / "eswiki-summaries-fixture.xml.bz2")  # real Spanish leads, packed as a dump
    r = _run("build", *dumps, spanish, "--db", str(db), "--langlinks", str(LANGLINKS))
    out = " ".join((r.stdout + r.stderr).split())
    # the four dumps are real truncated dumps: each says where it stops (exit 1), every page before is built
    assert out.count("the dump ends in the middle of a page") == 4, out
    assert "17 language links from ukwiki-20230501-langlinks.sql.gz" in out, out
    return db


@pytest.fixture(scope="session")
def store(editions_db: Path) -> Store:
    return Store(editions_db)


@pytest.fixture(scope="session")
def client(editions_db: Path) -> TestClient:
    return TestClient(create_app(editions_db))


def _titles(store: Store, lang: str) -> list[str]:
    rows = store._conn().execute("SELECT title FROM articles WHERE lang = ? ORDER BY id", (lang,)).fetchall()
    return [r[0] for r in rows]


def _first(store: Store, lang: str, query: str) -> list[str]:
    return [h.title for h in forgive.find(store.edition(lang), query).hits]


def _unaccented(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def test_every_edition_is_built_into_one_database(store: Store) -> None:
    assert sorted(store.languages()) == sorted([*EDITIONS, "es"])
    counts = {x: store.stats(x)["articles"] for x in EDITIONS}
    assert all(n > 150 for n in counts.values()), counts
    # the same title in two editions is two articles (1821 is a year page in uk and el)
    assert store.get("1821", "uk") and store.get("1821", "el")
    assert store.get("1821", "uk").lang == "uk" and store.get("1821", "el").lang == "el"  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", EDITIONS)
def test_exact_title_puts_its_article_first(store: Store, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    titles = _titles(store, lang)
    picked = titles[:: max(1, len(titles) // 20)][:20]
    hits = [t for t in picked if _first(store, lang, t)[:1] == [t]]
    with capsys.disabled():
        print(f"\n{lang}: exact title first for {len(hits)}/{len(picked)} titles")
    assert hits == picked


@pytest.mark.parametrize(("query", "first"), [("日本語", "日本語"), ("言語", "言語")])
def test_japanese_title_ranks_its_article_first(store: Store, query: str, first: str) -> None:
    assert _first(store, "ja", query)[0] == first


def test_a_word_inside_a_run_of_japanese_is_found(store: Store) -> None:
    # 植物 (plants) stands inside コケ植物 (mosses): no space separates Japanese words
    assert "コケ植物" in _first(store, "ja", "植物")[:3]


@pytest.mark.parametrize("query", ["Київ", "Киев", "Kyiv"])
def test_kyiv_in_any_spelling_finds_kyiv(store: Store, query: str) -> None:
    assert "Київ" in _first(store, "uk", query)[:5]


@pytest.mark.parametrize("lang", ["vi", "el"])
def test_typed_without_accents_finds_the_article(store: Store, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    accented = [t for t in _titles(store, lang) if _unaccented(t) != t]
    picked = accented[:: max(1, len(accented) // 20)][:20]
    hits = [t for t in picked if _first(store, lang, _unaccented(t))[:1] == [t]]
    with capsys.disabled():
        print(f"\n{lang}: typed without accents, article first for {len(hits)}/{len(picked)} titles")
    assert len(picked) == 20 and hits == picked


@pytest.mark.parametrize(("lang", "prefix", "title"), [
    ("ja", "日本", "日本語"), ("ja", "コケ", "コケ植物"), ("uk", "Киї", "Київ"),
    ("el", "Αθη", "Αθήνα"), ("el", "αθήν", "Αθήνα"),
])
def test_suggestions_in_every_script(store: Store, lang: str, prefix: str, title: str) -> None:
    assert title in forgive.suggest(store.edition(lang), prefix)


def test_langlinks_format_fixture_is_read() -> None:
    rows = list(read_langlinks(LANGLINKS))
    assert len(rows) == 18 and rows[0] == (607, "el", "Γλώσσα")
    assert (999999, "en", "Page that is not in the dump") in rows  # underscores read as spaces
    assert langlinks_edition(LANGLINKS) == "uk"


def _page(client: TestClient, url: str) -> lxml.html.HtmlElement:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code)
    return lxml.html.fromstring(r.text)


def test_a_page_links_to_the_same_page_in_another_built_edition(client: TestClient) -> None:
    doc = _page(client, "/uk/wiki/Мова")
    items = {li.text_content().strip(): [a.get("href") for a in li.cssselect("a")]
             for li in doc.cssselect(".other-languages li")}
    # built editions are links to our kids' page there; English is not built: plain text
    assert items["In Greek: Γλώσσα"] == ["/el/wiki/" + quote("Γλώσσα")]
    assert items["In Japanese: 言語"] == ["/wiki/" + quote("言語")]  # ja is the default edition
    assert items["In English: Language facts for kids"] == []
    # the header offers this page in every other built edition, else that edition's home
    header = {a.get("lang"): a.get("href") for a in doc.cssselect("nav.editions a")}
    assert header == {"ja": "/wiki/" + quote("言語"), "uk": "/uk/wiki/" + quote("Мова"),
                      "el": "/el/wiki/" + quote("Γλώσσα"), "vi": "/vi/", "es": "/es/"}


def test_in_spanish_kiev_for_kids_as_on_the_reference_page(client: TestClient) -> None:
    doc = _page(client, "/uk/wiki/Київ")
    link = [li for li in doc.cssselect(".other-languages li") if li.text_content().startswith("In Spanish:")]
    assert [li.text_content().strip() for li in link] == ["In Spanish: Kiev para niños"]
    assert [a.get("href") for a in link[0].cssselect("a")] == ["/es/wiki/Kiev"]
    # and back, in Spanish chrome: "En ucraniano: Київ"
    back = _page(client, "/es/wiki/Kiev")
    assert back.get("lang") == "es"
    items = {li.text_content().strip(): [a.get("href") for a in li.cssselect("a")]
             for li in back.cssselect(".other-languages li")}
    assert items["En ucraniano: Київ"] == ["/uk/wiki/" + quote("Київ")]


def test_links_read_both_ways_and_by_query(client: TestClient) -> None:
    # the uk table says uk 1821 = el 1821: the el page links back
    doc = _page(client, "/el/wiki/1821")
    assert [a.get("href") for a in doc.cssselect(".other-languages a")] == ["/uk/wiki/1821"]
    assert doc.get("lang") == "el"
    assert _page(client, "/wiki/1821?lang=el").get("lang") == "el"
    api = client.get("/api/article/1821", params={"lang": "uk"}).json()
    assert api["lang"] == "uk"


def test_search_and_suggest_take_lang(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "植物", "lang": "ja"}).json()
    assert "コケ植物" in [r["title"] for r in found["results"]][:3]
    offered = client.get("/uk/api/suggest", params={"q": "Киї"}).json()["suggestions"]
    assert {"title": "Київ", "url": "/uk/wiki/" + quote("Київ")} in offered
    doc = _page(client, "/vi/search?q=" + quote("Ha Noi"))
    assert doc.get("lang") == "vi"


def test_redirects_stay_in_their_edition(client: TestClient) -> None:
    # Starlette's trailing-slash redirect and the site's own "/" redirects answer under
    # the stripped /<lang> prefix: the reader must land in the same edition
    cases = {"/vi/search/?q=Ha+Noi": "/vi/search?q=Ha+Noi", "/uk/wiki/": "/uk/", "/el/wiki": "/el/",
             "/search/?q=x": "/search?q=x", "/wiki/": "/"}
    for asked, expected in cases.items():
        r = client.get(asked, follow_redirects=False)
        assert r.status_code in (302, 307) and r.headers["location"] == expected, (asked, r.headers)
    assert client.get("/ja/random", follow_redirects=False).headers["location"].startswith("/ja/wiki/")
    assert _page(client, "/vi/search/?q=" + quote("Ha Noi")).get("lang") == "vi"


def test_in_edition_keeps_a_named_edition_and_drops_the_host() -> None:
    langs = {"fr", "de"}
    assert in_edition(b"/search?q=a", "fr", langs) == b"/fr/search?q=a"
    assert in_edition(b"http://evil.example/x#y", "fr", langs) == b"/fr/x#y"
    assert in_edition(b"/de/wiki/Paris", "fr", langs) == b"/de/wiki/Paris"
    assert in_edition(b"//evil.example/x", "fr", langs) == b"/fr/x"  # a network-path never leaves the site


def test_page_and_search_commands_take_lang(editions_db: Path) -> None:
    r = _run("page", "Київ", "--db", str(editions_db), "--lang", "uk")
    assert r.returncode == 0, r.stderr
    assert "Київ facts for kids" in r.stdout and "In Greek: Κίεβο" in r.stdout
    r = _run("search", "植物", "--db", str(editions_db), "--lang", "ja", "--format", "json")
    assert r.returncode == 0 and "コケ植物" in r.stdout, r.stderr


@pytest.mark.parametrize(("lang", "query", "written", "folded"), [
    ("el", "Αθηνα", "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας", "Αθηνα ειναι"),
    ("vi", "Bộ Kế hoạch và Đầu tư", "Đầu tư", "Dầu tư"),
])
def test_snippets_read_as_written(client: TestClient, lang: str, query: str, written: str, folded: str) -> None:
    """The index folds accents and final sigma; what a child reads keeps them."""
    found = client.get("/api/search", params={"q": query, "lang": lang}).json()["results"]
    snippet = found[0]["snippet"]
    assert written in snippet and folded not in snippet, snippet


def test_the_chrome_links_into_the_edition_of_each_page(client: TestClient) -> None:
    # the header's brand, the search form and the footer are made once per edition
    # (app.py: fragment): each page, in whatever order they come, links inside its own
    for url, home in [("/uk/search?q=x", "/uk/"), ("/search?q=x", "/"), ("/el/wiki/1821", "/el/"),
                      ("/uk/wiki/" + quote("Мова"), "/uk/"), ("/vi/search?q=y", "/vi/")]:
        doc = _page(client, url)
        assert [a.get("href") for a in doc.cssselect("a.brand")] == [home], url
        assert [f.get("action") for f in doc.cssselect("form.search")] == [home + "search"], url
        assert [a.get("href") for a in doc.cssselect(".site-footer p:last-child a")] == [
            home, home + "random", home + "search"], url
