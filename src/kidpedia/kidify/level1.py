"""What a level-1 sentence needs said before it, and what it may not say (English), as
``levels._select`` asks while it chooses a level-1 page's sentences:

    owned_opening(text) -> bool                   "Membership is made up of ...": whose?
    change_cut(text, source) -> bool              "... the system changed.": into what?
    definite_antecedent(sentences, j, title) -> (int, noun) | None
                                                  "... along the ridge ...": the sentence
                                                  before that says which ridge
    box_sentences(article, pronoun) -> list[str]  more Quick facts said as sentences:
                                                  "It is named after André-Marie Ampère."
    fragment(text) -> bool                        "After the records ... have been traced."
    shared_cut(text, source) -> bool              "The journal is abstracted." (and indexed in ...)
    aux_before_verb(text, source) -> bool         "KC₈ is explodes ..." (is pyrophoric and explodes)

The words are data (``rules/level1.yaml``), each list with its examples, tested.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from kidpedia import yamlload


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """``rules/level1.yaml`` with its lists as sets and its patterns compiled."""
    path = resources.files("kidpedia.kidify") / "rules" / "level1.yaml"
    data: dict[str, Any] = yamlload.safe_load(path.read_text(encoding="utf-8"))
    owned = "|".join(sorted(data["owned"], key=len, reverse=True))
    data["owned_pattern"] = re.compile(rf"^(?:{owned})\b(?! (?:of|in|to|for|at)\b)", re.IGNORECASE)
    verbs = "|".join(data["change_verbs"])
    data["change_end"] = re.compile(rf"\b(?P<verb>{verbs})[.!]$")
    data["not_nouns_set"] = frozenset(data["not_nouns"])
    return data


def owned_opening(text: str) -> bool:
    """The sentence opens with a bare noun of something owned ("Membership is ..."): its owner
    is in the sentence before."""
    return rules()["owned_pattern"].match(text) is not None


def change_cut(text: str, source: str) -> bool:
    """The sentence ends at a verb of change that its level-3 sentence went on after ("the
    system changed, and professionals were honored ..."): what changed was cut."""
    m = rules()["change_end"].search(text.rstrip())
    return m is not None and re.search(rf"\b{m.group('verb')}[,;]", source) is not None


# "the" and a noun that ends its phrase (before a stop, a comma or a little word: "along the
# ridge over ...", not "the open era", "the national currency")
_THE_WORD = re.compile(r"\b[Tt]he ([a-z][a-z-]{2,})(?=[.,;:!?]| (?:is|are|was|were|has|have|had|can|could|will|would|"
                       r"in|on|at|to|for|with|by|from|over|under|into|near|and|or|but|that|which|who|where|as|"
                       r"runs?|ran|lies|lay|many|some)\b)")
_LITTLE = frozenset(["way", "other", "same", "such", "this", "that", "these", "those", "very", "most", "more"])


def _forms(word: str) -> set[str]:
    """The word and its other number ("ridge", "ridges")."""
    out = {word, word + "s", word + "es"}
    if word.endswith("s"):
        out.add(word[:-1])
    if word.endswith("es"):
        out.add(word[:-2])
    return out


def mentions(text: str, word: str) -> bool:
    """The text says the noun (in either number, in any case: "the Mid-Atlantic Ridge")."""
    forms = sorted(_forms(word))
    return re.search(rf"\b(?:{'|'.join(map(re.escape, forms))})\b", text, re.IGNORECASE) is not None


def names_with(text: str, word: str) -> bool:
    """The text says a name made with the noun ("the Mid-Atlantic Ridge" for "ridge", "Lake
    Victoria" for "lake"; not "the President", a title, nor "Ridges" opening the sentence)."""
    forms = "|".join(map(re.escape, sorted(w.capitalize() for w in _forms(word))))
    return re.search(rf"\b[A-Z][\w-]* (?:[A-Z][\w-]* )*(?:{forms})\b|\b(?:{forms}) [A-Z]", text) is not None


def definite_antecedent(sentences: list[str], j: int, title: str) -> tuple[int, str] | None:
    """Which earlier sentence of the paragraph says the name that sentence ``j`` says as "the"
    and its last word ("A great rift valley extends along the ridge." after "... a mountain
    range called the Mid-Atlantic Ridge."), and the noun: the latest one that says the noun,
    where it says it in a name (not a word of the title, nor one of ``not_nouns``), unless
    sentence ``j`` says the noun itself before "the"; None when none does."""
    text = sentences[j]
    title_words = {w.lower() for w in re.findall(r"[\w'-]+", title)}
    skip = rules()["not_nouns_set"] | _LITTLE
    found: tuple[int, str] | None = None
    for m in _THE_WORD.finditer(text):
        word = m.group(1)
        if word in skip or word.endswith(("ly", "est")) or _forms(word) & title_words:
            continue
        if mentions(text[:m.start()], word):
            continue  # "A ridge runs north; the ridge is long": said in the sentence itself
        back = next((b for b in range(j - 1, -1, -1) if mentions(sentences[b], word)), None)
        if back is None or not names_with(sentences[back], word):
            continue  # said before as a common noun ("a tongue ... the tongue"), or not at all: no name lost
        if back is not None and (found is None or back > found[0]):
            found = (back, word)
    return found


_NAME = re.compile(r"^[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|i|de|la|del|von|van|da|dos))*$")
_BRACKETS = re.compile(r"\s*\([^()]*\)")
_DEMONYM = re.compile(r"^[A-Z][a-z]+$")
_SPOUSE = re.compile(r"^(?P<v>[^(),]+?) \(m\. (?P<year>\d{4})\b")
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})*$")


def _names2(value: str) -> str | None:
    """One or two names ("Zeus and Leto", "Dutch, Papiamento"), said "A and B"."""
    parts = [x.strip() for x in re.split(r", | and ", value) if x.strip()]
    if not 1 <= len(parts) <= 2 or not all(_NAME.match(x) for x in parts):
        return None
    return " and ".join(parts)


def _place_after_date(value: str) -> str | None:
    """The place a Born or Died row names after its date ("14 March 1879, Ulm, ..." -> "Ulm")."""
    from kidpedia.kidify.rewrite import _DATE

    value = _BRACKETS.sub("", value)
    m = _DATE.search(value)
    if m is None or (m.start() and value[m.start() - 2:m.start()] != ", "):
        return None
    rest = [x.strip() for x in value[m.end():].split(",") if x.strip()]
    return rest[0] if rest and _NAME.match(rest[0]) else None


def _value(kind: str, raw: str) -> tuple[str, str] | None:
    """A row's value as the kind wants it: (the words said, the year or date phrase), or None."""
    from kidpedia.kidify.rewrite import _date_phrase

    plain = _BRACKETS.sub("", raw).strip().rstrip(",")
    if kind == "name":
        return (plain, "") if _NAME.match(plain) and plain.lower() != "capital" else None
    if kind == "names2":
        both = _names2(plain)
        return (both, "") if both else None
    if kind == "date":
        when = _date_phrase(raw, True)
        return ("", when) if when else None
    if kind == "number":
        return (raw.strip(), "") if _NUMBER.match(raw.strip()) else None
    if kind == "demonym":
        return (plain, "") if _DEMONYM.match(plain) else None
    if kind == "spouse":
        m = _SPOUSE.match(raw.strip())
        return (m.group("v"), m.group("year")) if m and _NAME.match(m.group("v")) else None
    if kind == "birthplace":
        place = _place_after_date(raw)
        when = _date_phrase(raw, True) or _date_phrase(raw, False)
        return (place, when) if place and when else None
    return None


_OWNER = {"It": "Its", "They": "Their", "He": "His", "She": "Her"}


def box_sentences(article: Any, pronoun: tuple[str, ...]) -> list[str]:
    """More of the article's Quick facts said as short sentences at level 1 (``box`` in
    ``rules/level1.yaml``): "It is named after André-Marie Ampère.", "She married Frank
    O'Connor in 1929."; the subject is the article's pronoun (none where it has none)."""
    box = article.quick_facts
    if box is None or article.lang != "en" or not pronoun:
        return []
    who = pronoun[0]
    rows = {r.label: r.values[0].text.strip() for r in box.rows if not r.header and len(r.values) == 1}
    person = "Born" in rows or "Died" in rows
    kinds = {"thing": who in ("It", "They") and not person, "person": person and who in ("He", "She"),
             "alive": person and who in ("He", "She") and "Died" not in rows,
             "dead": person and who in ("He", "She") and "Died" in rows, "any": True}
    out: list[str] = []
    done: set[str] = set()
    for entry in rules()["box"]:
        label = entry["label"]
        if label in done or label not in rows or not kinds[entry["who"]] or entry.get("only", who) != who:
            continue
        got = _value(entry["value"], rows[label])
        if got is None:
            continue
        v, extra = got
        out.append(entry["say"].format(It=who, Its=_OWNER[who], v=v, when=extra, year=extra))
        done.add(label)
    return out


def with_box_sentences(said: list[str], article: Any, pronoun: tuple[str, ...]) -> list[str]:
    """``said`` (``rewrite.box_sentences``) with level 1's own (``box_sentences``) after it;
    "He was born in Ulm on 14 March 1879." stands for "He was born on 14 March 1879.",
    unless the lead already says where (then neither says it again)."""
    more = box_sentences(article, pronoun)
    if not pronoun:
        return list(dict.fromkeys([*said, *more]))
    head = f"{pronoun[0]} was born "
    born = next((x for x in more if x.startswith(head + "in ")), None)
    place = born.split(" in ", 1)[1].rsplit(" on ", 1)[0].rsplit(" in ", 1)[0] if born else ""
    if place and any(place in t.text for t in article.lead):  # the lead says where: "He was born in 384 BC."
        born = None
        more = [x for x in more if not x.startswith(head + "in ")]
    said = [born if born and x.startswith(head) and born.endswith(" " + x[len(head):]) else x for x in said]
    return list(dict.fromkeys([*said, *more]))


_VERB_GROUP_WORDS = frozenset(["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
                               "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "not"])


def _verb_groups(words: list[str]) -> tuple[int, bool]:
    """How many runs of verb words the words hold ("have been traced" is one; "was ... moved"
    two), and whether the last word ends one."""
    from kidpedia.kidify.simplify import _is_verb

    runs, inside = 0, False
    for w in words:
        bare = w.strip(",.;:!?\"'”’()")
        verb = bare.lower() in _VERB_GROUP_WORDS or (bare.islower() and _is_verb(bare))
        runs += verb and not inside
        inside = verb
    return runs, inside


def fragment(text: str) -> bool:
    """A subordinate clause said alone ("After the records of the property have been traced."):
    it opens with a subordinator, has no comma, and one verb group only, which ends it."""
    words = text.split()
    if len(words) < 2 or words[0] not in rules()["subordinators"] or "," in text:
        return False
    runs, at_end = _verb_groups(words[1:])
    return runs == 1 and at_end


def shared_cut(text: str, source: str) -> bool:
    """The sentence ends at a passive participle its level-3 sentence joined to another that
    the words after them belong to too ("is abstracted and indexed in ...")."""
    m = re.search(r"\b(?:is|are|was|were|be|been) (?P<p>[a-z]+ed)\.$", text.rstrip())
    return m is not None and re.search(rf"\b{m.group('p')} and [a-z]+ed\b", source) is not None


def aux_before_verb(text: str, source: str) -> bool:
    """A split gave a verb the auxiliary of the verb before it ("KC₈ is a strong reducing agent and
    is pyrophoric and explodes on contact with water." -> "KC₈ is explodes on contact ..."): the
    text says "is W" where its level-3 sentence says "and W", W a verb in -s."""
    for m in re.finditer(r"\b(?:is|are|was|were) (?P<w>[a-z]{3,}s)\b", text):
        if re.search(rf"\band {m.group('w')}\b", source) and not re.search(rf"\b(?:is|are|was|were) {m.group('w')}\b", source):
            return True
    return False
