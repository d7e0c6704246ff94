"""Quiz, timeline, "Did you know?" and topics (kidify/facts.py, kidify/topics.py): every
rule's own example, and the real sample's Einstein and American Revolutionary War."""

from __future__ import annotations

import pytest

from kidpedia.kidify import facts, topics
from kidpedia.kidify.reading import sentences
from kidpedia.model import Article, FactRow, QuickFacts, Text

RULES = [(lang, r) for lang in ("en",) for r in facts.rules(lang)]


@pytest.mark.parametrize("lang,rule", RULES, ids=[f"{r.labels[0]}-{r.kind}" for _, r in RULES])
def test_every_quiz_rule_asks_its_example(lang: str, rule: facts.Rule) -> None:
    ex = rule.example
    label = rule.labels[0].capitalize()
    article = Article(ex["title"], quick_facts=QuickFacts("infobox x", rows=(FactRow(label, (Text(ex["value"]),)),)),
                      lang=lang)
    asked = {a.question: a for a in facts.fact_answers(article)}
    question = rule.question.format(title=ex["title"])
    assert question in asked, asked
    assert asked[question].answer == ex["answer"]
    assert asked[question].fact == ex.get("fact", "")


def test_labels_are_compared_loosely() -> None:
    assert facts.label_key("Spouse(s)") == "spouse"
    assert facts.label_key(" Official languages: ") == "official languages"


def _person(title: str, born: str, died: str) -> Article:
    rows = (FactRow("Born", (Text(born),)), FactRow("Died", (Text(died),)))
    return Article(title, quick_facts=QuickFacts("infobox scientist", rows=rows))


def test_quiz_takes_wrong_choices_from_the_same_field_of_similar_articles() -> None:
    einstein = _person("Albert Einstein", "14 March 1879, Ulm, Germany", "18 April 1955, Princeton")
    answers = facts.fact_answers(einstein)
    assert [a.question for a in answers] == [
        "When was Albert Einstein born?", "Where was Albert Einstein born?", "When did Albert Einstein die?"]
    pools = {"born": [["2 February 1803", "14 March 1879", "26 July 1894", "1 April 1947"], ["9 May 1900"]],
             "born/place": [["Danzig", "Stagira", "Ulm", "Bern"]],
             "died": [["1 May 1901", "2 June 1902", "3 July 1903"]]}
    quiz = facts.make_quiz(einstein, answers, pools)
    assert len(quiz) == 3
    born = quiz[0]
    assert born.choices[born.answer] == "14 March 1879"
    assert len(born.choices) == 4 and len(set(born.choices)) == 4
    # wrong choices come from the similar articles' tier first, never the next tier
    assert set(born.choices) - {"14 March 1879"} <= {"2 February 1803", "26 July 1894", "1 April 1947"}
    assert quiz[1].choices[quiz[1].answer] == "Ulm"
    # the same article and pools give the same quiz (no random source)
    assert facts.make_quiz(einstein, answers, pools) == quiz


def test_a_date_question_without_enough_similar_answers_gets_nearby_years() -> None:
    einstein = _person("Albert Einstein", "14 March 1879, Ulm", "18 April 1955, Princeton")
    quiz = facts.make_quiz(einstein, facts.fact_answers(einstein), {"born/place": [["Danzig", "Bern"]]})
    born = quiz[0]
    assert born.choices[born.answer] == "14 March 1879"
    assert all(c.startswith("14 March 18") for c in born.choices)


def test_too_few_questions_make_no_quiz() -> None:
    a = _person("Somebody", "1 May 1900", "2 May 1980")
    assert facts.make_quiz(a, facts.fact_answers(a)[:2], {}) == []


def test_timeline_puts_dated_sentences_in_date_order() -> None:
    lead = (Text("In 1905 he wrote four papers. He was born on 14 March 1879 in Ulm. "
                 "About 2500 people came. In 1990s music was loud. He died in 1955."),)
    events = facts.timeline(Article("Albert Einstein", lead=lead))
    assert [(e.date, e.year) for e in events] == [("14 March 1879", 1879), ("1905", 1905), ("1955", 1955)]
    assert events[0].text == "He was born on 14 March 1879 in Ulm."
    assert (events[0].month, events[0].day) == (3, 14)


def test_timeline_reads_years_before_christ() -> None:
    lead = (Text("Aristotle was born in 384 BC. He died in 322 BC. He taught Alexander in 343 BC."),)
    events = facts.timeline(Article("Aristotle", lead=lead))
    assert [e.year for e in events] == [-384, -343, -322]


def test_real_einstein_and_war(sample_raw_pages) -> None:  # type: ignore[no-untyped-def]
    from kidpedia.pipeline import process_page

    pages = {p.title: p for p in sample_raw_pages if p.title in ("Albert Einstein", "American Revolutionary War")}
    einstein = process_page(pages["Albert Einstein"])
    war = process_page(pages["American Revolutionary War"])
    assert isinstance(einstein, Article) and isinstance(war, Article)
    assert facts.is_good(einstein) and facts.is_good(war)
    born = {a.question: a.answer for a in facts.fact_answers(einstein)}
    assert born["When was Albert Einstein born?"] == "14 March 1879"
    assert born["Where was Albert Einstein born?"] == "Ulm"
    assert {a.question: a.answer for a in facts.fact_answers(war)}["When did the American Revolutionary War start?"] == "April 19, 1775"
    events = facts.timeline(war)
    assert len(events) >= 5
    years = [e.year for e in events]
    assert years == sorted(years) and 1783 in years
    fact = facts.did_you_know(einstein)
    assert fact.endswith(".") and fact in (
        "Albert Einstein was born on 14 March 1879.", "Albert Einstein was born in Ulm.",
        *[s for t in einstein.lead for s in sentences(t.text)])


def test_did_you_know_from_quick_facts_or_the_lead() -> None:
    lead = (Text("Somebody was a person. She lived in a house by the sea for a very long time."),)
    said = set()
    for n in range(12):
        a = Article(f"Person {n}", lead=lead,
                    quick_facts=QuickFacts("infobox person", rows=(FactRow("Born", (Text("1 May 1900, Ulm"),)),)))
        fact = facts.did_you_know(a)
        assert fact in (f"Person {n} was born on 1 May 1900.", f"Person {n} was born in Ulm.",
                        "She lived in a house by the sea for a very long time.")
        said.add("box" if fact.startswith("Person") else "lead")
        assert facts.did_you_know(a) == fact  # the same article, the same fact
    assert said == {"box", "lead"}


def test_lists_and_disambiguation_pages_are_not_good() -> None:
    lead = (Text("x " * 300),)
    assert not facts.is_good(Article("List of things", lead=lead))
    assert not facts.is_good(Article("Mercury (disambiguation)", lead=lead))
    assert not facts.is_good(Article("Short", lead=(Text("A stub."),)))


TOPIC_EXAMPLES = [(t.id, ex) for t in topics.topics() for ex in t.examples]


@pytest.mark.parametrize("topic_id,example", TOPIC_EXAMPLES,
                         ids=[f"{t}-{i}" for i, (t, _) in enumerate(TOPIC_EXAMPLES)])
def test_every_topic_example(topic_id: str, example: dict) -> None:  # type: ignore[type-arg]
    got = topics.topics_for(example["infobox"], example["categories"])
    assert topic_id in got
    assert set(example["in"]) <= set(got), got


def test_category_heads_not_their_tails() -> None:
    assert "animals" not in topics.topics_for("", ["Novels about animals"])
    assert "animals" in topics.topics_for("", ["Mammals of Africa"])
    # an infobox that names a topic decides alone
    assert topics.topics_for("infobox book", ["Novels about animals", "Science fiction"]) == ["art-and-music"]


@pytest.mark.parametrize("extra", [-2, -1, 0, 1, 50])
def test_good_needs_good_words_words_and_a_picture(extra: int) -> None:
    from kidpedia.model import Image

    lead = "Otters are small animals that swim in rivers and eat fish, frogs and crabs every day."
    words = len(lead.split())
    rest = " ".join(["word"] * (facts.GOOD_WORDS - words + extra))
    body = (Text(lead), Text(rest)) if rest else (Text(lead),)
    pictured = Article(title="Otter", lang="en", lead=body, images=(Image("Otter.jpg"),))
    assert facts.is_good(pictured) == (words + max(0, facts.GOOD_WORDS - words + extra) >= facts.GOOD_WORDS)
    assert facts.is_good(pictured, " \n ".join(["w"] * (facts.GOOD_WORDS + extra)) + "  ") == (extra >= 0)
    assert not facts.is_good(Article(title="Otter", lang="en", lead=body))
