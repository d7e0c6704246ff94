"""Sentences of a Text, and a Text with some of them cut out (links kept valid).

The safety layer removes whole sentences; ``sentence_spans`` finds them (a sentence
ends at . ! or ? followed by a capital of any script, a digit or an opening quote,
not after a known abbreviation or an initial, or at Japanese and Chinese 。！？) and ``remove_spans`` cuts character ranges out of
a Text, dropping links inside a cut and shifting the ones after it.
"""

from __future__ import annotations

import re

from kidpedia.model import LinkSpan, Text

# A sentence ends at . ! ? followed by space and a capital (any script: Latin, Cyrillic,
# Greek ...), a digit or an opening quote; or at Japanese/Chinese 。！？ (no space, no case).
# (Written as one character class first, then each ending's rest: the same matches as
# r"[.!?…]+[\"'”’»)\]]*\s+(?=...)|[。！？]+[」』）)”’]*\s*", found twice as fast, since
# a pattern that opens with a class is scanned for that class's characters in C, where
# two alternatives were tried at every position.)
_END = re.compile(
    r"[.!?…。！？](?:(?<=[.!?…])[.!?…]*[\"'”’»)\]]*\s+(?=[\"'“‘«(\[¿¡]?(?P<next>[^\W_]))"
    r"|(?<=[。！？])[。！？]*[」』）)”’]*\s*)"
)
_ABBREV = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "no", "nos", "vol", "gen", "col", "lt", "sgt", "capt", "mt", "ft", "fig", "approx", "ca", "c", "inc", "ltd", "co", "corp", "dept", "univ", "prof", "rev", "hon", "gov", "pres", "sen", "rep", "est", "op", "cf", "al", "sra", "sr", "srta", "dña", "ud", "uds", "av", "avda", "núm", "pp", "p", "ed", "eds", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "a.d", "b.c"]
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; each span keeps its trailing whitespace."""
    spans = []
    start = 0
    for m in _END.finditer(text):
        following = m.group("next")
        if following is not None and not (following.isupper() or following.isdigit()):
            continue
        word = _last_word(text, m.start()).lower().lstrip("(\"'“")
        if word in _ABBREV or (len(word) == 1 and word.isalpha()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


_NEAR = 64  # characters before a sentence end that hold its last word (almost always)


def _last_word(text: str, end: int) -> str:
    """``text[:end].rsplit(None, 1)[-1]`` ("" when ``text[:end]`` is blank), read from the
    last ``_NEAR`` characters when they hold a space after a word (the whole prefix was
    copied at each full stop: quadratic on a long paragraph)."""
    near = text[max(0, end - _NEAR) : end]
    words = near.rsplit(None, 1)
    if len(words) == 2 or (end <= _NEAR and words):
        return words[-1]
    head = text[:end]
    return head.rsplit(None, 1)[-1] if head.strip() else ""


def remove_spans(t: Text, cuts: list[tuple[int, int]]) -> Text:
    """``t`` without the characters of ``cuts`` (sorted, not overlapping); links inside
    or across a cut are dropped, links after one are shifted; the result is trimmed."""
    if not cuts:
        return t
    pieces = []
    pos = 0
    for a, b in cuts:
        pieces.append(t.text[pos:a])
        pos = b
    pieces.append(t.text[pos:])

    def new_offset(old: int) -> int | None:
        """Where an old offset lands, or None when it was cut."""
        shift = 0
        for (a, b) in cuts:
            if old < a:
                break
            if old < b:
                return None
            shift += b - a
        return old - shift

    links = []
    for link in t.links:
        s, e = new_offset(link.start), new_offset(link.end - 1)
        if s is not None and e is not None and e + 1 - s == link.end - link.start:
            links.append(LinkSpan(s, e + 1, link.target))
    joined = "".join(pieces)
    stripped = joined.rstrip()
    lead = len(joined) - len(joined.lstrip())
    text = stripped[lead:]
    links = [LinkSpan(ln.start - lead, ln.end - lead, ln.target) for ln in links
             if ln.start >= lead and ln.end <= len(stripped)]
    return Text(text, tuple(links), t.kind)
