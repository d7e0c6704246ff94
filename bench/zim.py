"""ZIM in, kids' ZIM out, and the HTML path, each beside a floor measured in the same run.

    python bench/zim.py [--repeat 5] [--out bench/out]

On the real ZIMs in tests/data/zim (Ray Charles, 84 articles; Cree, 228) and the
real Enterprise records in tests/data/html, every row timed ``--repeat`` times (the
best time is kept: other work on the machine only ever slows a run down):

  libzim read          python-libzim alone: every entry's HTML bytes (the floor of reading)
  kidpedia ZIM reader  sources.zim.ZimSource.pages(): the same entries as RawPages
  kidpedia build       ``kidpedia build FILE.zim`` in-process: pipeline, store, pictures
  libzim write         python-libzim's Creator alone, writing the kids' pages already
                       rendered, the same pictures and the same indexes with one worker,
                       as the export does for byte-identical output (the floor of writing)
  kidpedia export zim  export.zim.export_zim: render every page and write the same ZIM
  wikitext path        pipeline.process_page on each Enterprise record's wikitext
  HTML path            pipeline.process_page on the same records' HTML (same revision)

Rates are articles (or pages) per second; ratios are a row over its floor or peer.
A table is printed and written to ``bench/out/zim-<time>.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from libzim.reader import Archive
from libzim.writer import Creator, Hint

from kidpedia.build import build
from kidpedia.export.pages import ZIM_LAYOUT, PageMaker, stylesheet
from kidpedia.export.zim import _Blob, _Page, export_zim, illustration, metadata
from kidpedia.model import RawPage
from kidpedia.pipeline import process_page
from kidpedia.sources.zim import ZimSource, quiet_libzim
from kidpedia.store import Store
from kidpedia.store import export as store_export
from kidpedia.store import media as store_media

ZIMS = [ROOT / "tests/data/zim/wikipedia_en_ray_charles_2015-06.zim", ROOT / "tests/data/zim/wikipedia_cr_all_2015-04.zim"]
RECORDS = sorted((ROOT / "tests/data/html").glob("*.json.gz"))


def best(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    """(best seconds, items) of ``repeat`` runs of ``fn`` (which returns how many items)."""
    times, items = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        items = fn()
        times.append(time.perf_counter() - t)
    return min(times), items


def libzim_read(path: Path) -> int:
    zim, n = Archive(str(path)), 0
    for i in range(zim.all_entry_count):
        e = zim._get_entry_by_id(i)
        if not e.is_redirect and e.get_item().mimetype == "text/html":
            bytes(e.get_item().content)
            n += 1
    return n


def kidpedia_read(path: Path) -> int:
    return sum(1 for p in ZimSource(path).pages() if not p.redirect)


def libzim_write(db: Path, out: Path) -> Callable[[], int]:
    """The floor: Creator writing pages rendered beforehand (not timed) and the same pictures."""
    store = Store(db)
    titles = store_export.titles(store)
    maker = PageMaker(store, ZIM_LAYOUT, titles, "en")
    pages = [(ZIM_LAYOUT.article_path(a.title), a.title, maker.article(a)) for a in store_export.articles(store)]
    pictures = list(store_media.blobs(store))
    redirects = store_export.redirects(store, "en")
    home = maker.main_page("en", "kidpedia")
    meta = metadata("en", len(pages), "2015-06-02", "bench")

    def run() -> int:
        out.unlink(missing_ok=True)
        with quiet_libzim(1), Creator(str(out)).config_verbose(False).config_nbworkers(1).config_indexing(
                True, "eng") as c:
            c.set_mainpath("index")
            for path, title, html in pages:
                c.add_item(_Page(path, title, html, front=True))
            for title, target in redirects:
                if ZIM_LAYOUT.article_path(title) not in {p for p, _, _ in pages}:
                    c.add_redirection(ZIM_LAYOUT.article_path(title), title, ZIM_LAYOUT.article_path(target),
                                      {Hint.FRONT_ARTICLE: True})
            for info, data in pictures:
                c.add_item(_Blob(ZIM_LAYOUT.media_path(info), info.mime, data))
            c.add_item(_Page(ZIM_LAYOUT.css_path, "", stylesheet(), mime="text/css"))
            c.add_item(_Page("index", "kidpedia", home))
            for k, v in meta.items():
                c.add_metadata(k, v)
            c.add_illustration(48, illustration())
        return len(pages)

    return run


def records() -> list[tuple[RawPage, RawPage]]:
    out = []
    for path in RECORDS:
        d = json.loads(gzip.decompress(path.read_bytes()))
        common = {"title": d["name"], "lang": d["in_language"]["identifier"]}
        out.append((RawPage(text=d["article_body"]["wikitext"], **common),
                    RawPage(text=d["article_body"]["html"], format="html", **common)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = ap.parse_args()
    rows: list[dict] = []

    def row(name: str, seconds: float, items: int, unit: str, floor: str | None = None, note: str = "") -> None:
        rate = items / seconds if seconds else 0.0
        ref = next((r for r in rows if r["name"] == floor), None)
        ratio = rate / ref["rate"] if ref else None
        rows.append({"name": name, "seconds": round(seconds, 4), "items": items, "unit": unit,
                     "rate": round(rate, 1), "ratio": round(ratio, 3) if ratio else None, "vs": floor,
                     "load": round(os.getloadavg()[0], 2), "note": note})
        vs = f"{ratio:6.3f}x {floor}" if ratio else ""
        print(f"{name:<34} {rate:9.1f} {unit:<11} {vs:<40} load {rows[-1]['load']}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        for zim in ZIMS:
            tag = zim.stem.split("_")[1]
            s, n = best(lambda z=zim: libzim_read(z), args.repeat)
            row(f"libzim read [{tag}]", s, n, "articles/s")
            s, n = best(lambda z=zim: kidpedia_read(z), args.repeat)
            row(f"kidpedia ZIM reader [{tag}]", s, n, "articles/s", f"libzim read [{tag}]")
            db = Path(tmp) / f"{tag}.db"

            def run_build(z: Path = zim, d: Path = db) -> int:
                for f in d.parent.glob(d.name + "*"):
                    f.unlink()
                return build([z], d, workers=1).articles

            s, n = best(run_build, max(1, args.repeat // 2))
            row(f"kidpedia build [{tag}]", s, n, "articles/s", f"libzim read [{tag}]",
                "pipeline + store + pictures")
            floor = libzim_write(db, Path(tmp) / f"{tag}-floor.zim")
            s, n = best(floor, args.repeat)
            row(f"libzim write [{tag}]", s, n, "articles/s")
            out = Path(tmp) / f"{tag}-kids.zim"
            s, n = best(lambda d=db, o=out: export_zim(d, o).articles, args.repeat)
            row(f"kidpedia export zim [{tag}]", s, n, "articles/s", f"libzim write [{tag}]", "render + write")
        pairs = records()
        s, n = best(lambda: sum(1 for w, _ in pairs if process_page(w)), args.repeat)
        row("wikitext path [enterprise]", s, n, "pages/s")
        s, n = best(lambda: sum(1 for _, h in pairs if process_page(h)), args.repeat)
        row("HTML path [enterprise]", s, n, "pages/s", "wikitext path [enterprise]",
            f"{len(pairs)} records, same revisions")
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"zim-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps({"rows": rows, "repeat": args.repeat, "cpus": os.cpu_count()}, indent=1))
    print(f"-> {path}")


if __name__ == "__main__":
    main()
