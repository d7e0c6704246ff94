"""SARI (Xu et al. 2016) over a corpus, computed as EASSE's ``corpus_sari`` computes it.

    corpus_sari(orig, sys, refs) -> float     refs: one list of sentences per reference

Every sentence is lowercased and tokenised as sacreBLEU's "13a" tokenizer does; n-grams
of order 1-4 are counted over the whole corpus; keep and delete weigh each n-gram by how
many references keep it (the original's and the system's counts times the number of
references), add counts each n-gram once. Per operation and n-gram order, precision
and recall make an F1 (F1 for deletion too, EASSE's default), averaged over the four
orders; SARI is the mean of add, keep and delete F1, times 100. Checked on the ASSET
validation set against the values EASSE gives there (tests/kidify/test_sari.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

NGRAM_ORDER = 4

_13A = [
    (re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])"), r" \1 "),  # punctuation
    (re.compile(r"([^0-9])([\.,])"), r"\1 \2 "),  # period and comma unless after a digit
    (re.compile(r"([\.,])([^0-9])"), r" \1 \2"),  # period and comma unless before a digit
    (re.compile(r"([0-9])(-)"), r"\1 \2 "),  # dash after a digit
]


def tokenize_13a(line: str) -> str:
    """sacreBLEU's 13a tokenisation (mteval-v13a.pl's, without its language rules)."""
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    if "&" in line:
        line = line.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    line = f" {line} "
    for pattern, repl in _13A:
        line = pattern.sub(repl, line)
    return " ".join(line.split())


def normalize(sentence: str) -> str:
    return tokenize_13a(sentence.lower())


def _ngrams(sentence: str) -> list[Counter[tuple[str, ...]]]:
    tokens = sentence.split()
    return [Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
            for n in range(1, NGRAM_ORDER + 1)]


def _times(counter: Counter[tuple[str, ...]], k: int) -> Counter[tuple[str, ...]]:
    return Counter({g: c * k for g, c in counter.items()})


def _stats(orig: str, sys: str, refs: Sequence[str], acc: list[list[float]]) -> None:
    o_all, s_all = _ngrams(orig), _ngrams(sys)
    r_all = [Counter[tuple[str, ...]]() for _ in range(NGRAM_ORDER)]
    for ref in refs:
        for n, grams in enumerate(_ngrams(ref)):
            r_all[n] += grams
    k = len(refs)
    for n in range(NGRAM_ORDER):
        o, s, r = o_all[n], s_all[n], r_all[n]
        added = set(s) - set(o)
        row = acc[n]
        row[0] += len(added & set(r))
        row[1] += len(added)
        row[2] += len(set(r) - set(o))
        ow, sw = _times(o, k), _times(s, k)
        kept, kept_ref = ow & sw, ow & r
        row[3] += sum((kept & kept_ref).values())
        row[4] += sum(kept.values())
        row[5] += sum(kept_ref.values())
        deleted, deleted_ref = ow - sw, ow - r
        row[6] += sum((deleted & deleted_ref).values())
        row[7] += sum(deleted.values())
        row[8] += sum(deleted_ref.values())


def _f1(correct: list[float], sys_total: list[float], ref_total: list[float]) -> float:
    """F1 per n-gram order, averaged over the orders."""
    total = 0.0
    for c, st, rt in zip(correct, sys_total, ref_total, strict=True):
        p = c / st if st else 0.0
        r = c / rt if rt else 0.0
        total += 2 * p * r / (p + r) if p + r > 0 else 0.0
    return total / NGRAM_ORDER


def corpus_sari_parts(
    orig: Sequence[str], sys: Sequence[str], refs: Sequence[Sequence[str]]
) -> tuple[float, float, float]:
    """Add, keep and delete F1 (0-100) of the system's sentences."""
    if not all(len(r) == len(orig) for r in refs) or len(sys) != len(orig):
        raise ValueError("the original, system and reference files must have as many lines")
    acc = [[0.0] * 9 for _ in range(NGRAM_ORDER)]
    for i, (o, s) in enumerate(zip(orig, sys, strict=True)):
        _stats(normalize(o), normalize(s), [normalize(r[i]) for r in refs], acc)
    cols = [[acc[n][j] for n in range(NGRAM_ORDER)] for j in range(9)]
    return tuple(100 * _f1(cols[j], cols[j + 1], cols[j + 2]) for j in (0, 3, 6))  # type: ignore[return-value]


def corpus_sari(orig: Sequence[str], sys: Sequence[str], refs: Sequence[Sequence[str]]) -> float:
    return sum(corpus_sari_parts(orig, sys, refs)) / 3
