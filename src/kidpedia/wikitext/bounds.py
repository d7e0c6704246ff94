"""Bound what one page can cost the parser, before the parser sees it.

mwparserfromhell's tokenizer backtracks over every construct that never closes:
a page of ``{{a|`` × 4,000 costs it 8 s, ``<div>`` × 50,000 minutes. ``defuse``
is one linear pass that finds the openers with no closer (``{{``, ``[[``,
``[http…`` without ``]`` on its line, HTML tags with no end tag) and, when a page
holds more than ``MAX_UNCLOSED`` of one kind, removes those openers: MediaWiki
would have shown them as literal text, which a kids' page never shows anyway.
A page with a few stray openers (real pages have some) is left exactly as it is.

It also replaces control characters (NUL cuts the C tokenizer's input short) with
U+FFFD, so no text after them is lost.
"""

from __future__ import annotations

import re
from itertools import accumulate

MAX_UNCLOSED = 16  # unmatched openers of one kind a page may keep as they are

_BRACKETS = re.compile(r"\{\{|\}\}|\[\[|\]\]")
_CLOSER_OF = {"}}": "{{", "]]": "[["}
_OPEN_EXTERNAL = re.compile(r"\[(?=(?:https?:|ftp:|mailto:|//))[^\]\[\n]*(?=\[|\n|\Z)", re.IGNORECASE)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*?(/?)>")
_VOID = frozenset({"br", "hr", "img", "wbr", "area", "col", "input", "meta", "link", "source", "track"})
# C0 and C1 controls but tab, newline and carriage return
_CONTROLS = {c: "\ufffd" for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]}
_HAS_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def defuse(text: str) -> str:
    """``text`` with control characters replaced and, where a kind of opener is left
    unclosed more than MAX_UNCLOSED times, those openers removed (see the module doc)."""
    if _HAS_CONTROL.search(text):
        text = text.translate(_CONTROLS)
    cuts = _unclosed_brackets(text) + _unclosed_external(text) + _unclosed_tags(text)
    if not cuts:
        return text
    cuts.sort()
    out, pos = [], 0
    for start, end in cuts:
        if start >= pos:
            out.append(text[pos:start])
            pos = end
    out.append(text[pos:])
    return "".join(out)


def _too_many(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return spans if len(spans) > MAX_UNCLOSED else []


# Each bracket token as a step of one kind's count of open brackets: +1, -1 or 0.
_STEPS = {
    "{{": {"{{": 1, "}}": -1, "[[": 0, "]]": 0}.__getitem__,
    "[[": {"{{": 0, "}}": 0, "[[": 1, "]]": -1}.__getitem__,
}


def _unclosed_count(tokens: list[str], opener: str) -> int:
    """How many ``opener``s of ``tokens`` no closer matches (the stack ``_unclosed_brackets``
    keeps, counted in C): a closer with none open pops nothing, so the count is the sum of
    the steps less the lowest the running sum went below zero."""
    running = list(accumulate(map(_STEPS[opener], tokens)))
    return running[-1] - min(0, min(running)) if running else 0


def _unclosed_brackets(text: str) -> list[tuple[int, int]]:
    # (a page's thousands of links and templates were walked in Python; the openers' places
    # are looked for only where one kind has more than MAX_UNCLOSED left open)
    tokens = _BRACKETS.findall(text)
    if all(_unclosed_count(tokens, opener) <= MAX_UNCLOSED for opener in _STEPS):
        return []
    stacks: dict[str, list[int]] = {"{{": [], "[[": []}
    for m in _BRACKETS.finditer(text):
        token = m.group()
        if token in stacks:
            stacks[token].append(m.start())
        elif stacks[_CLOSER_OF[token]]:
            stacks[_CLOSER_OF[token]].pop()
    cuts: list[tuple[int, int]] = []
    for starts in stacks.values():
        cuts += _too_many([(s, s + 2) for s in starts])
    return cuts


def _unclosed_external(text: str) -> list[tuple[int, int]]:
    return _too_many([(m.start(), m.start() + 1) for m in _OPEN_EXTERNAL.finditer(text)])


def _unclosed_tags(text: str) -> list[tuple[int, int]]:
    stacks: dict[str, list[tuple[int, int]]] = {}
    for m in _TAG.finditer(text):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if self_closing or name in _VOID:
            continue
        if not closing:
            stacks.setdefault(name, []).append(m.span())
        elif stacks.get(name):
            stacks[name].pop()
    unclosed = [span for spans in stacks.values() for span in spans]
    return _too_many(unclosed)
