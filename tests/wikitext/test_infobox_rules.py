"""Every entry of every infobox label table (rules/infobox/*.yaml) works on its own test case.

An entry with ``test:`` is checked against it: the parameters become an infobox of
the family's first template, and a row must have the expected label and values
(``null`` as the value: a header row). An entry written ``Label: param`` is tested
with a sample value for its first parameter; any other entry must carry a test.
"""

from __future__ import annotations

import re

import mwparserfromhell
import pytest

from kidpedia.model import QuickFacts
from kidpedia.wikitext.infobox import (
    Entry,
    Family,
    extract_quick_facts,
    families,
    humanise,
    is_infobox_name,
)
from kidpedia.wikitext.templates import new_context

SIMPLE = re.compile(r"^\{([^{}|\[\]@]+)\}$")


def _cases() -> list[tuple[Family, Entry]]:
    out = []

    def walk(fam: Family, entries: tuple[Entry, ...]) -> None:
        for e in entries:
            bare_header = e.kind in ("header", "section") and not e.values and not e.test
            if not bare_header and e.kind != "repeat":  # a header with nothing under it is never shown: rows test it
                out.append((fam, e))
            walk(fam, e.entries)

    for fam in families():
        walk(fam, fam.entries)
    return out


CASES = _cases()


def _box(fam: Family, params: dict[str, object]) -> QuickFacts:
    template = min(fam.templates) if fam.templates else "infobox thing"
    body = "".join(f"\n| {k} = {v}" for k, v in params.items())
    tpl = mwparserfromhell.parse("{{" + template + body + "\n}}").filter_templates(recursive=False)[0]
    return extract_quick_facts(tpl, new_context(title="Test page"))


def _test_of(entry: Entry) -> dict[str, object] | None:
    if entry.test is not None:
        return dict(entry.test)
    m = SIMPLE.match(entry.values[0]) if entry.kind == "row" and len(entry.values) == 1 else None
    if m and "{" not in entry.label:
        param = m.group(1).split(",")[0].strip().replace("#", "1")
        return {param: "Sample value", "expect": [entry.label, "Sample value"]}
    return None


@pytest.mark.parametrize("fam,entry", CASES, ids=[e.source for _, e in CASES])
def test_entry(fam: Family, entry: Entry) -> None:
    case = _test_of(entry)
    assert case is not None, f"{entry.source}: an entry that is not 'Label: param' needs a test case"
    expect = case.pop("expect")
    assert isinstance(expect, list)
    facts = _box(fam, case)
    rows = [(r.label, [v.text for v in r.values], r.header) for r in facts.rows]
    label, values = expect[0], expect[1:]
    if values == [None]:
        assert (label, [], True) in rows, rows
    else:
        assert (label, values, False) in rows, rows


def test_every_family_names_its_templates() -> None:
    for fam in families()[1:]:
        assert fam.templates, fam.name
        for name in fam.templates:
            assert name == name.lower(), name


def test_no_template_in_two_families() -> None:
    seen: dict[str, str] = {}
    for fam in families()[1:]:
        for name in fam.templates:
            assert name not in seen, f"{name} in {seen.get(name)} and {fam.name}"
            seen[name] = fam.name


def test_unknown_infobox_gets_humanised_labels() -> None:
    tpl = mwparserfromhell.parse(
        "{{Infobox garden gnome\n| name = Gnomey\n| hat_colour = [[Red]]\n| years_active = 1990–present\n"
        "| image_size = 200px\n| DateOfBirth = 1 May 1990\n}}"
    ).filter_templates()[0]
    facts = extract_quick_facts(tpl, new_context(title="Gnome"))
    assert facts.title == "Gnomey"
    assert [(r.label, r.values[0].text) for r in facts.rows] == [
        ("Hat colour", "Red"), ("Years active", "1990–present"), ("Date of birth", "1 May 1990"),
    ]
    assert facts.rows[0].values[0].links[0].target == "Red"


def test_humanise() -> None:
    assert humanise("years_active") == "Years active"
    assert humanise("Pole_Rider_MotoGP") == "Pole rider MotoGP"
    assert humanise("OfficialLang") == "Official lang"


def test_infobox_names() -> None:
    assert is_infobox_name("infobox country")
    assert is_infobox_name("speciesbox")
    assert not is_infobox_name("infobox spaceflight/ip")
    assert not is_infobox_name("navbox")


def test_numbered_pairs_and_sides() -> None:
    tpl = mwparserfromhell.parse(
        "{{Infobox military conflict|conflict=War|combatant1=[[A]]|combatant2=[[B]]|combatant3=[[C]]"
        "|commander1=X|commander2=Y|casualties1=1|strength2=9}}"
    ).filter_templates()[0]
    rows = {r.label: [v.text for v in r.values] for r in extract_quick_facts(tpl, new_context()).rows}
    assert rows["Belligerents"] == ["A", "B", "C"]
    assert rows["Commanders and leaders"] == ["X", "Y"]
    assert rows["Strength"] == ["", "9"]
    assert rows["Casualties and losses"] == ["1"]


def test_empty_parameters_and_rows_are_dropped() -> None:
    tpl = mwparserfromhell.parse(
        "{{Infobox country|conventional_long_name=Land|capital=<!-- none -->|area_km2=|currency={{increase}}"
        "|leader_title1=King}}"
    ).filter_templates()[0]
    facts = extract_quick_facts(tpl, new_context())
    assert all(r.header or any(v.text for v in r.values) for r in facts.rows)
    assert not any(r.header for r in facts.rows)  # "Area" and "Government" have no rows under them
    assert "Capital" not in [r.label for r in facts.rows]
