"""Search that forgives through the site, the API and the CLI (the same search serves all
three), on the bundled real sample."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_api_search_says_did_you_mean_and_gives_the_corrected_results(client) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/api/search?q=einstien").json()
    assert data["did_you_mean"] == "einstein"
    assert data["results"][0]["title"] == "Albert Einstein"
    assert client.get("/api/search?q=Einstein").json()["did_you_mean"] is None


def test_api_suggest_matches_any_word_of_a_title(client) -> None:  # type: ignore[no-untyped-def]
    titles = [s["title"] for s in client.get("/api/suggest?q=einst").json()["suggestions"]]
    assert titles == ["Albert Einstein"]


def test_search_page_did_you_mean_link_and_prefix(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/search?q=einstien").text
    assert 'class="did-you-mean"' in html and 'href="/search?q=einstein"' in html
    assert "Albert Einstein" in html
    html = client.get("/search?q=alb").text
    assert all(t in html for t in ("Albania", "Albedo", "Albert Einstein"))


def test_search_page_offers_the_short_name(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/search?q=Lincoln").text
    assert 'class="short-names"' in html and "/wiki/Abraham_Lincoln" in html


def test_not_found_page_suggests_for_a_typo_and_a_short_name(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/wiki/Einstien")
    assert r.status_code == 404 and "/wiki/Albert_Einstein" in r.text
    r = client.get("/wiki/Einstein")
    assert r.status_code == 404 and "/wiki/Albert_Einstein" in r.text


def test_cli_search_json_did_you_mean(sample_db: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "kidpedia", "search", "einstien", "--db", str(sample_db), "-f", "json"],
                       capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["did_you_mean"] == "einstein" and data["results"][0]["title"] == "Albert Einstein"
