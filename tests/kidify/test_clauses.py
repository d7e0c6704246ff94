"""Clause splitting for level 1 (kidify/clauses.py): each rule of rules/clauses.yaml on its
examples and kept sentences, with the network off, and what a split never does (lose a
number or a name)."""

from __future__ import annotations

import re
import socket
from typing import Any

import pytest

from kidpedia.kidify import clauses
from kidpedia.kidify.simplify import facts

_CASES = [(name, e) for name, rule in clauses.rules()["rules"].items() for e in rule["examples"]]
_KEPT = [(name, k) for name, rule in clauses.rules()["rules"].items() for k in rule.get("kept", ())]


@pytest.mark.parametrize(("name", "entry"), _CASES, ids=lambda x: x if isinstance(x, str) else x["example"][:40])
def test_each_rule_example(name: str, entry: dict[str, Any]) -> None:
    assert clauses.split(entry["example"], (name,)) == entry["want"]
    assert clauses.split(entry["example"]) == entry["want"]  # no other rule gets in first
    for fact in facts(entry["example"]):  # every number and name still said (maybe now opening a sentence)
        assert fact in facts(entry["want"]) or re.search(rf"(?<![\w,.]){re.escape(fact)}(?![\w]|[,.]\d)", entry["want"])


@pytest.mark.parametrize(("name", "kept"), _KEPT, ids=lambda x: x[:40])
def test_each_kept_sentence(name: str, kept: str) -> None:
    assert clauses.split(kept) == kept


def test_short_sentences_stay() -> None:
    assert clauses.split("It is a mammal that eats ants.") == "It is a mammal that eats ants."


def test_tags_with_the_network_off(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network is off")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    clauses._parser.cache_clear()
    toks = clauses.tokens("The U.S. army, which won, was big.")
    assert [t.word for t in toks] == ["The", "U.S.", "army", ",", "which", "won", ",", "was", "big", "."]
    assert clauses.render(toks) == "The U.S. army, which won, was big."
    assert toks[5].tag == "VBD"


def test_a_split_restrictive_clause_leans_back() -> None:
    with clauses.leaning():
        out = clauses.split("He wrote a short book which sold three million copies in many lands.")
        first, second = out.split(". ", 1)
        assert first == "He wrote a short book"
        assert clauses.leans_back(second)  # levels shows it only with "He wrote a short book."
        assert clauses.leans_back(second.replace("lands", "countries"))  # a plain word put in later
        assert not clauses.leans_back(first + ".")
    assert not clauses.leans_back(second)  # what one article's splits said is not another's
    with clauses.leaning():
        assert not clauses.leans_back(second)


def test_a_level_does_not_depend_on_the_pages_made_before_it(sample_articles) -> None:  # type: ignore[no-untyped-def]
    """The same article at a level reads the same whichever pages the process made first:
    the split clauses ``leans_back`` knows are the article's own level's. (With one registry
    for the process, Acid's and Assistive technology's level 2 changed once their level 1 had
    been made.)"""
    from kidpedia.kidify import levels

    some = [a for a in sample_articles if a.title in ("Acid", "Assistive technology")]
    assert len(some) == 2
    alone = [levels.at_level(a, 2) for a in some]
    for a in some:
        levels.at_level(a, 1)
    assert [levels.at_level(a, 2) for a in some] == alone


def test_a_dated_participle_between_commas_is_said_in_the_past() -> None:
    """The sample's Academy Awards: "The awards, first presented in 1929 at the Hollywood
    Roosevelt Hotel, are overseen by A.M.P.A.S." said "The awards are first presented in 1929"
    before; a participle its phrase dates is past, whatever the main verb's tense."""
    s = "The awards, first presented in 1929 at the Hollywood Roosevelt Hotel, are overseen by A.M.P.A.S."
    assert clauses.split(s, ("appositive",)) == ("The awards are overseen by A.M.P.A.S. "
                                                 "The awards were first presented in 1929 at the Hollywood Roosevelt Hotel.")
    # no year, or "since": the main verb's tense
    assert "is located near" in clauses.split(
        "The main station, located near the old river harbour, is the oldest building in the city.", ("appositive",))
