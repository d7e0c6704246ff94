"""What a level-2 sentence needs said before it (English), as ``levels._select`` asks while it
chooses a level-2 page's sentences (level 1 asks ``level1``'s questions):

    surname_intro(sentences, j, title) -> (int, surname) | None
        "Scott described it as a 'meat parade'." after "George C. Scott became the second
        person to refuse his award ...": the sentence that says who Scott is
    definite_subject(sentences, j, title) -> (int, noun) | None
        "The last two volumes were published posthumously." after "... in his six-volume
        work ...": the sentence that says which volumes

    says_name(text, surname) -> bool                     the text says the full name

``sentences`` are the level-3 sentences before and at ``j`` (the same section's, in order);
each answer is the index of the sentence that ``j`` is shown only with and the word it says
short, or None when it needs none.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from kidpedia import yamlload
from kidpedia.kidify.level1 import mentions

# a capitalised word (a name's word)
_CAPITAL = re.compile(r"(?<![\w'’-])[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?(?![\w'’-])")
# words that open a sentence or a phrase, never a surname
_OPENERS = frozenset(["The", "This", "That", "These", "Those", "There", "Then", "They", "Their", "He", "She", "His",
                      "Her", "It", "Its", "In", "On", "At", "As", "After", "Before", "When", "While", "But", "And",
                      "For", "From", "With", "By", "Some", "Many", "Most", "All", "Both", "Other", "Each", "Later",
                      "Today", "During", "Since", "Until", "However", "Although", "One", "Two", "Three", "First",
                      "Also", "Because", "If", "Why", "What", "How", "Who", "Where", "Such", "Even", "Only", "Unlike",
                      "Like", "Over", "Under", "About", "Among", "Around", "Though", "Soon", "Once", "Now", "Still",
                      "Yet", "Instead", "Not", "No", "Every", "Another", "Few", "Several", "Through", "Throughout",
                      "Within", "Without", "Despite", "Following", "According", "Upon", "Into", "Near", "We", "You",
                      "Our", "Your", "My", "A", "An"])


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """``rules/level2.yaml`` with its word lists as sets."""
    path = resources.files("kidpedia.kidify") / "rules" / "level2.yaml"
    data: dict[str, Any] = yamlload.safe_load(path.read_text(encoding="utf-8"))
    data["not_surnames_set"] = frozenset(data["not_surnames"])
    for key in ("events", "works"):
        words = "|".join(sorted(set(data[f"back_{key}"])))
        data[f"back_{key}_pattern"] = re.compile(rf"\b[Tt]he ({words})\b(?! (?:of|industry|business|version|[A-Z0-9])|-)")
    subjects = "|".join(sorted(set(data["back_subjects"])))
    data["back_subject"] = re.compile(rf"^The ({subjects}) (?!of\b)")
    return data


def _alone(text: str) -> list[str]:
    """The capitalised words the text says alone, not as a word of a longer name ("Scott" in
    "Scott described it", not "States" in "the United States", nor "Congress" after "However")."""
    out = []
    for m in _CAPITAL.finditer(text):
        before = text[:m.start()]
        prev = re.search(r"([A-Z][\w'’.-]*) $", before)
        if prev and prev.group(1) not in _OPENERS:
            continue  # the last word of a longer name
        if re.search(r"\b(?:in|at|from|to|near|of|across|into|around|through|the|a|an|de|du|des|la|le|di|da) $", before):
            continue  # a place or a thing ("Paul Broca in Paris", "the Société d'Anthropologie de Paris")
        if m.group(0).endswith(("ish", "ese")) or re.match(r" (?:and|or) [A-Z][a-z]+ [a-z]", text[m.end():]):
            continue  # a people's adjective ("British and American anthropologists")
        if re.match(r" (?:[A-Z]|of [A-Z]|de [A-Z])", text[m.end():]):
            continue  # the first word of one
        out.append(m.group(0))
    return out


def says_name(text: str, surname: str) -> bool:
    """The text says a person's name that ends with the surname: "George C. Scott", "Theodor
    Waitz", "In 1779, George Washington" (not "the Second Continental Congress": what "the"
    names is no person)."""
    run = rf"[A-Z][\w'’-]*(?<!['’]s)\.?(?: (?:[A-Z][\w'’-]*(?<!['’]s)\.?|de|van|von|da|del|la|le))* {re.escape(surname)}\b"
    for m in re.finditer(rf"(?<![\w'’-]){run}", text):
        words = m.group(0).split()
        while words and words[0] in _OPENERS:
            words.pop(0)
        if len(words) >= 2 and (len(words) < len(m.group(0).split()) or not re.search(r"\b[Tt]he $", text[:m.start()])):
            return True
    return False


def surname_intro(sentences: list[str], j: int, title: str) -> tuple[int, str] | None:
    """The earliest sentence before ``j`` that says in full the name sentence ``j`` says by its
    last word alone ("Scott described it ..." after "George C. Scott became ..."); None when
    ``j`` says each such name in full itself, or no sentence before says one (a surname that
    is a word of the title is the page's own subject; a word of ``not_surnames`` in
    ``rules/level2.yaml`` ends a thing's name: "Congress")."""
    text = sentences[j]
    title_words = set(re.findall(r"[\w'’-]+", title))
    found: tuple[int, str] | None = None
    lower = {w for x in sentences[:j + 1] for w in re.findall(r"\b[a-z][\w-]*", x)}
    for word in _alone(text):
        if word in _OPENERS or word in rules()["not_surnames_set"] or word in title_words or says_name(text, word) \
                or word.lower() in lower:  # a common word a sentence opens with ("Film companies ...")
            continue
        back = next((b for b in range(j) if says_name(sentences[b], word)), None)
        if back is not None and (found is None or back < found[0]):
            found = (back, word)
    return found


# "The last two volumes were ...", "The title was ...": "the", up to three describing words, and the noun
# that is the sentence's subject, before its verb
_THE_SUBJECT = re.compile(r"^The (?P<mods>(?:[a-z][\w-]* ){0,3}?)(?P<noun>[a-z][a-z-]{2,}) "
                          r"(?:(?:also|then|soon|later|still|often|only|never|first) )?"
                          r"(?:is|are|was|were|has|have|had|can|could|will|would|may|might|became|become|did|does|"
                          r"do|[a-z]+ed)\b")
# words after "the" that name nothing said before (an order, a part, an amount): "The first ...", "The rest ..."
_NOT_NOUNS = frozenset(["way", "other", "same", "such", "very", "most", "more", "first", "second", "third", "last",
                        "next", "others", "least", "less", "only", "whole", "rest", "following", "former", "latter",
                        "best", "worst", "main", "top", "bottom", "end", "beginning", "start", "middle", "number",
                        "world", "time", "year", "years", "day", "people", "public", "past", "present", "future",
                        "case", "fact", "use", "form", "name", "term", "word", "words", "one", "ones", "two", "three",
                        "united", "early", "late"])


def definite_subject(sentences: list[str], j: int, title: str) -> tuple[int, str] | None:
    """The latest sentence before ``j`` that says the noun that sentence ``j``'s subject names
    with "the" ("The last two volumes were published posthumously." after "... his
    six-volume work ..."; "The title was translated ..." after "... a work entitled ..."
    only where the sentence before says "title"), or that brings in with "a" or "an" a thing
    sentence ``j`` says with "the" anywhere ("A bomb was thrown ... near the end of the rally."
    after "... anarchists staged a rally ..."); None when no sentence before says it (a noun
    of the title or of ``_NOT_NOUNS`` needs none)."""
    m = _THE_SUBJECT.match(sentences[j])
    word = m.group("noun") if m else ""
    if m and not (word in _NOT_NOUNS or word.endswith(("ly", "est")) or mentions(title, word)):
        back = next((b for b in range(j - 1, -1, -1) if mentions(sentences[b], word)), None)
        if back is not None:
            return back, word
    topic = [w.lower() for w in re.findall(r"[\w-]+", title) if len(w) > 3]
    for the in _THE_NOUN.finditer(sentences[j]):
        word = the.group(1)
        if word in _NOT_NOUNS or mentions(title, word) or any(t.startswith(word[:4]) for t in topic):
            continue  # a word of what the page is about ("the atom" on Atomic number's page) is said in general
        brought = re.compile(rf"\b(?:[Aa]n?|[Oo]ne) (?:[\w-]+ ){{0,2}}{re.escape(word)}\b")
        if brought.search(sentences[j][:the.start()]):
            continue  # "a rally ... the rally": brought in by the sentence itself
        back = next((b for b in range(j - 1, -1, -1) if brought.search(sentences[b])), None)
        if back is not None:
            return back, word
    return None


# "the" and a noun that ends its phrase ("the end of the rally.", "the rally near ..."; not "the date at which ...",
# which says which date itself)
_THE_NOUN = re.compile(r"\b[Tt]he ([a-z][a-z-]{2,})(?=[.,;:!?]| (?:is|are|was|were|has|have|had|on|to|for|with|"
                       r"by|from|near|and|or|but)\b)(?! \w+ which\b)")


def points_back(text: str, title: str, person: bool = False) -> bool:
    """The sentence names with "the" what the sentence before it told of (``back_events``,
    ``back_subjects``, on a person's page also ``back_works`` in ``rules/level2.yaml``): "Albert
    Jr. was killed in the accident.", "The publication advocated free love ...", "He had to cut
    the movie several times."; not a noun the title says, nor one the sentence itself brings in
    with "a" or "an" ("An accident closed the road; two died in the accident.")."""
    data = rules()
    works = data["back_works_pattern"].finditer(text) if person else ()
    for m in (*data["back_events_pattern"].finditer(text), *works, *data["back_subject"].finditer(text)):
        word = m.group(1)
        if mentions(title, word):
            continue
        if re.search(rf"\b(?:[Aa]n?|[Oo]ne) (?:[\w-]+ ){{0,2}}{re.escape(word)}\b", text[:m.start()]):
            continue
        return True
    return False
