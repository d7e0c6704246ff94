"""The word lists as data: every LDNOOBW entry sorted into one tier, each rule with its cases."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kidpedia.kidify.safety_text import remove_spans, sentence_spans
from kidpedia.kidify.safety_words import TIERS, fold, scan, strip_accents, variants, wordlist
from kidpedia.model import LinkSpan, Text

WORDLISTS = resources.files("kidpedia.kidify").joinpath("rules/wordlists")
LANGS = ("en", "es", "fr", "de", "ja", "ru")


def _data(lang: str) -> dict:
    return yaml.safe_load(WORDLISTS.joinpath(f"{lang}.yaml").read_text("utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_every_ldnoobw_entry_is_in_exactly_one_tier(lang: str) -> None:
    source = [w.strip() for w in WORDLISTS.joinpath(f"ldnoobw/{lang}.txt").read_text("utf-8").splitlines() if w.strip()]
    data = _data(lang)
    sorted_into = [w for tier in ("strong", "adult", "context", "unused") for w in data[tier]]
    assert sorted(sorted_into) == sorted(source), "lost or invented entries"
    assert not [w for w, n in Counter(sorted_into).items() if n > 1]


@pytest.mark.parametrize("lang", LANGS)
def test_added_entries_are_not_ldnoobw_entries(lang: str) -> None:
    data = _data(lang)
    listed = {fold(w) for tier in ("strong", "adult", "context", "unused") for w in data[tier]}
    added = [w for tier in TIERS for w in data["added"].get(tier) or []]
    assert not [w for w in added if fold(w) in listed]


def test_attribution_is_kept_beside_the_copies() -> None:
    note = WORDLISTS.joinpath("ATTRIBUTION.md").read_text("utf-8")
    assert "CC BY 4.0" in note and "List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words" in note


@pytest.mark.parametrize("lang", LANGS)
def test_every_strong_word_is_found_in_a_sentence(lang: str) -> None:
    """Each strong entry (ours and LDNOOBW's) matches when written plainly in a sentence."""
    data = _data(lang)
    for word in data["strong"] + (data["added"].get("strong") or []):
        found = scan(f"They said {word} there.", lang).strong
        assert found, word


@pytest.mark.parametrize("lang", LANGS)
def test_every_context_word_alone_is_not_a_hit_but_cued_is(lang: str) -> None:
    data = _data(lang)
    cue = data["cues"][0]
    for word in data["context"] + (data["added"].get("context") or []):
        assert not scan(f"The {word} was there.", lang), word
        assert scan(f"{cue} {word}", lang).context or scan(f"{cue} {word}", lang).strong, word


@pytest.mark.parametrize("lang", LANGS)
def test_unused_words_never_count(lang: str) -> None:
    for word in _data(lang)["unused"]:
        assert not scan(f"The {word} was there.", lang), word


@pytest.mark.parametrize("text", [
    "Scunthorpe is a town in Lincolnshire.",
    "Essex, Sussex and Middlesex are English counties.",
    "An analysis of variance compares means.",
    "A cocktail is a mixed drink.",
    "She won the 200 m breast stroke.",
    "He swam breaststroke.",
    "The blue tit and the great tit are birds.",
    "It was a tit-for-tat dispute.",
    "She graduated summa cum laude.",
    "Moby-Dick is a novel; Philip K. Dick wrote novels too.",
    "The spices were sold in the market.",
    "Penistone is a town near Sheffield.",
    "Shiitake mushrooms and a cockatoo.",
    "The wild ass of Asia is an equid.",
    "Seen with the naked eye.",
    "Both sexes have anal glands and anal fins.",
    "A hectocotyl arm, used in sexual reproduction.",
])
def test_false_positive_traps_are_not_hits(text: str) -> None:
    assert not scan(text).strong and not scan(text).context and not scan(text).adult, scan(text)


@pytest.mark.parametrize("text,word", [
    ("f u c k", "fuck"), ("F.U.C.K", "fuck"), ("f_u_c_k", "fuck"), ("sh1t", "shit"), ("$hit", "shit"),
    ("a$$hole", "asshole"), ("FuCk", "fuck"), ("fuuuuck", "fuck"), ("fück", "fuck"), ("ｆｕｃｋ", "fuck"),
    ("fuсk", "fuck"), ("f\u200buck", "fuck"), ("f*ck", "fuck"), ("b1tch", "bitch"), ("n1gger", "nigger"),
])
def test_tricks_are_read_through(text: str, word: str) -> None:
    assert word in scan(f"He wrote {text} on the wall.").strong


def test_variants_only_where_a_trick_shows() -> None:
    assert variants("A plain sentence about Alabama.") == ["a plain sentence about alabama."]
    assert "shit" in " ".join(variants("sh1t"))


def test_accents_matter_where_they_change_the_word() -> None:
    assert scan("el coño", "es").strong
    assert not scan("un cono de helado", "es")  # a cone
    assert not scan("Mose führte das Volk", "de")  # Moses
    assert scan("Möse", "de").strong
    assert strip_accents("Pezón Sádico") == "Pezon Sadico"


def test_english_strong_words_apply_to_other_languages_but_not_english_adult_words() -> None:
    assert scan("La canción se llama Fuck the Police", "es").strong
    assert not scan("El sex appeal del actor", "es").adult  # "sex" is not a Spanish word
    # no Afrikaans or Vietnamese list: English strong words still apply, its adult words do not
    assert scan("fuck", "af").strong and not scan("sex", "af")


def test_cues_make_context_words_count() -> None:
    assert scan("kiss my ass").context
    assert scan("you stupid dick").context
    assert not scan("Balaam and his ass").context
    assert not scan("the cock crowed at dawn").context


def test_compound_words_are_blocked_in_queries_only() -> None:
    assert scan("fuckface").strong  # listed as a word
    assert "fuck" in scan("fuckwit", query=True).strong
    assert not scan("fuckwit").strong


def test_sentence_spans_skip_abbreviations_and_initials() -> None:
    text = "Philip K. Dick wrote it in 1968. Dr. Smith read it e.g. at home. It sold well!"
    parts = [text[a:b].strip() for a, b in sentence_spans(text)]
    assert parts == ["Philip K. Dick wrote it in 1968.", "Dr. Smith read it e.g. at home.", "It sold well!"]


def test_remove_spans_keeps_links_valid() -> None:
    t = Text("One two. Three four. Five six.", (LinkSpan(4, 7, "Two"), LinkSpan(15, 19, "Four"), LinkSpan(26, 29, "Six")))
    out = remove_spans(t, [(9, 21)])
    assert out.text == "One two. Five six."
    assert [(out.text[s.start:s.end], s.target) for s in out.links] == [("two", "Two"), ("six", "Six")]
    last = remove_spans(t, [(21, 30)])
    assert last.text == "One two. Three four." and len(last.links) == 2


def test_wordlist_for_unknown_language_is_none() -> None:
    assert wordlist("xx") is None
    assert wordlist("en") is not None


def test_listed_words_that_are_given_names_pass_in_text_as_names() -> None:
    assert not scan("Kike García scored twice.")
    assert not scan("Quim Torra was the president of Catalonia.")
    assert not scan("Dick Cheney was vice president.")
    assert scan("They shouted kike at him.").strong
    assert not scan("El delantero Kike marcó dos goles.", "es")  # an ordinary Spanish name
    assert scan("Kike Garcia", query=True).strong  # a query's capitals prove nothing


@pytest.mark.parametrize(("text", "found"), [
    ("彼はファックと叫んだ。", "ファック"), ("ｆｕｃｋと全角で書いた。", "fuck"), ("巨乳好きだった。", "巨乳"),
])
def test_japanese_words_match_inside_a_run(text: str, found: str) -> None:
    assert found in scan(text, "ja").strong


@pytest.mark.parametrize("text", [
    "ファックスで送った。", "ホモ・サピエンスは人類である。", "ジョコビッチは選手である。", "異性交流の場。",
    "射的 - ぱちんこ（スリングショット）", "カントは哲学者である。", "完全変態をする昆虫。",
])
def test_japanese_innocent_words_holding_a_listed_one_pass(text: str) -> None:
    assert not scan(text, "ja")


@pytest.mark.parametrize(("text", "lang", "hit"), [
    ("Критики назвали текст полным говном.", "ru", True), ("Он назвал судью блядью.", "ru", True),
    ("Хуа Гофэн был председателем.", "ru", False), ("Это команда, а не мандат.", "ru", False),
    ("Cụm đảo Lưỡi Liềm ở phía tây.", "vi", False), ("Mỹ mong muốn thắng lợi.", "vi", False),
    ("He said fuck there.", "vi", True),
])
def test_russian_endings_and_english_strong_words_only_elsewhere(text: str, lang: str, hit: bool) -> None:
    assert bool(scan(text, lang)) is hit, scan(text, lang)


def test_sentences_end_in_every_script() -> None:
    for text, sentences in (("Это город. Он большой.", ["Это город. ", "Он большой."]),
                            ("東京は都市である。人口は多い。", ["東京は都市である。", "人口は多い。"]),
                            ("Η Αθήνα είναι πόλη. Είναι παλιά.", ["Η Αθήνα είναι πόλη. ", "Είναι παλιά."])):
        assert [text[a:b] for a, b in sentence_spans(text)] == sentences


def test_last_word_before_a_full_stop_is_the_whole_prefixs_last_word() -> None:
    """``safety_text._last_word`` (read from the last characters) gives what splitting
    the whole text before the stop gives: at every stop of real pages, and where the
    last word starts before its window (a long word, a word after leading spaces)."""
    from pathlib import Path

    from kidpedia.kidify.safety_text import _NEAR, _last_word

    def whole(text: str, end: int) -> str:
        return text[:end].rsplit(None, 1)[-1] if text[:end].strip() else ""

    pages = sorted((Path(__file__).resolve().parent.parent / "data" / "wikitext").glob("*.txt"))
    texts = [p.read_text("utf-8") for p in pages]
    texts += ["x" * (_NEAR * 2) + ".", " " * (_NEAR + 3) + "word.", "a " + "y" * (_NEAR - 2) + ".",
              "a " + "y" * (_NEAR - 1) + ".", "y" * _NEAR + ".", "   .", ".", "", "\u3000東京。", "a\n" * 40 + "."]
    checked = 0
    for text in texts:
        ends = [i for i, c in enumerate(text) if c in ".!?。"] + [0, len(text)]
        for end in ends:
            assert _last_word(text, end) == whole(text, end), (text[max(0, end - 80) : end], end)
            checked += 1
    assert len(pages) >= 10 and checked > 5000


def test_strip_accents_passes_over_a_text_with_no_mark_to_remove() -> None:
    """Its shortcut (no character bearing a removable mark, text already NFKC) gives what
    the full NFKD, mark removal and NFC give: every line of real Japanese, Greek,
    Ukrainian and Vietnamese pages (as they come and folded), and edge strings."""
    import bz2
    import unicodedata
    from pathlib import Path

    from kidpedia.kidify.safety_words import _COMBINING

    def full(text: str) -> str:
        return unicodedata.normalize("NFC", _COMBINING.sub("", unicodedata.normalize("NFKD", text)))

    dumps = Path(__file__).resolve().parent.parent / "data" / "dumps"
    lines: list[str] = []
    for name in ("jawiki-2023-first-20-pages", "elwiki-2023-truncated", "ukwiki-2023-truncated", "viwiki-2023-truncated"):
        with bz2.open(dumps / f"{name}.xml.bz2", "rt", encoding="utf-8") as f:
            lines += f.read(400_000).splitlines()
    lines += ["ｆｕｃｋ", "ﬁne", "İstanbul", "é", "e\u0301", "\u0301", "が", "か\u3099", "𝐟𝐮𝐜𝐤", "😀 ok", "Å", "Ω", "ǅ", "ｶﾞ", "①"]
    lines += [fold(t) for t in lines]
    passed_over = 0
    for text in lines:
        assert strip_accents.__wrapped__(text) == full(text) or text.isascii(), text
        passed_over += not text.isascii() and strip_accents.__wrapped__(text) is text
    assert len(lines) > 10_000 and passed_over > 1_000



def _same_name_answer(text: str) -> None:
    en = wordlist("en")
    assert en is not None and en._names is not None
    assert en._holds_name(text) == (en._names.search(text) is not None), text


def test_a_name_is_found_as_the_names_regex_finds_it() -> None:
    for text in ["Kike García", "xKike García", "_Kike García", "(Kike García", "Kike garcía", "Kike\u00a0García",
                 "Quim  Torra", "Kikes García", "1Kike García", "é Kike Ávila", "Kike", ""]:
        _same_name_answer(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Kike", "Quim", " ", "\u00a0", "García", "garcía", "x", "_", "1", "(", "Ávila"]),
                max_size=12))
def test_any_text_finds_a_name_as_the_names_regex(pieces: list[str]) -> None:
    _same_name_answer("".join(pieces))
