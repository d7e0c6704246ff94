"""Golden pages from rendered HTML: a real page in (a Kiwix ZIM's, an Enterprise record's),
the kids' page out (text and JSON, through process_page), reviewed by eye once and held.
Rewrite on purpose with ``pytest --update-golden`` and review the diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from html_helpers import NDJSON_PAGES, record_raw, zim_raw

from kidpedia.export.text import article_to_text
from kidpedia.model import Article
from kidpedia.pipeline import process_page

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "html"

PAGES = {
    "zim-ray-charles": lambda: zim_raw("wikipedia_en_ray_charles_2015-06.zim", "A/Ray_Charles.html"),
    "zim-georgia-on-my-mind": lambda: zim_raw("wikipedia_en_ray_charles_2015-06.zim", "A/Georgia_on_My_Mind.html"),
    "zim-cree-amiskw": lambda: zim_raw("wikipedia_cr_all_2015-04.zim", "A/Amiskw.html"),
    "enterprise-enwiki-josephine-baker": lambda: record_raw("enwiki__Josephine_Baker"),
    "enterprise-enwiki-united-states": lambda: record_raw("enwiki__United_States"),
    "enterprise-simplewiki-albert-einstein": lambda: record_raw("simplewiki__Albert_Einstein"),
    "enterprise-frwiki-calvi": lambda: record_raw("frwiki__Calvi"),
    "enterprise-frwiki-josephine-baker": lambda: record_raw("frwiki__Josephine_Baker"),  # Infobox v3: divs
    "enterprise-ptwiki-portugal": lambda: record_raw("ptwiki__Portugal"),  # a country box: td scope=row labels
    "enterprise-dump-william-clark": lambda: NDJSON_PAGES()["William Clark (inventor)"],
}


def _json(article: Article) -> str:
    data = article.to_json()
    data.pop("stats", None)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_html_page_matches_golden(name: str, update_golden: bool) -> None:
    article = process_page(PAGES[name]())
    assert isinstance(article, Article), article
    for suffix, produced in ((".json", _json(article)), (".txt", article_to_text(article))):
        path = GOLDEN / (name + suffix)
        if update_golden:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(produced, encoding="utf-8")
            continue
        assert path.exists(), f"no golden file {path.name}: run pytest --update-golden and review it"
        assert produced == path.read_text(encoding="utf-8"), f"{path.name} differs from golden"
