"""Rendered HTML -> Article, on real pages: a Kiwix ZIM's (Ray Charles, 2015 MediaWiki HTML)
and Wikimedia Enterprise records (Parsoid HTML). Small format fixtures written here say so."""

from __future__ import annotations

from html_helpers import record_raw, zim_raw

from kidpedia.html import page_title, parse_html
from kidpedia.kidify.prune import dropped_titles
from kidpedia.model import RawPage
from kidpedia.sources.redirects import html_redirect_target as redirect_target


def _parse(raw: RawPage):  # type: ignore[no-untyped-def]
    return parse_html(raw, dropped_titles())


def _all_text(article) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(t.text for t in article.iter_texts())


def test_zim_page_sections_quick_facts_and_pictures() -> None:
    a = _parse(zim_raw("wikipedia_en_ray_charles_2015-06.zim", "A/Ray_Charles.html"))
    qf = a.quick_facts
    assert qf is not None and qf.title == "Ray Charles"
    rows = {r.label: r for r in qf.rows}
    assert rows["Born"].values[0].text == "September 23, 1930, Albany, Georgia, U.S."
    assert rows["Background information"].header
    assert qf.image is not None and qf.image.path == "I/m/Ray_Charles_(cropped).jpg"
    assert qf.image.caption == "Ray Charles in 1990" and (qf.image.width, qf.image.height) == (250, 250)
    life = a.sections[0]
    assert life.title == "Life and career" and life.sections[0].title == "Early years (1930–45)"
    assert not any(s.title in ("References", "External links") for s in a.iter_sections())
    figure = next(i for i in a.images if i.name == "Greenville FL Hays Park Ray Charles statue02.jpg")
    assert figure.section == "Early years (1930–45)" and figure.caption.startswith("Ray Charles statue")
    text = _all_text(a)
    assert "[1]" not in text and "This article is issued from" not in text and "Main article:" not in text
    targets = {s.target for t in a.iter_texts() for s in t.links}
    assert {"Quincy Jones", "Modern Sounds in Country and Western Music"} <= targets
    # a picture inside a list item is a figure, not words in the item
    discography = next(s for s in a.iter_sections() if s.title == "Discography")
    assert discography.paragraphs[0].text == '"I Got a Woman" (1954)'


def test_parsoid_page_drops_hatnotes_references_and_keeps_the_box() -> None:
    a = _parse(record_raw("enwiki__Josephine_Baker"))
    assert a.wikidata == "Q151972" and a.rev_id == 1271516754
    qf = a.quick_facts
    assert qf is not None and qf.template == "infobox person"
    assert qf.image is not None and qf.image.name == "Baker Harcourt 1940 2.jpg"
    assert qf.image.caption == "Baker in 1940" and qf.image.path == ""  # no picture files in a record
    assert any(r.label == "Musical career" and r.header for r in qf.rows)
    text = _all_text(a)
    assert "For other people named" not in text and "cite_note" not in text and "[13]" not in text
    assert a.lead[0].text.startswith("Freda Josephine Baker (née McDonald; June 3, 1906 – April 12, 1975)")
    assert "Use mdy dates from May 2023" in a.categories


def test_country_box_header_rows_and_see_also() -> None:
    a = _parse(record_raw("enwiki__United_States"))
    qf = a.quick_facts
    assert qf is not None and qf.title == "United States of America"
    headers = [r.label for r in qf.rows if r.header]
    assert {"Area", "Population"} <= set(headers)
    rows = {r.label: r.values[0].text for r in qf.rows if r.values}
    assert rows["Capital"] == "Washington, D.C." and rows["Calling code"] == "+1"
    assert [x.target for x in a.see_also] == ["Lists of U.S. state topics", "Outline of the United States"]
    assert not any(s.title == "See also" for s in a.iter_sections())


CONFLICT_BOX = """<!-- FORMAT FIXTURE written for this test (not a real page): the shape of an
infobox military conflict's "Belligerents" rows as MediaWiki renders them -->
<html><head><title>Test war</title></head><body>
<table class="infobox vevent"><tbody>
<tr><th colspan="2" class="infobox-above summary">Test war</th></tr>
<tr><th scope="row">Date</th><td>1990–1991</td></tr>
<tr><th colspan="2">Belligerents</th></tr>
<tr><td>Side <a rel="mw:WikiLink" href="./Alpha" title="Alpha">Alpha</a><br>Side Gamma</td><td>Side Beta</td></tr>
</tbody></table><p>The war was short.</p></body></html>"""


def test_a_header_over_cells_side_by_side_is_one_row_with_sides() -> None:
    a = _parse(RawPage(title="Test war", text=CONFLICT_BOX, format="html"))
    qf = a.quick_facts
    assert qf is not None and qf.title == "Test war"
    row = next(r for r in qf.rows if r.label == "Belligerents")
    assert [v.text for v in row.values] == ["Side Alpha, Side Gamma", "Side Beta"]
    assert row.values[0].links[0].target == "Alpha" and not row.header
    assert page_title(CONFLICT_BOX) == "Test war"


CONFLICT_BOX_FULL = """<!-- FORMAT FIXTURE written for this test (not a real page; no real HTML page with
a military conflict box is in /work/shared/data): the shape Module:Infobox military conflict
gives, with Date, Location and Result in a table of their own, three sides, and the
commanders, strength and casualties under their headers -->
<html><head><title>Test war</title></head><body>
<table class="infobox vevent" style="width:315px"><tbody>
<tr><th colspan="3" class="summary">Test war</th></tr>
<tr><td colspan="3">Part of the <a rel="mw:WikiLink" href="./Test_wars" title="Test wars">Test wars</a></td></tr>
<tr><td colspan="3"><span typeof="mw:File"><img src="//upload.wikimedia.org/a/Test.jpg" width="300" height="200"
 alt="A field"></span><div>The field of the battle</div></td></tr>
<tr><td colspan="3"><table style="width:100%;margin:0;border-spacing:0"><tbody>
<tr><th style="padding-right:1em">Date</th><td>1 May 1990 – 2 June 1991</td></tr>
<tr><th>Location</th><td>The valley</td></tr>
<tr><th>Result</th><td>A truce</td></tr>
</tbody></table></td></tr>
<tr><th colspan="3">Belligerents</th></tr>
<tr><td style="width:33%">Alpha</td><td style="width:33%">Beta</td><td style="width:33%">Gamma</td></tr>
<tr><th colspan="3">Commanders and leaders</th></tr>
<tr><td>General A</td><td>General B</td><td>General C</td></tr>
<tr><th colspan="3">Strength</th></tr>
<tr><td>1,000</td><td>2,000</td><td>500</td></tr>
<tr><th colspan="3">Casualties and losses</th></tr>
<tr><td>10 killed</td><td>20 killed</td><td>5 killed</td></tr>
</tbody></table><p>The war was short.</p></body></html>"""


def test_a_conflict_box_gives_its_facts_and_one_column_per_side() -> None:
    a = _parse(RawPage(title="Test war", text=CONFLICT_BOX_FULL, format="html"))
    qf = a.quick_facts
    assert qf is not None and qf.title == "Test war" and qf.image is not None
    assert qf.image.caption == "The field of the battle"
    got = [(r.label, [v.text for v in r.values]) for r in qf.rows]
    assert got == [
        ("", ["Part of the Test wars"]),
        ("Date", ["1 May 1990 – 2 June 1991"]), ("Location", ["The valley"]), ("Result", ["A truce"]),
        ("Belligerents", ["Alpha", "Beta", "Gamma"]),
        ("Commanders and leaders", ["General A", "General B", "General C"]),
        ("Strength", ["1,000", "2,000", "500"]),
        ("Casualties and losses", ["10 killed", "20 killed", "5 killed"]),
    ]
    assert not any(r.header for r in qf.rows)


def test_redirect_page_and_title() -> None:
    html = '<html><head><title>USA</title><link rel="mw:PageProp/redirect" href="./United_States"/></head><body></body></html>'
    assert redirect_target(html) == "United States"  # format fixture: a Parsoid redirect page
    assert redirect_target("<html><body><p>x</p></body></html>") is None


def test_every_enterprise_record_parses_to_an_article_with_text() -> None:
    from html_helpers import HTML

    for path in sorted(HTML.glob("*.json.gz")):
        a = _parse(record_raw(path.name.removesuffix(".json.gz")))
        assert a.lead or a.sections, path.name
        for t in a.iter_texts():
            assert "<" not in t.text or "<" in t.text.replace("<", "", 0), path.name
            for span in t.links:
                assert 0 <= span.start < span.end <= len(t.text), path.name


def test_a_country_box_with_td_scope_row_labels_has_labels_and_header_rows() -> None:
    a = _parse(record_raw("ptwiki__Portugal"))  # ptwiki's box labels rows with <td scope="row">
    qf = a.quick_facts
    assert qf is not None and qf.title == "República Portuguesa"
    headers = [r.label for r in qf.rows if r.header]
    assert {"Área", "População"} <= set(headers)
    rows = {r.label: [v.text for v in r.values] for r in qf.rows if r.values}
    assert rows["Capital"][0].startswith("Lisboa") and rows["Moeda"] == ["euro (EUR)"]
    assert all(len(r.values) == 1 for r in qf.rows if r.values)  # no row split into false "sides"


def test_a_box_of_divs_around_tables_is_the_quick_facts() -> None:
    """frwiki's Infobox v3: a heading div, a picture div with its legend, then tables
    whose captions head their rows (the real Joséphine Baker record)."""
    a = _parse(record_raw("frwiki__Josephine_Baker"))
    qf = a.quick_facts
    assert qf is not None and qf.title == "Joséphine Baker" and qf.template == "infobox biographie2"
    assert qf.image is not None and qf.image.caption == "Joséphine Baker en 1940."
    headers = [r.label for r in qf.rows if r.header]
    assert headers[:2] == ["Biographie", "Autres informations"]
    rows = {r.label: r.values[0].text for r in qf.rows if r.values}
    assert rows["Naissance"] == "3 juin 1906, Saint-Louis (Missouri, États-Unis)"
    assert not any(t.text.startswith("Joséphine Baker en 1940") for t in a.lead)  # not left in the text
