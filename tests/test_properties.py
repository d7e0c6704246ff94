"""Invariants over every real sample page: no markup residue, no empty section, no repeats."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kidpedia.export.text import article_to_text
from kidpedia.model import Article, Section
from kidpedia.pipeline import process_page

WIKITEXT = Path(__file__).resolve().parent / "data" / "wikitext"

RESIDUE = re.compile(
    r"\{\{|\}\}|\[\[|\]\]|<ref|</ref|'''|''|\{\||\|\}|^\|-|\n\|-|__[A-Z]+__|&nbsp;|&amp;|&lt;|&gt;|&quot;"
    r"|<!--|-->|<br|</?(?:span|div|small|sup|sub|center|font|table|td|tr|th)\b|\[https?://",
    re.MULTILINE,
)


def _all_articles(raw_pages) -> list[Article]:  # type: ignore[no-untyped-def]
    from kidpedia.sources.dump import iter_pages

    pages = list(raw_pages)
    for f in sorted(WIKITEXT.glob("*.txt")):
        pages.extend(iter_pages(f))
    return [a for a in (process_page(p) for p in pages) if isinstance(a, Article)]


@pytest.fixture(scope="module")
def articles(sample_raw_pages) -> list[Article]:  # type: ignore[no-untyped-def]
    found = _all_articles(sample_raw_pages)
    assert len(found) > 140
    return found


def _strings(a: Article) -> list[str]:
    out = [a.title] + [t.text for t in a.iter_texts()] + [s.title for s in a.iter_sections()]
    out += [x.text for x in a.see_also] + [x.target for x in a.see_also] + list(a.categories)
    if a.quick_facts:
        out += [r.label for r in a.quick_facts.rows] + [a.quick_facts.title]
    return out


def test_no_markup_residue(articles: list[Article]) -> None:
    bad = []
    for a in articles:
        for s in _strings(a):
            m = RESIDUE.search(s)
            if m:
                bad.append(f"{a.title}: {s[max(0, m.start() - 40): m.end() + 40]!r}")
        m = RESIDUE.search(article_to_text(a))
        if m:
            bad.append(f"{a.title} (text page): {m.group()!r}")
    assert not bad, "\n".join(bad[:20])


def test_no_empty_sections(articles: list[Article]) -> None:
    def empty(sections: tuple[Section, ...]) -> list[str]:
        out = []
        for s in sections:
            if not s.paragraphs and not s.sections:
                out.append(s.title)
            out += empty(s.sections)
        return out

    bad = [(a.title, t) for a in articles for t in empty(a.sections)]
    assert not bad, bad[:10]


def test_no_repeated_paragraph(articles: list[Article]) -> None:
    bad = []
    for a in articles:
        seen: set[str] = set()
        for t in list(a.lead) + [p for s in a.iter_sections() for p in s.paragraphs]:
            if len(t.text) > 20 and t.text in seen:
                bad.append((a.title, t.text[:60]))
            seen.add(t.text)
    assert not bad, bad[:10]


def test_links_point_inside_their_text(articles: list[Article]) -> None:
    for a in articles:
        for t in a.iter_texts():
            last = 0
            for span in t.links:
                assert last <= span.start < span.end <= len(t.text), (a.title, t.text, span)
                assert span.target and t.text[span.start : span.end].strip()
                last = span.end


def test_no_dropped_sections_remain(articles: list[Article]) -> None:
    from kidpedia.kidify.prune import dropped_titles

    drop = dropped_titles()
    bad = [(a.title, s.title) for a in articles for s in a.iter_sections() if s.title.lower() in drop]
    assert not bad, bad[:10]
