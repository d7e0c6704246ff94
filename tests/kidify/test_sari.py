"""SARI as EASSE computes it, checked on the ASSET validation set against EASSE's own
values there (copy 22.53, reference 0 against 1-9 44.94, first half of words 31.91)."""

from __future__ import annotations

import asset_data as asset
import pytest

from kidpedia.kidify.sari import corpus_sari, corpus_sari_parts, tokenize_13a

needs_asset = pytest.mark.skipif(asset.asset_dir() is None, reason="shared/data/simplification not beside the repo")


def test_13a_tokenisation() -> None:
    assert tokenize_13a("It cost $3,000.50 (in 1990-91), he said.") == \
        "It cost $ 3,000.50 ( in 1990 - 91 ) , he said ."
    assert tokenize_13a("A&amp;B &quot;x&quot;") == 'A & B " x "'


def test_identical_system_and_references() -> None:
    orig = ["the cat sat on the mat ."]
    # The system writes what both references write. Worked by hand: add is perfect for
    # orders 2-4 ("sat .", ...) and 0 for unigrams (none added: 0/0 counts 0, as in
    # EASSE) -> 75; keep is perfect for orders 1-3, and no 4-gram of the original is kept
    # -> 75; every deletion is right -> 100.
    assert corpus_sari_parts(orig, ["the cat sat ."], [["the cat sat ."]] * 2) == (75.0, 75.0, 100.0)
    with pytest.raises(ValueError):
        corpus_sari(orig, ["a", "b"], [orig])


@needs_asset
@pytest.mark.slow
def test_easse_anchors_on_asset_validation() -> None:
    orig, refs = asset.load()
    assert len(orig) == 2000
    assert round(corpus_sari(orig, orig, refs), 2) == 22.53
    assert round(corpus_sari(orig, refs[0], refs[1:]), 2) == 44.94
    half = [" ".join(s.split()[: len(s.split()) // 2]) for s in orig]
    assert round(corpus_sari(orig, half, refs), 2) == 31.91


@needs_asset
@pytest.mark.slow
def test_simplify_level_2_on_asset_validation() -> None:
    """A ratchet on what bench/readability.py reports: SARI 38.13 on 2 December 2026,
    38.00 after grammar fixes and keeping measured parentheticals ("(18 km ²)", "Libra (1988)"),
    38.038 after more plain words and fewer wrong splits, 38.024 after keeping ", which ... , and a follow up
    single called X, which ..." whole (its split said "It reached number 5 ... and a follow up single"),
    38.017 after plain words that read right ("most of the population", not "most the population"; "is
    therefore suited" is no "is so suited"; "most dominant" is no "most main"): ratchet 38.01; 38.015 after
    "occur" is "happen" only before a time ("Sea snakes occur mainly in the Indian Ocean" stays);
    38.0026 after a quotation is said as written (no "numerous" -> "many" inside J. J. Thomson's medal
    citation: the references reword quotations, an encyclopedia does not) and "highest elevation" is
    "highest point", never "highest height": ratchet 38.0
    (copying the input scores 22.53; SBMT-SARI's published 37.1 on the test split), and
    the output reads easier than the input. Facts: every number and name of the input is
    still in the output (a name that now opens a sentence counts)."""
    from kidpedia.kidify import reading
    from kidpedia.kidify.simplify import drop_parentheticals, facts, simplify

    orig, refs = asset.load()
    out = [simplify(s, 2) for s in orig]
    assert len(out) == len(orig)
    assert corpus_sari(orig, out, refs) >= 38.0

    def grade(lines: list[str]) -> float:
        return reading.measure(" ".join(x if x.endswith((".", "!", "?")) else x + "." for x in lines),
                               familiarity=False).fkgl

    assert grade(out) < grade(orig) - 1.0
    lost = [o for o, x in zip(orig, out, strict=True)
            if any(f not in x for f in facts(drop_parentheticals(o)) - facts(x))]
    assert len(lost) <= 5, lost[:5]
