"""Three reading levels of one article (pure functions: Article -> Article).

    at_level(article, level) -> Article      1 (ages 7-9), 2 (ages 10-12), 3 (as built)
    level_number(text) -> int | None         "1", "2", "3" from a URL or a flag

Level 3 is the cleaned article. Level 2 is every section; level 1 is short: the lead
and the first sentences of the main sections. Each level-3 sentence is simplified for the
level (``simplify``) and, for the article's opening, its definition said as short
sentences (``rewrite``); past the opening the subject's name is
said as a pronoun; at level 1 each is then said plainly (``plain``: hard describing words and
words a child reads better, from ``rules/plain_words.yaml``). Then ``_select`` chooses what the level shows: the opening, then the
easiest of the other sentences while the page reads at or below its target grade (FKGL 4
and 7) and, for level 1, while the page is short (``LEVEL_WORDS``) and, whatever the grade,
until it is a real read (``LEAST_WORDS``, where the article has that much). A sentence that leans
on the one before it ("This led to ...") is kept only with it; one that opens with a mere
link word ("But ...") loses the word when shown alone; a sentence is said once. A
level-3 sentence is kept or left out whole, so a kept sentence keeps all its facts; the
full article stays one click away. Links are kept where their words survive; Quick
facts, pictures and See also are kept as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kidpedia.kidify import clauses, level1, level2, plain, reading, rewrite
from kidpedia.kidify.simplify import _VERBS, _has_verb, _is_verb, simplify
from kidpedia.model import Article, LinkSpan, Section, Text

LEVELS = (1, 2, 3)
DEFAULT_LEVEL = 3
TARGET_FKGL = {1: 4.0, 2: 7.0}
LEVEL_WORDS = {1: 220}  # a level-1 page is short: the selection stops at about this many words
LEAST_WORDS = {1: 40}  # ... and is a real read: the easiest sentences are shown up to this many words, whatever the grade
LEVEL1_LEAD_PARAGRAPHS = 6
LEVEL1_SECTION_PARAGRAPHS = 3  # ... of its first paragraphs (12.2% of the sample's level-1 pages met FKGL 4 with 2, 13.3% with 3)
LEVEL1_SECTION_SENTENCES = 8  # the first sentences of a main section a level-1 page may choose from


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


Groups = dict[str, list[tuple[str, str]]]  # a level text -> (level-3 sentence, what it became), in order


_SINGULAR = ("is", "was", "has", "had", "can", "could", "will", "would", "became", "lived", "died", "won", "wrote",
             "made", "moved", "married", "went", "worked", "played", "also", "then", "later", "did", "does", "may",
             "might", "must", "should")
_PLURAL = ("are", "were", "have", "had", "can", "could", "will", "would", "became", "live", "lived", "also", "do",
           "did", "then", "later", "may", "might", "must", "should")


def _pronoun(article: Article) -> tuple[str, ...]:
    """The names of the article's subject a level may say as a pronoun, and the pronoun:
    ("He", "Albert Einstein", "Einstein") for a man the lead calls "he" (a person's box
    with a Born or Died row is a person: "he" or "she" as the lead says more often, else no
    pronoun); ("It", title) for a thing (a box that is not a person's says so, whoever the
    lead calls "he"); ("They", title) for a plural title ("Amphibians")."""
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
    box = article.quick_facts
    person = box is not None and (any(r.label in ("Born", "Died") for r in box.rows) or bool(_PERSON_BOX.search(box.template)))
    if person:  # a person's box: never "it" ("It is Professor at the Collège de France")
        if he == she:  # a one-sentence lead ("Allan Dwan was a ... director."): as the whole article says
            body = " ".join(t.text for t in _body(article)).lower()
            he, she = len(re.findall(r"\b(?:he|his|him)\b", body)), len(re.findall(r"\b(?:she|her|hers)\b", body))
            he, she = (he, 0) if he > 2 * she + 2 else (0, she) if she > 2 * he + 2 else (0, 0)
        return ("He", *names) if he > she else ("She", *names) if she > he else ()
    if box is not None:
        return ("It", title, *_the(title))  # a spaceflight, a martial art: the lead's "he" is someone else
    starts = [x.split(" ", 1)[0] for t in article.lead for x in reading.sentences(t.text)]
    first = next((t.text.lower() for t in article.lead if t.table is None), "")
    its = len(re.findall(r"\b(?:it|its)\b", first))
    if its and its >= len(re.findall(r"\b(?:he|his|him|she|her)\b", first)):
        return ("It", title, *_the(title))  # the opening paragraph calls it "it": a work, whoever the rest calls "he"
    if he >= 2 and he > 2 * she and he >= it and {"He", "His"} & set(starts):
        return ("He", *names)
    if she >= 2 and she > 2 * he and she >= it and {"She", "Her"} & set(starts):
        return ("She", *names)
    return ("It", title, *_the(title))


def _the(title: str) -> tuple[str, ...]:
    """The thing's name as a later sentence says it with "the" ("The arithmetic mean is ...",
    "The Austroasiatic languages are ..."): said as the pronoun too."""
    if title.split()[0] in ("The", "A", "An") or not title[:1].isupper():
        return ()
    lower = title[:1].lower() + title[1:]
    return tuple(dict.fromkeys(("The " + lower, "The " + title)))


_PERSON_BOX = re.compile(r"person|biography|deity|character|royalty|saint|officeholder|writer|artist|scientist|"
                         r"philosopher|president|monarch|athlete|player|actor|musician|military person|religious leader|"
                         r"mythology", re.IGNORECASE)


def _say_pronoun(sentence: str, pronoun: tuple[str, ...], the: bool = False) -> str:
    """A sentence after the article's first that opens with the subject's name says the
    pronoun instead ("Albert Einstein was born in Ulm." -> "He was born in Ulm."); with
    ``the`` (level 1), also the name after "The" ("The Academy Awards is hosted by ...")."""
    if not pronoun:
        return sentence
    word, *names = pronoun
    if the and word == "It":
        names = [*names, *("The " + n for n in names if not n.startswith("The "))]
        # level 1: the opening's split said the name again with "a" ("An android was designed to look ...")
        title = names[0]
        if " " not in title and title[:1].isupper():
            names.append(("An " if title[:1] in "AEIOU" else "A ") + title[:1].lower() + title[1:])
    link = sentence.split(" ", 1)[0]
    if the and link in _LINK_OPENERS and " " in sentence:  # level 1: "But Schopenhauer has had ..." -> "But he has had ..."
        rest = sentence.split(" ", 1)[1]
        said = _say_pronoun(rest, pronoun, the)
        if said != rest and said.split(" ", 1)[0] in ("He", "She", "It", "They"):
            return f"{link} {said[:1].lower()}{said[1:]}"
        return sentence
    for name in names:
        if the and sentence.startswith((name + "'s ", name + "’s ")) and not name.endswith("s"):
            # level 1: "Lincoln's main goal was ..." -> "His main goal was ..."
            return _POSSESSIVE[word] + sentence[len(name) + 2:]
        if sentence.startswith(name + " "):
            nxt = sentence[len(name) + 1:].split(" ", 1)[0]
            plural = _plural_name(name) if the else name.endswith("s")  # level 1: "An American in Paris will ..." is one
            if word == "It" and plural and nxt in _PLURAL and nxt not in _SINGULAR[:4]:
                return "They " + sentence[len(name) + 1:]
            if nxt in _SINGULAR or (word != "It" and nxt.islower() and _is_verb(nxt) and not nxt.endswith("s")):
                return f"{word} " + sentence[len(name) + 1:]
            after = (sentence[len(name) + 1:].split(" ", 2)[1:2] or [""])[0]
            if the and word != "They" and not name.endswith("s") and _third_person(nxt, after):
                return f"{word} " + sentence[len(name) + 1:]  # level 1: "Anarchism draws on ..." -> "It draws on ..."
    return sentence


def _plural_name(name: str) -> bool:
    """A name of many things: its head noun, the last word before "of", "in" ..., is a plural in -s
    ("Articles of Confederation", "Amphibians"; not "An American in Paris", "Analysis of variance")."""
    head = re.split(r" (?:of|in|on|for|to|at|from|with|and|the) ", name, maxsplit=1)[0].split()[-1]
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


_LINK_OPENERS = frozenset(["But", "And", "So", "Then", "Later", "Still", "Soon", "There"])
_POSSESSIVE = {"He": "His", "She": "Her", "It": "Its", "They": "Their"}


def _third_person(word: str, after: str) -> bool:
    """A verb's -s form ("draws", "teaches", "carries"), not a plural noun ("Alabama schools
    in ..."): a verb of the simplifier's list, or a word in -s before what opens an object
    ("draws on many ...", "covers the ...")."""
    if not (word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is"))):
        return False
    return word in _VERBS or after in _OBJECT_OPENS


_OBJECT_OPENS = frozenset(["the", "a", "an", "its", "his", "her", "their", "many", "most", "some", "all", "on", "up",
                           "out", "that"])


# "the atomic number of a chemical element (also known as its proton number) is ...": another name in words
# (no number, no other script), said as the aside the opening's rewrite turns into a sentence of its own
_BRACKET_NAME = re.compile(r" \((also known as|also called|commonly known as|sometimes called) ([a-zA-Z][a-zA-Z' -]{1,40})\)(?= )")


def _become(sentence: str, level: int, lang: str, pronoun: tuple[str, ...], opening: bool, named: bool = False) -> str:
    """One level-3 sentence at a level: simplified, the article's opening said as short
    sentences, and (past the opening sentence) the
    subject's name said as a pronoun; with ``named`` (level 2: a section's first sentence) its
    first sentence keeps the name ("Anarchism is a philosophy." under "Internal issues and
    debates", not "It is a philosophy.": after a heading "it" could be anything)."""
    definition = opening and bool(pronoun) and lang == "en"
    if definition and level == 2:  # the opening's other name in brackets is said: "It is also called the proton number."
        sentence = _BRACKET_NAME.sub(r", \1 \2,", sentence, count=1)
    out = simplify(sentence, level, lang, split_tagged=False if definition else None)
    if not out or lang != "en":
        return out
    out = re.sub(r"(?<![.])\.\.(?![.])", ".", out)  # "the U.S.." where a split put a stop after one
    if definition:  # the definition's own rewrite first ("It is also called ..."), then the clauses
        if level == 1:  # "In organic chemistry an alkane is ..." -> "An alkane is ..."
            out = rewrite.without_field(out, pronoun[1])
        out = rewrite.split_definition(out, pronoun[0], level=level)
        if level == 1:
            out = " ".join(clauses.split(x) for x in reading.sentences(out))
            out = _full_name_said_again(out, pronoun)
    elif level == 2:  # a later sentence that says what something is: short sentences too
        out = " ".join(rewrite.split_examples(rewrite.split_object_participle(rewrite.split_object_relative(
            rewrite.split_body_sentence(x, pronoun)))) for x in reading.sentences(out))
    else:  # level 1: a participle on the last object and a list of examples, as level 2 says them; not level 2's
        # relative clause on the object ("Lojban and Loglan are two languages. They have been made for this." lost
        # what "this" is) nor its "X is a Y, that ..." ("The product is an alcohol." alone under a heading)
        out = " ".join(rewrite.split_examples(rewrite.split_object_participle(x)) for x in reading.sentences(out))
    if pronoun:
        out = " ".join(x if (opening or named) and j == 0 else _say_pronoun(x, pronoun, level == 1)
                       for j, x in enumerate(reading.sentences(out)))
    if level == 1:  # said plainly: hard describing words and words (``plain``)
        out = plain.plain(out, pronoun, pronoun[1] if len(pronoun) > 1 else "")
    return out


_FULL_NAME = re.compile(r"^(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)+) (?:is|was|are|were)\b")


def _full_name_said_again(text: str, pronoun: tuple[str, ...]) -> str:
    """Level 1: the opening's later sentences that a split opened with the name the opening says
    in full ("Aldous Leonard Huxley was a writer. Aldous Leonard Huxley was a well-known member
    ...") say the pronoun ("He was a well-known member ..."), as they do for the title's name."""
    parts = reading.sentences(text)
    m = _FULL_NAME.match(parts[0]) if parts and len(pronoun) > 1 else None
    if m is None or pronoun[0] not in ("He", "She") or pronoun[-1] not in m.group("name").split():
        return text
    name = m.group("name") + " "
    return " ".join([parts[0], *(pronoun[0] + " " + x[len(name):] if x.startswith(name) else x for x in parts[1:])])


def _simplify_text(t: Text, level: int, lang: str, groups: Groups, keep: int | None = None,
                   pronoun: tuple[str, ...] = (), opening: bool = False, named: bool = False) -> Text | None:
    """One paragraph at a level, sentence by sentence (``_become``); ``groups`` learns what
    each level-3 sentence became; with ``named`` its first sentence keeps the subject's name."""
    sents = reading.sentences(t.text) if t.kind == "p" else [t.text]
    if keep is not None:
        sents = sents[:keep]
    pairs = [(x, _become(x, level, lang, pronoun if t.kind == "p" else (), opening and i == 0, named and i == 0))
             for i, x in enumerate(sents)]
    pairs = [(x, y) for x, y in pairs if y]
    out = " ".join(y for _, y in pairs)
    if not out:
        return None
    groups[out] = pairs
    return replace(t, text=out, links=_relink(t, out))


def _texts(texts: tuple[Text, ...], level: int, lang: str, groups: Groups, keep: int | None = None,
           pronoun: tuple[str, ...] = (), lead: bool = False, named: bool = False) -> tuple[Text, ...]:
    """Each paragraph at the level; a table stays as it is; with ``named`` the first
    paragraph's first sentence keeps the subject's name."""
    out = (t if t.table is not None else _simplify_text(t, level, lang, groups, keep, pronoun, lead and i == 0,
                                                       named and i == 0)
           for i, t in enumerate(texts))
    return tuple(x for x in out if x is not None)


def _level2(article: Article, groups: Groups) -> Article:
    lang, pronoun = article.lang, _pronoun(article)
    # a section's first sentence says a name of one word again, not "it" ("Anarchism is a philosophy."); a longer
    # one ("An American in Paris") stays "it", on a page all about it
    short_name = len(pronoun) > 1 and len(pronoun[1].removeprefix("The ").split()) == 1

    def walk(s: Section) -> Section:
        return replace(s, paragraphs=_texts(s.paragraphs, 2, lang, groups, pronoun=pronoun, named=short_name),
                       sections=tuple(walk(c) for c in s.sections))

    return replace(article, lead=_with_box(_texts(article.lead, 2, lang, groups, pronoun=pronoun, lead=True),
                                           article, pronoun, groups),
                   sections=tuple(walk(s) for s in article.sections))


def _with_box(lead: tuple[Text, ...], article: Article, pronoun: tuple[str, ...], groups: Groups,
              level: int = 2) -> tuple[Text, ...]:
    """The lead with the Quick facts said as sentences (``rewrite.box_sentences``; at level 1
    also ``level1.box_sentences``) after its first paragraph: the selection may choose them
    like any other sentence."""
    said = rewrite.box_sentences(article, pronoun)
    if level == 1:
        said = level1.with_box_sentences(said, article, pronoun)
    if not said or not lead:
        return lead
    text = " ".join(said)
    groups[text] = [(x, x) for x in said]
    return (lead[0], Text(text), *lead[1:])


def _level1(article: Article, groups: Groups) -> Article:
    """The lead and the first sentences of each main section (of its first paragraphs, or of
    its first subsections' when it opens with none), each sentence at level 1: what ``_select``
    chooses from. Only the openings: a page of the easiest sentences from anywhere would
    read as facts without their context."""
    lead = tuple(t for t in article.lead if t.kind == "p")[:LEVEL1_LEAD_PARAGRAPHS]
    pronoun = _pronoun(article)
    sections = []
    for s in article.sections:
        firsts = [t for sub in _walk(s) for t in sub.paragraphs if t.kind == "p" and t.table is None][:LEVEL1_SECTION_PARAGRAPHS]
        paras = _texts(tuple(firsts), 1, article.lang, groups, LEVEL1_SECTION_SENTENCES, pronoun)
        if paras:
            sections.append(Section(s.title, s.level, paras))
    return replace(article, lead=_with_box(_texts(lead, 1, article.lang, groups, pronoun=pronoun, lead=True),
                                           article, pronoun, groups, level=1),
                   sections=tuple(sections))


def _walk(s: Section) -> list[Section]:
    """A section and its subsections, depth first."""
    return [s, *(x for c in s.sections for x in _walk(c))]


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


_ENDS = re.compile(r"[.!?][\"'”’)]*$")  # a sentence ends as one (not a list item's "...;")
_LEADS_ON = re.compile(r"(?::|\bas follows\.|\bthe following\.|\bbelow\.)$")


def _verb_like(words: list[str]) -> bool:
    """A word that may be the sentence's verb: a common verb, a past form in -ed, a modal,
    or a word in -s past the first (a verb or a plural noun: this only finds a phrase with
    neither, such as "A Service Module."), but for a list item: one that opens with a count
    or a label and has no word in -s but before "of", a comma or its end ("18 T-62 Main
    battle tanks.", "Pearic: 6 languages of Cambodia."), or whose one word in -s ends it after
    an abbreviation ("VSO typology with SVO tendencies.")."""
    bare = [x.strip(",.;:!?\"'”’()") for x in words]
    lower = [w for i, w in enumerate(bare) if not i or not w[:1].isupper()]  # "Studies" in a name is no verb
    cut = next((i for i, w in enumerate(words) if i and w == "with" and words[i - 1].endswith(",")), None)
    if cut is not None and not _has_verb([w for i, w in enumerate(bare[:cut]) if not i or not w[:1].isupper()]):
        # "A two-gender system ..., with the feminine marked by ...": a participle after "with" is no verb
        lower = [w for w in lower if not (w.endswith("ed") and bare.index(w) > cut)]
    if _has_verb(lower) or any(w.lower() in ("shall", "should", "cannot") for w in bare):
        return True
    if bare[0] in ("No", "Any"):
        return False  # a list item that counts or denies a thing: "No single words by 16 months."
    plural = [i for i, w in enumerate(bare)
              if i and w.islower() and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
              and not bare[i - 1][:1].isdigit()]  # "365 days a year.": the noun a number counts is no verb
    if not plural:
        return False
    if all(i + 1 < len(bare) and bare[i + 1] == "of" for i in plural) and all(
            not w[:1].islower() or w in ("and", "or", "the", "of") for w in bare[plural[0] + 2:]):
        return False  # a noun phrase of names: "The Khmer dialects of Cambodia, Thailand and Vietnam."
    if bare[0][:1].isdigit() or words[0].endswith(":"):  # a count or a label opens it
        return any(i < len(bare) - 1 and bare[i + 1] != "of" and not words[i].endswith(",") for i in plural)
    return plural != [len(bare) - 1] or not (bare[-2].isupper() and bare[-2].isalpha() and len(bare[-2]) > 2)


def readable(unit: str) -> bool:
    """What a sentence became can be shown on its own: each of its sentences has three
    words or more, a verb ("A Service Module." is no sentence), ends with a full stop,
    question or exclamation mark (a list item such as "The members of the government;" is
    no sentence), has its quotation marks and
    brackets closed, and is not a lead-in to a list the level leaves out ("... as follows:"),
    a participle phrase alone ("Being sent toward the Moon by the Saturn V."), a pointer to
    the page's layout ("The table below ...", "in the figure in the upper right") or a plural
    subject with a singular verb ("They makes them slippery")."""
    for sentence in reading.sentences(unit):
        words = sentence.split()
        if (len(words) < 3 or not _ENDS.search(sentence) or not _verb_like(words) or sentence.count('"') % 2 or sentence.count("(") != sentence.count(")")
                or _LEADS_ON.search(sentence) or _NOT_A_SENTENCE.search(sentence) or _gerund_alone(words)
                or _noun_with_relative(sentence)):
            return False
    return True


# a list item that names a thing and says "in which ...": "Morphology in which words inflect by changes in the root."
_NOUN_IN_WHICH = re.compile(r"^[A-Z][\w-]*(?: [a-z][\w-]*){0,2} (?:in|on|at|by|with|for|from|through|under) which\b(?P<rest>.*)$")
_MAIN_VERB_AFTER = re.compile(r"\b(?:is|are|was|were|has|have|had|can|could|will|would|may|might|must|does|do|did)\b")


def _noun_with_relative(sentence: str) -> bool:
    """A noun and a relative clause with no verb of its own after ("Chain end where the radicals
    recombine."), or a formula that lost its letters ("the general chemical formula ₙ₂ₙ₊₂."): no sentence."""
    m = _NOUN_IN_WHICH.match(sentence)
    return (m is not None and _MAIN_VERB_AFTER.search(m.group("rest")) is None) or _NOUN_WHERE.match(sentence) is not None \
        or _LOST_FORMULA.search(sentence) is not None


_NOUN_WHERE = re.compile(r"^[A-Z][\w-]*(?: [a-z][\w-]*){0,2} where\b")
_LOST_FORMULA = re.compile(r"(?:^|\s)[\u2080-\u209C\u2070-\u207F]+[.,]?(?:\s|$)")


def _gerund_alone(words: list[str]) -> bool:
    """A phrase that opens with a form in -ing and has no verb after it: a list item shown
    without the words that lead into it ("Minimizing the effects of pests on crops.")."""
    first = words[0]
    bare = [x.strip(",.;:!?\"'”’()") for x in words[1:]]
    return (first[:1].isupper() and first.isalpha() and first.endswith("ing") and len(first) > 5
            and not _has_verb(bare) and not any(w.lower() in ("shall", "should", "cannot") for w in bare))


_NOT_A_SENTENCE = re.compile(
    r"^(?:Being|Having been|Having) [a-z]+\b(?!.*\b(?:is|was|are|were|has|have|had)\b)"
    r"|\b(?:table|figure|diagram|chart|graph|list|map|image|picture|photo) (?:below|above)\b"
    r"|^(?:In|On|At|From|With|By|For|Of|To|Like) [A-Z][^?]*\?$"  # a work's title cut at its "?": "In What is Property?"
    r"|^(?:For [^,]{3,60}, )?See\b|, see (?:List|the list|the table)\b"  # a pointer to another page or table
    r"|\b(?:shown|see|listed|described|given|mentioned|written) (?:[\w-]+ ){0,3}(?:below|above)\b|\b(?:in|at|on|from) this link\b"
    r"|\bin the (?:figure|table|diagram|chart|picture|image)\b"
    r"|\b(?:They|We) (?:is|was|has|does|makes|takes|gives|keeps|gets|goes|says|lets)\b"
    r"|^(?:i\.e\.|e\.g\.|etc\.)"  # the rest of a sentence cut at an abbreviation
    r"|[;,] (?:for example|for instance|such as|including|like)\.$"  # an example cut off
    r"|^[^\"]*[\w.,!?]\"(?=[\s,.;:!?]|$)", re.IGNORECASE)  # a quotation's end without its start: 'Auto" and ...'



def _units(t: Text, groups: Groups) -> list[tuple[str, str]]:
    """What each level-3 sentence of a level text became (one or a few sentences), in
    order: the selection keeps or drops each whole, so a kept sentence keeps all its facts."""
    return groups.get(t.text) or [(x, x) for x in reading.sentences(t.text)]


# A sentence that opens with one of these leans on the sentence before it ("This led
# to ...", "Such tools ..."): the selection keeps it only together with that sentence. A
# sentence that opens with a mere link word ("But", "However,", "Also") is kept without the
# one before, and the link word goes (``_unlinked``).
_LEANS = re.compile(r"^(?:This|These|That|Those|Such|Thus|Therefore|Hence|Instead|Both|Another|Others?|Here|"
                    r"Its|Their|It|They|Them|His|Her|He|She|The other|The same|The rest|The latter|"
                    r"The former|In this|In that|After this|After that|Because of this|As a result|"
                    r"For this reason|Since then|By then|Until then|At that time|At the time|That year|"
                    r"The same year|In the same year|Despite this|Meanwhile|Because of this|Due to this|"
                    r"As such|Like this|Unlike this|Even so|Instead of this|Years later|A year later|"
                    r"\w+ years later|Later that year|The next year|The following year|Soon after|"
                    r"Shortly after|Shortly afterwards)\b")
_LINK_WORD = re.compile(r"^(?:But|However,|Also,?|Still,|Yet|In addition,|Moreover,|Furthermore,|And)\s+(?=\w)")


def _unlinked(text: str) -> str:
    """A sentence shown without the one before it says no link word to it ("But the euro
    is used." -> "The euro is used.")."""
    m = _LINK_WORD.match(text)
    if not m:
        return text
    rest = text[m.end():]
    return rest[:1].upper() + rest[1:]


_OTHER_PRONOUNS = {"He": r"she|her|hers|herself|it|its|they|their|them",
                   "She": r"he|him|his|himself|it|its|they|their|them",
                   "It": r"he|him|his|himself|she|her|hers|herself|they|their|them"}
# a word past the sentence's start that points at something said before ("whether these
# three strands share a common origin", "the first of its kind", "Based on this evidence")
_POINTS_BACK = re.compile(r"(?<!^)\b(?:these|those|such|the latter|the former|the same|(?<!to )this (?!day\b)[a-z]+)\b(?! as\b)"
                          r"|\b(?:do|does|did|doing|done) so\b", re.IGNORECASE)  # "The first to do so was Dudley Nichols."
_SUBJECT_WORDS = {"He": ("He", "His"), "She": ("She", "Her"), "It": ("It", "Its", "They", "Their")}


def _others(article: Article, pronoun: tuple[str, ...]) -> str:
    """The pronouns that are not the subject's (a regex's alternatives): for a thing whose
    lead calls it "they" ("Agnostida ... They are present in ..."), "they" may be it."""
    other = _OTHER_PRONOUNS.get(pronoun[0] if pronoun else "", "")
    if pronoun and pronoun[0] == "It":
        starts = {x.split(" ", 1)[0] for t in article.lead for x in reading.sentences(t.text)}
        if starts & {"They", "Their"}:
            other = other.replace("|they|their|them", "")
    return other


def _leans(text: str, pronoun: tuple[str, ...], others: bool | str = True) -> bool:
    """The sentence needs the one before it: it opens with a word that points back (not
    the article's subject's pronoun), says a pronoun that is not the subject's ("... named
    in her honour" on Alberta's page), or points back past its start ("whether these three
    strands ...")."""
    m = _LEANS.match(text)
    if m and not (pronoun and m.group(0) in _SUBJECT_WORDS.get(pronoun[0], ())):
        return True
    other = others if isinstance(others, str) else _OTHER_PRONOUNS.get(pronoun[0] if pronoun and others else "", "")
    if other and re.search(rf"\b(?:{other})\b", text, re.IGNORECASE):
        return True
    return _POINTS_BACK.search(text) is not None or _THERE.search(text) is not None


# "there" as a place said before ("Soon some movie companies worked there year-round.", "He stayed
# there until ..."), not "there is/are ..." nor "where there ..."
_THERE = re.compile(r"(?<![Ww]here )(?<![Hh]ere and )\b[Tt]here\b(?!\s+(?:is|are|was|were|has|have|had|will|would|"
                    r"may|might|must|can|could|seems?|seemed|appears?|appeared|exists?|existed|remains?|remained|"
                    r"lives?|lived|used|came|comes|still|also|being|be|been|should|shall|do|does|did)\b)")


def _subject_said(text: str, pronoun: tuple[str, ...], owner: bool = True) -> bool:
    """The sentence opens with the article's subject: its name or its pronoun, or says it as
    the subject of its main clause after an opening phrase ("Over a long career, Dwan directed
    125 movies.", "While still in New York, he was ..."); with ``owner``, also its name as an
    owner ("Einstein's theory ...")."""
    if not pronoun:
        return False
    word, *names = pronoun
    first = text.split(" ", 1)[0]
    if first in _SUBJECT_WORDS.get(word, ()) or any(text.startswith((n + " ", *((n + "'",) if owner else ())))
                                                    for n in names):
        return True
    m = _OPENING_PHRASE.match(text)
    if not m:
        return False
    who = m.group("who")
    return (who in names or (word in ("He", "She") and who == word.lower())) and m.group("verb") not in ("and", "or")


_SPLIT_SUBJECT = re.compile(r"^(?:It|They|This|These|He|She|Its|Their|His|Her)\b")
# an opening phrase (a preposition or subordinator, one comma) before the main clause's subject
_OPENING_PHRASE = re.compile(r"^(?:In|On|At|After|Before|Over|During|While|When|Since|From|By|As|Following|Although|"
                             r"Though|Until|Throughout|Later|Soon|Then|Despite|With|Without|Once|Under)\b[^,]{0,80}, "
                             r"(?P<who>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*|he|she) (?P<verb>[a-z]+)\b")


def _pronoun_opens(text: str, pronoun: tuple[str, ...]) -> bool:
    """The sentence opens with the subject's pronoun ("It includes ...")."""
    return bool(pronoun) and text.split(" ", 1)[0] in _SUBJECT_WORDS.get(pronoun[0], ())


Key = tuple[int, int, int]  # (paragraph, level-3 sentence, sentence of what it became)


def _select(article: Article, level: int, groups: Groups, pronoun: tuple[str, ...],
            free_opening: bool = False) -> tuple[Article, list[tuple[str, str]]]:
    """The sentences a level shows: the article's opening sentence, then the easiest of the
    rest while the page reads at or below its target grade and, for level 1, while it is
    short. What a level-3 sentence became may be a few sentences: the first can be shown
    alone, the others only after it. A sentence that leans on the one before it ("This led
    to ...") is shown only with that one; the same sentence is said once. Returns the
    article at the level and the (level-3 sentence, shown text) pairs."""
    target, budget, least = TARGET_FKGL[level], LEVEL_WORDS.get(level), LEAST_WORDS.get(level, 0)
    units = [((i, j), pair) for i, t in enumerate(_body(article)) for j, pair in enumerate(_units(t, groups))]
    if article.lang != "en":  # FKGL is the English grade: other languages keep every sentence
        return article, [pair for _, pair in units]
    from kidpedia.kidify.simplify import facts

    title_words = set(reading.words(article.title))
    pieces: dict[Key, str] = {}
    bound: dict[Key, list[Key]] = {}  # a first sentence -> the later ones that state a fact: shown with it
    for (i, j), (_, text) in units:
        for k, piece in enumerate(reading.sentences(text) or [text]):
            freed = free_opening and (i, j) == (0, 0) and (level != 1 or _NAMING.match(piece) is not None)
            if k and not freed and (facts(piece) - title_words or clauses.leans_back(piece)):
                if clauses.leans_back(piece):  # the sentences between it and the first go with them
                    for x in range(1, k):
                        if pieces.pop((i, j, x), None) is not None:
                            bound.setdefault((i, j, 0), []).append((i, j, x))
                    bound[(i, j, 0)] = sorted(bound.get((i, j, 0), []))
                bound.setdefault((i, j, 0), []).append((i, j, k))
                continue
            pieces[(i, j, k)] = piece
    keys = list(pieces)
    zero = reading.Measures(article.lang, 0, 0, 0, 0, 0.0)
    whole = {(i, j, k): piece for (i, j), (_, text) in units
             for k, piece in enumerate(reading.sentences(text) or [text])}
    measures = {k: sum((reading.measure(whole[x], article.lang, familiarity=False) for x in (k, *bound.get(k, ()))),
                       zero) for k in pieces}
    said_inside = _inside_quotes(whole) if level == 2 else set()  # level 1: ``_inside_quotation``
    lead_count = _lead_count(article)
    others = _others(article, pronoun)
    sources = {(i, j): source for (i, j), (source, _) in units}
    quoted = _inside_quotation(units) if level == 1 else set()
    sections = _section_of(article)
    seen: set[str] = set()
    skip: set[Key] = set()
    # what the page itself is: its title and, for a thing, what its opening says it is ("the song" on
    # America the Beautiful's page, "... is an American patriotic song."); a person's opening says roles
    person = bool(pronoun) and pronoun[0] in ("He", "She")
    own = article.title + ("" if person or not keys else ". " + whole[keys[0]])
    leans: dict[Key, Key] = {}  # a sentence -> the one it is shown only after
    needs: dict[Key, Key] = {}  # level 1: a sentence -> an earlier one that says the thing it names with "the"
    for n, key in enumerate(keys):
        text = " ".join(whole[x] for x in (key, *bound.get(key, ())))
        if n and (text in seen or not readable(text) or key in said_inside or (level == 1 and (
                _foreign(text) or _not_level1(text) or key[:2] in quoted
                or level1.change_cut(text, sources[key[:2]]) or level1.shared_cut(whole[key], sources[key[:2]])
                or level1.fragment(whole[key]) or level1.aux_before_verb(whole[key], sources[key[:2]])
                or _points_forward(key, whole, sources, pronoun)))):
            skip.add(key)
            continue
        if n and (level == 1 or not key[2]):
            named = (_named_before(key, text, sources, whole, article.title) if level == 1
                     else _introduced_before(key, sources, whole, sections, article.title))
            if named is None:
                skip.add(key)  # what it names with "the" is said only in a sentence the level cannot show
                continue
            if named != key:
                needs[key] = named
        seen.add(text)
        i, j, k = key
        # a sentence shown with it, split from the same level-3 sentence, opens with the
        # pronoun the split gave it ("... one short movie. It was made in ..."): that one
        # points inside the pair, not back
        text = " ".join([whole[key], *(_SPLIT_SUBJECT.sub("", whole[x]) for x in bound.get(key, ()))])
        if level == 1:  # "But they continued ...": shown alone it says "They continued ...", and "they" needs its antecedent
            text = _unlinked(text)
        leaning = _leans(text, pronoun, others) or (_leans_level1(text, pronoun) if level == 1
                                                    else _leans_level2(text, sources[key[:2]], pronoun)
                                                    or level2.points_back(whole[key], own, person))
        if k:
            leans[key] = (i, j, k - 1) if leaning else (i, j, 0)
        elif n and (leaning or (_pronoun_opens(text, pronoun) and not _about_subject(key, pronoun, sources, lead_count,
                                                                                   level1_they=level == 1))):
            # its antecedent is the sentence before it; at a paragraph's start outside the
            # lead that is the section's heading or another paragraph: not shown alone
            # within a paragraph its antecedent is the sentence just before it: where that
            # one cannot be shown (a fragment, said before), neither can this one
            before = max((x for x in whole if x[:2] == (i, j - 1)), default=None) if j else keys[n - 1]
            if (j == 0 and i >= lead_count) or before is None:
                skip.add(key)
            else:
                leans[key] = before
    first = _naming_sentence(keys, whole, article.title) if keys else None
    chosen = {first} if first is not None else set()
    total = sum((measures[k] for k in chosen), zero)

    def with_bound(key: Key) -> str:
        return " ".join(whole[x] for x in (key, *bound.get(key, ())))

    said = _Said([_content(with_bound(k)) for k in chosen])  # the shown sentences' words

    owner = {x: k for k, xs in bound.items() for x in xs}  # a bound sentence -> the one it is shown with

    def chain(key: Key) -> list[Key] | None:
        """The sentence and the ones it leans on that are not chosen yet (None: one of them
        cannot be shown)."""
        out, todo = [key], [key]
        while todo:
            at = todo.pop()
            for nxt in (leans.get(at), needs.get(at)):
                if nxt is None:
                    continue
                nxt = owner.get(nxt, nxt)
                if nxt in skip:
                    return None
                if nxt not in chosen and nxt not in out:
                    out.append(nxt)
                    todo.append(nxt)
        return out

    def together(keys: list[Key]) -> reading.Measures:
        return sum((measures[k] for k in keys), zero)

    topic = _stems(title_words | _content(whole[first])) if first is not None else frozenset()
    for _ in range(6):  # a sentence is weighed with the ones it leans on: shown together or not at all
        changed = False
        order = sorted((k for k in keys if k not in skip and k not in chosen),
                       key=lambda k: (together(c).fkgl - (1.5 if level == 1 and k[0] < lead_count else 0.0), k)
                       if (c := chain(k)) else (99.0, k))
        for key in order:
            group = chain(key) if key not in chosen else None
            if not group:
                continue
            if any(said.covers(_content(text)) for x in group for text in (with_bound(x), whole[x])) if level == 2 else \
                    any(_says_again(_content(text), shown) for x in group for text in (with_bound(x), whole[x])
                        for shown in said.sets):
                continue  # "It has a small army." after "But there is a small ceremonial Army."
            if budget is not None and total.words >= budget:
                break
            if level == 2 and all(x[0] < lead_count and _off_topic(x, chosen | set(group), whole, topic) for x in group):
                continue  # an easy sentence of the lead out of its paragraph, on nothing the page is about: not yet
            new = total + together(group)
            if new.fkgl <= target or new.fkgl < total.fkgl or total.words < least:
                total, changed = new, True
                chosen.update(group)
                said.extend([_content(with_bound(x)) for x in group])
                if level == 2:  # one chosen before that says nothing this one does not ("It has a small army.",
                    # then "But there is a small ceremonial Army."): it goes, where nothing leans on it
                    held = {y for x in chosen for y in (leans.get(x), needs.get(x))}  # what a chosen one leans on
                    for old in [k for k in chosen if k not in group and k != first and k not in held and any(_says_nothing_new(
                            _content(with_bound(k)), _content(with_bound(x))) for x in group)]:
                        chosen.discard(old)
                        total = _minus(total, measures[old])
        if not changed:
            break
    box = set(rewrite.box_sentences(article, pronoun)) | set(level1.box_sentences(article, pronoun) if level == 1 else ())
    if box:  # a Quick facts sentence that says what a chosen sentence already says goes
        for key in sorted(k for k in chosen if whole[k] in box):
            rest = " ".join(whole[x] for k in chosen if k != key for x in (k, *bound.get(k, ())))
            stated = facts(rest)
            if all(f in stated or (level == 1 and _stem_said(f, rest)) for f in facts(whole[key]) - title_words):
                chosen.discard(key)  # level 1: "It comes from Japan." after "... a Japanese martial art."

    def shown(keys: set[Key]) -> set[Key]:
        return keys | {x for k in keys for x in bound.get(k, ())}

    out = _shown(article, shown(chosen), groups)
    real = article_totals(out)
    for _ in range(12):  # sentences measured together can read a little harder than apart
        if real.fkgl <= target or len(chosen) < 3:
            break
        held = {y for x in chosen for y in (leans.get(x), needs.get(x))}  # what a chosen one leans on
        if level == 1:  # ... which may be a sentence bound to the one chosen: "They wrote in Greek." leans on
            # "But Mary the Jewess is credited ...", shown with "Zosimos of Panopolis wrote ..." (Alchemy)
            held |= {owner.get(y, y) for y in held if y is not None}
        removable = [k for k in chosen if k != first and k not in held]
        if not removable:
            break
        best = min(removable, key=lambda k: _minus(real, measures[k]).fkgl)
        fewer = _shown(article, shown(chosen - {best}), groups)
        fewer_m = article_totals(fewer)
        if fewer_m.fkgl >= real.fkgl or fewer_m.words < least:
            break
        chosen.discard(best)
        out, real = fewer, fewer_m
    pairs = []
    chosen = shown(chosen)
    for (i, j), (source, text) in units:
        kept = [p for k, p in enumerate(reading.sentences(text) or [text]) if (i, j, k) in chosen]
        if kept:
            pairs.append((source, " ".join(kept)))
    return out, pairs


def _naming_sentence(keys: list[Key], whole: dict[Key, str], title: str) -> Key:
    """The sentence a level's page opens with: the article's first, or, where that one does
    not name the page's subject and a later sentence of the lead's first paragraph opens with
    it, that one (Academy Award for Best Production Design opens "The Academy Awards are the
    oldest awards ceremony ...", then "The Academy Award for Best Production Design recognizes
    ...": a page that showed only the first was about the wrong thing)."""
    name = title.split(" (")[0].lower()
    if name in whole[keys[0]].lower():
        return keys[0]
    return next((k for k in keys[1:4] if k[0] == keys[0][0] and whole[k].lower().startswith((name, "the " + name))),
                keys[0])


def _stems(words: frozenset[str] | set[str]) -> frozenset[str]:
    """Words cut to their first five letters ("astronomers", "astronomy": "astro")."""
    return frozenset(w.lower()[:5] for w in words if len(w) > 2)


def _off_topic(key: Key, chosen: set[Key], whole: dict[Key, str], topic: frozenset[str]) -> bool:
    """Level 2: a sentence from inside a paragraph none of whose sentences before it is shown,
    that says no word of the title or of the opening sentence: alone it is off the page's topic
    (Answer's "Criminal cases may lead to fines or other punishment.", from a paragraph about
    pleading in court). Asked only in the lead: in a section its heading says what it is about."""
    if key[1:] == (0, 0) or any(x[0] == key[0] and x < key for x in chosen):
        return False
    return not (_stems(_content(whole[key])) & topic)


def _stem_said(name: str, text: str) -> bool:
    """A name said in another form of it ("Japan" in "Japanese", "Greece" no: "Greek")."""
    stem = name[:max(4, len(name) - 2)]
    return name[:1].isupper() and not name[:1].isdigit() and re.search(rf"\b{re.escape(stem)}", text) is not None


def _inside_quotes(whole: dict[Key, str]) -> set[Key]:
    """The sentences inside a quotation that opened in a sentence before them, in the same
    paragraph ('Russell defended his action, saying, "I don't know why ... critical. My wife's
    health is ... reasons. The movie will be here, even if Oscar isn't."'): someone's words,
    not facts, and not shown without the sentence that says whose they are."""
    out: set[Key] = set()
    para = -1
    inside: list[Key] | None = None  # the sentences since the quotation opened, or None outside one
    for key in sorted(whole):
        if key[0] != para:
            para, inside = key[0], None  # one that never closes in its paragraph is the source's slip: no quotation
        odd = sum(whole[key].count(q) for q in _QUOTE_MARKS) % 2
        if inside is not None:
            inside.append(key)
            if odd:  # it closes here: the sentences since it opened were someone's words
                out.update(inside)
                inside = None
        elif odd:
            inside = []
    return out


_QUOTE_MARKS = ('"', "“", "”")


# what level 1 does not show (ages 7-9): an equation ("in which n = 1"), a formula the page lost the
# letters of ("the general chemical formula ₙ₂ₙ₊₂"), and "do not have" before a participle, a
# plain word put in for an adjective ("do not have made notations", from "established notations"), and
# a formula's markup left in the text ("Expressions like ~f~ or ~f~ contain ...")
_NOT_LEVEL1 = re.compile(r"\s=\s|~|(?:^|\s)[\u2080-\u209C\u2070-\u207F]+[.,]?(?:\s|$)"
                         r"|\b(?:do|does|did)(?: not|n't)? have (?:made|created|done|taken|given|shown|seen|known|"
                         r"become|begun|been|set up)\b"
                         r"|\b[Nn]o\.(?:$|\s+[A-Z])"  # "Agassi was ranked world no.": "No. 1" cut at its stop
                         r"|\w, of [A-Z]"  # "The first love, of Dagny Taggart.": an aside's end without its start
                         r"|\bbelow(?=[.,;:]| (?:is|are|was|were|and)\b)|\b(?:lists?|tables?) below\b"  # the page's layout
                         r"|(?:^|\. )The following (?:are|is|were|was|includes?|lists?)\b"  # a lead-in to a list ("The following are major characters ...")
                         r"|\b[a-z]{2,}[^su'\W]s (?:was|is) made up of\b"  # "time scales was made up of"
                         r"|\b(?:by|of|from|with|the|an?)\.$"  # cut after its last word ("Governors ... were chosen by.")
                         r"|\bet al\b"  # a citation ("Rough dates are from Near et al., 2012.")
                         r"|, thus (?:he|she|it|they|we)\b"  # two sentences joined by a comma ("He could never build one, thus he relied ...")
                         r"|\?$"  # a question ("In short why does so much planned development fail?")
                         r"|\b(?:Bvt|Brig|Gen|Col|Capt|Lt|Maj|Sgt|Adm|Gov|Rev|Hon|Pres|Sen|Rep|Cmdr|Cpl|Pvt)\.$")  # cut at a
# title's abbreviation ("He served ... as chief of staff to Bvt.", Albert Sidney Johnston: "Brig. Gen. Henry Atkinson" lost)
# a quoted passage ("... wrote that "The true founder of anarchy was ..."): a quotation is someone's
# words, not a fact a level-1 page can state; a short quoted name or term ("called "Oscars"") is fine
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def _not_level1(text: str) -> bool:
    return (_NOT_LEVEL1.search(text) is not None or any(len(m.group(1).split()) >= 4 for m in _QUOTED.finditer(text))
            or any(_cut_question(s) for s in reading.sentences(text)))


_QUESTION_WORD = re.compile(r"\b(?:how|what|whether|why|where|when)\s+(?P<rest>[^.;:!?]+)[.!?]$")


def _cut_question(sentence: str) -> bool:
    """A sentence cut inside its "how ..." clause, the clause left with no verb ("The abacus shows
    how numbers, letters.": a split at ", and signs can be stored ...")."""
    m = _QUESTION_WORD.search(sentence)
    if m is None:
        return False
    rest = [w.strip(",\"'”’()") for w in m.group("rest").split()]
    return "," in m.group("rest") and not _has_verb(rest) and not any(w in ("to", "can", "could", "will") for w in rest)


def _inside_quotation(units: list[tuple[tuple[int, int], tuple[str, str]]]) -> set[tuple[int, int]]:
    """The level-3 sentences said inside a quotation that opens in a sentence before them
    ('Zhuangzi wrote, "A petty thief is put in jail. A great brigand becomes a ruler of a
    Nation."': the second is his words, not a fact), up to the sentence that closes it (four
    at most: a stray quotation mark is not a page-long quotation)."""
    out: set[tuple[int, int]] = set()
    para, left = -1, 0
    for (i, j), (source, _) in units:
        if i != para:
            para, left = i, 0
        marks = source.count('"') + source.count("“") + source.count("”")
        if left:
            out.add((i, j))
            left = 0 if marks % 2 or marks >= 2 else left - 1  # closed, or a quotation of its own: the first was a slip
        elif marks % 2:
            left = 4
    return out


# a sentence that opens with one of these says more of the one before it ("For example methane is
# CH₄, in which n = 1."): level 1 shows it only with that one
_LEANS_1 = re.compile(r"^(?:For example|For instance|In other words|In this way|In contrast|By contrast|"
                      r"On the other hand|Similarly|Likewise|Otherwise|Conversely|In turn|In response|Then|So|Again|"
                      r"(?:He|She|It|They|We) even|Besides (?:that|this)|"
                      r"(?:Some|Many|Most|Few|Several|Both) (?:have|has|had|are|were|is|was|can|could|will|would|may|might)|"
                      r"(?:Before|After|By|Until|Since|From|Up to|At) (?:that|this|then|those|these)\b)\b")
# "It would bear some resemblance to it.": the second "it" is not the subject, it is something said before
_OBJECT_IT = re.compile(r"\b(?:to|with|from|on|of|about|into|for|by|than|like|as|in|at|and|replaced|made|called) it\b")


# "He is the 5th of 7 male players in history to achieve this.", "His forehand was almost as strong.": what
# "this" is, or as strong as what, the sentence before says
_ENDS_BACK = re.compile(r"\b(?:this|that|these|those|as \w+)\.$|\b(?:do|does|did|doing|done) so\b")


# "He had to cut the movie several times.": which movie the sentence before says (Andrei Rublev, not the
# Ivan's Childhood a level-1 page showed just before it)
_THE_WORK = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat) (?:movie|film|book|novel|album|song|play|poem|story|painting|"
                       r"opera|series|show|game|war|battle|ship|plan|law|treaty|project|mission)\b"
                       r"(?! (?:of|industry|business|version|series|[A-Z0-9]))")


_PRONOUN_OPENS = re.compile(r"^(?:It|They|He|She|Its|Their|His|Her)\b")


def _points_forward(key: Key, whole: dict[Key, str], sources: dict[tuple[int, int], str],
                    pronoun: tuple[str, ...]) -> bool:
    """Level 1: the first of the sentences a split made opens with a pronoun where its level-3
    sentence opened with neither a pronoun nor the article's subject: the thing it names comes
    after it ("They are the fins." from "The main external features of the fish, the fins, are
    ...", Anatomy)."""
    i, j, k = key
    if k or (i, j, 1) not in whole or not _PRONOUN_OPENS.match(whole[key]):
        return False
    source = _unlinked(sources[(i, j)])
    return _PRONOUN_OPENS.match(source) is None and not _subject_said(source, pronoun)


def _named_before(key: Key, text: str, sources: dict[tuple[int, int], str], whole: dict[Key, str],
                  title: str) -> Key | None:
    """Level 1: the sentence of the paragraph before this one that says what this one names
    with "the" ("... along the ridge ..." after "... called the Mid-Atlantic Ridge.",
    ``level1.definite_antecedent``): the level-1 sentence that still says the noun; the key
    itself where it names nothing said before; None where what says it says it no more."""
    i, j, _ = key
    para = [sources[(i, x)] for x in range(j)] + [text]
    found = level1.definite_antecedent(para, j, title)
    if found is None:
        return key
    back, word = found
    return next((x for x in sorted(whole) if x[:2] == (i, back) and level1.mentions(whole[x], word)), None)


def _section_of(article: Article) -> list[int]:
    """The section each paragraph of ``_body`` is in (0 for the lead), by its place."""
    out = [0] * _lead_count(article)
    for n, s in enumerate(article.iter_sections(), start=1):
        out.extend(n for t in s.paragraphs if t.table is None)
    return out


def _introduced_before(key: Key, sources: dict[tuple[int, int], str], whole: dict[Key, str], sections: list[int],
                       title: str) -> Key | None:
    """Level 2: the sentence that says who or what this one names short: a person by the last word
    of their name ("Scott described it ..." after "George C. Scott became ...", from anywhere earlier
    in its section: ``level2.surname_intro``), a thing with "the" ("The last two volumes were ..."
    after "... his six-volume work ...", in its paragraph: ``level2.definite_subject``). The
    level-2 sentence that still says it; the key itself where it names nothing said before; None
    where what says it says it no more."""
    i, j, _ = key
    before = sorted(x for x in sources if sections[x[0]] == sections[i] and x <= (i, j))
    texts = [_unlinked(sources[x]) for x in before]
    para = [x for x in before if x[0] == i]
    name = level2.surname_intro(texts, len(texts) - 1, title)
    para_texts = texts[len(texts) - len(para):]
    # a thing said with "the" that a name said before ("... along the ridge ..." after "... the Mid-Atlantic
    # Ridge."), as level 1 asks
    thing = None if name else (level2.definite_subject(para_texts, len(para) - 1, title)
                               or level1.definite_antecedent(para_texts, len(para) - 1, title))
    if name is not None:
        at, says = before[name[0]], (lambda x: level2.says_name(x, name[1]))
    elif thing is not None:
        at, says = para[thing[0]], (lambda x: level1.mentions(x, thing[1]))
    else:
        return key
    pieces = [x for x in sorted(whole) if x[:2] == at]
    # the piece that still says it, else the first ("The movie was made in 1996." after "... a drama
    # movie.", said "film" at level 3)
    return next((x for x in pieces if says(whole[x])), pieces[0] if pieces else None)


# "... were sold abroad that year.", "In 2002 one was lost in the civil war.": which year, one of what
_BACK_LEVEL1 = re.compile(r"\bthat (?:year|day|month|season|decade|century|night|morning|week)\b"
                          r"|^(?:(?:In|By|On|At) [^,]{1,25},? )?[Oo]ne (?:was|is|were|are|has|had)\b")


def _leans_level1(text: str, pronoun: tuple[str, ...]) -> bool:
    if _BACK_LEVEL1.search(text):
        return True
    work = _THE_WORK.search(text)  # at the start too on a person's page ("The movie was released ..."); on a
    # work's own page "The movie has no male actors." is about the page's subject
    return (_LEANS_1.match(text) is not None or _ENDS_BACK.search(text) is not None or level1.owned_opening(text)
            or (work is not None and (work.start() > 0 or bool(pronoun) and pronoun[0] in ("He", "She")))
            or (text.startswith(("It ", "Its ")) and _OBJECT_IT.search(text) is not None))


# "There was an immediate rush to bring it into the social sciences." (evolution, said the sentence before),
# "stricter policies have kept its size steady since then": on a thing's page "it" may be the thing, but as
# an object, where its level-3 sentence said it too, it is what the sentence before said
_OBJECT_IT_2 = re.compile(r"\b(?:to|with|from|on|of|about|into|for|by|than|like|as|at|replaced|made|make|called|call|"
                          r"bring|brought|described|describe|found|find|named|considered|used|use|saw|see|gave|give|"
                          r"took|take|kept|keep|put|sold|bought|built|[a-z]{3,}ed) it\b")
_BACK_LEVEL2 = re.compile(r"\b(?:since|by|until|before|after) then\b|\bat (?:that|the) time\b"
                          r"|\bthat (?:year|day|month|season|decade|century|night|morning|week)\b"  # "for that night's ceremony"
                          r"|^[\w-]+ (?:days|weeks|months|years|decades) (?:later|after)\b"  # "Eight days later, the Council ..."
                          r"|^The (?:next|following|previous) (?:day|week|month|morning|evening|night)\b", re.IGNORECASE)


# "Many served in the armed forces.": many of whom, the sentence before says
_MANY_VERB = re.compile(r"^(?:Many|Most|Some|Several|Few|Both|All|Others) ([a-z]+)\b")


def _leans_level2(text: str, source: str, pronoun: tuple[str, ...]) -> bool:
    """Level 2: the sentence opens with a phrase that says more of the one before it ("For
    example ...", "Before that ...": ``_LEANS_1``), with a bare owned thing ("Membership is made
    up of ...": ``level1.owned_opening``) or a bare count and its verb ("Many served in ..."),
    points back to a time said before ("since then", "that night's ceremony"), or (on a thing's
    page) says "it" as an object where its level-3 sentence did too."""
    many = _MANY_VERB.match(text)
    return (_LEANS_1.match(text) is not None or _BACK_LEVEL2.search(text) is not None or level1.owned_opening(text)
            or (many is not None and _is_verb(many.group(1)))
            or (bool(pronoun) and pronoun[0] == "It" and _OBJECT_IT_2.search(text) is not None
                and _OBJECT_IT_2.search(source) is not None))


_LITTLE = frozenset(["a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it",
                     "its", "they", "their", "them", "he", "his", "him", "she", "her", "there", "this", "that", "these",
                     "those", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "but", "as", "not",
                     "no", "also", "so", "do", "does", "did", "can", "could", "will", "would", "may", "might", "own"])


@lru_cache(maxsize=1 << 16)
def _content(text: str) -> frozenset[str]:
    """The words of a sentence that say something (lowercase, without the little words).
    Kept per sentence text: the selection weighs each sentence against every one shown, and
    reading a long page's sentences again each time cost 27 s of its 28 (Amphibian, level 2)."""
    return frozenset(w.lower() for w in reading.words(text)) - _LITTLE


class _Said:
    """The content words of the sentences shown, and which of them has each word: whether
    any one has all of a sentence's words (``_says_nothing_new`` against each) is a few set
    intersections, not a walk over every sentence shown (a long page weighed hundreds of
    candidates against hundreds of shown sentences, 6.5 M checks for the sample)."""

    def __init__(self, sets: list[frozenset[str]]) -> None:
        self.sets: list[frozenset[str]] = []
        self.having: dict[str, set[int]] = {}
        self.extend(sets)

    def extend(self, sets: list[frozenset[str]]) -> None:
        for words in sets:
            for w in words:
                self.having.setdefault(w, set()).add(len(self.sets))
            self.sets.append(words)

    def covers(self, words: frozenset[str]) -> bool:
        """``_says_nothing_new(words, s)`` for some shown ``s``."""
        if len(words) < 2:
            return False
        common: set[int] | None = None
        for w in words:
            got = self.having.get(w)
            if not got:
                return False
            common = set(got) if common is None else common & got
            if not common:
                return False
        return True


def _says_nothing_new(words: frozenset[str], said: frozenset[str]) -> bool:
    """Level 2: a sentence whose words, two or more, are all in one already shown ("It has a small army."
    after "But there is a small ceremonial Army.") says nothing new; a longer one that says more stays."""
    return len(words) >= 2 and words <= said


def _says_again(words: frozenset[str], said: frozenset[str]) -> bool:
    """One sentence says what the other says (its words, two or more, are all in the other; or the
    new one says one word, and the other says it too: "It is a philosophy." after "Anarchism is a
    philosophy."): level 1 shows it once."""
    small, big = (words, said) if len(words) <= len(said) else (said, words)
    return bool(small) and small <= big and (len(small) >= 2 or len(words) == 1)


# a letter of another script ("気", "ἀμφίβιος"): a level-1 reader cannot read it
_FOREIGN = re.compile("[\u0370-\u03FF\u1F00-\u1FFF\u0400-\u052F\u0530-\u06FF\u0750-\u077F\u0900-\u0FFF"
                      "\u10A0-\u10FF\u1100-\u11FF\u1200-\u137F\u2E80-\u9FFF\uAC00-\uD7AF]")


def _foreign(text: str) -> bool:
    """A sentence about words in another script, not for level 1 ("It is used to mean energy or
    force, as in 電気 and 磁気."); one such word, named ("comes from the Ancient Greek term
    ἀμφίβιος"), is fine."""
    return sum(1 for w in text.split() if _FOREIGN.search(w)) >= 2


# a sentence of the opening that only names the subject again ("Its full name is the Republic
# of Albania.", "It is also called paraffin."): the one sentence of the opening a level-1
# page may leave out when the opening reads too hard, the facts that say what and where stay
_NAMING = re.compile(r"^(?:(?:Its|His|Her|Their) full name is|(?:It|He|She|They) (?:is|was|are|were) also called) ")


def _about_subject(key: Key, pronoun: tuple[str, ...], sources: dict[tuple[int, int], str], lead_count: int,
                   level1_they: bool = False) -> bool:
    """A sentence that opens with the subject's pronoun is about the subject: its level-3
    sentence named the subject, it opens a paragraph of the lead, or the sentence before it
    in its paragraph opens with the subject ("Albania is ... It has ..."; not "Its cuisine
    is ... It includes ...")."""
    i, j, _ = key
    source = sources.get((i, j), "")
    if _subject_said(source, pronoun) and not _pronoun_opens(source, pronoun):
        return True  # the name, said as the pronoun
    if j == 0:
        if i < lead_count:
            # "They" opening a later paragraph of a thing's lead are the people the paragraph before names
            # (Alchemy: "They wrote in Greek ..." after "Zosimos of Panopolis ... Mary the Jewess ...")
            return not (level1_they and i and pronoun[0] == "It" and source.split(" ", 1)[0] in ("They", "Their")
                        and not pronoun[1].endswith("s"))
        # a person's "He died in Los Angeles." opening a paragraph outside the lead is about the
        # person when the paragraph before ends with a sentence about them ("He directed his last
        # movie in 1961."); "It" is left alone (a section's own thing)
        # and the paragraph names them ("Over a long career, Dwan directed 125 movies.")
        before_para = [x for x in sources if x[0] == i - 1]
        if pronoun[0] not in ("He", "She") or not before_para or not _subject_said(sources[max(before_para)], pronoun):
            return False
        return any(re.search(rf"\b{re.escape(n)}\b", sources[x]) for x in before_para for n in pronoun[1:])
    before = sources.get((i, j - 1), "")
    if _pronoun_opens(before, pronoun):
        return _about_subject((i, j - 1, 0), pronoun, sources, lead_count, level1_they)
    # "Alberta's capital city, Edmonton, is ... It is the most northerly major city": after the
    # name as an owner, "it" is the thing owned ("Einstein's theory ... He ..." is Einstein)
    return _subject_said(before, pronoun, owner=pronoun[0] != "It")


def _minus(a: reading.Measures, b: reading.Measures) -> reading.Measures:
    return reading.Measures(a.lang, a.sentences - b.sentences, a.words - b.words,
                            a.syllables - b.syllables, a.rare - b.rare, a.zipf_sum - b.zipf_sum)


def _lead_count(article: Article) -> int:
    return sum(1 for t in article.lead if t.table is None)


def _shown(article: Article, chosen: set[Key], groups: Groups) -> Article:
    """The article with only the chosen sentences; a sentence shown without the one before
    it loses its link word ("But ...")."""
    counter = iter(range(10**9))
    state = {"before": True}  # whether the sentence before the next one is shown

    def keep(texts: tuple[Text, ...]) -> tuple[Text, ...]:
        out = []
        for t in texts:
            if t.table is not None:
                out.append(t)
                continue
            i = next(counter)
            kept = []
            for j, (_, y) in enumerate(_units(t, groups)):
                for k, piece in enumerate(reading.sentences(y) or [y]):
                    if (i, j, k) in chosen:
                        kept.append(piece if state["before"] else _unlinked(piece))
                        state["before"] = True
                    else:
                        state["before"] = False
            if kept:
                text = " ".join(kept)
                out.append(replace(t, text=text, links=_relink(t, text)))
        return tuple(out)

    def walk(s: Section) -> Section:  # a heading with nothing under it at this level goes, at any depth
        paras = keep(s.paragraphs)
        return replace(s, paragraphs=paras, sections=tuple(c for c in (walk(c) for c in s.sections) if _has_text(c)))

    lead = keep(article.lead)
    sections = tuple(walk(s) for s in article.sections)
    return replace(article, lead=lead, sections=tuple(s for s in sections if _has_text(s)))


def _has_text(s: Section) -> bool:
    return bool(s.paragraphs) or any(_has_text(c) for c in s.sections)


def _build(article: Article, level: int) -> tuple[Article, list[tuple[str, str]]]:
    with clauses.leaning():  # what this article's splits said leans on the sentence before: its own
        return _build_leaning(article, level)


def _build_leaning(article: Article, level: int) -> tuple[Article, list[tuple[str, str]]]:
    groups: Groups = {}
    shaped = _level1(article, groups) if level == 1 else _level2(article, groups)
    out = _select(shaped, level, groups, _pronoun(article))
    if article.lang == "en" and article_totals(out[0]).fkgl > TARGET_FKGL[level]:
        # the whole opening reads too hard for the level: its first sentence alone
        # ("Actresses is a 1997 Catalan language Spanish drama film."), the others chosen like the
        # rest; at level 1 only its other names may go (``_NAMING``), what it is and where stay
        other = _select(shaped, level, groups, _pronoun(article), free_opening=True)
        easier = article_totals(other[0]).fkgl
        if easier <= TARGET_FKGL[level] or (level == 1 and easier < article_totals(out[0]).fkgl - 0.25):
            return other  # level 1: the other names may go whenever the page then reads easier
    return out


def at_level(article: Article, level: int) -> Article:
    """The article at reading level 1, 2 or 3 (see the module docstring)."""
    if level not in LEVELS:
        raise ValueError(f"no reading level {level!r}: use 1, 2 or 3")
    if level == 3:
        return article
    return _build(article, level)[0]


def fact_retention(article: Article, level: int) -> tuple[int, int, int, int]:
    """How well a level keeps the facts of the sentences it keeps: (kept, stated, unchanged,
    shown). ``stated`` counts the numbers and names (``simplify.facts``, less the words of the
    title, which heads every level) of each level-3 sentence whose simplified form the level
    shows; ``kept`` those of them the level's text still states, unchanged. ``shown`` counts
    the facts the level's text states and ``unchanged`` those the level-3 article states too
    (a number rounded to words is the same number: "3 million" for 3,000,000)."""
    from kidpedia.kidify.simplify import drop_parentheticals, facts

    if level == 3:
        at, pairs = article, [(s, s) for t in _body(article) for s in reading.sentences(t.text)]
    else:
        at, pairs = _build(article, level)
    title_words = set(reading.words(article.title))
    shown_text = " ".join(t.text for t in _body(at))
    shown_facts = facts(shown_text) - title_words
    stated = kept = 0
    for source, _ in pairs:
        want = facts(drop_parentheticals(source)) - title_words
        stated += len(want)
        kept += sum(1 for f in want if f in shown_facts or _said(f, shown_text))
    box = [v.text for r in article.quick_facts.rows for v in r.values] if article.quick_facts else []
    source_facts = facts(" ".join([t.text for t in _body(article)] + box))  # the level-3 page: its box too
    return kept, stated, len(shown_facts & source_facts), len(shown_facts)
def _said(fact: str, text: str) -> bool:
    """The fact stands in the text as a word of its own (a name that now opens a sentence)."""
    import re

    return re.search(rf"(?<![\w,.]){re.escape(fact)}(?![\w]|[,.]\d)", text) is not None
