"""Quick facts on every real sample page with an infobox (the bundled enwiki dump and
tests/data/wikitext): golden boxes, parameter coverage, no markup residue."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from infobox_helpers import RESIDUE, first_infobox, infobox_pages

from kidpedia.model import Article, quick_facts_to_json
from kidpedia.wikitext.infobox import Box, displayable_params, family_for
from kidpedia.wikitext.parse import parse_with_context
from kidpedia.wikitext.templates import classify, new_context, template_name

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "quickfacts"
PAGES = infobox_pages()


@cache
def _article(title: str) -> Article:
    page = next(p for p in PAGES if p.title == title)
    return parse_with_context(page)[0]


def _golden_name(title: str) -> str:
    return re.sub(r"[^\w.,()-]+", "_", title) + ".json"


def test_sample_has_the_infobox_pages() -> None:
    assert len(PAGES) >= 70  # 50 in the dump, 21 wikitext pages


@pytest.mark.parametrize("title", [p.title for p in PAGES])
def test_quick_facts_match_golden(title: str, update_golden: bool) -> None:
    facts = _article(title).quick_facts
    assert facts is not None and facts.rows, title
    got = json.dumps(quick_facts_to_json(facts), ensure_ascii=False, indent=1) + "\n"
    path = GOLDEN / _golden_name(title)
    if update_golden:
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"no golden box {path.name}: run pytest --update-golden and review it"
    assert got == path.read_text(encoding="utf-8"), f"{title}: Quick facts changed (pytest --update-golden, review the diff)"


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _coverage() -> tuple[int, int, list[str]]:
    """(displayable parameters, those shown, the misses).

    A parameter counts when it is non-empty and MediaWiki shows it (the label tables'
    ``hidden`` lists say which it never shows: picture sizes, colours, footnote marks).
    It is shown when its text, or each of its lines, appears in the box (title,
    labels, values, picture caption), compared without spaces and punctuation. A
    parameter whose wikitext is not empty but renders to nothing counts as missed
    unless all it held was a template we drop on purpose (an icon).
    """
    total = shown = 0
    misses = []
    for page in PAGES:
        facts = _article(page.title).quick_facts
        assert facts is not None
        hay = _norm(" ".join(
            [facts.title, facts.image.caption if facts.image else ""]
            + [r.label + " " + " ".join(v.text for v in r.values) for r in facts.rows]
        ))
        tpl = first_infobox(page.text)
        ctx = new_context(title=page.title)
        box = Box.of(tpl, ctx)
        for key in displayable_params(box, family_for(template_name(tpl))):
            lines = [_norm(t.text) for t in box.items(key)]
            if not any(lines):
                dropped_only = all(classify(template_name(t)) == "drop" for t in box.params[key].filter_templates())
                if dropped_only and box.params[key].filter_templates():
                    continue
                total += 1
                misses.append(f"{page.title}: {key} (renders empty)")
                continue
            total += 1
            if _norm(box.plain(key)) in hay or all(line in hay for line in lines if line):
                shown += 1
            else:
                misses.append(f"{page.title}: {key} = {box.plain(key)[:50]!r}")
    return total, shown, misses


def test_parameters_mediawiki_shows_appear_as_rows() -> None:
    total, shown, misses = _coverage()
    share = shown / total
    print(f"\ninfobox parameters shown: {shown}/{total} = {share:.2%}; missed: {misses}")
    assert total > 1000
    assert share >= 0.95, misses


def test_no_markup_residue_in_any_label_or_value() -> None:
    bad = []
    for page in PAGES:
        facts = _article(page.title).quick_facts
        assert facts is not None
        strings = [facts.title] + ([facts.image.caption, facts.image.name] if facts.image else [])
        for row in facts.rows:
            strings.append(row.label)
            strings.extend(v.text for v in row.values)
        for s in strings:
            m = RESIDUE.search(s)
            if m:
                bad.append(f"{page.title}: {s[max(0, m.start() - 30): m.end() + 30]!r}")
    assert not bad, "\n".join(bad[:20])


def test_links_point_inside_their_text() -> None:
    for page in PAGES:
        facts = _article(page.title).quick_facts
        assert facts is not None
        for row in facts.rows:
            for v in row.values:
                for span in v.links:
                    assert 0 <= span.start < span.end <= len(v.text), (page.title, row.label)
                    assert span.target and span.target == span.target.strip()


def test_military_conflict_sides_are_columns() -> None:
    rows = {r.label: r for r in _article("American Revolutionary War").quick_facts.rows}  # type: ignore[union-attr]
    for label in ("Belligerents", "Commanders and leaders", "Strength", "Casualties and losses"):
        assert len(rows[label].values) == 2, label
    assert rows["Belligerents"].values[1].text.startswith("Kingdom of Great Britain")
    assert "George Washington" in rows["Commanders and leaders"].values[0].text
    assert "Thomas Gage" in rows["Commanders and leaders"].values[1].text
    assert "Thomas Gage" not in rows["Commanders and leaders"].values[0].text


def test_country_headers_and_coordinates() -> None:
    facts = _article("Algeria").quick_facts
    assert facts is not None
    headers = [r.label for r in facts.rows if r.header]
    assert headers[:3] == ["Independence from France", "Area", "Population"]
    rows = [(r.label, r.values[0].text) for r in facts.rows if not r.header]
    assert ("Capital", "Algiers, 36°42′N 3°13′E") in rows
    assert ("President", "Abdelaziz Bouteflika") in rows
    assert rows[rows.index(("Total", "2,381,741 km2 (919,595 sq mi) (10th)")) - 1][0] != "Total"  # area first
    assert ("Time zone", "CET (UTC+1)") in rows
    assert facts.coordinates == pytest.approx((36.7, 3.2167), abs=1e-3)
