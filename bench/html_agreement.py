"""How often the wikitext path and the HTML path make the same Article, on the real
Wikimedia Enterprise records that carry both (the same revision): tests/data/html.

    python bench/html_agreement.py [--json bench/out/html-agreement.json]

Both go through ``pipeline.unjudged`` (parse and prune, before safety), so the parsers
are compared and nothing else. Per record and in total (sums over all records):

  sections      section titles, all levels: |both| / |either| (a multiset), and whether
                the two lists are the same in the same order
  QF labels     Quick facts row labels (headers too): |both| / |either|
  QF values     of the labels both have, the share whose values read the same
                (case, spaces and punctuation ignored)
  See also      See also targets: |both| / |either|
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kidpedia.model import Article, RawPage
from kidpedia.pipeline import unjudged

RECORDS = ROOT / "tests" / "data" / "html"
_LOOSE = re.compile(r"[\W_]+", re.UNICODE)


def _pairs() -> list[tuple[str, RawPage, RawPage]]:
    out = []
    records = [json.loads(gzip.decompress(p.read_bytes())) for p in sorted(RECORDS.glob("*.json.gz"))]
    ndjson = RECORDS / "enterprise_html_samples.ndjson"
    records += [json.loads(line) for line in ndjson.read_text("utf-8").splitlines() if line.strip()]
    for d in records:
        body = d["article_body"]
        if not body.get("wikitext") or not body.get("html"):
            continue
        lang = (d.get("in_language") or {}).get("identifier", "en")
        project = (d.get("is_part_of") or {}).get("identifier", lang)
        common = {"title": d["name"], "lang": lang}
        out.append((f"{project}: {d['name']}", RawPage(text=body["wikitext"], **common),
                    RawPage(text=body["html"], format="html", **common)))
    return out


def _loose(text: str) -> str:
    return _LOOSE.sub(" ", text.casefold()).strip()


def _overlap(a: list[str], b: list[str]) -> tuple[int, int]:
    ca, cb = Counter(a), Counter(b)
    return sum((ca & cb).values()), sum((ca | cb).values())


def _rows(a: Article) -> dict[str, str]:
    rows = a.quick_facts.rows if a.quick_facts else ()
    return {_loose(r.label): " | ".join(_loose(v.text) for v in r.values) for r in rows if r.label.strip()}


def compare(w: Article, h: Article) -> dict[str, tuple[int, int]]:
    ws, hs = [s.title for s in w.iter_sections()], [s.title for s in h.iter_sections()]
    wr, hr = _rows(w), _rows(h)
    both = [k for k in wr if k in hr]
    return {
        "sections": _overlap([_loose(t) for t in ws], [_loose(t) for t in hs]),
        "section order": (int([_loose(t) for t in ws] == [_loose(t) for t in hs]), 1),
        "QF labels": _overlap(list(wr), list(hr)),
        "QF values": (sum(1 for k in both if wr[k] == hr[k]), len(both)),
        "See also": _overlap([x.target for x in w.see_also], [x.target for x in h.see_also]),
    }


def _share(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.0%}" if d else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    totals: dict[str, list[int]] = {}
    per_record = {}
    for name, wraw, hraw in _pairs():
        w, h = unjudged(wraw), unjudged(hraw)
        if not isinstance(w, Article) or not isinstance(h, Article):
            print(f"{name}: not an article on one side ({type(w).__name__}, {type(h).__name__})")
            continue
        result = compare(w, h)
        per_record[name] = result
        print(f"{name}: " + "; ".join(f"{k} {_share(*v)}" for k, v in result.items()))
        for k, (n, d) in result.items():
            t = totals.setdefault(k, [0, 0])
            t[0] += n
            t[1] += d
    print(f"TOTAL over {len(per_record)} records: " + "; ".join(f"{k} {_share(*v)}" for k, v in totals.items()))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"records": per_record, "total": totals}, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
