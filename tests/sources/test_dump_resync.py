"""A bad page is skipped, not the rest of the dump (issue 12, case 3).

Each case damages one page of a copy of the real enwiki sample dump the way the
issue found it damaged (empty <title>, ``&#0;``, a raw NUL or control character,
invalid UTF-8, an unescaped ``<``, a page without ``</page>``): the reader
repairs what XML only forbids (U+FFFD) or yields the page as ``malformed`` with
its offset, and every other page comes out exactly as from the intact dump. A
truncated dump still stops at the cut (test_dump_faults.py).
"""

from __future__ import annotations

import pytest

from kidpedia.build import build
from kidpedia.model import RawPage
from kidpedia.pipeline import MALFORMED
from kidpedia.sources.dump import iter_pages
from kidpedia.store import Store

N = 40  # the damaged page's number


def bounds(xml: bytes, n: int) -> tuple[int, int]:
    start = 0
    for _ in range(n + 1):
        start = xml.index(b"<page>", start + 1)
    return start, xml.index(b"</page>", start) + len(b"</page>")


def damaged(xml: bytes, change) -> tuple[bytes, int]:  # type: ignore[no-untyped-def]
    start, end = bounds(xml, N)
    return xml[:start] + change(xml[start:end]) + xml[end:], start


def in_text(page: bytes, insert: bytes) -> bytes:
    at = page.index(b">", page.index(b"<text")) + 1 + 30
    return page[:at] + insert + page[at:]


def others_intact(pages: list[RawPage], expected: list[RawPage]) -> None:
    assert len(pages) == len(expected)
    for i, (got, want) in enumerate(zip(pages, expected, strict=True)):
        if i != N:
            assert (got.title, got.text, got.page_id) == (want.title, want.text, want.page_id)


MALFORMED_CASES = {
    "empty-title": lambda p: p.replace(p[p.index(b"<title>") : p.index(b"</title>")], b"<title>"),
    "unescaped-lt": lambda p: in_text(p, b"a < b and <<<"),
    "bad-tag": lambda p: p.replace(b"</timestamp>", b"</timestmap>", 1),
}


@pytest.mark.parametrize("case", sorted(MALFORMED_CASES))
def test_malformed_page_is_reported_and_reading_goes_on(tmp_path, enwiki_xml, enwiki_pages, case):
    xml, start = damaged(enwiki_xml, MALFORMED_CASES[case])
    path = tmp_path / "enwiki-damaged.xml"
    path.write_bytes(xml)
    pages = list(iter_pages(path))
    others_intact(pages, enwiki_pages)
    bad = pages[N]
    assert bad.format == MALFORMED and bad.offset == start
    assert f"byte {start:,}" in bad.text and "\n" not in bad.text
    if case != "empty-title":
        assert bad.title == enwiki_pages[N].title
    else:
        assert str(enwiki_pages[N].page_id) in bad.title


REPAIRED_CASES = {
    "char-ref-zero": (b"x&#0;y", "x\ufffdy"),
    "raw-nul": (b"x\x00y", "x\ufffdy"),
    "control-char": (b"x\x1by", "x\ufffdy"),
    "invalid-utf8": (b"x\xe9\xffy", "x\ufffd\ufffdy"),
}


@pytest.mark.parametrize("case", sorted(REPAIRED_CASES))
def test_forbidden_characters_are_replaced_not_cut(tmp_path, enwiki_xml, enwiki_pages, case):
    insert, shown = REPAIRED_CASES[case]
    xml, _ = damaged(enwiki_xml, lambda p: in_text(p, insert))
    path = tmp_path / "enwiki-chars.xml"
    path.write_bytes(xml)
    pages = list(iter_pages(path))
    others_intact(pages, enwiki_pages)
    page, want = pages[N], enwiki_pages[N]
    assert page.format == "wikitext" and page.title == want.title
    assert shown in page.text
    assert page.text.replace(shown, "", 1) == want.text  # replaced in place; nothing cut


def test_page_without_its_end_tag_ends_at_the_next_page(tmp_path, enwiki_xml, enwiki_pages):
    xml, start = damaged(enwiki_xml, lambda p: p.replace(b"</page>", b""))
    path = tmp_path / "enwiki-unclosed.xml"
    path.write_bytes(xml)
    pages = list(iter_pages(path))
    others_intact(pages, enwiki_pages)
    assert pages[N].format == MALFORMED and pages[N].offset == start


def test_build_keeps_every_other_page_and_counts_the_bad_one(tmp_path, enwiki_xml, sample_db):
    """Through the build: the database is the intact build's but for the one page, which
    is counted as ``malformed`` and stored with its reason."""
    xml, start = damaged(enwiki_xml, MALFORMED_CASES["unescaped-lt"])
    path = tmp_path / "enwiki-damaged.xml"
    path.write_bytes(xml)
    db = tmp_path / "damaged.db"
    report = build([path], db)
    assert not report.errors and report.skipped["malformed"] == 1
    good, bad = Store(sample_db), Store(db)
    lost = set(good.titles(limit=10_000)) - set(bad.titles(limit=10_000))
    assert len(lost) <= 1 and report.pages == 206
    reason = bad._conn().execute("SELECT reason, detail FROM skips WHERE reason = 'malformed'").fetchone()
    assert reason[0] == "malformed" and f"byte {start:,}" in reason[1]


def test_nul_in_a_wikitext_file_cuts_nothing(tmp_path):
    """A NUL inside a wikitext file used to end the C tokenizer's input: the rest of the
    section was silently lost. It is now U+FFFD and the text after it is kept."""
    from dump_helpers import WIKITEXT

    from kidpedia.model import Article
    from kidpedia.pipeline import process_page

    text = (WIKITEXT / "Anwar_Kamal_Khan.txt").read_text("utf-8")
    cut = text.index("\n\n", len(text) // 3)
    clean = process_page(RawPage(title="Anwar Kamal Khan", text=text))
    nul = process_page(RawPage(title="Anwar Kamal Khan", text=text[:cut] + "\x00" + text[cut:]))
    assert isinstance(clean, Article) and isinstance(nul, Article)
    assert len(nul.plain_text()) >= len(clean.plain_text())
