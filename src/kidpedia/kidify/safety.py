"""What is not for children, at the article and the passage level, and in searches.

The policy is data (``rules/policy.yaml``, explained in docs/safety.md); the word
lists are data too (``rules/wordlists/``, matched by ``safety_words``). Here:

    clean(article, level)   -> the article without explicit sentences, profanity and
                               slurs (a section goes whole when most of it goes);
                               counts in article.stats
    judge(article, level)   -> Decision(keep, reason, detail) from the title,
                               categories, infobox type and text
    is_blocked_query(q)     -> safe search: refuse a query made of blocked words
    is_blocked_term(t)      -> the same test for a suggestion
    explain(article, level) -> the decision and every signal, for `kidpedia safety`

Levels are "strict", "default" (ages 8-13) and "loose".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from kidpedia import yamlload
from kidpedia.errors import UsageError
from kidpedia.kidify.safety_text import remove_spans, sentence_spans
from kidpedia.kidify.safety_words import Scan, prime, scan
from kidpedia.model import Article, FactRow, Image, QuickFacts, Section, Text, map_cells

__all__ = ["LEVELS", "Decision", "clean", "explain", "is_blocked_query", "is_blocked_term", "judge"]

LEVELS = ("strict", "default", "loose")


@dataclass(frozen=True)
class Decision:
    """Whether an article is kept; ``reason`` is a short key, ``detail`` says which signals fired."""

    keep: bool
    reason: str
    detail: str


# ---- the policy, loaded once ------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    name: str
    order: int
    remove_adult_sentences: bool
    explicit_sentence_score: float
    block_query_tiers: frozenset[str]
    adult_density_per_1000: float
    adult_density_min_hits: int
    removed_share_max: float


def _fullmatchers(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


@dataclass(frozen=True)
class Signals:
    """Title, category and infobox patterns that pick out a kind of article."""

    titles: dict[str, list[re.Pattern[str]]]
    categories: list[re.Pattern[str]]
    infobox: frozenset[str] = frozenset()

    @staticmethod
    def load(data: dict[str, Any]) -> Signals:
        titles = {lang: _fullmatchers(p or []) for lang, p in (data.get("titles") or {}).items()}
        infobox = frozenset(_infobox_name(n) for n in data.get("infobox") or [])
        return Signals(titles, _fullmatchers(data.get("categories") or []), infobox)

    def match(self, article: Article) -> str | None:
        """Why ``article`` fits (which title, category or infobox), or None."""
        for pat in self.titles.get(article.lang, []):
            if pat.fullmatch(article.title.strip()):
                return f"title {article.title!r} matches {pat.pattern!r}"
        for cat in article.categories:
            for pat in self.categories:
                if pat.fullmatch(cat.strip()):
                    return f"category {cat!r} matches {pat.pattern!r}"
        if article.quick_facts and _infobox_name(article.quick_facts.template) in self.infobox:
            return f"infobox type {article.quick_facts.template!r}"
        return None


@dataclass(frozen=True)
class Rule:
    reason: str
    level: str
    signals: Signals


@dataclass(frozen=True)
class KeepTopic:
    topic: str
    why: str
    signals: Signals


@dataclass(frozen=True)
class Policy:
    levels: dict[str, Level]
    reasons: dict[str, str]
    rules: tuple[Rule, ...]
    keep: tuple[KeepTopic, ...]
    default_level: str = "default"


def _infobox_name(name: str) -> str:
    name = re.sub(r"[_\s]+", " ", name.strip().lower())
    return name.removeprefix("infobox ")


@lru_cache(maxsize=1)
def policy() -> Policy:
    """rules/policy.yaml, compiled."""
    text = resources.files("kidpedia.kidify").joinpath("rules/policy.yaml").read_text("utf-8")
    data = yamlload.safe_load(text)
    levels = {
        name: Level(
            name=name,
            order=int(v["order"]),
            remove_adult_sentences=bool(v["remove_adult_sentences"]),
            explicit_sentence_score=float(v["explicit_sentence_score"]),
            block_query_tiers=frozenset(v["block_query_tiers"]),
            adult_density_per_1000=float(v["adult_density_per_1000"]),
            adult_density_min_hits=int(v["adult_density_min_hits"]),
            removed_share_max=float(v["removed_share_max"]),
        )
        for name, v in data["levels"].items()
    }
    rules = tuple(Rule(r["reason"], r["level"], Signals.load(r)) for r in data["exclude"])
    keep = tuple(KeepTopic(k["topic"], " ".join(k["why"].split()), Signals.load(k)) for k in data["keep_on_purpose"])
    return Policy(levels, dict(data["reasons"]), rules, keep, data.get("default_level", "default"))


def level_named(name: str) -> Level:
    levels = policy().levels
    if name not in levels:
        raise UsageError(f"unknown safety level {name!r}", "use " + ", ".join(LEVELS))
    return levels[name]


# ---- passages -----------------------------------------------------------------------------


@dataclass
class _Tally:
    seen: int = 0
    removed: int = 0
    explicit: int = 0  # removed for explicit words, insults or dense adult words (not strict-only)
    adult_words: int = 0  # adult-tier words in the text that was kept
    sections_removed: int = 0
    facts_removed: int = 0  # Quick facts values and rows
    log: list[tuple[str, str, str]] = field(default_factory=list)  # (where, why, passage)


_STRICT_ONLY = "adult word at strict level: "


def _passage_verdict(found: Scan, lv: Level) -> str | None:
    """Why a passage with these words must go, or None."""
    if found.strong:
        return "explicit word: " + ", ".join(sorted(set(found.strong)))
    if found.context:
        return "insult: " + ", ".join(sorted(set(found.context)))
    if found.explicit_score >= lv.explicit_sentence_score:
        return f"explicit: {len(found.adult)} adult words ({', '.join(sorted(set(found.adult)))})"
    if found.adult and lv.remove_adult_sentences:
        return _STRICT_ONLY + ", ".join(sorted(set(found.adult)))
    return None


def _clean_text(t: Text, lang: str, lv: Level, tally: _Tally, where: str) -> Text | None:
    """``t`` without its bad sentences (a list item goes whole); None when nothing is left.
    A table is judged cell by cell: a row with a cell that goes entirely goes too."""
    if t.table is not None:
        return map_cells(t, lambda cell: _clean_text(cell, lang, lv, tally, where), drop_row=True)
    spans = sentence_spans(t.text) if t.kind != "li" else [(0, len(t.text))]
    tally.seen += len(spans)
    found = scan(t.text, lang)
    cuts = []
    if _passage_verdict(found, lv) is not None:
        for a, b in spans:
            why = _passage_verdict(scan(t.text[a:b], lang), lv)
            if why:
                cuts.append((a, b))
                tally.explicit += not why.startswith(_STRICT_ONLY)
                tally.log.append((where, why, t.text[a:b].strip()))
    if not cuts:
        tally.adult_words += len(found.adult)
        return t
    tally.removed += len(cuts)
    cleaned = remove_spans(t, cuts)
    tally.adult_words += len(scan(cleaned.text, lang).adult)
    return cleaned if cleaned.text.strip() else None


def _clean_texts(texts: tuple[Text, ...], lang: str, lv: Level, tally: _Tally, where: str) -> tuple[Text, ...]:
    out = (_clean_text(t, lang, lv, tally, where) for t in texts)
    return tuple(t for t in out if t is not None)


def _clean_sections(sections: tuple[Section, ...], lang: str, lv: Level, tally: _Tally) -> tuple[Section, ...]:
    out = []
    for s in sections:
        if _is_bad_label(s.title, lang):
            gone = _Tally()
            _clean_sections((replace(s, title=""),), lang, lv, gone)
            tally.seen += gone.seen
            tally.removed += gone.seen
            tally.explicit += gone.seen
            tally.sections_removed += 1
            tally.log.append((s.title, "explicit word in the heading", "(whole section)"))
            continue
        own = _Tally()
        paragraphs = _clean_texts(s.paragraphs, lang, lv, own, s.title)
        if own.seen and own.removed * 2 > own.seen:  # most of it went: the rest goes too
            paragraphs = ()
            own.removed = own.seen
            own.adult_words = 0
            tally.sections_removed += 1
        tally.adult_words += own.adult_words
        tally.seen += own.seen
        tally.removed += own.removed
        tally.explicit += own.explicit
        tally.log.extend(own.log)
        children = _clean_sections(s.sections, lang, lv, tally)
        if paragraphs or children:
            out.append(replace(s, paragraphs=paragraphs, sections=children))
    return tuple(out)


def _is_bad_label(label: str, lang: str) -> bool:
    found = scan(label, lang)
    return bool(found.strong or found.context)


def _is_shown(image: Image, lang: str) -> bool:
    """A picture is shown only when its file name, caption and alt text are all fine."""
    return not any(_is_bad_label(t, lang) for t in (image.name, image.caption, image.alt) if t)


def _clean_quick_facts(qf: QuickFacts | None, lang: str, lv: Level, tally: _Tally) -> QuickFacts | None:
    if qf is None:
        return None
    rows = []
    for row in qf.rows:
        if _is_bad_label(row.label, lang):
            tally.facts_removed += 1
            continue
        values = tuple(v for v in row.values if not _is_bad_label(v.text, lang))
        tally.facts_removed += len(row.values) - len(values)
        if values or row.header or not row.values:
            rows.append(FactRow(row.label, values, row.header))
    image = qf.image if qf.image and _is_shown(qf.image, lang) else None
    title = "" if _is_bad_label(qf.title, lang) else qf.title
    return replace(qf, title=title, rows=tuple(rows), image=image)


def _passages(article: Article) -> Iterator[str]:
    """What ``_clean`` and ``_judgement`` ask ``scan`` of, ahead (for ``safety_words.prime``):
    the title, each passage (a table's caption and cells), heading and label."""
    yield article.title
    for s in article.iter_sections():
        yield s.title
    for t in article.iter_texts():
        if t.table is None:
            yield t.text
            continue
        yield t.table.caption
        for c in t.table.cells():
            yield c.text.text
    qf = article.quick_facts
    if qf is not None:
        yield qf.title
        yield from (row.label for row in qf.rows)
    for image in (*article.images, *((qf.image,) if qf is not None and qf.image else ())):
        yield from (image.name, image.caption, image.alt)
    yield from (f"{x.target} {x.text}" for x in article.see_also)
    yield from article.categories


def _clean(article: Article, lv: Level, tally: _Tally) -> Article:
    lang = article.lang
    prime(_passages(article), lang)
    lead = _clean_texts(article.lead, lang, lv, tally, "lead")
    sections = _clean_sections(article.sections, lang, lv, tally)
    stats = dict(article.stats)
    stats["passages_seen"] = tally.seen
    stats["passages_removed"] = tally.removed
    stats["passages_explicit"] = tally.explicit
    stats["sections_removed"] = tally.sections_removed
    quick_facts = _clean_quick_facts(article.quick_facts, lang, lv, tally)
    stats["facts_removed"] = tally.facts_removed
    stats["adult_words"] = tally.adult_words
    return replace(
        article,
        lead=lead,
        sections=sections,
        quick_facts=quick_facts,
        see_also=tuple(x for x in article.see_also if not _is_bad_label(f"{x.target} {x.text}", lang)),
        images=tuple(i for i in article.images if _is_shown(i, lang)),
        categories=tuple(c for c in article.categories if not _is_bad_label(c, lang)),
        stats=stats,
    )


def clean(article: Article, level: str = "default") -> Article:
    """``article`` without sentences holding explicit content, profanity or slurs.

    A list item goes whole; a section goes whole when most of its sentences go, or
    when its heading holds such a word. Link spans stay valid. Counts are recorded
    in ``stats``: passages_seen, passages_removed, sections_removed.
    """
    return _clean(article, level_named(level), _Tally())


# ---- articles -----------------------------------------------------------------------------


@dataclass
class _Judgement:
    fired: list[tuple[str, str]] = field(default_factory=list)  # (reason, why) that exclude
    stricter: list[tuple[str, str, str]] = field(default_factory=list)  # (level, reason, why)
    kept_for: list[KeepTopic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dense_at: list[str] = field(default_factory=list)  # levels at which the adult words are too dense


def _judgement(article: Article, lv: Level, explain: bool = False) -> _Judgement:
    pol = policy()
    j = _Judgement()
    title_words = scan(article.title, article.lang)
    if title_words.strong or title_words.context:
        words = sorted(set(title_words.strong + title_words.context))
        j.fired.append(("explicit-title", "the title holds " + ", ".join(w[0] + "*" * (len(w) - 1) for w in words)))
    for rule in pol.rules:
        why = rule.signals.match(article)
        if not why:
            continue
        if lv.order <= pol.levels[rule.level].order:
            j.fired.append((rule.reason, why))
        else:
            j.stricter.append((rule.level, rule.reason, why))
    j.kept_for = [k for k in pol.keep if k.signals.match(article)]
    _judge_text(article, lv, j, explain)
    return j


def _judge_text(article: Article, lv: Level, j: _Judgement, explain: bool = False) -> None:
    adult = article.stats.get("adult_words")
    text = article.plain_text() if adult or adult is None or explain else ""
    # The words are counted only for a density of some adult words: with none, the
    # density is 0 whatever the count (most articles: their whole text was split for it).
    words = max(1, len(text.split()))
    if adult is None or explain:
        found = scan(text, article.lang).adult
        adult = len(found)
        common = ", ".join(f"{w} x{found.count(w)}" for w in sorted(set(found), key=lambda w: -found.count(w))[:5])
        if adult:
            j.notes.append(f"adult words: {common}")
    density = adult * 1000 / words
    if adult:
        j.notes.append(f"{adult} adult words in {words} words ({density:.1f} per 1000)")
    j.dense_at = [name for name, other in policy().levels.items()
                  if adult >= other.adult_density_min_hits and density >= other.adult_density_per_1000]
    if lv.name in j.dense_at:
        why = f"adult words are dense: {density:.1f} per 1000 words (limit {lv.adult_density_per_1000:g})"
        if j.kept_for:
            j.notes.append(why + ", but the topic is kept on purpose")
        else:
            j.fired.append(("sexual-content", why))
    seen = article.stats.get("passages_seen", 0)
    removed = article.stats.get("passages_removed", 0)
    explicit = article.stats.get("passages_explicit", removed)
    if seen:
        share = explicit / seen
        if removed:
            j.notes.append(f"{removed} of {seen} passages removed, {explicit} of them explicit")
        if share > lv.removed_share_max:
            j.fired.append(("explicit-text", f"{share:.0%} of the passages were explicit (limit {lv.removed_share_max:.0%})"))


def _decision(j: _Judgement, article: Article) -> Decision:
    parts = [f"{reason}: {why}" for reason, why in j.fired]
    parts += [f"kept on purpose ({k.topic}): {k.why}" for k in j.kept_for]
    parts += [f"would be excluded at the {lvl} level as {reason}: {why}" for lvl, reason, why in j.stricter]
    parts += j.notes
    detail = "; ".join(parts) if parts else "no signal fired"
    if j.fired:
        return Decision(False, j.fired[0][0], detail)
    sensitive = bool(j.stricter or j.dense_at)
    return Decision(True, "kept-on-purpose" if j.kept_for and sensitive else "ok", detail)


def judge(article: Article, level: str = "default") -> Decision:
    """Keep or exclude ``article`` at ``level``, judged from its title, categories,
    infobox type and text (an article not yet cleaned is cleaned first, to count
    how much of it is explicit)."""
    lv = level_named(level)
    if "passages_seen" not in article.stats:
        article = _clean(article, lv, _Tally())
    return _decision(_judgement(article, lv), article)


def explain(article: Article, level: str = "default") -> str:
    """A report for a person: the decision, every signal, and each passage removed
    (explicit words masked)."""
    lv = level_named(level)
    tally = _Tally()
    cleaned = _clean(article, lv, tally) if "passages_seen" not in article.stats else article
    decision = _decision(_judgement(cleaned, lv, explain=True), cleaned)
    verdict = "KEPT" if decision.keep else "EXCLUDED"
    lines = [f"{article.title}: {verdict} at the {lv.name} level ({decision.reason})"]
    if decision.reason in policy().reasons and decision.reason != "ok":
        lines.append(f"  {decision.reason} means: {policy().reasons[decision.reason]}")
    lines += [f"  - {mask(part)}" for part in decision.detail.split("; ")]
    for where, why, passage in tally.log:
        lines.append(f"  removed from {where or 'a section'!r} ({mask(why)}): {mask(_short(passage))}")
    return "\n".join(lines) + "\n"


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def mask(text: str, lang: str = "en") -> str:
    """``text`` with each strong-tier word shown as its first letter and stars."""
    found = set(scan(text, lang).strong)
    for word in sorted(found, key=len, reverse=True):
        text = re.sub(re.escape(word), lambda m: m.group(0)[0] + "*" * (len(m.group(0)) - 1), text, flags=re.IGNORECASE)
    return text


# ---- searches -----------------------------------------------------------------------------


def is_blocked_query(query: str, lang: str = "en", level: str = "default") -> bool:
    """True when a search must not run: the query holds a strong word (or an insult),
    or, at the strict and default levels, an adult word. Tricks are undone first:
    leetspeak, spaced or masked letters, mixed case, accents, look-alike letters."""
    if not query or not query.strip():
        return False
    lv = level_named(level)
    found = scan(query, lang, query=True)
    return bool(found.strong or found.context or ("adult" in lv.block_query_tiers and found.adult))


def is_blocked_term(text: str, lang: str = "en", level: str = "default") -> bool:
    """True when a suggestion (a title or a word) must not be offered."""
    return is_blocked_query(text, lang, level)
