"""Level 1 said plainly (English): what a children's writer does to a sentence after the
simplifier, before the level chooses what to show.

    plain(sentence, pronoun, title) -> str

  modifiers  the hard describing words before the noun of "X is a ..." go, and one the
             lexicon can say as a plain sentence is said so, about the subject: "The aardvark
             is a medium-sized, burrowing, nocturnal mammal native to Africa." -> "The aardvark
             is a mammal native to Africa. It digs burrows. It comes out at night." A word
             that changes what the noun is ("a former", "a fictional") or makes a name with it
             ("a martial art") stays; so does a name, a number and a short common word.
  words      plain words and phrases for level 1 (``rules/plain_words.yaml``): a word a
             child knows for a harder one where the meaning is kept ("organisms" -> "living
             things"); each entry has its example, tested.
  but        a second verb after "but" said with its subject as a sentence of its own ("... but
             were later displaced by reptiles." -> "... But they were later displaced by reptiles.")
  because    a reason said as a sentence of its own ("... sacred to Apollo because he had been born
             under one in Delos." -> "... sacred to Apollo. This was because he had been born ...")

Each rule only drops or swaps lowercase words without digits, or says a subject again: every number and name of the
sentence is still said, unchanged (``simplify.facts``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from kidpedia import yamlload
from kidpedia.kidify import reading


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """``rules/plain_words.yaml``: the describing words said as sentences, the ones that
    stay, the word pairs that name a thing, and the plain words (each compiled)."""
    path = resources.files("kidpedia.kidify") / "rules" / "plain_words.yaml"
    data: dict[str, Any] = yamlload.safe_load(path.read_text(encoding="utf-8"))
    data["says_by_word"] = {e["word"]: e for e in data["says"]}
    data["keep_set"] = frozenset(data["keep"])
    data["common_set"] = frozenset(data["common"])
    data["vague_set"] = frozenset(data["vague"])
    data["names_set"] = frozenset(tuple(x.split()) for x in data["names"])
    entries = sorted(data["words"], key=lambda e: -len(e["from"]))
    data["words_by_from"] = {e["from"]: e for e in entries}
    alts = "|".join(re.escape(e["from"]).replace(r"\ ", r"\s+") for e in entries)
    data["words_pattern"] = re.compile(rf"\b(?:{alts})\b", re.IGNORECASE)
    return data


# "is a ..." / "are ...": the noun phrase after the verb is where the describing words are
_IS_A = re.compile(r"\b(?P<be>is|was|are|were) (?:(?P<det>an?) (?=[A-Za-z])|(?=[a-z]))")
_NP_END_TEXT = ("of in on at from by for with to that which who whose native found used made living located based "
                "known called than where when like as into near between within among across during until")
_NP_END = frozenset(_NP_END_TEXT.split())  # a word that ends the noun phrase: what follows is no describing word
_ADJ_END = re.compile(r"(?:al|ic|ical|ous|ive|ary|ful|less|able|ible|ed|ing|ian|ent|ant|ile|ular|oid)$")
_DEFINITE = frozenset(["the", "his", "her", "its", "their", "this", "that", "these", "those", "our", "one"])
_STOP = frozenset(["and", "or", "of", "the", "a", "an", "not", "very", "most", "more", "less", "least", "so"])


def _hard(word: str) -> bool:
    """A describing word a child may not know: three syllables or more, or rare."""
    return reading.syllables(word) >= 3 or reading.zipf(word) < 3.5


def _modifier(word: str, rules_: dict[str, Any]) -> bool:
    """A lowercase describing word that may go: one the lexicon says as a sentence, or a
    hard word shaped like an adjective or a participle ("political", "illustrated",
    "medium-sized", "burrowing"), not one that changes what the noun is (``keep``)."""
    w = word.lower()
    if not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", word) or w in rules_["keep_set"]:
        return False
    if w in rules_["says_by_word"]:
        return True
    last = w.rsplit("-", 1)[-1]
    if last.endswith("ing"):  # "burrowing", "calculating"; not "building", "encoding"
        return "-" not in w and _hard(w) and w.endswith(("owing", "ating", "ving"))
    return bool(_ADJ_END.search(last)) and not last.endswith("ment") and (_hard(w) or "-" in w)


def _describing(word: str, rules_: dict[str, Any]) -> bool:
    """A word that describes (a common adjective or one shaped like an adjective), not a noun:
    what may stand before "and" when the describing word after it goes ("a small and
    insectivorous mammal" -> "a small mammal")."""
    w = word.lower()
    return w in rules_["common_set"] or w in rules_["keep_set"] or bool(_ADJ_END.search(w)) and not w.endswith("ment")


def _noun_phrase(rest: str, rules_: dict[str, Any]) -> list[str]:
    """The words of the noun phrase that opens ``rest``, up to its noun: it ends before a
    word such as "of", "in", "that", at a full stop, or at a comma after a word that is
    not a describing word ("a state, bordered by ..."); [] when it is longer than 8 words."""
    out: list[str] = []
    for token in rest.split(" "):
        bare = token.rstrip(",.;:!?")
        if out and bare.lower() in _NP_END:
            return out
        out.append(token)
        if len(out) > 8 or not bare or not re.fullmatch(r"[\w'’-]+", bare):
            return [] if len(out) > 8 or not bare else out
        if token[-1:] in ".;:!?" or (token.endswith(",") and not (
                bare.islower() and (_modifier(bare, rules_) or bare in rules_["common_set"]))):
            out[-1] = bare
            return out
    return out


def _subject_word(sentence: str, start: int, be: str, pronoun: tuple[str, ...], title: str) -> str | None:
    """Who the "is a ..." is about, as a pronoun for a sentence of its own: the article's
    subject only (its pronoun or its name opens the sentence)."""
    head = sentence[:start].strip()
    who = pronoun[0] if pronoun else "It"
    plural = be in ("are", "were")
    name = title.split(" (")[0].lower()
    if head in ("It", "He", "She", "They") or head.lower().removeprefix("the ").removeprefix("an ").removeprefix("a ") \
            in (name, name + "s"):
        return "They" if plural else ("It" if head in ("It",) or who not in ("He", "She") else who)
    return None


def _bare_plural(words: list[str], rules_: dict[str, Any]) -> bool:
    """Words after "are" with no "a" that are a short plural noun phrase ("ectothermic, tetrapod
    vertebrates"), not a verb ("are traced or photocopied onto ...", "were to be
    demobilized") or an adjective before the next clause ("While autism is heritable,
    researchers suspect ...", "was unpopular among Illinois voters")."""
    first = words[0].lower().rstrip(",")
    if first in _NP_END or first in ("be", "been", "being", "not", "also", "still", "now", "then", "often"):
        return False
    if re.search(r"(?:ed|en|ing)$", first) and first not in rules_["says_by_word"]:
        return False
    if len(words) > 4 or any(not w[:1].islower() for w in words):
        return False  # "is heritable, researchers suspect ...": a clause, not a noun phrase
    return words[-1].endswith("s") and not words[-1].endswith(("ss", "us", "is"))


def _thin(words: list[str], rules_: dict[str, Any]) -> tuple[str, list[str]] | None:
    """A noun phrase's words without its hard describing words: the phrase left and the
    words gone (None: nothing goes, or what is left would say too little)."""
    if len(words) < 2 or words[0].lower() in _DEFINITE:  # "the central character": which one, not what
        return None
    if {w.lower().rstrip(",") for w in words} & {"but", "yet", "not", "nor"}:
        return None  # "related but distinct subjects": the pair says one thing
    head = words[-1]
    drop = []
    for i, raw in enumerate(words[:-1]):
        word = raw.rstrip(",")
        nxt = words[i + 1].rstrip(",").lower()
        graded = i > 0 and (words[i - 1].endswith("ly") or words[i - 1].lower() in ("very", "most", "more", "less"))
        drop.append(not ((word.lower(), nxt) in rules_["names_set"] or graded or not _modifier(word, rules_)))
    drop.append(False)
    # an "and" between describing words goes with them ("an allegorical and dystopian novella");
    # between two nouns it stays ("a successful pharmacist and businessman")
    for i, w in enumerate(words[:-1]):
        if w.lower() in ("and", "or") and ((i and drop[i - 1]) or drop[i + 1]):
            if not (i and drop[i - 1]) and i and not _describing(words[i - 1].rstrip(","), rules_):
                return None  # "a robot or synthetic organism": a noun before it, "a robot organism" is wrong
            drop[i] = True
    gone = [w.rstrip(",").lower() for w, d in zip(words, drop, strict=True) if d and w.lower() not in ("and", "or")]
    kept = [w for w, d in zip(words[:-1], drop[:-1], strict=True) if not d]
    if not gone or (not kept and head.lower().rstrip("s") in rules_["vague_set"]):
        return None  # "It is a society." alone says nothing
    # what stays reads as a noun phrase: no comma before the noun
    kept = [w.rstrip(",") if i == len(kept) - 1 or kept[i + 1].lower() in ("and", "or") else w
            for i, w in enumerate(kept)]
    np = " ".join([*kept, head])
    if not (set(np.lower().split()) - _STOP) or np.split()[0].lower() in _STOP:
        return None
    return np, gone


def _a(det: str, np: str) -> str:
    """"a" or "an" before the phrase, in the case of ``det``."""
    an = "an" if np[:1].lower() in "aeiou" else "a"
    return an.capitalize() if det[:1].isupper() else an


def drop_modifiers(sentence: str, pronoun: tuple[str, ...] = (), title: str = "") -> str:
    """The hard describing words before the noun of "X is a ..." go; a word the lexicon can
    say as a sentence (``says``) is said after it about the subject ("It digs burrows.").
    Only there: a thing said to be "a ..." is one whatever else it is, but elsewhere the
    words may tell which one ("A sulfonic acid has the formula ..." is no "An acid has ...")."""
    rules_ = rules()
    m = _IS_A.search(sentence)
    if m and re.search(r"\b[Tt]here\s*$", sentence[:m.start()]):
        return sentence  # "There was a cursive style ...": which style, not what something is
    words = _noun_phrase(sentence[m.end():], rules_) if m else []
    if not m or not words or (not m.group("det") and not _bare_plural(words, rules_)):
        return sentence
    thin = _thin(words, rules_)
    if thin is None:
        return sentence
    np, gone = thin
    said_before = {w.lower().rstrip("s") for w in re.findall(r"[\w'’-]+", sentence[:m.start()])}
    if {w.lower().rstrip("s") for w in np.split()} <= said_before:
        return sentence  # "The Friedman test are tests.": the noun alone says what the subject already says
    det = m.group("det")
    start = m.start("det") if det else m.end()
    out = sentence[:start] + (f"{_a(det, np)} " if det else "") + np + sentence[m.end() + len(" ".join(words)):]
    who = _subject_word(sentence, m.start(), m.group("be"), pronoun, title)
    if who is None or m.group("be") not in ("is", "are") or not sentence.endswith("."):
        return out
    said = [rules_["says_by_word"][g] for g in gone if g in rules_["says_by_word"]]
    return " ".join([out, *(f"{who} {e['they'] if who == 'They' else e['says']}." for e in said)])


def plain_words(sentence: str, title: str = "") -> str:
    """Plain words and phrases for level 1 (``rules/plain_words.yaml``): not inside a name
    (a capital word past the sentence's start), not a word of the article's title, not
    where the entry's ``not_before`` / ``not_after`` words stand next to it, not outside the
    entry's ``before`` words (the word after it) or ``after`` words (the word before it), and
    (``inside``) not as the sentence's first word."""
    rules_ = rules()
    title_words = {w.lower() for w in reading.words(title)}

    def swap(m: re.Match[str]) -> str:
        old = m.group(0)
        entry = rules_["words_by_from"][" ".join(old.lower().split())]
        if (old[:1].isupper() and m.start() > 0) or set(old.lower().split()) & title_words:
            return old
        before = m.string[:m.start()].split()[-1:]
        after = m.string[m.end():].split()[:1]
        prev = before[0].lower().strip(",") if before else ""
        nxt = after[0].lower().strip(",.;:") if after else ""
        if prev in entry.get("not_after", ()) or nxt in entry.get("not_before", ()):
            return old
        near = {w.lower().strip(",.;:") for w in m.string[:m.start()].split()[-4:] + m.string[m.end():].split()[:4]}
        if near & {w for w in entry["to"].split() if len(w) > 3}:
            return old  # "an English novelist, writer" is no "an English writer, writer"
        if "before" in entry and nxt not in entry["before"]:
            return old
        if "after" in entry and prev not in entry["after"]:
            return old  # "are awarded" is "are given"; "The committee awarded him" is no "given him"
        if entry.get("inside") and not before:
            return old  # "Generally, an answer is ..." is no "Mostly, an answer is ..."
        if m.start() > 0 and m.string[m.start() - 1] in "-\"'“‘":
            return old  # part of a word, or a word quoted: a mention ("ilāh "deity, god""), not a use
        new: str = entry["to"]
        return new[:1].upper() + new[1:] if old[:1].isupper() else new

    out: list[str] = []
    at = 0
    for m in rules_["words_pattern"].finditer(sentence):
        new = swap(m)
        head = sentence[at:m.start()]
        if new != m.group(0):  # "an organism" -> "a living thing"
            a = re.search(r"\b([Aa]n?)(\s+)$", head)
            if a:
                an = "an" if new[:1].lower() in "aeiou" else "a"
                head = head[:a.start()] + (an.capitalize() if a.group(1)[0] == "A" else an) + a.group(2)
        out += [head, new]
        at = m.end()
    return "".join(out) + sentence[at:]


# "X is a country in Southern Africa.": what it is, then where, as two sentences
_IS_A_IN = re.compile(r"^(?P<head>.+?) (?P<be>is|are) (?P<det>an?) (?P<np>(?:[\w.’'-]+ ){0,3}?[\w’'-]+) "
                      r"(?P<prep>in|on|near) (?P<rest>(?:the |[A-Z])[^;:()\"]*)\.$")
_NOT_A_PLACE = frozenset(["which", "whom", "where", "that", "who", "whose", "when", "while", "and", "or", "but",
                          "with", "by", "as", "for", "to", "from"])
_FINITE = frozenset(["is", "was", "are", "were", "has", "have", "had", "can", "could", "will", "would", "may", "be",
                     "been", "lies", "lie", "runs", "flows"])


def split_place(sentence: str, pronoun: tuple[str, ...] = (), title: str = "") -> str:
    """What the article's subject is and where it is, said as two sentences: "Angola is a
    country in Southern Africa." -> "Angola is a country. It is in Southern Africa." Only for
    a thing or a place ("It", "They"; a person "was a lawyer in Chicago" is no "was in
    Chicago"), only "is a ..." / "are a ..." with a short noun phrase of lowercase words,
    and only where the rest is a place: it opens with "the" or a name, names something, and
    has no verb or clause of its own. Every word is said again."""
    m = _IS_A_IN.match(sentence)
    if not m or not sentence[:1].isupper():
        return sentence
    who = _subject_word(sentence, m.start("be") - 1, m.group("be"), pronoun, title)
    if who not in ("It", "They"):
        return sentence
    np_words, rest = m.group("np").split(), m.group("rest").split()
    if any(not w.islower() and w != "U.S." for w in np_words) or not any(w[:1].isupper() for w in rest):
        return sentence
    bare = {w.strip(",") for w in rest}
    if {w.lower() for w in bare} & _NOT_A_PLACE or any(w in _FINITE or (w.islower() and w.endswith("ed") and len(w) > 4)
                                                       for w in bare):
        return sentence
    return (f"{m.group('head')} {m.group('be')} {m.group('det')} {m.group('np')}. "
            f"{who} {m.group('be')} {m.group('prep')} {m.group('rest')}.")


# "had a population of 710,231" -> "had 710,231 people": the number, said as people
_POPULATION = re.compile(r"\b(?P<verb>has|had|have|having) a population of (?P<n>(?:about |around |over |more than |nearly "
                         r"|almost |some )?\d[\d.,]*\d(?: million| billion)?|\d(?: million| billion)?)"
                         r"(?P<people> people| inhabitants)?(?![\w%])")


def population(sentence: str) -> str:
    """"Alaska had a population of 710,231." -> "Alaska had 710,231 people.": the same number,
    said with a word a child knows (every number stays, unchanged)."""
    return _POPULATION.sub(lambda m: f"{m.group('verb')} {m.group('n')} people", sentence)


_HOWEVER = re.compile(r"^However,?\s+(?!(?:much|many|long|far|hard|few|little|often|big|small|large|high|low|great|"
                      r"strong|good|bad|the\s+case)\b)")


def but(sentence: str) -> str:
    """"However, a land title dispute soon forced ..." -> "But a land title dispute soon
    forced ...": the link word a child knows (not "However much he tried, ...")."""
    return _HOWEVER.sub("But ", sentence)


# "X is not divided into counties, as most of the other U.S. states": the states are, Alaska is not
_AS_MOST_OTHER = re.compile(r"(?P<head>\b(?:is|are|was|were|does|do|did|has|have|had)(?: not|n't) [^,;]+), as "
                            r"(?P<who>(?:most|many|all|some) (?:of )?(?:the )?other [^,;.]+)(?=[,.])")


def unlike(sentence: str) -> str:
    """"It is not split into counties, as most of the other U.S. states, but ..." -> "It is not
    split into counties, unlike most of the other U.S. states, but ...": "as" after a "not"
    says the others are like it; "unlike" says what is meant (every word but "as" kept)."""
    return _AS_MOST_OTHER.sub(lambda m: f"{m.group('head')}, unlike {m.group('who')}", sentence)


# "... in the Carboniferous and Permian periods but were later displaced by reptiles": "but", maybe an adverb, and a
# verb that carries a clause of its own, with the subject left out
_BUT_VERB = re.compile(r" but (?P<adv>(?:then |later |soon |still |never |rarely |often |only |eventually )?)"
                       r"(?P<verb>[a-z]+) ")
_BUT_AUX = frozenset(["could", "can", "would", "will", "may", "might", "must", "should", "did", "does", "do", "was",
                      "were", "is", "are", "has", "have", "had"])


def split_but(sentence: str) -> str:
    """A second verb after "but" that shares the first one's subject, said as a sentence of its
    own with the subject said again: "They diversified and became dominant in the Carboniferous
    and Permian periods but were later displaced by reptiles." -> "... Permian periods. But they
    were later displaced by reptiles." Only where the words before "but" have no comma and a
    subject the simplifier finds (``simplify._subject``) said as a pronoun or a name of two
    words or more (a capital word alone opened the sentence: "Lithium" may be no name), not
    "not only ... but also", and one "but" in the sentence."""
    from kidpedia.kidify.simplify import _finite, _pronoun, _subject

    if not sentence.endswith(".") or sentence.count(" but ") != 1 or re.search(r"\b(?:not only|both)\b", sentence, re.IGNORECASE):
        return sentence
    m = _BUT_VERB.search(sentence)
    if not m:
        return sentence
    head, verb = sentence[:m.start()], m.group("verb")
    if "," in head or len(head.split()) < 5 or not (_finite(verb) or verb in _BUT_AUX):
        return sentence
    found = _subject(head)
    who = _pronoun(found[0], verb if verb in ("was", "were", "is", "are", "has", "have") else found[1]) if found else None
    if who in ("It", "They", "He", "She"):
        who = who.lower()
    elif who is None or len(who.split()) < 2:
        return sentence
    return f"{head.rstrip('.')}. But {who} {m.group('adv')}{sentence[m.start('verb'):]}"


_CLAUSE_STOPS = frozenset(["that", "when", "after", "before", "if", "while", "although", "though", "since", "as",
                           "until", "whether", "which", "who", "where", "because"])


def split_because(sentence: str) -> str:
    """A reason after "because" said as a sentence of its own: "The palm tree was sacred to Apollo
    because he had been born under one in Delos." -> "The palm tree was sacred to Apollo. This was
    because he had been born under one in Delos." ("This is" where the clause before is in the
    present.) Only one "because" (not "because of"), a clause of five words or more before it whose
    subject the simplifier finds, a clause after it with no comma or semicolon, and none of the
    exceptions of ``rules/plain_words.yaml``'s ``because`` (a word before it, a verb of saying, a
    clause inside the clause before)."""
    from kidpedia.kidify.simplify import _PAST, _clause_follows, _complete_clause, _subject

    if not sentence.endswith(".") or sentence.count(" because ") != 1 or " because of " in sentence:
        return sentence
    head, rest = sentence.split(" because ", 1)
    head = head.rstrip(",")
    words = head.split()
    rules_ = rules()["because"]
    if (len(words) < 5 or len(rest.split()) < 3 or "," in rest or ";" in rest or words[-1].lower() in rules_["not_after"]
            or any(w.lower().strip(",") in _CLAUSE_STOPS for w in words) or not _complete_clause(words)
            or not _clause_follows(rest)):
        return sentence
    found = _subject(head)
    if found is None or found[1] in rules_["said_verbs"]:
        return sentence
    verb = found[1]
    past = verb in ("was", "were", "had", "did") or verb.endswith("ed") or verb in _PAST.values()
    return f"{head}. This {'was' if past else 'is'} because {rest}"


def plain(sentence: str, pronoun: tuple[str, ...] = (), title: str = "") -> str:
    """One level-1 sentence (or a few) said plainly: each sentence's describing words, then
    plain words, then (``split_place``) what the subject is and where as two sentences."""
    out = " ".join(split_because(split_but(but(unlike(population(plain_words(drop_modifiers(s, pronoun, title), title))))))
                   for s in reading.sentences(sentence))
    return " ".join(split_place(s, pronoun, title) for s in reading.sentences(out))
