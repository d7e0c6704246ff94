"""Hard words: linked words a child at a level may not know, and what explains them.

    hard_links(article, level) -> list[HardWord]   linked words rare for the level, in order
    preview(article, level) -> str                  an article's first sentence at a level

A word or phrase is hard for a level when it links to another article and its rarest
word is less frequent than the level's threshold (wordfreq's Zipf scale: level 1
``4.0``, about one in ten thousand words; level 2 ``3.5``; level 3 ``3.0``). The page
shows a preview of the linked article on hover, focus or tap, and levels 1 and 2 end
with a glossary of them (web/render fills in which targets exist).
"""

from __future__ import annotations

from dataclasses import dataclass

from kidpedia.kidify import reading
from kidpedia.kidify.simplify import simplify
from kidpedia.model import Article

HARD_ZIPF = {1: 4.0, 2: 3.5, 3: 3.0}
MAX_HARD = 12


@dataclass(frozen=True)
class HardWord:
    text: str  # the words as the page shows them
    target: str  # the article they link to


def is_hard(words: str, level: int, lang: str = "en") -> bool:
    ws = [w for w in reading.words(words) if not w.isdigit()]
    if not ws or sum(len(w) for w in ws) < 3:  # a letter or a symbol is not a hard word
        return False
    return min(reading.zipf(w, lang) for w in ws) < HARD_ZIPF.get(level, HARD_ZIPF[3])


def hard_links(article: Article, level: int, limit: int | None = MAX_HARD) -> list[HardWord]:
    """Each linked word or phrase that is rare for the level, once per target, in order."""
    seen: set[str] = set()
    out: list[HardWord] = []
    texts = list(article.lead) + [t for s in article.iter_sections() for t in s.paragraphs]
    for t in texts:
        for span in t.links:
            words = t.text[span.start:span.end]
            if span.target in seen or not is_hard(words, level, article.lang):
                continue
            seen.add(span.target)
            out.append(HardWord(words, span.target))
            if limit is not None and len(out) >= limit:
                return out
    return out


def preview(article: Article, level: int) -> str:
    """The article's first sentence, simplified for the level (3: as it is)."""
    first = next((t.text for t in article.lead if t.kind == "p" and t.text.strip()), "")
    if not first:
        first = next((t.text for s in article.iter_sections() for t in s.paragraphs if t.text.strip()), "")
    sents = reading.sentences(first)
    if not sents:
        return ""
    return simplify(sents[0], level, article.lang) if level < 3 else sents[0]
