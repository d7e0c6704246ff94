"""Reading measures: how hard a text is to read, offline, per paragraph, section, article.

    measure(text, lang) -> Measures       counts + FKGL, reading ease, word familiarity
    article_measures(article) -> dict      the article's measures (stored, shown on the page)
    syllables(word, lang) -> int           from Pyphen's shipped hyphenation dictionaries

Formulas (each with its published coefficients; tests check them on published examples):
  en  Flesch reading ease  206.835 - 1.015 ASL - 84.6 ASW             (Flesch 1948)
      Flesch-Kincaid grade 0.39 ASL + 11.8 ASW - 15.59                 (Kincaid et al. 1975)
  es  Fernández-Huerta     206.84 - 0.60 P - 1.02 F  (P syllables, F sentences per 100 words)
      Szigriszt-Pazos      206.835 - 62.3 ASW - ASL                    (perspicuity)
  fr  Kandel-Moles         207 - 1.015 ASL - 73.6 ASW
  de  Amstad               180 - ASL - 58.5 ASW
ASL: words per sentence; ASW: syllables per word. Reading ease for es/fr/de is the
language's own variant; the grade (FKGL) is the English formula and is reported for
English only. Word familiarity: the share of words wordfreq calls rare (Zipf below
``RARE_ZIPF``), and their mean Zipf frequency. Pyphen and wordfreq ship their data in
the package: nothing is fetched at run time (a test blocks sockets to prove it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kidpedia.model import Article

RARE_ZIPF = 3.0  # Zipf < 3: fewer than one in a million words ("rare" for a child)
_PYPHEN_LANG = {"en": "en_US", "es": "es", "fr": "fr", "de": "de_DE", "it": "it_IT", "pt": "pt_PT",
                "nl": "nl_NL", "sv": "sv", "da": "da_DK", "nb": "nb_NO", "pl": "pl_PL", "ru": "ru_RU"}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_VOWELS = re.compile(r"[aeiouyäöüàâéèêëîïôûùœæáíóúñ]+", re.IGNORECASE)
# A sentence ends at . ! ? followed by space and a capital/digit/quote, or at the end.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9À-ÖØ-Þ¿¡])")
# words that open a sentence, never a name after an initial
_OPENER = re.compile(r"(?:The|A|An|It|Its|This|These|Those|They|Their|He|His|She|Her|In|On|At|But|And|As|For|By|"
                     r"From|However|There|When|While|After|Before|Since|If|Some|Many|Most|All)\s")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|vs|v|etc|e\.g|i\.e|c|ca|No|Mt|U\.S|U\.K)\.$")


_LIST_NUMBER = re.compile(r"(?:^|[\s:;(])(\d{1,2})\.$")


def _list_number(piece: str, rest: str) -> bool:
    """The stop ends a number of a list said inline ("are rated as 1. Lincoln; 2. George
    Washington; and 3. Franklin D. Roosevelt"): the next number follows soon after ";" or ","
    (or, for the last, the one before it came just before), so no sentence ends."""
    m = _LIST_NUMBER.search(piece)
    if m is None:
        return False
    n = int(m.group(1))
    if re.search(rf"[;,]\s+(?:and\s+)?{n + 1}\.\s", rest[:120]):
        return True  # a number the next one follows
    before = piece[:m.start() + 1]
    return n > 1 and re.search(r"[;,]\s+(?:and\s+)?$", before) is not None and f"{n - 1}. " in before[-120:]


def sentences(text: str) -> list[str]:
    """Split text into sentences (abbreviations such as "Dr." and "U.S." do not end one)."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        piece = text[start:m.end()].rstrip()  # with its closing quotation mark or bracket: 'said "X." He ...
        if _ABBREV.search(piece) or (re.search(r"\b[A-Z]\.$", piece) and not _OPENER.match(text, m.end())) \
                or (piece.endswith(" lit.") and text[m.end():m.end() + 1] in "\"“'‘") \
                or _list_number(piece, text[m.end():]):  # 'lit. "Counting tray"'; "rated as 1. Lincoln; 2. ..."
            continue  # an initial ("John F. Kennedy"), not a letter that ends one ("the symbol Z. The atomic ...")
        out.append(piece.strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if _WORD.search(s)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=16)
def _hyphenator(lang: str) -> Any:
    import pyphen

    name = _PYPHEN_LANG.get(lang, lang)
    if name not in pyphen.LANGUAGES:
        return None
    return pyphen.Pyphen(lang=name, left=1, right=1)


@lru_cache(maxsize=200_000)
def syllables(word: str, lang: str = "en") -> int:
    """Syllables of one word: the parts between Pyphen's hyphenation points that hold a
    vowel (the dictionaries' patterns assume two letters at each end, so a lone "s-" or
    "-l" is no syllable), and for English at least the vowel groups less a silent final
    -e, -ed or -es. Checked against the CMU Pronouncing Dictionary on wordfreq's 20,000
    most frequent English words: 93% exact, 0.045 syllables off per word (weighted by
    frequency); Pyphen's raw points at one letter were 0.14 off, mostly over."""
    w = word.lower().replace("’", "'")
    if w.isdigit():
        return max(1, len(w))  # a number is read aloud as about one syllable a digit
    hyph = _hyphenator(lang)
    parts = sum(1 for p in hyph.inserted(w).split("-") if _VOWELS.search(p)) if hyph is not None else 0
    if lang != "en" and hyph is not None:
        return max(1, parts)
    groups = len(_VOWELS.findall(w))
    if groups > 1 and (
        (w.endswith("e") and not w.endswith(("le", "ee", "ye")))
        or re.search(r"[^tdaeiou]ed$", w)
        or re.search(r"[^aeiouscxzgh]es$", w)
    ):
        groups -= 1
    return max(1, parts, groups)


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "en") -> float:
    """wordfreq's Zipf frequency (0 for a word it has never seen, 8 for "the")."""
    from wordfreq import zipf_frequency

    try:
        return float(zipf_frequency(word.lower(), lang))
    except (LookupError, ValueError):  # a language wordfreq does not cover
        return 0.0
    except ImportError:  # ja/zh/ko: wordfreq needs MeCab or jieba to split words; not installed
        return 0.0


def is_rare(word: str, lang: str = "en", threshold: float = RARE_ZIPF) -> bool:
    return not word.isdigit() and zipf(word, lang) < threshold


@dataclass(frozen=True)
class Measures:
    """Counts of a text and the measures made from them."""

    lang: str
    sentences: int
    words: int
    syllables: int
    rare: int  # words with Zipf < RARE_ZIPF
    zipf_sum: float

    @property
    def asl(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def asw(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def fkgl(self) -> float:
        return fkgl(self.words, self.sentences, self.syllables) if self.words else 0.0

    @property
    def ease(self) -> float:
        """Reading ease: the language's own published variant (see the module docstring)."""
        if not self.words:
            return 0.0
        return reading_ease(self.words, self.sentences, self.syllables, self.lang)

    @property
    def rare_share(self) -> float:
        return self.rare / self.words if self.words else 0.0

    @property
    def mean_zipf(self) -> float:
        return self.zipf_sum / self.words if self.words else 0.0

    def __add__(self, other: Measures) -> Measures:
        return Measures(self.lang, self.sentences + other.sentences, self.words + other.words,
                        self.syllables + other.syllables, self.rare + other.rare,
                        self.zipf_sum + other.zipf_sum)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "sentences": self.sentences, "words": self.words, "syllables": self.syllables,
            "reading_ease": round(self.ease, 1), "rare_words": round(self.rare_share, 3),
            "mean_zipf": round(self.mean_zipf, 2),
        }
        if self.lang == "en":
            out["fkgl"] = round(self.fkgl, 1)
        return out


def fkgl(words: int, sentences: int, syllables: int) -> float:
    """Flesch-Kincaid grade level (Kincaid, Fishburne, Rogers, Chissom 1975)."""
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def flesch(words: int, sentences: int, syllables: int) -> float:
    """Flesch reading ease (Flesch 1948)."""
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


def fernandez_huerta(words: int, sentences: int, syllables: int) -> float:
    """Fernández-Huerta (1959), Spanish: P syllables and F sentences per 100 words."""
    return 206.84 - 0.60 * (100 * syllables / words) - 1.02 * (100 * sentences / words)


def szigriszt_pazos(words: int, sentences: int, syllables: int) -> float:
    """Szigriszt-Pazos perspicuity (1993), Spanish."""
    return 206.835 - 62.3 * syllables / words - words / sentences


def kandel_moles(words: int, sentences: int, syllables: int) -> float:
    """Kandel and Moles (1958), French."""
    return 207 - 1.015 * words / sentences - 73.6 * syllables / words


def amstad(words: int, sentences: int, syllables: int) -> float:
    """Amstad (1978), German."""
    return 180 - words / sentences - 58.5 * syllables / words


EASE = {"en": flesch, "es": szigriszt_pazos, "fr": kandel_moles, "de": amstad}


def reading_ease(words: int, sentences: int, syllables: int, lang: str = "en") -> float:
    return EASE.get(lang, flesch)(words, sentences, syllables)


def measure(text: str, lang: str = "en", familiarity: bool = True) -> Measures:
    """Count sentences, words, syllables and rare words of one text (``familiarity``
    False: leave the rare-word counts at 0, for the grade alone, faster)."""
    ws = words(text)
    sents = max(1, len(sentences(text))) if ws else 0
    syl = sum(syllables(w, lang) for w in ws)
    zs = [zipf(w, lang) for w in ws] if familiarity else [RARE_ZIPF] * len(ws)
    rare = sum(1 for w, z in zip(ws, zs, strict=True) if z < RARE_ZIPF and not w.isdigit())
    return Measures(lang, sents, len(ws), syl, rare, sum(zs))


def article_measures(article: Article) -> dict[str, Any]:
    """The article's measures, whole and per section (lead first): stored with the
    article and shown on its page."""
    lang = article.lang
    lead = _sum((measure(t.text, lang) for t in article.lead if t.table is None), lang)
    per_section = [{"title": "", **lead.to_json()}] if lead.words else []
    total = lead
    for s in article.iter_sections():
        m = _sum((measure(t.text, lang) for t in s.paragraphs if t.table is None), lang)
        total = total + m
        if m.words:
            per_section.append({"title": s.title, **m.to_json()})
    return {**total.to_json(), "sections": per_section}


def _sum(ms: Any, lang: str) -> Measures:
    total = Measures(lang, 0, 0, 0, 0, 0.0)
    for m in ms:
        total = total + m
    return total
