"""Sentence simplification by rules, offline: one sentence in, one (or a few) out.

    simplify(sentence, level=2, lang="en", steps=STEPS) -> str
    facts(text) -> set[str]          the numbers and names a text states

Each step can be turned off to measure what it buys (``bench/readability.py``):

  parentheticals  drop "( ... )" and "[ ... ]": pronunciations, native names, other
                  spellings, life dates repeated from the box
  adverbials      drop linking words a child does not need ("In addition, ", ", however,")
  words           plain words for hard ones, from ``rules/simple_words.yaml`` (data, each
                  entry with its test)
  split           split long sentences at clause boundaries: ";", ", which is ..." at the
                  end, ", and he ...", ", but ...", "He did X and did Y"
  numbers         round numbers a child reads better: 3,000,000 -> 3 million (exact only)

Level 1 also keeps only the main clause of a long sentence: a trailing ", including ...",
", such as ...", or participle phrase (", making it ...") goes.

Every number, date and name of the kept text survives unchanged: the rules never touch a
word with a digit or a capital letter past the first word (``facts`` and the tests check).
Rules are for English; for other languages only the language-free steps run
(parentheticals, and splitting at ";").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

STEPS = ("parentheticals", "adverbials", "words", "split", "numbers")

_PAREN = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_SPACE_PUNCT = re.compile(r"\s+([,.;:!?])")
_DOUBLE_COMMA = re.compile(r",\s*,")
_LINKERS = re.compile(
    r"^(?:In addition|Furthermore|Moreover|Additionally|Also|Indeed|In fact|Notably|"
    r"Consequently|Meanwhile|As a result|Subsequently|Nevertheless|Nonetheless),\s+"
)
_MID_LINKERS = re.compile(r",\s+(?:however|therefore|though|in fact|for example|moreover|also|thus),\s+")
_PRONOUN = r"(?:he|she|it|they|we|this|these|there|his|her|its|their)"
_SPLIT_AND = re.compile(rf",\s+(?:and|so)\s+(?={_PRONOUN}\b)")
_SPLIT_BUT = re.compile(r",\s+but\s+(?=\w)")
_WHICH = re.compile(r",\s+which\s+(is|was|are|were|has|have|had|became|includes|included)\s+([^,;]+)$")
_SUBJECT_AND = re.compile(
    r"^(He|She|It|They|We)\s+(.+?)\s+and\s+(?=(?:was|is|were|are|has|had|became|died|won|"
    r"lived|moved|married|wrote|made|played|returned|went|worked|joined|left|took|"
    r"\w+ed)\b)"
)
_TRAILING = re.compile(
    r",\s+(?:including|such as|especially|making|giving|leading|becoming|resulting|"
    r"which|where|while|whereas|although|though)\b[^.;!?]*(?=[.!?]?$)"
)
_BIG = re.compile(r"\b(\d{1,3})(?:,000,000,000|,000,000|,000)\b(?!,\d)")
_BIG_NAMES = {",000,000,000": "billion", ",000,000": "million"}


@lru_cache(maxsize=1)
def word_rules() -> tuple[list[tuple[re.Pattern[str], str]], list[dict[str, Any]]]:
    """The plain-word table, compiled: (pattern, replacement) longest phrase first."""
    path = resources.files("kidpedia.kidify") / "rules" / "simple_words.yaml"
    entries: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["words"]
    rules = []
    for e in sorted(entries, key=lambda e: -len(e["from"])):
        words = re.escape(e["from"]).replace(r"\ ", r"\s+")
        head = r"^" if e.get("start") else r"\b"
        tail = "" if e["from"].endswith(",") else r"\b"
        rules.append((re.compile(head + words + tail, re.IGNORECASE), e["to"]))
    return rules, entries


def _same_case(old: str, new: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]


def _tidy(s: str) -> str:
    s = _DOUBLE_COMMA.sub(",", s)
    s = _SPACE_PUNCT.sub(r"\1", s)
    return re.sub(r"\s{2,}", " ", s).strip()


def drop_parentheticals(s: str) -> str:
    prev = None
    while prev != s:
        prev, s = s, _PAREN.sub("", s)
    return _tidy(s)


def drop_adverbials(s: str) -> str:
    s = _LINKERS.sub("", s)
    s = _MID_LINKERS.sub(" ", s)
    return _capital(s)


def _replacer(plain: str) -> Callable[[re.Match[str]], str]:
    return lambda m: _same_case(m.group(0), plain)


def plain_words(s: str) -> str:
    for pattern, plain in word_rules()[0]:
        s = pattern.sub(_replacer(plain), s)
    return _capital(s)


def split_clauses(s: str) -> str:
    """Long sentences become short ones at clause boundaries (same line)."""
    s = re.sub(r";\s+(\w)", lambda m: ". " + m.group(1).upper(), s)
    s = _SPLIT_AND.sub(lambda m: ". ", s)
    s = _SPLIT_BUT.sub(". But ", s)
    m = _WHICH.search(s)
    if m:
        who = "They" if m.group(1) in ("are", "were", "have") else "It"
        s = s[:m.start()] + f". {who} {m.group(1)} {m.group(2)}"
    m = _SUBJECT_AND.match(s)
    if m and len(s.split()) > 12:
        s = f"{m.group(1)} {m.group(2)}. {m.group(1)} " + s[m.end():]
    return re.sub(r"\. (\w)", lambda m: ". " + m.group(1).upper(), s)


def round_numbers(s: str) -> str:
    def spell(m: re.Match[str]) -> str:
        zeros = m.group(0)[len(m.group(1)):]
        name = _BIG_NAMES.get(zeros)
        return f"{m.group(1)} {name}" if name else m.group(0)

    return _BIG.sub(spell, s)


def main_clause(s: str) -> str:
    """Level 1: the trailing detail of a long sentence goes."""
    if len(s.split()) <= 10:
        return s
    cut = _TRAILING.sub("", s)
    return cut if len(cut.split()) >= 5 else s


_STEP_FUNCS = {
    "parentheticals": drop_parentheticals,
    "adverbials": drop_adverbials,
    "words": plain_words,
    "split": split_clauses,
    "numbers": round_numbers,
}
_LANG_FREE = ("parentheticals",)


def simplify(sentence: str, level: int = 2, lang: str = "en", steps: tuple[str, ...] = STEPS) -> str:
    """One sentence (or a short text) simplified for ``level`` (1 or 2; 3 is unchanged)."""
    s = " ".join(sentence.split())
    if level >= 3 or not s:
        return s
    end = s[-1] if s[-1] in ".!?" else ""
    for step in steps:
        if lang != "en" and step not in _LANG_FREE:
            if step == "split":
                s = re.sub(r";\s+(\w)", lambda m: ". " + m.group(1).upper(), s)
            continue
        s = _STEP_FUNCS[step](s)
    if level <= 1 and lang == "en":
        s = ". ".join(main_clause(p) for p in s.split(". "))
    s = _tidy(s)
    if end and s and s[-1] not in ".!?":
        s += end
    return s


_FACT = re.compile(r"\d[\d,.]*\d|\d|\b[A-Z][\w’'-]*[a-z]\w*")


def facts(text: str) -> set[str]:
    """The numbers and names a text states: digits, and capitalised words that do not
    start a sentence (3,000,000 counts as "3 million" said exactly)."""
    text = re.sub(r"\b(\d{1,3}) million\b", r"\1,000,000", text)
    text = re.sub(r"\b(\d{1,3}) billion\b", r"\1,000,000,000", text)
    found = set()
    for m in _FACT.finditer(text):
        before = text[:m.start()].rstrip()
        if m.group(0)[0].isupper() and (not before or before[-1] in ".!?:;\"“("):
            continue
        found.add(m.group(0))
    return found
