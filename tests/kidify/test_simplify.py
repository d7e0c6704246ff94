"""Rule-based simplification: each step, the plain-word table's examples, facts kept,
and `kidpedia simplify` (one line in, one line out)."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from kidpedia.kidify import reading
from kidpedia.kidify import simplify as simp


@pytest.mark.parametrize("entry", simp.word_rules()[1], ids=lambda e: e["from"])
def test_each_plain_word_entry(entry: dict[str, Any]) -> None:
    assert simp.simplify(entry["example"], 2, steps=("words",)) == entry["want"]
    for kept in entry.get("kept", ()):
        assert simp.simplify(kept, 2, steps=("words",)) == kept
    for sentence, want in entry.get("agrees", {}).items():  # the plain form agrees with its sentence
        assert simp.simplify(sentence, 2, steps=("words",)) == want


@pytest.mark.parametrize("entry", simp.adverb_rules()["examples"], ids=lambda e: e["example"])
def test_each_adverb_example(entry: dict[str, str]) -> None:
    assert simp.simplify(entry["example"], 2, steps=("adverbs",)) == entry["want"]


@pytest.mark.parametrize("entry", simp.adverb_rules()["filler_examples"], ids=lambda e: e["example"])
def test_each_filler_example(entry: dict[str, str]) -> None:
    assert simp.simplify(entry["example"], 2, steps=("fillers",)) == entry["want"]


def test_fillers_are_no_kept_adverbs() -> None:
    rules = simp.adverb_rules()
    assert not set(rules["fillers"]) & rules["keep"]


@pytest.mark.parametrize("entry", simp.aside_rules()["examples"], ids=lambda e: e["example"])
def test_each_aside_example(entry: dict[str, str]) -> None:
    assert simp.simplify(entry["example"], 2, steps=("asides",)) == entry["want"]


@pytest.mark.parametrize("kept", simp.aside_rules()["kept"])
def test_each_kept_aside_stays(kept: str) -> None:
    assert simp.simplify(kept, 2, steps=("asides",)) == kept


def test_an_aside_after_an_opening_phrase_keeps_its_comma() -> None:
    s = "Unlike macroalgae, which grow in the sea, microalgae were often considered animals."
    assert simp.drop_asides(s) == "Unlike macroalgae, microalgae were often considered animals."
    kept = "However, unlike the moon, it has a large iron core."  # a one-word link is no subject
    assert simp.drop_asides(kept) == kept
    listed = "Historically mills were powered by hand, working animal, wind or water."
    assert simp.drop_asides(listed) == listed


def test_facts_count_a_leading_number_and_decimal_millions() -> None:
    assert simp.facts("1990 was a good year for Paris.") == {"1990", "Paris"}
    assert "1.8" in simp.facts("The UN estimates of 1.8 million people.")
    assert "3,000,000" in simp.facts("Then 3 million came.")


def test_no_fragment_from_a_noun_or_a_that_clause() -> None:
    un = ("The UN estimates of 1.8 million internally displaced persons, while generally the accepted figure "
          "for war-affected people is 4 million.")
    assert "persons. But" not in simp.simplify(un, 2)
    s = "Bergman stated that the film would be his last, and that afterwards he would focus on directing theatre."
    assert ". That afterwards" not in simp.simplify(s, 2)


@pytest.mark.parametrize("word", sorted(simp.adverb_rules()["keep"]))
def test_each_kept_adverb_survives(word: str) -> None:
    s = f"The old house was {word} built by the people of the town."
    assert simp.drop_adverbs(s) == s


def test_adverbs_that_go() -> None:
    assert simp.droppable_adverb("rapidly") and simp.droppable_adverb("happily")
    assert simp.droppable_adverb("basically") and simp.droppable_adverb("possibly") is False  # a hedge: kept
    assert not simp.droppable_adverb("family") and not simp.droppable_adverb("assembly")
    assert simp.drop_adverbs("Finally, they won the game.") == "They won the game."
    assert simp.drop_adverbs("The town grew rapidly.") == "The town grew."
    assert simp.drop_adverbs("It is an unusually large lake.") == "It is a large lake."
    assert simp.drop_adverbs("The bridge is widely known in the country.") == "The bridge is known in the country."
    kept = "It was a newly built and widely known house."  # "new" too short a stem; a pair after "and"
    assert simp.drop_adverbs(kept) == kept


def test_parentheticals_go() -> None:
    s = "Albert Einstein (14 March 1879 – 18 April 1955) was a physicist [ˈaɪnstaɪn]."
    assert simp.simplify(s, 2, steps=("parentheticals",)) == "Albert Einstein was a physicist."


def test_split_at_clause_boundaries() -> None:
    assert simp.split_clauses("It rained; the game went on.") == "It rained. The game went on."
    assert simp.split_clauses("He won the race, and he went home.") == "He won the race. He went home."
    assert simp.split_clauses("She sang, but nobody came.") == "She sang. But nobody came."
    assert simp.split_clauses("The town has a castle, which was built in 1200.") == \
        "The town has a castle. It was built in 1200."
    assert simp.split_clauses("They found two rivers, which are very long.") == \
        "They found two rivers. They are very long."


def test_split_shared_subject_which_and_though() -> None:
    cases = {
        "Hurricane Dog caused damage to the islands, and was the worst storm on record.":
            "Hurricane Dog caused damage to the islands. Hurricane Dog was the worst storm on record.",
        "Some trails are named as nature trails, and are used by people learning about nature.":
            "Some trails are named as nature trails. They are used by people learning about nature.",
        "The 1974 season began on June 1, 1974, and lasted until November 30, 1974.":
            "The 1974 season began on June 1, 1974. It lasted until November 30, 1974.",
        "Daniel Waters gained fame for his screenplay, which won a 1990 Edgar Award.":
            "Daniel Waters gained fame for his screenplay. It won a 1990 Edgar Award.",
        "Iridophores are small thin plates, which can reflect the light around them.":
            "Iridophores are small thin plates. They can reflect the light around them.",
        "It is an F-type asteroid, which means that it is dark in colour.":
            "It is an F-type asteroid. This means that it is dark in colour.",
        "It was first published in 1998 in Britain, though the first American edition came in 1999.":
            "It was first published in 1998 in Britain. But the first American edition came in 1999.",
        # a list of verb phrases, a modal, a clause of its own: left as they are
        "The tornado destroyed 20 homes, left 30 others damaged, and caused power cuts for 300 people.":
            "The tornado destroyed 20 homes, left 30 others damaged, and caused power cuts for 300 people.",
        "Digital files can be copied from one computer to another, and played on a player.":
            "Digital files can be copied from one computer to another, and played on a player.",
        "Trials showed that the drug lengthens life by months, and may help those with a bulbar onset.":
            "Trials showed that the drug lengthens life by months, and may help those with a bulbar onset.",
        # the sample's Alkali metal: the "which" clause said as a sentence would stand between "they" and
        # the experiments ("... of ununennium. It is likely to be ... group. But they have all met with failure.")
        "Experiments have been conducted to attempt the synthesis of ununennium, which is likely to be the next "
        "member of the group, but they have all met with failure.":
            "Experiments have been conducted to attempt the synthesis of ununennium, which is likely to be the next "
            "member of the group. But they have all met with failure.",
    }
    for s, want in cases.items():
        out = simp.split_clauses(s)
        assert out == want
        assert simp.facts(s) <= simp.facts(out) | {w for w in simp.facts(s) if w in out}


def test_participle_phrases_become_sentences() -> None:
    cases = {
        "Moderate flooding was reported in the town, resulting in mudslides in some areas.":
            "Moderate flooding was reported in the town. This resulted in mudslides in some areas.",
        "The mountain range forms the border for 150 kilometers, extending from Saxony to the Elbe river.":
            "The mountain range forms the border for 150 kilometers. It extends from Saxony to the Elbe river.",
        "The cold front stalled over the sea, stopping the rain for two days.":
            "The cold front stalled over the sea. It stopped the rain for two days.",
        # a participle that is a preposition, a noun in -ing, or a head with a comma: kept
        "The forest holds many animals, including bears and wolves.":
            "The forest holds many animals, including bears and wolves.",
        "The guests came to the hall, wedding gifts in their hands.":
            "The guests came to the hall, wedding gifts in their hands.",
    }
    for s, want in cases.items():
        assert simp.split_clauses(s) == want
    assert simp._verb_of("making") == ("make", "made", "makes")
    assert simp._verb_of("stopping") == ("stop", "stopped", "stops")
    assert simp._verb_of("carrying") == ("carry", "carried", "carries")


def test_appositives() -> None:
    assert simp.appositives("Colin Powell, a long time advocate, has asked for a moment of silence.") == \
        "Colin Powell has asked for a moment of silence."
    assert simp.appositives("Marcel Junod, a doctor from Geneva, was a famous delegate in the war.") == \
        "Marcel Junod was a famous delegate in the war. Marcel Junod was a doctor from Geneva."
    assert simp.appositives("Their match came from the Royal Rumble, the big event before WrestleMania.") == \
        "Their match came from the Royal Rumble. The Royal Rumble was the big event before WrestleMania."
    assert simp.appositives("The bridge is run by the Thousand Islands Bridge Authority, an international agency.") \
        == "The bridge is run by the Thousand Islands Bridge Authority."
    kept = ("It is the third of seven novels in A Song of Ice and Fire, an epic series by George Martin.",
            "It was run by the body made up of the High Priest, the High Priestess and the Council.",
            "Romulus was found by Michael E. Brown, the astronomer from Caltech, in 2001.")
    for s in kept:
        assert simp.appositives(s) == s
        assert simp.facts(s) <= simp.facts(simp.simplify(s, 2)) | {w for w in simp.facts(s)
                                                                    if w in simp.simplify(s, 2)}


def test_asides_and_said_that() -> None:
    assert simp.simplify("The rulers are, by contrast, chosen by the king.", 2, steps=("adverbials",)) == \
        "The rulers are chosen by the king."
    assert simp.simplify("It is not known how much, if any, of the story is true.", 2, steps=("adverbials",)) == \
        "It is not known how much of the story is true."
    assert simp.simplify("The driver later claimed that the guard had waved him on.", 2, steps=("fillers",)) == \
        "The driver later claimed the guard had waved him on."
    kept = "He said that was wrong."  # "that" is the subject here
    assert simp.simplify(kept, 2, steps=("fillers",)) == kept


def test_also_called_and_who_after_of() -> None:
    assert simp.simplify("The town is also called Nellai.", 2) == "The town is also called Nellai."
    s = "He is called James the Greater to tell him from James, son of Alphaeus, who is also known as James the Less."
    assert "Alphaeus is" not in simp.simplify(s, 2)


def test_titles_and_compounds_keep_their_words() -> None:
    s = "In the book The Very First Light, Mather told of his work."
    assert "The Very First Light" in simp.simplify(s, 2)
    assert "Non-avian dinosaurs" in simp.simplify("Non-avian dinosaurs died out.", 2)


def test_and_between_two_clauses() -> None:
    assert simp.split_clauses("In 1798 the republic was proclaimed and the lords from Bern were sent away.") == \
        "In 1798 the republic was proclaimed. The lords from Bern were sent away."
    assert simp.split_clauses("At first the smell is sweet and pleasant but it becomes musky when old.") == \
        "At first the smell is sweet and pleasant. But it becomes musky when old."
    for kept in ("One night she was left alone while her son and his wife went to a game.",
                 "According to a letter sent to his church, he and his doctors thought it was curable.",
                 "A link was seen between the module theory and the functions that were defined in 1960."):
        assert simp.split_clauses(kept) == kept


def test_no_subjectless_sentence_and_no_bare_participle() -> None:
    s = ("The term is used for all of Morocco, Algeria, and Tunisia, but in older Arabic usage "
         "pertained only to the area between the mountains and the sea.")
    assert "But in older Arabic usage pertained" not in simp.simplify(s, 2)
    assert simp.split_clauses("The town was small, but in 1990 the town grew fast.") == \
        "The town was small. But in 1990 the town grew fast."
    assert "many commonly used" in simp.drop_adverbs("It has many commonly used tools.")
    assert simp.drop_adverbs("The tool is commonly used today.") == "The tool is used today."


def test_simple_past() -> None:
    assert simp.simple_past("By 1863 this had declined to about 3,500.") == "By 1863 this declined to about 3,500."
    assert simp.simple_past("He had already taken the town.") == "He already took the town."
    for kept in ("It had been a farm.", "He had not moved.", "They had a farm.", "It had red wings."):
        assert simp.simple_past(kept) == kept


def test_adverbials_and_numbers() -> None:
    assert simp.simplify("In addition, the city has 3,000,000 people.", 2) == "The city has 3 million people."
    assert simp.round_numbers("It had 3,456,000 people.") == "It had 3,456,000 people."  # not exact: kept


def test_level_1_keeps_the_main_clause() -> None:
    s = "The river flows through many big towns and cities, including some of the largest in the land."
    assert simp.simplify(s, 1) == "The river flows through many big towns and cities."
    assert simp.simplify(s, 3) == s
    # a detail that names places stays: the level keeps every fact of a sentence it shows
    named = "The river flows through many big towns and cities, including Bonn and Cologne in Germany."
    assert simp.facts(named) <= simp.facts(simp.simplify(named, 1))


def test_no_fragments_from_cutting() -> None:
    """A cut leaves a sentence of its own, never a piece that needs the rest."""
    for s in (
        ("By the time of the French Revolution some, such as the Enragés, began to use the term positively, "
         "in opposition to centralisation of power, seeing it as oxymoronic."),
        "The flood was still rising and in the next years, taking over the whole land and most of the towns.",
        "Although the town is very old and small today, it has a large church that many people come to see.",
    ):
        for level in (1, 2):
            out = simp.simplify(s, level)
            assert simp.facts(s) <= simp.facts(out), out
            assert not out.endswith((" some.", " and.", " in.")), out
            assert not out.startswith("Although the town is very old and small today."), out


def test_numbers_said_in_words_are_facts() -> None:
    s = "The front feet have lost the pollex, resulting in four toes, while the rear feet have all five toes."
    assert {"four", "five"} <= simp.facts(s)
    assert simp.facts(s) <= simp.facts(simp.simplify(s, 1))  # the detail with "four" stays
    assert simp.facts("Two-thirds of them came. It was the First time.") == {"two-thirds", "first"}


def test_a_number_that_opens_a_sentence_is_a_fact() -> None:
    assert simp.facts("1969 was the year of the landing. In 1970 Apollo 13 flew.") == {"1969", "1970", "Apollo", "13"}
    assert simp.facts("(1879 was cold.) The Moon was bright.") == {"1879", "Moon"}  # a capital there is no name


def test_a_list_is_not_cut() -> None:
    s = "The major fish caught in the sea there are cod, haddock, hake, herring, and mackerel."
    assert simp.simplify(s, 1) == s.replace(", and", " and")  # only the serial comma goes
    s = "The animals that live in the big cold forest are wolves, bears, foxes, and a king of birds."
    assert simp.simplify(s, 2) == s.replace(", and", " and")


def test_fewer_commas() -> None:
    assert simp.fewer_commas("In 1990, he left the town.") == "In 1990 he left the town."
    assert simp.fewer_commas("He won, and she lost.") == "He won and she lost."
    assert simp.fewer_commas("It was red, green, and blue.") == "It was red, green and blue."
    kept = ("On Sunday, August 28, the rain came.", "In the long and cold winter of that year, it snowed.",
            "Paris, the capital of France, and London are big.")
    for s in kept:
        assert simp.fewer_commas(s) == s


def test_names_keep_their_words() -> None:
    s = "Airbus hired Hoar Construction to oversee construction of the Remarks Upon Alchymists plant."
    out = simp.simplify(s, 2, steps=("words",))
    assert "Hoar Construction" in out and "Remarks Upon Alchymists" in out and "oversee building" in out


def test_facts_survive() -> None:
    s = ("However, the Eiffel Tower, which is located in Paris, was constructed in 1889 by "
         "Gustave Eiffel's company; it is approximately 330 metres tall and 2,000,000 people visit it.")
    out = simp.simplify(s, 2)
    assert simp.facts(s) <= simp.facts(out), out
    assert {"Eiffel", "Tower", "Paris", "1889", "Gustave", "330", "2,000,000"} <= simp.facts(s)


def test_other_languages_only_language_free_steps() -> None:
    s = "La ville (en breton Kemper) est grande; elle a 60 000 habitants."
    assert simp.simplify(s, 2, "fr") == "La ville est grande. Elle a 60 000 habitants."


def test_cli_one_line_in_one_line_out() -> None:
    lines = "The lake (a big one) is approximately 5 km long.\n\nHowever, it is cold; it freezes.\n"
    done = subprocess.run(
        [sys.executable, "-m", "kidpedia", "simplify", "--level", "2"],
        input=lines, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n") == ["The lake is about 5 km long.", "", "But it is cold. It freezes.", ""]
    bad = subprocess.run([sys.executable, "-m", "kidpedia", "simplify", "--level", "7"],
                         input="x\n", capture_output=True, text=True, timeout=60, check=False)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    assert bad.stderr.strip().count("\n") == 0 and "level" in bad.stderr


def test_more_clause_splits_stand_alone() -> None:
    cases = {
        "He moved to Paris in 1905, where he studied art with his friend Pablo Picasso.":
            "He moved to Paris in 1905. There he studied art with his friend Pablo Picasso.",
        "After he left school in 1895, he worked as a clerk in the patent office in Bern.":
            "He left school in 1895. Then he worked as a clerk in the patent office in Bern.",
        "The war ended in 1918, and the empire was broken up into many small countries.":
            "The war ended in 1918. The empire was broken up into many small countries.",
        "He met Marie Curie, who was working on radium in her lab in Paris.":
            "He met Marie Curie. Marie Curie was working on radium in her lab in Paris.",
        # not clauses on both sides: left as they are
        "The field is new, and thus has a variety of names with a variety of emphases.":
            "The field is new, and thus has many names with many emphases.",
        "Following Broca's lead, Waitz points out that anthropology is a new field.":
            "After Broca's lead, Waitz points out that anthropology is a new field.",
        "Dinosaurs are known from this rock, but represent bones washed out to sea from older rocks.":
            "Dinosaurs are known from this rock, but represent bones washed out to sea from older rocks.",
        "It has red, green and blue colors, and white spots on its back and on its legs.":
            "It has red, green and blue colors, and white spots on its back and on its legs.",
    }
    for s, want in cases.items():
        assert simp.simplify(s, 2, steps=("words", "split")) == want


def test_since_a_date_is_no_clause_and_attended_alone_stays() -> None:
    s = ("Since 2002, when the 27-year civil war ended, the nation has worked to repair and improve ravaged "
         "infrastructure.")
    assert not simp.simplify(s, 2).startswith("2002")  # was "2002, when the 27-year civil war ended. So the nation ..."
    assert "went to with" not in simp.simplify("He never joined a church, although he frequently attended with "
                                               "his wife.", 2)


def test_aquatic_said_plainly_only_before_a_noun() -> None:
    assert "are water and" not in simp.simplify("Most are aquatic and autotrophic.", 2)  # was "Most are water and ..."


def test_no_capital_after_an_abbreviation() -> None:
    assert "U.S. on January" in simp.split_clauses("It was admitted as the 49th state of the U.S. on January 3, 1959.")


def test_a_list_item_and_a_relative_clause_are_no_new_subject() -> None:
    s = ("SWOT Analysis is a method used to evaluate the Strengths, Weaknesses, Opportunities, and Threats "
         "involved in a project.")
    assert "Opportunities. Threats" not in simp.simplify(s, 2)
    s = 'She later recorded "Kanashiki kuchibue", which was featured on a radio program and was a national hit.'
    assert "She was a national hit" not in simp.simplify(s, 2)
    s = "It hybridizes with some other wattles, notably the rare and endangered Sydney Basin species Acacia pubescens."
    assert "the rare. It" not in simp.simplify(s, 2)


def test_a_semicolon_before_a_list_or_a_phrase_stays_and_abbreviations_keep_their_case() -> None:
    s = ("Among his published works were Peace, a Lyric Poem (1814); Resignation (1817); "
         "The Triumph of Christianity (1819); and The Soldier's Friend (1828).")
    assert "Resignation. " not in simp.simplify(s, 2)
    assert simp.split_clauses("It rained; the game went on.") == "It rained. The game went on."
    assert "Inc. has" in simp.simplify("To remain competitive, Britannica, Inc. has stressed its name.", 2)
    assert "Sr. and" in simp.simplify("He was the son of Martin Luther King, Sr. and Alberta Williams King.", 2)


def test_a_participle_after_a_present_perfect_is_said_in_the_past() -> None:
    out = simp.simplify("He has also recorded five albums as a solo artist, debuting with Leading Off in 1994.", 2)
    assert "debuts" not in out and "1994" in out


def test_plain_word_guards_are_words() -> None:
    """YAML reads a bare on/off/yes/no as a truth value: every guard must stay a word."""
    for entry in simp.word_rules()[1]:
        for key in ("not_after", "not_before", "only_before", "kept"):
            assert all(isinstance(w, str) for w in entry.get(key, ())), (entry["from"], key)


def test_an_aside_goes_only_where_the_sentence_carries_on() -> None:
    s = ("Included organisms range from unicellular genera to multicellular forms, such as the giant kelp, "
         "a large brown alga which may grow up to 50 meters in length.")
    assert "forms a large brown alga" not in simp.simplify(s, 2)
    s = ("Scientists developed the ATS, which consists of shallow, 100-foot raceways of nylon netting where "
         "algae colonies can form, and studied its efficacy for three years.")
    assert "the ATS 100-foot" not in simp.simplify(s, 2)
    s = "Unlike macroalgae, which were clearly viewed as plants, microalgae were frequently considered animals."
    out = simp.simplify(s, 2)
    assert "They were viewed as plants" not in out and "Unlike macroalgae microalgae" not in out
    assert simp.simplify("Many people, especially in small towns, still keep chickens.", 2, steps=("asides",)) == \
        "Many people still keep chickens."


def test_an_adjective_pair_after_and_is_no_second_verb() -> None:
    s = ("Autism is a disorder characterized by impaired social interaction, verbal and non-verbal "
         "communication, and restricted and repetitive behavior.")
    assert "Autism restricted" not in simp.simplify(s, 2)
    assert "Autism restricted" not in simp.simplify(s, 1)


def test_an_opening_participle_phrase_is_no_sentence_of_its_own() -> None:
    s = ("After receiving suspended sentences several times for anti-government activities, Yun retired from "
         "politics in 1980 and focused on cultural activities.")
    out = simp.simplify(s, 2)
    assert out.startswith("After receiving suspended sentences several times for anti-government activities, Yun")
    assert "Receiving" not in out


def test_two_plain_words_make_no_repeated_word() -> None:
    s = "Figaro then arrives and tries to initiate the beginning of the wedding festivities."
    out = simp.simplify(s, 2, steps=("words",))
    assert "start the start" not in out
    assert out == "Figaro then arrives and tries to start the beginning of the wedding festivities."


def test_an_opening_participle_or_adjective_keeps_its_comma() -> None:
    s = "Initially very disorganized, surface pressures gradually decreased across the region."
    assert simp.simplify(s, 2).startswith("At first disorganized, surface pressures")
    assert simp.simplify("In 1990, he left.", 2, steps=("commas",)) == "In 1990 he left."


def test_a_parenthetical_that_alone_states_a_measure_or_a_year_stays() -> None:
    assert simp.simplify("It is on the shore of a lake called the Tollensesee (18 km ²).", 2) == \
        "It is on the shore of a lake called the Tollensesee (18 km ²)."
    assert simp.simplify("Libra (1988) is a novel written by Don DeLillo.", 2) == \
        "Libra (1988) is a book written by Don DeLillo."
    assert simp.simplify("Libra (1988) is a novel written by Don DeLillo.", 1) == \
        "Libra (1988) is a book. It was written by Don DeLillo."  # the "tagged" step splits it (level 1)
    assert "(1969 – 1989)" not in simp.simplify("She was a member of the Irish senate (1969 – 1989).", 2)  # not yet: see keep_parenthetical
    kept = "The highest peak is Cerro de Punta (4,390 feet; 1,338 m), in this range."
    assert "(4,390 feet; 1,338 m)" in simp.simplify(kept, 2)  # held aside: no step splits inside it
    for gone in ("Jacques René Chirac (born 29 November 1932) is a French politician.",  # life dates
                 "Werner Heisenberg (5 December 1901 – 1 February 1976) was a physicist.",
                 "The lake is 6,000 m (19,685 ft) deep.",  # the same measure in other units
                 "It is on the cover of the album (Guy and Llewelyn-Jones 2004, 111).",  # a citation
                 "A first language (also mother tongue, or L1) is learnt at home."):  # other names
        assert "(" not in simp.simplify(gone, 2), gone


def test_more_correct_english_from_asset_valid() -> None:
    s = "He has composed and arranged scores for more than 500 film and television productions."
    assert "He has composed." not in simp.simplify(s, 2)  # one object for two verbs
    s = "The mountain derives its name from the German words Matte, meaning meadow, and Horn, which means peak."
    out = simp.simplify(s, 2)
    assert "This means" not in out and "peak" in out  # said of a word, not of a clause
    s = "The Polish people, or Poles, are a Western Slavic ethnic group."
    assert simp.simplify(s, 2, steps=("commas",)) == s  # the comma that opens an aside another closes stays
    assert simp.simplify("It ate fish, and frogs.", 2, steps=("commas",)) == "It ate fish and frogs."


def test_a_list_item_is_no_subject_and_a_swap_repeats_no_word() -> None:
    s = ("The term is applied to all of Morocco, Algeria, and Tunisia, but in older Arabic usage pertained only "
         "to the area between the Atlas Mountains and the sea.")
    assert "Algeria. Tunisia" not in simp.simplify(s, 2)
    s = "Soy milk, sometimes called soy drink / beverage, is a beverage made from soybeans."
    assert "drink / drink" not in simp.simplify(s, 2, steps=("words",))
    assert simp.simplify("A dogfight, or dog fight, is aerial combat.", 2, steps=("commas",)) == \
        "A dogfight, or dog fight, is aerial combat."
    s = "On August 15, convection organized into bands, and as its winds grew, an eye developed."
    assert "bands, and as its winds grew, an eye" in simp.simplify(s, 2, steps=("commas",))


def test_no_repeated_word_no_lost_predicate_and_a_split_after_an_opening() -> None:
    assert simp.simplify("Emmen is a municipality and a town in the Netherlands.", 2, steps=("words",)) == \
        "Emmen is a municipality and a town in the Netherlands."
    s = ("The year 1976 saw Punk arrive on what some people perceived to be a stagnant music scene and NME, like "
         "other \"specialist\" publications, was slow to cover this new phenomenon.")
    assert "was slow to cover" in simp.simplify(s, 2)
    s = ("After receiving suspended sentences several times for anti-government activities, Yun retired from "
         "politics in 1980 and focused mainly on cultural activities until his death in 1990.")
    assert simp.simplify(s, 2, steps=("split",)) == (
        "After receiving suspended sentences several times for anti-government activities, Yun retired from "
        "politics in 1980. Yun focused mainly on cultural activities until his death in 1990.")


def test_no_double_full_stop_after_an_abbreviation() -> None:
    s = "Vaihingen may date back as far as 799 a. d., but the documents are not clear."
    assert ".." not in simp.simplify(s, 2)


def test_which_after_a_plural_name_is_they() -> None:
    s = ("The Saugor and Nerbudda Territories were attached to the North-Western Provinces, which included the "
         "British Dominions in the south.")
    assert "Provinces. They included" in simp.simplify(s, 2, steps=("split",))


def test_no_split_from_an_adjective_a_list_item_an_example_or_a_second_which() -> None:
    """Real sentences of the sample that came out wrong at level 2."""
    armed = "The armed forces were trained and supervised by Italian instructors."  # Albania: "armed" is no verb
    assert simp.simplify(armed, 2) == armed
    afro = ("Along with the sirenians, hyraxes, elephants, and their extinct relatives, these animals form the "
            "superorder Afrotheria.")  # Aardvark: "their extinct relatives" is the list's last item
    assert simp.simplify(afro, 2) == ("Along with the sirenians, hyraxes, elephants and their extinct relatives, "
                                      "these animals form the superorder Afrotheria.")
    algae = "Algae spread mainly by the dispersal of spores analogously to the dispersal of Plantae by seeds and spores."
    assert simp.simplify(algae, 2) == algae  # "analogously to": the "to" is the adverb's
    danger = ("Adventures may be activities with some potential for physical danger such as exploring, skydiving, "
              "mountain climbing, river rafting or participating in extreme sports.")
    assert "skydiving, mountain climbing, river rafting or" in simp.simplify(danger, 2)  # not "like exploring."
    arousal = ("Adventurous experiences create psychological arousal, which can be interpreted as negative (e.g. fear) "
               "or positive (e.g. flow), and which can be detrimental as stated by the Yerkes-Dodson law.")
    assert ". It can be interpreted" not in simp.simplify(arousal, 2)  # no "It can be ... and which can be ..."


def test_no_fragment_from_an_adjective_in_ed_or_another_item_and_a_split_after_and_comma() -> None:
    """Real sentences of the sample (Animation, Allan Dwan) and of ASSET valid."""
    apostol = ("El Apóstol (Spanish: \"The Apostle\") was a 1917 Argentine animated film utilizing cutout animation, "
               "and the world's first animated feature film.")
    assert ". The world's first" not in simp.simplify(apostol, 2)  # "animated" is no verb
    dwan = ("Dwan directed Gloria Swanson in eight feature films, and one short film made in the short-lived "
            "sound-on-film process Phonofilm.")
    assert ". One short" not in simp.simplify(dwan, 2)  # one more film, not a new subject
    soon = "Soon, a number of movie companies worked there year-round and, in 1911, Dwan began working part-time in Hollywood."
    assert simp.simplify(soon, 2) == ("Soon some movie companies worked there year-round. In 1911 Dwan started working "
                                      "part-time in Hollywood.")
    seat = ("It is the county seat of Washington County, and, by many definitions, the biggest city in an area called "
            "Western Maryland.")
    assert ". By many" not in simp.simplify(seat, 2)  # "the biggest city" has no verb of its own
    napier = ("After Napier gained military control of the area by forcing an agreement with the Sindh Amirs, his "
              "forces attacked the fortress at Imamgarh.")
    assert simp.simplify(napier, 2) == ("Napier gained military control of the area by forcing an agreement with the "
                                        "Sindh Amirs. Then his forces attacked the fortress at Imamgarh.")


def test_no_verb_in_a_name_or_after_a_possessive_and_no_cut_inside_a_list() -> None:
    """Real openings of the sample (American Revolutionary War, Analysis of variance, Assistive technology)."""
    war = ("The American Revolutionary War (1775–1783), also known as the American War of Independence and the "
           "Revolutionary War in the United States, was the armed conflict between Great Britain and thirteen of its "
           "North American colonies.")
    assert ". The Revolutionary War" not in simp.simplify(war, 2)  # "United" is no verb
    anova = ("Analysis of variance (ANOVA) is a collection of statistical models used to analyze the differences among "
             "group means and their associated procedures, developed by Ronald Fisher.")
    assert ". Their associated" not in simp.simplify(anova, 2)  # "their associated procedures": no clause
    assistive = ("Assistive technology is an umbrella term that includes assistive, adaptive, and rehabilitative "
                 "devices for people with disabilities and also includes the process used in selecting, locating, "
                 "and using them.")
    assert simp.simplify(assistive, 2).endswith("the process used in selecting, locating and using them.")


def test_more_asset_valid_sentences_read_right() -> None:
    """Real ASSET validation sentences that came out wrong."""
    tornado = ("The tornado destroyed 20 homes, left 30 others severely damaged, injured one person, and caused power "
               "outages for about 300 people.")
    assert ". It caused" not in simp.simplify(tornado, 2)  # a list of verb phrases, "hurt" among them
    after = "After she has finished her wrestling career, James plans to own a farm and be an equine trainer."
    assert simp.simplify(after, 2) == after  # not yet done: no "She has finished ... Then ..."
    editors = "Editors have so far released two platinum studio albums, selling over 2 million copies between them worldwide."
    assert simp.simplify(editors, 2) == ("Editors have so far released two platinum studio albums. They sold over 2 "
                                         "million copies between them worldwide.")
    cricket = "He knocked Neil out during a game of cricket, albeit unintentionally."
    assert not simp.simplify(cricket, 2).endswith("though.")  # no conjunction left without its word
    novel = "The novel received the 1961 Pulitzer Prize for Fiction."
    assert simp._has_verb(simp.simplify(novel, 2).split())  # "got" is a verb: the page may show it



@pytest.mark.parametrize(("sentence", "fragment"), [
    # Agnostida (sample): the first of the subjects has no verb of its own
    (("Their lack of eyes, a morphology not well-suited for swimming, and their fossils found in association "
      "with other benthic trilobites all suggest a benthic (bottom-dwelling) mode of life."), ". Their fossils"),
    # ASSET valid: the last of the things presented
    (("Working with the BBC, Ross has presented The Film programme since 1997, his own chat show, Friday Night "
      "with Jonathan Ross since 2001, and a radio show on BBC Radio 2 beginning in 1999."), ". A radio show"),
])
def test_a_list_of_subjects_or_objects_is_not_split(sentence: str, fragment: str) -> None:
    assert fragment not in simp.simplify(sentence, 2)


def test_a_which_clause_before_a_second_item_stays() -> None:
    """ASSET valid: splitting at the first ", which" said the song reached the follow-up single."""
    single = ("Soon after, he released a cover version of Leo Sayer's When I Need You as a single, which reached number 5 "
              "in the British charts, as well as a follow up single called No Matter What I Do, which reached number 23.")
    assert "charts and a follow up" not in simp.simplify(single, 2)
    assert ". A follow up" not in simp.simplify(single, 2)


def test_each_plain_word_is_listed_once() -> None:
    """One entry a word (and place: "start" entries open a sentence): a second would be silently dropped."""
    keys = [(e["from"].lower(), bool(e.get("start"))) for e in simp.word_rules()[1]]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_an_aside_before_the_verb_does_not_take_the_verb_with_it() -> None:
    # the sample's Astronomer page: the aside went with the rest, "Analysis of observed phenomena." was shown
    s = ("Analysis of observed phenomena, along with making predictions as to the causes of what they observe, "
         "takes the majority of observational astronomers' time.")
    out = simp.simplify(s, 2)
    assert out.startswith("Analysis of observed phenomena takes "), out
    assert simp.drop_asides("The town has a big castle, which was built by the old lord.") == "The town has a big castle."


def test_a_long_other_name_between_commas_keeps_both_commas() -> None:
    s = ("In mathematics and statistics, the arithmetic mean, or simply the mean or average when the context is "
         "clear, is the sum of a collection of numbers divided by the number of numbers in the collection.")
    assert "the arithmetic mean, or simply the mean or average when the context is clear, is the sum" in simp.simplify(s, 2)


def test_and_it_after_a_list_is_a_new_sentence() -> None:
    s = ("In addition to mathematics and statistics, the arithmetic mean is used frequently in fields such as "
         "economics, sociology, and history, and it is used in almost every academic field to some extent.")
    assert simp.simplify(s, 2).endswith("economics, sociology and history. It is used in almost every academic "
                                        "field to some extent.")
    kept = "Along with the sirenians, hyraxes, elephants, and their extinct relatives, these animals form a group."
    assert ". Their" not in simp.simplify(kept, 2)


def test_names_hold_no_verb_and_a_subordinator_is_no_subject() -> None:
    # the sample's Anarchism and Alkane pages: "... related to STS. The Society for the Social Studies of Science.",
    # "... pack well in the solid phase. It formed a well-organized structure."
    s = "The sub-group was very closely related to STS and the Society for the Social Studies of Science."
    assert ". The Society" not in simp.simplify(s, 2)
    s = "This is because even numbered alkanes pack well in the solid phase, forming a well-organized structure."
    assert "It formed" not in simp.simplify(s, 2)


def test_a_qualifying_but_does_not_go_with_an_aside() -> None:
    s = ("Andorra has a small army, which has historically been raised or reconstituted at various dates, but has "
         "never in modern times amounted to a standing army.")
    assert "standing army" in simp.simplify(s, 2)


def test_a_population_is_said_as_people() -> None:
    assert simp.simplify("Angola had a population of 24.3 million inhabitants in 2014.", 2, steps=("words",)) == \
        "Angola had 24.3 million people in 2014."
    assert simp.simplify("The town has a total population of 25,000.", 2, steps=("words",)) == "The town has 25,000 people."
    assert simp.simplify("It grew to a city with an estimated population of 1,000,000 by 1721.", 2, steps=("words",)) == \
        "It grew to a city with about 1,000,000 people by 1721."
    assert simp.simplify("The population of the city is large.", 2, steps=("words",)) == "The population of the city is large."


def test_a_cleft_and_a_list_item_in_ed_are_not_cut() -> None:
    # the sample's Amphibian page showed "It was the development of the amniotic egg." and "They keratinised tubercles ..."
    s = ("It was the development of the amniotic egg, which prevents the developing embryo from drying out, that "
         "enabled the reptiles to reproduce on land.")
    assert "that enabled the reptiles" in simp.simplify(s, 2)
    s = ("The feet have adaptations for the way of life, with webbing between the toes for swimming, broad adhesive "
         "toe pads for climbing, and keratinised tubercles on the hind feet for digging.")
    assert "They keratinised" not in simp.simplify(s, 2)


def test_no_which_split_after_a_subject_without_its_verb() -> None:
    # the sample's Politics of Angola showed "The renewal of civil war after the elections." at level 2
    s = ("The renewal of civil war immediately after the elections, which were considered as fraudulent by UNITA, and "
         "the collapse of the Lusaka Protocol, created a split situation.")
    assert "elections. They were" not in simp.simplify(s, 2)
    # the sample's Atomic number: a which-clause inside the sentence, or after a that-clause's subject
    s = ("In 1915, the reason for nuclear charge being quantized in units of Z, which were now recognized to be the same "
         "as the element number, was not understood.")
    assert "Z. They were" not in simp.simplify(s, 2)
    s = ("But as early as 1907 Rutherford and Thomas Royds had shown that alpha particles, which had a charge of +2, were "
         "the nuclei of helium atoms.")
    assert "alpha particles. They" not in simp.simplify(s, 2)


def test_a_name_in_brackets_where_the_noun_goes_stays() -> None:
    # the sample's Demographics of Angola showed "the with 25%"
    assert simp.drop_parentheticals("the Ovimbundu with 37%, the (Ambundu) with 25%, and the Bakongo 13%.") == \
        "the Ovimbundu with 37%, the Ambundu with 25%, and the Bakongo 13%."


def test_a_list_of_verb_phrases_is_not_split_before_its_last() -> None:
    # the sample's Abraham Lincoln showed "He kept close tabs on ..., consulted with governors." at level 2
    s = ("He kept close tabs on all phases of the military effort, consulted with governors, and selected generals "
         "based on their past success.")
    assert "consulted with governors." not in simp.simplify(s, 2)


def test_a_second_that_clause_after_but_stays_and_established_after_become_stays() -> None:
    # the sample's Autism: "Autistic people may have symptoms. ... But that can affect the family.", "become set up"
    s = ("Autistic individuals may have symptoms that are independent of the diagnosis, but that can affect the "
         "individual or the family.")
    assert "But that can" not in simp.simplify(s, 2)
    assert "But that was" in simp.simplify("He wanted to win the race easily, but that was not possible in the rain.", 2)
    assert "set up" not in simp.simplify("Overt symptoms become established by age two or three years.", 2)


def test_no_simple_past_after_an_auxiliary_and_an_adverb() -> None:
    # the sample's Alkane showed "Straight-chain alkanes are sometimes showed by the prefix"
    s = "Straight-chain alkanes are sometimes indicated by the prefix n-."
    assert "showed" not in simp.simplify(s, 2, steps=("words",))


def test_a_second_participle_shares_the_first_ones_auxiliary() -> None:
    # the sample's Amateur astronomy showed "It displayed to the user by the Internet."
    s = "The digital data collected by the telescope is then passed on and displayed to the user by the Internet."
    assert "It displayed" not in simp.simplify(s, 2)


def test_where_becomes_there_only_after_a_place() -> None:
    """", where ..." is "There ..." after a place (a name, a place noun from
    rules/asides.yaml's where_places, a date after it skipped); after anything else it
    means "in which": the sample's Anarchism had read "There owners have complete rights"."""
    property_ = ('In this work he opposed the institution of decreed "property", where owners have complete '
                 'rights to "use and abuse" their property as they wish.')  # the sample's Anarchism
    assert simp._split_one(property_) == property_
    assert "There owners" not in simp.simplify(property_, 2)
    assert simp._split_one("He moved to Paris in 1905, where he studied art with his friend Pablo Picasso.") == (
        "He moved to Paris in 1905. There he studied art with his friend Pablo Picasso.")
    assert simp._split_one("He worked for many years at the old mill by the river, where he met his wife.") == (
        "He worked for many years at the old mill by the river. There he met his wife.")
    assert all(w == w.lower() and " " not in w for w in simp.aside_rules()["where_places"])


def test_well_known_stays_well_known() -> None:
    # "a well-known fact" is no "famous fact"; "It is well-known that ..." no "It is famous that ..."
    assert simp.simplify("It is a well-known fact.", 2, steps=("words",)) == "It is a well-known fact."
    assert simp.simplify("It is well-known that cats purr.", 2, steps=("words",)) == "It is well-known that cats purr."


@pytest.mark.parametrize("phrase", sorted(simp.aside_rules()["linking_openings"]))
def test_a_linking_opening_keeps_its_comma(phrase: str) -> None:
    # the sample's Alkane at level 2 read "For example methane is CH₄, in which n = 1."
    s = f"{phrase[0].upper()}{phrase[1:]}, the town grew."
    assert simp.fewer_commas(s) == s
    assert simp.fewer_commas("In 1990, the town grew.") == "In 1990 the town grew."


def test_an_aside_that_names_a_vague_subject_stays() -> None:
    # the sample's Anarchism at level 2 read "Different themes were treated during the Congress."
    s = ("Various themes were treated during the Congress, in particular concerning the organisation of the "
         "anarchist movement, popular education issues, the general strike or antimilitarism.")
    assert "popular education issues" in simp.simplify(s, 2)
    assert "popular education issues" in simp.simplify(s, 1)
    assert simp.drop_asides("He visited many countries, including the old lands of the south.") == \
        "He visited many countries."


def test_no_split_that_breaks_a_sentence_read_on_the_sample() -> None:
    # the sample's Abraham Lincoln at level 2: "Not only had Burnside been beaten on the battlefield. But ..."
    s = "Not only had Burnside been defeated on the battlefield, but his soldiers were disgruntled and undisciplined."
    assert ". But" not in simp.simplify(s, 2)
    # Algeria: "... the Armed Islamic Group. The national armed forces, in which more than 100,000 people ..."
    s = ("It banned the FIS, triggering a civil insurgency between the Front's armed wing, the Armed Islamic Group, "
         "and the national armed forces, in which more than 100,000 people are thought to have died.")
    assert ". The national armed forces" not in simp.simplify(s, 2)
    # Algeria: "... control of the Maghreb. It got the agreement of his sovereign."
    s = "The then Fatimid vizier devised to relinquish control of the Maghreb and obtained the agreement of his sovereign."
    assert ". It " not in simp.simplify(s, 2)
    # Apollo 11: "There was concern this would prevent firing the engine. There stranded them on the Moon."
    s = "There was concern this would prevent firing the engine, stranding them on the Moon."
    assert "There stranded" not in simp.simplify(s, 2)
    s = "The crew decided the Roman numeral XI would not be understood in some countries and went with the name."
    assert ". It went" not in simp.simplify(s, 2)
    # Albert Einstein: "... with Mozart's music. It studied music more willingly."; "They were received at first."
    s = ('When he turned 13 he discovered the violin sonatas of Mozart, whereupon "Einstein fell in love" with '
         "Mozart's music and studied music more willingly.")
    assert "It studied" not in simp.simplify(s, 2)
    s = "Einstein discovered Louis de Broglie's work, and supported his ideas, which were received skeptically at first."
    assert "received skeptically at first" in simp.simplify(s, 2)
    # Alabama: "In Alabama these schools were designed. The building partially financed with Rosenwald funds."
    s = ("In Alabama these schools were designed and the construction partially financed with Rosenwald funds, "
         "which paid one-third of the construction costs.")
    assert ". The building partially financed" not in simp.simplify(s, 2)
    # Aristotle: "Aether, which is the divine substance ..." (a list item), "Ideas like this. His ideas about
    # souls, are not seen as science", "... as follows: 'As time never fails. The universe is eternal, ..."
    assert simp.simplify("Aether, which is the divine substance that makes up the heavenly spheres.", 2) == \
        "Aether is the divine substance that makes up the heavenly spheres."
    assert simp.said_of_a_name("The castle, which was built by Henry, burned.") == "The castle, which was built by Henry, burned."
    s = "Ideas like this, and his ideas about souls, are not regarded as science at all in modern times."
    assert "Ideas like this." not in simp.simplify(s, 2)
    s = ("The concluding observation is as follows: 'As time never fails, and the universe is eternal, neither the "
         "Tanais, nor the Nile, can have flowed for ever.")
    assert "never fails." not in simp.simplify(s, 2)
    # Algae: "some sponges breadcrumb sponge", "... can form. It studied its efficacy for three years."
    s = "Green algae live close to the surface of some sponges, for example, breadcrumb sponge (Halichondria panicea)."
    assert "sponges, for example, breadcrumb sponge" in simp.simplify(s, 2)
    assert simp.drop_adverbials("The town is, for example, very old.") == "The town is very old."
    s = ("Scientists developed the ATS, which consists of shallow, 100-foot raceways of nylon netting where algae "
         "colonies can form, and studied its efficacy for three years.")
    assert "It studied" not in simp.simplify(s, 2)
    # Algeria: "It offers a part of dishes. It varied dishes, ..."
    s = "It offers a component of dishes and varied dishes, depending on the region and according to the seasons."
    assert "It varied" not in simp.simplify(s, 2)
    assert simp.simplify("The small dog lived in the town for years and barked at the mail man.", 2) == \
        "The small dog lived in the town for years. It barked at the mail man."


def test_a_second_present_verb_after_and_gets_its_pronoun() -> None:
    # the sample's Astronomer at level 2: "They meet on a regular basis and often host star parties."
    assert simp._split_and_verb("They meet on a regular basis and often host star parties.") == \
        "They meet on a regular basis. They often host star parties."
    assert simp._split_and_verb("They are big and strong animals and often dangerous to people.") == \
        "They are big and strong animals and often dangerous to people."
    assert simp._split_and_verb("They live in the hills and often angry at the wolves.") == \
        "They live in the hills and often angry at the wolves."


def test_a_second_participle_gets_the_shared_auxiliary_again() -> None:
    # the sample's Demographics of Angola: "From the 2000s many Chinese have settled and started up small businesses."
    assert simp._split_and_verb("From the 2000s many Chinese have settled and started up small businesses.") == \
        "From the 2000s many Chinese have settled. They have started up small businesses."
    # the sample's Albert Sidney Johnston read "He was served in the Black Hawk War in 1832 ..."
    assert simp._split_and_verb("Johnston was assigned to posts in New York and Missouri and served in the Black Hawk "
                                "War in 1832.") == ("Johnston was assigned to posts in New York and Missouri and served "
                                                    "in the Black Hawk War in 1832.")
    # the sample's Andrei Tarkovsky read "It was won the FIPRESCI prize." at both levels
    assert simp._split_and_verb("A version of the film was presented at the Cannes Film Festival in 1969 and won the "
                                "FIPRESCI prize.") == ("A version of the film was presented at the Cannes Film Festival "
                                                       "in 1969 and won the FIPRESCI prize.")
    assert simp._split_and_verb("The town was founded by monks and later destroyed by fire in 1200.") == \
        "The town was founded by monks. It was later destroyed by fire in 1200."
    # ... not where what follows is said of both ("trained and supervised by Italian instructors")
    armed = "The armed forces were trained and supervised by Italian instructors."
    assert simp._split_and_verb(armed) == armed
    # Politics of Angola: "Governors of the 18 provinces were chosen by. They were served at the pleasure of ..."
    s = "Governors of the 18 provinces were appointed by and served at the pleasure of the president."
    assert "chosen by." not in simp.simplify(s, 2)


def test_more_level_2_english_from_the_sample() -> None:
    # Anarchism: "The Spanish Confederación Nacional del Trabajo played. It still plays a major role ..."
    s = "The Spanish Confederación Nacional del Trabajo played and still plays a major role in the Spanish labour movement."
    assert "Trabajo played." not in simp.simplify(s, 2)
    # Asia: "... after Europe. But the biggest when measured in buying power parity."
    s = ("It has the second largest nominal GDP of all continents, after Europe, but the largest when measured in "
         "purchasing power parity.")
    assert ". But the biggest" not in simp.simplify(s, 2)


def test_a_list_item_on_a_name_is_said_as_a_sentence() -> None:
    # the sample's Amateur astronomy at level 2: "George Alcock, found several comets and novae.", "Will Hay, the
    # famous comedian and actor, who found a white spot on Saturn."
    assert simp.said_of_a_name("George Alcock, discovered several comets and novae.") == \
        "George Alcock discovered several comets and novae."
    assert simp.said_of_a_name("Will Hay, the famous comedian and actor, who discovered a white spot on Saturn.") == \
        "Will Hay, the famous comedian and actor, discovered a white spot on Saturn."
    for kept in ("In 1990, moved the town to the hill.", "Paris, the capital, is big.", "Then, walked home."):
        assert simp.said_of_a_name(kept) == kept


def test_an_aside_before_the_rest_of_either_or_from_to_stays_with_it() -> None:
    # the sample's Agriculture at level 2: "Manure is used either by holding livestock where the feed crop is
    # growing.", "Policy programs can range from financial programs."
    s = ("Manure is used either by holding livestock where the feed crop is growing, such as in managed intensive "
         "rotational grazing, or by spreading either dry or liquid formulations of manure on cropland or pastures.")
    assert "or by spreading" in simp.simplify(s, 2)
    s = ("Policy programs can range from financial programs, such as subsidies, to encouraging producers to enroll "
         "in voluntary quality assurance programs.")
    assert "to encouraging producers" in simp.simplify(s, 2)


def test_level_2_rules_leave_these_asset_valid_sentences_as_before() -> None:
    """Cases where a first version of this session's rules went too far (ASSET valid)."""
    s = "It was released on January 21, 2003 and garnered DVDX awards for best animated feature."
    assert "2003. It garnered" in simp.simplify(s, 2)  # "was" is no present form
    s = "By 1890 the 9th edition was outdated and the Britannica faced significant financial difficulties."
    assert "outdated. The Britannica faced" in simp.simplify(s, 2)  # an object follows: no "was" left out
    s = ("Many of these officers were black and had a fear that they would be mistaken for a criminal, especially "
         "in case of drawing their gun in an emergency.")
    assert "especially" not in simp.simplify(s, 2)  # "Many of these officers" is no vague subject
    assert simp.fewer_commas("The station, and all trains serving it, are operated by National Express.") == \
        "The station and all trains serving it are operated by National Express."


def test_a_plain_word_is_not_swapped_inside_a_compound() -> None:
    # the sample's Angola at level 2 read "A stop-fire was reached by the two groups afterwards."
    assert "cease-fire" in simp.simplify("A cease-fire was reached by the two factions shortly afterwards.", 2)


def test_a_which_clause_on_what_happened_is_this() -> None:
    # the sample's Achilles at level 2: "Furious, Ajax cursed Odysseus. It earned the ire of Athena."
    assert simp.simplify("Furious, Ajax cursed Odysseus, which earned the ire of Athena.", 2) == \
        "Furious, Ajax cursed Odysseus. This earned the ire of Athena."


def test_a_short_list_before_and_is_not_split() -> None:
    # the sample's Abacus at level 2: "The abacus shows how numbers, letters. Signs can be stored in a binary system"
    s = "The abacus shows how numbers, letters, and signs can be stored in a binary system on a computer."
    assert "letters." not in simp.simplify(s, 2)


def test_there_and_its_verb_keep_the_comma_before_a_list() -> None:
    # the sample's Angolan Armed Forces at level 2: "There are three parts the Army, Navy and Air Force ..."
    s = "There are three components, the Army (Forças Armadas), Navy (Marinha de Guerra) and Air Force."
    assert simp.simplify(s, 2).startswith("There are three parts, the Army")
    assert simp.fewer_commas("There, he met his wife.") == "There he met his wife."


def test_a_numbered_list_said_inline_stays_one_sentence() -> None:
    # the sample's Abraham Lincoln at level 2 showed "Usually, the top three presidents are rated as 1."
    s = ("Generally, the top three presidents are rated as 1. Lincoln; 2. George Washington; and 3. Franklin D. "
         "Roosevelt, although Lincoln and Washington are occasionally reversed.")
    out = simp.simplify(s, 2)
    assert out.startswith("Usually, the top three presidents are rated as 1. Lincoln; 2. George Washington; and 3.")
    assert len(reading.sentences(out)) == 1


def test_occur_is_happen_only_for_a_time() -> None:
    # the sample's Actinopterygii at level 2: "Ray-finned fishes happen in many variant forms."
    assert simp.simplify("Ray-finned fishes occur in many variant forms.", 2) == "Ray-finned fishes occur in many variant forms."
    assert simp.simplify("In South Africa breeding occurs in early July.", 2) == "In South Africa breeding happens in early July."
    assert simp.simplify("The flood occurred in 1953.", 2) == "The flood happened in 1953."


def test_a_second_verb_with_an_object_takes_no_passive_auxiliary() -> None:
    # the sample's Andrei Tarkovsky at level 2: "It was won the FIPRESCI prize."
    s = "A version of the film was presented at the Cannes Film Festival in 1969 and won the FIPRESCI prize."
    out = simp.simplify(s, 2)
    assert "was won" not in out and out.endswith(" won the FIPRESCI prize.")
    assert simp.simplify("The bridge was designed by Smith and built by Jones in 1900.", 2) == \
        "The bridge was designed by Smith. It was built by Jones in 1900."


def test_the_word_trie_matches_what_the_plain_alternation_matches(sample_articles) -> None:  # type: ignore[no-untyped-def]
    """``alternation`` writes the plain-word table as a trie: on every sentence of the real
    sample and every example of the table it finds the same matches, at the same places, as
    the plain alternation of the phrases, longest first (which was 20x slower)."""
    import re

    from kidpedia.kidify import reading

    rules, entries = simp.word_rules()
    sentences = [e["example"] for e in entries if e.get("example")]
    for a in sample_articles:
        for t in [*a.lead, *(p for s in a.iter_sections() for p in s.paragraphs)]:
            sentences += reading.sentences(t.text)
    assert len(sentences) > 5000
    found = 0
    for (trie, _), at_start in zip(rules, (True, False), strict=True):
        chosen = sorted((e for e in entries if bool(e.get("start")) == at_start), key=lambda e: -len(e["from"]))
        alts = "|".join(re.escape(e["from"]).replace(r"\ ", r"\s+") for e in chosen)
        plain = re.compile(rf"^(?:{alts})" if at_start else rf"\b(?:{alts})\b", re.IGNORECASE)
        for s in sentences:
            want = [m.span() for m in plain.finditer(s)]
            assert [m.span() for m in trie.finditer(s)] == want, s
            found += len(want)
    assert found > 1000


def test_alternation_prefers_the_longer_phrase() -> None:
    import re

    pattern = re.compile(rf"\b(?:{simp.alternation(['in', 'in order to', 'in  order', 'a'])})\b", re.IGNORECASE)
    assert [m.group(0) for m in pattern.finditer("In order to win, a team in\norder stays in.")] == [
        "In order to", "a", "in\norder", "in"]


def test_a_list_split_before_and_it_keeps_its_and() -> None:
    # Andorra at level 2 said "Its higher height means there is, on average, more snow in winter, lower humidity.":
    # "elevation" is no "height" after "higher", and the list lost its "and" when ", and it is ..." was split off
    s = ("Its higher elevation means there is, on average, more snow in winter, lower humidity, and it is slightly "
         "cooler in summer.")
    assert simp.simplify(s, 2) == ("Its higher elevation means there is, on average, more snow in winter and lower "
                                   "humidity. It is cooler in summer.")


def test_a_word_and_what_it_means_stay_together_and_a_quotation_keeps_its_words() -> None:
    # Asphalt at level 2 said "There we find the words jatu." (cut before ", meaning ...", jatu-krit lost), and the
    # meanings "pitch creating", "pitch producing" had both become "pitch making"
    s = ('The expression "bitumen" originated in the Sanskrit, where we find the words jatu, meaning "pitch," and '
         'jatu-krit, meaning "pitch creating", "pitch producing" (referring to coniferous or resinous trees).')
    out = simp.simplify(s, 2)
    assert "the words jatu." not in out and "jatu-krit" in out
    assert '"pitch creating", "pitch producing"' in out


def test_two_names_are_a_plural_subject() -> None:
    # Foreign relations of Angola: "Cape Verde and Guinea-Bissau was stop-over points ..."
    s = ("Cape Verde and Guinea-Bissau served as stop-over points for Cuban troops on their way to Angola to fight "
         "UNITA rebels and South African troops.")
    assert simp.simplify(s, 2).startswith("Cape Verde and Guinea-Bissau were stop-over points")
    assert simp.simplify("A war between France and Britain served as a warning.", 2).startswith(
        "A war between France and Britain was a warning")
