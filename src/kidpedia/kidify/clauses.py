"""Long sentences split into short ones at their clauses, over part-of-speech tags (English).

    split(sentence) -> str           one sentence in, one or a few out

The tags and chunks come from TextBlob's Pattern tagger: a Brill lexicon and rules that ship
inside the ``textblob`` wheel (MIT; Pattern's data BSD), read from the package, no download,
no network, no model. The rules (``rules/clauses.yaml``, each with its examples, tested):

  relative_aside        "The castle, which was built by X, is old." -> "The castle is old.
                        It was built by X."
  relative_restrictive  "It is a mammal that eats ants." -> "It is a mammal. It eats ants."
                        (not "the first person who ...": the clause picks the one it means)
  participle            "a language spoken in Spain" -> "... a language. It is spoken in Spain."
  verb_and              "Albedo affects climate and drives weather." -> "Albedo affects
                        climate. Albedo drives weather."

The new sentence's subject is the sentence's own subject where the clause says what that
subject is ("X is a Y that ..."; a pronoun, or a short name said again, which ``levels``
may say as a pronoun), else "It" or "They" as the verb agrees, or a name said again for
"who". Every word of the sentence is said again in one of the new sentences, unchanged:
only the relative word, a comma, a subject or a form of "be" come or go, so each number
and name stays (``simplify.facts``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from kidpedia import yamlload
from kidpedia.kidify.facts import YEAR


@dataclass(frozen=True)
class Token:
    word: str
    tag: str
    chunk: str
    glued: bool  # written with no space before it (",", ".", a closing quote)


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    path = resources.files("kidpedia.kidify") / "rules" / "clauses.yaml"
    data: dict[str, Any] = yamlload.safe_load(path.read_text(encoding="utf-8"))
    for key in ("relatives", "restrictive_heads", "participle_followers", "person_participles", "vague_heads",
                "event_participles", "reporting_verbs", "appositive_adverbs", "person_nouns", "finite_after_be"):
        data[key] = frozenset(data[key])
    return data


@lru_cache(maxsize=1)
def _parser() -> Any:
    """TextBlob's English parser (its lexicon is read on first use, from the package)."""
    from textblob.en import parse

    return parse


_EDGE = re.compile(r"^([(\"“‘]*)(.*?)([,;:.!?)\"”’]*)$")
FINITE = frozenset(["VBZ", "VBD", "VBP", "MD"])
_ABBREVIATIONS = frozenset(["No", "Nos", "St", "Dr", "Mr", "Mrs", "Ms", "Jr", "Sr", "Mt", "Ft", "Gen", "Col", "Capt",
                            "Lt", "Prof", "Rev", "Sgt", "Gov", "Sen", "Rep", "vs", "ca", "approx"])


def tokens(sentence: str) -> list[Token]:
    """The sentence's words and punctuation, tagged and chunked. A word keeps its inner
    dots ("U.S.", "3.5"); a stop is its own token only at the sentence's end."""
    raw: list[tuple[str, bool]] = []
    words = sentence.split()
    for n, w in enumerate(words):
        m = _EDGE.match(w)
        assert m is not None
        lead, core, trail = m.groups()
        if n < len(words) - 1 and trail.startswith(".") and core and ("." in core or core in _ABBREVIATIONS):
            core, trail = core + ".", trail[1:]  # "U.S.", "No. 1" inside the sentence
        glue = False
        for ch in lead:
            raw.append((ch, glue))
            glue = True
        if core:
            raw.append((core, glue))
            glue = True
        for ch in trail:
            raw.append((ch, True))
        if not core and not lead and not trail:
            continue
    if not raw:
        return []
    text = " ".join(w.replace("/", "&slash;").replace(" ", "_") for w, _ in raw)
    parsed = _parser()(text, tokenize=False, tags=True, chunks=True).split()
    flat = [t for s in parsed for t in s]
    if len(flat) != len(raw):
        return []
    return [Token(w, t[1], t[2], g) for (w, g), t in zip(raw, flat, strict=True)]


def render(toks: list[Token]) -> str:
    out = ""
    for t in toks:
        out += t.word if (t.glued or not out) else " " + t.word
    return out


def _words(toks: list[Token]) -> int:
    return sum(1 for t in toks if any(c.isalnum() for c in t.word))


def _mk(word: str, tag: str = "PRP") -> Token:
    return Token(word, tag, "O", False)


_STOP = Token(".", ".", "O", True)
_BE = {("present", False): "is", ("present", True): "are", ("past", False): "was", ("past", True): "were"}
_PRONOUNS = frozenset(["He", "She", "It", "They", "We", "I", "You"])


def _finite_after_relative(tok: Token) -> bool:
    """The verb right after "which" / "who" / "that": a finite form (the tagger says "sold"
    after "which" is a participle; there it is the past)."""
    return tok.tag in FINITE or tok.tag == "VBN"


def _first_finite(toks: list[Token], stop: int) -> int | None:
    return next((i for i in range(stop) if toks[i].tag in FINITE), None)


def _subject(toks: list[Token], fv: int) -> list[Token] | None:
    """The sentence's subject, fit to say again: a pronoun, or a noun phrase of at most four
    words with no comma (None otherwise)."""
    subj = toks[:fv]
    while subj and subj[-1].tag in ("RB", "RBR", "RBS"):  # "He often ..."
        subj = subj[:-1]
    if not subj or len(subj) > 4 or any(t.tag in (",", ":", "(", ")", '"') or t.word in "\"“”()" for t in subj):
        return None
    if len(subj) == 1 and subj[0].word in _PRONOUNS:
        return subj
    numbered = len(subj) >= 2 and subj[-1].tag == "CD" and subj[-2].tag in ("NNP", "NNPS")  # "Apollo 8", a name
    if (subj[-1].tag not in ("NN", "NNS", "NNP", "NNPS") and not numbered) or \
            subj[0].tag not in ("DT", "NNP", "NNPS", "NN", "NNS", "JJ"):
        return None
    if subj[0].tag == "DT" and subj[0].word.lower() not in ("the", "a", "an"):
        return None
    return subj


def _copula(toks: list[Token], fv: int, at: int) -> bool:
    """The main verb is "be" and the noun phrase after it runs up to ``at`` ("X is a small
    mammal that ..."): what follows says what the subject is."""
    if toks[fv].word.lower() not in ("is", "was", "are", "were"):
        return False
    between = toks[fv + 1:at]
    return bool(between) and all(t.tag in ("DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CC", "CD", "VBN",
                                           "VBG", "RB", "PRP$", "POS", "HYPH")
                                 for t in between) and between[0].tag in ("DT", "JJ", "NN", "NNS", "PRP$", "CD", "RB")


def _again(subj: list[Token]) -> list[Token]:
    """The subject said again at a sentence's start."""
    first = subj[0]
    word = first.word[:1].upper() + first.word[1:]
    return [Token(word, first.tag, first.chunk, False), *subj[1:]]


def _name_at(toks: list[Token], head: int) -> list[Token] | None:
    """The name that ends at ``head`` ("George Gershwin"), or None."""
    if toks[head].tag not in ("NNP", "NNPS"):
        return None
    start = head
    while start > 0 and toks[start - 1].tag in ("NNP", "NNPS") and toks[start - 1].word[:1].isupper():
        start -= 1
    return [Token(t.word, t.tag, t.chunk, False) for t in toks[start:head + 1]]


def _referent(toks: list[Token], head: int, rel: str, verb: Token, fv: int, copula: bool) -> list[Token] | None:
    """Who the new sentence is about: the subject where the clause says what it is, a name
    said again for "who", else "It" / "They" as the verb agrees."""
    subj = _subject(toks, fv)
    if copula and subj is not None:
        return _again(subj)
    if rel == "who":
        name = _name_at(toks, head)
        if name is not None:
            return name
        return [_mk("They")] if toks[head].tag == "NNS" and _plural_verb(verb) is not False else None
    plural = _plural_verb(verb)
    if plural is None:
        plural = toks[head].tag in ("NNS", "NNPS")
    if toks[head].tag not in ("NN", "NNS", "NNP", "NNPS"):
        return None
    return [_mk("They" if plural else "It")]


def _plural_verb(verb: Token) -> bool | None:
    w = verb.word.lower()
    if w in ("is", "was", "has") or verb.tag == "VBZ":
        return False
    if w in ("are", "were", "have") or verb.tag == "VBP":
        return True
    return None


def _balanced(toks: list[Token]) -> bool:
    text = render(toks)
    return text.count('"') % 2 == 0 and text.count("(") == text.count(")") and \
        text.count("“") == text.count("”")


def _sentence(toks: list[Token]) -> list[Token]:
    """Tokens made a sentence: no comma at the end, a full stop, a capital at the start."""
    while toks and toks[-1].tag in (",", ":") or (toks and toks[-1].word in (",", ";", ":")):
        toks = toks[:-1]
    if toks and toks[-1].word not in (".", "!", "?"):
        toks = [*toks, _STOP]
    if toks:
        w = toks[0].word
        toks = [Token(w[:1].upper() + w[1:], toks[0].tag, toks[0].chunk, False), *toks[1:]]
    return toks


def _ok(*parts: list[Token]) -> bool:
    least = rules()["least_words"]
    return all(_words(p) >= least and any(t.tag.startswith("VB") or t.tag == "MD" for t in p) and _balanced(p)
               for p in parts)


def _end(toks: list[Token]) -> int:
    """The index of the sentence's closing stop (or its length)."""
    return len(toks) - 1 if toks and toks[-1].word in (".", "!", "?") else len(toks)


def relative_aside(toks: list[Token]) -> list[list[Token]] | None:
    rel_words = rules()["relatives"]
    end = _end(toks)
    for i in range(2, end - 1):
        t = toks[i]
        if t.word.lower() not in rel_words - {"that"} or toks[i - 1].word != ",":
            continue
        head, verb_at = i - 2, i + 1
        if _np_start(toks, head) > 0 and toks[_np_start(toks, head) - 1].word.lower() == "of":
            continue  # "James, son of Alphaeus, who is also known as ...": which of them is not clear
        if toks[verb_at].tag in ("RB",) and verb_at + 1 < end:
            verb_at += 1
        if not _finite_after_relative(toks[verb_at]):
            continue
        fv = _first_finite(toks, i - 1)
        if fv is not None:  # "..., which ..." to the end
            if any(x.word == "," for x in toks[i + 1:end]):
                continue  # more asides or a list after it: where the clause ends is not clear
            start = _np_start(toks, head)
            copula = t.word.lower() == "who" and _name_at(toks, head) is None and (
                _copula(toks, fv, start) or (start == fv + 1 and _copula(toks, fv, head + 1)))  # "X is a player, who"
            ref = _referent(toks, head, t.word.lower(), toks[verb_at], fv, copula=copula)
            if ref is None:
                continue
            main, said = toks[:i - 1], [*ref, *toks[i + 1:]]
        else:  # "The castle, which was built by X, is old."
            j = next((k for k in range(verb_at + 1, end - 1) if toks[k].word == ","), None)
            if j is None or toks[j + 1].tag not in FINITE:
                continue
            if toks[head].tag not in ("NN", "NNS", "NNP", "NNPS"):
                continue
            subj_fv = j + 1
            ref = _referent(toks, head, t.word.lower(), toks[verb_at], subj_fv, copula=False)
            if ref is None:
                continue
            main, said = [*toks[:i - 1], *toks[j + 1:]], [*ref, *toks[i + 1:j]]
        main, said = _sentence(main), _sentence(said)
        if _ok(main, said):
            return [main, said]
    return None


def _np_start(toks: list[Token], head: int) -> int:
    """Where the noun phrase ending at ``head`` starts ("a thinker and scientist"), by tags:
    back over describing words and nouns, to its determiner."""
    start = head
    while start > 0 and toks[start - 1].tag in ("DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$",
                                                 "VBN", "VBG", "CC", "POS", "HYPH"):
        start -= 1
        if toks[start].tag in ("DT", "PRP$"):
            break
    while start < head and toks[start].tag == "CC":
        start += 1
    return start


def relative_restrictive(toks: list[Token]) -> list[list[Token]] | None:
    r = rules()
    end = _end(toks)
    for i in range(2, end - 1):
        t = toks[i]
        if t.word.lower() not in r["relatives"] or toks[i - 1].tag not in ("NN", "NNS", "NNP", "NNPS"):
            continue
        verb_at = i + 1
        if toks[verb_at].tag == "RB" and verb_at + 1 < end:
            verb_at += 1
        if not _finite_after_relative(toks[verb_at]):
            continue
        fv = _first_finite(toks, i - 1)
        if fv is None:
            continue  # "People who live here are ...": the clause says which people
        head = i - 1
        start = _np_start(toks, head)
        np = {x.word.lower() for x in toks[max(0, start - 2):head + 1]}
        if toks[head].word.lower() in r["vague_heads"]:
            continue
        rest = " ".join(x.word.lower() for x in toks[i + 1:])
        if re.search(rf"\b(?:and|or|but),? {t.word.lower()}\b|, {t.word.lower()}\b", rest):
            continue  # "mares that were mated badly, or that were bought by ...": one clause of a few
        if np & r["restrictive_heads"] or any(x.tag in ("JJS", "CD") for x in toks[start:head + 1]):
            continue
        if start == 0 or toks[start - 1].word.lower() == "of":
            continue  # "one of the cities that ...", "the number of people who ..."
        if toks[start].word.lower() not in ("a", "an") and toks[head].tag not in ("NNS", "NNPS"):
            continue  # a bare singular noun: "the war that" goes through the check above; "water that" stays
        if any(x.tag == "CC" and nxt.tag in FINITE for x, nxt in zip(toks[i + 2:end], toks[i + 3:end], strict=False)):
            continue  # "skills that can never be replaced ... and is an important tool": the main verb goes on
        if toks[start - 1].word == ",":
            continue  # "at the end of 1968, a year that saw much upheaval": an appositive's clause says which year
        if any(x.tag == "EX" for x in toks[:fv]):
            continue  # "There are some features that unite ...": "There are some features." says nothing
        copula = _copula(toks, fv, start) or (_copula(toks, fv, head + 1) and start == fv + 1)
        if not copula and (toks[start].tag == "VBG" or toks[start - 1].tag in ("IN", "TO", "VBG")):
            continue  # "a method for finding objects that are close to ...": the clause says which objects
        ref = _referent(toks, head, t.word.lower(), toks[verb_at], fv, copula)
        if ref is None:
            continue
        if ref[0].word in ("It", "They") and copula is False and t.word.lower() == "who":
            continue
        main, said = _sentence(toks[:i]), _sentence([*ref, *toks[i + 1:]])
        if _ok(main, said):
            return [main, said]
    return None


def participle(toks: list[Token]) -> list[list[Token]] | None:
    r = rules()
    end = _end(toks)
    for i in range(2, end - 1):
        t = toks[i]
        if t.tag != "VBN" or toks[i - 1].tag not in ("NN", "NNS", "NNP", "NNPS") or \
                toks[i + 1].word.lower() not in r["participle_followers"]:
            continue
        fv = _first_finite(toks, i - 1)
        if fv is None or toks[fv].tag == "MD" or toks[fv].word.lower() in ("has", "have", "had"):
            continue
        head = i - 1
        start = _np_start(toks, head)
        if start == 0 or toks[start - 1].word.lower() == "of" or toks[start].word.lower() not in ("a", "an") \
                and toks[head].tag not in ("NNS", "NNPS"):
            continue
        copula = _copula(toks, fv, start) or (_copula(toks, fv, head + 1) and start == fv + 1)
        if toks[head].word.lower() in r["vague_heads"] or \
                {x.word.lower() for x in toks[max(0, start - 2):head + 1]} & r["restrictive_heads"]:
            continue  # "the areas covered by sea ice": which areas
        if not copula and t.word.lower() in r["person_participles"]:
            continue
        if not copula and start == head:
            continue  # "It includes languages spoken mostly in ...": "It includes languages." says nothing
        if any(x.tag == "CC" and any(y.tag in FINITE for y in toks[k + 1:k + 4])
               for k, x in enumerate(toks[fv + 1:end], start=fv + 1)):
            continue  # "a medium used in painting and paper is a medium ...": where the phrase ends is not clear
        subj = _subject(toks, fv)
        plural = toks[head].tag in ("NNS", "NNPS")
        if copula and subj is not None:
            ref = _again(subj)
            plural = _plural_verb(toks[fv]) is True
        elif toks[head].tag in ("NNP", "NNPS"):
            continue
        else:
            ref = [_mk("They" if plural else "It")]
        be = _be(toks[fv], plural, t.word)
        main, said = _sentence(toks[:i]), _sentence([*ref, be, *toks[i:]])
        if _ok(main, said):
            return [main, said]
    return None


def _same_verb(main: Token, tok: Token, after: Token) -> bool:
    """The word after "and" is a verb of the same form as the main one: the tagger's tag, or
    its twin read as a noun ("and drives the weather") or a participle ("moved ... and worked
    there") where a simple past goes before."""
    from kidpedia.kidify.simplify import _VERBS

    if main.word.lower() in _BE_MAIN and tok.word.lower() in rules()["finite_after_be"]:
        return True  # "It is an alphabet book and has 26 pictures", "was launched in 1968 and became ...": a
        # verb that is no participle has a subject of its own, the sentence's
    if main.tag == "MD" or main.word.lower() in _AUX:
        return False  # "were trained and supervised by ...": one passive, its "by" for both
    if tok.tag == main.tag:
        return True
    opens = after.tag in ("DT", "PRP$", "PRP", "JJ", "IN", "RB", "TO", "CD", "NNP")
    if main.tag == "VBZ" and tok.tag == "NNS":
        return tok.word in _VERBS and opens or after.tag in ("DT", "PRP$")  # "and drives the weather"
    if main.tag == "VBD" and tok.tag == "VBN" and main.word.lower() not in _AUX:
        return opens
    return False


_AUX = frozenset(["is", "was", "are", "were", "be", "been", "has", "have", "had", "did", "does", "do"])
_BE_MAIN = frozenset(["is", "was", "are", "were"])


def verb_and(toks: list[Token]) -> list[list[Token]] | None:
    end = _end(toks)
    fv = _first_finite(toks, end)
    if fv is None:
        return None
    subj = _subject(toks, fv)
    if subj is None:
        return None
    for k in range(fv + 2, end - 2):
        if toks[k].word != "and" or not _same_verb(toks[fv], toks[k + 1], toks[k + 2]):
            continue
        if _first_finite(toks[fv + 1:k], k - fv - 1) is not None:
            break  # a verb between them: a clause inside ("said that the war was lost and asked")
        if any(x.word.lower() in ("that", "which", "who", "whom", "whose", "where", "when", "if", "because", "while")
               for x in toks[fv + 1:k]):
            break
        main = toks[:k - 1] if toks[k - 1].word == "," else toks[:k]
        verb = Token(toks[k + 1].word, toks[fv].tag, "B-VP", False)
        main, said = _sentence(main), _sentence([*_again(subj), verb, *toks[k + 2:]])
        if _ok(main, said):
            return [main, said]
    return None


# what a restrictive clause said as a sentence of its own ends with: the main sentence alone
# may say too little ("There are some features."), so ``levels`` shows the two together.
# Kept for one article's level at a time (``leaning``): one registry for the whole process
# let an earlier article's splits decide what a later one shows ("... in the United States."),
# so a page depended on which pages the process had made before it.
_LEANING: ContextVar[dict[str, None] | None] = ContextVar("kidpedia_leaning", default=None)


@contextmanager
def leaning() -> Iterator[None]:
    """The restrictive clauses that ``split`` says on their own while this is open are the
    ones ``leans_back`` knows (``levels`` opens one per article and level)."""
    token = _LEANING.set({})
    try:
        yield
    finally:
        _LEANING.reset(token)


def _ending(text: str) -> str:
    return " ".join(text.lower().split()[-4:])


def _opening(text: str) -> str:
    """The three words after the sentence's subject word ("are used in"): a plain word
    put in later ("agriculture" -> "farming") seldom changes both ends."""
    return "^" + " ".join(text.lower().split()[1:4])


def leans_back(sentence: str) -> bool:
    """The sentence is a restrictive clause (or a "whose" clause) that a split said on its own
    (``levels`` shows it only with the sentences before it)."""
    said = _LEANING.get() or {}
    return len(sentence.split()) > 4 and (_ending(sentence) in said or _opening(sentence) in said)


_NP_TAGS = frozenset(["DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$", "POS", "CC", "HYPH", "IN",
                      "TO", "VBN", "VBG", "RB"])


_YEAR = re.compile(YEAR)  # a year, as facts reads one ("1929", "55 BC"'s "55")


def _be(fv: Token, plural: bool, participle: str = "", dated: bool = False) -> Token:
    """"is", "are", "was" or "were" before a participle: the main verb's tense, or the past
    for a participle that tells of a thing done once ("a poem written in 1928": "It was
    written"; ``event_participles``) or one its phrase dates (``dated``: "The awards, first
    presented in 1929, are ..." -> "The awards were first presented in 1929.")."""
    tense = "past" if fv.tag == "VBD" or participle.lower() in rules()["event_participles"] or (
        participle and dated) else "present"
    return _mk(_BE[(tense, plural)], "VBD" if tense == "past" else "VBZ")


def _about(toks: list[Token], fv: int) -> tuple[list[Token], bool] | None:
    """Who a new sentence about the main clause's subject names, and whether it is plural:
    the subject said again (a pronoun, a short noun phrase), else "It" / "They" as the main
    verb agrees; None for a long subject that may be a person."""
    plural = _plural_verb(toks[fv])
    subj = _subject(toks, fv)
    if subj is not None:
        if plural is None:
            plural = subj[-1].tag in ("NNS", "NNPS") or subj[-1].word in ("They", "We")
        return _again(subj), plural
    if plural is None:
        return None
    return [_mk("They" if plural else "It")], plural


def _kin_named(toks: list[Token], c1: int, end: int) -> list[list[Token]] | None:
    """"His father, Peleus, was the king of the Myrmidons." -> "His father was Peleus. Peleus was the king
    of the Myrmidons.": someone's own person named between commas."""
    subj = toks[:c1]
    if len(subj) != 2 or subj[0].tag != "PRP$" or subj[1].tag != "NN" or not subj[1].word.islower():
        return None
    c2 = next((i for i in range(c1 + 1, end) if toks[i].word == ","), None)
    if c2 is None or c2 == c1 + 1 or c2 + 1 >= end or toks[c2 + 1].tag not in FINITE:
        return None
    name = toks[c1 + 1:c2]
    if len(name) > 4 or not all(t.tag in ("NNP", "NNPS") and t.word[:1].isupper() for t in name):
        return None
    plural = _plural_verb(toks[c2 + 1])
    said = _sentence([*subj, _be(toks[c2 + 1], bool(plural)), *[Token(t.word, t.tag, t.chunk, False) for t in name]])
    main = _sentence([*[Token(t.word, t.tag, t.chunk, False) for t in name], *toks[c2 + 1:]])
    return [said, main] if _ok(said, main) else None


def appositive(toks: list[Token]) -> list[list[Token]] | None:
    """"Apollo 8, the second mission of ..., was launched on ..." -> "Apollo 8 was the second
    mission of .... Apollo 8 was launched on ...": what the subject is, then what it did."""
    end = _end(toks)
    c1 = next((i for i in range(end) if toks[i].word == ","), None)
    if c1 is None or c1 == 0 or c1 > 12:
        return None
    subj = toks[:c1]
    if any(t.tag in FINITE or t.tag not in _NP_TAGS for t in subj) or subj[-1].tag not in ("NN", "NNS", "NNP", "NNPS", "CD"):
        return None
    kin = _kin_named(toks, c1, end)
    if kin is not None:
        return kin
    if subj[0].tag not in ("DT", "NNP", "NNPS", "NN", "NNS", "JJ", "CD") or subj[0].word.lower() in ("in", "on", "at"):
        return None
    c2 = next((i for i in range(c1 + 1, end) if toks[i].word == ","), None)
    if c2 is None or c2 == c1 + 1 or c2 + 1 >= end:
        return None
    appos = toks[c1 + 1:c2]
    verb_at = c2 + 1 + (toks[c2 + 1].tag == "RB")
    if toks[verb_at].tag not in FINITE or any(t.tag in FINITE or (t.tag not in _NP_TAGS and t.tag != '"') for t in appos) \
            or not _balanced(appos):  # a quoted name inside ("often shortened to "amp"") is fine
        return None
    if appos[0].tag not in ("DT", "PRP$", "JJ", "JJS", "CD", "RB", "VBN", "NN", "NNP") or \
            appos[0].word.lower() in ("and", "or", "but") or appos[-1].tag in ("CC", "IN", "DT"):
        return None
    if appos[0].tag in ("NN", "NNP") and toks[c1 - 1].tag in ("NN", "NNP"):
        return None  # "Paris, France, is ...": a place and where it is, or a list
    adverb = appos[0].tag == "RB"
    if adverb and appos[0].word.lower() not in rules()["appositive_adverbs"] and not (
            len(appos) > 1 and appos[1].tag == "VBN"):
        return None  # "Some courts, especially supreme courts, have ...": which ones, not what they are
    main = [*subj, *toks[c2 + 1:]]
    fv = len(subj)
    plural = _plural_verb(main[fv])
    if plural is None:
        plural = subj[-1].tag in ("NNS", "NNPS")
    who = _again(subj) if len(subj) <= 6 else [_mk("They" if plural else "It")]
    done = next((t.word for t in appos[:2] if t.tag == "VBN"), "")  # "(first) presented in 1929"
    dated = any(_YEAR.fullmatch(t.word) for t in appos) and not any(t.word.lower() == "since" for t in appos)
    said = _sentence([*who, _be(main[fv], plural, done, dated), *appos])
    main = _sentence(main)
    if not _ok(main, said):
        return None
    # what the subject is first ("Apollo 8 was the second mission."); another name after
    # the sentence ("The abacus is a tool. It is also called a counting frame.")
    return [said, main] if appos[0].tag in ("DT", "PRP$") else [main, said]


_PLAIN_PREDICATE = frozenset(["DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$", "POS", "CC", "IN",
                              "HYPH", ","])


def participle_aside(toks: list[Token]) -> list[list[Token]] | None:
    """"Aruba is a country in the Caribbean, located west of ..." / "Andorra is a state in
    Europe and bordered by Spain" -> "... . Aruba is located west of ..."."""
    r = rules()
    end = _end(toks)
    for i in range(3, end - 1):
        t = toks[i]
        before = toks[i - 1].word
        if t.tag != "VBN" or before not in (",", "and") or toks[i + 1].word.lower() not in r["participle_followers"]:
            continue
        fv = _first_finite(toks, i - 1)
        if fv is None or toks[fv].tag == "MD" or toks[fv].word.lower() in ("has", "have", "had"):
            continue
        if toks[fv].word.lower() not in ("is", "was", "are", "were") or toks[i - 2].tag in ("VBN", "VBD", "VBG"):
            continue  # "He found coins and made in ...", "made and directed by": not the subject's
        if before == "," and any(x.tag not in _PLAIN_PREDICATE for x in toks[fv + 1:i - 1]):
            continue  # "... his books including Brave New World, set in London": the nearest noun's
        if any(x.tag in FINITE for x in toks[i + 1:end]):
            continue
        about = _about(toks, fv)
        if about is None:
            continue
        who, plural = about
        main = toks[:i - 1]  # without the comma or "and" before the participle (``_sentence`` drops a comma left)
        said = _sentence([*who, _be(toks[fv], plural, t.word), *toks[i:]])
        main = _sentence(main)
        if _ok(main, said):
            return [main, said]
    return None


_SUBORDINATE = frozenset(["that", "which", "who", "whom", "whose", "where", "when", "if", "because", "while",
                          "although", "though", "whether", "since", "unless", "until", "as"])


def clause_and(toks: list[Token]) -> list[list[Token]] | None:
    """"X did this and the army did that" -> "X did this. The army did that." ("but" and
    "so" stay as the second sentence's first word)."""
    end = _end(toks)
    fv = _first_finite(toks, end)
    if fv is None:
        return None
    for k in range(fv + 2, end - 2):
        word = toks[k].word.lower()
        if word not in ("and", "but", "so", "yet") or toks[k].tag != "CC":
            continue
        if any(x.word.lower() in _SUBORDINATE or x.word.lower() in rules()["reporting_verbs"] for x in toks[:k]):
            return None  # "He said that X and Y was ...", "He said he and Graf are ...": one report
        if word in ("and", "or") and toks[k - 1].tag in ("NN", "NNS", "NNP", "NNPS", "PRP", "JJ", "CD"):
            continue  # "caecilians and salamanders are ...": two subjects of one verb
        j = k + 1
        while toks[j].tag == "RB" and j < end - 1:  # "but now they ..."
            j += 1
        if toks[j].tag == "PRP" and toks[j].word.lower() in ("he", "she", "it", "they", "we", "i", "you"):
            j += 1
        else:
            while j < end and j - k <= 4 and toks[j].tag in ("DT", "JJ", "NN", "NNS", "NNP", "NNPS", "PRP$", "CD", "POS"):
                j += 1
            if j == k + 1 or toks[j - 1].tag not in ("NN", "NNS", "NNP", "NNPS"):
                continue
        verb_at = j + (j < end and toks[j].tag == "RB")
        if verb_at >= end or toks[verb_at].tag not in FINITE:
            continue
        main = toks[:k - 1] if toks[k - 1].word == "," else toks[:k]
        rest = toks[k + 1:] if word == "and" else [Token(toks[k].word.capitalize(), "CC", "O", False), *toks[k + 1:]]
        main, said = _sentence(main), _sentence(rest)
        if _ok(main, said):
            return [main, said]
    return None


def whose(toks: list[Token]) -> list[list[Token]] | None:
    """"An acid is a substance whose solutions taste sour." -> "An acid is a substance. Its
    solutions taste sour."."""
    end = _end(toks)
    for i in range(2, end - 2):
        if toks[i].word.lower() != "whose" or toks[i - 1].tag not in ("NN", "NNS"):
            continue
        fv = _first_finite(toks, i - 1)
        if fv is None:
            continue
        start = _np_start(toks, i - 1)
        copula = _copula(toks, fv, start) or (_copula(toks, fv, i) and start == fv + 1)
        subj = _subject(toks, fv)
        if copula and subj is not None and len(subj) == 1 and subj[0].word in _PRONOUNS:
            own = {"He": "His", "She": "Her", "It": "Its", "They": "Their", "We": "Our"}.get(subj[0].word)
        elif copula and subj is not None and subj[-1].tag in ("NN", "NNS"):
            own = "Their" if subj[-1].tag == "NNS" else "Its"
        elif toks[start].word.lower() in ("a", "an") or toks[i - 1].tag == "NNS":
            own = "Their" if toks[i - 1].tag == "NNS" else "Its"
        else:
            continue
        if own is None:
            continue
        main, said = _sentence(toks[:i]), _sentence([_mk(own, "PRP$"), *toks[i + 1:]])
        if _ok(main, said):
            return [main, said]
    return None


_PREDICATE_WORDS = frozenset(["DT", "JJ", "JJS", "JJR", "NN", "NNS", "NNP", "NNPS", "CD", "IN", "POS", "CC", "HYPH"])


def _who_again(toks: list[Token], fv: int) -> list[Token] | None:
    """The subject said again: the subject before the verb, or a name that follows an opening
    phrase ("In Greek myths Achilles was ..." -> "Achilles")."""
    subj = _subject(toks, fv)
    if subj is not None:
        return _again(subj)
    if toks[0].tag != "IN" or fv < 2 or toks[fv - 1].tag not in ("NNP", "NNPS"):
        return None
    name = _name_at(toks, fv - 1)
    before = toks[fv - 1 - len(name)] if name is not None and fv - 1 - len(name) >= 0 else None
    return name if name is not None and before is not None and before.tag in ("NN", "NNS", ",") else None


def predicate_and(toks: list[Token]) -> list[list[Token]] | None:
    """"X was a hero of the Trojan War and the main character of Homer's Iliad." -> "X was a hero
    of the Trojan War. X was the main character of Homer's Iliad.": two things the subject is,
    the first ending in a name, the second a common noun with what it is of."""
    end = _end(toks)
    fv = _first_finite(toks, end)
    if fv is None or toks[fv].word.lower() not in _BE_MAIN or fv + 1 >= end or \
            toks[fv + 1].word.lower() not in ("a", "an", "the"):
        return None
    for k in range(fv + 3, end - 3):
        if toks[k].word != "and" or toks[k - 1].tag not in ("NNP", "NNPS"):
            continue
        first = toks[fv + 1:k]
        if any(t.tag not in _PREDICATE_WORDS or t.word == "and" for t in first) or not any(t.tag == "IN" for t in first):
            return None
        if toks[k + 1].word.lower() not in ("a", "an", "the"):
            return None
        j = k + 2
        while j < end and toks[j].tag in ("JJ", "JJS", "JJR", "NN", "NNS", "CC") and toks[j].word[:1].islower():
            j += 1
        if j == k + 2 or j >= end or toks[j - 1].tag not in ("NN", "NNS") or toks[j].word not in ("of", "in", "for", "at"):
            return None
        who = _who_again(toks, fv)
        if who is None:
            return None
        main, said = _sentence(toks[:k]), _sentence([*who, toks[fv], *toks[k + 1:]])
        return [main, said] if _ok(main, said) else None
    return None


# nouns said of someone's relation to another ("son of", "friend of"): in a list they share what they are of
_PERSON_OF = frozenset(["son", "daughter", "child", "father", "mother", "brother", "sister", "wife", "husband", "heir",
                        "friend", "colleague", "student", "pupil", "teacher", "rival", "partner", "successor",
                        "predecessor", "ally", "founder", "leader", "member", "head", "grandson", "granddaughter",
                        "nephew", "niece", "cousin", "uncle", "aunt", "descendant", "disciple", "follower"])


def roles_and(toks: list[Token]) -> list[list[Token]] | None:
    """"X was a writer, novelist, thinker and well-known member of the Huxley family." -> "X was a
    writer, novelist and thinker. X was a well-known member of the Huxley family.": a list of bare
    nouns the subject is, and a last one with what it is of, said apart."""
    end = _end(toks)
    fv = _first_finite(toks, end)
    if fv is None or toks[fv].word.lower() not in _BE_MAIN or fv + 6 >= end or \
            toks[fv + 1].word.lower() not in ("a", "an", "the"):
        return None
    nouns, j = [], fv + 2
    while j + 1 < end and toks[j].tag in ("NN", "NNS") and toks[j].word.islower() and toks[j + 1].word == ",":
        nouns.append(toks[j])
        j += 2
    if not nouns or toks[j].tag not in ("NN", "NNS") or not toks[j].word.islower() or toks[j + 1].word != "and":
        return None
    nouns.append(toks[j])
    k = j + 2
    while k < end and toks[k].tag in ("JJ", "JJS", "NN") and toks[k].word.islower():
        k += 1
    if k == j + 2 or k >= end or toks[k - 1].tag != "NN" or toks[k].word not in ("of", "in", "at", "for"):
        return None
    if not any(x.tag in ("JJ", "JJS") for x in toks[j + 2:k - 1]) or any(x.word in _PERSON_OF for x in nouns):
        return None  # "the son, heir and successor of King X": what each is of is the same one
    who = _who_again(toks, fv)
    if who is None:
        return None
    listed: list[Token] = []
    for n, noun in enumerate(nouns):
        if n:
            listed.append(_mk(",", ",") if n < len(nouns) - 1 else _mk("and", "CC"))
        listed.append(noun)
    listed = [Token(x.word, x.tag, x.chunk, x.word == ",") for x in listed]
    det = toks[fv + 1].word.lower()
    if det != "the":
        det = "an" if toks[j + 2].word[:1] in "aeiou" else "a"
    main = _sentence([*toks[:fv + 2], *listed])
    said = _sentence([*who, toks[fv], _mk(det, "DT"), *toks[j + 2:]])
    return [main, said] if _ok(main, said) else None


_ONE_OF_MOST = re.compile(r"^(?P<subj>[A-Z][^,;:()]{0,60}?) (?P<be>is|was|are|were) one of the "
                          r"(?P<sup>most [a-z]+(?: and [a-z]+)?|[a-z]+est(?: and [a-z]+est)?) of the "
                          r"(?P<rest>(?:[A-Za-z-]+ ){0,3}[a-z]+s\b.*)\.$")


def one_of_most(toks: list[Token]) -> list[list[Token]] | None:
    """"Apollo is one of the most important and complex of the Olympian gods in ..." -> "Apollo is one
    of the Olympian gods in .... Apollo is one of the most important and complex of them.": what the
    subject is one of, then how it stands among them."""
    m = _ONE_OF_MOST.match(render(toks))
    if m is None or len(m.group("subj").split()) > 5 or m.group("subj").split()[0] in ("In", "On", "At", "For", "By"):
        return None
    subj, be = m.group("subj"), m.group("be")
    main = tokens(f"{subj} {be} one of the {m.group('rest')}.")
    said = tokens(f"{subj} {be} one of the {m.group('sup')} of them.")
    return [main, said] if main and said and _ok(main, said) else None


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12}
_COUNTED = re.compile(r"\b(?P<num>" + "|".join(_COUNT_WORDS) + r"|\d{1,2}) (?:[\w-]+ ){0,3}[a-z]{3,}s\b")
_COLON_LIST = re.compile(r"^(?P<head>[^:;]+ [a-z]{3,}s): (?P<list>[^:;]+)\.$")


def colon_list(toks: list[Token]) -> list[list[Token]] | None:
    """"He was a general in three different armies: the Texian Army, the United States Army, and the
    Confederate States Army." -> "He was a general in three different armies. They were the Texian Army,
    the United States Army, and the Confederate States Army.": the things counted, then which they are,
    where the list has as many as the count says (and the sentence counts nothing else)."""
    m = _COLON_LIST.match(render(toks))
    if m is None:
        return None
    head, listed = m.group("head"), m.group("list")
    counted = list(_COUNTED.finditer(head))
    if len(counted) != 1 or counted[0].end() != len(head):
        return None
    items = [x for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed) if x]
    want = _COUNT_WORDS.get(counted[0].group("num").lower()) or int(counted[0].group("num"))
    if len(items) != want or not all(x[:1].isupper() or x.startswith("the ") for x in items) \
            or any(len(x.split()) > 6 for x in items):
        return None
    before = len(tokens(head[:counted[0].start()].rstrip() or "x"))  # the verb nearest before the count
    fv = next((i for i in range(min(before, _end(toks)) - 1, -1, -1) if toks[i].tag in FINITE), None)
    if fv is None:
        return None
    be = "were" if toks[fv].tag == "VBD" else "are"  # "was a general in three armies", "The armed forces have"
    main, said = tokens(head + "."), tokens(f"They {be} {listed}.")
    return [main, said] if main and said and _ok(main, said) else None


RULES = {"appositive": appositive, "relative_aside": relative_aside, "relative_restrictive": relative_restrictive,
         "whose": whose, "participle": participle, "participle_aside": participle_aside, "verb_and": verb_and, "predicate_and": predicate_and,
         "roles_and": roles_and, "one_of_most": one_of_most,
         "colon_list": colon_list,
         "clause_and": clause_and}


def split(sentence: str, which: tuple[str, ...] = tuple(RULES)) -> str:
    """A long sentence said as short ones (the rules in ``which``, in order, again on what
    they make, a few times at most); a short one, or one no rule fits, comes back as it is."""
    above = rules()["split_above"]
    todo = [sentence]
    out: list[str] = []
    budget = 6
    while todo:
        s = todo.pop(0)
        if len(s.split()) <= above or budget <= 0 or not s.strip():
            out.append(s)
            continue
        toks = tokens(s)
        parts = None
        for name in which:
            parts = RULES[name](toks) if toks else None
            if parts:
                break
        if not parts:
            out.append(s)
            continue
        budget -= 1
        said = [render(p) for p in parts]
        leaning_now = _LEANING.get()
        if name in ("relative_restrictive", "whose") and leaning_now is not None:
            leaning_now[_ending(said[1])] = None
            leaning_now[_opening(said[1])] = None
        todo[:0] = said
    return " ".join(out)
