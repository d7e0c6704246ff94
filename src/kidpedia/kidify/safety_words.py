"""Word matching for the safety layer: tiered word lists per language, tricks undone.

Owns ``rules/wordlists/<lang>.yaml`` (LDNOOBW lists sorted into tiers, see
``rules/wordlists/ATTRIBUTION.md``) and the one question asked of them: which
strong, adult and (cued) context words does this text hold?

Matching is case-insensitive, on word boundaries (so Scunthorpe, Essex, analysis
and cocktail never match), after allowed phrases ("cum laude", "tit for tat") are
masked. Text is also read through the usual tricks: accents and fullwidth or
look-alike letters, leetspeak (``sh1t``, ``$ex``), masks (``f*ck``), spaced letters
(``f u c k``, ``s.e.x``) and stretched letters (``fuuuuck``). Queries are short, so
they are also searched for listed words hidden inside longer words (``fuckface``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import cache, lru_cache
from importlib import resources

import ahocorasick

from kidpedia import yamlload

TIERS = ("strong", "adult", "context")

# Letters that look like Latin ones (Cyrillic, Greek), read as the Latin letter.
_LOOKALIKE = str.maketrans("аеорсухкімтвнѕіјԁɡαοικνρτυχ", "aeopcyxkimtbhsijdgaoikvptux")
# The same as one replace per letter: str.translate walks a non-ASCII text a character at
# a time in Python objects; str.replace of one letter is a C scan (7x faster on Greek).
_LOOKALIKE_PAIRS = tuple((chr(k), chr(v)) for k, v in _LOOKALIKE.items())
_HAS_LOOKALIKE = re.compile("[" + "".join(a for a, _ in _LOOKALIKE_PAIRS) + "]")
# Leetspeak read inside a word that also has letters.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                       "9": "g", "@": "a", "$": "s", "€": "e", "!": "i", "|": "i", "+": "t"})
_LEET_L = str.maketrans({"1": "l", "|": "l", "!": "l"})
_TOKEN = re.compile(r"[\w@$€!|+*]+")
# Han, Hiragana, Katakana (and halfwidth Katakana): scripts without spaces between words.
_CJK_RANGE = "\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_CJK_CHAR = re.compile(f"[{_CJK_RANGE}]")
# A letter or digit of a script that writes spaces: a Latin word touching Japanese
# ("ｆｕｃｋと") is still a whole word.
_W = rf"[^\W{_CJK_RANGE}]"
_WORDS = re.compile(rf"{_W}+")
_TRICK_MARK = re.compile(r"[0-9@$€!|+*]|(\w)\1\1")
_TRICKED_TOKEN = re.compile(r"(?<![\w@$€!|+*])[\w@$€!|+*]*?(?:[0-9@$€!|+*]|(\w)\1\1)[\w@$€!|+*]*")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_HAS_TRICK = re.compile(r"[0-9@$€!|+*]|(\w)\1\1|(?<![^\W_])[^\W_][ .\-_·/*][^\W_][ .\-_·/*][^\W_](?![^\W_])")
# _HAS_TRICK in three scans: its first alternative, a class (scanned for in C: half the
# texts have a digit, found at once), then three of a letter, then spaced letters ("f u c")
# found from the separator after the first letter (a class again; the two as one
# alternation were tried at every position: 0.50 -> 0.34 CPU s on the 109,000 passages of
# the ja/uk/vi/el 2023 dumps without a trick mark).
_TRICK_MARK_CHAR = re.compile(r"[0-9@$€!|+*]")
_RUN_OF_THREE = re.compile(r"(\w)\1\1")
_SPACED_THREE = re.compile(r"[ .\-_·/*](?<=(?<![^\W_])[^\W_][ .\-_·/*])[^\W_][ .\-_·/*][^\W_](?![^\W_])")


def _has_trick(text: str) -> bool:
    """``_HAS_TRICK.search(text)`` found something."""
    return (_TRICK_MARK_CHAR.search(text) is not None or _RUN_OF_THREE.search(text) is not None
            or _SPACED_THREE.search(text) is not None)


_SPACED = re.compile(r"(?<![^\W_])(?:[^\W_][ .\-_·/*]+){2,}[^\W_](?![^\W_])")
_SPACED_SEP = re.compile(r"[ .\-_·/*]+")
# What every match of _SPACED holds: its first letter alone (no letter or digit before it),
# a separator, and the next letter with a separator after it ("f u c" of "f u c k"). Opening
# with a separator, a class looked for in C, it is 3x cheaper than _SPACED, which tries
# every position; 5,000 of the 205,000 distinct passages of the ja/uk/vi/el 2023 dumps hold it.
_MAYBE_SPACED = re.compile(r"[ .\-_·/*](?<=(?<![^\W_])[^\W_][ .\-_·/*])[ .\-_·/*]*[^\W_][ .\-_·/*]")
_RUN3 = re.compile(r"(\w)\1{2,}")
# What every match of a list's names pattern (WordList._names) ends with: a space before a
# capital. Most passages in other scripts hold none, and this scan is far cheaper.
_NAME_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-Ž"
_SPACE_CAPITAL = re.compile(f"[ \u00a0][{_NAME_CAPITAL}]")


# A text is scanned by each word list that applies (its language's and English) and each
# scan folds it more than once: the last few results are kept (pure functions of the text).
_RECENT = 64


@lru_cache(maxsize=_RECENT)
def fold(text: str) -> str:
    """Case-folded, NFKC, look-alike letters read as Latin, invisible characters gone."""
    if text.isascii():
        return text.casefold()
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).casefold()
    if _HAS_LOOKALIKE.search(text) is None:
        return text
    for letter, latin in _LOOKALIKE_PAIRS:
        if letter in text:
            text = text.replace(letter, latin)
    return text


@lru_cache(maxsize=_RECENT)
def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    if _accent_bearing().search(text) is None and unicodedata.is_normalized("NFKC", text):
        # No character decomposes to a mark that goes: NFC(NFKD(text)) is NFKC(text),
        # which is text (a Japanese, Chinese or Hebrew passage: two normalisations saved).
        return text
    return unicodedata.normalize("NFC", _COMBINING.sub("", unicodedata.normalize("NFKD", text)))


@cache
def _accent_bearing() -> re.Pattern[str]:
    """Each character whose NFKD holds a mark ``_COMBINING`` removes (the marks too),
    and every character outside the Basic Multilingual Plane (not looked at one by one)."""
    chars = [c for c in map(chr, range(0x80, 0x10000))
             if not 0xD800 <= ord(c) < 0xE000 and _COMBINING.search(unicodedata.normalize("NFKD", c))]
    return re.compile("[" + "".join(map(re.escape, chars)) + "\U00010000-\U0010ffff]")


_LEET_SIGN = re.compile(r"[@$€|!]")


def _unleet(token: str, table: dict[int, str]) -> str:
    if _as_it_is(token):
        return token
    core = token.rstrip("!|+")  # "shit!" is shit and a shout, not "shiti"
    return core.translate(table) + token[len(core):]


def _as_it_is(token: str) -> bool:
    """A token no leetspeak table changes (see ``_unleet``)."""
    if token.isalpha():
        return True
    letters = sum(c.isalpha() for c in token)
    return not letters or (letters < 2 and not _LEET_SIGN.search(token))


def _unleet_both(token: str) -> set[str]:
    """``{_unleet(token, _LEET), _unleet(token, _LEET_L)}``, the token's letters counted once."""
    if _as_it_is(token):
        return {token}
    core = token.rstrip("!|+")
    rest = token[len(core):]
    return {core.translate(_LEET) + rest, core.translate(_LEET_L) + rest}


def variants(text: str) -> list[str]:
    """``text`` folded, and read through the tricks (only where it shows one)."""
    base = fold(text)
    if not _has_trick(base):
        return [base]
    joined = _SPACED.sub(lambda m: _SPACED_SEP.sub("", m.group(0)), strip_accents(base))
    out = [base]
    for table in (_LEET, _LEET_L):
        out.append(_TOKEN.sub(lambda m, t=table: _unleet(m.group(0), t), joined))  # type: ignore[misc]
    for v in list(out[1:]):
        out.append(_RUN3.sub(r"\1", v))
        out.append(_RUN3.sub(r"\1\1", v))
    return list(dict.fromkeys(out))


def tricked_words(text: str) -> list[str]:
    """Only the words of ``text`` that a trick changes, read through it (cheap to test)."""
    return list(_tricked_words(text))


@lru_cache(maxsize=_RECENT)
def _tricked_words(text: str) -> tuple[str, ...]:
    return _tricked_in(strip_accents(fold(text)))


def _tricked_in(base: str) -> tuple[str, ...]:
    """``_tricked_words`` of a text whose fold, accents stripped, is ``base``."""
    if not _has_trick(base):
        return ()
    out = [_SPACED_SEP.sub("", m.group(0)) for m in _SPACED.finditer(base)] if _MAYBE_SPACED.search(base) else []
    if not _may_hold_tricked_token(base):
        return tuple(out)  # (the commonest case: a trick mark only in numbers)
    # Whole tokens holding a trick mark; tokens of digits alone are numbers, not words.
    tokens = {m.group(0) for m in _TRICKED_TOKEN.finditer(base)}
    for token in tokens:
        # (a year or other number, the commonest such token, is passed over at once)
        if token.isdecimal() or ("*" not in token and not any(c.isalpha() for c in token)):
            continue
        for form in _unleet_both(token):
            for f in {form, _RUN3.sub(r"\1", form), _RUN3.sub(r"\1\1", form)}:
                if f != token or "*" in token:
                    out.append(f)
    return tuple(out)


# A token the loop of _tricked_words reads holds a mark (0-9, a sign, or a \w three times)
# and a sign or a letter (else it is passed over). Without a sign, a token with a digit
# 0-9 and a letter holds a digit and the nearest letter with only [\d_] between them (a
# number character that is no letter, as "²", counts as one here: it only finds more);
# one with no digit beside a letter has its letter and a \w other than 0-9 three times.
_SIGN = re.compile(r"[@$€!|+*]")
_DIGIT_THEN_LETTER = re.compile(r"[0-9][\d_]*[^\W\d_]")  # on the text reversed: a letter, then a digit
_RUN3_NOT_DIGIT = re.compile(r"([^\W0-9])\1\1")


def _may_hold_tricked_token(base: str) -> bool:
    """False only when no token of ``base`` that ``_tricked_words`` reads into words
    (a trick mark and a letter or "*") is there: four scans cheaper than the token
    regex, which four texts in five with a mark (a number) passed through for nothing."""
    return bool(_SIGN.search(base) or _DIGIT_THEN_LETTER.search(base)
                or _DIGIT_THEN_LETTER.search(base[::-1]) or _RUN3_NOT_DIGIT.search(base))


def has_cjk(term: str) -> bool:
    """Written in Chinese or Japanese (no spaces between words)."""
    return bool(_CJK_CHAR.search(term))


def _inflected(word: str, endings: tuple[str, ...], vowels: str) -> str:
    """The regex of a word with the language's endings (Russian: говно -> говн(о|ом|а|...)):
    a final vowel or soft sign is one ending among the others; a stem of under three
    letters is never inflected (ху + а would be the name Хуа)."""
    stem = word[:-1] if word[-1] in vowels else word
    if not endings or len(stem) < 3:
        return re.escape(word)
    alternatives = sorted(set(endings) | ({word[-1]} if stem != word else set()), key=len, reverse=True)
    return re.escape(stem) + "(?:" + "|".join(map(re.escape, alternatives)) + (")" if stem != word else ")?")


def _phrase_regex(
    terms: list[str], endings: tuple[str, ...] = (), vowels: str = ""
) -> re.Pattern[str] | None:
    """One regex for all terms: word-bounded, any spacing or hyphen inside phrases, plural s,
    the last word with the language's ``endings``. Chinese and Japanese terms match anywhere
    inside a run (those scripts write no spaces)."""
    bounded, free = [], []
    for term in sorted(set(terms), key=len, reverse=True):
        split = [w for w in re.split(r"[\s\-]+", term) if w]
        if has_cjk(term):
            free.append(r"[\s\-]+".join(re.escape(w) for w in split))
            continue
        words = [re.escape(w) for w in split[:-1]] + [_inflected(split[-1], endings, vowels)] if split else []
        bounded.append(r"[\s\-]+".join(words))
    parts = [rf"(?<!{_W})(?:" + "|".join(bounded) + rf")s?(?!{_W})"] if bounded else []
    if free:
        parts.append("(?:" + "|".join(free) + ")")
    return re.compile("|".join(parts)) if parts else None


def _key(term: str) -> str:
    return re.sub(r"[\s\-]+", " ", strip_accents(fold(term)))


@dataclass(frozen=True)
class Scan:
    """The listed words found in a text, by tier (context words only where cued)."""

    strong: tuple[str, ...] = ()
    adult: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    weak: int = 0  # how many of the adult words are weak ones (sex, sexual: they name a topic)

    def __bool__(self) -> bool:
        return bool(self.strong or self.adult or self.context)

    @property
    def explicit_score(self) -> float:
        """How explicit the adult words are together: 1 for each, 1/2 for a weak one
        (weak words alone, however many, name a topic: they score 0)."""
        return 0.0 if self.weak >= len(self.adult) else len(self.adult) - self.weak / 2

    def merged(self, other: Scan) -> Scan:
        """Per tier, whichever of the two found more."""
        pick = lambda a, b: a if len(a) >= len(b) else b
        adult, weak = (self.adult, self.weak) if len(self.adult) >= len(other.adult) else (other.adult, other.weak)
        return Scan(pick(self.strong, other.strong), adult, pick(self.context, other.context), weak)

    def plus(self, other: Scan) -> Scan:
        return Scan(self.strong + other.strong, self.adult + other.adult,
                    self.context + other.context, self.weak + other.weak)


@dataclass
class WordList:
    """One language's tiers, compiled."""

    lang: str
    terms: dict[str, list[str]]
    allow: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    accent_exact: list[str] = field(default_factory=list)
    compound: list[str] = field(default_factory=list)
    weak: list[str] = field(default_factory=list)
    query_block: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    english_exempt: list[str] = field(default_factory=list)
    endings: list[str] = field(default_factory=list)  # inflections of a listed word (Russian)

    def __post_init__(self) -> None:
        exact = {fold(t) for t in self.accent_exact}
        ends = tuple(strip_accents(fold(e)) for e in self.endings)
        vowels = strip_accents(fold("аеёиоуыэюяьй")) if ends else ""
        self._regex: dict[str, re.Pattern[str] | None] = {}
        self._exact_regex: dict[str, re.Pattern[str] | None] = {}
        for tier in TIERS:
            folded = [fold(t) for t in self.terms.get(tier, [])]
            self._regex[tier] = _phrase_regex([strip_accents(t) for t in folded if t not in exact], ends, vowels)
            self._exact_regex[tier] = _phrase_regex([t for t in folded if t in exact], ends, vowels)
        every = [strip_accents(fold(t)) for tier in TIERS for t in self.terms.get(tier, [])]
        self._has_terms = bool(every)
        # Instead of one big alternation regex over every term: the first word of every term as a set
        # (a term can only match where its first word stands as a whole word), and a
        # small regex for the few terms whose first word is not all word characters.
        firsts = {re.split(r"[\s\-]+", t.strip())[0] for t in every if t.strip()}
        self._first_words = frozenset(w for w in firsts if _WORDS.fullmatch(w))
        # Terms with a word that is not all word characters ("b!tch"): matched by regex.
        odd = [t for t in every if t.strip() and not has_cjk(t) and not all(
            _WORDS.fullmatch(w) for w in re.split(r"[\s\-]+", t.strip()) if w)]
        self._odd_any = _phrase_regex(odd)
        # Their characters that are not word characters ("&" of "s&m"): every match holds one.
        self._odd_chars = frozenset(c for t in odd for c in t if not c.isspace() and c != "-" and not _WORDS.match(c))
        # The longest word of each term: rarer than a phrase's first word ("two girls ..."),
        # so a text without any of them is passed over at once.
        # Chinese and Japanese terms are looked for as they are, inside any run of text.
        self._cjk_terms = tuple(sorted({t.strip() for t in every if has_cjk(t)}))
        # Their first words as one regex (one C scan of the text instead of one per term).
        cjk_firsts = sorted({t.split()[0] for t in self._cjk_terms}, key=len, reverse=True)
        self._cjk_first = re.compile("|".join(map(re.escape, cjk_firsts))) if cjk_firsts else None
        keys = {_stem(max(re.split(r"[\s\-]+", t.strip()), key=len), ends, vowels) for t in every if t.strip()}
        self._key_words = frozenset(w for w in keys if _WORDS.fullmatch(w))
        # The key words and their plurals: a text word is one of these when it is a key
        # word or one with an "s" (one set lookup per word, made in C by isdisjoint).
        self._key_or_plural = self._key_words | {w + "s" for w in self._key_words}
        # With endings, a text word is looked up by its first n letters (n: the stems' lengths).
        self._stems = tuple(sorted({len(w) for w in self._key_words})) if ends else ()
        self._allow = _phrase_regex([strip_accents(fold(a)) for a in self.allow])
        # An allowed phrase masks whole words (its regex is word-bounded), so the masked text
        # holds no word the text did not: a text none of whose words could start a term is
        # passed over before it is masked (_scan_one). Not so for an allowed Chinese or Japanese
        # phrase with Latin letters (matched inside a run, it could cut a word in two).
        self._mask_keeps_words = not any(has_cjk(a) and _WORDS.search(a) for a in self.allow)
        self._allow_exact = _phrase_regex([fold(a) for a in self.allow])
        cues = sorted({re.escape(fold(c)) for c in self.cues}, key=len, reverse=True)
        self._cue = re.compile(r"(?:^|\W)(?:" + "|".join(cues) + r")\W+(?:\w+\W+)?$") if cues else None
        self._weak = {_key(w) for w in self.weak}
        self._english_exempt = {_key(w) for w in self.english_exempt}
        names = "|".join(re.escape(n) for n in self.names)
        # A listed word that is also a given name, written as one: "Kike García", "Quim Torra".
        self._names = re.compile(rf"(?<!\w)(?:{names})(?=[ \u00a0]+[{_NAME_CAPITAL}])") if names else None
        # _names without its look back at the character before the name: it finds each match
        # of _names (and a few more), opening with the names' first letters (looked for in C,
        # where _names, opening with a look back, was tried at every position). Asked first:
        # 1.44 -> 0.36 CPU s, 3 rounds over the 48,563 passages of the 2023 dumps with a capital.
        self._names_near = re.compile(rf"(?:{names})(?=[ \u00a0]+[{_NAME_CAPITAL}])") if names else None
        self._query_block = _phrase_regex([strip_accents(fold(t)) for t in self.query_block])
        self._compound = [strip_accents(fold(c)) for c in self.compound]
        self._strong_plain = [strip_accents(fold(t)) for t in self.terms.get("strong", [])
                              if re.fullmatch(r"[^\W\d_]{3,}", fold(t))]

    def scan(self, text: str, query: bool = False) -> Scan:
        """The listed words in ``text``; ``query`` adds the search-only tricks.

        Long text is read through the tricks only when a word changed by one is a
        listed word (most text has none, and this keeps cleaning fast)."""
        # (names in text only: a query's capitals are the asker's choice)
        if self._names and not query and self._holds_name(text):
            text = self._names.sub(lambda m: " " * len(m.group(0)), text)
        result = self._scan_one(fold(text), query)
        if not query:
            tricked = " ".join(tricked_words(text))
            if not tricked or not self._scan_one(tricked, False, cue_all=True):
                return result
        more = variants(text)[1:]
        if query and "v" in fold(text):  # "pvta", "fvck": v written for u (allowed phrases kept)
            more.append(self._mask(strip_accents(fold(text)), self._allow).replace("v", "u"))
        for v in more:
            result = result.merged(self._scan_one(v, query))
        return result

    def _holds_name(self, text: str) -> bool:
        """``self._names.search(text)`` found something (``_names_near`` asked first)."""
        near, names = self._names_near, self._names
        return (near is not None and near.search(text) is not None
                and names is not None and names.search(text) is not None)

    def _scan_one(self, text: str, query: bool, cue_all: bool = False) -> Scan:
        if self._has_terms and not query and self._mask_keeps_words:
            base = text if text.isascii() else strip_accents(text)
            if "*" not in base and not self._may_hold_a_term(base, masked=False):
                return Scan()  # what the check below finds, without masking first
        accented = self._mask(text, self._allow_exact)
        plain = accented if text.isascii() else self._mask(strip_accents(text), self._allow)
        if self._has_terms and not (query or "*" in plain) and not self._may_hold_a_term(plain):
            return Scan()
        found: dict[str, list[str]] = {}
        # inflected words (endings) and CJK terms are not found by their first word
        anywhere = (self._odd_any and self._odd_any.search(plain)) or self._stems or self._cjk_in(plain)
        starts = None if anywhere else _starts(plain, self._first_words)
        for tier in TIERS:
            hits = [(accented, m) for m in self._finditer(self._exact_regex[tier], accented)]
            hits += [(plain, m) for m in self._term_matches(self._regex[tier], plain, starts)]
            found[tier] = [m.group(0) for t, m in hits if tier != "context" or cue_all or self._cued(t, m.start())]
        if "*" in plain:
            found["strong"] += self._masked_words(plain)
        if query:
            found["strong"] += [c for c in self._compound if c in plain and c not in found["strong"]]
            found["strong"] += [m.group(0) for m in self._finditer(self._query_block, plain)]
        weak = sum(_key(w) in self._weak or _key(w)[:-1] in self._weak for w in found["adult"])
        return Scan(tuple(found["strong"]), tuple(found["adult"]), tuple(found["context"]), weak)

    def _cjk_in(self, text: str) -> bool:
        """Whether a Chinese or Japanese term stands anywhere in ``text`` (or its phrase's
        first word, for terms spaced out like "g スポット")."""
        return self._cjk_first is not None and self._cjk_first.search(text) is not None

    def _may_hold_a_term(self, text: str, masked: bool = True) -> bool:
        """False only when no term can match ``text`` (faster than one regex of every term).
        ``masked`` False: ``text`` before its allowed phrases are masked, where an odd term
        ("s&m") is looked for by its odd character (a mask can make the regex's word
        boundary around it), so False still means no term can match once masked."""
        return self._may_hold(text, _WORDS.findall(text), masked)

    def _may_hold(self, text: str, text_words: list[str], masked: bool) -> bool:
        """``_may_hold_a_term`` given the words of ``text`` (``_WORDS.findall(text)``)."""
        if self._cjk_in(text):
            return True
        if not self._key_or_plural.isdisjoint(text_words):
            return True
        stems = self._stems
        if stems:
            words = self._key_words
            if any(w[:n] in words for w in text_words for n in stems):
                return True
        if not masked:
            return any(c in text for c in self._odd_chars)
        return bool(self._odd_any and self._odd_any.search(text))

    @staticmethod
    def _term_matches(
        regex: re.Pattern[str] | None, text: str, starts: list[int] | None
    ) -> list[re.Match[str]]:
        """``regex.finditer(text)``, tried only at ``starts``, where a term's first word
        stands (much faster on long text than letting the big alternation try every
        position); ``starts`` None: everywhere."""
        if regex is None:
            return []
        if starts is None:
            return list(regex.finditer(text))
        out: list[re.Match[str]] = []
        end = 0
        for start in starts:
            if start < end:
                continue
            hit = regex.match(text, start)
            if hit:
                out.append(hit)
                end = hit.end()
        return out

    @staticmethod
    def _finditer(regex: re.Pattern[str] | None, text: str) -> list[re.Match[str]]:
        return list(regex.finditer(text)) if regex else []

    @staticmethod
    def _mask(text: str, allow: re.Pattern[str] | None) -> str:
        return allow.sub(lambda m: " " * len(m.group(0)), text) if allow else text

    def _cued(self, text: str, start: int) -> bool:
        return bool(self._cue and self._cue.search(text[max(0, start - 40):start]))

    def _masked_words(self, text: str) -> list[str]:
        """Words written with a mask (``f*ck``, ``sh**``): the strong words they fit."""
        out = []
        for token in text.split():
            token = token.strip(".,;:!?\"'()[]")
            if "*" in token and token[0].isalpha():
                out += [t for t in self._strong_plain if len(t) == len(token)
                        and fnmatchcase(t, token.replace("*", "?"))]
        return out


def _stem(word: str, endings: tuple[str, ...], vowels: str) -> str:
    """The part of ``word`` every inflected form keeps (see ``_inflected``)."""
    stem = word[:-1] if endings and word[-1:] in vowels else word
    return stem if endings and len(stem) >= 3 else word


def _starts(text: str, first_words: frozenset[str]) -> list[int]:
    """Where in ``text`` one of ``first_words`` (or its plural) stands as a whole word."""
    present = set(_WORDS.findall(text))
    found = {w for w in present if w in first_words or (w[-1:] == "s" and w[:-1] in first_words)}
    if not found:
        return []
    # A word standing whole is one of the maximal runs _WORDS finds: the runs that are one
    # of ``found``, in order (a regex of the found words, compiled per set, cost more).
    return [m.start() for m in _WORDS.finditer(text) if m.group() in found]


@cache
def wordlist(lang: str) -> WordList | None:
    """The compiled word list of ``lang``, or None where we have none."""
    path = resources.files("kidpedia.kidify").joinpath(f"rules/wordlists/{lang}.yaml")
    if not path.is_file():
        return None
    data = yamlload.safe_load(path.read_text("utf-8"))
    added = data.get("added") or {}
    terms = {tier: [str(t) for t in (data.get(tier) or []) + (added.get(tier) or [])] for tier in TIERS}
    return WordList(lang, terms, data.get("allow") or [], data.get("cues") or [],
                    data.get("accent_exact") or [], data.get("compound") or [], data.get("weak") or [],
                    data.get("query_block") or [], data.get("names") or [], data.get("english_exempt") or [],
                    data.get("endings") or [])


def wordlists_for(lang: str) -> list[WordList]:
    """The lists that apply to text in ``lang``: its own, then English (English swear
    words turn up everywhere; an article in a language we have no list for gets English)."""
    return list(_wordlists_for(lang))


@cache
def _wordlists_for(lang: str) -> tuple[WordList, ...]:
    own = wordlist(lang)
    english = wordlist("en")
    lists = [w for w in (own, english) if w is not None]
    return tuple({w.lang: w for w in lists}.values())


def scan(text: str, lang: str = "en", query: bool = False) -> Scan:
    """Strong, adult and cued context words of ``text`` in ``lang``.

    English applies beside another language for its strong tier only: "sex" or "cock"
    in a Spanish sentence is not an English word, and in a language we have no list for
    its accents folded away make false friends ("cụm", a cluster in Vietnamese, is not
    "cum"; "mong", to hope, is not the slur). Simple English is English.
    """
    if not query:
        primed = _PRIMED[0]
        if primed is not None and primed.lang == lang:
            if text in primed.clean:
                return _NOTHING
            if text in primed.unclean:
                return _scan_found(text, lang)
        return _scan_text(text, lang)
    return _scan(text, lang, query)


@lru_cache(maxsize=1024)
def _scan_text(text: str, lang: str) -> Scan:
    """``scan`` of a passage (the same ones come again: a table's cells, a section's
    repeated labels; a Scan is frozen, so the last ones are kept)."""
    if _surely_clean(text, _wordlists_for(lang)):
        return _NOTHING
    return _scan(text, lang, False)


@lru_cache(maxsize=256)
def _scan_found(text: str, lang: str) -> Scan:
    """``_scan_text`` of a passage ``_surely_clean`` is known to find unclean."""
    return _scan(text, lang, False)


def _scan(text: str, lang: str, query: bool) -> Scan:
    lists = _wordlists_for(lang)
    result = Scan()
    for wl in lists:
        found = wl.scan(text, query)
        if wl.lang != lang and not _is_english(lang):
            exempt = own._english_exempt if (own := wordlist(lang)) else set()
            found = Scan(strong=tuple(w for w in found.strong if _key(w) not in exempt))
        result = result.plus(found)
    return result


_NOTHING = Scan()


_W_CHAR = re.compile(_W)


class _Together:
    """The first checks ``_surely_clean`` asks of each of some lists (``WordList._may_hold``
    of a text not yet masked, and its names), made once for them all. A list holds a text
    when one of its key words or their plurals is a whole word of it, one of its Chinese or
    Japanese first words stands in it, or one of its odd characters; so the lists together
    hold it when a word of theirs all (one Aho-Corasick automaton: a match with no word
    character either side is one of the text's words, ``_WORDS``' maximal runs, found in one
    pass in C without a list of every word and a set test per list), one of their first
    words (one regex) or one of their odd characters (one class) is there."""

    def __init__(self, lists: tuple[WordList, ...]) -> None:
        self.lists = lists  # (kept: the ids of the key are theirs)
        self.unready = any(not (wl._has_terms and wl._mask_keeps_words) for wl in lists)
        self.named = tuple(wl for wl in lists if wl._names is not None)
        self.stemmed = tuple(wl for wl in lists if wl._stems)
        keys = sorted(set().union(*(wl._key_or_plural for wl in lists)))
        self.keys: ahocorasick.Automaton | None = None
        if keys:
            self.keys = ahocorasick.Automaton()
            for key in keys:
                self.keys.add_word(key, len(key))
            self.keys.make_automaton()
        firsts = [wl._cjk_first.pattern for wl in lists if wl._cjk_first is not None]
        self.cjk = re.compile("|".join(firsts)) if firsts else None
        odd = sorted(set().union(*(wl._odd_chars for wl in lists)))
        self.odd = re.compile("[" + "".join(map(re.escape, odd)) + "]") if odd else None

    def has_key_word(self, base: str) -> bool:
        """Whether a key word of a list, or its plural, is a whole word of ``base``."""
        if self.keys is None:
            return False
        last = len(base) - 1
        for end, size in self.keys.iter(base):
            start = end - size + 1
            if (start == 0 or _W_CHAR.match(base, start - 1) is None) and (
                    end == last or _W_CHAR.match(base, end + 1) is None):
                return True
        return False

    def may_hold(self, text: str, base: str) -> bool:
        """Any of the lists' ``_may_hold(base, _WORDS.findall(base), masked=False)``, or a
        name of theirs in ``text`` (``_holds_name``)."""
        if self.named and _SPACE_CAPITAL.search(text) and any(wl._holds_name(text) for wl in self.named):
            return True
        if self.cjk is not None and self.cjk.search(base) is not None:
            return True
        if self.odd is not None and self.odd.search(base) is not None:
            return True
        if self.has_key_word(base):
            return True
        if self.stemmed:
            words = _WORDS.findall(base)
            return any(w[:n] in wl._key_words for wl in self.stemmed for w in words for n in wl._stems)
        return False


_TOGETHER: dict[tuple[int, ...], _Together] = {}


def _together(lists: tuple[WordList, ...]) -> _Together:
    """The ``_Together`` of ``lists`` (made once: it keeps them, so their ids stay theirs)."""
    key = tuple(map(id, lists))
    found = _TOGETHER.get(key)
    if found is None:
        found = _TOGETHER[key] = _Together(lists)
    return found


def _surely_clean(text: str, lists: tuple[WordList, ...]) -> bool:
    """True when each list's ``scan(text)`` would find nothing by its first checks (the
    commonest answer: most passages hold no listed word): the same tests on the same
    folded text, made once for all the lists (``_Together``), without a ``Scan`` per
    list. A list that would mask a name in ``text`` (or skips its first check) leaves it
    to ``scan``."""
    together = _together(lists)
    if together.unready:
        return False
    base = strip_accents(fold(text))
    if "*" in base or together.may_hold(text, base):
        return False
    tricked = _tricked_words(text)
    if not tricked:
        return True
    joined = " ".join(tricked)
    return not any(wl._scan_one(joined, False, cue_all=True) for wl in lists)


# ---- many passages at once ----------------------------------------------------------------

# Between the passages of a batch: no word character, trick mark or spacing of _SPACED,
# unchanged by fold and strip_accents, composing with nothing (so the fold of the
# passages joined by it is their folds joined by it), and no term or name holds it.
_BATCH_SEP = "\x00"


@dataclass(frozen=True)
class _Primed:
    """Passages of one language whose ``_surely_clean`` answer is known (``prime``)."""

    lang: str
    clean: frozenset[str]  # True: scan finds nothing
    unclean: frozenset[str]  # False: scan looks at them in full


# The last batch's answers (they only ever save ``scan`` work: replaced whole, never changed).
_PRIMED: list[_Primed | None] = [None]


def prime(texts: Iterable[str], lang: str) -> None:
    """Answer ``_surely_clean`` for all of ``texts`` at once (``surely_clean_together``)
    and keep the answers for the ``scan`` of each that follows (an article's passages,
    labels and title: ``safety._clean`` primes them all first)."""
    clean, unclean = surely_clean_together(texts, lang)
    _PRIMED[0] = _Primed(lang, clean, unclean)


def surely_clean_together(texts: Iterable[str], lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The ``texts`` for which ``_surely_clean(text, _wordlists_for(lang))`` is True and
    those for which it is False (a text holding _BATCH_SEP is in neither), found together.

    The passages are joined by _BATCH_SEP (no match crosses it) and folded as one text
    (``_folded_parts``); each first check of ``_surely_clean`` is then one scan of the
    whole, mapped back to the passages it found something in (``_stops``: each scan finds
    a superset of them, and the names are asked again of each passage they may be in).
    A passage nothing stops at is clean; one where only a trick mark stands (a sign, a
    digit beside a letter, a letter three times, spaced letters) has its tricked words
    read and scanned as ``_surely_clean`` does."""
    lists = _wordlists_for(lang)
    together = _together(lists)
    distinct = [t for t in dict.fromkeys(texts) if _BATCH_SEP not in t]
    if together.unready or not distinct:
        return frozenset(), frozenset()
    parts = _folded_parts(distinct)
    base = _BATCH_SEP.join(parts)
    starts = _starts_of(parts)
    unclean = set(_stops(base, starts, together))
    if together.named:
        for i, text in enumerate(distinct):
            if i not in unclean and _SPACE_CAPITAL.search(text) and any(wl._holds_name(text) for wl in together.named):
                unclean.add(i)
    last = len(parts) - 1
    marked = set(_parts_with(_TRICK_MARKS, base, starts))
    marked.update(last - j for j in _parts_with((_DIGIT_THEN_LETTER,), base[::-1], _starts_reversed(parts)))
    for i in sorted(marked - unclean):
        tricked = _tricked_in(parts[i])
        if tricked and any(wl._scan_one(" ".join(tricked), False, cue_all=True) for wl in lists):
            unclean.add(i)
    return (frozenset(t for i, t in enumerate(distinct) if i not in unclean),
            frozenset(distinct[i] for i in unclean))


def _folded_parts(texts: list[str]) -> list[str]:
    """``[strip_accents(fold(t)) for t in texts]``: each text's NFKC and accents alone
    (most are ready as they are, a test in C), the rest of the fold on all at once."""
    joined = _BATCH_SEP.join(texts)
    if joined.isascii():
        return joined.casefold().split(_BATCH_SEP)
    normal = unicodedata.normalize
    nfkc = _BATCH_SEP.join([normal("NFKC", t) for t in texts])
    folded = _INVISIBLE.sub("", nfkc).casefold()
    if _HAS_LOOKALIKE.search(folded) is not None:
        for letter, latin in _LOOKALIKE_PAIRS:
            if letter in folded:
                folded = folded.replace(letter, latin)
    parts = folded.split(_BATCH_SEP)
    accent = _accent_bearing()
    sample = parts[:_SAMPLE]
    if sum(accent.search(p) is not None for p in sample) * 2 > len(sample):
        # Most passages are accented (Greek, Vietnamese, Ukrainian "й"): strip_accents of
        # all at once (it is always NFC(NFKD(p) less its marks): a text it leaves as it is
        # has no mark to lose and is normalized already, so that gives it back too).
        whole = unicodedata.normalize("NFC", _COMBINING.sub("", unicodedata.normalize("NFKD", folded)))
        return whole.split(_BATCH_SEP)
    accented = set(_parts_with((accent,), folded, _starts_of(parts)))
    is_normal = unicodedata.is_normalized
    return [_strip_accents(p) if i in accented or not is_normal("NFKC", p) else p for i, p in enumerate(parts)]


_SAMPLE = 32  # passages that tell whether most are accented


def _starts_of(parts: list[str]) -> list[int]:
    """Where each of ``parts`` starts in ``_BATCH_SEP.join(parts)``."""
    starts, pos = [], 0
    for part in parts:
        starts.append(pos)
        pos += len(part) + 1
    return starts


def _parts_with(patterns: Iterable[re.Pattern[str] | None], base: str, starts: list[int]) -> Iterator[int]:
    """The passages (by index) of ``base`` (joined, ``starts`` theirs) in which one of
    ``patterns`` matches: a search from each passage found on to the next passage."""
    ends = len(base)
    for pattern in patterns:
        if pattern is None:
            continue
        search, pos = pattern.search, 0
        while (m := search(base, pos)) is not None:
            i = bisect_right(starts, m.start()) - 1
            yield i
            pos = starts[i + 1] if i + 1 < len(starts) else ends


def _stops(base: str, starts: list[int], together: _Together) -> Iterator[int]:
    """The passages (by index) of ``base`` (folded, accents stripped, joined; ``starts``
    theirs) where "*" stands or ``together.may_hold`` is true but for the names: a Chinese
    or Japanese first word, an odd character, a key word standing whole, a stemmed key word."""
    yield from _parts_with((_STAR, together.cjk, together.odd), base, starts)
    if together.keys is not None:
        last = len(base) - 1
        for end, size in together.keys.iter(base):
            start = end - size + 1
            if (start == 0 or _W_CHAR.match(base, start - 1) is None) and (
                    end == last or _W_CHAR.match(base, end + 1) is None):
                yield bisect_right(starts, start) - 1
    for wl in together.stemmed:
        words, stems = wl._key_words, wl._stems
        for m in _WORDS.finditer(base):
            w = m.group()
            if any(w[:n] in words for n in stems):
                yield bisect_right(starts, m.start()) - 1


# What ``_tricked_in`` reads words from (in a passage with none, it reads none): spaced
# letters (``_MAYBE_SPACED``), or what ``_may_hold_tricked_token`` looks for (and its
# digit then letter in the text reversed).
_TRICK_MARKS = (_MAYBE_SPACED, _SIGN, _DIGIT_THEN_LETTER, _RUN3_NOT_DIGIT)


def _starts_reversed(parts: list[str]) -> list[int]:
    """``_starts_of`` the passages of ``_BATCH_SEP.join(parts)[::-1]`` (the last first)."""
    return _starts_of(parts[::-1])
_STAR = re.compile(r"\*")
_fold = fold.__wrapped__
_strip_accents = strip_accents.__wrapped__


def _is_english(lang: str) -> bool:
    return lang in ("en", "simple") or lang.startswith("en-")

