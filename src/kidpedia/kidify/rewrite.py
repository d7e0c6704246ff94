"""What the page levels do to a sentence beyond the sentence simplifier (English only).

    split_definition(sentence, pronoun) -> str
        the article's opening ("X, also called Y, is a N that does Z, located in W.")
        said as short sentences: "X is a N. It does Z. It is in W. It is also called Y."
    split_body_sentence(sentence, pronoun) -> str
        the same for a later sentence that says what its subject is (level 2)
    split_examples(sentence) -> str
        a list of examples that ends a sentence, said as "Examples are ..." (level 2)

``kidify.levels`` calls it after ``simplify`` (whose plain words have already run) for
levels 1 and 2. Each rule only moves
words into sentences of their own and repeats the subject as a pronoun; it never drops a
number or a name (the appositive's names are said in a sentence of their own), so what a
level keeps still states every fact of the level-3 sentence.
"""

from __future__ import annotations

import re
from typing import Any

from kidpedia.kidify.simplify import MONTH_NAMES, _has_verb, _is_verb, _split_and_verb

_BE = ("is", "was", "are", "were")


# the opening: "Subject[, appositive,] be rest"
_OPENING = re.compile(r"^(?P<subj>(?:In [^,]{3,40}, )?[^,]{2,80}?)(?P<app>, [^;]*?,)? (?P<be>is|was|are|were) (?P<rest>.+)$")
# an aside between the subject and its verb that says what the subject is: a noun phrase ("the
# second spaceflight of the program") or where it is ("in recent classifications synonymous with ...");
# not a word's origin ("from Latin albedo"), an example ("such as"), a list's other items ("and")
_SAID_OF_SUBJECT = re.compile(r"^(?:(?:a|an|the|one of the|part of the|in) (?!(?:and|or|which|who|that)\b)[\w'’–-]+ .*)$")
# "N and so the same as M": what follows from what the subject is, said as a sentence of its own
_AND_SO = re.compile(r"^(?P<head>(?:a|an|the)\b[^,;]+?),? and (?:so|thus|therefore|hence) "
                     r"(?P<same>(?:the same as|equal to|identical to|also the same as) [^,;]+)$")
# "Asphalt, also known as bitumen is ...": the other name's closing comma, lost in the source
_UNCLOSED_NAMING = re.compile(r"^([^,]{2,60}), ((?:also |often |sometimes |commonly )?(?:called|known as) [^,]{1,40}?) "
                              r"(is|was|are|were) ")
_NAMING = re.compile(
    r"^(?:(?P<official>(?:officially|formally)(?: (?:known as|called|named))?)|(?:also |commonly |often |sometimes |or |formerly )*"
    r"(?:known as|called|referred to as|named)|or simply|simply|or|also|formerly)\s+(?P<name>.+)$")
_PARTICIPLES = ("born", "located", "situated", "based", "characterized", "characterised", "derived", "written",
                "published", "founded", "made", "built", "found", "known", "named", "native", "used", "directed",
                "produced", "created", "developed", "released", "composed", "painted", "designed", "spoken",
                "considered", "regarded", "famous", "best", "practiced", "practised", "played", "grown", "eaten", "worn", "hosted", "held", "given",
                "owned", "run", "operated", "organized", "organised", "awarded", "presented", "sponsored")
_PAST = ("born", "written", "published", "founded", "built", "created", "developed", "released", "composed",
         "painted", "designed", "directed", "produced", "derived", "made")
_RELATIVE = re.compile(r"^(?P<head>(?:a|an)\s+(?:[\w'’-]+\s+){0,6}?[\w'’-]+?),? (?P<rel>who|that|which) (?P<verb>(?:first |also |now |often |mainly |mostly |usually )?[\w'’-]+) (?P<tail>.+)$")
# "are educated people who have ...": a bare plural after "are" or "were" ("They have ...")
_PLURAL_RELATIVE = re.compile(r"^(?P<head>(?:[a-z][\w'’-]*\s+){0,3}?(?:[a-z][\w'’-]*[^s\W]s|people|children|men|women)),? (?P<rel>who|that|which) "
                              r"(?P<verb>(?:first |also |now |often |mainly |mostly |usually )?[\w'’-]+) (?P<tail>.+)$")
# a work and who made it: "a jazz-influenced symphonic poem by the American composer George Gershwin"
_WORK_BY = re.compile(r"^(?P<head>(?:a|an) [^,;()]*?\b(?:poem|piece|novel|book|song|album|painting|essay|play|opera|"
                      r"symphony|story|sculpture|movie|film|musical|ballet|concerto|sonata)) (?P<by>by (?:the )?"
                      r"(?:[a-z]+ ){0,3}[A-Z][^,;()]*)$")
# "a/an ..." that ends with a name, then "that" or "which" and a form of "be" or "have": a long head the
# relative says something of ("an agreement among ... the United States of America that was its first constitution")
_NAME_RELATIVE = re.compile(r"^(?P<head>(?:a|an) [^,;()]+? [A-Z][\w'’-]*) (?:that|which) (?P<verb>is|was|are|were|has|had) "
                            r"(?P<tail>[^,;()]+)$")
_PARTICIPLE = re.compile(rf"^(?P<head>(?:(?:a|an)\s+)(?:[\w'’-]+\s+){{0,6}}?[\w'’-]+?),? (?P<part>(?:first |also |now |best |mostly |mainly )?(?:{'|'.join(_PARTICIPLES)})\b) (?P<tail>.+)$")
_COMMA_PARTICIPLE = re.compile(rf", (?P<part>(?:first |also |now |best |mostly |mainly )?(?:{'|'.join(_PARTICIPLES)}|\w+ed)\b) "
                               r"(?P<tail>[^,]+(?:, [^,]+)*)$")
# "..., with a population of 50,000": what the subject has, said as a sentence of its own
_WITH = re.compile(r", with (?P<what>(?:a|an|the|its|their|his|her|about|over|more|some|many|[a-z]+ed|\d)(?:[^,;]|,(?=\d))*)$")
# "..., with reported yearly GDP growth of 11.1 percent ...": what the subject has, and how much
_WITH_AMOUNT = re.compile(r"^(?:a |an |the )?(?P<what>[a-z][\w'’ -]*?) of (?P<amount>(?:about |over |nearly |almost |more than "
                          r"|less than |around )?\d.*)$")
_YEAR_IN = re.compile(r"\b(?:1[0-9]|20)\d\d\b")  # "growth of 11.1 percent from 2001 to 2010": said in the past
_HOW = re.compile(r"^(?P<head>(?:the|a|an) (?:[a-z]+ )?(?:process|way|method|art|practice|technique) of [a-z]+ing .+?) "
                  r"(?P<how>by|through|by means of|using) (?P<tail>.+)$")
_NATION_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?:an|ese|ish|ch|sh|ic|ek|i)(?:-born)?"
_NATIONALITY = re.compile(rf"^(?:a|an) (?P<adjs>(?:[a-z][\w-]* )*?)(?P<nation>(?:{_NATION_WORD} )+)(?P<noun>[a-z][\w-]*\b.*)$")


# "a medium-sized, burrowing, nocturnal mammal": describing words set off by commas (coordinate adjectives)
_ADJECTIVES = re.compile(r"^(?:a|an) (?P<adjs>(?:[a-z][\w-]*, )+[a-z][\w-]*) (?P<noun>[a-z][\w-]*)(?P<tail>(?: .*)?)$")


# "in recent classifications the same as Mon–Khmer": where or by whom, then what the subject is
_WHERE_SAID = re.compile(r"^(?P<where>(?:in|by|for|among) (?:[a-z]+ ){0,3}[a-z]+s) "
                         r"(?P<what>(?:the same as|synonymous with|part of|equal to|seen as) .+)$")


# the levels whose opening says who made a work as a sentence of its own ("It is by George Gershwin."); what a
# long head that ends in a name was ("It was its first constitution.") is said so at level 2 only: at level 1
# the other name said between them ("It was formally the Articles of Confederation and Perpetual Union.")
# leaves "its" without the United States it means
_HEAD_LEVELS = (1, 2)
# a person's roles: "a writer, thinker, playwright and screenwriter", "a pioneer movie director, producer and
# screenwriter" (each of three words at most, lowercase, the last after "and"; not where level 1's plain words
# would say the first again: "a writer. He was also a writer, thinker ..." for "a writer, novelist, philosopher")
_ROLE_WORDS = r"[a-z][\w'’-]*(?: [a-z][\w'’-]*){0,2}"
_ROLES = re.compile(rf"^(?P<det>a|an) (?P<first>{_ROLE_WORDS}), (?P<more>(?:{_ROLE_WORDS}, )*{_ROLE_WORDS},? and "
                    rf"{_ROLE_WORDS})$")


def _said_plainly(role: str) -> str:
    """A role as level 1's plain words say it ("novelist" -> "writer")."""
    from kidpedia.kidify import plain

    entry = plain.rules()["words_by_from"].get(role)
    return str(entry["to"]) if entry else role


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _a(word: str) -> str:
    return "an" if word[:1].lower() in "aeio" else "a"


# what a thing is made of is said in the present ("Adobe is a building material. It is made from earth.")
_WHAT_OF = re.compile(r"^(?:\w+ )?made (?:from|of|with|up of|out of)\b")
_POSSESSIVE = {"It": "Its", "They": "Their", "He": "His", "She": "Her"}
# "a French mathematician, Professor at the Collège de France": a second noun phrase
# that names a role (a capital word after a comma that follows a common noun)
_ROLE = re.compile(r"^(?P<head>(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}[a-z][\w'’-]*), "
                   r"(?P<tail>(?:now |also |currently )?[A-Z][\w'’-]+ (?:at|of|in|for|to) .+)$")
_STOP_HEAD = frozenset(["of", "in", "on", "at", "for", "from", "by", "with", "to", "and", "or", "as", "than"])
# "a field of biology that covers ...", "an order of arthropod which ...": a kind named by
# a bare noun after "of" is the head's own; "a member of the group that ..." is not
_OF_KIND = re.compile(r" of (?!(?:the|a|an|his|her|its|their|this|that|these|those|some|many|all)\b)[a-z][\w'’-]*$")


def _plain_head(head: str, rel: str = "") -> bool:
    """The relative clause or participle after ``head`` is the head's: no preposition or
    conjunction inside it, but for a bare "of" kind before "that"/"which"."""
    if rel in ("that", "which"):
        head = _OF_KIND.sub("", head)
    return not set(head.lower().split()) & _STOP_HEAD


_AFTER_PARTICIPLE = frozenset(["in", "on", "at", "by", "from", "of", "to", "for", "with", "as", "near", "into", "throughout",
                               "between", "during", "around", "across", "along", "under", "over", "through", "after",
                               "before", "since", "up", "out", "mainly", "mostly", "only", "first"])
_NOT_DESCRIBING = frozenset(["though", "although", "but", "yet", "often", "not", "very", "and", "or", "sometimes",
                             "usually", "also", "still", "now", "then", "once", "always", "never", "more", "most"])


_PERSON_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ent|man|men|people|person|child|children|one|body)$")
_PLURAL_VERB = {"is": "are", "was": "were", "has": "have", "does": "do"}


def _person_they(r: re.Match[str]) -> str | None:
    """A "who" clause said of a person in a thing's article, where the sentence calls that
    person "their" (the singular "they"): "They" and the verb's plain form ("... a scientist in the
    field of astronomy who focuses their studies on ..." -> "They focus their studies on ...").
    The words after the person's noun name no other person ("the field of astronomy"), so the
    clause is the person's; None where that is not so."""
    head, verb, tail = r.group("head"), r.group("verb"), r.group("tail")
    if not re.search(r"\btheir\b", tail) or " " in verb:
        return None
    words = head.split()
    noun = next((i for i, w in enumerate(words) if i and w in _STOP_HEAD), len(words)) - 1
    if noun < 1 or not _PERSON_NOUN.search(words[noun]) or any(
            _PERSON_NOUN.search(w) or w[:1].isupper() for w in words[noun + 1:]):
        return None
    if verb in _PLURAL_VERB:
        plain = _PLURAL_VERB[verb]
    elif verb.endswith("ies"):
        plain = verb[:-3] + "y"
    elif verb.endswith(("ses", "xes", "ches", "shes", "zes")):
        plain = verb[:-2]
    elif verb.endswith("s") and not verb.endswith("ss"):
        plain = verb[:-1]
    else:
        return None
    return f"They {plain} {tail}."


# "as" that gives a reason: before a clause whose verb says what something needs ("as the economy depends on aid")
_AS_BECAUSE = re.compile(r"(?<!\bsame)(?<!\bsuch)(?<!\bwell)(?<!\bsoon)(?<!\blong)(?<!\bfar) as (?P<why>(?:the|its|their|his|her|this|these) "
                         r"(?:[\w'’-]+ ){0,4}(?:depends|depend|relies|rely|lacks|lack|needs|need|requires|require) [^,;]+)$")


def _adjective_pair(head: str) -> str:
    """The head without the "and" between two describing words ("a philosophical and protoscientific
    tradition"): one noun, what follows it is its own; "a tradition and a practice" keeps its "and"."""
    return re.sub(r"^((?:a|an) [a-z][\w-]*(?:al|ic|ous|ive|ful|ary|ical|ern|ish|an|ese)) and (?!(?:a|an|the)\b)", r"\1 ", head)


def _adverb(word: str) -> bool:
    return word in _NOT_DESCRIBING or (word.endswith("ly") and word.islower() and len(word) > 4)


def _verbish(word: str) -> bool:
    from kidpedia.kidify.simplify import _is_verb

    w = word.lower()
    return _is_verb(w) or w in ("is", "was", "are", "were", "has", "have", "had") or (
        len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")))


def _subject_word(pronoun: str, be: str) -> str:
    if be in ("are", "were"):
        return "They"
    return pronoun if pronoun in ("He", "She") else "It"


def _names(app: str, who: str, be: str) -> list[str]:
    """The appositive's other names said as sentences: ", officially the Principality of
    Andorra, also called Valls," -> "Its full name is the Principality of Andorra. It is also
    called Valls." A part that is not a naming is kept as it was (None: no rewrite)."""
    out: list[str] = []
    for part in re.split(r",\s+(?=(?:officially|formally|also|or|formerly|commonly|often|sometimes|known|called|simply)\b)",
                         app.strip(" ,")):
        m = _NAMING.match(part)
        if not m:
            return []
        name = re.sub(r"^(?:its|their) ", "the ", m.group("name").rstrip(" ,"))  # "also known as its proton number"
        second = re.fullmatch(r"(?P<one>[^,]+?) and (?P<adv>traditionally|formerly|sometimes) as (?P<two>[^,]+)", name)
        if second and not m.group("official") and not re.search(r"\b(?:as|and)\b", second.group("one") + second.group("two")):
            # "also called Afrasian and traditionally as Hamito-Semitic": two names, two sentences
            out.append(f"{who} {be} also called {second.group('one')}.")
            out.append(f"{who} {be} {second.group('adv')} called {second.group('two')}.")
            continue
        if re.search(r"\b(?:as|and (?:also|traditionally|formerly|sometimes))\b", name):
            return []  # "known as X and traditionally as Y": not one name
        if m.group("official"):
            out.append(f"{'Their' if who == 'They' else 'His' if who == 'He' else 'Her' if who == 'She' else 'Its'}"
                       f" full name is {name}.")
        else:
            out.append(f"{who} {be} also called {name}.")
    return out


# "In organic chemistry an alkane is ...", "In math and computer science, an algorithm is ...": the field the
# opening defines its subject in, lowercase words (not "In 1990", "In Greek myths"), before "a", "an" or "the"
_FIELD = re.compile(r"^In (?P<field>[a-z]+(?:(?:,| and|, and|) [a-z]+){0,3}),? (?=(?:[Tt]he|[Aa]n?) [a-z][^.]*? (?:is|are|was|were) )")
# words after "In" that say how true the sentence is, not a field ("In general an X is ...")
_NOT_FIELDS = frozenset(["general", "particular", "practice", "theory", "short", "total", "fact", "addition",
                         "contrast", "most", "many", "some", "recent", "modern", "common", "everyday", "ordinary",
                         "principle", "effect", "turn", "sum", "brief", "summary", "essence", "part", "time", "use",
                         "the", "a", "an", "this", "that", "its", "their", "past", "future", "world", "order"])


def without_field(sentence: str, title: str) -> str:
    """Level 1: the opening says what its subject is without the field it is said in ("In organic
    chemistry an alkane is a hydrocarbon." -> "An alkane is a hydrocarbon."): true without it, and
    a child reads the subject first. Only where the subject is the title's ("an alkane" on Alkane's
    page) and the field words are not a hedge ("In general ...")."""
    m = _FIELD.match(sentence)
    if m is None or set(m.group("field").replace(",", " ").split()) & _NOT_FIELDS:
        return sentence
    rest = sentence[m.end():]
    subject = re.findall(r"[\w'’-]+", re.split(r" (?:is|are|was|were) ", rest, maxsplit=1)[0].lower())
    head = re.sub(r"\s*\(.*\)$", "", title).lower().split()
    if not head or not any(w in subject or w.rstrip("s") in subject for w in head):
        return sentence
    return _capital(rest)


def split_definition(sentence: str, pronoun: str = "It", strict: bool = False, level: int = 2) -> str:
    """The article's opening sentence as short ones (see the module docstring); a sentence
    the rules do not fit is returned as it was. A clause is moved out only from "a/an N":
    after "the N" it tells which N is meant ("the first spaceflight that landed humans on
    the Moon"), and "X was the first spaceflight." alone would be false. ``strict`` (a
    sentence past the opening): no "with ..." said as "It has ..." ("the Alabama Senate, with
    35 members" is the Senate's), no role, and a participle after a comma only from the
    table ("..., declared bankruptcy" is a verb). At ``level`` 2 also who made a work ("It is by
    George Gershwin.") and what a long head that ends in a name was ("It was its first
    constitution.") are said on their own."""
    if not sentence.endswith(".") or sentence.count('"') % 2:
        return sentence
    m = _OPENING.match(_UNCLOSED_NAMING.sub(r"\1, \2, \3 ", sentence[:-1]))
    if not m or len(re.sub(r"^In (?:[a-z]+ ){1,4}(?=(?:the|a|an) )", "", m.group("subj")).split()) > 10:
        return sentence  # a long subject ("In chemistry and physics" before it is no part of it)
    subj, app, be, rest = m.group("subj"), m.group("app"), m.group("be"), m.group("rest")
    who = _subject_word(pronoun, be)
    tail: list[str] = []
    if app:
        tail = _names(app, who, be) if level == 2 or not re.search(r"\bformally\b", app) else []  # level 1 keeps it
        if not tail and _SAID_OF_SUBJECT.match(app.strip(" ,")) and not _has_verb(app.strip(" ,").split()) \
                and app.count('"') % 2 == 0 and "(" not in app:
            # what the subject is, between commas ("Apollo 8, the second spaceflight of the program,
            # was ...", "The Austroasiatic languages, in recent classifications synonymous with
            # Mon-Khmer, are ..."): said as a sentence of its own
            said = app.strip(" ,")
            where = _WHERE_SAID.match(said)
            # "in recent classifications the same as Mon-Khmer": the phrase that says where first
            tail = [f"{_capital(where.group('where'))}, {who.lower()} {be} {where.group('what')}." if where
                    else f"{who} {be} {said}."]
        if not tail:  # not another name, nor what the subject is ("from Latin albedo ..."): kept
            subj, tail = subj + app.rstrip(","), []
            subj += ","
    after: list[str] = []
    role = _ROLE.match(rest)
    if role and not strict and not re.search(r"\band\b", role.group("head")):
        after.append(f"{who} {be} {role.group('tail')}.")
        rest = role.group("head")
    w = _WITH.search(rest)
    amount = _WITH_AMOUNT.match(w.group("what")) if w else None
    noun_phrase = bool(re.match(r"(?:a|an|the|one)\b", rest))  # "is a N, ...", not "was helped by X, known as"
    if strict and w and ("," in rest[:w.start()] or not noun_phrase):
        w = None
    if w and len(rest[:w.start()].split()) >= 3 and amount and not _has_verb(amount.group("what").split()[1:]):
        # "Its reported yearly average GDP growth was 11.1 percent ...", "Its population is 31,000."
        after.append(f"{_POSSESSIVE.get(who, 'Its')} {amount.group('what')} {'is' if be in ('is', 'are') and not _YEAR_IN.search(amount.group('amount')) else 'was'} "
                     f"{amount.group('amount')}.")
        rest = rest[:w.start()]
    elif w and not strict and len(rest[:w.start()].split()) >= 3 and not w.group("what").split()[0].endswith("ed") \
            and not _has_verb(w.group("what").split()[1:]):
        has = {"is": "has", "are": "have"}.get(be, "had")
        after.append(f"{who} {has} {w.group('what')}.")
        rest = rest[:w.start()]
    c = _COMMA_PARTICIPLE.search(rest)
    if c and strict and (c.group("part").split()[-1] not in _PARTICIPLES or "," in rest[:c.start()] or not noun_phrase
                         or ";" in c.group("tail") or rest[:c.start()].split()[-1][:1].isupper()):
        c = None  # not "... to the poet Arseny Tarkovsky, native of Kirovohrad": said of the name before
    if c and len(rest[:c.start()].split()) >= 2 and not re.search(r"\d", c.group("part")) \
            and not any(_has_verb(x.split()) for x in c.group("tail").split(", ")[1:]):  # a list of places, no clause
        part = c.group("part")
        tense = "was" if be in ("is", "was") and (part.split()[-1] in _PAST or re.search(r"\b1\d{3}\b", c.group("tail"))) \
            and not _WHAT_OF.match(f"{part} {c.group('tail')}") else be
        if be in ("are", "were") and tense == "was":
            tense = "were"
        after.append(f"{who} {tense} {part} {c.group('tail')}.")
        rest = rest[:c.start()]
    so = _AND_SO.match(rest)
    if so and len(so.group("head").split()) >= 3 and not strict:
        # "the number of protons in the nucleus and so the same as the charge number" -> "... in the
        # nucleus. So it is the same as the charge number."
        after.insert(0, f"So {who.lower()} {be} {so.group('same')}.")
        rest = so.group("head")
    r = _RELATIVE.match(rest) or (_PLURAL_RELATIVE.match(rest) if be in ("are", "were") else None)
    work = _WORK_BY.match(rest) if not strict and level in _HEAD_LEVELS else None
    if work and len(work.group("head").split()) >= 3:
        # "a jazz-influenced symphonic poem by the American composer George Gershwin" -> "... poem. It is by the
        # American composer George Gershwin."
        after.insert(0, f"{who} {be} {work.group('by')}.")
        rest = work.group("head")
        r = None
    named = None if r else _NAME_RELATIVE.match(rest)
    if named and not strict and level == 2:
        # "an agreement among all thirteen original states in the United States of America that was its first
        # constitution": after a name "that" is said of the thing before it -> "... of America. It was its first
        # constitution."
        after.insert(0, f"{'They' if who == 'They' else 'It'} {named.group('verb')} {named.group('tail')}.")
        rest = named.group("head")
    rel_who = who if not r else (who if r.group("rel") == "who" else "They" if who == "They" else "It")
    person = _person_they(r) if r and rel_who == "It" and r.group("rel") == "who" else None
    if person:  # "An astronomer is a scientist in the field of astronomy who focuses their studies ..." -> "... They focus ..."
        after.insert(0, person)
        rest = r.group("head")  # type: ignore[union-attr]
    elif r and _plain_head(r.group("head"), r.group("rel")) and _verbish(r.group("verb").split()[-1]) and (
            rel_who != "It" or r.group("rel") != "who"):
        after.insert(0, f"{rel_who} {r.group('verb')} {r.group('tail')}.")
        rest = r.group("head")
    else:
        p = _PARTICIPLE.match(rest)
        if p and not set(_adjective_pair(p.group("head")).lower().split()) & _STOP_HEAD and len(p.group("head").split()) >= 2 \
                and not _adverb(p.group("head").split()[-1]) \
                and not (strict and p.group("tail").split()[0] not in _AFTER_PARTICIPLE):  # "a poor least developed country"
            part = p.group("part")
            tense = "was" if be in ("is", "was") and part.split()[-1] in _PAST \
                and not _WHAT_OF.match(f"{part} {p.group('tail')}") else be
            if be in ("are", "were") and tense == "was":
                tense = "were"
            after.insert(0, f"{who} {tense} {part} {p.group('tail')}.")
            rest = p.group("head")
    because = _AS_BECAUSE.search(rest)
    if because and not strict and len(rest[:because.start()].split()) >= 4:
        # "... are based on Angola's support of U.S. policy as the Angolan economy depends on U.S. aid." -> "... of
        # U.S. policy. This is because the Angolan economy depends on U.S. aid."
        after.append(f"This is because {because.group('why')}.")
        rest = rest[:because.start()]
    how = _HOW.match(rest)
    if how and not after:
        # "Animation is the process of making the illusion of motion by the fast display of pictures." ->
        # "... of motion. This is done by the fast display of pictures."
        after.append(f"This {'is' if be in ('is', 'are') else 'was'} done {how.group('how')} {how.group('tail')}.")
        rest = how.group("head")
    adj = _ADJECTIVES.match(rest)
    if adj and adj.group("noun") not in _STOP_HEAD and not _verbish(adj.group("noun")) \
            and not any(_adverb(x) or x in _NOT_DESCRIBING for x in adj.group("adjs").replace(",", "").split()):
        # not "an affectionate, though often absent, husband"
        # "The aardwolf is a small, insectivorous mammal." -> "The aardwolf is a mammal. It is small and
        # insectivorous.": a list of describing words said as a sentence of its own
        words = adj.group("adjs").split(", ")
        after.insert(0, f"{who} {be} {', '.join(words[:-1])} and {words[-1]}.")
        rest = f"{_a(adj.group('noun'))} {adj.group('noun')}{adj.group('tail')}"
    nat = _NATIONALITY.match(rest) if who in ("He", "She") else None
    if nat and (set(nat.group("adjs").split()) & _STOP_HEAD or nat.group("noun").split()[0] in ("and", "or")):
        nat = None  # "a common theme in Greek and Roman art": no nationality of the subject's
    if nat:
        # "Allan Dwan was a pioneering Canadian-born American movie director." -> "Allan Dwan was a pioneering
        # movie director. He was a Canadian-born American." ("He is French.": no "a" before an adjective alone)
        nation = nat.group("nation").strip()
        noun = nation.endswith(("an", "ian")) and not nation.endswith("ean")
        after.insert(0, f"{who} {be} {_a(nation) + ' ' if noun else ''}{nation}.")
        rest = _a(nat.group("adjs") or nat.group("noun")) + " " + (nat.group("adjs") or "") + nat.group("noun")
    roles = _ROLES.match(rest) if who in ("He", "She") and level == 1 and not strict else None
    more = [x for x in re.split(r",? and |, ", roles.group("more"))] if roles else []
    if roles and not any(_verbish(w) or w in _STOP_HEAD for x in more for w in x.split()) \
            and _said_plainly(roles.group("first")) not in {_said_plainly(x) for x in more}:
        # "Ayn Rand was a writer, thinker, playwright and screenwriter." -> "Ayn Rand was a writer. She was also
        # a thinker, playwright and screenwriter.": a person's roles past the first said as a sentence of their own
        after.insert(1 if nat else 0, f"{who} {be} also {_a(roles.group('more'))} {roles.group('more')}.")
        rest = f"{roles.group('det')} {roles.group('first')}"
    if not after and not tail:
        return sentence
    first = f"{subj} {be} {rest.rstrip(' ,')}."
    return " ".join([first, *(_split_and_verb(x) for x in after), *tail])


# a sentence past the opening that says what something is ("Professional astronomers are educated
# people who have a PhD ..."): its subject, which may not be a clause of its own ("Many people
# think a system is ...") nor open with a subordinator ("If the data set is ...")
_BODY_SUBJECT = re.compile(r"^(?:(?:The|A|An|This|These|Those|Its|Their|His|Her|Most|Many|Some|Each|Every|All)\s)?"
                           r"[\w'’-]+(?:\s[\w'’-]+){0,5}$")
_NOT_SUBJECT_WORDS = frozenset(["how", "what", "why", "whom", "whose", "like", "unlike",
                                "if", "when", "while", "because", "although", "though", "since", "as", "after",
                                "before", "until", "whether", "that", "which", "who", "where", "there", "it", "this",
                                "in", "on", "at", "by", "for", "from", "with", "to", "of", "and", "or", "but"])


def split_body_sentence(sentence: str, pronoun: tuple[str, ...]) -> str:
    """A sentence past the article's opening that says what its subject is, said as short
    sentences by the opening's rules (``split_definition``): "Professional astronomers are
    educated people who have a PhD in physics." -> "Professional astronomers are educated
    people. They have a PhD in physics." The new sentences say the subject as the article's
    pronoun where the subject is the article's, else as "It" or "They"; a sentence about
    someone else named ("Victor Fleming was a director, born in ...") is left alone: who
    "he" or "she" is cannot be told."""
    m = _OPENING.match(sentence[:-1]) if sentence.endswith(".") else None
    if not m or m.group("app"):
        return sentence
    subj = m.group("subj")
    words = subj.split()
    own = bool(pronoun) and (subj == pronoun[0] or subj in pronoun[1:])
    if not own:
        if (not _BODY_SUBJECT.match(subj) or subj.startswith("In ") or _has_verb(words)
                or {w.lower() for w in words[1:]} & _NOT_SUBJECT_WORDS or words[0].lower() in _NOT_SUBJECT_WORDS
                or any(w[:1].isupper() for w in words[1:]) or words[0] in ("He", "She", "They", "We", "I", "You")
                or len(words) == 1 and words[0][:1].isupper()):  # "Eric was a man ...": a name may be a person's
            return sentence
        return split_definition(sentence, "It", strict=True)
    return split_definition(sentence, pronoun[0], strict=True)


# "Most cities have amateur astronomy clubs that meet often.": a relative clause on the object
# a verb names, the object said by "a/an" or as a bare plural
_OBJECT_RELATIVE = re.compile(r"(?P<head>(?:(?:a|an) (?:[\w'’-]+ ){0,3}[a-z][\w'’-]*"
                              r"|(?!(?:the|this|that|these|those|his|her|its|their|my|our|your|other|such|no|any|every|all|"
                              r"only|few|none|each|more|most|fewer)\b)"
                              r"(?:[a-z][\w'’-]* ){0,2}[a-z][\w'’-]*[^s\W]s)) (?P<rel>who|that|which) "
                              r"(?P<rverb>(?:often |also |usually |mostly |mainly )?[a-z]+) (?P<tail>[^;:]+)\.$")


# "... and one short movie made in the process Phonofilm.": a participle phrase on the sentence's last object
_OBJECT_PARTICIPLE = re.compile(r"^(?P<main>.+ (?P<det>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) "
                                r"(?P<noun>(?:[a-z][\w'’-]* ){0,2}[a-z][\w'’-]*)) (?P<part>" + "|".join(_PAST) +
                                r"|known|used|found|located|spoken) (?P<prep>in|by|of|from|at|on|for|with|as|near)"
                                r" (?P<tail>[^,;:]+)\.$")


def split_object_participle(sentence: str) -> str:
    """A participle phrase on the last object of a sentence with no comma, said as a
    sentence of its own: "Dwan directed Swanson in one short movie made in the process
    Phonofilm." -> "Dwan directed Swanson in one short movie. It was made in the process
    Phonofilm." Only after "a/an" or a number, in the past ("was made", "were built") as
    the sentence is, or the present where it says "is"/"are"/"has"."""
    m = _OBJECT_PARTICIPLE.match(sentence)
    if not m or "," in m.group("main") or sentence.count('"') % 2 or "(" in sentence:
        return sentence
    from kidpedia.kidify.simplify import _complete_clause

    noun = m.group("noun").split()
    before = m.group("main")[:-len(m.group("det") + " " + m.group("noun"))].split()[-1:]
    if (set(noun) & (_STOP_HEAD | _DETERMINERS_OF | {"and", "or"}) or _adverb(noun[-1])
            or any(_verbish(w) and not w.endswith("s") or w in ("was", "is", "has", "it") for w in noun)
            or before == ["of"]  # "the weight of a dog based on ...": the participle may be the verb's
            or not _complete_clause(m.group("main").split())
            or re.search(r"\b(?:that|which|who|whether|if|because|when|while|may|might|can|could|would|should|must|"
                         r"will|to)\b", m.group("main"))):
        return sentence
    plural = m.group("det") not in ("a", "an", "one")
    if plural and not noun[-1].endswith("s"):
        return sentence
    present = bool(re.search(r"\b(?:is|are|has|have)\b", m.group("main"))) and not _YEAR_IN.search(m.group("tail"))
    be = ("are" if plural else "is") if present else ("were" if plural else "was")
    return f"{m.group('main')}. {'They' if plural else 'It'} {be} {m.group('part')} {m.group('prep')} {m.group('tail')}."


# "... for physical danger like exploring, skydiving, mountain climbing or river rafting.": a list of three or more
# examples (items of a few words, no clause) after "such as" or "like" that ends the sentence
_EXAMPLE_LIST = re.compile(r"^(?P<main>[^,;:()]+?),? (?P<word>such as|like) "
                           r"(?P<list>(?:[^,;:()\s]+(?: [^,;:()\s]+){0,5}, )+(?:[^,;:()\s]+(?: [^,;:()\s]+){0,5},? )?"
                           r"(?:and|or) [^,;:()\s]+(?: [^,;:()\s]+){0,5})\.$")


# "The pigs start to look like humans": "like" after a verb says how, it gives no examples
_LIKE_VERBS = frozenset(["look", "looks", "looked", "looking", "seem", "seems", "seemed", "sound", "sounds", "sounded",
                         "feel", "feels", "felt", "act", "acts", "acted", "taste", "tastes", "smell", "smells",
                         "behave", "behaves", "behaved", "be", "is", "are", "was", "were", "dress", "dressed"])


def split_examples(sentence: str) -> str:
    """A list of examples that ends a sentence, said as a sentence of its own: "Adventures
    may be activities with some potential for physical danger like exploring, skydiving,
    mountain climbing, river rafting or taking part in extreme sports." -> "Adventures may
    be activities with some potential for physical danger. Examples are exploring, skydiving,
    mountain climbing, river rafting or taking part in extreme sports." Only where the words
    before make a sentence of their own (no comma: "Food production ..., with special
    attention paid to ..." is none) and no item is a clause; not after "including" (the
    list may be all there is: "ten pronouns, three nouns and three verbs"), nor where the
    words before say "include" ("products include varieties." says nothing), nor "like" after
    a verb ("The pigs start to look like humans, ...")."""
    m = _EXAMPLE_LIST.match(sentence)
    if not m or sentence.count('"') % 2:
        return sentence
    from kidpedia.kidify.simplify import _complete_clause

    main, items = m.group("main"), m.group("list")
    words = main.split()
    if len(words) < 5 or not _complete_clause(words) or main.rstrip().endswith(("is", "are", "was", "were")) \
            or re.search(r"\b(?:examples?|includes?|included|including)\b", main, re.IGNORECASE) \
            or (m.group("word") == "like" and (_is_verb(words[-1]) or words[-1].lower() in _LIKE_VERBS)) \
            or re.search(r"\b(?:as|so|because|when|while|if)\b", items) \
            or _has_verb(re.split(r",? (?:and|or) |, ", items)[-1].split()[1:]) \
            or any(w in ("is", "are", "was", "were", "has", "have", "had", "which", "who", "that") for w in items.split()):
        return sentence
    return f"{main.rstrip(',')}. Examples are {items}."


_DETERMINERS_OF = frozenset(["the", "this", "that", "these", "those", "his", "her", "its", "their", "my", "our",
                             "your", "other", "such", "a", "an"])


def split_object_relative(sentence: str) -> str:
    """A relative clause on the object of a sentence's verb said as a sentence of its own,
    where the object is "a/an ..." or a bare plural and the clause's verb follows its
    pronoun: "Most cities have amateur astronomy clubs that meet often." -> "Most cities
    have amateur astronomy clubs. They meet often." Not after a preposition ("a member of
    a group that ..." may mean the member), not for a person said "a/an" ("who" with no
    "he" or "she" known), and only where the words before make a sentence of their own."""
    if sentence.count('"') % 2 or "(" in sentence:
        return sentence
    for space in re.finditer(" ", sentence):  # the verb whose object has the clause: each word in turn
        main = sentence[:space.start()]  # ("The arithmetic mean has several properties that ...": not "mean")
        m = _OBJECT_RELATIVE.match(sentence, space.end())
        if m and " " in main and re.fullmatch(r"[a-z]+", main.split()[-1]):
            out = _object_relative(main, main.split()[-1], m)
            if out:
                return out
    return sentence


_COPULAS = frozenset(["is", "was", "are", "were", "be", "been", "being", "become", "became", "becomes", "remain",
                      "remains", "remained"])


def _object_relative(main: str, verb: str, m: re.Match[str]) -> str | None:
    """``split_object_relative`` for one verb, its object and the clause on it (None: not here)."""
    from kidpedia.kidify.simplify import _complete_clause, _finite, _split_and_verb

    head, rel, rverb = m.group("head"), m.group("rel"), m.group("rverb")
    plural = not head.startswith(("a ", "an "))
    inner = head.split()[0 if plural else 1:]
    if (set(inner) & (_STOP_HEAD | _DETERMINERS_OF) or _adverb(inner[-1])  # "among the schools", "from cinema"
            or re.search(r"[,;—–]|\b(?:that|whether|if|because|which|who|what|how)\b", main)  # "the notion that nature is made of things that"
            or re.search(r"\b(?:and|or|but) (?:that|which|who)\b", m.group("tail"))):
        return None
    if (verb in _COPULAS or verb in ("has", "have", "had")) and len(inner) == 1 and (
            verb in _COPULAS or rverb.split()[-1] in ("can", "could", "may", "might", "will", "would")):
        # "a cyborg would be a creature that is ...", "Lake Shkodër has a surface that can vary between ...": the
        # clause says what it is, "a creature." or "has a surface." nothing
        return None
    if (not _finite(verb) and verb not in ("have", "include", "contain", "need", "use", "make", "produce")) \
            or not _verbish(rverb.split()[-1]) or (rel == "who" and not plural) or len((main + " " + head).split()) < 4 \
            or not _complete_clause(f"{main} {head}".split()) or len(m.group("tail").split()) < 2:
        return None
    last = rverb.split()[-1]
    nxt = m.group("tail").split()[0].lower()
    if nxt in ("can", "could", "may", "might", "must", "will", "would", "should", "shall", "did", "do", "does") \
            or nxt in ("is", "are", "was", "were", "has", "have", "had"):
        return None  # "an art that practitioners could use": the relative is the object, "practitioners" no verb
    if plural and (last in ("is", "was", "has") or (last.endswith("s") and not last.endswith("ss"))):
        return None  # "janissaries which was known as ...": the clause is not the plural's
    if not plural and last in ("are", "were", "have"):
        return None
    who = "They" if plural else "It"
    clause = f"{who} {rverb} {m.group('tail')}."  # said alone it may be two: "They meet ... They often host ..."
    return f"{main} {head}. {_split_and_verb(clause)}"


# Quick facts said as sentences (levels 1 and 2): a row whose value is one plain thing,
# said exactly as the box says it; any other row says nothing.
_MONTH = f"(?:{MONTH_NAMES.title()})"  # the simplifier's month names, capitalised
_DATE = re.compile(rf"\b(?:(?P<dmy>\d{{1,2}} {_MONTH} \d{{3,4}})|(?P<mdy>{_MONTH} \d{{1,2}}, \d{{3,4}})|(?P<bc>\d{{1,4}} BC)|"
                   rf"(?P<year>\d{{4}}))\b")
_NAME_VALUE = re.compile(r"^[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|i|de|la|del|von|van|da|dos))*$")
_COORDS = re.compile(r",\s*\d+°[^,]*$")


def _date_phrase(value: str, first: bool) -> str | None:
    """"on 14 March 1879" / "in 384 BC" / "in 1970" from a box value that opens with a date
    (``first``) or names someone first ("Alisa Rosenbaum, February 2, 1905, ...")."""
    m = _DATE.match(value) if first else _DATE.search(value)
    if not m or (not first and m.start() and value[m.start() - 2:m.start()] != ", "):
        return None
    if m.group("dmy") or m.group("mdy"):
        return "on " + m.group(0)
    return "in " + m.group(0)


def box_sentences(article: Any, pronoun: tuple[str, ...]) -> list[str]:
    """The article's Quick facts said as short sentences where a row says one plain thing
    ("Its capital is Tirana.", "It was directed by Ventura Pons.", "He was born on 14 March
    1879."); the subject is its pronoun, or its name where it has none."""
    box = article.quick_facts
    if box is None or article.lang != "en":
        return []
    who = pronoun[0] if pronoun else article.title.split(" (")[0]
    rows = {r.label: r.values[0].text.strip() for r in box.rows if not r.header and len(r.values) == 1}
    person = "Born" in rows or "Died" in rows
    out: list[str] = []
    if who == "It" and not person:
        capital = _COORDS.sub("", rows.get("Capital", ""))
        if _NAME_VALUE.match(capital):
            out.append(f"Its capital is {capital}.")
        langs = (rows.get("Official languages") or rows.get("Official language") or "").split(", ")
        if len(langs) == 1 and _NAME_VALUE.match(langs[0]):
            out.append(f"Its official language is {langs[0]}.")
        elif len(langs) == 2 and all(_NAME_VALUE.match(x) for x in langs):
            out.append(f"Its official languages are {langs[0]} and {langs[1]}.")
        for label, verb in (("Directed by", "directed"), ("Author", "written"), ("Written by", "written")):
            if _NAME_VALUE.match(rows.get(label, "")):
                out.append(f"It was {verb} by {rows[label]}.")
                break
        if _NAME_VALUE.match(rows.get("Language", "")) and ("Author" in rows or "Directed by" in rows):
            out.append(f"It is in {rows['Language']}.")
        if re.fullmatch(r"\d{1,3} minutes", rows.get("Running time", "")):
            out.append(f"It is {rows['Running time']} long.")
        for label, verb in (("Release date", "came out"), ("Founded", "was founded")):
            when = _date_phrase(rows.get(label, ""), True)
            if when and re.fullmatch(rf"{_DATE.pattern}(?: \(\d+ years ago\))?", rows[label]):
                out.append(f"It {verb} {when}.")
    if person:
        for label, verb in (("Born", "was born"), ("Died", "died")):
            when = _date_phrase(rows.get(label, ""), True) or _date_phrase(rows.get(label, ""), False)
            if when:
                out.append(f"{who} {verb} {when}.")
    return out
