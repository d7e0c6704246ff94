"""Reading levels of an article (kidify/levels.py): the subject said as a pronoun, facts
kept on the real sample, and each level easier than the one above."""

from __future__ import annotations

import pytest

from kidpedia.kidify import levels
from kidpedia.model import Article, Section, Text


def test_subject_said_as_a_pronoun_after_the_first_sentence() -> None:
    a = Article(
        "Albert Einstein",
        lead=(Text("Albert Einstein was a physicist. He was born in Ulm. His father sold beds."),),
        sections=(Section("Life", 2, (Text("Einstein was born in 1879. Einstein's work is famous."),)),),
    )
    text = [t.text for t in levels._body(levels.at_level(a, 2))]
    assert text[0].startswith("Albert Einstein was a physicist.")
    assert text[1] == "He was born in 1879. Einstein's work is famous."  # a possessive keeps the name
    thing = Article("Abacus", lead=(Text("An abacus is a tool. It counts."), Text("Abacus was used in Rome.")))
    assert [t.text for t in levels._body(levels.at_level(thing, 2))][1] == "It was used in Rome."
    frogs = Article("Amphibians", lead=(Text("Amphibians are animals."), Text("Amphibians are cold-blooded.")))
    assert [t.text for t in levels._body(levels.at_level(frogs, 2))][1] == "They are cold-blooded."


@pytest.fixture(scope="module")
def some_articles(sample_articles: list[Article]) -> list[Article]:
    return [a for a in sample_articles if a.lead][:25]


@pytest.mark.parametrize("level", [1, 2])
def test_levels_keep_the_facts_of_what_they_show(some_articles: list[Article], level: int) -> None:
    kept = stated = unchanged = shown = 0
    for a in some_articles:
        k, s, u, n = levels.fact_retention(a, level)
        kept, stated, unchanged, shown = kept + k, stated + s, unchanged + u, shown + n
    assert stated > 100 and shown > 100
    assert kept / stated >= 0.95, (kept, stated)
    assert unchanged / shown >= 0.97, (unchanged, shown)


def test_a_level_shows_no_heading_with_nothing_under_it(some_articles: list[Article]) -> None:
    # Anarchism's level 2 showed "Origins", "Spanish Revolution", ... with no sentence under them
    empty = [(a.title, level, s.title) for a in some_articles[:6] for level in (1, 2)
             for s in levels.at_level(a, level).iter_sections() if not s.paragraphs and not s.sections]
    assert not empty


def test_each_level_reads_easier(some_articles: list[Article]) -> None:
    meet = meet_one = easier = short = 0
    for a in some_articles:
        full = levels.article_totals(a).fkgl
        two = levels.article_totals(levels.at_level(a, 2))
        one = levels.article_totals(levels.at_level(a, 1))
        assert two.fkgl < full, a.title
        easier += not one.words or one.fkgl < full
        meet += two.fkgl <= levels.TARGET_FKGL[2]
        meet_one += bool(one.words) and one.fkgl <= levels.TARGET_FKGL[1]
        short += one.words < levels.LEAST_WORDS[1]
    # ratchets, as measured on 2 December 2026: level 2 meets its target on 21 of these 25
    # (19 asked: 18 after a sentence whose pronoun points outside it needed its antecedent
    # shown); level 1 on 1 (as before kidify/plain.py: its gains are on the rest of the sample,
    # bench/readability.py) while every level-1 page but Alien's (6 words in all) is a real
    # read of 40 words or more (7 were shorter, "List of Atlas Shrugged characters" met the
    # grade with 12 words); level 1 reads easier than the full article on all 25
    assert meet >= 19 and meet_one >= 1 and easier >= 25 and short <= 1, (meet, meet_one, easier, short)


def test_a_level_shows_only_sentences_that_stand_alone() -> None:
    assert levels.readable("He never joined a church.")
    for bad in ("Lincoln. 2. George Washington.", 'He told them "Pardon me, sorry!', "Examples are as follows:",
                "Examples are as follows.", "(Albert's sister Maja married Paul."):
        assert not levels.readable(bad), bad
    a = Article("Lists", lead=(Text("Lists are long things that people write down."),
                               Text("The best were: 1. Lincoln. 2. George Washington. Lincoln was tall and thin.")))
    shown = " ".join(t.text for t in levels._body(levels.at_level(a, 2)))
    assert "2." not in shown and "Lincoln was tall" in shown


def test_the_selection_keeps_what_leans_together_and_says_a_sentence_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(levels.LEAST_WORDS, 1, 0)  # these pages are tiny: the grade alone chooses
    hard = ("The committee's extraordinarily complicated deliberations concerning jurisdictional "
            "responsibilities continued indefinitely.")
    a = Article("Foxes", lead=(
        Text("Foxes are small wild dogs."),
        Text(f"{hard} This made the old rules stay."),
        Text(f"Foxes eat mice. {hard} But the red fox eats fruit. Foxes eat mice."),
    ))
    shown = [t.text for t in levels._body(levels.at_level(a, 1))]
    text = " ".join(shown)
    assert shown[0] == "Foxes are small wild dogs."
    assert "This made" not in text  # it leans on the hard sentence the level left out
    assert text.count("eat mice") == 1  # the same sentence once
    assert "The red fox eats fruit." in text  # shown without the sentence before: no "But"
    b = Article("Alberta", lead=(Text("Alberta is a province. It is big. It is cold."),
                                 Text(f"{hard} The lake was named in her honour.")))
    assert "her honour" not in " ".join(t.text for t in levels._body(levels.at_level(b, 1)))  # her: who?
    c = Article("Foxes", lead=(Text("Foxes are small wild dogs."), Text(f"{hard} Based on this evidence, foxes are shy.")))
    assert "this evidence" not in " ".join(t.text for t in levels._body(levels.at_level(c, 1)))  # which evidence?
    assert levels._POINTS_BACK.search("Some still sing it to this day.") is None


def test_a_hard_opening_at_level_1_keeps_what_and_where_and_may_leave_out_other_names(
        sample_articles: list[Article]) -> None:
    """Afghanistan's opening reads too hard for level 1: the page still says where it is (a
    page that left that out read at grade 4, with 5 of its facts lost); only its other name
    ("Its full name is ...") may go."""
    a = next(x for x in sample_articles if x.title == "Afghanistan")
    text = " ".join(t.text for t in levels._body(levels.at_level(a, 1)))
    assert text.startswith("Afghanistan is a country. It has no coast. It is in South Asia and Central Asia.")
    assert levels._NAMING.match("Its full name is the Islamic Republic of Afghanistan.")
    assert levels._NAMING.match("It is also called paraffin.")
    assert not levels._NAMING.match("It is located in South Asia and Central Asia.")


def test_level_1_is_short() -> None:
    a = Article("Cats", lead=(Text("Cats are small animals. " + "Cats like to play with a ball. " * 1),),
                sections=tuple(Section(f"Part {i}", 2, (Text(f"Cat number {i} sat on a mat. It was red."),))
                               for i in range(80)))
    one = levels.article_totals(levels.at_level(a, 1))
    assert one.words <= levels.LEVEL_WORDS[1] + 10 < levels.article_totals(a).words


def test_a_phrase_without_a_verb_is_no_sentence() -> None:
    for bad in ("A Service Module.", "And a Lunar Module for landing on the Moon."):
        assert not levels.readable(bad), bad
    for good in ("Yet the contest began.", "No animal shall drink alcohol to excess.", "Frogs eat flies."):
        assert levels.readable(good), good


def test_a_pronoun_that_refers_outside_keeps_its_antecedent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(levels.LEAST_WORDS, 1, 0)  # a tiny page: the grade alone chooses
    hard = ("The committee's extraordinarily complicated deliberations concerning jurisdictional "
            "responsibilities continued indefinitely.")
    a = Article("Albania", lead=(Text("Albania is a country in Europe. It has a coast."),),
                sections=(Section("Cuisine", 2, (Text(f"{hard} It includes a dish of meat. It is hot."),)),
                          Section("Food", 2, (Text("It is eaten with bread. It is good."),)),
                          Section("History", 2, (Text(f"{hard} It is unclear whether these three strands met."),))))
    for level in (1, 2):
        text = " ".join(t.text for t in levels._body(levels.at_level(a, level)))
        assert "It has a coast." in text  # the lead's "it" is the subject
        assert "dish of meat" not in text and "It is hot" not in text  # "it" is the cuisine: its antecedent is not shown
        assert "eaten with bread" not in text  # "it" at a section's start: the heading, not the subject
        assert "these three strands" not in text, text


def test_a_person_is_never_it() -> None:
    from kidpedia.model import FactRow, QuickFacts

    box = QuickFacts("infobox scientist", "Alain Connes", None, (FactRow("Born", (Text("1 April 1947"),)),))
    a = Article("Alain Connes", quick_facts=box, lead=(Text(
        "Alain Connes is a French mathematician, Professor at the Collège de France. He won a prize."),))
    assert levels._pronoun(a)[0] == "He"
    assert "It is Professor" not in " ".join(t.text for t in levels._body(levels.at_level(a, 2)))
    flight = Article("Apollo 11", quick_facts=QuickFacts("infobox spaceflight", "Apollo 11", None, ()), lead=(Text(
        "Apollo 11 was the spaceflight that landed humans on the Moon. He walked. He talked. He slept."),))
    assert levels._pronoun(flight)[0] == "It"


def test_a_sentence_and_the_one_it_leans_on_are_weighed_together() -> None:
    hard = ("The committee's extraordinarily complicated deliberations concerning jurisdictional "
            "responsibilities continued indefinitely.")
    leaned_on = "Foxes' extraordinarily sophisticated territorial vocalizations communicate reproductive availability."
    a = Article("Foxes", lead=(Text(hard), Text(f"{leaned_on} These calls carry far.")))
    text = " ".join(t.text for t in levels._body(levels.at_level(a, 2)))
    assert "These calls carry far." in text and "vocalizations" in text  # shown together: easier than alone


def test_no_fragment_layout_pointer_or_wrong_agreement_is_shown() -> None:
    for bad in ("Being sent toward the Moon by the Saturn V's upper stage.", "The table below lists the groups.",
                "Their relations are shown in the figure in the upper right.", "They makes them slippery.",
                "See below for more.", 'Auto" and Aldrin continued "Mode control - both auto.',
                "I.e., the ones needed for landing.", "Sameness is resistance to change; for example."):
        assert not levels.readable(bad), bad
    for good in ("Having won the race, he was happy.", "They make them slippery.", "It flew above the clouds.",
                 'He said "Stop." and left.', 'The word "auto" means self.'):
        assert levels.readable(good), good


def test_a_box_sentence_is_not_said_twice() -> None:
    from kidpedia.model import FactRow, QuickFacts

    box = QuickFacts("infobox scientist", "", None, (FactRow("Born", (Text("14 March 1879, Ulm"),)),))
    a = Article("Albert Einstein", quick_facts=box, lead=(Text(
        "Albert Einstein was a German physicist. He was born in Ulm on 14 March 1879. He was a man."),))
    for level in (1, 2):
        text = " ".join(t.text for t in levels._body(levels.at_level(a, level)))
        assert text.count("14 March 1879") == 1, text


def test_a_sentence_leans_on_the_one_just_before_it() -> None:
    a = Article("Alabama", lead=(Text("Alabama is a state."),),
                sections=(Section("Name", 2, (Text(
                    "Some say the name comes from a word. The state has many names. The state has many names. "
                    "This is probably wrong."),)),))
    text = " ".join(t.text for t in levels._body(levels.at_level(a, 2)))
    assert "many names" in text and "probably wrong" not in text  # its antecedent is the repeat, not shown


def test_level_1_shows_no_sentence_about_words_in_another_script(sample_articles: list[Article]) -> None:
    assert levels._foreign("It is used to mean energy or force, as in 電気 and 磁気.")
    assert not levels._foreign('The word "amphibian" comes from the Ancient Greek term ἀμφίβιος.')
    assert not levels._foreign("The country is called Shqipëri by its people, in Durrës too.")
    a = next(x for x in sample_articles if x.title == "Aikido")
    one = " ".join(t.text for t in levels._body(levels.at_level(a, 1)))
    assert "気持ち" not in one
    kanji = "The kanji for ki normally is written as 気."  # one word, named: level 1 may show it
    assert not levels._foreign(kanji) and not levels._not_level1(kanji) and levels.readable(kanji)
    assert "気持ち" in " ".join(t.text for t in levels._body(levels.at_level(a, 2)))  # level 2 keeps it


def test_a_person_with_no_pronoun_in_the_lead_is_said_as_the_article_says() -> None:
    from kidpedia.model import FactRow, QuickFacts

    box = QuickFacts("infobox person", "", None, (FactRow("Born", (Text("3 April 1885"),)),))
    dwan = Article("Allan Dwan", lead=(Text("Allan Dwan was a Canadian-born American movie director."),),
                   sections=(Section("Life", 2, (Text("He studied engineering. His brother was a doctor. He moved to "
                                                      "Chicago. Dwan directed 125 movies. He directed his last movie "
                                                      "in 1961."),
                                                 Text("He died in Los Angeles at the age of ninety-six."))),),
                   quick_facts=box)
    assert levels._pronoun(dwan)[0] == "He"
    text = " ".join(t.text for t in levels._body(levels.at_level(dwan, 2)))
    assert "He was a Canadian-born American." in text
    assert "He died in Los Angeles" in text  # a paragraph about him after one that names him


def test_the_thing_said_with_the_is_said_as_its_pronoun() -> None:
    mean = Article("Arithmetic mean", lead=(Text("The arithmetic mean is the sum of numbers divided by their count."),
                                            Text("The arithmetic mean is easy to work out.")))
    assert [t.text for t in levels._body(levels.at_level(mean, 2))][1] == "It is easy to work out."


def test_a_list_item_that_opens_with_a_gerund_is_no_sentence() -> None:
    # the sample's Agricultural science page showed this list item without its lead-in
    assert not levels.readable("Minimizing the effects of pests on crop or animal production systems.")
    assert levels.readable("Taking courses that teach how to write papers is useful.")
    assert levels.readable("Singing birds eat seeds.")


def test_the_subject_after_an_opening_phrase_is_the_subject() -> None:
    # the sample's Allan Dwan: "He" after a sentence whose main clause says "Dwan" is Dwan
    he = ("He", "Allan Dwan", "Dwan")
    assert levels._subject_said("Over a long career spanning almost 50 years, Dwan directed 125 movies.", he)
    assert levels._subject_said("While still in New York, he was the founding president of the chapter.", he)
    assert not levels._subject_said("After making a series of westerns, Pickford and Dwan made movies.", he)
    assert not levels._subject_said("In 1911, Mary Pickford directed a movie.", he)
    assert not levels._subject_said("Dwan, Fleming and Neilan worked there.", ("It", "Dwan"))
    assert not levels._subject_said("In 1990, it rained.", ("It", "Albania"))


def test_a_sentence_split_from_one_is_shown_after_the_subject_said_after_an_opening_phrase() -> None:
    hard = ("After making a series of westerns and comedies, Dwan directed fellow Canadian-American Mary Pickford in "
            "several successful movies and her husband, Douglas Fairbanks, notably in the praised 1922 Robin Hood.")
    a = Article("Allan Dwan", lead=(Text("Allan Dwan was a movie director. He was born in Toronto. He made movies."),),
                sections=(Section("Career", 2, (Text(
                    f"{hard} He directed Gloria Swanson in eight feature movies and one short movie made in the "
                    "short-lived sound-on-film process Phonofilm."),)),))
    text = " ".join(t.text for t in levels._body(levels.at_level(a, 2)))
    # "It was made ..." is the short movie's, said by the split: the pair leans on nothing before it
    assert ("He directed Gloria Swanson in eight feature movies and one short movie. It was made in the "
            "short-lived sound-on-film process Phonofilm.") in text, text
    assert "Pickford" not in text  # "her husband": that one leans on what came before


def test_level_one_says_the_pronoun_before_a_verb_in_s_and_for_a_possessive() -> None:
    # the sample's Anarchism and Abraham Lincoln pages; level 2 keeps the name
    it = ("It", "Anarchism", "The anarchism")
    assert levels._say_pronoun("Anarchism draws on many currents of thought.", it, True) == \
        "It draws on many currents of thought."
    assert levels._say_pronoun("Anarchism draws on many currents of thought.", it) == \
        "Anarchism draws on many currents of thought."
    assert levels._say_pronoun("Alabama schools in rural areas are small.", ("It", "Alabama"), True) == \
        "Alabama schools in rural areas are small."  # a plural noun, no verb
    he = ("He", "Abraham Lincoln", "Lincoln")
    assert levels._say_pronoun("Lincoln's main goal was to reunite the nation.", he, True) == \
        "His main goal was to reunite the nation."
    assert levels._say_pronoun("Lincoln's main goal was to reunite the nation.", he) == \
        "Lincoln's main goal was to reunite the nation."
    frogs = ("It", "Amphibians")
    assert levels._say_pronoun("Amphibians' skin is thin.", frogs, True) == "Amphibians' skin is thin."
    schopenhauer = ("He", "Arthur Schopenhauer", "Schopenhauer")
    assert levels._say_pronoun("But Schopenhauer has had a huge impact.", schopenhauer, True) == \
        "But he has had a huge impact."
    assert levels._say_pronoun("But Schopenhauer's work lived on.", schopenhauer, True) == \
        "But Schopenhauer's work lived on."  # "his" after a link word would read as the one before's


def test_the_name_before_a_modal_is_said_as_the_pronoun() -> None:
    # the sample's Arithmetic mean: "The arithmetic mean may be ..." past the opening
    it = ("It", "Arithmetic mean", "The arithmetic mean")
    assert levels._say_pronoun("The arithmetic mean may be contrasted with the median.", it) == \
        "It may be contrasted with the median."
    assert levels._say_pronoun("Amphibians may be small.", ("It", "Amphibians")) == "They may be small."
    assert levels._say_pronoun("The arithmetic mean maybe works.", it) == "The arithmetic mean maybe works."


def test_a_list_item_that_counts_or_labels_things_is_no_sentence() -> None:
    # the sample's Angolan Armed Forces, Austroasiatic and Afroasiatic languages pages showed these
    for bad in ("18 T-62 Main battle tanks.", "12 2S1 Gvozdika 122 mm Self-propelled guns.",
                "Pearic: 6 languages of Cambodia.", "Monic: 2 languages, the Mon language of Burma.",
                "VSO typology with SVO tendencies.",
                "The route map of the people with haplogroup O2a1-M95, speaking this language can be seen in this link."):
        assert not levels.readable(bad), bad
    for good in ("364 were ordered in the 1980s and 1990s.", "80% of these spontaneous abortions happen early.",
                 "Namibia borders Angola to the south.", "Experimenters wish to limit Type II errors.",
                 "Natural seeps of asphalt happen in the Dead Sea.", "Trends hint at interactions among factors."):
        assert levels.readable(good), good


def test_it_after_the_name_as_an_owner_is_the_thing_owned() -> None:
    # the sample's Alberta: "It" is Edmonton, not Alberta
    a = Article("Alberta", lead=(Text("Alberta is a province of Canada. It is big."),),
                sections=(Section("Geography", 2, (Text(
                    "Alberta's capital city, Edmonton, is located approximately in the geographic centre of the "
                    "province. It is the most northerly major city in Canada."),)),))
    text = " ".join(t.text for t in levels._body(levels.at_level(a, 2)))
    assert "It is the most northerly major city" not in text or "Edmonton" in text, text
    he = ("He", "Albert Einstein", "Einstein")
    assert levels._subject_said("Einstein's theory changed physics.", he)
    assert not levels._subject_said("Alberta's capital city, Edmonton, is old.", ("It", "Alberta"), owner=False)


def test_there_as_a_place_said_before_leans_on_that_sentence() -> None:
    # the sample's Allan Dwan showed "Soon some movie companies worked there year-round." without the
    # sentence that says where (California)
    assert levels._leans("Soon some movie companies worked there year-round.", ("He", "Allan Dwan"))
    assert levels._leans("There he traveled with Theophrastus to the island of Lesbos.", ("He", "Aristotle"))
    for alone in ("There is little information on Aristotle's childhood.", "In 1990 there were many farms.",
                  "Where there is water, frogs live."):
        assert not levels._leans(alone, ("He", "Aristotle")), alone


def test_a_pointer_to_another_page_a_table_or_a_graph_is_no_sentence() -> None:
    # the sample's Alkane page showed these at level 2
    for bad in ("For a more complete list, see List of alkanes.", "See the alkane heat of formation table for detailed data.",
                "For alkanes this can be seen from the graph above."):
        assert not levels.readable(bad), bad
    for good in ("We can see the stars at night.", "Seeds grow in spring.", "From the hill you can see Rome."):
        assert levels.readable(good), good


def test_a_noun_phrase_a_cut_title_or_a_pointer_below_is_no_sentence() -> None:
    # the sample's Austroasiatic, Angolan Armed Forces, Anarchism and Academy Award pages showed these at level 2
    for bad in ("The Khmer dialects of Cambodia, Thailand and Vietnam.", "Unknown amounts of SA-14 Gremlin and SA-16 Gimlet.",
                "In What is Property?", "The Society for the Social Studies of Science.",
                "Each of the families that is written in boldface type below is accepted as a valid clade.",
                "No single words by 16 months.", "No two-word phrases by 24 months.",
                "Any loss of any language or social skills, at any age.",
                "Cyclic where the carbon backbone is linked to form a loop.", "Chain end where the radicals recombine.",
                "Alkanes have the general chemical formula ₙ₂ₙ₊₂."):
        assert not levels.readable(bad), bad
    for good in ("The government consists of three parts.", "Most of the cats live in towns.",
                 "Bears eat lots of fish.", "Where is the cat?", "Few species survive.", "Many birds fly south.",
                 "The simplest possible alkane is methane, CH₄.", "Paris is a city where many people live."):
        assert levels.readable(good), good


def test_the_sentences_inside_a_quotation_are_not_shown_as_facts() -> None:
    quote = ('Russell defended his action, saying, "I don\'t know why anybody would be critical. My wife\'s health is '
             'much more important than sentimental reasons. The movie will be here, even if Oscar isn\'t." '
             'Russell is the only winner to ever sell an Oscar.')
    a = Article("Oscar", lead=(Text("An Oscar is a prize for movies."), Text(quote)))
    shown = " ".join(t.text for t in levels._body(levels.at_level(a, 2)))
    assert "wife" not in shown and "The movie will be here" not in shown
    assert "Russell is the only winner to ever sell an Oscar." in shown  # after the quotation closes


def test_a_participle_after_with_is_no_verb() -> None:
    # the sample's Afroasiatic page showed this list item at level 2
    assert not levels.readable("A two-gender system in the singular, with the feminine marked by the sound /t/.")
    assert levels.readable("The town grew, with many people moved there.")
    assert not levels.readable("Morphology in which words inflect by changes in the root and with prefixes and suffixes.")
    for good in ("The town in which he lived is old.", "Rome, in which he lived, grew fast."):
        assert levels.readable(good), good


def test_the_openings_other_name_in_brackets_is_said_at_level_2() -> None:
    a = Article("Atomic number", lead=(Text("The atomic number of an element (also known as its proton number) is the "
                                            "number of protons in the nucleus of an atom of that element."),))
    shown = " ".join(t.text for t in levels._body(levels.at_level(a, 2)))
    assert "It is also called the proton number." in shown and "(" not in shown


def test_level_1_shows_no_quotation_nor_a_sentence_said_inside_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # the sample's Anarchism at level 1 showed "A great brigand becomes a ruler of a Nation." as a fact:
    # Zhuangzi's words, the second sentence of his quotation
    monkeypatch.setitem(levels.LEAST_WORDS, 1, 0)
    a = Article("Anarchism", lead=(Text("Anarchism is a philosophy."),),
                sections=(Section("History", 2, (Text(
                    'Zhuangzi wrote, "A petty thief is put in jail. A great brigand becomes a ruler of a Nation. '
                    'Lechartier wrote that "The true founder of anarchy was Jesus." Some people like it. It is old.'),)),))
    text = " ".join(t.text for t in levels._body(levels.at_level(a, 1)))
    assert "brigand" not in text and "founder" not in text and "Some people like it." in text, text
    assert not levels._not_level1('It is also called "Oscars".')  # a quoted name is no quotation


def test_level_1_shows_no_equation_nor_a_broken_formula_and_for_example_leans_back() -> None:
    # the sample's Alkane at level 1 showed "For example methane is CH₄, in which n = 1."
    for bad in ("For example methane is CH₄, in which n = 1.", "Alkanes have the general chemical formula ₙ₂ₙ₊₂.",
                "Some special functions still do not have made notations.",
                "Expressions like ~f~ or ~f~ contain symbols ~t~ and ~ω~ in equal amounts."):
        assert levels._not_level1(bad), bad
    for good in ("The simplest possible alkane is methane, CH₄.", "They do not have many friends."):
        assert not levels._not_level1(good), good
    assert levels._leans_level1("For example, methane has one carbon atom.", ("It", "Alkane"))
    # the sample's Articles of Confederation at level 1 showed "It would bear some resemblance to it."
    assert levels._leans_level1("It would bear some resemblance to it.", ("It", "Articles of Confederation"))
    assert not levels._leans_level1("It is a tool that people use.", ("It", "Abacus"))


def test_level_1_says_a_thing_once() -> None:
    # the sample's Andorra at level 1 said its army twice
    said = levels._content("It does not have its own armed forces. But there is a small ceremonial Army.")
    assert levels._says_again(levels._content("It has a small army."), said)
    assert not levels._says_again(levels._content("It has a big navy."), said)
    assert not levels._says_again(levels._content("It is a big country."), levels._content("It is a small country."))


def test_a_count_without_a_verb_is_no_sentence() -> None:
    # the sample's Aruba at level 1 showed "365 days a year."
    assert not levels.readable("365 days a year.")
    assert levels.readable("3 people died in the fire.")


def test_level_1_shows_no_sentence_cut_inside_its_how_clause() -> None:
    # the sample's Abacus at level 1 showed "The abacus shows how numbers, letters." (the simplifier split
    # "how numbers, letters, and signs can be stored" at ", and")
    assert levels._not_level1("The abacus shows how numbers, letters. Signs can be stored in a binary system.")
    for good in ("It shows how numbers, letters and signs are stored.", "He knew where to go, and when.",
                 "It is not known when, or why, it was built."):
        assert not levels._not_level1(good), good


def test_level_1_before_that_leans_a_one_word_repeat_goes_and_a_name_with_a_is_the_pronoun() -> None:
    # the sample's Academy Awards at level 1: "Before that the results were announced in early February."
    assert levels._leans_level1("Before that the results were announced in early February.", ("It", "Academy Awards"))
    assert levels._leans_level1("By that time the TV rights had been sold in 50 countries.", ("It", "Academy Awards"))
    assert not levels._leans_level1("Before 1950 the results were announced in February.", ("It", "Academy Awards"))
    # the sample's Anarchism at level 1 said "It is a philosophy." after "Anarchism is a philosophy."
    assert levels._says_again(levels._content("It is a philosophy."), levels._content("Anarchism is a philosophy."))
    assert not levels._says_again(levels._content("Anarchism is a philosophy."), levels._content("It is a philosophy."))
    # the sample's Android (robot): "An android was designed to look and act like a human."
    android = ("It", "Android", "The android", "The Android")
    assert levels._say_pronoun("An android was designed to look.", android, the=True) == "It was designed to look."
    assert levels._say_pronoun("An android was designed to look.", android) == "An android was designed to look."


def test_level_1_shows_no_cut_abbreviation_layout_pointer_list_lead_in_or_wrong_agreement() -> None:
    # each from the sample's level-1 pages (Andre Agassi, List of Atlas Shrugged characters, Austroasiatic
    # languages, Afroasiatic languages, International Atomic Time)
    for bad in ("By the end of the year, Agassi was ranked world no.", "He is a childhood friend. The first love, of Dagny Taggart.",
                "Each of the families that is written in boldface type below is accepted as a valid clade.",
                "The following are some examples of Afroasiatic cognates.", "Early atomic time scales was made up of quartz clocks."):
        assert levels._not_level1(bad), bad
    for good in ("He was ranked world No. 1 in 1995.", "It lies below sea level.", "The body is made up of cells.",
                 "The following year he moved to Paris.", "Physics is made up of many fields."):
        assert not levels._not_level1(good), good
    assert levels._not_level1("In short why does so much planned development fail?")  # a question (Anthropology)
    for leans in ("He is the 5th of 7 male players in history to achieve this.", "His forehand was almost as strong.",
                  "The first to do so was Dudley Nichols.", "So it can be considered a 7-bit encoding scheme.",
                  "Again a patch is selected.", "He even tried driving a car along the dirt road beside the ranch."):
        assert levels._leans_level1(leans, ("He", "Andre Agassi")), leans
    assert not levels._leans_level1("He won the match.", ("He", "Andre Agassi"))
    # the sample's Andrei Tarkovsky showed "He had to cut the movie several times." after a sentence about
    # Ivan's Childhood: the movie was Andrei Rublev, said in the sentence before it
    assert levels._leans_level1("He had to cut the movie several times.", ("He", "Andrei Tarkovsky"))
    assert levels._leans_level1("The movie was released in a cut version in 1971.", ("He", "Andrei Tarkovsky"))
    for alone in ("He worked in the movie industry.", "He saw the film Solaris."):
        assert not levels._leans_level1(alone, ("He", "Andrei Tarkovsky")), alone
    assert not levels._leans_level1("The movie has no male actors.", ("It", "Actrius"))  # the page's own movie



def test_level_2_says_a_thing_once_and_do_so_leans_back() -> None:
    # the sample's Andorra said its army twice at level 2; Academy Awards showed "The first to do so was Dudley Nichols."
    a = Article("Andorra", lead=(Text("Andorra is a country in Europe."),
                                 Text("It does not have its own armed forces. But there is a small ceremonial Army."),
                                 Text("Andorra has a small army. It is cold in winter.")))
    shown = " ".join(t.text for t in levels._body(levels.at_level(a, 2)))
    assert shown.count("small") == 1, shown
    assert levels._leans("The first to do so was Dudley Nichols.", ("It", "Academy Awards"))


def test_said_index_agrees_with_weighing_each_shown_sentence(sample_articles) -> None:  # type: ignore[no-untyped-def]
    """Level 2's "says nothing new" check through ``_Said`` (which shown sentence has each
    word) answers as checking every shown sentence did, on the real sample's sentences."""
    from kidpedia.kidify import reading
    from kidpedia.kidify.levels import _content, _Said, _says_nothing_new

    words = [_content(s) for a in sample_articles[:30] for t in a.lead for s in reading.sentences(t.text)]
    words += [frozenset(list(w)[:2]) for w in words[:200]]  # short ones, which a longer shown one has
    shown, said = words[:150], _Said(words[:150])
    answers = [said.covers(w) for w in words[150:]]
    assert answers == [any(_says_nothing_new(w, s) for s in shown) for w in words[150:]]
    assert any(answers) and not all(answers)


def test_level_1_opens_with_the_subject_not_its_field(sample_articles: list[Article]) -> None:
    # "In organic chemistry an alkane is a hydrocarbon." (FKGL 11.1) opened Alkane's level-1 page
    alkane = next(a for a in sample_articles if a.title == "Alkane")
    text = " ".join(t.text for t in levels._body(levels.at_level(alkane, 1)))
    assert text.startswith("An alkane is a hydrocarbon. It is also called paraffin.")


@pytest.mark.parametrize("level", [1, 2])
def test_a_level_opens_with_the_sentence_that_names_the_subject(sample_articles: list[Article], level: int) -> None:
    # the sample's Academy Award for Best Production Design opens "The Academy Awards are the oldest awards
    # ceremony ...": levels 1 and 2 showed that alone, a page about the wrong thing
    award = next(a for a in sample_articles if a.title == "Academy Award for Best Production Design")
    text = " ".join(t.text for t in levels._body(levels.at_level(award, level)))
    assert text.startswith("The Academy Award for Best Production Design recognizes achievement in art direction")
    assert not text.startswith("The Academy Awards are")


def test_level_1_says_a_participle_on_the_last_object_and_a_list_of_examples_as_sentences() -> None:
    # the sample's Allan Dwan at level 1 showed the 20-word sentence whole; level 2's splits
    # (``rewrite.split_object_participle``, ``split_examples``) now say it short at level 1 too
    source = ("He directed Gloria Swanson in eight feature movies and one short movie made in the short-lived "
              "sound-on-film process Phonofilm.")
    said = levels._become(source, 1, "en", ("He", "Allan Dwan", "Dwan"), opening=False)
    assert said == ("He directed Gloria Swanson in eight feature movies and one short movie. It was made in the "
                    "short-lived sound-on-film process Phonofilm.")
    examples = "Adventures may be activities with some danger like exploring, skydiving, mountain climbing or river rafting."
    assert levels._become(examples, 1, "en", ("It", "Adventure"), opening=False).endswith(
        ". Examples are exploring, skydiving, mountain climbing or river rafting.")
    # a relative clause on the object stays whole at level 1 ("Lojban and Loglan are two languages. They
    # have been made for this." lost what "this" is)
    relative = "Lojban and Loglan are two languages that have been made for this."
    assert levels._become(relative, 1, "en", ("It", "Ambiguity"), opening=False) == relative
