"""Tables kept as tables (issue 8): the real pages first, then one case per rule.

Real pages: list.txt (a list of films, all in one table), bluejays.txt (a body that
is only a table), Alabama from the bundled English sample (a lead-in and its table),
and the Wikimedia Enterprise record of "United States" (rendered HTML: the largest
metropolitan areas). The small wikitext strings in the rule cases are FORMAT
FIXTURES written for these tests, not Wikipedia pages.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kidpedia.export.text import article_to_text, grid, table_lines
from kidpedia.model import (
    Article,
    Cell,
    LinkSpan,
    RawPage,
    Table,
    Text,
    map_cells,
    new_cell,
    new_text,
    table_block,
)
from kidpedia.pipeline import process_page
from kidpedia.sources.enterprise import record_pages
from kidpedia.wikitext.parse import parse_with_context
from kidpedia.wikitext.tables import rules

DATA = Path(__file__).resolve().parents[1] / "data"


def _wikitext(name: str) -> RawPage:
    return RawPage(name.removesuffix(".txt"), (DATA / "wikitext" / name).read_text(encoding="utf-8"))


def _tables(a: Article) -> list[Table]:
    return [t.table for t in a.iter_texts() if t.table is not None]


def _the_table(title: str, wikitext: str) -> tuple[Article, Table]:
    """The kids' article of a page with one table, and that table."""
    a = process_page(RawPage(title, wikitext))
    assert isinstance(a, Article), a
    (table,) = _tables(a)
    return a, table


def _cells(table: Table) -> list[list[str]]:
    return [[c.text.text for c in row] for row in table.all_rows()]


def test_list_page_shows_its_films_as_a_table() -> None:
    a = process_page(_wikitext("list.txt"))
    assert isinstance(a, Article)
    (films,) = _tables(a)
    assert _cells(films)[0] == ["Title", "Director", "Cast (Subject of documentary)", "Genre", "Notes", "Release date"]
    assert len(films.header) == 1 and len(films.rows) == 25
    first = films.rows[0]
    assert [c.text.text for c in first][:2] == ["'71", "Yann Demange"]
    assert first[0].text.links[0].target == "'71 (film)"  # links kept in cells
    assert first[5].text.text == "October 17"  # {{dts||10|17}}: a day of no year
    assert "Jack O'Connell" in first[2].text.text


def test_table_only_page_is_an_article_with_its_table() -> None:
    a = process_page(_wikitext("bluejays.txt"))
    assert isinstance(a, Article), a
    (teams,) = _tables(a)
    assert _cells(teams)[0] == ["Level", "Team", "League", "Location"]
    rookie = next(row for row in teams.rows if row[0].text.text == "Rookie")
    assert rookie[0].rowspan == 2  # spans kept
    assert _cells(teams)[-1] == ["DSL Blue Jays", "Dominican Summer League", "San Pedro de Macorís, Dominican Republic"]
    text = article_to_text(a)
    assert "AAA              Buffalo Bisons             International League     Buffalo, New York" in text


def test_country_page_largest_cities_table_from_rendered_html() -> None:
    with gzip.open(DATA / "html" / "enwiki__United_States.json.gz") as f:
        record = json.loads(f.read())
    raw = next(p for p in record_pages(record[0] if isinstance(record, list) else record) if p.format == "html")
    a = process_page(raw)
    assert isinstance(a, Article)
    urban = next(s for s in a.iter_sections() if s.title == "Urbanization")
    (metro,) = [t.table for t in urban.paragraphs if t.table is not None]
    assert metro.caption.startswith("Largest metropolitan areas in the United States")
    assert [c.text.text for c in metro.rows[0]][1:5] == ["1", "New York", "Northeast", "19,498,249"]


def test_alabama_lead_in_keeps_its_table(sample_raw_pages) -> None:  # type: ignore[no-untyped-def]
    raw = next(p for p in sample_raw_pages if p.title == "Alabama")
    a, ctx = parse_with_context(raw)
    assert ctx.stats["tables_kept"] >= 8
    racial = next(t for t in _tables(a) if t.caption == "Alabama Racial Breakdown of Population")  # "|+" caption
    assert _cells(racial)[0] == ["Racial composition", "1990", "2000", "2010"]
    assert all("ref" not in c for row in _cells(racial) for c in row)
    # "|align=right| '''{{bartable|87.5||2||...}}": an unclosed bold in every row, a bar
    # template showing its number.
    religion = next(t for t in _tables(a) if t.caption.startswith("Religious affiliation in Alabama"))
    assert [c.text.text for c in religion.rows[0]] == ["Christian", "87.5"] and len(religion.rows) == 22


# ---- rules, a case each ----------------------------------------------------------------

_DATA_TABLE = '{| class="%s"\n|-\n! Name !! Role\n|-\n| Alan Young || Chairman\n|-\n| Ann Bell || Secretary\n|}'


def _blocks(wikitext: str) -> tuple[Text, ...]:
    a, _ = parse_with_context(RawPage("T", "Before.\n" + wikitext + "\nAfter."))
    return a.lead


@pytest.mark.parametrize("cls", sorted(rules().drop_classes))
def test_drop_class(cls: str) -> None:
    assert [t.kind for t in _blocks(_DATA_TABLE % cls)] == ["p", "p"]


@pytest.mark.parametrize("cls", sorted(rules().keep_classes))
def test_keep_class(cls: str) -> None:
    blocks = _blocks(f'{{| class="{cls}"\n|-\n| Only || one row\n|}}')
    assert [t.kind for t in blocks] == ["p", "table", "p"]


def test_layout_table_of_one_row_or_one_column_goes() -> None:
    assert [t.kind for t in _blocks("{|\n| A picture here || and text beside it\n|}")] == ["p", "p"]  # min_rows
    assert [t.kind for t in _blocks("{|\n| one\n|-\n| two\n|}")] == ["p", "p"]  # min_columns
    assert [t.kind for t in _blocks("{|\n| a || b\n|-\n| c || d\n|}")] == ["p", "table", "p"]


def test_layout_table_with_a_column_of_prose_goes() -> None:
    prose = "Long prose. " * (rules().max_layout_cell // 10)
    assert [t.kind for t in _blocks(f"{{|\n| a || {prose}\n|-\n| c || d\n|}}")] == ["p", "p"]


def test_table_of_pictures_goes_and_its_lead_in_with_it() -> None:
    pictures = '{| class="wikitable"\n|-\n| [[File:A.png]] || [[File:B.png]] || [[File:C.png]]\n|-\n| x || [[File:D.png]] || [[File:E.png]]\n|-\n| y || [[File:F.png]] || [[File:G.png]]\n|}'
    a, ctx = parse_with_context(RawPage("T", "Some text. The flags are:\n" + pictures))
    assert [t.text for t in a.lead] == ["Some text."]
    assert ctx.stats["tables_dropped:pictures"] == 1


def test_table_whose_column_is_only_pictures_goes() -> None:
    bars = (
        '{| class="wikitable"\n|-\n! Religion !! colspan="2" | Share\n'
        "|-\n| Christian || [[File:Bar.png]]\n|-\n| Other || [[File:Bar.png]]\n|}"
    )
    assert [t.kind for t in _blocks(bars)] == ["p", "p"]


def test_layout_table_that_wraps_tables_gives_them() -> None:
    left, right = _DATA_TABLE % "wikitable", (_DATA_TABLE % "wikitable").replace("Ann Bell", "Cy Dunn")
    blocks = _blocks("{|\n| valign=top |\n" + left + "\n| valign=top |\n" + right + "\n|}")
    assert [t.kind for t in blocks] == ["p", "table", "table", "p"]


def test_attributes_never_reach_the_cells_and_spans_are_bounded() -> None:
    blocks = _blocks(
        '{| class="wikitable" style="background:red"\n|-\n! style="color:blue" | Name !! colspan="9999" | Role\n'
        '|-\n| class="x" onclick="alert(1)" | Alan <span style="x">Young</span> || rowspan=2 | Chairman\n|}'
    )
    (table,) = [t.table for t in blocks if t.table is not None]
    assert _cells(table) == [["Name", "Role"], ["Alan Young", "Chairman"]]
    assert table.header[0][1].colspan == 50 and table.rows[0][1].rowspan == 2


def test_unclosed_table_keeps_its_own_rows_and_the_text_after() -> None:
    blocks = _blocks('{| class="wikitable"\n|-\n! Name !! Role\n|-\n| Alan Young || Chairman\n\nAfter the table.')
    assert [t.kind for t in blocks] == ["p", "table", "p"]
    assert blocks[2].text.startswith("After the table.")


def test_source_row_of_only_external_links_goes() -> None:
    blocks = _blocks(
        "{|\n|-\n! Tongue !! %\n|-\n| Catalan || 38.8%\n|-\n| French || 5.4%\n"
        '|-\n| colspan="2" |<small>[http://example.org/a.pdf 2005 3 Report.pdf]</small>\n|}'
    )
    (table,) = [t.table for t in blocks if t.table is not None]
    assert _cells(table) == [["Tongue", "%"], ["Catalan", "38.8%"], ["French", "5.4%"]]


# ---- the model, JSON, text, safety -----------------------------------------------------


def test_table_block_reads_its_cells_with_links_in_place() -> None:
    cell = Text("New York")
    linked = Text("Boston", (LinkSpan(0, 6, "Boston"),))
    block = table_block(Table("Cities", ((Cell(Text("Name"), True),),), ((Cell(cell),), (Cell(linked),))))
    assert block.kind == "table" and block.text == "Cities\nName\nNew York\nBoston"
    (span,) = block.links
    assert block.text[span.start : span.end] == "Boston"


def test_json_round_trip_keeps_the_table() -> None:
    a = process_page(_wikitext("bluejays.txt"))
    assert isinstance(a, Article)
    data = json.loads(json.dumps(a.to_json()))
    block = next(b for b in data["lead"] if b.get("kind") == "table")
    assert block["table"]["header"][0][0] == {"text": "Level", "header": True}
    assert any(c.get("rowspan") == 2 for row in block["table"]["rows"] for c in row)
    assert Article.from_json(data) == a


def test_grid_places_spanning_cells() -> None:
    rows = (
        (Cell(Text("a"), rowspan=2), Cell(Text("b"))),
        (Cell(Text("c")),),
        (Cell(Text("d"), colspan=2),),
    )
    assert grid(rows) == [["a", "b"], ["", "c"], ["d", ""]]
    assert table_lines(Table("", (), rows)) == ["a  b", "   c", "d"]


def test_map_cells_drops_a_row_or_the_table() -> None:
    t = table_block(Table("", ((Cell(Text("H"), True),),), ((Cell(Text("bad")),), (Cell(Text("good")),))))
    kept = map_cells(t, lambda c: None if c.text == "bad" else c, drop_row=True)
    assert kept is not None and kept.table is not None and _cells(kept.table) == [["H"], ["good"]]
    assert map_cells(t, lambda c: None, drop_row=True) is None


def test_new_text_and_new_cell_make_what_the_constructors_make() -> None:
    table = Table("c", (), ((Cell(Text("x")),),))
    made = [(new_text("a", (LinkSpan(0, 1, "A"),), "li", 2, table), Text("a", (LinkSpan(0, 1, "A"),), "li", 2, table)),
            (new_text("b"), Text("b")), (new_cell(Text("a"), True, 2, 3), Cell(Text("a"), True, 2, 3)),
            (new_cell(Text("a")), Cell(Text("a")))]
    for ours, theirs in made:
        assert ours == theirs and hash(ours) == hash(theirs) and vars(ours) == vars(theirs)
        assert list(vars(ours)) == list(vars(theirs))  # every field, in order


def test_map_cells_gives_the_block_itself_when_no_cell_changes() -> None:
    t = table_block(Table("Cap", ((Cell(Text("H"), True),),), ((Cell(Text("a")),), (Cell(Text("b")),))))
    assert map_cells(t, lambda c: c, drop_row=True) is t
    changed = map_cells(t, lambda c: Text("B") if c.text == "b" else c)
    assert changed is not None and changed is not t and changed.text == "Cap\nH\na\nB"
    recaptioned = map_cells(t, lambda c: Text("Title") if c.text == "Cap" else c)
    assert recaptioned is not None and recaptioned.text == "Title\nH\na\nb"
    header = map_cells(t, lambda c: None if c.text == "H" else c, drop_row=True)
    assert header is not None and header.text == "Cap\na\nb"


def test_safety_judges_a_table_cell_by_cell_and_drops_the_row() -> None:
    wikitext = (
        "'''Words''' is a page with a table of words and notes about them.\n"
        '{| class="wikitable"\n|-\n! Word !! Note\n|-\n| Apple || A fruit that grows on trees.\n'
        "|-\n| Shout || He said fuck you and left.\n|-\n| Pear || Another fruit.\n|}"
    )
    a, table = _the_table("Words", wikitext)
    assert _cells(table) == [["Word", "Note"], ["Apple", "A fruit that grows on trees."], ["Pear", "Another fruit."]]
    assert "fuck" not in a.plain_text()


def test_guard_empties_a_cell_that_still_looks_like_markup() -> None:
    from kidpedia.wikitext.guard import guard

    t = table_block(Table("", (), ((Cell(Text("Fine")), Cell(Text("| style=x || y"))), (Cell(Text("a")), Cell(Text("b"))))))
    g = guard(Article("T", lead=(t,)))
    assert g.lead[0].table is not None and _cells(g.lead[0].table) == [["Fine", ""], ["a", "b"]]
    assert g.stats["markup_dropped"] == 1


def test_guard_repairs_a_stray_tag_in_a_cell() -> None:
    from kidpedia.wikitext.guard import guard

    t = table_block(Table("Numbers </tr>", (), ((Cell(Text("Population </tr>")), Cell(Text("3"))), (Cell(Text("a")), Cell(Text("b"))))))
    g = guard(Article("T", lead=(t,)))
    assert g.lead[0].table is not None and g.lead[0].table.caption == "Numbers"
    assert _cells(g.lead[0].table)[0] == ["Population", "3"]


def test_table_of_books_is_a_bibliography_and_goes() -> None:
    books = '{| class="wikitable"\n|-\n! Title !! Year !! ISBN\n|-\n| First book || 1999 || ISBN 4-88672-528-7\n|-\n| Second || 2001 || 4-89367-362-9\n|}'
    assert [t.kind for t in _blocks(books)] == ["p", "p"]


def test_cli_page_shows_the_table_as_columns_and_as_json() -> None:
    import subprocess
    import sys

    def page(*args: str) -> str:
        r = subprocess.run([sys.executable, "-m", "kidpedia", "page", *args], capture_output=True, text=True, check=False)
        assert r.returncode == 0, r.stderr
        return r.stdout

    lines = page(str(DATA / "wikitext" / "list.txt")).splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("Title "))
    assert lines[head].split() == ["Title", "Director", "Cast", "(Subject", "of", "documentary)", "Genre", "Notes", "Release", "date"]
    assert set(lines[head + 1]) == {"-", " "}
    assert lines[head].index("Director") == lines[head + 2].index("Yann Demange")  # aligned columns
    data = json.loads(page(str(DATA / "wikitext" / "bluejays.txt"), "--format", "json"))
    (block,) = [b for b in data["lead"] if b.get("kind") == "table"]
    assert [c["text"] for c in block["table"]["header"][0]] == ["Level", "Team", "League", "Location"]


def test_a_lead_table_is_not_the_pages_blurb() -> None:
    a = process_page(_wikitext("bluejays.txt"))
    assert isinstance(a, Article) and a.lead[0].table is not None
    assert a.first_paragraph() == "The bluejays play baseball, sometimes poorly."


def test_a_titled_box_around_a_table_gives_the_table_with_that_title() -> None:
    # The shape of a season page's game log: a collapsible box titled "2015 Game Log"
    # holding the real table.
    log = (
        '{| class="wikitable collapsible" style="width:100%"\n! colspan=2 | 2015 Game Log\n|-\n|\n'
        '{| class="wikitable"\n|-\n! # !! Date !! Opponent !! Score\n|- style="background:#fbb"\n'
        "| 1 || April 6 || @ [[New York Yankees|Yankees]] || 1–6\n|-\n| 2 || April 8 || @ Yankees || 4–3\n|}\n|}"
    )
    _, table = _the_table("2015 season", log)
    assert table.caption == "2015 Game Log"
    assert _cells(table)[1] == ["1", "April 6", "@ Yankees", "1–6"]


def test_table_floods_are_cheap() -> None:
    from test_fuzz_pages import assert_cheap_and_clean

    for piece in ("\n{|class=wikitable\n|a||b\n|-\n!a\n|}", "\n{|class=wikitable\n|a||b\n|-\n!a"):
        assert_cheap_and_clean(piece * (250_000 // len(piece)))
    _, ctx = parse_with_context(RawPage("T", "\n{|class=wikitable\n|a||b\n|-\n!c||d\n|}" * 400))
    assert ctx.stats["tables_seen"] == 400 and ctx.stats["tables_dropped:too-many"] == 100


def test_table_inside_a_pictures_caption_goes_with_the_caption() -> None:
    # The shape of ukwiki's "Життя": a legend table inside a picture's caption.
    blocks = _blocks(
        "[[File:Map.png|thumb|250px|Biomes of the Earth|\n{| style=\"width:100%\"\n|-\n| a || b\n|-\n| c || d\n|}\n]]\n\n"
        + "[[Broken link\n\n"
        + _DATA_TABLE % "wikitable"
    )
    assert all("thumb" not in t.text and "File:" not in t.text for t in blocks)
    assert [t.kind for t in blocks] == ["p", "p", "table", "p"]  # a stray [[ before a blank line hides no table
