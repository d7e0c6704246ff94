"""The parser on real pages: structure, links, See also, categories, language links, cleaning."""

from __future__ import annotations

from pathlib import Path

import pytest

from kidpedia.kidify.prune import dropped_titles, prune
from kidpedia.model import LanguageLink, RawPage
from kidpedia.sources.redirects import redirect_target
from kidpedia.wikitext.parse import parse_article, preclean, split_sections

WIKITEXT = Path(__file__).resolve().parent.parent / "data" / "wikitext"


@pytest.fixture(scope="module")
def pages(sample_raw_pages):  # type: ignore[no-untyped-def]
    return {p.title: p for p in sample_raw_pages}


def kids(raw: RawPage):  # type: ignore[no-untyped-def]
    return prune(parse_article(raw, dropped_titles()))


def test_see_also_categories_and_language_links(pages) -> None:  # type: ignore[no-untyped-def]
    a = kids(pages["Agricultural science"])
    targets = [x.target for x in a.see_also]
    assert "Agricultural Research Council" in targets
    assert "National FFA Organization" in targets
    assert "Agronomy" in a.categories and "Agriculture" in a.categories
    assert LanguageLink("es", "Agronomía") in a.language_links
    assert LanguageLink("be-x-old", "Аграномія") in a.language_links
    titles = [s.title for s in a.iter_sections()]
    assert "See also" not in titles and "External links" not in titles
    assert "Further reading" not in titles and "References" not in titles


def test_lead_has_no_references_and_keeps_links(pages) -> None:  # type: ignore[no-untyped-def]
    a = kids(pages["Albert Einstein"])
    first = a.lead[0]
    assert first.text.startswith("Albert Einstein (14 March 1879 – 18 April 1955) was a German-born theoretical physicist.")
    linked = {first.text[s.start : s.end]: s.target for s in first.links}
    assert linked["theoretical physicist"] == "Theoretical physicist"
    assert "general theory of relativity" in linked
    assert a.quick_facts is not None
    assert any(i.caption == "Albert Einstein in 1921" for i in ([a.quick_facts.image] if a.quick_facts.image else []))


def test_sections_nest_by_level(pages) -> None:  # type: ignore[no-untyped-def]
    a = kids(pages["Albert Einstein"])
    bio = next(s for s in a.sections if s.title == "Biography")
    assert bio.level == 2
    emig = next(s for s in bio.sections if s.title.startswith("1933"))
    assert emig.level == 3 and any(c.level == 4 for c in emig.sections)


def test_images_are_metadata_not_text(pages) -> None:  # type: ignore[no-untyped-def]
    a = kids(pages["Aardvark"])
    assert a.images, "file links are kept as image metadata"
    assert all("thumb|" not in t.text and "File:" not in t.text and "px" not in t.text.split() for t in a.iter_texts())


def test_list_items_are_items(pages) -> None:  # type: ignore[no-untyped-def]
    a = kids(pages["Albert Einstein"])
    kinds = {p.kind for s in a.iter_sections() for p in s.paragraphs}
    assert kinds <= {"p", "li", "table"}
    assert all((p.kind == "table") == (p.table is not None) for s in a.iter_sections() for p in s.paragraphs)


def test_a_term_line_is_not_glued_to_the_text_under_it(pages) -> None:  # type: ignore[no-untyped-def]
    # Alkane's ";Animals" then "Alkanes are found in animal products ...": once one paragraph
    # that read "Animals Alkanes are found ..." (at level 2 a sentence of its own)
    a = kids(pages["Alkane"])
    texts = [p.text for s in a.iter_sections() for p in s.paragraphs]
    assert "Animals" in texts
    assert any(t.startswith("Alkanes are found in animal products") for t in texts)
    assert not any("Animals Alkanes" in t for t in texts)


def test_redirect_wikitext_is_recognised() -> None:
    text = (WIKITEXT / "redirect.txt").read_text(encoding="utf-8")
    assert redirect_target(text)


def test_preclean_removes_refs_comments_and_switches() -> None:
    text = "A<ref name=x>cite</ref> b<ref name=y/> c<!-- hidden --> d __NOTOC__"
    assert preclean(text) == "A b c d "


def test_inclusion_tags_as_the_page_itself_shows_them() -> None:
    # real: the end of vi "Chia cắt Ấn Độ"'s lead (tests/data/dumps/viwiki-2023-truncated.xml.bz2), its refs cut
    lead = ("Trong những cuộc bạo loạn xảy ra trước việc phân chia khu vực Punjab, khoảng 200.000 đến 500.000 người đã "
            "bị chết trong những cuộc tàn sát mang tính chất báo thù. [[UNHCR]] ước tính có 14 triệu người Hindu, Sikh, "
            "và Hồi giáo phải di chuyển khỏi nơi sinh sống; khiến nó trở thành cuộc [[di dân]] lớn nhất trong lịch sử "
            "loài người. </onlyinclude>\n\nQuá trình [[Chiến tranh Giải phóng Bangladesh|tách]] [[Bangladesh]] ra khỏi")
    article = parse_article(RawPage(title="Chia cắt Ấn Độ", text=lead, lang="vi"))
    assert article.lead[0].text.endswith("lớn nhất trong lịch sử loài người.")
    # hand-made format fixture: what another page includes and what only this one shows
    text = "<onlyinclude>A river</onlyinclude> b<includeonly>not here</includeonly> c <noinclude>d</noinclude> e<includeonly>f"
    assert preclean(text) == "A river b c d e"


def test_split_sections_on_heading_lines_only() -> None:
    chunks = split_sections("lead\n== One ==\nx == not a heading ==\n=== Two ===\ny")
    assert [(c.level, c.title) for c in chunks] == [(0, ""), (2, "One"), (3, "Two")]


def test_german_page_keeps_german_categories() -> None:
    from kidpedia.sources.dump import iter_pages

    (raw,) = iter_pages(WIKITEXT / "BBDO.txt")
    a = kids(raw)
    assert a.categories, "Kategorie: links are categories"
    assert not any("Kategorie" in t.text for t in a.iter_texts())


def test_tables_are_dropped_before_parsing_but_templates_stay_whole() -> None:
    from kidpedia.wikitext.parse import drop_tables

    text = "Before\n{| class=x\n|-\n| a || {{flag|Spain}}\n{|\n| nested\n|}\n|}\nAfter"
    assert drop_tables(text) == "Before\n\nAfter"
    # A table that starts inside a template and ends outside it is left to the parser.
    odd = "{{box|\n{| \n| cell }}\n|}\nrest"
    assert drop_tables(odd) == odd


def test_table_heavy_real_page_keeps_its_prose(sample_raw_pages) -> None:  # type: ignore[no-untyped-def]
    raw = next(p for p in sample_raw_pages if p.title == "Alabama")
    assert "{|" in raw.text
    a = kids(raw)
    assert len(a.plain_text()) > 20000 and "{|" not in a.plain_text()


def test_may_cite_is_any_citation_word() -> None:
    from kidpedia.wikitext.parse import _CITATION_WORDS, _may_cite

    for text in ["", "no citation", "isbn", "Doi", *_CITATION_WORDS, *(f"a {w} b" for w in _CITATION_WORDS)]:
        assert _may_cite(text) == any(w in text for w in _CITATION_WORDS), text
