"""Sentence simplification by rules, offline: one sentence in, one (or a few) out.

    simplify(sentence, level=2, lang="en", steps=STEPS) -> str
    facts(text) -> set[str]          the numbers and names a text states

Each step can be turned off to measure what it buys (``bench/readability.py``):

  parentheticals  drop "( ... )" and "[ ... ]": pronunciations, native names, other
                  spellings, life dates repeated from the box, citations, the same measure in
                  other units; a measurement or a work's year that is said nowhere else stays
                  ("the Tollensesee (18 km ²)", "Libra (1988)", ``keep_parenthetical``)
  adverbials      drop linking words a child does not need ("In addition, ", ", however,")
  adverbs         drop -ly adverbs whose loss leaves a true sentence ("grew rapidly" ->
                  "grew"), from ``rules/adverbs.yaml`` (the words kept, with tests)
  asides          drop an aside set off by a comma that states no number or name (", which
                  ...", ", making it ...", ", such as ...", ", although ..."), from
                  ``rules/asides.yaml`` (openers, words never cut, examples with tests)
  words           plain words for hard ones, from ``rules/simple_words.yaml`` (data, each
                  entry with its test)
  split           split long sentences at clause boundaries: ";", ", which is ..." at the
                  end, ", and he ...", ", but ...", "He did X and did Y"
  commas          fewer optional commas: after a short opening phrase ("In 1990, he" -> "In
                  1990 he") and before "and", "but", "or" where the comma closes no aside
  tense           the simple past for the past perfect ("had moved" -> "moved")
  numbers         round numbers a child reads better: 3,000,000 -> 3 million (exact only)
  tagged          (levels 1 and 2, last) long sentences said as short ones at their clauses,
                  over TextBlob's part-of-speech tags (``clauses``, ``rules/clauses.yaml``)

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

from kidpedia import yamlload

STEPS = ("parentheticals", "adverbials", "fillers", "adverbs", "asides", "clauses", "words", "split", "trailing",
         "shorten", "commas", "tense", "numbers", "tagged")
SPLIT_TAGGED_LEVEL = 1  # the levels (this one and below) whose "tagged" step splits at clauses over the tagger:
# level 1 only. At level 2 it buys +0.35-0.4 SARI on ASSET valid but writes wrong sentences where
# the tagger errs ("Then he and his arrangers. They were aimed to protect his privacy.", Albert Einstein)
SHORT = {2: (12, 5), 1: (9, 4)}  # level -> (a sentence longer than this many words is cut at
#                                   its first comma after at least this many)

_PAREN = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_SPACE_PUNCT = re.compile(r"\s+([,.;:!?])")
_DOUBLE_COMMA = re.compile(r",\s*,")
_LINKERS = re.compile(
    r"^(?:In addition|Furthermore|Moreover|Additionally|Also|Indeed|In fact|Notably|"
    r"Consequently|Meanwhile|As a result|Subsequently|Nevertheless|Nonetheless),\s+"
)
_MID_LINKERS = re.compile(r",\s+(?:however|therefore|though|in fact|for example|moreover|also|thus|by contrast|in contrast|"
                          r"for instance|of course|if any|say|in theory|in turn|in particular|in general|as such|"
                          r"as well|furthermore|nevertheless|nonetheless|indeed|meanwhile|too|then|again),\s+")
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
_MID_CLAUSE = re.compile(r",\s+which\s+(is|was|are|were|has|have|had)\s+([^,;.]+),\s+")
_BIG = re.compile(r"\b(\d{1,3})(?:,000,000,000|,000,000|,000)\b(?!,\d)")
_BIG_NAMES = {",000,000,000": "billion", ",000,000": "million"}


def alternation(phrases: list[str]) -> str:
    """A regex matching any of ``phrases`` (case as the pattern's flags say; a space: any
    whitespace), written as a trie: "a(?:bout|lso)" rather than "about|also". At each
    place it tries the longer phrase first, so it matches what the plain alternation of
    the phrases, longest first, matches; with 865 phrases the plain one tried each at every
    word and took 25 of 26 s of the sample's words (``tests/kidify/test_simplify.py``)."""
    root: dict[str, dict[str, Any]] = {}
    for phrase in phrases:
        node = root
        for unit in re.findall(r"\s+|.", phrase.lower(), re.DOTALL):
            node = node.setdefault(" " if unit.isspace() else unit, {})
        node[""] = {}  # a phrase ends here

    def emit(node: dict[str, Any]) -> str:
        alts = [(r"\s+" if u == " " else re.escape(u)) + emit(child) for u, child in sorted(node.items()) if u]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


@lru_cache(maxsize=1)
def word_rules() -> tuple[list[tuple[re.Pattern[str], dict[str, dict[str, Any]]]], list[dict[str, Any]]]:
    """The plain-word table, compiled: one pattern for the entries that open a sentence
    and one for the rest (longest phrase first), each with its lookup of entries (the
    plain form ``to``; ``not_after``: words after which the entry does not apply, "to
    film" is no "to movie")."""
    path = resources.files("kidpedia.kidify") / "rules" / "simple_words.yaml"
    entries: list[dict[str, Any]] = yamlload.safe_load(path.read_text(encoding="utf-8"))["words"]
    rules = []
    for at_start in (True, False):
        chosen = sorted((e for e in entries if bool(e.get("start")) == at_start), key=lambda e: -len(e["from"]))
        alts = alternation([e["from"] for e in chosen])
        pattern = rf"^(?:{alts})" if at_start else rf"\b(?:{alts})\b"
        rules.append((re.compile(pattern, re.IGNORECASE), {e["from"].lower(): e for e in chosen}))
    return rules, entries


@lru_cache(maxsize=1)
def adverb_rules() -> dict[str, Any]:
    """The adverb table (``rules/adverbs.yaml``): the stem frequency, the -ly words kept,
    and the examples its test checks."""
    path = resources.files("kidpedia.kidify") / "rules" / "adverbs.yaml"
    data: dict[str, Any] = yamlload.safe_load(path.read_text(encoding="utf-8"))
    data["keep"] = frozenset(data["keep"])
    data["before_to"] = frozenset(data["before_to"])
    data["after_judging"] = frozenset(data["after_judging"])
    return data


@lru_cache(maxsize=1)
def aside_rules() -> dict[str, Any]:
    """The aside table (``rules/asides.yaml``): the openers of an aside that may go (one
    pattern, longest first), the -ing words that never open one, and its examples."""
    path = resources.files("kidpedia.kidify") / "rules" / "asides.yaml"
    data: dict[str, Any] = yamlload.safe_load(path.read_text(encoding="utf-8"))
    alts = "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(data["openers"], key=len, reverse=True))
    data["pattern"] = re.compile(rf"^(?:{alts})\b")
    data["never"] = frozenset(data["never"])
    defs = "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in sorted(data["definitions"], key=len, reverse=True))
    data["definition"] = re.compile(rf"^(?:{defs})\b")
    data["where_places"] = frozenset(data["where_places"])
    data["linking_openings"] = frozenset(data["linking_openings"])
    for key in ("vague_subjects", "listing_openers"):
        alts = "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(data[key], key=len, reverse=True))
        data[key] = re.compile(rf"^(?:{alts})\b(?!\s+of\b)", re.IGNORECASE)  # "Several of these officers": said
    return data


def names_a_vague_subject(head: str, aside: str) -> bool:
    """The aside lists what a vague subject ("Various themes", "Several of them") stands for
    (``rules/asides.yaml``): "Various themes were treated, in particular ..." without it says
    nothing. (The callers ask only of an aside that closes the sentence: "Many people,
    especially in small towns, still keep chickens." says something without it.)"""
    rules = aside_rules()
    return bool(rules["vague_subjects"].match(head.lstrip()) and rules["listing_openers"].match(aside.lstrip(" ,")))


def _stems(word: str) -> list[str]:
    """What an adverb in -ly may be made from: quickly <- quick, happily <- happy,
    possibly <- possible, basically <- basic, fully <- full, gently <- gentle."""
    base = word[:-2]
    out = [base]
    if base.endswith("i"):
        out.append(base[:-1] + "y")
    if base.endswith("al") and word.endswith("ically"):
        out.append(base[:-2])
    if word.endswith("lly"):
        out.append(word[:-1])
    if word.endswith(("bly", "tly", "dly", "ply", "kly", "gly")):
        out.append(word[:-1] + "e")
    return out


@lru_cache(maxsize=4096)
def droppable_adverb(word: str) -> bool:
    """A lowercase -ly word made from a common word and not in the table's ``keep`` list."""
    from kidpedia.kidify.reading import zipf

    rules = adverb_rules()
    if not word.endswith("ly") or len(word) < 6 or not word.isalpha() or not word.islower() or word in rules["keep"]:
        return False
    return any(len(stem) >= 4 and zipf(stem, "en") >= rules["stem_zipf"] for stem in _stems(word))


_NO_DROP_BEFORE = frozenset(["as", "so", "too", "how", "more", "most", "less", "least", "very", "not", "never",
                             "and", "or", "but", "nor", "than", "enough", "n't", "no", "though", "although", "albeit",
                             "if", "while", "yet", "even"])
_QUANTIFIERS = frozenset(["a", "an", "the", "many", "some", "several", "all", "its", "their", "his", "her", "these",
                          "those", "this", "that", "other", "few", "two", "three", "various", "such"])
_NO_DROP_AFTER = frozenset(["as", "than", "enough", "and", "or", "but", "nor"])


def drop_adverbs(s: str) -> str:
    """Adverbs in -ly that leave a true sentence behind go ("grew rapidly" -> "grew"); not
    in a comparison ("as quickly as"), after a negation, or in a pair ("slowly and
    carefully"). "An extremely large" becomes "a large"."""
    words = s.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        bare = w.rstrip(",")
        prev = out[-1].lower() if out else ""
        nxt = words[i + 1].lower().strip(",.;:") if i + 1 < len(words) else ""
        pair = ((i + 1 < len(words) and droppable_adverb(words[i + 1].lower().strip(",.;:!?")))
                or (i > 0 and droppable_adverb(words[i - 1].lower().strip(",.;:!?"))))  # "extremely quickly"
        opener = i == 0 and w.endswith(",") and droppable_adverb(bare.lower())  # "Unfortunately, ..."
        judged = prev in adverb_rules()["after_judging"]  # "were received skeptically": how, the point
        inner = (i > 0 and not w.endswith(",") and droppable_adverb(bare) and nxt and prev not in _NO_DROP_BEFORE
                 and not judged
                 and nxt not in _NO_DROP_AFTER and not prev.endswith(",")
                 and not (nxt == "to" and bare in adverb_rules()["before_to"])  # "analogously to"
                 and not (prev in _QUANTIFIERS and (nxt.endswith("ed") or nxt in _IRREGULAR)))  # "many commonly used"
        last = (i == len(words) - 1 and i > 1 and w[-1:] in ".!?" and droppable_adverb(w[:-1])
                and prev not in _NO_DROP_BEFORE and not prev.endswith(",") and not judged)  # "grew rapidly."
        if last and not pair:
            out[-1] += w[-1]
            break
        if (opener or inner) and not (pair and not opener):
            i += 1
            if out and out[-1].lower() in ("a", "an") and i < len(words):
                out[-1] = _article(out[-1], words[i])
            continue
        out.append(w)
        i += 1
    return _capital(" ".join(out))


def _article(old: str, nxt: str) -> str:
    an = nxt[:1].lower() in "aeio" or (nxt[:1].lower() == "u" and not nxt.lower().startswith(("uni", "use", "usu", "ura", "ure", "uro")))
    new = "an" if an else "a"
    return _same_case(old, new)


def _same_case(old: str, new: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]


def _tidy(s: str) -> str:
    s = re.sub(r",\s*([.!?;:])", r"\1", s)
    s = re.sub(r"(\b[A-Za-z]\.)\.(?=\s|$)", r"\1", s)  # "as far as 799 a. d.. But" -> "a. d. But"
    s = _DOUBLE_COMMA.sub(",", s)
    s = _SPACE_PUNCT.sub(r"\1", s)
    return re.sub(r"\s{2,}", " ", s).strip()


_YEAR = re.compile(r"\b(?:1[0-9]|20)\d\d\b")
_LIFE = re.compile(r"\b(?:born|died|b\.|d\.|c\.|ca\.|fl\.)(?!\w)", re.IGNORECASE)
_PRONOUNCE = re.compile(r"pronounced|[ˈˌəɪʊʃʒθðŋɛɔæ]|\bIPA\b")


def keep_parenthetical(before: str, paren: str) -> bool:
    """A parenthetical that is the only place a number, a year or a measurement is said
    stays ("a lake called the Tollensesee (18 km ²)", "Libra (1988) is a novel"); what the
    issue lets go, goes: one with no number (a native name, a spelling), a pronunciation,
    life dates ("(born 29 November 1932)", "Ada Lovelace (1815 – 1852)") and the same
    measure in other units after a number ("6,000 m (19,685 ft)")."""
    inner = paren[1:-1].strip()
    if not re.search(r"\d", inner) or _PRONOUNCE.search(inner) or _LIFE.search(inner) or _REFERENCE.match(inner):
        return False
    words = re.sub(r"[(\[][^()\[\]]*[)\]]", "", before).split()
    if re.search(r"\d", " ".join(words[-3:])) and _CONVERSION.match(inner):
        return False  # the same measure in other units: "6,000 m (19,685 ft)"
    years = list(_YEAR.finditer(inner))
    if (len(years) >= 2 and words and words[-1][:1].isupper()
            and inner[years[0].end():years[1].start()].strip() not in (",", "and", "or")
            and not re.search(r"[a-z]{3,}", re.sub(MONTH_NAMES, "", inner, flags=re.IGNORECASE))):
        return False  # life dates after a name: "Ada Lovelace (10 December 1815 – 27 November 1852)"
    # a measurement, or the year of a work after its title ("Libra (1988)", "The Hobbit (1937)"); other
    # numbers ("the Irish senate (1969 – 1989)", "(# 2)", "(at about 26 weeks)") still go: keeping every one
    # costs 0.3 SARI on ASSET valid (38.12 -> 37.82), keeping also short ones with a year 0.12, these 0.04
    return bool(_MEASURE.match(inner)) or (bool(re.fullmatch(r"(?:1[0-9]|20)\d\d", inner))
                                           and bool(words) and (words[-1][:1].isupper() or words[-1][-1:] in "\"”'"))


_MEASURE = re.compile(r"^(?:about\s|~\s?)?[\d.,]+(?:\s*(?:-|–|and|to|or)\s*[\d.,]+)?\s*(?:km|mi|m|ft|feet|mm|cm|ha|"
                      r"hectares|sq|lb|kg|mph|°|in|miles|metres|meters|kilometres|kilometers|acres|tons|tonnes)(?!\w)")


MONTH_NAMES = r"january|february|march|april|may|june|july|august|september|october|november|december"
_REFERENCE = re.compile(r"(?i:table|fig\.?|figure|p\.|pp\.|page)\s*\d|(?i:also|or)\b"  # a table, other names
                        rf"|(?!(?i:{MONTH_NAMES})\b)[A-Z][\w'’-]+(?: (?:and|&) [A-Z][\w'’-]+| et al\.?)? \d{{4}}(?:, \d+)?$")  # "(Smith 2004, 111)"
_CONVERSION = re.compile(r"^(?:about\s|~\s?)?[\d.,]+(?:\s*(?:-|–|and|to|or)\s*[\d.,]+)?\s*[^\d\s][^\d]*$")


def drop_parentheticals(s: str) -> str:
    def drop(m: re.Match[str]) -> str:
        # (not after "A" opening the sentence: the letter A's page, "A (plural As, A's, ...) is the first letter")
        if re.search(r"(?:\b(?:the|a|an)|^(?:The|An))$", m.string[:m.start()]) and m.group(0).strip()[:1] == "(":
            return " " + m.group(0).strip()[1:-1]  # a name where the noun goes: "the (Ambundu) with 25%"
        return m.group(0) if keep_parenthetical(m.string[:m.start()], m.group(0).strip()) else ""

    prev = None
    while prev != s:
        prev, s = s, _PAREN.sub(drop, s)
    if s.count("(") != s.count(")"):  # a parenthesis the sentence split opened or closed: no mark
        s = s.replace("(", "").replace(")", "")
    return _tidy(s)


def drop_adverbials(s: str) -> str:
    s = _LINKERS.sub("", s)
    s = _MID_LINKERS.sub(_mid_linker, s)
    return _capital(s)


def _mid_linker(m: re.Match[str]) -> str:
    """", however, " goes; ", for example, " before a mere name or noun ("some sponges, for
    example, breadcrumb sponge") stays: without it the example runs into the noun."""
    words = m.string[m.end():].split(",")[0].split()
    before = m.string[:m.start()].split()[-1:]
    if m.group(0).strip(", ").lower() in ("for example", "for instance") and words and not _has_verb(words) \
            and before and before[0].isalpha() and before[0].islower() and not _is_verb(before[0]) \
            and before[0] not in _AUXILIARIES:
        return m.group(0)
    return " "


_PAST_ONLY_TEXT = ("gave went took ate began wrote rode drove broke chose spoke fell rose flew drew grew knew saw sang "
                   "swam threw wore hid forgot did showed")
_PAST_ONLY = frozenset(_PAST_ONLY_TEXT.split())
_BE_FORMS = frozenset(["is", "was", "are", "were", "be", "been", "being"])
_AUXILIARIES = _BE_FORMS | {"has", "have", "had", "having"}


_BETWEEN_AUX = frozenset(["sometimes", "often", "usually", "also", "not", "never", "always", "mostly", "mainly", "still",
                          "generally", "commonly", "first", "now", "then", "already", "rarely", "typically"])


def _replacer(plain: dict[str, dict[str, Any]]) -> Callable[[re.Match[str]], str]:
    def swap(m: re.Match[str]) -> str:
        old = m.group(0)
        if old[:1].isupper() and m.start() > 0:  # part of a name ("Hoar Construction")
            return old
        if (m.start() > 0 and m.string[m.start() - 1] == "-") or m.string[m.end():m.end() + 1] == "-":
            return old  # part of a compound ("Non-avian", "cease-fire" is no "stop-fire")
        entry = plain[" ".join(old.lower().split())]
        before = m.string[:m.start()].split()[-1:]
        prev = before[0].lower().strip(",") if before else ""
        if prev and prev in entry.get("not_after", ()):
            return old
        if before and "<name>" in entry.get("not_after", ()) and before[0][:1].isupper() \
                and not re.search(r"(^|[.!?:;]\s*)$", m.string[:m.start()].rstrip()[:-len(before[0])]):
            return old  # part of a name: "the Nord-Pas-de-Calais region"
        if before and before[0][-1:] in ",;:(" and "," in entry.get("not_after", ()):
            return old  # "X, which ..." is an aside, not "X which ..."
        aux = next((w.lower() for w in reversed(m.string[:m.start()].split()[-3:])
                    if w.lower() not in _BETWEEN_AUX), "")  # "are sometimes indicated": "are"
        if (prev in _AUXILIARIES or aux in _AUXILIARIES) and entry["to"].split()[0] in _PAST_ONLY:
            return old  # "was ceded" is no "was gave up", "had witnessed" no "had saw", "are sometimes showed"
        if prev in _BE_FORMS and entry["to"].split()[0] in ("got", "get", "gets"):
            return old  # "have been obtained" is no "have been got"
        after = m.string[m.end():].split()[:1]
        nxt = after[0].lower().strip(",.;:") if after else ""
        if nxt and (nxt in entry.get("not_before", ()) or ("<number>" in entry.get("not_before", ()) and nxt[0].isdigit())
                    or ("<possessive>" in entry.get("not_before", ()) and nxt.endswith(("'s", "’s", "s'", "s’")))):
            return old
        if "<end>" in entry.get("not_before", ()) and not _next_allowed(["<name>", "<number>", "*"], m.string[m.end():]):
            return old  # a describing word that ends its clause ("still dominant."): not before a noun
        if "only_before" in entry and not _next_allowed(entry["only_before"], m.string[m.end():]):
            return old
        agreed = _agree(entry, m.string[:m.start()])
        return old if agreed is None else _same_case(old, agreed)

    return swap


_TO_BE = {"was": ("was", "were"), "is": ("is", "are"), "are": ("is", "are"), "be": ("is", "are"), "has": ("has", "have")}
_BARE_AFTER = frozenset(["can", "could", "may", "might", "must", "will", "would", "should", "shall", "to"])
_NEGATED = frozenset(["not", "n't", "do", "does", "did", "never"])  # "did not consist of": no "did not be made up of"
_PLURAL_WORDS = frozenset(["they", "we", "you", "these", "those", "both", "many", "several", "few", "others"])
_RELATIVE_WORDS = frozenset(["which", "that", "who"])


_NAME_WORDS = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*"
_TWO_NAMES = re.compile(rf"(?:[Tt]he )?{_NAME_WORDS}(?:, {_NAME_WORDS})*,? and (?:the )?{_NAME_WORDS}")


def _plural_subject(before: str) -> bool:
    """The words before a verb end with a plural subject: "they", "these", a noun in -s
    ("The islands consisted of"), or a relative word after one ("walls, which consisted of")."""
    if _TWO_NAMES.fullmatch(before.rsplit(". ", 1)[-1].strip()):
        return True  # "Cape Verde and Guinea-Bissau served as ...": two names, one subject
    words = [w.strip(",") for w in before.split()[-4:]]
    while words and (words[-1].lower() in _BETWEEN_AUX or words[-1].lower().endswith("ly")):
        words.pop()  # "mostly consisted of": the subject is before the adverb
    if words and words[-1].lower() in _RELATIVE_WORDS:
        words.pop()
    if not words:
        return False
    w = words[-1]
    low = w.lower()
    return low in _PLURAL_WORDS or (w.isalpha() and len(w) > 3 and low.endswith("s")
                                    and not low.endswith(("ss", "us", "is", "ics", "ous")))


def _agree(entry: dict[str, Any], before: str) -> str | None:
    """The plain form said in agreement with its sentence where it opens with a form of "be"
    (or "has") and the word it stands for does not: a past verb ("consisted of") after a plural
    subject is "were made up of"; a bare verb ("consist of", "serve as") is "be ..." after a
    modal or "to", else "are ..."; after "not" or "do" nothing is said otherwise (None)."""
    to = entry["to"]
    first, _, rest = to.partition(" ")
    verb = entry["from"].split()[0].lower()
    if first not in _TO_BE or verb in _TO_BE or verb in ("were", "are", "have", "had", "be", "been"):
        return to
    prev = next((w.lower().strip(",") for w in reversed(before.split()[-3:]) if w.lower() not in _BETWEEN_AUX), "")
    if verb.endswith("ed") and first == "was":
        form = _TO_BE["was"][_plural_subject(before)]
    elif not verb.endswith("s") and first in ("are", "be"):
        if prev in _NEGATED or before.lower().endswith("n't") or prev in ("and", "or"):
            return None  # "to command, pilot or serve as ...": what governs a listed verb is further back
        form = "be" if prev in _BARE_AFTER else "are"
    else:
        return to
    return f"{form} {rest}".strip()


def _next_allowed(allowed: list[str], rest: str) -> bool:
    """What follows the word is one of ``only_before``: a word of the list, "<number>" (a
    word with a digit), "<name>" (a capitalised word), "<end>" (the sentence or its clause
    ends: nothing, or a comma or stop first), "<time>" (a number, a month, a season, "early",
    "late"), or a few words of these ("in <time>", "in the <time>": "occurs in spring", not
    "occurs in many forms"). "was established in 1850" is a verb;
    "established notations" is an adjective, said otherwise."""
    rest = rest.lstrip()
    if not rest or rest[0] in ",.;:!?)":
        return "<end>" in allowed
    nxt = rest.split()[0]
    word = nxt.lower().strip(",.;:!?\"')")
    return ("*" in allowed or word in allowed or ("<number>" in allowed and any(c.isdigit() for c in nxt))
            or ("<name>" in allowed and nxt[:1].isupper())
            or ("<time>" in allowed and (any(c.isdigit() for c in nxt) or word in _TIME_WORDS))
            or any(_next_allowed([x.split(" ", 1)[1]], rest[len(nxt):]) for x in allowed if x.startswith(word + " ")))


_TIME_WORDS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december", "spring", "summer", "autumn", "fall", "winter", "early",
                         "late", "mid", "morning", "evening", "night", "day", "daytime", "past", "future", "year",
                         "years", "century", "season", "wet", "dry", "breeding", "instant", "moment", "time", "same",
                         "regular", "daily", "weekly", "monthly", "yearly", "annual"])


# "had a population of 24.3 million inhabitants" -> "had 24.3 million people"; "an estimated population of N" is
# "about N people"
_POPULATION = re.compile(
    r"\b(has|had|have|with|to|reached|reaching) (?:a |an )?(?:total )?(estimated )?population of "
    r"((?:about |around |over |nearly |almost |more than |less than |roughly |some )?\d(?:[\d,.]*\d)?"
    r"(?:\s*(?:-|–|to)\s*\d(?:[\d,.]*\d)?)?(?: (?:million|billion|thousand))?)(?: (?:people|inhabitants|residents|persons))?"
    r"(?=[\s,.;:)]|$)")


def _population(m: re.Match[str]) -> str:
    amount = m.group(3)
    if m.group(2) and not re.match(r"(?:about|around|over|nearly|almost|more|less|roughly|some) ", amount):
        amount = "about " + amount
    return f"{m.group(1)} {amount} people"


def plain_words(s: str) -> str:
    s = _POPULATION.sub(_population, s)
    for pattern, plain in word_rules()[0]:
        swap = _replacer(plain)
        out: list[str] = []
        at = 0
        for m in pattern.finditer(s):
            new = swap(m)
            head = s[at:m.start()]
            if new != m.group(0) and (_repeats(new, m.group(0), "".join(out) + head, s[m.end():])
                                      or _quoted(s, m.start())):
                new = m.group(0)  # "initiate the beginning" is no "start the start"; a quotation is said as written
            if new != m.group(0):  # "an initial plan" -> "a first plan"
                a = re.search(r"\b([Aa]n?)(\s+)$", head)
                if a:
                    head = head[:a.start()] + _article(a.group(1), new) + a.group(2)
            out += [head, new]
            at = m.end()
        s = "".join(out) + s[at:]
    return _capital(s)


def _quoted(s: str, at: int) -> bool:
    """The place is inside a quotation: someone's words, or what a word means ('jatu-krit,
    meaning "pitch creating", "pitch producing"' is no '"pitch making", "pitch making"')."""
    before = s[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _repeats(new: str, old: str, done: str, after: str) -> bool:
    """The plain word says again a word next to it ("tries to start the start of", where
    two rules collide; "soy drink / drink" for "soy drink / beverage"; "a town and a town"
    for "a municipality and a town")."""
    near = [w.lower().strip(",;:/.") for w in done.split()[-2:] + after.split()[:3]]
    return any(w in near and w not in old.lower().split() for w in new.lower().split() if len(w) > 3)


_NOT_ONLY = re.compile(r"\bnot only\b", re.IGNORECASE)  # "Not only had X been beaten, but ...": one sentence


def _compound_subject(rest: str) -> bool:
    """What follows "X, and" is the second half of a subject whose verb comes after a comma:
    "Ideas like this, and his ideas about souls, are not regarded as science" (no "Ideas like
    this." alone, the sample's Aristotle)."""
    parts = rest.split(", ", 1)
    return len(parts) == 2 and len(parts[0].split()) <= 6 and not _has_verb(parts[0].split()[1:]) \
        and bool(parts[1].split()) and _predicate_follows(parts[1].split())


_NAME_WHICH = re.compile(r"^(?P<np>[A-Z][\w'’-]*(?: [\w'’-]+){0,4}), which (?P<be>is|are|was|were) (?P<rest>[^,;:]+)\.$")


_NAME_WHO = re.compile(r"^(?P<name>(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]*)(?P<app>, (?:the|a|an) [^,]+)?,(?: who)? "
                       r"(?P<verb>[a-z]+) (?P<rest>[^,;:]+)\.$")


def said_of_a_name(s: str) -> str:
    """A list item that is a name and a clause on it ("Aether, which is the divine substance
    that makes up the heavenly spheres."), shown as a sentence, says it as one: "Aether is the
    divine substance ..." (the sample's Aristotle at level 2); "Will Hay, the famous comedian
    and actor, who discovered a white spot on Saturn." -> "Will Hay, the famous comedian and
    actor, discovered ..."; "George Alcock, discovered several comets." -> "George Alcock
    discovered several comets." (Amateur astronomy)."""
    m = _NAME_WHICH.match(s)
    if m and not _has_verb(m.group("np").split()[1:]) and m.group("np").split()[0].lower() not in _OPENING_WORDS:
        return f"{m.group('np')} {m.group('be')} {m.group('rest')}."
    m = _NAME_WHO.match(s)
    if not m or not _finite(m.group("verb")) or m.group("name").split()[0].lower() in _OPENING_WORDS \
            or m.group("name").split()[0] in ("The", "A", "An", "This", "These", "It", "They", "He", "She"):
        return s
    if m.group("app"):
        return f"{m.group('name')}{m.group('app')}, {m.group('verb')} {m.group('rest')}."
    return f"{m.group('name')} {m.group('verb')} {m.group('rest')}."


# a sentence after the "which" clause that opens with a link word and a pronoun: the clause said
# as a sentence would stand between the pronoun and what it names (Alkali metal: "... synthesis of
# ununennium. It is likely to be the next member of the group. But they have all met with failure.")
_LINKED_PRONOUN = re.compile(rf"[.!?]\s+(?:But|And|So|Yet)\s+{_PRONOUN}\b")


def split_clauses(s: str) -> str:
    """Long sentences become short ones at clause boundaries (same line)."""
    s = said_of_a_name(s)
    s = _SEMICOLON.sub(_semicolon, s)
    s = _split_and(s)
    s = _SPLIT_BUT.sub(lambda m: ". But " if _clause_follows(s[m.end():]) and not _parallel_that(s[:m.start()], s[m.end():])
                       and not _NOT_ONLY.search(s[:m.start()]) else m.group(0), s)
    s = _AND_OPENING.sub(_and_opening, s)
    s = ". ".join(_split_one(p) for p in s.split(". "))
    m = _WHICH.search(s) or _WHICH_ANY.search(s)
    head = s[:m.start()].split() if m else []
    if m and (m.re is _WHICH or _finite(m.group(1))) and _clause_before_which(s[:m.start()], m.group(2)) \
            and head[0].lower() not in ("unlike", "like", "despite", "except", "besides", "instead") \
            and not _and_verb_after(m.group(2)) and not _LINKED_PRONOUN.search(m.group(2)) \
            and not re.search(r",\s+(?:when|while|after|before|because|as|since|until|if|though|although)\b|,?\s+and\s+which\b"
                          r"|,\s+(?:and|as well as)\s+(?:a|an|the|his|her|its|their)\s+[^,]*,\s+which\b",
                          m.group(2)):
        # the clause ends the sentence: not "..., which was part of X, when the army grew" (the "when" is the
        # main clause's)
        verb, before = m.group(1), s[:m.start()].split()[-1]
        named = re.search(r"\bthe (?:[A-Z][\w'’-]*\s)*[A-Z][\w'’-]*$", s[:m.start()])  # "the North-Western Provinces"
        plural = (before.islower() or bool(named)) and before.endswith("s") and not before.endswith(("ss", "us", "is"))
        if verb in _WHAT_FOLLOWS and not _has_verb(s[:m.start()].rsplit(",", 1)[-1].split()):
            # "the words Matte, meaning meadow, and Horn, which means peak": said of a word, not a clause
            who = before.strip("\"'“”") if before[:1].isupper() or before[:1] in "\"'“" else ""
        elif verb in _WHAT_FOLLOWS:
            who = "This"  # ", which means that ..." is said of the whole clause
        elif verb in ("are", "were", "have") or (plural and verb not in ("is", "was", "has")):
            who = "They"
        else:
            who = "It"
        if who:
            s = s[:m.start()] + f". {who} {verb} {m.group(2)}"
    m = _SUBJECT_AND.match(s)
    if (m and len(s.split()) > 12 and len(m.group(2).split()) >= 3  # "He has composed and arranged scores"
            and not re.search(r"[.!?;]\s|\b(?:which|who|that)\b", m.group(2))
            and not any(w.lower() in _DETERMINERS for w in m.group(2).split()[-2:])  # "the rare and endangered"
            and not any(_finite(x.split()[0]) for x in m.group(2).split(", ")[1:] if x.split())
            and not _tenses_differ(m.group(2).split()[0], s[m.end():].split()[0])):
        # nor in a list of verb phrases ("He kept close tabs on ..., consulted with governors, and selected ...")
        # not across a sentence already split off, nor past a clause of its own ("She recorded X.
        # It was featured ... and was a hit" is no "She was a hit")
        s = f"{m.group(1)} {m.group(2).rstrip(',')}. {m.group(1)} " + s[m.end():]
    s = " ".join(_split_and_clause(_split_participle(_split_though(_split_shared_subject(p))))
                 for p in re.split(r"(?<=[.!?]) (?=[A-Z])", appositives(s)))
    return _NEW_SENTENCE.sub(lambda m: ". " + m.group(1).upper(), s)


def _tenses_differ(verb1: str, verb2: str) -> bool:
    """A present first verb and a past second ("It offers a part of dishes and varied dishes"):
    the second is a describing word, not a verb sharing the subject."""
    present = verb1.lower() in ("is", "are", "has", "have", "does") or (
        verb1.islower() and verb1.endswith("s") and not verb1.endswith(("ss", "us", "is", "was")))
    return present and verb2.lower().endswith("ed")


def _and_verb_after(clause: str) -> bool:
    """The "which" clause is followed by ", and <verb>": that verb is the main subject's ("developed
    the ATS, which consists of ..., and studied its efficacy" is no "It studied its efficacy")."""
    return any(_finite(x.split()[1]) for x in re.split(r",\s+(?=and\s)", clause)[1:] if len(x.split()) > 1)


def _clause_before_which(head: str, rest: str) -> bool:
    """What comes before ", which ..." is a clause of its own and the sentence ends with the
    which-clause: not "The renewal of civil war after the elections, which ..., created ...",
    "... had shown that alpha particles, which had a charge of +2, were ...", "In 1915 the
    reason for nuclear charge being quantized in units of Z, which ..., was not understood"."""
    last = re.split(r"(?<=[.!?]) ", head)[-1]
    if not _has_verb(last.split()):
        return False
    if " that " in last and not _has_verb(last.rsplit(" that ", 1)[1].split()):
        return False
    return not any(_predicate_follows(x.split()) for x in rest.split(", ")[1:] if x.split())


_AND_OPENING = re.compile(r"\s+(and|but),\s+((?:in|on|at|by|during|after|before|since|from|until|for|later|then)\b"
                          r"[^,]{0,30}),\s+(?=\w)")


_PREPOSITIONS = frozenset(["in", "of", "on", "at", "for", "with", "from", "by", "to", "into", "near", "under", "over"])


def _and_opening(m: re.Match[str]) -> str:
    """"Movie companies worked there year-round and, in 1911, Dwan started working in
    Hollywood." -> "... year-round. In 1911, Dwan started ...": a clause after "and" that opens
    with a phrase set off by commas is a sentence of its own when both halves are."""
    head, rest = m.string[:m.start()].rsplit(". ", 1)[-1], m.string[m.end():]
    found = _subject(rest)
    if (not _complete_clause(head.split()) or not _clause_follows(rest) or len(head.split()) < 4 or not found
            or len(found[0]) > 4 or {w.lower() for w in found[0]} & _PREPOSITIONS):
        return m.group(0)  # not "..., and, by many definitions, the biggest city in an area called X"

    return f". {'But ' if m.group(1) == 'but' else ''}{_capital(m.group(2)) if m.group(1) == 'and' else m.group(2)}, "


def _parallel_that(head: str, rest: str) -> bool:
    """", but that ..." after a clause with "that": a second relative clause ("symptoms that are
    independent of the diagnosis, but that can affect the family"), not "But that was not so."."""
    return rest.startswith("that ") and re.search(r"\b(?:that|which)\b", head.rsplit(". ", 1)[-1]) is not None


def _split_and(s: str) -> str:
    """", and it ..." (", so they ...") ends the sentence: the rest is one of its own. Where the
    words before end a list ("there is more snow in winter, lower humidity, and it is cooler"),
    its last item gets the "and" ("... more snow in winter and lower humidity. It is cooler ...")."""
    out, at = [], 0
    for m in _SPLIT_AND.finditer(s):
        head, rest = s[at:m.start()], s[m.end():]
        listed = _ends_a_list(s[:m.start()])
        if (listed and not _pronoun_clause(rest)) or _compound_subject(rest):
            continue
        items = s[:m.start()].rsplit(". ", 1)[-1].split(", ")
        if listed and len(items) >= 3 and len(items[-1].split()) <= 3 and not _has_verb(items[-1].split()) \
                and ", " in head and items[-1].split()[0] not in ("and", "or"):
            before, last = head.rsplit(", ", 1)
            head = f"{before} and {last}"
        out.append(head + ". ")
        at = m.end()
    return "".join(out) + s[at:]


def _pronoun_clause(rest: str) -> bool:
    """The words open a clause of their own with a pronoun and its verb ("it is used in ..."),
    not a list's last item ("their extinct relatives")."""
    words = rest.split()
    return len(words) > 3 and words[0].lower() in ("he", "she", "it", "they", "we") and (
        words[1].lower() in _IRREGULAR or words[1].lower() in _MODALS or _finite(words[1]))


def _ends_a_list(head: str) -> bool:
    """The words before ", and ..." end a list of short items with no verb ("Along with the
    sirenians, hyraxes, elephants, and their extinct relatives, ...": "their extinct relatives"
    is the list's last item, not a new sentence's subject), or a list of subjects whose first has
    no verb."""
    items = head.rsplit(". ", 1)[-1].split(", ")
    if len(items) >= 2 and items[0].split()[0].lower() not in _OPENING_WORDS \
            and not any(_finite(w) for w in items[0].split()[1:]):
        return True  # "Their lack of eyes, a morphology ..., and their fossils ... all suggest": a list of subjects
    return len(items) >= 3 and len(items[-1].split()) <= 3 and not _has_verb(items[-1].split())


# a full stop that ends a sentence, not one of "U.S. on", "Inc. has", "Sr. and", "a. m.", "e. g."
_NEW_SENTENCE = re.compile(r"(?<![A-Z]\.[A-Z])(?<!\b[A-Za-z])(?<!\bInc)(?<!\bLtd)(?<!\bCo)(?<!\bSr)(?<!\bJr)(?<!\bDr)"
                           r"(?<!\bSt)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bvs)(?<!\betc)(?<!\bNo)(?<!\bca)\. (\w)")
_SEMICOLON = re.compile(r";\s+(\w[^;]*)")


def _semicolon(m: re.Match[str]) -> str:
    """"It rained; the game went on." -> "It rained. The game went on.": only where what
    follows is a clause of its own, not the items of a list ("Peace (1814); Resignation
    (1817); ...") or a phrase ("; most notably under ...")."""
    rest = m.group(1)
    if re.match(r"(?:and |or )?\d{1,2}\. ", rest):
        return m.group(0)  # the next item of a numbered list: "1. Lincoln; 2. George Washington; and 3. ..."
    words = rest.split()
    first = words[0].strip(",")
    if not (first.lower() in _PRONOUNS and len(words) > 1) and (
            not _has_verb(words) or (first.islower() and first.endswith(("ed", "ing")))):
        return m.group(0)  # no verb, or a bare participle ("; listed on the best-seller list")
    return ". " + rest[:1].upper() + rest[1:]


_WHAT_FOLLOWS = frozenset(["means", "meant", "leads", "led", "causes", "caused", "allows", "allowed", "results",
                           "resulted", "earned", "earns", "angered", "angers", "prompted", "prompts", "forced", "forces",
                           "triggered", "triggers", "sparked", "sparks"])  # "Ajax cursed Odysseus, which earned ...": "This"
_WHICH_ANY = re.compile(r",\s+which\s+([a-z]+)\s+([^;]+)$")
_THOUGH = re.compile(r",\s+(?:even though|though|although)\s+(?=\w)")
_AND_VERB = re.compile(r",\s+and\s+([a-z]+)\s")
_PRONOUNS = {"he": "He", "she": "She", "it": "It", "they": "They", "we": "We"}
_MODALS = frozenset(["can", "could", "may", "might", "must", "will", "would", "should", "shall"])


def _finite(word: str) -> bool:
    """A verb form that can carry a clause of its own: a past or present form ("was",
    "won", "played", "lies"); a capitalised word is part of a name ("the United States", "the
    Society for the Social Studies of Science")."""
    w = word.lower().strip(",.")
    if word[:1].isupper():
        return False
    return w in _IRREGULAR or (len(w) > 4 and w.endswith("ed") and not word[:1].isupper()) \
        or (w in _VERBS and w.endswith("s"))


_NOT_IN_SUBJECT = frozenset(["because", "that", "which", "who", "whom", "whose", "if", "unless", "whereas",
                             "whereupon", "whereby", "wherein"])  # 'whereupon "Einstein fell in love" ...': no subject


def _subject(head: str) -> tuple[list[str], str] | None:
    """The subject and first verb of a clause: the words before its first finite verb
    (within seven words, no comma among them)."""
    words = head.split()
    for i, w in enumerate(words[:7]):
        if i and _finite(w) and words[i - 1].lower() not in _DETERMINERS:  # "The armed forces were": no verb
            subject = words[:i]
            if any(x.endswith(",") or x.lower() in _NOT_IN_SUBJECT for x in subject):
                return None  # "This is because even numbered alkanes pack ...": no subject before "numbered"
            return subject, w.lower().strip(",")
    return None


_LINK_WORDS = frozenset(["then", "but", "so", "and", "also", "later", "still", "thus", "however", "yet", "now",
                         "soon", "finally", "instead", "there", "here", "today"])


def _pronoun(subject: list[str], agree: str) -> str | None:
    """Who a new sentence is about: the pronoun that opened the clause, It or They by the
    verb's number, or a name said again."""
    while len(subject) > 1 and subject[0].lower().strip(",") in _LINK_WORDS:  # "Then Yun retired ..."
        subject = subject[1:]
    if subject[0][:1].isdigit():
        return None  # "2002 2003 seasons Warner began ...": who is meant is not clear
    if subject[0].lower() in ("there", "here"):
        return None  # "There was concern ..., stranding them" is no "There stranded them"
    first = subject[0].lower()
    determined = first in ("the", "a", "an", "this", "its", "their", "his", "her")
    if first in _PRONOUNS and all(w.lower() in _PRE_VERB or w.endswith("ly") for w in subject[1:]):
        return _PRONOUNS[first]  # "It first developed ... and thrived ...": the adverb is no part of the subject
    if agree in ("were", "are", "have"):
        return "They"
    if determined or not subject[0][:1].isupper():
        plural = agree not in ("was", "is", "has") and subject[-1].endswith("s") and not subject[-1].endswith("ss")
        if not plural and _person(subject[-1]):
            return None  # "The vizier ... It got ...": he or she, not known
        return "They" if plural else "It"
    if all(w[:1].isupper() for w in subject):
        return " ".join(subject)  # a name, said again
    return None


def _person(noun: str) -> bool:
    """A noun for one person (``rules/clauses.yaml``'s person_nouns)."""
    from kidpedia.kidify.clauses import rules

    return noun.lower().strip(",") in rules()["person_nouns"]


def _split_shared_subject(s: str) -> str:
    """"Hurricane Dog hit the islands, and was the worst storm on record." -> "... the
    islands. Hurricane Dog was the worst storm on record.": the second verb gets the subject
    back (a pronoun, or the name said again). Not in a list of verb phrases ("destroyed 20
    homes, left 30 damaged, and caused ..."), after a modal ("can be sent ..., and played"),
    or where the first verb is in a clause of its own ("showed that X lengthens ..., and may")."""
    m = _AND_VERB.search(s)
    if not m:
        return _split_and_verb(s)
    if not s.endswith(".") or len(s[:m.start()].split()) < 5 or not _finite(m.group(1)):
        return s
    if re.match(r"\s*(?:and|or)\b", s[m.end():]):
        return s  # "..., and restricted and repetitive behavior": two adjectives, not a verb
    verb2, head = m.group(1), s[:m.start()]
    items = head.split(", ")
    if len(items) >= 3 and not _has_verb(items[-1].split()) and not _has_verb(items[-2].split()):
        return s  # a list's last item: "with webbing ..., broad toe pads for climbing, and keratinised tubercles ..."
    found = _subject(head)
    if not found or found[1] in _MODALS or " that " in head:
        return s
    if "," in head and _finite(head.rsplit(",", 1)[1].split()[0]):
        return s  # a list of verb phrases
    subject, verb1 = found
    who = _pronoun(subject, verb2 if verb2 in ("was", "were", "is", "are", "has", "have") else verb1)
    return head + f". {who} " + s[m.start(1):] if who else s


_AND_VERB_BARE = re.compile(r"\s+and\s+(?:(?:often|also|usually|sometimes|later|then|still|mostly|mainly|soon|always|"
                            r"never|rarely|regularly|now)\s+)?([a-z]+)\s")  # "and often host star parties"
_AUX = _BE_FORMS | {"has", "have", "had", "can", "could", "will", "would", "may", "might", "must", "should",
                    "shall", "did", "does", "do"}
_BE_HAVE = frozenset(["is", "was", "are", "were", "has", "have", "had", "became", "becomes"])


_SHARED_AUX = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had)(?: (?:then|also|not|often|usually|first|later|\w+ly))? "
                         r"\w+(?:ed|en)\b")


_ADJECTIVE_ENDS = ("ous", "ful", "ive", "al", "ic", "able", "ible", "ent", "ant", "less", "y", "ary", "ory", "ish", "ed",
                   "ing", "er", "est")


_SHARED_PHRASE = frozenset(["by", "in", "at", "with", "for", "from", "to", "on", "into", "under", "during", "through",
                            "across", "over", "as", "near", "throughout", "since", "until", "before", "after"])


def _they_present(head: str, verb2: str, rest: list[str], adverb: bool) -> tuple[list[str], str] | None:
    """"They meet on a regular basis and often host star parties.": a plural pronoun, a verb of
    the present ("meet"), and after "and" a second verb of the present, a common one ("sleep")
    or after an adverb ("often host") a word that is no describing word ("often dangerous to").
    The subject and the first verb, as ``_subject`` gives them; None where this is not so."""
    words = head.split()
    if len(words) < 2 or words[0] not in ("They", "We") or words[1].lower() not in _VERB_LEMMAS:
        return None
    common = verb2 in _VERB_LEMMAS
    if not common and not (adverb and verb2.isalpha() and not verb2.endswith(_ADJECTIVE_ENDS)
                           and rest[:1] and rest[0] not in ("to", "for", "than", "of", "about", "with")):
        return None
    return [words[0]], words[1].lower()


_DITRANSITIVE = frozenset(["given", "sent", "told", "taught", "shown", "paid", "brought", "made", "kept", "left"])


def _split_and_verb(s: str, min_head: int = 5) -> str:
    """"He moved to Paris in 1905 and became a painter there." -> "He moved to Paris in
    1905. He became a painter there.": a second verb after a bare "and" gets the subject
    back when both verbs are plain finite verbs of a sentence with no comma, both halves
    have at least four words, and the second verb is not a participle sharing the first
    one's "was" or "has" ("was born in Ulm and raised in Munich" stays)."""
    if s.count(",") == 1 and s.split()[0].lower() in _OPENING_WORDS and s.split()[0].lower() not in _LIST_WORDS:
        head, tail = s.split(", ", 1) if ", " in s else (s, "")
        if tail and len(tail.split()) >= 8:  # "After X, Yun retired in 1980 and focused on Y." -> "... 1980. Yun focused on Y."
            return f"{head}, {_split_and_verb(tail, 4)}"  # the opening phrase is part of the first sentence
    if "," in s or not s.endswith(".") or " that " in s or " who " in s or " which " in s:
        return s
    for m in _AND_VERB_BARE.finditer(s):
        verb2, head, rest = m.group(1), s[:m.start()], s[m.end(1):].split()
        plain = _they_present(head, verb2, rest, adverb=len(m.group(0).split()) == 3)
        if len(head.split()) < min_head or len(rest) < (2 if plain else 3) or not (_finite(verb2) or plain) \
                or verb2 in _MODALS:
            continue
        found = _subject(head) or plain
        if not found:
            return s
        subject, verb1 = found
        if verb1 in _MODALS or verb1 in ("did", "does", "do"):
            return s
        after1 = head.split()[len(subject) + 1:][:1]
        if not after1:
            return s  # "X played and still plays a major role": the object is both verbs'
        participle2 = (verb2.endswith("ed") or verb2 in _PARTICIPLES.values() or verb2 in _PARTICIPLES) \
            and verb2 not in _NO_PASSIVE  # "was assigned to posts ... and served in the war": "served" is his own
        if participle2 and verb1 in _BE_FORMS and rest and rest[0].lower() in _OBJECT_OPENERS \
                and verb2 not in _TWO_OBJECTS:
            return s  # "was presented at Cannes and won the prize": "won" has an object, so it is no passive
            # of "was" ("It was won the prize."), and its subject may not be the first one's ("was given the prize" is)
        shared = verb1 in _AUX and verb2 not in _BE_HAVE and (
            participle2 or (after1 and (after1[0].endswith(("ed", "en")) or after1[0] in _PARTICIPLES)))
        if (verb2.endswith("ed") and _SHARED_AUX.search(head)) or shared:
            # "is then passed on and displayed", "have settled and started up": the second shares the first's
            # auxiliary, said again ("They have started up small businesses."), where it is one word of
            # "be" or "have" just before the first participle and the second is a participle too
            if not (participle2 and verb1 in _AUXILIARIES and after1 and (
                    after1[0].endswith(("ed", "en")) or after1[0] in _PARTICIPLES or after1[0] in _IRREGULAR)
                    and not any(w.lower() in _HEAD_STOPS or w.lower() == "and" for w in head.split()[len(subject):])):
                return s
            if head.split()[-1] == after1[0] and rest and rest[0].lower() in _SHARED_PHRASE:
                return s  # "were trained and supervised by Italian instructors": the "by" is said of both
            if head.split()[-1].lower() in _SHARED_PHRASE:
                return s  # "were appointed by and served at the pleasure of the president": "by" whom is after both
            who = _pronoun(subject, verb1)
            if who and verb2 in _PARTICIPLES.values() and verb2 not in _DITRANSITIVE and rest \
                    and rest[0].lower() in ("the", "a", "an", "his", "her", "its", "their"):
                # "was presented at the festival and won the FIPRESCI prize": "won" has an object, it is the
                # past of its own ("It won the FIPRESCI prize."), not "It was won the FIPRESCI prize."
                return f"{head}. {who} " + s[m.end(0) - len(m.group(0).lstrip()) + 4:]
            return f"{head}. {who} {verb1} " + s[m.end(0) - len(m.group(0).lstrip()) + 4:] if who else s
        if any(w.lower() in _HEAD_STOPS or w.lower() == "and" for w in head.split()[len(subject):]):
            return s
        who = _pronoun(subject, verb2 if verb2 in ("was", "were", "is", "are", "has", "have") else verb1)
        return head + f". {who} " + s[m.end(0) - len(m.group(0).lstrip()) + 4:] if who else s
    return s


# past verbs that say what the subject did, never what was done to it, after "was ... and" ("He was elected in
# 1860 and served until 1865" is no "He was served until 1865")
_NO_PASSIVE = frozenset(["served", "lived", "died", "worked", "returned", "arrived", "traveled", "travelled", "stayed",
                         "retired", "graduated", "emigrated", "resigned", "competed", "remained", "existed"])
# a word that opens an object ("won the prize"), and the verbs whose passive takes one too ("was given a medal",
# "was made the capital", "was named the best player")
_OBJECT_OPENERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "our", "my", "your"])
_TWO_OBJECTS = frozenset(["given", "made", "named", "called", "elected", "appointed", "awarded", "granted", "offered",
                          "sent", "shown", "told", "taught", "paid", "promised", "denied", "asked", "allowed",
                          "handed", "lent", "left", "brought", "sold", "kept", "found", "crowned", "declared",
                          "considered", "voted", "chosen", "taken", "held", "thought", "known", "seen"])
_PARTICIPLE = re.compile(r",\s+([a-z]{3,}ing)\s+([^,;]+)\.$")
_NOT_PARTICIPLES = frozenset(["including", "according", "following", "depending", "regarding", "concerning",
                              "excluding", "beginning", "starting", "ranging", "being", "having", "using",
                              "notwithstanding", "during", "considering", "nothing", "something"])
_EVENT_VERBS = frozenset(["cause", "make", "lead", "result", "force", "prompt", "bring", "leave", "allow", "give",
                          "kill", "destroy", "damage", "end", "mark", "create", "help", "add", "earn", "trigger",
                          "spark", "prevent", "increase", "reduce", "raise", "save"])
_PAST_TEXT = ("make:made give:gave bring:brought lead:led take:took become:became leave:left hold:held keep:kept "
              "run:ran win:won send:sent build:built find:found get:got go:went come:came see:saw begin:began "
              "grow:grew fall:fell rise:rose lose:lost set:set put:put cut:cut hit:hit spread:spread sell:sold "
              "meet:met feed:fed draw:drew fly:flew know:knew lie:lay stand:stood tell:told write:wrote "
              "strike:struck sit:sat spend:spent pay:paid say:said think:thought catch:caught teach:taught "
              "fight:fought throw:threw drive:drove ride:rode eat:ate sing:sang swim:swam sink:sank speak:spoke "
              "break:broke choose:chose wear:wore bear:bore hang:hung feel:felt mean:meant")
_PAST = dict(pair.split(":") for pair in _PAST_TEXT.split())


def _verb_of(ing: str) -> tuple[str, str, str] | None:
    """The verb of a form in -ing, with its past and its present for he/she/it:
    "making" -> ("make", "made", "makes"), "stopping" -> ("stop", "stopped", "stops"). The
    lemma is the most frequent word of the candidates (wordfreq)."""
    from kidpedia.kidify.reading import zipf

    stem = ing[:-3]
    doubled = len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz"
    cands = ([stem[:-1]] if doubled else []) + [stem + "e", stem]
    lemma = max(cands, key=lambda c: zipf(c, "en"))
    if zipf(lemma, "en") < 3.0 or len(lemma) < 3:
        return None
    if lemma in _PAST:
        past = _PAST[lemma]
    elif doubled and lemma == stem[:-1]:
        past = stem + "ed"
    elif lemma.endswith("e"):
        past = lemma + "d"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past = lemma[:-1] + "ied"
    else:
        past = lemma + "ed"
    return lemma, past, _forms(lemma)[1]


_PERFECT_ADVERBS = frozenset(["so", "far", "already", "also", "just", "since", "now", "never", "ever", "only", "still",
                              "recently", "once", "long", "twice"])


def _split_participle(s: str) -> str:
    """"The storm moved north, causing floods in Texas." -> "The storm moved north. This
    caused floods in Texas."; "The river rises in the hills, flowing west to the sea." ->
    "... hills. It flows west to the sea.": a closing participle phrase becomes a sentence,
    in the main verb's tense, about the event (cause, make, lead ...) or the subject."""
    m = _PARTICIPLE.search(s)
    if not m or m.group(1) in _NOT_PARTICIPLES or m.group(1) in _ING_NOUNS:
        return s
    head = s[:m.start()]
    if len(head.split()) < 5 or not _complete_clause(head.split()) or "," in head:
        return s
    found, verb = _subject(head), _verb_of(m.group(1))
    if not found or not verb or found[1] in _MODALS:
        return s
    subject, verb1 = found
    after1 = [w for w in head.split()[len(subject) + 1:]
              if w.lower() not in _PERFECT_ADVERBS and not w.endswith("ly")][:1]  # "have so far released"
    perfect = verb1 in ("has", "have") and bool(after1) and (after1[0].endswith(("ed", "en"))
                                                            or after1[0] in _PARTICIPLES or after1[0] in _IRREGULAR)
    present = not perfect and (verb1 in ("is", "are", "has", "have") or (verb1 in _VERBS and verb1.endswith("s")
                                                                          and verb1 not in ("was", "has", "is")))
    lemma, past, third = verb
    if lemma == "mean":  # "... the word burgeis, meaning "a townsman"" says what the last word means
        return f"{head}. It means {m.group(2)}." if m.group(2)[:1] in "\"“'" else s
    who = "This" if lemma in _EVENT_VERBS else _pronoun(subject, verb1)
    if not who:
        return s
    plural = who in ("They", "We") or (who not in ("This", "It", "He", "She") and verb1 in ("are", "were", "have"))
    form = past if not present else (lemma if plural else third)
    return f"{head}. {who} {form} {m.group(2)}."


_NAME = r"(?:[A-Z][\w'’.-]*\s)*[A-Z][\w'’-]*"
_APPOSITIVE_END = re.compile(rf"\s(?:(the)\s)?({_NAME}),\s+((?:a|an|the|one of the)\s[^,;]+)\.$")
_APPOSITIVE_MID = re.compile(rf"^({_NAME}),\s+((?:a|an|the|one of the)\s[^,;]+),\s+(?=[a-z])")
_PARTS = re.compile(r"(?<=[a-z0-9\"')’”][.!?]) (?=[A-Z])")  # sentence ends, not "Michael E. Brown"


def _present(verb: str) -> bool:
    return verb in ("is", "are", "has", "have") or (verb in _VERBS and verb.endswith("s") and verb not in ("was", "has"))


def appositives(s: str) -> str:
    """An aside that says what a name is ("Marcel Junod, a doctor from Geneva, was ...")
    goes when it states no number or name, and otherwise becomes a sentence of its own
    after the one it was in ("Marcel Junod was ... . Marcel Junod was a doctor from
    Geneva."), in the main verb's tense. Not a list ("the High Priest, the High Priestess
    and the Council"), not a name cut out of a longer title ("A Song of Ice and Fire")."""
    out = []
    for part in _PARTS.split(s):
        m = _APPOSITIVE_MID.match(part)
        if m and not _has_verb(m.group(2).split()[1:]) and part.endswith(".") and " and " not in m.group(2):
            rest = part[m.end():]
            found = _subject(f"{m.group(1)} {rest}")
            if found and len(found[0]) == len(m.group(1).split()):
                be = "is" if _present(found[1]) else "was"
                part = f"{m.group(1)} {rest}" + ("" if not facts(m.group(2)) else f" {m.group(1)} {be} {m.group(2)}.")
        m = _APPOSITIVE_END.search(part)
        before = part[:m.start()].split()[-1:] if m else []
        if m and before and before[0] in _BEFORE_NAME and not _has_verb(m.group(3).split()[1:]) \
                and " and " not in m.group(3) and len(part[:m.start()].split()) >= 4 and "," not in part[:m.start()]:
            found = _subject(part[:m.start()])
            if found:
                be = "is" if _present(found[1]) else "was"
                name = ("The " if m.group(1) else "") + m.group(2)
                part = part[:m.start(3) - 2] + "." + ("" if not facts(m.group(3)) else f" {name} {be} {m.group(3)}.")
        out.append(part)
    return " ".join(out)


_BEFORE_NAME = frozenset(["in", "on", "at", "by", "from", "to", "with", "into", "for", "of", "about", "near", "as",
                          "like", "under", "over", "against", "through", "after", "before", "was", "is", "were", "are",
                          "became", "founded", "joined", "met", "married", "played", "visited", "threatened",
                          "defeated", "beat", "won", "reached", "left", "entered", "attacked", "captured"])


_AND_CLAUSE = re.compile(r"\s(and|but|so)\s(?=(?:he|she|it|they|this|there|the|his|her|its|their|these)\s)")
_HEAD_STOPS = frozenset(["while", "when", "because", "if", "although", "though", "between", "after", "before",
                         "since", "as", "until", "whether", "both", "either", "neither", "that", "which", "who"])


_PASSIVE = re.compile(r"\b(?:is|are|was|were)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")


def _split_and_clause(s: str) -> str:
    """Two clauses joined by "and", "but" or "so" without a comma become two sentences
    ("The town was taken and the lords were sent away." -> "The town was taken. The lords
    were sent away."): the second must open with a pronoun or "the ..." and have its own
    verb within six words, the first must have its verb after its last comma and no
    "while", "between", "that" ... after that verb ("her son and his wife went")."""
    for m in _AND_CLAUSE.finditer(s):
        head, rest = s[:m.start()], s[m.end():]
        rw, hw = rest.split(), head.rsplit(",", 1)[-1].split()
        if len(head.split()) < 6 or len(rw) < 5 or not s.endswith("."):
            continue
        k = next((i for i, w in enumerate(rw[:6]) if i and _finite(w) and rw[i - 1].lower() not in _DETERMINERS
                  and not _adjective_ed(rw, i)), None)  # "their associated procedures": no verb
        if k is None or any(w.endswith(",") or w.lower() in ("and", "or", "that", "which", "who") for w in rw[:k]):
            continue
        if rw[k].lower().endswith("ed") and _PASSIVE.search(head) and rw[k + 1:k + 2] \
                and rw[k + 1].lower() in _SHARED_PHRASE:
            continue  # "these schools were designed and the building partially financed with ...": "was" left out
        v = next((i for i, w in enumerate(hw) if i and _finite(w)), None)
        if v is None or any(w.lower().strip(",") in _HEAD_STOPS for w in hw[:1] + hw[v:]):
            continue
        if not _complete_clause(head.split()):
            continue
        lead = {"and": "", "but": "But ", "so": "So "}[m.group(1)]
        return f"{head}. {lead}{rest}" if lead else f"{head}. {_capital(rest)}"
    return s


def _split_though(s: str) -> str:
    """"It is old, though it looks new." -> "It is old. But it looks new." """
    m = _THOUGH.search(s)
    if not m or not _clause_follows(s[m.end():]) or not _complete_clause(s[:m.start()].split()):
        return s
    return s[:m.start()] + ". But " + s[m.end():]


_CONJ_SPLIT = re.compile(r",\s+(and|so|yet|while|whereas|where|who)\s+")
_LEADING = {"although": "But", "though": "But", "because": "So", "after": "Then", "since": "So"}
_SUBJECT_START = re.compile(r"^(?:the|a|an|this|these|those|that|its|his|her|their|our|he|she|it|they|we|there|"
                            r"nobody|somebody|everybody|everyone|someone|nothing|something|everything|one|"
                            r"some|many|most|all|each|both|in|on|at|by|during|[A-Z][\w'’-]*)\b")


_NOT_SUBJECTS = frozenset(["not", "also", "then", "thus", "so", "therefore", "still", "even", "only", "just",
                           "later", "soon", "now", "often", "again", "hence", "too", "either", "neither"])


def _clause_follows(rest: str) -> bool:
    """The words after a conjunction make a sentence of their own: a subject-like start and
    a verb in the next few words (not "but not X", not "and then in 1990")."""
    words = rest.split()
    if len(words) < 2 or words[0].lower() in _NOT_SUBJECTS or words[0].endswith("ly") or _is_verb(words[0]) \
            or words[0].endswith(","):  # "..., Algeria, and Tunisia, but in older usage ...": a list's last item
        return False
    if words[0].lower() == "that" and not _is_verb(words[1]):  # "..., and that he would ...": no clause of its own
        return False
    if not _SUBJECT_START.match(rest):  # a bare plural and its verb: "lakes hold water"
        return words[0].endswith("s") and not words[0].endswith("ss") and _is_verb(words[1])
    opens_with_place = words[0].lower() in ("in", "on", "at", "by", "during")
    for i, w in enumerate(words[1:7], 1):  # the subject's verb, before any list comma or relative pronoun
        if _is_verb(w) and words[i - 1].lower() not in _DETERMINERS and not _adjective_ed(words, i) \
                and not _noun_before_relative(words, i):  # "a call" is no verb
            # "in 1990 the town grew" has a subject after its opening phrase; "in older
            # usage pertained to ..." has none
            return (not opens_with_place or any(x.lower() in _SUBJECT_WORDS for x in words[2:i])
                    or (i > 2 and words[i - 1][:1].isupper()))
        if w.endswith(",") or w.lower() in ("that", "which", "who", "whom", "whose", "when", "if", "while", "because",
                                            "although", "though", "once", "unless", "until"):
            return False  # "..., but the biggest when measured in buying power": the verb is the clause's
    return False


_SUBJECT_WORDS = frozenset(["he", "she", "it", "they", "we", "there", "this", "these", "the", "a", "an", "his", "her",
                            "its", "their", "i", "you"])


_AFTER_VERB = frozenset([
    "in", "on", "at", "by", "to", "from", "with", "into", "onto", "for", "of", "over", "under", "after", "before",
    "during", "through", "up", "down", "out", "off", "away", "back", "as", "that", "there", "here", "him", "her",
    "them", "it", "us", "me", "himself", "herself", "itself", "themselves", "again", "together", "until", "when",
    "while", "and", "or", "but", "not", "north", "south", "east", "west", "home", "abroad", "across", "around"])


_NOUN_PHRASE_WORDS = frozenset(["first", "second", "third", "last", "most", "more", "least", "less", "only", "newly",
                                "recently", "partly", "fully", "well", "other", "same", "early", "late"])


_RELATIVE_OPEN = re.compile(r"^(?:(?:in|of|on|at|by|for|from|with|through|during|under) )?(?:which|whom|whose)\b|^(?:who|where)\b")


def _noun_before_relative(words: list[str], i: int) -> bool:
    """A word in -ed that is no common verb, with one word after it before a comma and a
    relative clause ("the national armed forces, in which ..."): a noun phrase and its clause,
    not a clause of its own (Algeria's "... and the national armed forces, in which more than
    100,000 people are thought to have died" was split off as a fragment)."""
    w = words[i].lower()
    if w in _VERBS or w in _IRREGULAR or not w.endswith("ed") or i + 2 >= len(words):
        return False
    return words[i + 1].endswith(",") and words[i + 1][:-1].isalpha() \
        and _RELATIVE_OPEN.match(" ".join(words[i + 2:i + 4]).lower()) is not None


def _adjective_ed(words: list[str], i: int) -> bool:
    """A word in -ed that is no common verb, inside a noun phrase (after "'s" or "first") and
    before a plain word, is an adjective ("the world's first animated feature film"), not the
    verb of a clause ("the town grew", "the army moved north", "Napier gained military control")."""
    w = words[i].lower()
    if w in _VERBS or not w.endswith("ed") or i + 1 >= len(words) or not words[i].isalpha():
        return False
    nxt, prev = words[i + 1], words[i - 1].lower() if i else ""
    if not (prev.endswith(("'s", "’s")) or prev in _NOUN_PHRASE_WORDS):
        return False  # "Napier gained military control": after its subject, a verb
    return (nxt.islower() and nxt.isalpha() and nxt not in _AFTER_VERB and nxt not in _DETERMINERS
            and not nxt.endswith("ly"))


def _is_verb(word: str) -> bool:
    w = word.strip(",.;:")
    return w.lower() in _VERBS or (w.islower() and len(w) > 4 and w.endswith("ed"))


def _finite_clause(words: list[str]) -> bool:
    """A subordinate clause with a subject and a verb that is not only a noun's twin: a
    past form or an auxiliary ("he left school", not "Broca's lead")."""
    return any(w.lower().strip(",") in _IRREGULAR or (w.islower() and w.strip(",").endswith("ed"))
               for w in words[1:])


def _another_item(head: str, rest: str) -> bool:
    """What follows "and" names again the noun that ends the clause before it: one more item
    of the same kind, not a new subject ("in eight feature films, and one short film made in
    ..." is no "One short film made in ...")."""
    before = [w.lower().strip(",.").rstrip("s") for w in head.split()[-3:]]
    words = rest.split()
    for w in words[1:5]:
        if _is_verb(w):
            break
        if len(w) > 3 and w.lower().strip(",.").rstrip("s") in before:
            return True
    return False


def _split_one(s: str) -> str:
    """One sentence split once more at a clause boundary, where both sides stand alone:
    "X, and the town grew." -> "X. The town grew."; "X went to Paris, where he studied." ->
    "X went to Paris. There he studied."; "Although X, Y." -> "X. But Y."."""
    words = s.split()
    if len(words) < 10:
        return s
    first = words[0].lower()
    if first in _LEADING:
        if first in ("after", "since") and re.search(r"\b(?:has|have|will|is|are)\b", s.split(",")[0]):
            return s  # "After she has finished her career, James plans ...": not yet done, no "Then"
        for i, w in enumerate(words[1:-3], 1):  # "Since 2002, when ...": the first comma ends "since"'s part
            if w.endswith(",") and not _finite_clause(words[1:i + 1]):
                break
            if w.endswith(","):
                rest = " ".join(words[i + 1:])
                if _clause_follows(rest) and _complete_clause(words[1:i + 1]) \
                        and _clause_follows(" ".join(words[1:i + 1])):  # not "After receiving X, Y ..."
                    head = _capital(" ".join(words[1:i + 1])[:-1])
                    return f"{head}. {_LEADING[first]} {rest[:1].lower() + rest[1:] if rest.split()[0] in _CLAUSE_START else rest}"
                break
        return s
    for m in _CONJ_SPLIT.finditer(s):
        head, conj, rest = s[:m.start()], m.group(1), s[m.end():]
        if len(head.split()) < 4 or not _complete_clause(head.split()) \
                or not _complete_clause(head.rsplit(": ", 1)[-1].split()):  # "as follows: 'As time never fails, and"
            continue
        items = head.split(",")
        if conj in ("and", "or") and len(items) >= 3 and len(items[-1].split()) <= 3 \
                and not _has_verb(items[-1].split()):
            continue  # the last item of a list ("Strengths, Weaknesses, Opportunities, and Threats")
        if conj in ("and", "or") and len(items) == 2 and len(items[-1].split()) <= 2 and not _has_verb(items[-1].split()) \
                and rest.split()[0].islower() and rest.split()[0].lower() not in _SUBJECT_WORDS:
            continue  # "how numbers, letters, and signs can be stored": a bare noun after a short item is the list's last
        if conj == "who":
            name = re.search(r"((?:[A-Z][\w'’-]+\s)*[A-Z][\w'’-]+)$", head)
            if not name or not rest.split()[0] in _VERBS or "," in rest:
                continue
            if head[:name.start()].split()[-1:] in (["of"], ["and"], ["or"], ["from"], ["for"], ["with"], ["by"]):
                continue  # "James, son of Alphaeus, who ...": who is James, not Alphaeus
            return f"{head}. {name.group(1)} {rest}"
        if not _clause_follows(rest) or (conj == "and" and (_another_item(head, rest) or _ends_a_list(head))):
            continue
        if conj == "where":
            if not _a_place_before(head):
                continue  # "the institution of property, where owners have ...": no "There owners"
            return f"{head}. There {rest}"
        lead = {"so": "So ", "yet": "But ", "while": "But ", "whereas": "But "}.get(conj, "")
        return f"{head}. {lead}{rest if lead else _capital(rest)}"
    return s


_DATE_WORDS = frozenset(["in", "on", "at", "of", "the", "a", "an", "from", "until", "around", "about", "early",
                         "late", "mid"])


def _a_place_before(head: str) -> bool:
    """Whether ``head`` ends on a place ("... moved to Paris in 1905", "... the old mill"):
    its last word that is not a date or a little word is a name or one of
    ``rules/asides.yaml``'s ``where_places``."""
    words = head.split()
    places = aside_rules()["where_places"]
    for n in range(len(words) - 1, max(0, len(words) - 6), -1):
        w = words[n].strip(",;:'\"“”‘’()")
        if not w or w[:1].isdigit() or w.lower() in _MONTHS or w.lower() in _DATE_WORDS:
            continue
        return w[:1].isupper() or w.lower() in places
    return False


_OPENING = re.compile(r"((?:In|On|At|By|During|After|Before|Since|From|Until|For|Today|Later|Then|Now|Soon|"
                      r"Finally|Also|Here|There)\b[^,]*?),\s(?=\S)")
# "There are three components, the Army, Navy and Air Force": "There" and its verb open the clause, and
# what follows the comma names its things: the comma stays ("There are four stations, reserved for ..." may lose it)
_THERE_LIST = re.compile(r"^(?:Here|There) (?:is|are|was|were) [^,]*, (?:the|a|an|\d|[A-Z])")
_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"])
_COMMA_CONJ = re.compile(r",\s(and|but|or)\s")


def _garden_path(opening: str, nxt: str) -> bool:
    """Without its comma the opening phrase would run into what follows: it ends on a
    participle or an adjective ("At first disorganized, surface pressures ..." is no "At
    first disorganized surface pressures") before a bare word."""
    last = opening.split()[-1]
    return (last.islower() and last.endswith(("ed", "ing", "en")) and last not in _ING_NOUNS and len(last) > 4
            and nxt.islower() and nxt not in _SUBJECT_WORDS)


def fewer_commas(s: str) -> str:
    """Optional commas go: after an opening phrase of at most four words ("In 1990, he
    left" -> "In 1990 he left"; not inside a date, "On 4 May, 1990"), and before "and",
    "but" or "or" unless the comma closes an aside longer than a list item ("Paris, the
    capital of France, and London" keeps it)."""
    out = []
    for part in re.split(r"(?<=[.!?]) (?=[A-Z])", s):
        c = re.search(r",\s(and)\s([^,]+),\s", part)  # not "The Polish people, or Poles, are": another name
        if c and _compound_subject(part[c.end(1) + 1:]) and not re.search(r",", part[:c.start()]):
            # "The station, and all trains serving it, are operated by ...": neither comma
            part = f"{part[:c.start()]} {c.group(1)} {c.group(2)} {part[c.end():]}"
        m = None if _THERE_LIST.match(part) else _OPENING.match(part)
        if m and len(m.group(1).split()) <= 4 and m.group(1).lower() not in aside_rules()["linking_openings"]:
            nxt = part[m.end():].split()[0]
            if not nxt[:1].isdigit() and nxt.lower().strip(",") not in _MONTHS and not _garden_path(m.group(1), nxt):
                part = m.group(1) + " " + part[m.end():]

        def conj(c: re.Match[str], part: str = part) -> str:
            if _compound_subject(part[c.end():]):
                return c.group(0)  # "Ideas like this, and his ideas about souls, are": both commas or neither
            pieces = part[:c.start()].rsplit(",", 1)
            after = part[c.end():].split(",")
            if (len(pieces) == 1 and len(after) > 1 and (len(after[0].split()) <= 3 or c.group(1) == "or")
                    and after[1].split() and _predicate_follows(after[1].split())):
                return c.group(0)  # "The Polish people, or Poles, are": the comma opens an aside that another closes
                # (also a long one: "the arithmetic mean, or simply the mean or average when ..., is")
            if after[0].split()[:1] and after[0].split()[0].lower() in _SUBORDINATORS:
                return c.group(0)  # "..., and as its winds grew, an eye formed": a clause follows
            return f" {c.group(1)} " if len(pieces) == 1 or len(pieces[1].split()) <= 3 else c.group(0)

        out.append(_COMMA_CONJ.sub(conj, part))
    return " ".join(out)


_PARTICIPLES = {"become": "became", "taken": "took", "given": "gave", "written": "wrote", "begun": "began",
                "grown": "grew", "known": "knew", "made": "made", "left": "left", "won": "won", "lost": "lost",
                "built": "built", "found": "found", "gone": "went", "come": "came", "seen": "saw", "held": "held",
                "kept": "kept", "led": "led", "met": "met", "sent": "sent", "spent": "spent", "brought": "brought",
                "fought": "fought", "taught": "taught", "thought": "thought", "sold": "sold", "told": "told",
                "fallen": "fell", "risen": "rose", "chosen": "chose", "driven": "drove", "spoken": "spoke",
                "broken": "broke", "flown": "flew", "drawn": "drew", "run": "ran", "sung": "sang", "eaten": "ate"}
_HAD = re.compile(r"\bhad\s+((?:already|previously|also|just|never|once|first)\s+)?([a-z]{3,})\b")


def simple_past(s: str) -> str:
    """"By 1900 he had moved to Paris" -> "By 1900 he moved to Paris": the past perfect
    becomes the simple past (regular verbs, and the common irregular ones); "had been"
    and "had not" stay."""
    def past(m: re.Match[str]) -> str:
        verb = m.group(2)
        form = _PARTICIPLES.get(verb) or (verb if verb.endswith("ed") and len(verb) > 4 else None)
        return f"{m.group(1) or ''}{form}" if form else m.group(0)

    return _HAD.sub(past, s)


def round_numbers(s: str) -> str:
    def spell(m: re.Match[str]) -> str:
        zeros = m.group(0)[len(m.group(1)):]
        name = _BIG_NAMES.get(zeros)
        return f"{m.group(1)} {name}" if name else m.group(0)

    return _BIG.sub(spell, s)


def drop_mid_clauses(s: str) -> str:
    """A relative clause between commas becomes a sentence of its own after the one it
    was in: "X, which was built in 1200, is old." -> "X is old. It was built in 1200." """
    m = _MID_CLAUSE.search(s)
    if not m or not s.endswith("."):
        return s
    head, rest = s[:m.start()].split(), s[m.end():].split()
    if (not head or head[0].lower() in _OPENING_WORDS or _has_verb(head) or "," in s[:m.start()]
            or not rest or not _predicate_follows(rest)):
        return s  # only an aside about the subject ("X, which ..., is old"), not "Unlike X, which ..., Y was"
    who = "They" if m.group(1) in ("are", "were", "have") else "It"
    return f"{s[:m.start()]} {s[m.end():]} {who} {m.group(1)} {m.group(2)}."


_SAID_THAT = re.compile(
    r"\b(said|says|believed|believe|believes|thought|think|thinks|found|showed|shows|claimed|claims|stated|argued|"
    r"argues|suggested|suggests|reported|noted|announced|realized|realised|discovered|felt|decided|hoped|feared|"
    r"agreed|admitted|denied|insisted|knew|know|knows|means|meant) that (?=(?:he|she|it|they|we|there|the|his|her|"
    r"its|their|this|these|[A-Z][\w'’-]*)\b)")


@lru_cache(maxsize=1)
def _fillers() -> re.Pattern[str]:
    """The filler words of ``rules/adverbs.yaml`` (lowercase only: not "The Very First
    Light"), not before the words that make them part of a phrase ("also called")."""
    rules = adverb_rules()
    words = "|".join(re.escape(w) for w in rules["fillers"])
    phrase = "|".join(re.escape(w) for w in rules["filler_phrases"])
    return re.compile(rf"(?<!\bbut)\s+\b(?:{words})\b(?!\s+(?:{phrase})\b)(?=\s)")  # "not only X but also Y" keeps it


def drop_fillers(s: str) -> str:
    """Words that add little for a child ("also", "very", "actually"), from
    ``rules/adverbs.yaml``, and the "that" of "said that he ..." ("said he ...")."""
    return _SAID_THAT.sub(r"\1 ", _fillers().sub("", s))


def trailing(s: str) -> str:
    return ". ".join(main_clause(p) for p in s.split(". "))


_CLAUSE_START = {"he": "He", "she": "She", "it": "It", "they": "They", "this": "This",
                 "there": "There", "which": "It"}


_VERB_LEMMA_TEXT = (
    "flow live die win make take begin find give go come write lead include mean say build grow lie run use "
    "play work move join leave marry return form cover stand hold keep call know see show eat speak rule "
    "serve sit belong reach contain produce provide consist remain become seem appear exist own teach study "
    "sing paint fight travel carry bring cause help start end open close create describe follow allow reach "
    "change turn get put set let feel think believe want need like love hate fly swim hunt feed rise fall "
    "flow share sell buy pay send spend lose meet reach tell ask try call name vary differ depend lack"
)
_VERB_LEMMAS = _VERB_LEMMA_TEXT.split()
_IRREGULAR_TEXT = ("is was are were has had have be been became becomes become can could will would may might "
              "must did does do lived died won made took began found gave went came wrote led said built grew "
              "lay ran held kept knew saw ate spoke sat stood brought sold bought paid sent spent lost met told "
              "thought felt fought taught sang flew swam fed rose fell left studied carried tried married "
                   "varied applied died lies flies hurt got")
_IRREGULAR = _IRREGULAR_TEXT.split()


def _forms(lemma: str) -> list[str]:
    third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "o")) else "s")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    return [lemma, third]


_VERBS = frozenset(_IRREGULAR + [f for lemma in _VERB_LEMMAS for f in _forms(lemma)])


_SUBORDINATORS = frozenset(["though", "although", "while", "whereas", "because", "since", "as", "if", "when", "after", "before"])


def _has_verb(words: list[str]) -> bool:
    """A rough test that words hold a finished clause: a common verb, or a past form in -ed
    that is not an adjective after a number or a determiner ("1.8 million displaced
    persons", "the (newly) built road")."""
    for i, w in enumerate(words):
        if w.lower().strip(",") in _VERBS:
            return True
        if w.islower() and w.rstrip(",").endswith("ed"):
            j = i - 1
            while j >= 0 and words[j].endswith("ly") and words[j].islower():
                j -= 1
            before = words[j].lower().strip(",") if j >= 0 else ""
            if not (before in _DETERMINERS or before[:1].isdigit() or before == "being"):  # "being quantized"
                return True
    return False


_DETERMINERS = frozenset(["the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my",
                          "your", "many", "some", "several", "all", "most", "few", "other", "two", "three", "four",
                          "five", "six", "seven", "eight", "nine", "ten", "hundred", "hundreds", "thousand",
                          "thousands", "million", "millions", "billion", "dozens", "no", "every", "each"])


_DETACHABLE = re.compile(
    r"^(?:which|who|whom|whose|where|including|such as|especially|mainly|mostly|particularly|"
    r"while|whereas|although|though|as well as|along with|together with|like|unlike|"
    r"[a-z]+ing)\b"
)
_DANGLING = frozenset(["and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "the",
                       "a", "an", "that", "as", "than", "not", "only", "both", "either", "neither"])


_ING_NOUN_TEXT = (
    "thing king ring spring string wing herring evening morning building painting ceiling meeting wedding "
    "pudding clothing something nothing anything everything beginning ending reading writing learning feeling "
    "training housing funding shipping sibling darling duckling sterling during"
)
_ING_NOUNS = frozenset(_ING_NOUN_TEXT.split())


def _complete_clause(words: list[str]) -> bool:
    """A rough test that a prefix of a sentence stands as a sentence of its own: it has a
    verb, does not open with a subordinator, and does not end on a word that needs more."""
    if not words or words[0].lower().strip(",'\"“‘") in _SUBORDINATORS:  # also after a quotation mark: "'As time ..."
        return False
    if words[-1].lower().strip(",") in _DANGLING or words[-1].count('"') % 2 or " ".join(words).count('"') % 2:
        return False
    if any(w.lower() in ("not", "only") for w in words[-3:]):
        return False
    return _has_verb(words[1:])


_EXAMPLES = re.compile(r"\b(?:such as|like|including|especially|namely|e\.g\.)\s")


def shorten(s: str, level: int = 2) -> str:
    """A long sentence keeps what comes before a comma when that part is a sentence of its
    own and what follows is a detachable detail ("..., including ...", "..., which ...",
    "..., making it ...") that states no number or name: nothing a child reads is a
    fragment, and no fact is lost."""
    longest, first = SHORT.get(level, SHORT[2])
    out = []
    for part in re.split(r"(?<=[.!?]) (?=[A-Z])", s):
        words = part.split()
        if len(words) > longest:
            for i in range(first - 1, len(words) - 1):
                if not words[i].endswith(","):
                    continue
                rest = " ".join(words[i + 1:])
                if not _DETACHABLE.match(rest) or facts(rest) or not _complete_clause(words[: i + 1]) \
                        or names_a_vague_subject(part, rest) or aside_rules()["definition"].match(rest):
                    # what a word means stays: "the words jatu, meaning "pitch," and jatu-krit, ..." is no "the words jatu."
                    continue
                if any(_predicate_follows(later.split()) or later.split()[0].lower() in _QUALIFIERS
                       for later in rest.split(", ")[1:] if later.split()) \
                        or _completes_head(" ".join(words[: i + 1]), rest.split(", ")[1:]):
                    # "... and NME, like other papers, was slow to ...", "It was the egg, which ..., that enabled
                    # ...": the aside closes, the sentence goes on
                    continue
                if any(w.endswith(",") for w in words[max(0, i - 2):i]) or words[i + 1].lower() in _ING_NOUNS:
                    continue  # inside a list ("cod, haddock, hake, herring"), or a noun in -ing
                if _EXAMPLES.search(" ".join(words[:i]).rsplit(",", 1)[-1] + " " + words[i]):
                    continue  # the first of the examples ("danger such as exploring, skydiving, ...")
                if len(rest.split(",")[0].split()) == 1 and "," in rest:
                    continue  # one word, then a comma: a list ("used in selecting, locating, and using them")
                words = words[: i + 1]
                words[-1] = words[-1][:-1] + (part[-1] if part[-1] in ".!?" else ".")
                break
        out.append(" ".join(words))
    return " ".join(out)


def main_clause(s: str) -> str:
    """The trailing detail of a long sentence goes (", including ...", ", making it ...")
    when it states no number or name and what is left is a sentence of its own."""
    if len(s.split()) <= 10:
        return s
    m = _TRAILING.search(s)
    if not m or facts(m.group(0)) or re.search(r",\s+(?:that|but)\s", m.group(0)) or names_a_vague_subject(s, m.group(0)):
        return s  # "It was the development of the egg, which ..., that enabled ...": the main clause goes on
    cut = s[:m.start()] + s[m.end():]
    return cut if len(cut.split()) >= 5 and _complete_clause(s[:m.start()].split()) else s


def _opens_aside(seg: str) -> str | None:
    """What kind of aside a comma part opens: "table" (an opener from the table),
    "participle" ("making it ...", "flowing west ..."), or None."""
    rules = aside_rules()
    if rules["definition"].match(seg):
        return None  # what a thing is or a word means stays
    if rules["pattern"].match(seg):
        return "table"
    first = seg.split()[0] if seg.split() else ""
    if (first.islower() and first.isalpha() and first.endswith("ing") and len(first) > 5
            and first not in rules["never"] and first not in _ING_NOUNS and _verb_of(first) is not None):
        return "participle"
    return None


_QUOTES = re.compile(r"[\"“”]")
_LIST_WORDS = frozenset(["and", "or", "nor", "but", "etc", "then", "as"])
_OPENING_WORDS = frozenset(["in", "on", "at", "by", "after", "before", "during", "since", "until", "unlike", "like",
                            "for", "from", "with", "without", "despite", "although", "though", "while", "when",
                            "as", "because", "if", "once", "to", "under", "over", "among", "between", "through",
                            "throughout", "within", "outside", "besides", "beyond", "along", "across", "against",
                            "toward", "towards", "upon", "apart", "aside", "instead", "today", "later", "however",
                            "thus", "then", "still", "also", "so", "but", "yet", "and", "or"])


_PRE_VERB = frozenset(["still", "also", "often", "now", "then", "later", "never", "always", "soon", "usually", "once",
                       "not", "only", "even", "first", "mostly", "mainly", "again"])


def _predicate_follows(words: list[str]) -> bool:
    """The words open a predicate: a verb, maybe after an adverb ("still keep chickens")."""
    first = words[0].lower()
    if _is_verb(first) or first in _MODALS:
        return True
    return (first in _PRE_VERB or (first.endswith("ly") and first.isalpha())) and len(words) > 1 \
        and (_is_verb(words[1]) or words[1].lower() in _MODALS)


# a part after the aside that says "but ..." qualifies the main clause: it does not go with the aside
# ("Andorra has a small army, which ..., but has never ... amounted to a standing army" is no "Andorra has a
# small army.")
# ... nor a part that says "that ...": the main clause goes on ("It was the development of the amniotic egg, which
# prevents ..., that enabled the reptiles to reproduce on land" is no "It was the development of the amniotic egg.")
_QUALIFIERS = frozenset(["but", "yet", "except", "although", "though", "that"])


_PAIRED = {"either": ("or",), "from": ("to",), "between": ("and",), "both": ("and",), "whether": ("or",),
           "neither": ("nor",)}


def _completes_head(head: str, later: list[str]) -> bool:
    """A part after the aside finishes what the head opened: "either by holding livestock ...,
    such as ..., or by spreading ..." (the sample's Agriculture at level 2 read "Manure is used
    either by holding livestock where the feed crop is growing."), "range from financial
    programs, such as subsidies, to encouraging ..."."""
    words = {w.lower().strip(",") for w in head.split()}
    return any(x.split() and x.split()[0].lower() in pair for opener, pair in _PAIRED.items() if opener in words
               for x in later)


def drop_asides(s: str) -> str:
    """An aside set off by a comma goes when it states no number or name and the rest is
    a sentence of its own: "The town has a castle, which was built by the first lord." ->
    "The town has a castle."; "The castle, which was built by the first lord, is old." ->
    "The castle is old." Not a list's item, not a quotation, not a condition or a hedge
    (``rules/asides.yaml``)."""
    return " ".join(_drop_aside(p) for p in _PARTS.split(s))


def _drop_aside(part: str) -> str:
    if _QUOTES.search(part) or "(" in part or not part:
        return part
    end = part[-1] if part[-1] in ".!?" else ""
    segs = re.split(r",\s+", part[:-1] if end else part)
    i = 1
    while i < len(segs):
        seg = segs[i]
        kind = _opens_aside(seg)
        closing = not any(_predicate_follows(x.split()) for x in segs[i + 1:] if x.split())
        if not kind or not seg.strip() or (closing and names_a_vague_subject(segs[0], seg)):
            i += 1
            continue
        prev = segs[i - 1].split()
        listed = (i >= 2 and len(prev) <= 3 and not _has_verb(prev)  # "cod, haddock, herring, ..."
                  and not any(w.lower() in ("and", "or") for w in prev))  # not "..., deep and dark, making ..."
        tail = ", ".join(segs[i:])
        head = ", ".join(segs[:i]).split()
        if (not facts(tail) and len(head) >= 4 and not listed and _complete_clause(head)
                and (kind == "table" or i + 1 == len(segs))
                and not any(_predicate_follows(x.split()) or x.split()[0].lower() in _QUALIFIERS
                            for x in segs[i + 1:] if x.split())
                and not _completes_head(" ".join(head), segs[i + 1:])):
            # not where the sentence goes on past the aside: "Analysis of observed phenomena, along
            # with making predictions, takes most of their time" is no "Analysis of observed phenomena."
            return ", ".join(segs[:i]) + end  # a closing aside: it and what follows it go
        nxt = segs[i + 1].split() if i + 1 < len(segs) else []
        opening = i == 1 and prev and prev[0].lower() in _OPENING_WORDS and not _has_verb(prev[1:])
        if (kind == "table" and nxt and not facts(seg) and not listed and len(prev) >= 2 and len(nxt) >= 2
                and nxt[0].lower() not in _LIST_WORDS and prev[-1].lower() not in _LIST_WORDS
                and (_predicate_follows(nxt) if not opening else _has_verb(nxt))):
            # "The castle, which ..., is old": the words after the aside carry on the sentence (its verb,
            # or after an opening phrase a clause of its own), not "forms, such as X, a large alga ..."
            segs[i - 1] = segs[i - 1] + (", " if opening else " ") + segs[i + 1]
            del segs[i:i + 2]
            continue
        i += 1
    return ", ".join(segs) + end


_STEP_FUNCS = {
    "parentheticals": drop_parentheticals,
    "adverbials": drop_adverbials,
    "words": plain_words,
    "split": split_clauses,
    "numbers": round_numbers,
    "fillers": drop_fillers,
    "adverbs": drop_adverbs,
    "commas": fewer_commas,
    "asides": drop_asides,
    "tense": simple_past,
    "clauses": drop_mid_clauses,
    "trailing": trailing,
}
_LANG_FREE = ("parentheticals",)


_PLACE = re.compile("\ue000(\\d+)\ue001")


def _hold(s: str) -> tuple[str, list[str]]:
    """The parentheticals kept are held aside while the other steps run, each as a mark
    glued to the word before it (with a digit in it, so that no step cuts the part it
    stands in as a part without facts), and put back at the end: no step splits or cuts
    inside one ("Cerro de Punta (4,390 feet; 1,338 m)" is one sentence)."""
    kept: list[str] = []

    def hold(m: re.Match[str]) -> str:
        kept.append(m.group(0).strip())
        return f"\ue000{len(kept) - 1}\ue001"

    return _PAREN.sub(hold, s), kept


def simplify(sentence: str, level: int = 2, lang: str = "en", steps: tuple[str, ...] = STEPS,
             split_tagged: bool | None = None) -> str:
    """One sentence (or a short text) simplified for ``level`` (1 or 2; 3 is unchanged).
    ``split_tagged``: whether the "tagged" step (last, once the sentence is simplified) splits
    at clauses over the tagger (``clauses``); by default where ``steps`` has it, at levels up
    to ``SPLIT_TAGGED_LEVEL``."""
    s = " ".join(sentence.split())
    if level >= 3 or not s:
        return s
    end = s[-1] if s[-1] in ".!?" else ""
    for step in steps:
        if step == "tagged":
            continue  # after the rest (below)
        if lang != "en" and step not in _LANG_FREE:
            if step == "split":
                s = re.sub(r";\s+(\w)", lambda m: ". " + m.group(1).upper(), s)
            continue
        s = shorten(s, level) if step == "shorten" else _STEP_FUNCS[step](s)
        if step == "parentheticals":
            s, kept = _hold(s)
    if level <= 1 and lang == "en":
        s = ". ".join(main_clause(p) for p in s.split(". "))
    s = _tidy(s)
    if "parentheticals" in steps:
        s = _PLACE.sub(lambda m: " " + kept[int(m.group(1))], s)
    if end and s and s[-1] not in ".!?":
        s += end
    if (level <= SPLIT_TAGGED_LEVEL and "tagged" in steps if split_tagged is None else split_tagged) \
            and lang == "en" and s:
        from kidpedia.kidify import clauses

        s = " ".join(clauses.split(p) for p in _PARTS.split(s))
    return s


_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                 "hundred|hundreds|thousand|thousands|dozen|dozens|half|third|thirds|quarter|quarters|twice|"
                 "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth")
_FACT = re.compile(rf"\d[\d,.]*\d|\d|\b[A-Z][\w’'-]*[a-z]\w*|\b(?:{_NUMBER_WORDS})(?:-(?:{_NUMBER_WORDS}))?\b",
                   re.IGNORECASE)


def facts(text: str) -> set[str]:
    """The numbers and names a text states: digits (also where they open a sentence:
    "1969 was the year ..."), number words ("four", "two-thirds"),
    and capitalised words that do not start a sentence (3,000,000 counts as "3 million"
    said exactly; "1.8 million" is 1.8 million, not 8,000,000)."""
    text = re.sub(r"(?<![\d.,])\b(\d{1,3}) million\b", r"\1,000,000", text)  # not "1.8 million"
    text = re.sub(r"(?<![\d.,])\b(\d{1,3}) billion\b", r"\1,000,000,000", text)
    found = set()
    for m in _FACT.finditer(text):
        before = text[:m.start()].rstrip()
        word = m.group(0)
        if word[0].isalpha() and re.fullmatch(rf"(?:{_NUMBER_WORDS})(?:-(?:{_NUMBER_WORDS}))?", word, re.IGNORECASE):
            found.add(word.lower())  # a number said in words, however it is capitalised
            continue
        if word[0].islower():
            continue  # the capital-word pattern matched without case: not a name
        if not word[0].isdigit() and (not before or before[-1] in ".!?:;\"“(" or re.search(r"[.!?][\"'”’)]+$", before)):
            continue  # a capital that opens a sentence is not a name; a number there is a number
        found.add(word)
    return found
