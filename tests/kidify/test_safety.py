"""The safety layer on real pages and on the red-team set (tests/data/safety/).

- every article of the real enwiki sample gets the decision held in
  enwiki_sample_decisions.yaml (reviewed by eye; ``pytest --update-golden`` rewrites it);
- real lead summaries of sensitive topics (en, es) get the decisions in
  summaries_decisions.yaml;
- every red-team passage is removed and every red-team query refused (catch rate 100%);
- every keep-set sentence survives and every innocent query passes (false blocks 0%);
- no strongest-tier word is left in any cleaned sample article.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml

from kidpedia.errors import UsageError
from kidpedia.kidify.safety import (
    LEVELS,
    Decision,
    clean,
    explain,
    is_blocked_query,
    is_blocked_term,
    judge,
)
from kidpedia.kidify.safety_words import scan
from kidpedia.model import Article, FactRow, Image, Link, LinkSpan, QuickFacts, Section, Text

DATA = Path(__file__).resolve().parent.parent / "data" / "safety"
REDTEAM = yaml.safe_load((DATA / "redteam.yaml").read_text("utf-8"))
KEEP = yaml.safe_load((DATA / "keep_sentences.yaml").read_text("utf-8"))


def _one_sentence_article(text: str, lang: str) -> Article:
    return Article(title="Test passage", lead=(Text(text),), lang=lang)


def _cases(data: dict, key: str) -> list[tuple[str, str]]:
    return [(lang, item) for lang, items in data[key].items() for item in items]


# ---- red team and keep-set ------------------------------------------------------------


@pytest.mark.parametrize("lang,passage", _cases(REDTEAM, "passages"))
def test_redteam_passage_is_removed(lang: str, passage: str) -> None:
    cleaned = clean(_one_sentence_article(passage, lang))
    assert cleaned.lead == (), f"not caught: {passage!r}"
    assert cleaned.stats["passages_removed"] == 1


@pytest.mark.parametrize("lang,query", _cases(REDTEAM, "queries"))
def test_redteam_query_is_blocked(lang: str, query: str) -> None:
    assert is_blocked_query(query, lang), f"not blocked: {query!r}"
    assert is_blocked_term(query, lang)


@pytest.mark.parametrize("lang,query", _cases(REDTEAM, "keep_queries"))
def test_innocent_query_passes(lang: str, query: str) -> None:
    assert not is_blocked_query(query, lang), f"blocked by mistake: {query!r}"


@pytest.mark.parametrize("lang,item", [(lang, s) for lang, items in KEEP.items() for s in items],
                         ids=lambda x: x if isinstance(x, str) else x["title"])
def test_keep_set_sentence_survives(lang: str, item: dict) -> None:
    cleaned = clean(_one_sentence_article(item["text"], lang))
    assert [t.text for t in cleaned.lead] == [item["text"]]
    assert cleaned.stats["passages_removed"] == 0


def test_catch_and_false_block_rates_are_reported(capsys: pytest.CaptureFixture[str]) -> None:
    """The numbers for the report (also asserted case by case above)."""
    passages = _cases(REDTEAM, "passages")
    caught_p = sum(not clean(_one_sentence_article(p, lang)).lead for lang, p in passages)
    queries = _cases(REDTEAM, "queries")
    caught_q = sum(is_blocked_query(q, lang) for lang, q in queries)
    keep = [(lang, s["text"]) for lang, items in KEEP.items() for s in items]
    false_p = sum(bool(clean(_one_sentence_article(s, lang)).stats["passages_removed"]) for lang, s in keep)
    innocent = _cases(REDTEAM, "keep_queries")
    false_q = sum(is_blocked_query(q, lang) for lang, q in innocent)
    with capsys.disabled():
        print(f"\nsafety: red-team passages caught {caught_p}/{len(passages)}, queries blocked {caught_q}/{len(queries)}; "
              f"keep-set sentences removed {false_p}/{len(keep)}, innocent queries blocked {false_q}/{len(innocent)}")
    assert (caught_p, caught_q, false_p, false_q) == (len(passages), len(queries), 0, 0)


# ---- the real sample dump ----------------------------------------------------------------


def _decision_key(d: Decision) -> str:
    return ("keep" if d.keep else "exclude") + ("" if d.reason == "ok" else f": {d.reason}")


def _golden(path: Path, current: dict[str, dict[str, str]], header: str, update: bool) -> dict:
    if update:
        body = yaml.safe_dump(current, allow_unicode=True, sort_keys=True, width=200, default_flow_style=None)
        path.write_text(header + body, "utf-8")
    return yaml.safe_load(path.read_text("utf-8"))


SAMPLE_HEADER = """\
# Golden safety decisions for every article of the bundled real enwiki sample
# (src/kidpedia/data/sample-enwiki.xml.bz2, 106 articles), at each level:
# "keep", "keep: kept-on-purpose" (a sensitive topic kept and told plainly) or
# "exclude: <reason>". Reviewed by eye on 2026-11-25; `pytest --update-golden`
# rewrites it (review the diff). Decisions worth a note (see docs/safety.md):
#   Abortion: kept at default and loose as a health and law topic told plainly (its
#     infobox is a medical one; rape and incest appear only as legal grounds); excluded
#     at strict as a mature topic.
#   Anarchism: kept at every level: a political philosophy and its history; its
#     free-love and sexual-revolution passages are history, told plainly, and its adult
#     words are far below the density limit (11 in 9,500 words).
#   Apollo, Achilles, Art: kept; myths' violence and the nude in painting are kept.
#   Actrius, Animal (disambiguation): kept, one passage each removed (a critic's
#     "bitchy"; a song title with the F-word).
"""

SUMMARIES_HEADER = """\
# Golden safety decisions for real Wikipedia lead summaries of sensitive and of
# trap topics (tests/data/safety/summaries_en.json, summaries_es.json; see PROVENANCE.md),
# judged as lead-only articles (no categories, no infobox: title and text only).
# Reviewed by eye on 2026-11-25; `pytest --update-golden` rewrites it.
"""


def _decide_all(article: Article) -> dict[str, str]:
    return {level: _decision_key(judge(clean(article, level), level)) for level in LEVELS}


def test_every_sample_article_gets_its_golden_decision(sample_articles, update_golden) -> None:  # type: ignore[no-untyped-def]
    current = {a.title: _decide_all(a) for a in sample_articles}
    golden = _golden(DATA / "enwiki_sample_decisions.yaml", current, SAMPLE_HEADER, update_golden)
    assert set(golden) == set(current), "the golden list must hold every article of the sample"
    diff = {t: (golden[t], current[t]) for t in current if golden[t] != current[t]}
    assert not diff, diff


def test_abortion_and_anarchism_decisions_are_the_documented_ones(sample_articles) -> None:  # type: ignore[no-untyped-def]
    by_title = {a.title: a for a in sample_articles}
    abortion = judge(clean(by_title["Abortion"]))
    assert (abortion.keep, abortion.reason) == (True, "kept-on-purpose")
    assert "health" in abortion.detail and "strict" in abortion.detail
    strict = judge(clean(by_title["Abortion"], "strict"), "strict")
    assert (strict.keep, strict.reason) == (False, "mature-topic")
    for level in LEVELS:
        assert judge(clean(by_title["Anarchism"], level), level).keep


def _summary_articles() -> list[tuple[str, Article]]:
    out = []
    for lang in ("en", "es"):
        data = json.loads((DATA / f"summaries_{lang}.json").read_text("utf-8"))
        for key, item in data.items():
            out.append((f"{lang}:{key}", Article(title=item["title"], lead=(Text(item["extract"]),), lang=lang)))
    return out


def test_real_summaries_get_their_golden_decisions(update_golden) -> None:  # type: ignore[no-untyped-def]
    current = {key: _decide_all(a) for key, a in _summary_articles()}
    golden = _golden(DATA / "summaries_decisions.yaml", current, SUMMARIES_HEADER, update_golden)
    diff = {t: (golden.get(t), current[t]) for t in current if golden.get(t) != current[t]}
    assert not diff, diff
    # The ones that matter most, spelled out:
    assert current["en:Pornography"]["loose"] == "exclude: sexual-content"
    assert current["en:Oral sex"]["default"] == "exclude: sexual-content"
    assert current["es:Sexo oral"]["default"] == "exclude: sexual-content"
    assert current["en:Puberty"]["default"].startswith("keep")
    assert current["en:Sexual reproduction"]["default"].startswith("keep")
    assert current["en:Nanjing Massacre"]["default"] == "keep"
    assert current["en:Rapeseed"]["strict"] == "keep"
    assert current["en:Casino"]["default"] == "exclude: gambling"
    assert current["en:Casino"]["loose"] == "keep"


def test_no_strong_word_is_left_in_any_cleaned_sample_article(sample_articles) -> None:  # type: ignore[no-untyped-def]
    """Strongest tier: nothing of it in any text a reader sees, at any level."""
    for level in LEVELS:
        for article in sample_articles:
            cleaned = clean(article, level)
            if not judge(cleaned, level).keep:
                continue
            seen = [article.title] + [t.text for t in cleaned.iter_texts()]
            seen += [s.title for s in cleaned.iter_sections()]
            seen += [f"{x.target} {x.text}" for x in cleaned.see_also] + [i.caption for i in cleaned.images]
            seen += list(cleaned.categories)
            for text in seen:
                assert not scan(text, cleaned.lang).strong, (level, article.title, text)


def test_the_sample_has_strong_words_before_cleaning(sample_articles) -> None:  # type: ignore[no-untyped-def]
    """The test above can fail: the real sample does hold strong words before clean()."""
    dirty = {a.title for a in sample_articles for t in a.iter_texts() if scan(t.text, a.lang).strong}
    assert {"Actrius", "Animal (disambiguation)"} <= dirty


def test_built_sample_has_no_strong_word_in_pages_search_or_suggestions(sample_db) -> None:  # type: ignore[no-untyped-def]
    """End to end: the sample built by the real build (which calls clean and judge)."""
    from kidpedia.store import Store

    store = Store(sample_db)
    titles = store.titles(limit=1000)
    assert len(titles) > 90
    for title in titles:
        article = store.get(title)
        assert article is not None
        for text in [article.title] + [t.text for t in article.iter_texts()] + [s.title for s in article.iter_sections()]:
            assert not scan(text, article.lang).strong, (title, text)
    for word in ("fuck", "bitchy", "shit", "cunt"):
        assert store.search(word) == [] or all(not scan(h.snippet).strong for h in store.search(word))
    for prefix in ("f", "fu", "s", "sh", "b", "bi", "c", "a", "an", "n"):
        for suggestion in store.suggest(prefix, limit=50):
            assert not is_blocked_term(suggestion), suggestion


# ---- passage removal details ---------------------------------------------------------------


def test_links_stay_valid_after_removing_a_sentence() -> None:
    text = "Aardwolves eat termites. The song was called Fuck Off by a band. They live in Africa and Asia."

    def span(word: str, target: str) -> LinkSpan:
        return LinkSpan(text.index(word), text.index(word) + len(word), target)

    links = (span("termites", "Termite"), span("Fuck Off", "Fuck Off"), span("Africa", "Africa"), span("Asia", "Asia"))
    cleaned = clean(Article("Test", lead=(Text(text, links),))).lead[0]
    assert cleaned.text == "Aardwolves eat termites. They live in Africa and Asia."
    assert [(cleaned.text[s.start:s.end], s.target) for s in cleaned.links] == [
        ("termites", "Termite"), ("Africa", "Africa"), ("Asia", "Asia")]


def test_a_section_goes_whole_when_most_of_it_goes() -> None:
    bad = Section("Lyrics", 2, (Text("The chorus says fuck. Then shit. Then a bitch line. The tune is in C major."),))
    good = Section("History", 2, (Text("The band formed in 1990. The chorus says fuck it."),))
    article = Article("Test", lead=(Text("A band."),), sections=(bad, good))
    cleaned = clean(article)
    assert [s.title for s in cleaned.sections] == ["History"]
    assert cleaned.sections[0].paragraphs[0].text == "The band formed in 1990."
    assert cleaned.stats["sections_removed"] == 1
    assert cleaned.stats["passages_removed"] == 5


def test_bad_heading_list_item_fact_and_see_also_go() -> None:
    article = Article(
        "Test",
        lead=(Text("A page."),),
        sections=(Section("Fuck this", 2, (Text("Nothing bad here."),)),
                  Section("Songs", 2, (Text("Bitch Better Have My Money (2015)", kind="li"), Text("Umbrella (2007)", kind="li")))),
        quick_facts=QuickFacts("infobox song", rows=(FactRow("Label", (Text("Shit Records"), Text("Island"))),)),
        see_also=(Link("Motherfucker (song)", "Motherfucker"), Link("Music", "Music")),
        images=(Image("Cover.jpg", "A cunt joke"),),
        categories=("Songs", "Fuck songs"),
    )
    cleaned = clean(article)
    assert [s.title for s in cleaned.sections] == ["Songs"]
    assert [t.text for t in cleaned.sections[0].paragraphs] == ["Umbrella (2007)"]
    assert [v.text for v in cleaned.quick_facts.rows[0].values] == ["Island"]  # type: ignore[union-attr]
    assert cleaned.stats["facts_removed"] == 1
    assert [x.target for x in cleaned.see_also] == ["Music"]
    assert cleaned.images == ()  # a picture whose caption is refused is not shown at all (issue 9)
    assert cleaned.categories == ("Songs",)


def test_strict_level_removes_adult_sentences_default_keeps_them() -> None:
    text = "The aardwolf has two anal glands. Alaska has the highest rate of sexual assault in the nation."
    article = Article("Test", lead=(Text(text),))
    assert clean(article).lead[0].text == text
    assert clean(article, "strict").lead[0].text == "The aardwolf has two anal glands."


# ---- article decisions -----------------------------------------------------------------------


def _article(title: str, categories: tuple[str, ...] = (), infobox: str | None = None, lang: str = "en") -> Article:
    """A synthetic article (test input, not a Wikipedia page) with harmless text."""
    qf = QuickFacts(infobox) if infobox else None
    return Article(title, lead=(Text("This is a page about a person or a thing."),), categories=categories,
                   quick_facts=qf, lang=lang)


@pytest.mark.parametrize("article,level,reason", [
    (_article("Jane Roe", ("American pornographic film actresses", "1980 births")), "loose", "adult-performer"),
    (_article("Jane Roe", ("1980 births",), infobox="Infobox adult biography"), "default", "adult-performer"),
    (_article("Some film", ("2001 pornographic films",)), "default", "sexual-content"),
    (_article("Cunt (word)"), "loose", "explicit-title"),
    (_article("Fuck (film)"), "default", "explicit-title"),
    (_article("Nigger"), "default", "explicit-title"),
    (_article("Some word", ("English profanity",)), "default", "profanity"),
    (_article("Some word", ("Ethnic and religious slurs",)), "default", "slur"),
    (_article("Some site", ("Shock sites",)), "loose", "gore"),
    (_article("Bong", ("Drug paraphernalia",)), "default", "drug-use"),
    (_article("Suicide methods"), "default", "self-harm"),
    (_article("Texas hold 'em", ("Poker variants",)), "default", "gambling"),
    (_article("Sexo oral", lang="es"), "default", "sexual-content"),
    (_article("Abortion"), "strict", "mature-topic"),
])
def test_article_signals_exclude(article: Article, level: str, reason: str) -> None:
    d = judge(article, level)
    assert (d.keep, d.reason) == (False, reason), d.detail
    assert d.detail


@pytest.mark.parametrize("article,level", [
    (_article("Texas hold 'em", ("Poker variants",)), "loose"),
    (_article("Bong", ("Drug paraphernalia",)), "loose"),
    (_article("Abortion"), "default"),
    (_article("Scunthorpe", ("Towns in Lincolnshire",)), "strict"),
    (_article("Essex", ("Counties of England",)), "strict"),
    (_article("Cocktail", ("Cocktails",)), "strict"),
    (_article("Moby-Dick", ("1851 novels",)), "strict"),
    (_article("Cockatoo", ("Cockatoos",)), "strict"),
])
def test_innocent_or_looser_articles_are_kept(article: Article, level: str) -> None:
    d = judge(article, level)
    assert d.keep, d.detail


def test_decision_is_a_frozen_dataclass_and_explains_itself() -> None:
    d = judge(_article("Fuck (film)"))
    assert [f.name for f in dataclasses.fields(Decision)] == ["keep", "reason", "detail"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.keep = True  # type: ignore[misc]
    assert "the title holds f***" in d.detail  # masked: details end up in build logs
    report = explain(_article("Fuck (film)"))
    assert "EXCLUDED" in report and "explicit-title" in report and "the title holds f***" in report


def test_unknown_level_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        judge(_article("Cat"), "medium")
    with pytest.raises(UsageError):
        is_blocked_query("cat", level="medium")


def test_dense_explicit_text_excludes_an_article_without_category_signals() -> None:
    """Red-team passages repeated as a whole article: judged from text alone."""
    passages = tuple(Text(p) for p in REDTEAM["passages"]["en"][:12])
    article = Article("Some page", lead=(Text("A page."),), sections=(Section("Part", 2, passages),))
    d = judge(article)
    assert not d.keep and d.reason == "explicit-text", d.detail


def test_docs_numbers_match_the_test_data() -> None:
    """docs/safety.md states the sizes of the red-team, keep and golden sets: keep them true."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "safety.md").read_text("utf-8")
    n_passages, n_queries = len(_cases(REDTEAM, "passages")), len(_cases(REDTEAM, "queries"))
    n_keep_en, n_keep_es = len(KEEP["en"]), len(KEEP["es"])
    n_innocent = len(_cases(REDTEAM, "keep_queries"))
    n_summaries = sum(len(json.loads((DATA / f"summaries_{lang}.json").read_text("utf-8"))) for lang in ("en", "es"))
    assert f"{n_passages} passages and {n_queries} queries" in doc
    assert f"{n_keep_en + n_keep_es} real sentences ({n_keep_en} from" in doc and f"{n_keep_es} from Spanish" in doc
    assert f"{n_innocent} innocent queries" in doc
    assert f"{n_summaries} real Wikipedia lead summaries" in doc
