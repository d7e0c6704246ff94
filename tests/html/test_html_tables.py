"""Tables from rendered HTML (issue 8): every table of every real HTML page we hold
(the Wikimedia Enterprise records in tests/data/html/ and the Ray Charles ZIM) comes
out as cells of plain text: no markup residue, nothing that starts like a table row,
no cell over 5,000 characters, link spans inside their cell."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from kidpedia.model import Article, RawPage
from kidpedia.pipeline import process_page
from kidpedia.sources.enterprise import record_pages
from kidpedia.sources.zim import ZimSource
from test_properties import RESIDUE

DATA = Path(__file__).resolve().parents[1] / "data"


def _html_pages() -> list[RawPage]:
    records: list[dict] = []
    for f in sorted((DATA / "html").glob("*.json.gz")):
        with gzip.open(f) as fh:
            data = json.loads(fh.read())
        records += data if isinstance(data, list) else [data]
    lines = (DATA / "html" / "enterprise_html_samples.ndjson").read_text("utf-8").splitlines()
    records += [json.loads(line) for line in lines if line.strip()]
    pages = [p for r in records for p in record_pages(r) if p.format == "html" and not p.redirect]
    with ZimSource(DATA / "zim" / "wikipedia_en_ray_charles_2015-06.zim") as zim:
        pages += [p for p in zim.pages() if not p.redirect]
    return pages


def test_every_html_table_is_clean_text() -> None:
    tables = cells = 0
    bad = []
    for raw in _html_pages():
        a = process_page(raw)
        if not isinstance(a, Article):
            continue
        for block in a.iter_texts():
            if block.table is None:
                continue
            tables += 1
            for cell in block.table.cells():
                cells += 1
                s = cell.text.text
                if RESIDUE.search(s) or (len(s.strip()) > 1 and s.lstrip()[:1] in "|!") or len(s) > 5000:
                    bad.append((a.title, s[:80]))
                if any(not (0 <= x.start < x.end <= len(s)) for x in cell.text.links):
                    bad.append((a.title, f"link span out of its cell: {s[:40]!r}"))
    assert tables >= 60 and cells >= 2500, (tables, cells)
    assert not bad, bad[:10]
