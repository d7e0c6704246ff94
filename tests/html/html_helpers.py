"""Helpers: real rendered pages for the html, source and export tests (Enterprise records, ZIM pages in tests/data)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from kidpedia.model import RawPage

DATA = Path(__file__).resolve().parent.parent / "data"
HTML = DATA / "html"
ZIM = DATA / "zim"


def record(name: str) -> dict:
    """An Enterprise API record (``enwiki__Josephine_Baker``)."""
    with gzip.open(HTML / f"{name}.json.gz", "rt", encoding="utf-8") as f:
        return json.load(f)


def record_raw(name: str, fmt: str = "html") -> RawPage:
    d = record(name)
    body = d["article_body"]["html" if fmt == "html" else "wikitext"]
    return RawPage(title=d["name"], text=body, lang=d["in_language"]["identifier"], format=fmt,
                   page_id=d.get("identifier"), rev_id=d["version"]["identifier"],
                   timestamp=d.get("date_modified", ""), wikidata=d.get("main_entity", {}).get("identifier", ""))


def zim_raw(zim: str, path: str) -> RawPage:
    from kidpedia.sources.zim import ZimSource

    src = ZimSource(ZIM / zim)
    for page in src.pages():
        if page.path == path:
            return page
    raise KeyError(path)


def NDJSON_PAGES() -> dict[str, RawPage]:
    """The two real Enterprise HTML-dump records, by title."""
    from kidpedia.sources.enterprise import EnterpriseSource

    return {p.title: p for p in EnterpriseSource(HTML / "enterprise_html_samples.ndjson").pages()}
