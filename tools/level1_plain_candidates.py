"""Candidates for level 1's plain words (``kidify/rules/plain_words.yaml``), from WordNet.

    python tools/level1_plain_candidates.py [--wordnet /usr/share/wordnet] [--top 150]

Build time only: a person reads the list, keeps the pairs that mean the same in the
sample's sentences, and writes each kept pair into the YAML by hand with its example and
"kept" counter-examples. Nothing at run time reads WordNet.

Reads the sentences the sample's level-1 pages choose from (``levels._level1`` over the
bundled sample), counts each lowercase word of three syllables or more (or two and rare),
and for each looks up WordNet 3.0 (Debian's ``wordnet-base``: ``apt-get install
wordnet-base``; the WordNet 3.0 licence allows redistribution), its index and data files
read directly (NLTK's reader refuses paths outside its data folders): the synonyms in the word's first two senses that
are shorter (fewer syllables, ``kidify.reading.syllables``) and more frequent (wordfreq
Zipf, ``reading.zipf``). Printed: the syllables saved times the count, the word, its
candidates, and one sample sentence.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kidpedia.kidify import levels, reading
from kidpedia.model import Article
from kidpedia.pipeline import process_page
from kidpedia.sources.dump import iter_pages

SAMPLE = ROOT / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"


class WordNet:
    """WordNet 3.0's files, enough to list a word's senses in order and each sense's words."""

    POS = ("noun", "verb", "adj", "adv")

    def __init__(self, root: Path) -> None:
        self.root = root
        self.index: dict[tuple[str, str], list[int]] = {}
        self.exc: dict[tuple[str, str], str] = {}
        for pos in self.POS:
            for line in (root / f"index.{pos}").read_text(encoding="latin-1").splitlines():
                if line.startswith(" "):
                    continue
                f = line.split()
                n_ptr = int(f[3])
                n_senses = int(f[2])
                self.index[(f[0], pos)] = [int(x) for x in f[4 + n_ptr + 2:4 + n_ptr + 2 + n_senses]]
            for line in (root / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
                f = line.split()
                if len(f) >= 2:
                    self.exc[(f[0], pos)] = f[1]
        self.files = {pos: (root / f"data.{pos}").open("rb") for pos in self.POS}

    def _lemmas(self, word: str, pos: str) -> list[str]:
        out = [word] if (word, pos) in self.index else []
        if (word, pos) in self.exc:
            out.append(self.exc[(word, pos)])
        ends = {"noun": [("ies", "y"), ("es", ""), ("s", "")], "verb": [("ies", "y"), ("es", ""), ("s", ""), ("ed", ""),
                ("ed", "e"), ("ing", ""), ("ing", "e")], "adj": [("er", ""), ("est", "")], "adv": []}[pos]
        out += [word[:-len(a)] + b for a, b in ends if word.endswith(a) and (word[:-len(a)] + b, pos) in self.index]
        return [x for x in out if (x, pos) in self.index]

    def synonyms(self, word: str, senses: int = 2) -> list[str]:
        """The words of the word's first senses, for each part of speech it has."""
        out: list[str] = []
        for pos in self.POS:
            for lemma in self._lemmas(word, pos)[:1]:
                for offset in self.index[(lemma, pos)][:senses]:
                    fh = self.files[pos]
                    fh.seek(offset)
                    f = fh.readline().decode("latin-1").split()
                    n = int(f[3], 16)
                    out += [f[4 + 2 * i] for i in range(n)]
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--top", type=int, default=150)
    args = ap.parse_args()
    wn = WordNet(Path(args.wordnet))
    counts: collections.Counter[str] = collections.Counter()
    example: dict[str, str] = {}
    for page in iter_pages(SAMPLE):
        a = process_page(page)
        if not isinstance(a, Article):
            continue
        title = {w.lower() for w in reading.words(a.title)}
        shaped = levels._level1(a, {})
        for t in levels._body(shaped):
            for s in reading.sentences(t.text):
                for w in reading.words(s):
                    if not w.isalpha() or not w.islower() or w in title:
                        continue
                    n = reading.syllables(w)
                    if n >= 3 or (n == 2 and reading.zipf(w) < 3.5):
                        counts[w] += 1
                        example.setdefault(w, s)
    rows = []
    for w, c in counts.items():
        n, z = reading.syllables(w), reading.zipf(w)
        found: dict[str, int] = {}
        for lemma in wn.synonyms(w):
            if True:
                cand = lemma.replace("_", " ").lower().split("(")[0]
                if cand == w or cand in found or len(cand.split()) > 2:
                    continue
                cn = sum(reading.syllables(x) for x in cand.split())
                if cn < n and min(reading.zipf(x) for x in cand.split()) >= max(4.0, z + 0.3):
                    found[cand] = n - cn
        if found:
            rows.append((c * max(found.values()), w, sorted(found, key=lambda x: -found[x])))
    for score, w, cands in sorted(rows, reverse=True)[:args.top]:
        print(f"{score:4} {w:18} {', '.join(cands)[:60]:60} | {example[w][:120]}")


if __name__ == "__main__":
    main()
