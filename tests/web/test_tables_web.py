"""Tables on the site (issue 8): real <table>s with header cells and spans, in a box that
scrolls sideways on a phone, sanitised like every paragraph, and in the API's JSON.

The sample store's Alabama (real page, bundled dump) holds several tables; the hostile
table below is a FORMAT FIXTURE written for this test, not a Wikipedia page.
"""

from __future__ import annotations

from importlib import resources

import lxml.html
from test_security import assert_inert

from kidpedia.export.html import article_html
from kidpedia.model import Article, RawPage
from kidpedia.pipeline import process_page

HOSTILE_TABLE = """'''Hostile table''' is a page with a table.

== Results ==
{| class="wikitable sortable" style="background:url(javascript:alert('css'))" onclick="alert('t')"
|+ style="color:red" | Results <script>alert("caption")</script>
|-
! scope="col" onmouseover="alert('th')" | Team !! colspan="2" style="x" | Score
|-
| class="evil" | <span onclick="alert('td')">[[Aardvark]]</span> || rowspan="2" | 3 || [javascript:alert("ext") four]
|-
| <script>alert("cell")</script>Zebra || [[javascript:alert("int")|five]]
|}
"""


def test_real_page_tables_are_tables_on_the_site(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/wiki/Alabama")
    assert r.status_code == 200
    assert_inert(r.text)
    doc = lxml.html.fromstring(r.text)
    wraps = doc.cssselect("div.table-scroll")
    assert len(wraps) >= 8
    assert all(w.get("role") == "region" and w.get("tabindex") == "0" for w in wraps)
    employers = next(t for t in doc.cssselect("table.data-table") if "Redstone Arsenal" in t.text_content())
    assert [th.text_content() for th in employers.cssselect("thead th")] == ["Employer", "Employees"]
    assert all(th.get("scope") == "col" for th in employers.cssselect("thead th"))
    first = [td.text_content() for td in employers.cssselect("tbody tr")[0]]
    assert first == ["Redstone Arsenal", "25,373"]
    # the lead-in sentence stands right before its table
    box = employers.getparent().getparent()
    assert box.tag == "figure" and box.get("class") == "table-box"
    blocks = [el for el in box.getparent() if el.tag in ("p", "figure")]
    assert blocks[blocks.index(box) - 1].text_content().endswith("were:")


def test_tables_scroll_sideways_on_a_phone() -> None:
    css = resources.files("kidpedia.web").joinpath("static/kidpedia.css").read_text("utf-8")
    rule = css[css.index(".table-scroll {") :].split("}", 1)[0]
    assert "overflow-x: auto" in rule and "max-width: 100%" in rule


def test_api_article_json_has_the_table(client) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/api/article/Alabama").json()
    article = data.get("article", data)
    blocks = [b for s in article["sections"] for b in _walk(s) if b.get("kind") == "table"]
    employers = next(b for b in blocks if "Redstone Arsenal" in b["text"])
    assert employers["table"]["header"][0][0] == {"text": "Employer", "header": True}
    assert employers["table"]["rows"][0][0]["text"] == "Redstone Arsenal"


def _walk(section: dict) -> list[dict]:
    out = list(section["paragraphs"])
    for child in section["sections"]:
        out.extend(_walk(child))
    return out


def test_hostile_table_renders_inert_with_only_its_spans() -> None:
    a = process_page(RawPage("Hostile table", HOSTILE_TABLE))
    assert isinstance(a, Article), a
    html = article_html(a)
    assert_inert(html[html.index("<body") :])  # the head inlines our own stylesheet
    doc = lxml.html.fromstring(html)
    (table,) = doc.cssselect("table.data-table")
    for el in table.iter():
        assert set(el.attrib) <= {"class", "scope", "rowspan", "colspan"}, (el.tag, el.attrib)
        assert el.get("class") in (None, "data-table")
    caption = table.getparent().getparent().cssselect("figcaption.table-caption")[0]
    assert caption.text_content().startswith("Results")
    assert [th.get("colspan") for th in table.cssselect("thead th")] == [None, "2"]
    cells = [[c.text_content() for c in tr] for tr in table.cssselect("tbody tr")]
    assert cells[0] == ["Aardvark", "3", "four"]
    assert cells[1][0].endswith("Zebra") and cells[1][-1] == "five"
    assert table.cssselect("tbody tr")[0][1].get("rowspan") == "2"


def test_nested_list_items_are_nested_lists_on_the_page() -> None:
    # FORMAT FIXTURE: a list two levels deep.
    a = process_page(RawPage("Lists", "'''Lists''' have items in them.\n* Fruit\n** Apple\n*** Green apple\n** Pear\n* Vegetables\n"))
    assert isinstance(a, Article), a
    assert [(t.text, t.depth) for t in a.lead if t.kind == "li"] == [
        ("Fruit", 0), ("Apple", 1), ("Green apple", 2), ("Pear", 1), ("Vegetables", 0)
    ]
    doc = lxml.html.fromstring(article_html(a))
    top = doc.cssselect(".lead > ul")[0]
    assert [li.text.strip() for li in top.findall("li")] == ["Fruit", "Vegetables"]
    fruit = top.findall("li")[0]
    assert [li.text.strip() for li in fruit.find("ul").findall("li")] == ["Apple", "Pear"]
    assert fruit.find("ul").findall("li")[0].find("ul").findall("li")[0].text.strip() == "Green apple"
