"""Bounded memory: a ~200 MB dump of real pages (repeated under new titles) is read in a
child process whose peak RSS grows by far less than the dump's size; a page with many
revisions keeps only its last one while it is read."""

from __future__ import annotations

import bz2
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from dump_helpers import ENWIKI

from kidpedia.sources import framing
from kidpedia.sources.dump import iter_pages
from kidpedia.sources.repack import write_repeated

LARGE_BYTES = 200 * 1024 * 1024
MAX_GROWTH_MB = 100

_CHILD = textwrap.dedent(
    """
    import json, resource, sys
    from kidpedia.sources.dump import open_source
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    source = open_source(sys.argv[1])
    pages = titles = 0
    for page in source.pages():
        pages += 1
        titles += page.title.endswith(")")
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"pages": pages, "copies": titles, "before_kb": before, "after_kb": after,
                      "bytes_read": source.bytes_read, "total": source.total_bytes}))
    """
)


def peak_growth(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_large_dump_in_bounded_memory(tmp_path):
    path = tmp_path / "enwiki-repeated.xml"
    pages, size = write_repeated(ENWIKI, path, LARGE_BYTES)
    assert size >= LARGE_BYTES and pages > 30 * 206
    got = peak_growth(path)
    assert got["pages"] == pages
    assert got["copies"] >= pages - 206
    assert got["bytes_read"] == got["total"] == path.stat().st_size
    growth_mb = (got["after_kb"] - got["before_kb"]) / 1024
    assert growth_mb < MAX_GROWTH_MB, f"peak RSS grew {growth_mb:.0f} MB reading {size >> 20} MB"


def test_repeated_dump_pages_are_the_real_ones_renamed(tmp_path):
    path = tmp_path / "repeated.xml.bz2"
    originals = list(iter_pages(ENWIKI))
    pages, _ = write_repeated(ENWIKI, path, 3 * 6_100_000)
    got = list(iter_pages(path))
    assert len(got) == pages > 2 * 206
    copy = got[206 + 1]
    assert copy.title == originals[1].title + " (copy 1)" and copy.text == originals[1].text
    assert copy.page_id == originals[1].page_id + 100_000_000
    assert got[206].redirect == originals[0].redirect + " (copy 1)"
    assert len({p.title for p in got}) == len(got)


def test_many_revisions_keep_the_last(tmp_path, monkeypatch):
    """A full-history page: the real Anarchism revision 400 times (~70 MB), each copy with
    its own revision id; the reader holds at most a few MB of it at a time."""
    xml = bz2.decompress(ENWIKI.read_bytes())
    start = xml.index(b"<page>", xml.index(b"<title>Anarchism</title>") - 100)
    end = xml.index(b"</page>", start) + len(b"</page>")
    page = xml[start:end]
    r0, r1 = page.index(b"<revision>"), page.rindex(b"</revision>") + len(b"</revision>")
    revision = page[r0:r1]
    rev_id = b"<id>716551092</id>"
    assert rev_id in revision
    revisions = b"\n    ".join(revision.replace(rev_id, b"<id>%d</id>" % (i + 1), 1) for i in range(400))
    history = xml[:start] + page[:r0] + revisions + page[r1:] + xml[end:]
    path = tmp_path / "history.xml"
    path.write_bytes(history)
    monkeypatch.setattr(framing, "COMPACT_AT", 2 << 20)
    monkeypatch.setattr(framing, "MAX_PAGE", 4 << 20)  # without compaction the page would be a fault
    pages = list(iter_pages(path))
    assert len(pages) == 206
    anarchism = next(p for p in pages if p.title == "Anarchism")
    assert anarchism.rev_id == 400
    assert anarchism.text == next(p for p in iter_pages(ENWIKI) if p.title == "Anarchism").text
    after = pages[pages.index(anarchism) + 1]
    assert history[after.offset : after.offset + 6] == b"<page>"  # offsets stay true past the compaction
