"""What the page levels do beyond the sentence simplifier (kidify/rewrite.py): the
article's opening said as short sentences, every number and name still said."""

from __future__ import annotations

import pytest

from kidpedia.kidify import rewrite
from kidpedia.kidify.simplify import facts


@pytest.mark.parametrize(("before", "after"), [
    ("Anarchism is a political philosophy that advocates self-governed societies.",
     "Anarchism is a political philosophy. It advocates self-governed societies."),
    ("Autism is a neurodevelopmental disorder characterized by impaired social interaction.",
     "Autism is a neurodevelopmental disorder. It is characterized by impaired social interaction."),
    (("An American in Paris is a jazz-influenced symphonic poem by the American composer George Gershwin, "
     "written in 1928."),
     ("An American in Paris is a jazz-influenced symphonic poem. It is by the American composer George Gershwin. "
     "It was written in 1928.")),
    (("Andorra, officially the Principality of Andorra, is a landlocked microstate in Europe, located in the "
     "Pyrenees and bordered by Spain and France."),
     ("Andorra is a landlocked microstate in Europe. It is located in the Pyrenees. It is bordered by Spain and "
     "France. Its full name is the Principality of Andorra.")),
    ("Albania, officially called the Republic of Albania, is a country in Southeastern Europe.",
     "Albania is a country in Southeastern Europe. Its full name is the Republic of Albania."),
    ("Asphalt, also known as bitumen, is a sticky, black liquid.",
     "Asphalt is a liquid. It is sticky and black. It is also called bitumen."),
    # the sample's Asphalt opening lost the comma that closes its other name
    ("Asphalt, also called bitumen is a sticky, black and highly viscous liquid or semi-solid form of petroleum.",
     ("Asphalt is a sticky, black and highly viscous liquid or semi-solid form of petroleum. It is also called "
      "bitumen.")),
    # describing words set off by commas said as a sentence of their own
    ("The aardvark is a medium-sized, burrowing, nocturnal mammal native to Africa.",
     "The aardvark is a mammal native to Africa. It is medium-sized, burrowing and nocturnal."),
    ("Aristotle was a Greek philosopher born in the city of Stagira.",
     "Aristotle was a philosopher. He was Greek. He was born in the city of Stagira."),
    ("Alain Connes is a French mathematician, Professor at the Collège de France and Vanderbilt University.",
     "Alain Connes is a mathematician. He is French. He is Professor at the Collège de France and Vanderbilt University."),
    (("The Austroasiatic languages, in recent classifications synonymous with Mon–Khmer, are a large language "
     "family of Southeast Asia, scattered throughout India and Nepal."),
     ("The Austroasiatic languages are a large language family of Southeast Asia. They are scattered throughout "
     "India and Nepal. In recent classifications, they are synonymous with Mon–Khmer.")),
    ("Agnostida is an order of arthropod which first developed near the end of the Early Cambrian period.",
     "Agnostida is an order of arthropod. It first developed near the end of the Early Cambrian period."),
    ("Actresses is a 1997 Catalan language Spanish drama film produced and directed by Ventura Pons.",
     "Actresses is a 1997 Catalan language Spanish drama film. It was produced and directed by Ventura Pons."),
    # the sample's real openings (after the simplifier): a role said "now", a participle before a list of
    # places, two other names, two verbs of the moved clause, what the subject has
    (("Alain Connes is a French mathematician, now Professor at the Collège de France, IHÉS, The Ohio State "
      "University and Vanderbilt University."),
     ("Alain Connes is a mathematician. He is French. He is now Professor at the Collège de France, IHÉS, The Ohio State "
      "University and Vanderbilt University.")),
    (("The Austroasiatic languages, in recent classifications the same as Mon–Khmer, are a large language "
      "family of continental Southeast Asia, scattered throughout India, Bangladesh, Nepal and the southern "
      "border of China."),
     ("The Austroasiatic languages are a large language family of continental Southeast Asia. They are scattered "
      "throughout India, Bangladesh, Nepal and the southern border of China. In recent classifications, they are "
      "the same as Mon–Khmer.")),
    # what follows from what the subject is (the sample's Atomic number opening, "In ..." before its subject)
    (("In chemistry and physics the atomic number of a chemical element is the number of protons found in the "
      "nucleus of an atom of that element and so the same as the charge number of the nucleus."),
     ("In chemistry and physics the atomic number of a chemical element is the number of protons found in the "
      "nucleus of an atom of that element. So it is the same as the charge number of the nucleus.")),
    # what the subject is, said between commas (the sample's Apollo 8 opening)
    (("Apollo 8, the second human spaceflight mission in the United States Apollo space program, was launched on "
      "December 21, 1968."),
     ("Apollo 8 was launched on December 21, 1968. It was the second human spaceflight mission in the United "
      "States Apollo space program.")),
    (("Afroasiatic, also called Afrasian and traditionally as Hamito-Semitic, is a large language family of "
      "several hundred related languages and dialects."),
     ("Afroasiatic is a large language family of several hundred related languages and dialects. It is also "
      "called Afrasian. It is traditionally called Hamito-Semitic.")),
    (("Agnostida is an order of arthropod which first developed near the end of the Early Cambrian period and "
      "thrived during the Middle Cambrian."),
     ("Agnostida is an order of arthropod. It first developed near the end of the Early Cambrian period. It "
      "thrived during the Middle Cambrian.")),
    ("Alba is a town in the hills of Piedmont, with a population of about 31,000.",
     "Alba is a town in the hills of Piedmont. Its population is about 31,000."),
    # a person's nationality said on its own ("a" before a noun: "a Canadian-born American", not "a French")
    ("Allan Dwan was a pioneering Canadian-born American movie director, producer and screenwriter.",
     "Allan Dwan was a pioneering movie director, producer and screenwriter. He was a Canadian-born American."),
    # what a thing is made of is said in the present
    ("Adobe is a building material made from earth and often organic material.",
     "Adobe is a building material. It is made from earth and often organic material."),
    # how a process is done, said on its own
    (("Animation is the process of making the illusion of motion and change by the fast display of a sequence of "
      "static pictures."),
     ("Animation is the process of making the illusion of motion and change. This is done by the fast display of a "
      "sequence of static pictures.")),
    ("Alba is a town in the hills of Piedmont, with a castle and a church.",
     "Alba is a town in the hills of Piedmont. It has a castle and a church."),
    (("The Economy of Angola is one of the fastest-growing economies in the world, with reported yearly average "
      "GDP growth of 11.1 percent for the period from 2001 to 2010."),
     ("The Economy of Angola is one of the fastest-growing economies in the world. Its reported yearly average GDP "
      "growth was 11.1 percent for the period from 2001 to 2010.")),
    # two describing words joined by "and" before the one noun the participle is said of (the sample's Alchemy)
    ("Alchemy is a philosophical and protoscientific tradition practiced across Europe, Egypt and Asia.",
     "Alchemy is a philosophical and protoscientific tradition. It is practiced across Europe, Egypt and Asia."),
    ("Cricket is a bat-and-ball game played between two teams of eleven players.",
     "Cricket is a bat-and-ball game. It is played between two teams of eleven players."),
    ("The Proms is a music festival held in London every summer.",
     "The Proms is a music festival. It is held in London every summer."),
])
def test_opening_said_as_short_sentences(before: str, after: str) -> None:
    pronoun = "He" if before.startswith(("Aristotle", "Alain", "Allan")) else "It"
    assert rewrite.split_definition(before, pronoun) == after
    assert facts(before) <= facts(after)  # every number and name is still said


@pytest.mark.parametrize("kept", [
    "Anthropology is the study of humans and their societies in the past and present.",  # no clause to split
    "An astronomer is a scientist in the field of astronomy who studies the sky.",  # "who" may be the field's
    "The mean is the sum of a collection of numbers divided by the count.",  # the participle is not the subject's
    'He said "it is a house, built in 1900.',  # an open quotation
    "Apollo 11 was the first spaceflight that landed humans on the Moon.",  # which spaceflight: kept whole
    "A lemma is a member of the group that sorts words.",  # "that" may be the group's
    "The Economy is one of the largest in the world, with reported growth in every year.",  # no "It has reported"
    "Grant was an American Civil War general.",  # "Civil War" is no nationality
    "It is a city, capital of the region.",  # a second noun, not a list of describing words
    "The town lies in a valley, located near Lyon, Vienne and Grenoble, which grew in 1900.",  # a clause in the list
    # an aside that is not what the subject is: a word's origin, a clause, an example (the sample's Albedo)
    ('Albedo or reflection coefficient, from Latin albedo "whiteness" in turn from albus "white", is the diffuse '
     "reflectivity or reflecting power of a surface."),
    "The castle, the one that was built by the king, is old.",
    "Paris, a city, and London are big.",
    "He was a farmer and so the same as his father.",  # too short a head to stand alone
    "It is a tool and so useful.",  # not "the same as": what follows is no sentence of its own
    "X is a cat and a dog found in Spain.",  # two nouns: the participle may be said of both
])
def test_opening_left_alone_where_no_rule_fits(kept: str) -> None:
    assert rewrite.split_definition(kept, "It") == kept


def test_quick_facts_said_as_sentences_only_where_exact() -> None:
    from kidpedia.model import Article, FactRow, QuickFacts, Text

    def box(template: str, **rows: str) -> QuickFacts:
        return QuickFacts(template, "", None, tuple(FactRow(k.replace("_", " "), (Text(v),)) for k, v in rows.items()))

    country = Article("Albania", quick_facts=box("infobox country", Capital="Tirana, 41°20′N 19°48′E",
                                                 Official_languages="Albanian"))
    assert rewrite.box_sentences(country, ("It", "Albania")) == ["Its capital is Tirana.",
                                                                 "Its official language is Albanian."]
    film = Article("Actrius", quick_facts=box("infobox film", Directed_by="Ventura Pons", Language="Catalan",
                                              Running_time="100 minutes", Release_date="17 January 1997"))
    assert rewrite.box_sentences(film, ("It", "Actrius")) == [
        "It was directed by Ventura Pons.", "It is in Catalan.", "It is 100 minutes long.",
        "It came out on 17 January 1997."]
    person = Article("Ayn Rand", quick_facts=box("infobox writer", Born="Alisa Rosenbaum, February 2, 1905, Russia",
                                                 Died="March 6, 1982 (aged 77), New York City"))
    assert rewrite.box_sentences(person, ("She", "Ayn Rand")) == ["She was born on February 2, 1905.",
                                                                  "She died on March 6, 1982."]
    assert rewrite.box_sentences(person, ()) == ["Ayn Rand was born on February 2, 1905.", "Ayn Rand died on March 6, 1982."]
    vague = Article("Algeria", quick_facts=box("infobox country", Capital="capital city (de facto)",
                                               Official_languages="Arabic, Berber, French", Release_date="c. 1900s"))
    assert rewrite.box_sentences(vague, ("It", "Algeria")) == []  # not one plain thing: nothing said


def test_a_nationality_is_said_on_its_own_only_for_a_person_and_only_a_nationality() -> None:
    general = "Grant was an American Civil War general."  # "Civil War" is no nationality
    assert rewrite.split_definition(general, "He") == general
    film = "Actresses is a 1997 Catalan language Spanish drama film."  # a thing: "It is Spanish" is not said
    assert rewrite.split_definition(film, "It") == film
    rand = "Ayn Rand was a Russian-American writer and philosopher."
    assert rewrite.split_definition(rand, "She") == "Ayn Rand was a writer and philosopher. She was a Russian-American."


@pytest.mark.parametrize(("before", "pronoun", "after"), [
    # real sentences of the sample's Astronomer page (level 2)
    (("Professional astronomers are educated people who usually have a PhD in physics or astronomy and are "
      "employed by research institutions or universities."), ("It", "Astronomer"),
     ("Professional astronomers are educated people. They usually have a PhD in physics or astronomy. They are "
      "employed by research institutions or universities.")),
    ("Amphibians are animals that live in water and on land.", ("It", "Amphibians"),
     "Amphibians are animals. They live in water and on land."),
    ("These frogs are animals that live in water and on land.", ("It", "Toad"),
     "These frogs are animals. They live in water and on land."),
    ("Einstein was a physicist who worked in Bern.", ("He", "Albert Einstein", "Einstein"),
     "Einstein was a physicist. He worked in Bern."),
])
def test_a_later_sentence_that_says_what_something_is_as_short_sentences(
        before: str, pronoun: tuple[str, ...], after: str) -> None:
    assert rewrite.split_body_sentence(before, pronoun) == after
    assert facts(before) <= facts(after)


@pytest.mark.parametrize("kept", [
    "Victor Fleming was a director who worked in Hollywood.",  # someone else: "he" or "she" is not known
    "Many people think a farm is a place that needs rain.",  # the claim is the people's
    "If the data set is a sample that has gaps, it is small.",  # a condition
    "The class is for people who like cats.",  # no relative clause after "is a/an" or a plural
    "Eric was a man with a desire to be loved, weak and attention-seeking.",  # a name alone may be a person's
    "How altruism is framed is an area of focus that grows.",  # a clause as the subject
    "The pasha was helped by janissaries, known in Algeria as the ojaq.",  # said of the janissaries
    "Urodela is a name sometimes used for all salamanders.",  # "a name sometimes": no sentence
    "The legislature is an assembly of the House, with 105 members and the Senate, with 35 members.",
])
def test_a_later_sentence_left_alone_where_the_subject_is_not_plain(kept: str) -> None:
    assert rewrite.split_body_sentence(kept, ("It", "Astronomer")) == kept


@pytest.mark.parametrize(("before", "after"), [
    ("Most cities have amateur astronomy clubs that meet on a regular basis and often host star parties.",
     "Most cities have amateur astronomy clubs. They meet on a regular basis. They often host star parties."),
    ("The town has a castle that was built in 1200.", "The town has a castle. It was built in 1200."),
    # the sample's Arithmetic mean: the verb is the second lowercase word, not the first ("mean")
    ("The arithmetic mean has several properties that make it useful.",
     "The arithmetic mean has several properties. They make it useful."),
])
def test_a_relative_clause_on_the_object_as_a_sentence(before: str, after: str) -> None:
    assert rewrite.split_object_relative(before) == after
    assert facts(before) <= facts(after)


@pytest.mark.parametrize("kept", [
    "A lemma is a member of the group that sorts words.",  # after "of": the member's or the group's
    "He met a man who sold cars.",  # a person: "he" or "she" is not known
    "He fought the kings that ruled in turn.",  # "the kings that ...": which kings
    "The mean is the only single number for which the residuals sum to zero.",
    "Scientists found evidence that was hidden.",  # no "a/an", not a plural
    "The University of Texas is among the schools that have got grants.",  # "among the schools"
    "There has been a transition from a cinema that focused on the war.",  # after "from"
    "He introduced the notion that nature is made of things that change and that studying them helps.",
    "He noted Lincoln used ethnic slurs, told jokes that ridiculed blacks, and insisted he was right.",
    "The pasha was helped by janissaries which was known as the ojaq.",  # the clause is not the plural's
    "He met a man who owns cars that run fast.",  # a later clause inside the first: not split there either
    "The mean of the values of the samples that were taken is small.",  # no verb before the object
    # the sample's Android (robot) at level 2 read "But a cyborg would be a creature.": after "be" a bare
    # noun says nothing, the clause says what it is
    "But a cyborg would be a creature that is a combination of organic and mechanical parts.",
    # Aristotle at level 2 read "He argued there are no universals. They are unattached to existing things."
    "Aristotle argued that there are no universals that are unattached to existing things.",
    "He argued there are no universals that are unattached to existing things.",
    # Aikido at level 2 read "Ueshiba's goal was to make an art. It practitioners could use to defend themselves"
    "Ueshiba's goal was to make an art that practitioners could use to defend themselves.",
    # Albania: "Lake Shkodër in the country's northwest has a surface. It can vary between 370 km² and 530 km²"
    "Lake Shkodër in the country's northwest has a surface that can vary between 370 km² and 530 km².",
])
def test_a_relative_clause_that_tells_which_stays(kept: str) -> None:
    assert rewrite.split_object_relative(kept) == kept


def test_describing_words_and_nationality_only_where_they_are_the_subjects() -> None:
    husband = "He was an affectionate, though often absent, husband and father of four children."
    assert rewrite.split_definition(husband, "He") == husband  # "though often absent" is no list of adjectives
    theme = "Apollo is a common theme in Greek and Roman art."
    assert rewrite.split_definition(theme, "He") == theme  # the art is Greek, not Apollo


def test_another_name_said_with_or_simply() -> None:
    before = ("In mathematics and statistics the arithmetic mean, or simply the mean or average when the context is "
              "clear, is the sum of a collection of numbers divided by their count.")
    assert rewrite.split_definition(before, "It") == (
        "In mathematics and statistics the arithmetic mean is the sum of a collection of numbers divided by their "
        "count. It is also called the mean or average when the context is clear.")


@pytest.mark.parametrize(("before", "after"), [
    # the sample's Allan Dwan page (level 2)
    (("He directed Gloria Swanson in eight feature movies and one short movie made in the short-lived "
      "sound-on-film process Phonofilm."),
     ("He directed Gloria Swanson in eight feature movies and one short movie. It was made in the short-lived "
      "sound-on-film process Phonofilm.")),
    ("The town has a church built in 1200.", "The town has a church. It was built in 1200."),  # a year: the past
    ("Amigoe is a newspaper published in Dutch.", "Amigoe is a newspaper. It is published in Dutch."),
])
def test_a_participle_on_the_last_object_as_a_sentence(before: str, after: str) -> None:
    assert rewrite.split_object_participle(before) == after
    assert facts(before) <= facts(after)


@pytest.mark.parametrize("kept", [
    "Suppose we wanted to predict the weight of a dog based on its features.",  # after "of", and "to predict"
    "The Model 33 was known for its bell.",  # "33 was" is no object
    "A member may submit a name made of letters.",  # a modal
    "He met a man, a friend made in school.",  # a comma before
])
def test_a_participle_that_may_be_the_verbs_stays(kept: str) -> None:
    assert rewrite.split_object_participle(kept) == kept


def test_a_person_said_with_their_and_a_reason_said_with_as() -> None:
    # the sample's Astronomer and Foreign relations of Angola openings
    s = ("An astronomer is a scientist in the field of astronomy who focuses their studies on a specific question or "
         "field outside the scope of Earth.")
    assert rewrite.split_definition(s, "It") == ("An astronomer is a scientist in the field of astronomy. They focus "
                                                 "their studies on a specific question or field outside the scope of Earth.")
    s = ("The foreign relations of Angola are based on Angola's strong support of U.S. foreign policy as the Angolan "
         "economy depends on U.S. foreign aid.")
    assert rewrite.split_definition(s, "It").endswith(". This is because the Angolan economy depends on U.S. foreign aid.")
    for kept in ("A farmer is a member of the club of farmers who grows food.", "It is the same as the town needs it."):
        assert rewrite.split_definition(kept, "It") == kept


def test_a_list_of_examples_that_ends_a_sentence_is_said_on_its_own() -> None:
    # the sample's Adventure: a 23-word sentence read at grade 15
    s = ("Adventures may be activities with some potential for physical danger like exploring, skydiving, mountain "
         "climbing, river rafting or taking part in extreme sports.")
    assert rewrite.split_examples(s) == (
        "Adventures may be activities with some potential for physical danger. Examples are exploring, skydiving, "
        "mountain climbing, river rafting or taking part in extreme sports.")
    for kept in ("Children like apples, pears and plums.",  # "like" the verb
                 ("Food production and demand on a global basis, with special attention paid to the major producers "
                 "such as China, India, Brazil, the USA and the EU."),  # no sentence before the list
                 ("The following are some examples of Afroasiatic cognates, such as ten pronouns, three nouns and "
                 "three verbs."),
                 "It is spoken in many places such as Mali, Niger and Chad, and is old."):
        assert rewrite.split_examples(kept) == kept
    for kept in ("The pigs start to look like humans, pigs, dogs and men.",
                 "Marketed and home-made bread products include varieties such as Kessra or Khmira, Harchaya and Matloue."):
        assert rewrite.split_examples(kept) == kept
    assert rewrite.split_examples("Alkanes form a small part of the atmospheres of the outer gas planets such as "
                                  "Jupiter, Saturn, Uranus and Neptune.") == (
        "Alkanes form a small part of the atmospheres of the outer gas planets. Examples are Jupiter, Saturn, Uranus "
        "and Neptune.")


def test_an_opening_says_who_made_a_work_and_what_its_long_head_was() -> None:
    # the sample's An American in Paris and Articles of Confederation at level 2: openings of 15 and 30 words
    assert rewrite.split_definition("An American in Paris is a jazz-influenced symphonic poem by the American composer "
                                    "George Gershwin.", "It") == (
        "An American in Paris is a jazz-influenced symphonic poem. It is by the American composer George Gershwin.")
    assert rewrite.split_definition(
        "The Articles of Confederation, formally the Articles of Confederation and Perpetual Union, was an agreement "
        "among all thirteen original states in the United States of America that was its first constitution.", "It") == (
        "The Articles of Confederation was an agreement among all thirteen original states in the United States of "
        "America. It was its first constitution. Its full name is the Articles of Confederation and Perpetual Union.")
    # a short head says who made it in the same sentence; "the first spaceflight that ..." is not split
    assert rewrite.split_definition("It is a novel by Ayn Rand.", "It") == "It is a novel by Ayn Rand."


def test_a_persons_roles_past_the_first_are_a_sentence_at_level_1() -> None:
    # the sample's Ayn Rand and Allan Dwan openings at level 1 (after the nationality is said on its own)
    assert rewrite.split_definition("Ayn Rand was a writer, thinker, playwright and screenwriter.", "She", level=1) == (
        "Ayn Rand was a writer. She was also a thinker, playwright and screenwriter.")
    assert rewrite.split_definition("Allan Dwan was a pioneering Canadian-born American movie director, producer and "
                                    "screenwriter.", "He", level=1) == (
        "Allan Dwan was a pioneering movie director. He was a Canadian-born American. He was also a producer and "
        "screenwriter.")
    # not where level 1 would say the first role again ("He was also a writer, thinker ..."), nor a membership
    for kept in ["Ann Lee was a writer, novelist and thinker.", "Ann Lee was a writer, thinker and member of the Lee family."]:
        assert rewrite.split_definition(kept, "She", level=1) == kept
    # level 2 keeps the list; two roles, or a thing's list, stay
    assert rewrite.split_definition("Ayn Rand was a writer, thinker and playwright.", "She", level=2) == (
        "Ayn Rand was a writer, thinker and playwright.")
    assert rewrite.split_definition("Aristotle was a thinker and scientist.", "He", level=1) == (
        "Aristotle was a thinker and scientist.")
    assert rewrite.split_definition("Asphalt is a sticky, black and very thick liquid.", "It", level=1) == (
        "Asphalt is a sticky, black and very thick liquid.")


def test_who_made_a_work_is_a_sentence_at_level_1_too() -> None:
    # the sample's An American in Paris at level 1: "... is a symphonic poem by the American composer George Gershwin."
    assert rewrite.split_definition("An American in Paris is a symphonic poem by the American composer George "
                                    "Gershwin.", "It", level=1) == (
        "An American in Paris is a symphonic poem. It is by the American composer George Gershwin.")


def test_level_1_says_what_the_subject_is_without_the_field_it_is_said_in() -> None:
    # the sample's Alkane, Algorithm and Arithmetic mean openings at level 1
    assert rewrite.without_field("In organic chemistry an alkane, or paraffin, is a saturated hydrocarbon.", "Alkane") == (
        "An alkane, or paraffin, is a saturated hydrocarbon.")
    assert rewrite.without_field("In math and computer science, an algorithm is a step-by-step set of operations to "
                                 "be performed.", "Algorithm") == (
        "An algorithm is a step-by-step set of operations to be performed.")
    assert rewrite.without_field("In math and statistics the arithmetic mean is the sum of a collection of numbers.",
                                 "Arithmetic mean") == "The arithmetic mean is the sum of a collection of numbers."
    # a hedge, a year, a name, a time, or a subject that is not the page's stays
    for kept, title in [("In general an abstract is a brief statement.", "Abstract (law)"),
                        ("In 1990 the city was big.", "City"), ("In Greek myths Achilles was a hero.", "Achilles"),
                        ("In the past the city was big.", "City"), ("In biology a cell is the unit of life.", "Alkane")]:
        assert rewrite.without_field(kept, title) == kept
