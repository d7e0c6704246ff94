"""The safety scan's first check, on a text before its allowed phrases are masked
(``WordList._scan_one``), finds every word the full scan finds: the scan answers the
same with it and without it, on real passages and on texts made for its edges."""

from __future__ import annotations

from pathlib import Path

import pytest

from kidpedia.kidify.safety_words import wordlist

DATA = Path(__file__).resolve().parent.parent / "data"

EDGES = [
    # "cocker spaniel🖕": the mask of "cocker spaniel" makes the word boundary before "🖕"
    "plain words", "cum laude", "summa cum laude🖕", "cocker spaniel🖕", "breaststroke🖕", "summa cum laude$hit", "cum laude s&m", "s & m", "S&M club", "🖕 here",
    "a fuck b", "f*ck", "sh1t", "f u c k", "fuuuck", "Kike García", "Scunthorpe", "cocktail analysis",
    "the word sex", "sexual", "g スポット", "Gスポット", "エロ", "日本語の文", "bitch!", "b!tch", "tit for tat",
    "$ex", "ｆｕｃｋと", "Ａｄｕｌｔ", "niggardly", "a—fuck—b", "cum-laude", "café", "ﬁne",
]


def _texts() -> list[str]:
    texts = list(EDGES)
    for path in sorted((DATA / "wikitext").glob("*.txt"))[:30]:
        body = path.read_text("utf-8")
        texts.extend(body[i : i + 300] for i in range(0, min(len(body), 30000), 300))
    for path in sorted((DATA / "safety").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".yaml", ".json", ".md"):
            body = path.read_text("utf-8", errors="replace")
            texts.extend(line for line in body.splitlines() if line.strip())
    return texts


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_scan_as_without_the_first_check(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    wl = wordlist(lang)
    assert wl is not None and wl._mask_keeps_words
    texts = _texts()
    fast = [wl.scan(t) for t in texts]
    monkeypatch.setattr(wl, "_mask_keeps_words", False)
    assert [wl.scan(t) for t in texts] == fast
    assert any(fast), "some texts hold listed words"


def test_odd_terms_found_by_their_odd_character() -> None:
    wl = wordlist("en")
    assert wl is not None and "&" in wl._odd_chars
    assert wl.scan("the s&m club").adult or wl.scan("the s&m club").strong
    assert not wl.scan("summa cum laude")
    assert wl.scan("cocker spaniel🖕").strong == ("🖕",)
