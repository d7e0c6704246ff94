"""Reading levels and the simplifier, measured: the sample per level, and ASSET's validation set.

    python bench/readability.py [--asset DIR] [--steps] [--asset-only | --sample-only] [--levels 1 2 3] [--misses] [--out bench/out]

Sample (the bundled real enwiki sample, every article as the build makes it):
  per level, FKGL and reading ease of each article (median and 90th percentile), the
  share of articles meeting their target (level 1 FKGL <= 4, level 2 <= 7), and fact
  retention: of the numbers and names stated by the level-3 sentences a level keeps, the
  share the level's text still states unchanged (``kidify.levels.fact_retention``); and
  how much of the article a level shows (median share of the level-3 words).
ASSET validation (``../shared/data/simplification/asset-valid``, CC BY-NC: read from
there, never copied): corpus SARI (``kidify.sari``, as EASSE computes it) and FKGL of
``kidpedia simplify --level 2`` and ``--level 1`` beside the anchors measured in the same
run (copying the input; reference 0 against references 1-9) and the published figures on
ASSET's test split (copying 20.7, PBMT-R 34.6, SBMT-SARI 37.1). ``--steps`` adds what each
simplification step buys: SARI and FKGL with that step alone, and with it left out.
``--misses`` lists the articles over their level's target (FKGL, words shown).
``--asset-only`` skips the sample; ``--sample-only`` skips ASSET, and ``--levels 1 2`` measures
only those levels of the sample. Each level's row also gives the median words of its pages.
A table is printed and written to ``bench/out/readability-<n>.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kidpedia.kidify import levels, reading
from kidpedia.kidify.sari import corpus_sari_parts
from kidpedia.kidify.simplify import STEPS, simplify
from kidpedia.model import Article
from kidpedia.pipeline import process_page
from kidpedia.sources.dump import iter_pages

SAMPLE = ROOT / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"
PUBLISHED_TEST = {"copy (ASSET test, published)": 20.7, "PBMT-R (ASSET test, published)": 34.6,
                  "SBMT-SARI (ASSET test, published)": 37.1}


def _p90(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(0.9 * len(xs)))]


def sample_rows(articles: list[Article], which: tuple[int, ...] = (3, 2, 1)) -> list[dict[str, object]]:
    rows = []
    for level in which:
        grades, eases, shares, page_words, meet, misses = [], [], [], [], 0, []
        kept = stated = unchanged = shown = 0
        for a in articles:
            m = levels.article_totals(levels.at_level(a, level))
            if not m.words:
                continue
            grades.append(m.fkgl)
            shares.append(m.words / max(1, levels.article_totals(a).words))
            page_words.append(m.words)
            eases.append(m.ease)
            meet += level in levels.TARGET_FKGL and m.fkgl <= levels.TARGET_FKGL[level]
            if level in levels.TARGET_FKGL and m.fkgl > levels.TARGET_FKGL[level]:
                misses.append({"title": a.title, "fkgl": round(m.fkgl, 2), "words": m.words})
            k, s, u, n = levels.fact_retention(a, level)
            kept, stated, unchanged, shown = kept + k, stated + s, unchanged + u, shown + n
        rows.append({
            "level": level, "articles": len(grades),
            "fkgl_median": round(statistics.median(grades), 2), "fkgl_p90": round(_p90(grades), 2),
            "ease_median": round(statistics.median(eases), 1), "ease_p10": round(-_p90([-e for e in eases]), 1),
            "words_kept_median": round(statistics.median(shares), 3),
            "words_median": statistics.median(page_words),
            "target": levels.TARGET_FKGL.get(level),
            "meet_target": round(meet / len(grades), 3) if level in levels.TARGET_FKGL else None,
            "facts_kept": round(kept / stated, 4) if stated else None,
            "facts_unchanged": round(unchanged / shown, 4) if shown else None,
            "misses": misses,  # the articles over the level's target: where to look next
        })
    return rows


def corpus_fkgl(lines: list[str]) -> float:
    text = " ".join(x if x.endswith((".", "!", "?")) else x + "." for x in lines if x.strip())
    return round(reading.measure(text, familiarity=False).fkgl, 2)


def asset_rows(d: Path, steps: bool) -> list[dict[str, object]]:
    orig = (d / "asset.valid.orig").read_text(encoding="utf-8").splitlines()
    refs = [(d / f"asset.valid.simp.{i}").read_text(encoding="utf-8").splitlines() for i in range(10)]

    def row(name: str, sys_out: list[str], against: list[list[str]] = refs) -> dict[str, object]:
        add, keep, delete = corpus_sari_parts(orig, sys_out, against)
        return {"system": name, "sari": round((add + keep + delete) / 3, 2), "add": round(add, 2),
                "keep": round(keep, 2), "delete": round(delete, 2), "fkgl": corpus_fkgl(sys_out)}

    rows = [row("copy the input", orig), row("reference 0 vs 1-9", refs[0], refs[1:])]
    rows += [{"system": k, "sari": v} for k, v in PUBLISHED_TEST.items()]
    for level in (2, 1):
        rows.append(row(f"kidpedia simplify --level {level}", [simplify(s, level) for s in orig]))
    if steps:
        for step in STEPS:
            rows.append(row(f"  level 2, {step} alone", [simplify(s, 2, steps=(step,)) for s in orig]))
            rest = tuple(x for x in STEPS if x != step)
            rows.append(row(f"  level 2 without {step}", [simplify(s, 2, steps=rest) for s in orig]))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--asset", type=Path, default=ROOT.parent / "shared" / "data" / "simplification" / "asset-valid")
    ap.add_argument("--sample", type=Path, default=SAMPLE)
    ap.add_argument("--steps", action="store_true", help="also measure what each simplification step buys")
    ap.add_argument("--asset-only", action="store_true", help="measure only the simplifier on ASSET, not the sample")
    ap.add_argument("--sample-only", action="store_true", help="measure only the sample's levels, not ASSET")
    ap.add_argument("--levels", type=int, nargs="+", default=[3, 2, 1], choices=[1, 2, 3],
                    help="the sample's levels to measure (default: 3 2 1)")
    ap.add_argument("--misses", action="store_true", help="also list the articles over their level's target")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = ap.parse_args()
    if not (args.asset / "asset.valid.orig").exists():
        alt = ROOT.parent.parent / "shared" / "data" / "simplification" / "asset-valid"
        args.asset = alt if (alt / "asset.valid.orig").exists() else args.asset
    result: dict[str, object] = {"sample": str(args.sample.name)}
    if not args.asset_only:
        articles = [a for a in (process_page(p) for p in iter_pages(args.sample)) if isinstance(a, Article)]
        result["levels"] = level_rows = sample_rows(articles, tuple(args.levels))
        print(f"Sample: {len(articles)} articles of {args.sample.name}")
        print(f"{'level':>5} {'FKGL med':>8} {'p90':>6} {'ease med':>8} {'p10':>6} {'target':>6} {'meet':>6} "
              f"{'facts kept':>10} {'unchanged':>9} {'words kept':>10} {'words':>6}")
        for r in level_rows:
            print(f"{r['level']:>5} {r['fkgl_median']:>8} {r['fkgl_p90']:>6} {r['ease_median']:>8} "
                  f"{r['ease_p10']:>6} {r['target'] or '-':>6} "
                  f"{r['meet_target'] if r['meet_target'] is not None else '-':>6} "
                  f"{r['facts_kept']:>10} {r['facts_unchanged']:>9} {r['words_kept_median']:>10} {r['words_median']:>6}")
        for r in level_rows if args.misses else []:
            for x in r["misses"]:  # type: ignore[attr-defined]
                print(f"  level {r['level']} over target: FKGL {x['fkgl']:>5} {x['words']:>4} words  {x['title']}")
    if not args.sample_only and (args.asset / "asset.valid.orig").exists():
        result["asset_valid"] = rows = asset_rows(args.asset, args.steps)
        print(f"\nASSET validation ({args.asset}), corpus SARI as EASSE computes it:")
        print(f"{'system':<40} {'SARI':>6} {'add':>6} {'keep':>6} {'del':>6} {'FKGL':>6}")
        for r in rows:
            print(f"{r['system']:<40} {r['sari']:>6} {r.get('add', ''):>6} {r.get('keep', ''):>6} "
                  f"{r.get('delete', ''):>6} {r.get('fkgl', ''):>6}")
    elif not args.sample_only:
        print(f"\nASSET validation set not found at {args.asset}: SARI not measured")
    args.out.mkdir(parents=True, exist_ok=True)
    n = len(list(args.out.glob("readability-*.json")))
    path = args.out / f"readability-{n + 1}.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {path}")


if __name__ == "__main__":
    main()
