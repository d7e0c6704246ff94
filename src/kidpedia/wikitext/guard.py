"""The last guard on an Article from wikitext: no markup ever reaches a reader.

Whatever the parse left that still looks like wikitext or HTML (the markers of the
property test: ``{{``, ``[[``, ``''``, ``{|``, ``<ref``, ``&nbsp;``, ...) is repaired
when it is a stray token (removed, or an entity turned into its character), and a
paragraph that still looks like markup after that (table rows, template
parameters, a run of code) is dropped and counted (``stats["markup_dropped"]``,
``markup-dropped`` in the build summary). Quick facts rows and section titles are
repaired the same way; so is each cell of a table (a cell that still looks like
markup is emptied and counted).
"""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter
from dataclasses import fields, is_dataclass, replace
from typing import TypeVar

from kidpedia.model import Article, FactRow, LinkSpan, QuickFacts, Section, Text, map_cells
from kidpedia.wikitext.inline import LITERAL_LT, TextBuilder, cut_ranges

_T = TypeVar("_T")

# What a reader must never see (the property test's markers).
RESIDUE = re.compile(
    r"\{\{|\}\}|\[\[|\]\]|<ref|</ref|'''|''|\{\||\|\}|^\|-|\n\|-|__[A-Z]+__|&nbsp;|&amp;|&lt;|&gt;|&quot;"
    r"|<!--|-->|<br|</?(?:span|div|small|sup|sub|center|font|table|td|tr|th)\b|\[https?://",
    re.MULTILINE,
)
# Stray tokens a repair removes (an entity is replaced by its character).
_STRAY = re.compile(
    r"\{\{|\}\}|\[\[|\]\]|'{2,}|\{\||\|\}|__[A-Z]+__|<!--|-->|&[a-zA-Z]+;|&#\d+;"
    r"|</?(?:ref|references|br|span|div|small|big|sup|sub|center|font|table|td|tr|th|p|i|b|u|s|abbr|nowiki)\b[^<>]*/?>"
    r"|<ref\b[^<>]*$|\[(?=https?://)",
    re.IGNORECASE | re.MULTILINE,
)
# Picture options left by a broken file link ("nhỏ|321x321px|", "Map.png|thumb|250px|"):
# found from the size and walked back over at most PICTURE_OPTION_PARTS "|" parts. Never a
# regex starting with \S* or [^|]*: scanning a whole run from each position of a long word
# or an "a|a|a|…" run is quadratic (12 s for one 64 KB page).
_PICTURE_SIZE = re.compile(r"\|\d*x?\d+px(?=\|)", re.IGNORECASE)
PICTURE_OPTION_PARTS = 5


def _picture_options(text: str) -> list[tuple[int, int]]:
    """Spans of picture options: each size with the "|" parts before it (linear)."""
    spans: list[tuple[int, int]] = []
    floor = 0
    for m in _PICTURE_SIZE.finditer(text):
        bar = m.start()  # the "|" that ends the part before the size
        start = bar
        for _ in range(PICTURE_OPTION_PARTS):
            start = bar
            while start > floor and text[start - 1] != "|" and not text[start - 1].isspace():
                start -= 1
            if start > floor and text[start - 1] == "|":
                bar = start - 1
            else:
                break
        end = m.end() + 1  # with the "|" after the size
        if spans and start <= spans[-1][1]:
            start = spans.pop()[0]
        spans.append((start, end))
        floor = end
    return spans


# What every match of _STRAY and _PICTURE_SIZE holds: most paragraphs hold none of it,
# and this one scan is far cheaper than theirs (_STRAY has an alternative at "^"). It is
# [{}\[\]<&|]|''|__|--> written as one class first (the one character of the first
# alternative, the first of '' and __, the last of -->), then a look back at it: the scan
# stops only at those characters, not at every position to try four alternatives.
_MAYBE_STRAY = re.compile(r"[{}\[\]<&|'_>](?:(?<=[{}\[\]<&|])|(?<=')'|(?<=_)_|(?<=-->))")


def _stray_spans(text: str) -> list[tuple[int, int]]:
    """Stray tokens and picture options, in order, none overlapping an earlier one."""
    if _MAYBE_STRAY.search(text) is None:
        return []
    found = sorted([m.span() for m in _STRAY.finditer(text)] + _picture_options(text))
    out: list[tuple[int, int]] = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out
# What a paragraph of prose never holds: a table row, a template parameter, a bare tag.
_MARKUP_SHAPE = re.compile(
    r"^\s*[|!]|\|\s*-|\|\|\s*\S|\|\s*[\w\- ]{1,30}=|\b(?:class|style|cellpadding|colspan|rowspan|align|width)\s*=\s*\""
    r"|\b(?:cite (?:web|book|news|journal))\b|\[https?://",
    re.IGNORECASE,
)
MAX_PARAGRAPH = 5000
# What every match of RESIDUE or _MARKUP_SHAPE holds (with the same IGNORECASE for "cite"):
# one of these characters, '' __ -->, or "cite". A paragraph without any of it is prose,
# found in cheap scans: a character class, three substrings in C, one word (the five as
# one IGNORECASE alternation tried each of them at every position).
_MARKUP_CHAR = re.compile(r"""[{}\[\]<&|!"]""")
_CITE = re.compile("cite", re.IGNORECASE)


def maybe_markup(text: str) -> bool:
    """Whether ``text`` holds what every match of RESIDUE or _MARKUP_SHAPE holds."""
    return (_MARKUP_CHAR.search(text) is not None or "''" in text or "__" in text or "-->" in text
            or _CITE.search(text) is not None)


def repair(t: Text) -> Text:
    """``t`` with stray markup tokens removed (outside its links) and entities decoded."""
    spans = _stray_spans(t.text)
    if not spans:
        return t
    text, links = t.text, list(t.links)
    out: list[str] = []
    shifts: list[tuple[int, int]] = []  # (position in the old text, shift from there on)
    pos = delta = 0
    for start, end in spans:
        if any(s.start < end and start < s.end for s in links):
            continue
        token = text[start:end]
        new = html.unescape(token) if token.startswith("&") else (" " if token.lower().startswith("<br") else "")
        if new == token:
            continue
        out.append(text[pos:start])
        out.append(new)
        delta += len(new) - len(token)
        shifts.append((end, delta))
        pos = end
    out.append(text[pos:])

    def moved(i: int) -> int:
        d = 0
        for stop, total in shifts:
            if stop > i:
                break
            d = total
        return i + d

    b = TextBuilder()
    b.add_text(Text("".join(out), tuple(LinkSpan(moved(s.start), moved(s.end), s.target) for s in links)))
    built = b.build(t.kind)
    return replace(t, text=built.text, links=built.links)


# RESIDUE and _MARKUP_SHAPE, alternative by alternative, as scans that open with a character
# (each a class the regex engine looks for in C; their alternatives at a line's start or a
# word boundary made both try every position): found where either finds something.
_RESIDUE_AT_CHAR = re.compile(RESIDUE.pattern.replace(r"|^\|-|", "|"))
_SHAPE_AT_START = re.compile(r"\s*[|!]")
_SHAPE_AT_CHAR = re.compile(r"\|\s*-|\|\|\s*\S|\|\s*[\w\- ]{1,30}=|\[https?://", re.IGNORECASE)
_SHAPE_ATTRIBUTE = re.compile(r"\b(?:class|style|cellpadding|colspan|rowspan|align|width)\s*=\s*\"", re.IGNORECASE)
_SHAPE_CITE = re.compile(r"\b(?:cite (?:web|book|news|journal))\b", re.IGNORECASE)


def _residue_or_shape(text: str) -> bool:
    """``RESIDUE.search(text) or _MARKUP_SHAPE.search(text)`` found something."""
    return (text.startswith("|-") or _RESIDUE_AT_CHAR.search(text) is not None
            or _SHAPE_AT_START.match(text) is not None or _SHAPE_AT_CHAR.search(text) is not None
            or ('"' in text and "=" in text and _SHAPE_ATTRIBUTE.search(text) is not None)
            or (_CITE.search(text) is not None and _SHAPE_CITE.search(text) is not None))


def looks_like_markup(text: str) -> bool:
    """Still wikitext after repair: a table row, template parameters, a tag, or a run too long for prose."""
    if len(text) > MAX_PARAGRAPH:
        return True
    return maybe_markup(text) and _residue_or_shape(text)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？])(?=\S)")


def cut(t: Text, ranges: list[tuple[int, int]]) -> Text:
    """``t`` without the character ranges (sorted, disjoint); links inside them go, others move."""
    text, links = cut_ranges(t.text, t.links, ranges)
    b = TextBuilder()
    b.add_text(Text(text, tuple(links)))
    built = b.build(t.kind)
    return replace(t, text=built.text, links=built.links)


def without_last_sentence(t: Text) -> Text | None:
    """``t`` less its last sentence (a lead-in to something removed), or None if it has one."""
    ends = [m.end() for m in _SENTENCE_END.finditer(t.text.rstrip())]
    return cut(t, [(ends[-1], len(t.text))]) if ends else None


def _without_markup_sentences(t: Text, stats: Counter[str]) -> Text:
    """A paragraph whose markup is confined to some sentences keeps the others."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(t.text)] + [len(t.text)]
    bad = [(a, b) for a, b in itertools.pairwise(bounds) if looks_like_markup(t.text[a:b])]
    if not bad or len(bad) == len(bounds) - 1:
        return t
    stats["markup_sentences_dropped"] += len(bad)
    return cut(t, bad)


def _clean_cell(cell: Text, stats: Counter[str]) -> Text | None:
    """A table cell repaired, or None (emptied, counted) when it still looks like markup."""
    if len(cell.text.strip()) == 1:
        return cell  # one character is the character itself ("|" in a table of ASCII codes)
    fixed = repair(cell)
    if looks_like_markup(fixed.text):
        stats["markup_dropped"] += 1
        return None
    if fixed is not cell:
        stats["markup_repaired"] += 1
    return fixed


def _clean_paragraphs(paragraphs: tuple[Text, ...], stats: Counter[str]) -> tuple[Text, ...]:
    out = []
    for p in paragraphs:
        if p.table is not None:
            table = map_cells(p, lambda c: _clean_cell(c, stats))
            if table is not None:
                out.append(table if table != p else p)
            continue
        fixed = repair(p)
        if looks_like_markup(fixed.text):  # (asked again only of what it changed)
            fixed = _without_markup_sentences(fixed, stats)
            if looks_like_markup(fixed.text):
                stats["markup_dropped"] += 1
                continue
        if fixed is not p:
            stats["markup_repaired"] += 1
        if fixed.text:
            out.append(fixed)
    return tuple(out)


def _clean_sections(sections: tuple[Section, ...], stats: Counter[str]) -> tuple[Section, ...]:
    out = []
    for s in sections:
        paragraphs = _clean_paragraphs(s.paragraphs, stats)
        children = _clean_sections(s.sections, stats)
        if paragraphs or children:
            out.append(replace(s, title=repair(Text(s.title)).text, paragraphs=paragraphs, sections=children))
    return tuple(out)


def _clean_facts(qf: QuickFacts) -> QuickFacts:
    rows = []
    for r in qf.rows:
        values = tuple(v for v in (repair(v) for v in r.values) if v.text and not RESIDUE.search(v.text))
        label = repair(Text(r.label)).text
        if r.header or values:
            rows.append(FactRow(label, values, r.header) if values or r.header else r)
    return replace(qf, title=repair(Text(qf.title)).text, rows=tuple(rows))


def guard(article: Article) -> Article:
    """The article with markup repaired or dropped; ``stats`` counts what was done. A "<"
    the page writes as text (``inline.LITERAL_LT``) is itself again after the repair."""
    checked = _guard(article)
    return _literal_lt(checked) if article.stats.get("literal_lt") else checked


def _literal_lt(obj: _T) -> _T:
    """``obj`` (an Article or one of its parts) with each ``LITERAL_LT`` back as "<": one
    character for one, so every link span stays where it is."""
    if isinstance(obj, str):
        return obj.replace(LITERAL_LT, "<") if LITERAL_LT in obj else obj  # type: ignore[return-value]
    if isinstance(obj, tuple):
        return tuple(_literal_lt(x) for x in obj)  # type: ignore[return-value]
    if is_dataclass(obj) and not isinstance(obj, type):
        return replace(obj, **{f.name: _literal_lt(getattr(obj, f.name)) for f in fields(obj) if f.name != "stats"})
    return obj


def _guard(article: Article) -> Article:
    stats: Counter[str] = Counter()
    lead = _clean_paragraphs(article.lead, stats)
    sections = _clean_sections(article.sections, stats)
    qf = _clean_facts(article.quick_facts) if article.quick_facts else None
    if not stats and qf == article.quick_facts and sections == article.sections:  # (a repaired title is no stat)
        return article
    merged = dict(article.stats)
    for k, v in stats.items():
        merged[k] = merged.get(k, 0) + v
    return replace(article, lead=lead, sections=sections, quick_facts=qf, stats=merged)
