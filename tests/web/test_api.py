"""The JSON API over the real sample: article, search, suggest, random, OpenAPI."""

from __future__ import annotations

from kidpedia.model import Article
from kidpedia.store import Store


def test_article_json_is_the_stored_article(client, sample_store: Store):
    r = client.get("/api/article/Albert_Einstein")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert Article.from_json(r.json()) == sample_store.get("Albert Einstein")


def test_article_json_follows_redirects_and_404s_in_json(client):
    r = client.get("/api/article/AbacuS", follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (302, "/api/article/Abacus")
    assert client.get("/api/article/AbacuS").json()["title"] == "Abacus"
    r = client.get("/api/article/No_such_thing_here")
    assert r.status_code == 404 and r.json()["status"] == 404


def test_search_json(client):
    data = client.get("/api/search?q=relativity").json()
    assert data["blocked"] is False and data["total"] >= 1
    first = data["results"][0]
    assert first["title"] == "Albert Einstein" and first["url"] == "/wiki/Albert_Einstein"
    assert "\ue000" not in first["snippet"] and "relativity" in first["snippet"].lower()
    assert "<mark>" in first["snippet_html"]
    page2 = client.get("/api/search?q=the&offset=10&limit=5").json()
    assert page2["offset"] == 10 and len(page2["results"]) == 5


def test_suggest_is_a_case_and_accent_blind_prefix_match(client):
    data = client.get("/api/suggest?q=AL").json()
    titles = [s["title"] for s in data["suggestions"]]
    assert titles and all(t.lower().startswith("al") for t in titles)
    assert data["suggestions"][0]["url"].startswith("/wiki/Al")
    assert client.get("/api/suggest?q=").json()["suggestions"] == []


def test_random_json(client, sample_store: Store):
    data = client.get("/api/random").json()
    assert sample_store.get(data["title"]) is not None


def test_safe_search_in_the_api(client):
    assert client.get("/api/search?q=porn").json() == {
        "query": "porn", "blocked": True, "total": 0, "offset": 0, "did_you_mean": None, "results": [],
    }


def test_openapi_document_lists_the_api_only(client):
    doc = client.get("/api/openapi.json").json()
    assert {"/api/article/{raw_title}", "/api/search", "/api/suggest", "/api/random"} <= set(doc["paths"])
    assert not any(p.startswith("/wiki") for p in doc["paths"])
    # Swagger UI would load scripts from a CDN: off, the site works offline.
    assert client.get("/docs").status_code == 404


def test_readme_web_routes_answer(client):
    """Docs stay true: every path README's "The web site" section names works."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    section = readme.split("## The web site", 1)[1].split("\n## ", 1)[0]
    paths = set(re.findall(r"`(/[^`\s]*)`", section))
    assert {"/", "/api/openapi.json", "/api/suggest?q="} <= paths
    for path in paths:
        url = path.replace("<Title>", "Aardvark").replace("q=", "q=cat")
        assert client.get(url).status_code == 200, path
