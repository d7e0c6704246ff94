"""Fixtures for the web tests: the app over the real sample, and over a hostile fixture.

``client`` serves the bundled real sample (built once per session by the shared
``sample_db`` fixture). ``hostile_client`` serves a small database holding the
SYNTHETIC SECURITY FIXTURE below (wikitext written for these tests to attack the
renderer; it is NOT a Wikipedia page) next to two real sample articles.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from kidpedia.build import process_page
from kidpedia.model import Article, RawPage, Redirect
from kidpedia.store import Store
from kidpedia.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# ---- SYNTHETIC SECURITY FIXTURE: hostile wikitext written for these tests -------------

HOSTILE_TITLE = "Hostile test page"
HOSTILE_ODD_TITLE = '"><script>alert("title")</script>'
HOSTILE_WIKITEXT = """{{Infobox person
| name = <script>alert("infobox-name")</script>Mallory
| birth_place = [[javascript:alert("infobox-link")|Click]] <img src=x onerror=alert("img")>
| occupation = <span onmouseover="alert('span')">Tester</span> [[Aardvark]]
| website = [javascript:alert("ext") site]
}}
'''Hostile test page''' is <script>alert("lead")</script> a page
with <script src="http://evil.example/x.js"></script> attacks in it.
It links to [[Aardvark]], [[Albert Einstein|a physicist]], to [[Missing page not stored]],
to [[javascript:alert("internal")|an internal javascript link]] and to
[javascript:alert("external") an external javascript link] and
[data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== a data link].
<style>body { display: none }</style>
<div onclick="alert('div')" style="background:url(javascript:alert('css'))">A div.</div>
<iframe src="http://evil.example/"></iframe><object data="x.swf"></object>
<svg onload="alert('svg')"><circle r="1"/></svg>
&lt;script&gt;alert("entity")&lt;/script&gt; and <a href="javascript:alert('a')">raw a</a>.
{{lang|fr|<script>alert("lang")</script>}}

== <script>alert("heading")</script> History ==
The page has a [[Aardvark|<b onclick="alert('bold')">bold</b> aardvark]] link.
<img src="x" onerror="alert('img2')">

=== Deeper <span style="color:red" onfocus="alert(1)">part</span> ===
* A list item with <u onmouseenter="alert('u')">events</u>.
* Another item: " onmouseover="alert('quote')

== See also ==
* [[<script>alert("seealso")</script>]]
* [[Aardvark]]
* [[javascript:alert("seealso-js")]]

[[Category:<script>alert("category")</script>]]
[[es:<script>alert("langlink")</script>]]
[[fr:Page de test" onmouseover="alert('fr')]]
"""

HOSTILE_PAGES = [
    RawPage(HOSTILE_TITLE, HOSTILE_WIKITEXT, page_id=900001),
    RawPage(HOSTILE_ODD_TITLE, "Text of an article with an [[Aardvark]] link.", page_id=900002),
    RawPage("Redirect to hostile", "#REDIRECT [[Hostile test page]]", page_id=900003),
]


def build_pages(db: Path, pages: list[RawPage]) -> list[Article]:
    """Run pages through the real build step (parse, prune, safety) into a new store."""
    articles: list[Article] = []
    redirects: list[Redirect] = []
    for raw in pages:
        result = process_page(raw)
        if isinstance(result, Article):
            articles.append(result)
        elif isinstance(result, Redirect):
            redirects.append(result)
    Store(db, create=True).add(articles, redirects)
    return articles


@pytest.fixture(scope="session")
def sample_store(sample_db: Path) -> Store:
    return Store(sample_db)


@pytest.fixture(scope="session")
def client(sample_db: Path) -> TestClient:
    return TestClient(create_app(sample_db))


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory, sample_raw_pages: list[RawPage]) -> Path:
    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    real = [p for p in sample_raw_pages if p.title in ("Aardvark", "Albert Einstein")]
    assert len(real) == 2
    build_pages(db, HOSTILE_PAGES + real)
    return db


@pytest.fixture(scope="session")
def hostile_client(hostile_db: Path) -> TestClient:
    return TestClient(create_app(hostile_db))


@pytest.fixture(scope="session")
def hostile_odd_title() -> str:
    return HOSTILE_ODD_TITLE
