"""Search text in every script: what the FTS5 index holds, and the queries that match it.

SQLite's ``unicode61`` tokenizer (``remove_diacritics 2``) splits text on spaces and
punctuation and folds Latin accents. Two things it cannot do are done here, on the
text before it is indexed and on every query, by the same function:

* **Scripts without spaces.** Chinese and Japanese (Han, Hiragana, Katakana) runs are
  indexed one character per token, and a query's run becomes a *phrase* of those
  characters, so 植物 finds コケ植物 (a word inside a run). Chosen over FTS5's
  ``trigram`` tokenizer because trigrams cannot match a query of one or two
  characters (most Japanese and Chinese words) and would lose BM25's word ranking
  for every other language; unigram phrases find every substring and keep one index
  for all scripts (checked on the real ja dump by tests/test_editions_site.py; index
  size and speed against trigrams are not measured yet).
* **Letters unicode61 does not fold**: Greek tonos and dialytika (Αθήνα -> αθηνα),
  Vietnamese đ, and a few Latin letters (ł, ø, ħ). They are replaced one character
  for one character, so snippets stay aligned with the text.

``index_text(text)`` is what goes into the index; ``match_phrases(query)`` the
quoted FTS5 terms of a query; ``unspace(snippet)`` removes the spaces put between
CJK characters from a snippet of indexed text, and ``as_written(snippet, original)``
gives a snippet the letters of the text it came from (Αθήνα, not Αθηνα; Đầu, not Dầu).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from array import array
from bisect import bisect_left
from functools import lru_cache

# Han (with extensions and compatibility), Hiragana, Katakana (with phonetic
# extensions and halfwidth forms), CJK symbols used inside words (々 〆 ー).
_CJK = (
    "\u3005\u3006\u3007\u30fc\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
)
_CJK_CHAR = re.compile(f"[{_CJK}]")
_CJK_RUN = re.compile(f"[{_CJK}]+")
# CJK punctuation and fullwidth forms: no space is written next to them either.
_CJK_NEAR = _CJK + "\u3000-\u303f\uff01-\uff65"
# A space the index put beside a CJK character (Japanese and Chinese put none there),
# also across a snippet's match marks.
_CJK_GAP = re.compile(
    f"(?<=[{_CJK}]) (?=[\ue000\ue001]?[{_CJK_NEAR}])|(?<=[{_CJK_NEAR}]) (?=[\ue000\ue001]?[{_CJK}])"
    f"|(?<=[{_CJK}][\ue000\ue001]) (?=[{_CJK_NEAR}])|(?<=[{_CJK_NEAR}][\ue000\ue001]) (?=[{_CJK}])"
)
_SPACES = re.compile(" {2,}")
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
# One for one: letters whose accent unicode61 keeps (Greek) or that do not decompose.
FOLD_ONE = str.maketrans(
    "ΆΈΉΊΌΎΏΪΫάέήίόύώϊϋΐΰςĐđŁłØøĦħıȷ",
    "ΑΕΗΙΟΥΩΙΥαεηιουωιυιυσDdLlOoHhij",
)

_FOLDABLE = re.compile("[ΆΈΉΊΌΎΏΪΫάέήίόύώϊϋΐΰςĐđŁłØøĦħıȷ]")  # FOLD_ONE's letters
# FOLD_ONE as one replace per letter: str.translate with a table walks a non-ASCII text a
# character at a time in Python objects; str.replace of one letter is a C scan (14x
# faster on the 2023 dumps' pages). No letter is replaced by one that is replaced again.
_FOLD_PAIRS = tuple((chr(k), chr(v)) for k, v in FOLD_ONE.items())
MARKS = "\ue000\ue001"  # a snippet's match marks (store.db.MARK_START, MARK_END)
_NO_MARKS = dict.fromkeys(map(ord, MARKS))


def has_cjk(text: str) -> bool:
    return bool(_CJK_CHAR.search(text))


def fold_one(text: str) -> str:
    """``text.translate(FOLD_ONE)``, faster."""
    if text.isascii() or _FOLDABLE.search(text) is None:
        return text
    for letter, plain in _FOLD_PAIRS:
        if letter in text:
            text = text.replace(letter, plain)
    return text


def index_text(text: str) -> str:
    """``text`` as the search index holds it (same for titles and bodies)."""
    text = fold_one(text)
    if has_cjk(text):
        text = _CJK_RUN.sub(lambda m: " " + " ".join(m.group(0)) + " ", text)
    return text


def query_words(query: str, max_words: int = 32) -> list[str]:
    """A query's words (CJK runs kept whole), lower-cased and folded as the index is."""
    folded = unicodedata.normalize("NFC", query).translate(FOLD_ONE).lower()
    return [w for w in _TOKEN.findall(folded)][:max_words]


def match_phrases(query: str, prefix_last: bool = False) -> list[str]:
    """Quoted FTS5 terms for a query: a word is ``"word"``, a CJK run ``"植 物"``
    (a phrase: the characters next to each other). Safe for any input string."""
    words = query_words(query)
    out = ['"' + (" ".join(w) if _CJK_CHAR.match(w) else _POSSESSIVE.sub("", w.replace('"', ""))) + '"' for w in words]
    if prefix_last and out and not _CJK_CHAR.match(words[-1]) and _prefix_ok(words[-1]):
        out[-1] += "*"
    return out


MIN_INNER_PREFIX = 3  # letters after an apostrophe for that last part to be a word start


def _prefix_ok(word: str) -> bool:
    """Whether the last word can be a prefix: unicode61 cuts "shafi'i" at the apostrophe,
    so ``"shafi'i"*`` is the phrase "shafi" then any word starting with "i": FTS5 read
    the positions of every such word (8 s of CPU for "Al-Shafi'i" at a million
    articles). After an apostrophe, a part shorter than ``MIN_INNER_PREFIX`` is whole
    ("earth's", "shafi'i"); a longer one ("o'conn") stays a word start."""
    parts = _APOSTROPHE.split(word)
    return len(parts) == 1 or len(parts[-1]) >= MIN_INNER_PREFIX


_APOSTROPHE = re.compile("['\u2019]")
# "earth's" is the word "earth": unicode61 indexes "Earth's" as "earth" then "s", and the
# phrase "earth s" made FTS5 read the positions of every article having an "s" (most:
# 75 ms of CPU for "Earth's outer core" at a million articles), where "earth" is one
# of the champion lists' words. It also finds the articles that say "Earth" alone.
_POSSESSIVE = re.compile("['\u2019]s$")


def unspace(snippet: str) -> str:
    """A snippet of indexed text read as written: no spaces between CJK characters."""
    if not has_cjk(snippet):
        return snippet
    return _CJK_GAP.sub("", _SPACES.sub(" ", snippet)).strip()


@lru_cache(maxsize=64)  # the same long page's text comes again (Store keeps the last ones)
def _folded(text: str) -> str:
    return fold_one(text)


@lru_cache(maxsize=256)
def _first_foldable(text: str) -> int:
    """Where the first letter FOLD_ONE changes is in ``text`` (its length when none)."""
    m = _FOLDABLE.search(text)
    return m.start() if m else len(text)


@lru_cache(maxsize=256)
def _has_cjk_cached(text: str) -> bool:
    return has_cjk(text)


def needs_original(original: str) -> bool:
    """Whether ``as_written`` needs ``original`` (the text indexed) to give a snippet of
    its indexed form the letters it was written with: only when it has a letter
    FOLD_ONE changes and no CJK (for any other text ``as_written(s, original)`` is
    ``as_written(s, "")``: its index form is the text itself, or CJK is only unspaced)."""
    return _FOLDABLE.search(original) is not None and not has_cjk(original)


def folds(original: str) -> tuple[bytes, str] | None:
    """What the index form of ``original`` lacks to be ``original``: where FOLD_ONE
    changed a letter (positions as little-endian 32-bit integers) and the letters it
    changed; None when ``as_written`` needs nothing of ``original`` (``needs_original``).
    With the index form, all ``as_written_from_index`` needs, for far less than a copy."""
    if not needs_original(original):
        return None
    found = list(_FOLDABLE.finditer(original))
    at = array("I", [m.start() for m in found])
    if sys.byteorder != "little":
        at.byteswap()
    return at.tobytes(), "".join(m.group() for m in found)


def _core(text: str, marks: str) -> tuple[str, str]:
    """A snippet without its marks, and that without the ellipses around it."""
    bare = text.translate(_NO_MARKS if marks == MARKS else dict.fromkeys(map(ord, marks)))
    return bare, bare.strip().removeprefix("…").removesuffix("…").strip()


def as_written(snippet: str, original: str, marks: str = MARKS) -> str:
    """A snippet of indexed text with the letters of ``original`` (the text indexed):
    accents and final sigma put back. Folding is one character for one, so the snippet
    is found at the same length in the folded original; ``marks`` (match marks) and the
    ellipses around the snippet are kept. CJK snippets (spaced in the index) are only
    unspaced."""
    text = unspace(snippet)
    if not original or has_cjk(text):
        return text
    bare, core = _core(text, marks)
    if not core:
        return text
    seen = original.find(core)
    if seen >= 0 and seen + len(core) <= _first_foldable(original):
        return text  # nothing folds up to there: the first match is this one, as written
    if _has_cjk_cached(original):
        return text
    at = _folded(original).find(core)
    if at < 0:
        return text
    return _put_back(text, bare, core, marks, {j - at: original[j] for j in range(at, at + len(core))})


def as_written_from_index(snippet: str, indexed: str, at: bytes, letters: str, marks: str = MARKS) -> str:
    """``as_written(snippet, original)`` from what the store keeps instead of ``original``:
    its index form ``indexed`` (``index_text(original)``, the same length: ``original``
    has no CJK) and ``folds(original)`` (``at``, ``letters``)."""
    text = unspace(snippet)
    if has_cjk(text):
        return text
    bare, core = _core(text, marks)
    if not core:
        return text
    start = indexed.find(core)  # as_written's first match in the folded original
    if start < 0:
        return text
    where = array("I")
    where.frombytes(at)
    if sys.byteorder != "little":
        where.byteswap()
    lo, hi = bisect_left(where, start), bisect_left(where, start + len(core))
    if lo == hi:
        return text  # no letter folded there: the index has it as written
    return _put_back(text, bare, core, marks, {where[k] - start: letters[k] for k in range(lo, hi)})


def _put_back(text: str, bare: str, core: str, marks: str, letters: dict[int, str]) -> str:
    """``text`` with ``letters`` (offset in ``core`` -> letter) put in the place of its
    own; ``bare`` is ``text`` without ``marks``, ``core`` in it."""
    out, i = [], 0  # i: position in bare
    start = bare.find(core)
    for c in text:
        if c in marks:
            out.append(c)
            continue
        out.append(letters.get(i - start, c) if start <= i < start + len(core) else c)
        i += 1
    return "".join(out)
