"""Reading levels on the site and in the API: ?level=, the switch, measures, glossary,
hard-word previews, and what ``kidpedia build --levels`` stores."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kidpedia.kidify import reading
from kidpedia.kidify.levels import at_level
from kidpedia.store import Store
from kidpedia.store.levels import stored_level, stored_measures


def _paragraph_text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", " ".join(re.findall(r"<p>(.*?)</p>", html, re.DOTALL)))


def test_each_level_reads_easier(client) -> None:
    grades = {}
    for level in (1, 2, 3):
        r = client.get(f"/wiki/Albert_Einstein?level={level}")
        assert r.status_code == 200
        html = r.text
        assert f'data-level="{level}"' in html
        assert re.search(rf'<a href="/wiki/Albert_Einstein\?level={level}" data-level="{level}" aria-current="page">', html)
        grades[level] = reading.measure(_paragraph_text(html)).fkgl
        assert "Grade " in html and "reading ease" in html
    assert grades[1] < grades[3] and grades[2] < grades[3], grades
    plain = client.get("/wiki/Albert_Einstein").text
    assert 'data-level="3"' in plain and '<section class="glossary"' not in plain


def test_level_pages_end_with_a_glossary_of_hard_words(client) -> None:
    html = client.get("/wiki/Alberta?level=2").text
    glossary = html[html.index('<section class="glossary"'):]
    terms = re.findall(r'<dt><a href="(/wiki/[^"?]+)\?level=2">([^<]+)</a></dt>\s*<dd>([^<]+)</dd>', glossary)
    assert terms, glossary[:500]
    for href, _word, text in terms:
        assert href in html.split('<section class="glossary"')[0]  # a word on the page
        assert text.strip().endswith((".", "!", "?"))
    assert ("/wiki/Amphibian", "amphibian") in [(h, w) for h, w, _ in terms]
    nav = re.search(r'data-hard="([^"]*)"', html)
    assert nav and "/wiki/Amphibian" in nav.group(1)  # the previews know the hard words


def test_unknown_level_is_the_full_article(client) -> None:
    r = client.get("/wiki/Albert_Einstein?level=9")
    assert r.status_code == 200 and 'data-level="3"' in r.text


def test_api_level_parameter_and_preview(client, sample_store: Store) -> None:
    full = client.get("/api/article/Albert_Einstein").json()
    easy = client.get("/api/article/Albert_Einstein?level=1").json()
    assert full["level"] == 3 and easy["level"] == 1
    assert easy["reading"]["fkgl"] < full["reading"]["fkgl"]
    assert easy["reading"]["words"] < full["reading"]["words"]
    assert easy == {**at_level(sample_store.get("Albert Einstein"), 1).to_json(), "level": 1,
                    "reading": easy["reading"], "quiz": full["quiz"], "timeline": full["timeline"]}
    assert client.get("/api/article/Albert_Einstein?level=4").status_code == 422
    r = client.get("/api/article/albert_einstein?level=2", follow_redirects=False)
    assert r.status_code == 302 and r.headers["location"].endswith("?level=2")
    p = client.get("/api/preview/Amphibian?level=1").json()
    assert p["title"] == "Amphibian" and p["level"] == 1 and p["url"] == "/wiki/Amphibian?level=1"
    assert p["text"].startswith("Amphibians") and p["text"].endswith(".")
    assert client.get("/api/preview/No_such_page_here").status_code == 404


def test_build_levels_stores_levels_and_measures(tmp_path: Path, sample_raw_pages) -> None:
    from kidpedia.build_levels import build_levels

    db = tmp_path / "l.db"
    from kidpedia.pipeline import process_page

    pages = [p for p in sample_raw_pages if p.title in ("Aardvark", "Albedo")]
    Store(db, create=True).add([process_page(p) for p in pages], [])
    assert build_levels(db) == 2
    assert build_levels(db) == 0  # already made: resumed, nothing to do
    store = Store(db)
    a = store.get("Aardvark")
    assert a is not None
    assert stored_level(store, "Aardvark", 1) == at_level(a, 1)
    assert stored_measures(store, "Aardvark", 3)["words"] == reading.article_measures(a)["words"]
    assert stored_level(store, "Aardvark", 3) is None  # level 3 is the article itself
    store.add([a], [])  # the article changes: its levels go with it
    assert stored_measures(store, "Aardvark", 2) is None
    assert build_levels(db) == 1


@pytest.mark.parametrize("level", ["1", "2", "3"])
def test_page_command_levels(level: str, sample_db: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "kidpedia", "page", "Albert Einstein", "--db", str(sample_db),
                           "--level", level], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Albert Einstein facts for kids")


def test_hard_word_targets_are_resolved_together_as_one_by_one(sample_store: Store) -> None:
    from kidpedia.kidify.glossary import hard_links

    titles = [h.target for name in ("Albert Einstein", "Alberta", "Amphibian")
              for h in hard_links(sample_store.get(name), 2, limit=None)]
    redirects = [r[0] for r in sample_store._conn().execute("SELECT title FROM redirects LIMIT 20")]
    titles += redirects + [t.lower() for t in redirects] + ["albert einstein", "ALBERTA", "No such page at all", "aardvark"]
    one_by_one = {t: found[0] for t in titles if (found := sample_store.resolve(t))}
    assert len(one_by_one) >= 5 and len(one_by_one) < len(set(titles))  # some lead somewhere, some nowhere
    assert sample_store.resolve_many(titles) == one_by_one


def test_measures_made_once_and_again_for_a_changed_article(sample_store: Store) -> None:
    from dataclasses import replace

    from kidpedia.model import Text
    from kidpedia.web import reading as web_reading

    a = sample_store.get("Aardvark")
    first = web_reading.measures(sample_store, a, 3)
    assert first == reading.article_measures(a)
    assert web_reading.measures(sample_store, a, 3) is first  # kept: not made again
    longer = replace(a, lead=(*a.lead, Text("The aardvark digs long burrows at night.")))
    assert web_reading.measures(sample_store, longer, 3)["words"] == first["words"] + 7
