"""Things to do with what an article knows: a quiz, a timeline, "Did you know?" facts.

    fact_answers(article) -> list[FactAnswer]     the Quick facts a quiz can ask about
    make_quiz(article, answers, pools) -> list[Question]
    timeline(article) -> list[Event]              dated sentences, in date order
    did_you_know(article) -> str                  one short fact from the lead
    is_good(article) -> bool                      worth offering to explore

Pure functions (no database): ``store/explore.py`` runs them over a whole edition at
the end of a build, gathering each field's answers across similar articles first, so
that a question's wrong choices come from the same field of similar articles ("When
was Albert Einstein born?" offers other scientists' birthdays). The questions are
data (``rules/quiz.yaml``); choices are shuffled by a hash of the title, never by a
random source, so the same database gives the same quiz.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from kidpedia import yamlload
from kidpedia.kidify.reading import sentences
from kidpedia.model import Article

QUIZ_MAX = 5
QUIZ_MIN = 3
CHOICES = 4
ANSWER_MAX = 60
TIMELINE_MAX = 12
TIMELINE_MIN = 2
EVENT_MAX = 260
GOOD_LEAD = 80
GOOD_WORDS = 250

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_MONTH = r"(?:" + "|".join(m.capitalize() for m in _MONTHS) + r")"
YEAR = r"(?:1\d{3}|20\d{2}|\d{1,3}(?=\s?(?:BC|BCE|AD|CE)\b))"
_ERA = r"(?:\s?(?:BC|BCE|AD|CE)\b)?"
# "14 March 1879", "March 14, 1879", "March 1879", "in 1905" ("1905" alone after a date word)
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}}) (?P<m1>{_MONTH}) (?P<y1>{YEAR}){_ERA}"
    rf"|(?P<m2>{_MONTH}) (?P<d2>\d{{1,2}}), (?P<y2>{YEAR}){_ERA}"
    rf"|(?P<m3>{_MONTH}) (?P<y3>{YEAR}){_ERA}"
    rf"|(?P<y4>{YEAR}){_ERA})(?![\d,.]\d|s\b|['’]s\b|\s?(?:%|km|kg|m\b|metres|meters|miles|people|feet))"
)
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|In|on|On|by|By|since|Since|from|From|until|Until|till|during|During|around|Around|"
    r"after|After|before|Before|of|year|early|late|mid|c\.|circa|and|to|Between|between)\s+(?:the\s+)?$)|[(–-]\s?$"
)
_PARENS = re.compile(r"\s*\([^()]*\)")


@dataclass(frozen=True)
class Rule:
    labels: tuple[str, ...]
    question: str
    kind: str  # date | place | text
    example: dict[str, str]
    fact: str = ""  # how "Did you know?" says it: "{title} was born on {answer}."


@dataclass(frozen=True)
class FactAnswer:
    """One Quick facts row a quiz can ask about: its field, the answer, the question."""

    field: str  # the label key ("born")
    label: str  # as shown ("Born")
    answer: str
    question: str
    kind: str
    fact: str = ""  # the answer as a sentence, where the rule says how


@dataclass(frozen=True)
class Question:
    question: str
    choices: tuple[str, ...]
    answer: int  # index of the right choice
    field: str

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "choices": list(self.choices), "answer": self.answer,
                "field": self.field}


@dataclass(frozen=True)
class Event:
    date: str  # as written in the sentence ("14 March 1879")
    year: int  # negative for BC
    month: int  # 0 when unknown
    day: int  # 0 when unknown
    text: str  # the sentence the date comes from

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date, "year": self.year, "month": self.month, "day": self.day, "text": self.text}


@lru_cache(maxsize=1)
def _all_rules() -> dict[str, tuple[Rule, ...]]:
    text = resources.files("kidpedia.kidify").joinpath("rules/quiz.yaml").read_text("utf-8")
    return {
        lang: tuple(Rule(tuple(r["labels"]), r["question"], r["kind"], r.get("example", {}), r.get("fact", ""))
                    for r in rules)
        for lang, rules in yamlload.safe_load(text).items()
    }


def rules(lang: str = "en") -> tuple[Rule, ...]:
    return _all_rules().get(lang, ())


def label_key(label: str) -> str:
    """"Spouse(s)" -> "spouse", "Official languages:" -> "official languages"."""
    return re.sub(r"\(s\)|[\s:.*]+$", "", label.strip().lower()).strip()


@lru_cache(maxsize=32)
def _rule_index(lang: str) -> dict[str, list[Rule]]:
    index: dict[str, list[Rule]] = {}
    for r in rules(lang):
        for label in r.labels:
            index.setdefault(label, []).append(r)
    return index


@lru_cache(maxsize=32)
def _all_labels(lang: str) -> frozenset[str]:
    return frozenset(_rule_index(lang))


def _first_date(value: str) -> str | None:
    for m in _DATE.finditer(value):
        return m.group(0).strip()
    return None


def answer_of(value: str, kind: str) -> str | None:
    """The short answer a row's value gives: its first date, or its first item."""
    if kind == "date":
        return _first_date(value)
    if kind == "place":  # what follows the date: "14 March 1879, Ulm, ..." -> "Ulm"
        date = _DATE.search(value)
        if date is None:
            return None
        value = value[date.end():].lstrip(" ,;:")
        if _DATE.match(value) or not value[:1].isupper():
            return None
    item = _PARENS.sub("", value).split(",")[0].split(";")[0].strip(" .")
    item = re.sub(r"\s+", " ", item)
    if not item or len(item) > ANSWER_MAX or item.lower() in {"yes", "no", "none", "see text", "unknown"}:
        return None
    return item


def fact_answers(article: Article) -> list[FactAnswer]:
    """The Quick facts rows of ``article`` that a quiz rule asks about (one per field)."""
    qf = article.quick_facts
    if qf is None:
        return []
    index = _rule_index(article.lang)
    out: list[FactAnswer] = []
    seen: set[str] = set()
    for row in qf.rows:
        if row.header or len(row.values) != 1:
            continue
        for rule in index.get(label_key(row.label), []):
            if rule.question in seen:
                continue
            answer = answer_of(row.values[0].text, rule.kind)
            if not answer or answer.lower() in _all_labels(article.lang):
                continue  # "Largest city: capital" says nothing to ask about
            seen.add(rule.question)
            field = rule.labels[0] + ("/" + rule.kind if rule.kind == "place" else "")
            fact = rule.fact.format(title=article.title, answer=answer) if rule.fact else ""
            out.append(FactAnswer(field, row.label, answer, rule.question.format(title=article.title), rule.kind,
                                  fact))
    return out


def _seed(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256("\x1f".join(parts).encode()).digest()[:8], "big")


def _shifted_dates(answer: str, seed: int) -> list[str]:
    """Wrong dates for a date answer when similar articles give too few: the same date
    some years away (a fallback only)."""
    m = re.search(r"\d{3,4}", answer)
    if not m:
        return []
    year = int(m.group(0))
    offsets = [-11, -7, -4, 3, 6, 9, 13]
    start = seed % len(offsets)
    out = []
    for i in range(len(offsets)):
        y = year + offsets[(start + i) % len(offsets)]
        if y > 0:
            out.append(answer[: m.start()] + str(y) + answer[m.end():])
    return out


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.casefold()).strip()


def make_quiz(article: Article, answers: list[FactAnswer], pools: dict[str, list[list[str]]]) -> list[Question]:
    """3-5 questions from ``answers``; ``pools[field]``: that field's answers in other
    articles, most similar first (same infobox, then any): the wrong choices are drawn
    from the first tier that has enough. Fewer than QUIZ_MIN questions: no quiz."""
    questions: list[Question] = []
    for fa in answers:
        seed = _seed(article.title, fa.field)
        right = _norm(fa.answer)
        others: list[str] = []
        seen = {right}
        ordered = [v for tier in pools.get(fa.field, [])
                   for v in sorted(tier, key=lambda v: _seed(article.title, fa.field, v))]
        if fa.kind == "date":
            ordered += _shifted_dates(fa.answer, seed)
        for v in ordered:
            if _norm(v) in seen or not v:
                continue
            if right in _norm(v) or _norm(v) in right:
                continue  # "Physics" vs "Theoretical physics": both right
            seen.add(_norm(v))
            others.append(v)
            if len(others) == CHOICES - 1:
                break
        if len(others) < 2:
            continue
        choices = sorted([fa.answer, *others], key=lambda v: _seed(article.title, fa.question, v))
        questions.append(Question(fa.question, tuple(choices), choices.index(fa.answer), fa.label))
        if len(questions) == QUIZ_MAX:
            break
    return questions if len(questions) >= QUIZ_MIN else []


def _date_parts(m: re.Match[str]) -> tuple[int, int, int]:
    g = m.groupdict()
    year_s = g["y1"] or g["y2"] or g["y3"] or g["y4"] or "0"
    year = int(year_s)
    if re.search(r"\b(?:BC|BCE)\b", m.group(0)):
        year = -year
    month_s = g["m1"] or g["m2"] or g["m3"]
    month = _MONTHS.index(month_s.lower()) + 1 if month_s else 0
    day = int(g["d1"] or g["d2"] or 0)
    return year, month, day


def _sentence_date(sentence: str) -> tuple[str, int, int, int] | None:
    for m in _DATE.finditer(sentence):
        if m.group("y4") and not _YEAR_BEFORE.search(sentence[max(0, m.start() - 24) : m.start()]):
            continue  # a bare number: a year only after "in", "since", "(" ...
        year, month, day = _date_parts(m)
        if year == 0:
            continue
        return m.group(0).strip(), year, month, day
    return None


_HAS_NUMBER = re.compile(r"\d{3}|\d\s?(?:BC|BCE|AD|CE)\b")


def timeline(article: Article) -> list[Event]:
    """The article's first TIMELINE_MAX dated sentences in reading order (lead and
    sections; one event per sentence, its first date; one event a year), shown in date
    order (reading order breaks ties). English dates only; an article with fewer than
    TIMELINE_MIN gets none."""
    if article.lang != "en":
        return []
    found: list[tuple[tuple[int, int, int, int], Event]] = []
    seen_years: set[int] = set()
    texts = list(article.lead) + [t for s in article.iter_sections() for t in s.paragraphs]
    order = 0
    for t in texts:
        if not _HAS_NUMBER.search(t.text):
            continue  # no year in the paragraph: no need to cut it into sentences
        for sentence in sentences(t.text):
            order += 1
            if len(sentence) > EVENT_MAX or not _HAS_NUMBER.search(sentence):
                continue
            date = _sentence_date(sentence)
            if date is None or date[1] in seen_years:
                continue  # one event a year keeps a timeline short
            label, year, month, day = date
            seen_years.add(year)
            found.append(((year, month, day, order), Event(label, year, month, day, sentence)))
        if len(found) >= TIMELINE_MAX:
            break
    if len(found) < TIMELINE_MIN:
        return []
    return [e for _, e in sorted(found[:TIMELINE_MAX], key=lambda x: x[0])]


def _lead_text(article: Article) -> str:
    return article.first_paragraph()


def is_good(article: Article, text: str | None = None) -> bool:
    """Worth offering to a child who explores: a lead of real sentences, enough text,
    a picture; not a list, a disambiguation page or a stub. ``text``: its plain text,
    when already made."""
    lead = _lead_text(article)
    if len(lead) < GOOD_LEAD or "may refer to" in lead:
        return False
    t = article.title
    if t.startswith(("List of", "Lists of")) or t.endswith("(disambiguation)") or "/" in t:
        return False
    has_picture = bool(article.images) or bool(article.quick_facts and article.quick_facts.image)
    if not has_picture:
        return False
    # Enough words: split no further than GOOD_WORDS (the split gives min(words, GOOD_WORDS + 1)
    # pieces; the whole text's split, every word a string, was 0.7% of a build).
    return len((article.plain_text() if text is None else text).split(maxsplit=GOOD_WORDS)) >= GOOD_WORDS


def did_you_know(article: Article, answers: list[FactAnswer] | None = None) -> str:
    """One short fact: from the Quick facts ("Albert Einstein was born in Ulm.") for
    about half the articles (chosen by a hash of the title), else one complete sentence
    of the lead that says something (not the first, which defines the title, unless it
    is the only one); "" when none fits."""
    from_box = [a.fact for a in (answers if answers is not None else fact_answers(article)) if a.fact]
    if from_box and _seed(article.title, "fact") % 2 == 0:
        return from_box[_seed(article.title) % len(from_box)]
    candidates = [s for t in article.lead[:2] for s in sentences(t.text)]
    for s in candidates[1:] + candidates[:1]:
        if 40 <= len(s) <= 200 and s.endswith(".") and article.lang == "en":
            return s
    return from_box[0] if from_box else ""
