"""Every edition's own names: namespaces from <siteinfo>, picture options, section roles
per language (each entry of data/section_roles.yaml), infoboxes by their shape.

The small pages written in these tests are hand-made format fixtures (they say so);
the real pages come from tests/data/ (Wikipedia, CC BY-SA).
"""

from __future__ import annotations

from pathlib import Path

import mwparserfromhell
import pytest
import yaml
from mwparserfromhell.nodes import Template, Text

from kidpedia.errors import KidpediaError
from kidpedia.model import Article, SiteInfo
from kidpedia.pipeline import process_page
from kidpedia.sections import DROPPED_ROLES, ROLES, role, section_roles
from kidpedia.sources.dump import iter_pages
from kidpedia.sources.redirects import raw_page
from kidpedia.wikitext import names
from kidpedia.wikitext.infobox import is_infobox_name, is_infobox_shaped
from kidpedia.wikitext.params import template_name

DATA = Path(__file__).resolve().parent.parent / "data"
NAMESPACES = Path(names.__file__).parent / "rules" / "namespaces.yaml"
NOT_INFOBOXES = {"multiple image"}  # a row of pictures, shaped like a box: not Quick facts
LEAD = "The town is old and lies on a river by the hills. " * 3
BODY = "People have lived there for a very long time and they like it. " * 3

# The languages the issue names: each has every role in the table.
LANGUAGES = ["en", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "uk", "ja", "zh", "ko", "vi", "el", "ar", "he", "fa", "tr", "hi", "bn", "hy", "sv", "fi", "cs", "af", "bg"]


def _page(text: str, lang: str, site: SiteInfo | None = None) -> Article:
    result = process_page(raw_page("Testville", text, lang=lang, site=site))
    assert isinstance(result, Article), result
    return result


def test_every_language_has_every_role() -> None:
    table = section_roles()
    for lang in LANGUAGES:
        assert set(table[lang]) == set(ROLES), lang


ENTRIES = [(lang, r, name) for lang, roles in section_roles().items() for r, ns in roles.items() for name in ns]


@pytest.mark.parametrize(("lang", "kind", "heading"), ENTRIES)
def test_section_role_entry(lang: str, kind: str, heading: str) -> None:
    # hand-made format fixture: a lead, one ordinary section, then the heading under test
    assert role(heading, lang) == kind
    text = f"{LEAD}\n\n== History ==\n{BODY}\n\n== {heading} ==\n* [[Rivertown]] and more\n* [[Hilltown]]\n"
    a = _page(text, lang)
    titles = [s.title for s in a.iter_sections()]
    assert heading not in titles
    if kind == "see_also":
        assert [x.target for x in a.see_also] == ["Rivertown", "Hilltown"]
    else:
        assert kind in DROPPED_ROLES and not a.see_also
    assert "History" in titles


def test_an_ordinary_section_with_a_role_word_of_another_language_stays() -> None:
    # hand-made: "Literatura" is a bibliography in Czech, a section about books in Spanish
    text = f"{LEAD}\n\n== Literatura ==\n{BODY}\n\n== Historia ==\n{BODY}x\n"
    assert "Literatura" in [s.title for s in _page(text, "es").iter_sections()]
    assert "Literatura" not in [s.title for s in _page(text, "cs").iter_sections()]


def test_trailing_list_of_links_is_the_see_also() -> None:
    # hand-made: an untitled-role last section that is only a list of internal links
    text = f"{LEAD}\n\n== History ==\n{BODY}\n\n== Mehr ==\n* [[Rivertown]]\n* [[Hilltown]]\n* [[Lake Town]]\n"
    a = _page(text, "xx")
    assert [x.target for x in a.see_also] == ["Rivertown", "Hilltown", "Lake Town"]
    assert [s.title for s in a.iter_sections()] == ["History"]


def test_bibliography_lines_go_wherever_they_are() -> None:
    # hand-made: one book line with its ISBN in an ordinary section
    text = f"{LEAD}\n\n== Books about it ==\n{BODY}\n* Big Book of Towns. Oxford, 1999. ISBN 978-0-19-852663-6\n"
    a = _page(text, "en")
    assert not any("ISBN" in t.text for t in a.iter_texts())
    assert a.stats["bibliography_lines_dropped"] == 1


@pytest.mark.parametrize(
    ("lang", "link"),
    [("ja", "[[ファイル:Map.png|サムネイル|250ピクセル|右|川の地図]]"), ("vi", "[[Tập tin:Map.png|nhỏ|phải|300px|Bản đồ sông]]"),
     ("el", "[[Αρχείο:Map.png|μικρογραφία|δεξιά|220px|Χάρτης]]"), ("uk", "[[Файл:Map.png|міні|праворуч|200пкс|Мапа]]"),
     ("de", "[[Datei:Map.png|mini|hochkant|Karte]]"), ("fr", "[[Fichier:Map.png|vignette|droite|Carte]]")],
)
def test_pictures_in_local_names_leave_no_options_in_text(lang: str, link: str) -> None:
    # hand-made: a picture written with the edition's own namespace and options; no <siteinfo>
    a = _page(f"{link}\n{LEAD}\n\n== History ==\n{BODY}\n", lang)
    assert len(a.images) == 1 and a.images[0].name == "Map.png"
    caption = link.rsplit("|", 1)[1].rstrip("]")
    assert a.images[0].caption == caption
    assert not any("|" in t.text or "px" in t.text for t in a.iter_texts())


def test_siteinfo_names_the_file_namespace() -> None:
    # hand-made: an edition whose File namespace ("Faili") no table knows, given by <siteinfo>
    site = SiteInfo("xxwiki", "", "", ((6, "Faili"), (14, "Jamii"), (6, "File")))
    text = f"[[Faili:Map.png|thumb|Ramani]]\n{LEAD}\n[[Jamii:Miji]]"
    a = _page(text, "sw", site)
    assert [(i.name, i.caption) for i in a.images] == [("Map.png", "Ramani")]
    assert a.categories == ("Miji",)
    assert "Ramani" not in " ".join(t.text for t in a.iter_texts())


@pytest.mark.parametrize("dump", ["jawiki", "ukwiki", "viwiki", "elwiki"])
def test_real_dumps_carry_their_namespaces(dump: str) -> None:
    path = DATA / "dumps" / f"{dump}-2023-truncated.xml.bz2"
    raw = next(iter_pages(path))
    assert raw.site is not None and raw.site.dbname == dump
    local = {"jawiki": "ファイル", "ukwiki": "Файл", "viwiki": "Tập tin", "elwiki": "Αρχείο"}[dump]
    assert names.namespace_kind(local, raw.lang, raw.site) == "file"


def test_every_local_picture_option_is_an_option() -> None:
    data = yaml.safe_load(NAMESPACES.read_text("utf-8"))
    for lang, words in data["image_options_local"].items():
        for w in words:
            assert names.is_image_option(w, lang), (lang, w)
    for unit in data["image_size_units"]:
        assert names.is_image_option(f"250{unit}") and names.is_image_option(f"x120{unit}"), unit
    assert not names.is_image_option("Ramani ya mji") and not names.is_image_option("1907")


def test_africaans_island_box_is_quick_facts() -> None:
    (raw,) = iter_pages(DATA / "wikitext" / "africaans.txt")
    a = process_page(raw)
    assert isinstance(a, Article) and a.quick_facts is not None
    rows = {r.label: " ".join(v.text for v in r.values) for r in a.quick_facts.rows}
    assert rows["Naam"] == "Groot-Brittanje"
    assert rows["Hoogste berg"] == "Ben Nevis"
    assert not any(v.endswith(".svg") for v in rows.values())
    assert a.stats["infoboxes_by_shape"] == 1


def test_a_many_line_template_below_the_lead_is_not_a_box() -> None:
    # hand-made: a navigation-box-shaped template at the page's end
    params = "".join(f"| group{i} = [[Town {i}]]\n" for i in range(8))
    a = _page(f"{LEAD}\n\n== History ==\n{BODY}\n{{{{Towns of the river\n{params}}}}}\n", "xx")
    assert a.quick_facts is None


def _lead_box(text: str) -> Template | None:
    """The first infobox-shaped (or infobox-named) template before the lead's text."""
    for node in mwparserfromhell.parse(text).nodes:
        if isinstance(node, Template):
            if is_infobox_shaped(node) or is_infobox_name(template_name(node)):
                return node
        elif isinstance(node, Text) and len(node.value.strip()) > 40:
            return None
    return None


@pytest.mark.slow
@pytest.mark.parametrize("dump", ["jawiki", "ukwiki", "viwiki", "elwiki"])
def test_every_infobox_shaped_template_of_the_real_dumps_is_quick_facts(
    dump: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """基礎情報 …, Картка:Таксономія (a colon in its name: not a parser function), Infobox …"""
    path = DATA / "dumps" / f"{dump}-2023-truncated.xml.bz2"
    boxed, missing = 0, []
    try:
        for raw in iter_pages(path):
            if raw.ns != 0 or raw.redirect:
                continue
            box = _lead_box(raw.text)
            if box is None or template_name(box) in NOT_INFOBOXES:
                continue
            a = process_page(raw)
            if isinstance(a, Article):
                boxed += 1
                if a.quick_facts is None:
                    missing.append(raw.title)
    except KidpediaError:
        pass  # a truncated dump: every page before the cut
    with capsys.disabled():
        print(f"\n{dump}: {boxed - len(missing)}/{boxed} pages with an infobox-shaped template have Quick facts")
    assert boxed > 50 and not missing, missing
