"""No holes where something was removed: one test per kind, on the real pages of the
bundled English sample where issue 8 saw them (and format fixtures for the rules)."""

from __future__ import annotations

import re

import pytest

from kidpedia.model import Article, RawPage, Skip
from kidpedia.pipeline import DISAMBIGUATION_SEPARATOR, process_page
from kidpedia.wikitext.parse import hatnote_starts, parse_article


@pytest.fixture(scope="module")
def pages(sample_raw_pages):  # type: ignore[no-untyped-def]
    return {p.title: p for p in sample_raw_pages}


def _article(pages, title: str) -> Article:  # type: ignore[no-untyped-def]
    a = process_page(pages[title])
    assert isinstance(a, Article), a
    return a


def _all_text(a: Article) -> str:
    texts = [t.text for t in a.iter_texts()]
    if a.quick_facts:
        texts += [v.text for r in a.quick_facts.rows for v in r.values]
    return "\n".join(texts)


def test_superscripts_and_subscripts_are_unicode(pages) -> None:  # type: ignore[no-untyped-def]
    einstein = _all_text(_article(pages, "Albert Einstein"))
    assert "E = mc²" in einstein and "mc2" not in einstein
    alabama = _all_text(_article(pages, "Alabama"))
    assert "135,760 km²" in alabama and not re.search(r"\dkm2\b| km2\b", alabama)
    alkali = _all_text(_article(pages, "Alkali metal"))
    assert "Ge⁴⁻" in alkali and "[(Ge₉)₂]⁶⁻" in alkali


def test_formulas_as_text_or_their_sentence_dropped(pages) -> None:  # type: ignore[no-untyped-def]
    anova = _all_text(_article(pages, "Analysis of variance"))
    assert "is, where" not in anova and "sample variance is" not in anova
    alkane = _all_text(_article(pages, "Alkane"))
    assert "formula is, where" not in alkane
    simple = parse_article(RawPage("T", "The formula is <math>x^2</math> here."))
    assert simple.lead[0].text == "The formula is x² here."


def test_no_empty_lists_or_clauses(pages) -> None:  # type: ignore[no-untyped-def]
    for title in ("Alkali metal", "A", "Achilles", "American National Standards Institute", "Ambiguity", "Albedo"):
        text = _all_text(_article(pages, title))
        assert not re.search(r",\s*,|\(\s*[,;]|[,;]\s*\)|such as,|\bis, where", text), title
    assert _article(pages, "A").lead[0].text.startswith("A (plural As")
    assert _article(pages, "Afghanistan").lead[0].text.startswith("Afghanistan (Afġānistān),")


def test_orphan_lead_ins_and_dangling_colons_go(pages) -> None:  # type: ignore[no-untyped-def]
    # A lead-in stays only where what it leads into is kept: Alabama's largest employers
    # are now a table right after "... were:" (issue 8, tables as tables).
    employers = next(s for s in _article(pages, "Alabama").iter_sections() if s.title == "Largest employers")
    lead_in = next(i for i, t in enumerate(employers.paragraphs) if t.text.endswith("April 2011 were:"))
    table = employers.paragraphs[lead_in + 1].table
    assert table is not None and table.rows[0][0].text.text == "Redstone Arsenal"
    for a in (_article(pages, t) for t in ("Alabama", "Algeria", "Andorra", "Albert Einstein")):
        for s in a.iter_sections():
            if s.paragraphs:
                last = s.paragraphs[-1]
                assert not (last.kind == "p" and last.text.endswith(":")), (a.title, s.title, last.text)


def test_hatnotes_dropped(pages) -> None:  # type: ignore[no-untyped-def]
    assert "See also Lack-of-fit sum of squares." not in _all_text(_article(pages, "Analysis of variance"))


@pytest.mark.parametrize("start", hatnote_starts())
def test_hatnote_rule_entry(start: str) -> None:
    a = parse_article(RawPage("T", f"Lead text of the page.\n\n{start} Example page.\n\nMore text."))
    assert [t.text for t in a.lead] == ["Lead text of the page.", "More text."]


def test_bibliographies_dropped(pages) -> None:  # type: ignore[no-untyped-def]
    titles = {s.title for s in _article(pages, "Albert Einstein").iter_sections()}
    assert "Publications" not in titles
    war = {s.title for s in _article(pages, "American Revolutionary War").iter_sections()}
    assert "Reference literature" not in war
    assert "ISBN" not in _all_text(_article(pages, "Alain Connes"))


def test_disambiguation_pages_are_kept_out_with_their_choices(pages) -> None:  # type: ignore[no-untyped-def]
    ada = process_page(pages["Ada"])
    assert isinstance(ada, Skip) and ada.reason == "disambiguation"
    assert "Ada Lovelace" in ada.detail.split(DISAMBIGUATION_SEPARATOR)
    assert isinstance(process_page(pages["Alien"]), Skip)


def test_external_links_show_their_text() -> None:
    a = parse_article(RawPage("T", "{{Infobox company\n| website = [javascript:void(0) click here]\n}}\nLead."))
    assert a.quick_facts is not None
    values = [v.text for r in a.quick_facts.rows for v in r.values]
    assert "click here" in values and not any("javascript" in v for v in values)
    b = parse_article(RawPage("T", "Mail [mailto:a@example.org the office] or [gopher://x.y menu]."))
    assert b.lead[0].text == "Mail the office or menu."


def test_nested_lists_keep_their_depth(pages) -> None:  # type: ignore[no-untyped-def]
    items = [t for t in _article(pages, "Amphibian").iter_texts() if t.kind == "li"]
    assert any(t.depth == 1 for t in items)
    a = parse_article(RawPage("T", "Intro.\n* a\n** b\n*** c\n* d\n"))
    assert [(t.text, t.depth) for t in a.lead[1:]] == [("a", 0), ("b", 1), ("c", 2), ("d", 0)]
