"""One digest of what ``process_page`` + ``pack`` make of every page of the real 2023
dumps (ja, uk, vi, el) and the bundled sample: a speed change that keeps it is exact.

    python bench/pagedigest.py [--dumps ja uk vi el] [--pages FILE] [--diff FILE]

The dumps are read as bench/percore.py reads them: cut after their last complete page.
Each page's result is hashed: an Article as its packed form (``store.pack``: the JSON,
search text, link targets, parts, folds), a Redirect or Skip as its repr. The digest is
the hash of those hashes in order. ``--pages FILE`` writes one line per page (source,
title, hash); ``--diff FILE`` compares with such a file and names the pages that differ.
CPU seconds of process_page and of pack are printed beside it (not a benchmark: see
``bench/percore.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from percore import DUMPS, complete_copy

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"


def _complete(lang: str, cache: Path) -> Path:
    """The dump cut after its last complete page (as bench/percore.py reads it), kept in ``cache``."""
    src = DUMPS / f"{lang}wiki-2023-truncated.xml.bz2"
    out = cache / f"{lang}wiki-2023-complete.xml.bz2"
    if not out.exists() or out.stat().st_mtime < src.stat().st_mtime:
        cache.mkdir(parents=True, exist_ok=True)
        complete_copy(src, out)
    return out


def main(argv: list[str] | None = None) -> int:
    from kidpedia.model import Article
    from kidpedia.pipeline import process_page
    from kidpedia.sources.dump import iter_pages
    from kidpedia.store import pack

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dumps", nargs="+", default=["ja", "uk", "vi", "el"])
    ap.add_argument("--no-sample", action="store_true")
    ap.add_argument("--pages", type=Path, help="write each page's hash here")
    ap.add_argument("--diff", type=Path, help="compare with a --pages file")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kidpedia-pagedigest",
                    help="where the complete copies of the dumps are kept")
    args = ap.parse_args(argv)

    sources = [_complete(lang, args.cache) for lang in args.dumps]
    if not args.no_sample:
        sources.append(SAMPLE)
    total = hashlib.blake2b(digest_size=8)
    lines: list[str] = []
    t_page = t_pack = 0.0
    n = 0
    for src in sources:
        for raw in iter_pages(src):
            t0 = time.process_time()
            result = process_page(raw)
            t1 = time.process_time()
            packed = repr(tuple(pack(result))) if isinstance(result, Article) else repr(result)
            t2 = time.process_time()
            t_page, t_pack = t_page + t1 - t0, t_pack + t2 - t1
            h = hashlib.blake2b(packed.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
            total.update(h.encode())
            lines.append(f"{src.name}\t{raw.title}\t{h}")
            n += 1
    print(f"{n} pages, digest {total.hexdigest()}  (process_page {t_page:.1f} CPU s, pack {t_pack:.1f} CPU s)")
    if args.pages:
        args.pages.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.diff:
        old = args.diff.read_text(encoding="utf-8").splitlines()
        differ = [a for a, b in zip(old, lines, strict=False) if a != b]
        if len(old) != len(lines):
            print(f"page count differs: {len(old)} then, {len(lines)} now")
        for line in differ[:50]:
            print("differs:", line.split("\t")[0], line.split("\t")[1])
        print(f"{len(differ)} pages differ")
        return 1 if differ or len(old) != len(lines) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
