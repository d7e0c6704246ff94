"""What the page levels do to a sentence beyond the sentence simplifier (English only).

    split_definition(sentence, pronoun) -> str
        the article's opening ("X, also called Y, is a N that does Z, located in W.")
        said as short sentences: "X is a N. It does Z. It is in W. It is also called Y."

``kidify.levels`` calls it after ``simplify`` (whose plain words have already run) for
levels 1 and 2. Each rule only moves
words into sentences of their own and repeats the subject as a pronoun; it never drops a
number or a name (the appositive's names are said in a sentence of their own), so what a
level keeps still states every fact of the level-3 sentence.
"""

from __future__ import annotations

import re

_BE = ("is", "was", "are", "were")


# the opening: "Subject[, appositive,] be rest"
_OPENING = re.compile(r"^(?P<subj>(?:In [^,]{3,40}, )?[^,]{2,80}?)(?P<app>, [^;]*?,)? (?P<be>is|was|are|were) (?P<rest>.+)$")
_NAMING = re.compile(
    r"^(?:(?P<official>officially)|(?:also |commonly |often |sometimes |or |formerly )*"
    r"(?:known as|called|referred to as|named)|or|also|formerly)\s+(?P<name>.+)$")
_PARTICIPLES = ("born", "located", "situated", "based", "characterized", "characterised", "derived", "written",
                "published", "founded", "made", "built", "found", "known", "named", "native", "used", "directed",
                "produced", "created", "developed", "released", "composed", "painted", "designed", "spoken",
                "considered", "regarded", "famous", "best")
_PAST = ("born", "written", "published", "founded", "built", "created", "developed", "released", "composed",
         "painted", "designed", "directed", "produced", "derived", "made")
_RELATIVE = re.compile(r"^(?P<head>(?:a|an)\s+(?:[\w'’-]+\s+){0,6}?[\w'’-]+?),? (?P<rel>who|that|which) (?P<verb>(?:first |also |now |often |mainly |mostly |usually )?[\w'’-]+) (?P<tail>.+)$")
_PARTICIPLE = re.compile(rf"^(?P<head>(?:(?:a|an)\s+)(?:[\w'’-]+\s+){{0,6}}?[\w'’-]+?),? (?P<part>(?:first |also |now |best |mostly |mainly )?(?:{'|'.join(_PARTICIPLES)})\b) (?P<tail>.+)$")
_COMMA_PARTICIPLE = re.compile(rf", (?P<part>(?:first |also |now |best |mostly |mainly )?(?:{'|'.join(_PARTICIPLES)}|\w+ed)\b) (?P<tail>[^,]+)$")
# "a French mathematician, Professor at the Collège de France": a second noun phrase
# that names a role (a capital word after a comma that follows a common noun)
_ROLE = re.compile(r"^(?P<head>(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}[a-z][\w'’-]*), (?P<tail>[A-Z][\w'’-]+ (?:at|of|in|for|to) .+)$")
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
    for part in re.split(r",\s+(?=(?:officially|also|or|formerly|commonly|often|sometimes|known|called)\b)",
                         app.strip(" ,")):
        m = _NAMING.match(part)
        if not m:
            return []
        name = m.group("name").rstrip(" ,")
        if re.search(r"\b(?:as|and (?:also|traditionally|formerly|sometimes))\b", name):
            return []  # "known as X and traditionally as Y": not one name
        if m.group("official"):
            out.append(f"{'Their' if who == 'They' else 'His' if who == 'He' else 'Her' if who == 'She' else 'Its'}"
                       f" full name is {name}.")
        else:
            out.append(f"{who} {be} also called {name}.")
    return out


def split_definition(sentence: str, pronoun: str = "It") -> str:
    """The article's opening sentence as short ones (see the module docstring); a sentence
    the rules do not fit is returned as it was. A clause is moved out only from "a/an N":
    after "the N" it tells which N is meant ("the first spaceflight that landed humans on
    the Moon"), and "X was the first spaceflight." alone would be false."""
    if not sentence.endswith(".") or sentence.count('"') % 2:
        return sentence
    m = _OPENING.match(sentence[:-1])
    if not m or len(m.group("subj").split()) > 10:
        return sentence
    subj, app, be, rest = m.group("subj"), m.group("app"), m.group("be"), m.group("rest")
    who = _subject_word(pronoun, be)
    tail: list[str] = []
    if app:
        tail = _names(app, who, be)
        if not tail:  # not another name ("in recent classifications synonymous with Mon-Khmer"): kept
            subj, tail = subj + app.rstrip(","), []
            subj += ","
    after: list[str] = []
    role = _ROLE.match(rest)
    if role and not re.search(r"\band\b", role.group("head")):
        after.append(f"{who} {be} {role.group('tail')}.")
        rest = role.group("head")
    c = _COMMA_PARTICIPLE.search(rest)
    if c and len(rest[:c.start()].split()) >= 2 and not re.search(r"\d", c.group("part")):
        part = c.group("part")
        tense = "was" if be in ("is", "was") and (part.split()[-1] in _PAST or re.search(r"\b1\d{3}\b", c.group("tail"))) else be
        if be in ("are", "were") and tense == "was":
            tense = "were"
        after.append(f"{who} {tense} {part} {c.group('tail')}.")
        rest = rest[:c.start()]
    r = _RELATIVE.match(rest)
    rel_who = who if not r else (who if r.group("rel") == "who" else "They" if who == "They" else "It")
    if r and _plain_head(r.group("head"), r.group("rel")) and _verbish(r.group("verb").split()[-1]) and (
            rel_who != "It" or r.group("rel") != "who"):
        after.insert(0, f"{rel_who} {r.group('verb')} {r.group('tail')}.")
        rest = r.group("head")
    else:
        p = _PARTICIPLE.match(rest)
        if p and not set(p.group("head").lower().split()) & _STOP_HEAD and len(p.group("head").split()) >= 2:
            part = p.group("part")
            tense = "was" if be in ("is", "was") and part.split()[-1] in _PAST else be
            if be in ("are", "were") and tense == "was":
                tense = "were"
            after.insert(0, f"{who} {tense} {part} {p.group('tail')}.")
            rest = p.group("head")
    if not after and not tail:
        return sentence
    first = f"{subj} {be} {rest.rstrip(' ,')}."
    return " ".join([first, *after, *tail])
