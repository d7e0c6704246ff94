"""Three reading levels of one article (pure functions: Article -> Article).

    at_level(article, level) -> Article      1 (ages 7-9), 2 (ages 10-12), 3 (as built)
    level_number(text) -> int | None         "1", "2", "3" from a URL or a flag

Level 3 is the cleaned article. Level 2 is every section, each sentence simplified
(``simplify``, level 2). Level 1 is short: the lead and the first sentences of the main
sections, simplified for level 1. Then, for each of levels 1 and 2, the hardest
sentences go, one at a time (never the article's first), while the article reads above
its target grade (FKGL 4 and 7): a child gets the sentences they can read, and the full
article stays one click away. Links are kept where their words survive; Quick facts,
pictures and See also are kept as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kidpedia.kidify import reading
from kidpedia.kidify.simplify import simplify
from kidpedia.model import Article, LinkSpan, Section, Text

LEVELS = (1, 2, 3)
DEFAULT_LEVEL = 3
TARGET_FKGL = {1: 4.0, 2: 7.0}
LEAST_SENTENCES = {1: 6, 2: 8}  # the fitting stops before a page has fewer sentences
LEVEL1_LEAD_PARAGRAPHS = 6
LEVEL1_SECTION_SENTENCES = 8


def level_number(value: object) -> int | None:
    """1, 2 or 3 from "1", 2, "level2"...; None when it is not a level."""
    text = str(value).strip().lower().removeprefix("level")
    return int(text) if text in ("1", "2", "3") else None


def _relink(old: Text, new_text: str) -> tuple[LinkSpan, ...]:
    """The old text's links, found again in the new text in order (a link whose words
    were cut or changed is dropped)."""
    spans: list[LinkSpan] = []
    pos = 0
    for span in old.links:
        words = old.text[span.start:span.end]
        at = new_text.find(words, pos) if words else -1
        if at >= 0:
            spans.append(LinkSpan(at, at + len(words), span.target))
            pos = at + len(words)
    return tuple(spans)


Groups = dict[str, list[str]]  # a simplified text -> what each of its sentences became


_SINGULAR = ("is", "was", "has", "had", "can", "could", "will", "would", "became", "lived", "died", "won", "wrote",
             "made", "moved", "married", "went", "worked", "played", "also", "then", "later", "did", "does")
_PLURAL = ("are", "were", "have", "had", "can", "could", "will", "would", "became", "live", "lived", "also", "do",
           "did", "then", "later")


def _pronoun(article: Article) -> tuple[str, ...]:
    """The names of the article's subject a level may say as a pronoun, and the pronoun:
    ("He", "Albert Einstein", "Einstein") for a man the lead calls "he"; ("It", title)
    for a thing; ("They", title) for a plural title ("Amphibians")."""
    if article.lang != "en":
        return ()
    title = article.title.split(" (")[0]
    lead = " ".join(t.text for t in article.lead).lower()
    he = len(re.findall(r"\b(?:he|his|him)\b", lead))
    she = len(re.findall(r"\b(?:she|her|hers)\b", lead))
    it = len(re.findall(r"\b(?:it|its)\b", lead))
    names = [title]
    if " " in title and title.split()[-1][:1].isupper():
        names.append(title.split()[-1])
    if he >= 2 and he > 2 * she and he >= it:
        return ("He", *names)
    if she >= 2 and she > 2 * he and she >= it:
        return ("She", *names)
    return ("It", title)


def _say_pronoun(sentence: str, pronoun: tuple[str, ...]) -> str:
    """A sentence after the article's first that opens with the subject's name says the
    pronoun instead ("Albert Einstein was born in Ulm." -> "He was born in Ulm.")."""
    if not pronoun:
        return sentence
    word, *names = pronoun
    for name in names:
        if sentence.startswith(name + " "):
            nxt = sentence[len(name) + 1:].split(" ", 1)[0]
            if word == "It" and name.endswith("s") and nxt in _PLURAL and nxt not in _SINGULAR[:4]:
                return "They " + sentence[len(name) + 1:]
            if nxt in _SINGULAR:
                return f"{word} " + sentence[len(name) + 1:]
    return sentence


def _simplify_text(t: Text, level: int, lang: str, groups: Groups, keep: int | None = None,
                   pronoun: tuple[str, ...] = (), opening: bool = False) -> Text | None:
    """One paragraph at a level: each sentence simplified (and, past the article's opening
    sentence, its subject's name said as a pronoun); ``groups`` learns what each became."""
    sents = reading.sentences(t.text) if t.kind == "p" else [t.text]
    if keep is not None:
        sents = sents[:keep]
    pieces = [s for s in (simplify(x, level, lang) for x in sents) if s]
    if pronoun and t.kind == "p":
        pieces = [" ".join(x if opening and i == j == 0 else _say_pronoun(x, pronoun)
                           for j, x in enumerate(reading.sentences(p))) for i, p in enumerate(pieces)]
    out = " ".join(pieces)
    if not out:
        return None
    groups[out] = pieces
    return replace(t, text=out, links=_relink(t, out))


def _texts(texts: tuple[Text, ...], level: int, lang: str, groups: Groups, keep: int | None = None,
           pronoun: tuple[str, ...] = (), lead: bool = False) -> tuple[Text, ...]:
    """Each paragraph at the level; a table stays as it is."""
    out = (t if t.table is not None else _simplify_text(t, level, lang, groups, keep, pronoun, lead and i == 0)
           for i, t in enumerate(texts))
    return tuple(x for x in out if x is not None)


def _level2(article: Article, groups: Groups) -> Article:
    lang, pronoun = article.lang, _pronoun(article)

    def walk(s: Section) -> Section:
        return replace(s, paragraphs=_texts(s.paragraphs, 2, lang, groups, pronoun=pronoun),
                       sections=tuple(walk(c) for c in s.sections))

    return replace(article, lead=_texts(article.lead, 2, lang, groups, pronoun=pronoun, lead=True),
                   sections=tuple(walk(s) for s in article.sections))


def _level1(article: Article, groups: Groups) -> Article:
    lead = tuple(t for t in article.lead if t.kind == "p")[:LEVEL1_LEAD_PARAGRAPHS]
    pronoun = _pronoun(article)
    sections = []
    for s in article.sections:
        first = next((t for t in s.paragraphs if t.kind == "p"), None)
        if first is None and s.sections:
            first = next((t for c in s.sections for t in c.paragraphs if t.kind == "p"), None)
        if first is None:
            continue
        paras = _texts((first,), 1, article.lang, groups, LEVEL1_SECTION_SENTENCES, pronoun)
        if paras:
            sections.append(Section(s.title, s.level, paras))
    return replace(article, lead=_texts(lead, 1, article.lang, groups, pronoun=pronoun, lead=True),
                   sections=tuple(sections))


def _grade(article: Article) -> float:
    m = article_totals(article)
    return m.fkgl if m.words else 0.0


def article_totals(article: Article) -> reading.Measures:
    total = reading.Measures(article.lang, 0, 0, 0, 0, 0.0)
    for t in _body(article):
        total = total + reading.measure(t.text, article.lang, familiarity=False)
    return total


def _body(article: Article) -> list[Text]:
    """The article's prose, in reading order (tables are not prose: not measured, kept)."""
    out = [t for t in article.lead if t.table is None]
    for s in article.iter_sections():
        out.extend(t for t in s.paragraphs if t.table is None)
    return out


_LEADS_ON = re.compile(r"(?::|\bas follows\.|\bthe following\.|\bbelow\.)$")


def readable(unit: str) -> bool:
    """What a sentence became can be shown on its own: each of its sentences has three
    words or more, its quotation marks and brackets closed, and is not a lead-in to a list
    the level leaves out ("... as follows:")."""
    for sentence in reading.sentences(unit):
        words = sentence.split()
        if (len(words) < 3 or sentence.count('"') % 2 or sentence.count("(") != sentence.count(")")
                or _LEADS_ON.search(sentence)):
            return False
    return True


def _units(t: Text, groups: Groups) -> list[str]:
    """What one level-3 sentence became (one or a few sentences), in order: the fitting
    keeps or drops each whole, so a kept sentence keeps all its facts."""
    return groups.get(t.text) or reading.sentences(t.text)


def _fit(article: Article, target: float, least: int, groups: Groups) -> Article:
    """Drop the hardest sentence (never the first) while the article reads above target."""
    if article.lang != "en":
        return article  # FKGL is the English grade: other languages keep every sentence
    sents = [(i, j, s) for i, t in enumerate(_body(article)) for j, s in enumerate(_units(t, groups))]
    measures = {(i, j): reading.measure(s, article.lang, familiarity=False) for i, j, s in sents}
    total = sum(measures.values(), reading.Measures(article.lang, 0, 0, 0, 0, 0.0))
    dropped = {(i, j) for i, j, s in sents if (i, j) != (0, 0) and not readable(s)}
    for key in dropped:
        total = _minus(total, measures[key])
    order = sorted(measures, key=lambda k: -measures[k].fkgl)
    for key in order:
        if total.words == 0 or total.fkgl <= target:
            break
        if key == (0, 0) or key in dropped or measures[key].fkgl <= target:
            continue
        rest = _minus(total, measures[key])
        if rest.sentences < least:
            break
        total = rest
        dropped.add(key)
    if not dropped:
        return article
    return _without(article, dropped, groups)


def _minus(a: reading.Measures, b: reading.Measures) -> reading.Measures:
    return reading.Measures(a.lang, a.sentences - b.sentences, a.words - b.words,
                            a.syllables - b.syllables, a.rare - b.rare, a.zipf_sum - b.zipf_sum)


def _without(article: Article, dropped: set[tuple[int, int]], groups: Groups) -> Article:
    counter = iter(range(10**9))

    def keep(texts: tuple[Text, ...]) -> tuple[Text, ...]:
        out = []
        for t in texts:
            if t.table is not None:
                out.append(t)
                continue
            i = next(counter)
            kept = [s for j, s in enumerate(_units(t, groups)) if (i, j) not in dropped]
            if kept:
                text = " ".join(kept)
                out.append(replace(t, text=text, links=_relink(t, text)))
        return tuple(out)

    def walk(s: Section) -> Section:
        paras = keep(s.paragraphs)
        return replace(s, paragraphs=paras, sections=tuple(walk(c) for c in s.sections))

    lead = keep(article.lead)
    sections = tuple(walk(s) for s in article.sections)
    return replace(article, lead=lead, sections=tuple(s for s in sections if _has_text(s)))


def _has_text(s: Section) -> bool:
    return bool(s.paragraphs) or any(_has_text(c) for c in s.sections)


def at_level(article: Article, level: int) -> Article:
    """The article at reading level 1, 2 or 3 (see the module docstring)."""
    if level not in LEVELS:
        raise ValueError(f"no reading level {level!r}: use 1, 2 or 3")
    if level == 3:
        return article
    groups: Groups = {}
    shaped = _level1(article, groups) if level == 1 else _level2(article, groups)
    return _fit(shaped, TARGET_FKGL[level], LEAST_SENTENCES[level], groups)


def fact_retention(article: Article, level: int) -> tuple[int, int, int, int]:
    """How well a level keeps the facts of the sentences it keeps: (kept, stated, unchanged,
    shown). ``stated`` counts the numbers and names (``simplify.facts``, less the words of the
    title, which heads every level) of each level-3 sentence whose simplified form the level
    shows; ``kept`` those of them the level's text still states, unchanged. ``shown`` counts
    the facts the level's text states and ``unchanged`` those the level-3 article states too
    (a number rounded to words is the same number: "3 million" for 3,000,000)."""
    from kidpedia.kidify.simplify import drop_parentheticals, facts

    at = at_level(article, level)
    lang = article.lang
    title_words = set(reading.words(article.title))
    shown_text = " ".join(t.text for t in _body(at))
    shown_sents = set(reading.sentences(shown_text))
    shown_facts = facts(shown_text) - title_words
    stated = kept = 0
    for t in _body(article):
        for s in (reading.sentences(t.text) if t.kind == "p" else [t.text]):
            out = reading.sentences(simplify(s, level, lang)) if level < 3 else [s]
            if not any(o in shown_sents for o in out):
                continue
            want = facts(drop_parentheticals(s)) - title_words
            stated += len(want)
            kept += sum(1 for f in want if f in shown_facts or _said(f, shown_text))
    source_facts = facts(" ".join(t.text for t in _body(article)))
    return kept, stated, len(shown_facts & source_facts), len(shown_facts)


def _said(fact: str, text: str) -> bool:
    """The fact stands in the text as a word of its own (a name that now opens a sentence)."""
    import re

    return re.search(rf"(?<![\w,.]){re.escape(fact)}(?![\w]|[,.]\d)", text) is not None
