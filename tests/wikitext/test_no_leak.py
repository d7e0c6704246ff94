"""No leak by construction: an unbalanced ref, comment, table or template swallows
only itself, and the last guard repairs or drops whatever still looks like markup.

The wikitext here is FORMAT FIXTURE text written for these tests (the shapes of real
faults quoted in issue 8), not a Wikipedia page; the real pages are swept by
tests/test_sweep.py.
"""

from __future__ import annotations

from kidpedia.model import RawPage, Text
from kidpedia.pipeline import process_page
from kidpedia.wikitext.guard import guard, looks_like_markup, repair
from kidpedia.wikitext.parse import (
    parse_article,
    preclean,
    split_tables,
    strip_comments,
    strip_refs,
)


def _text(wikitext: str) -> str:
    a = parse_article(RawPage("T", wikitext))
    return "\n".join(t.text for t in a.iter_texts())


def test_unclosed_ref_swallows_only_itself() -> None:
    text = "One.<ref name=a> Two.<ref>cited</ref> Three."
    assert strip_refs(text) == "One. Two. Three."
    assert strip_refs("A<ref>x</ref name=\"b\"> B</ref> C") == "A C"
    assert strip_refs("A</ref> B<ref name=x/> C") == "A B C"


def test_unclosed_comment_swallows_only_itself() -> None:
    assert strip_comments("A <!-- hidden --> B <!-- never closed C") == "A  B  never closed C"


def test_preclean_still_removes_refs_comments_and_switches() -> None:
    assert preclean("A<ref name=x>cite</ref> b<ref name=y/> c<!-- hidden --> d __NOTOC__") == "A b c d "


def test_unclosed_table_takes_only_its_rows() -> None:
    body = 'Before.\n{| class="wikitable"\n|-\n! Name !! Role\n|-\n| Alan Young || Chairman\n\nAfter the table.\n'
    pieces = split_tables(body)
    assert [p for p, is_table in pieces if not is_table] == ["Before.\n", "After the table.\n"]
    a = parse_article(RawPage("T", "==Staff==\n===Board of directors===\n" + body))
    blocks = a.sections[0].sections[0].paragraphs
    assert [t.kind for t in blocks] == ["p", "table", "p"]
    table = blocks[1].table
    assert table is not None
    assert [[c.text.text for c in row] for row in table.all_rows()] == [["Name", "Role"], ["Alan Young", "Chairman"]]
    assert blocks[2].text == "After the table." and not any("|" in t.text for t in a.iter_texts())


def test_table_inside_a_template_is_removed_in_place() -> None:
    pieces = split_tables("{{box|\n{|\n| cell\n|}\n}}\nrest")
    assert pieces == [("{{box|\n\n}}\nrest", False)]


def test_unclosed_template_does_not_leak_its_parameters() -> None:
    out = _text("In the 1980s{{cite web |url= |title=Recorded homicides, the text. Then more prose follows here.")
    assert "url=" not in out and "{{" not in out


def test_repair_keeps_links_in_place() -> None:
    from kidpedia.model import LinkSpan

    t = Text("a ]] word [[ here", (LinkSpan(5, 9, "Word"),))
    fixed = repair(t)
    assert fixed.text == "a word here"
    assert fixed.text[fixed.links[0].start : fixed.links[0].end] == "word"


def test_guard_drops_markup_paragraphs_and_counts_them() -> None:
    from kidpedia.model import Article

    a = Article("T", lead=(Text("Prose stays."), Text("| Alan Young || Chairman"), Text("Word {{ and ]] more.")))
    g = guard(a)
    assert [t.text for t in g.lead] == ["Prose stays.", "Word and more."]
    assert g.stats["markup_dropped"] == 1 and g.stats["markup_repaired"] == 1
    assert looks_like_markup("| a || b") and not looks_like_markup("PLAY MORE!! at http://example.org now")


def test_table_lead_in_goes_with_its_table() -> None:
    raw = RawPage("T", "Intro text here.\n\n== Results ==\nFacts come first. The results were:\n{|\n| a\n|}\n")
    a = process_page(raw)
    assert a.sections[0].paragraphs[0].text == "Facts come first."


def test_build_summary_counts_markup_dropped(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kidpedia.build import build

    page = tmp_path / "Leaky_page.txt"
    page.write_text("Prose a reader can read.\n\n| Alan Young || Chairman\n\nMore prose here.\n", "utf-8")
    report = build([page], tmp_path / "kp.db")
    assert report.articles == 1 and report.markup_dropped == 1
