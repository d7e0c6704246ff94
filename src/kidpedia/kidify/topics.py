"""Topics children browse (Animals, Space, History, ...): which an article is in.

    topics() -> list[Topic]             the topics, as data (rules/topics.yaml)
    topics_of(article) -> list[str]     the ids of the topics ``article`` belongs to

An article is in a topic when its infobox template names one of the topic's words
(whole words, case ignored); an article whose infobox says nothing is placed by the
head of its categories (the words before "of", "in", "about", "from", "by": "Mammals
of Africa" is about mammals, "Novels about animals" is not about animals). ``store/explore.py`` files the
good articles (``facts.is_good``) of each topic at the end of a build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from kidpedia import yamlload
from kidpedia.model import Article

_HEAD = re.compile(r" (?:of|in|about|from|by|for|with|at|on|to|and) ")


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    infoboxes: re.Pattern[str] | None
    categories: re.Pattern[str] | None
    examples: tuple[dict[str, Any], ...] = ()


def _words(terms: Iterable[str]) -> re.Pattern[str] | None:
    terms = sorted({t.lower() for t in terms}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in terms) + r")(?![\w-])")


@lru_cache(maxsize=1)
def topics() -> tuple[Topic, ...]:
    text = resources.files("kidpedia.kidify").joinpath("rules/topics.yaml").read_text("utf-8")
    return tuple(
        Topic(t["id"], t["name"], _words(t.get("infoboxes", [])), _words(t.get("categories", [])),
              tuple(t.get("examples", [])))
        for t in yamlload.safe_load(text)["topics"]
    )


def topic_named(topic_id: str) -> Topic | None:
    return next((t for t in topics() if t.id == topic_id), None)


def topics_for(infobox: str, categories: Iterable[str]) -> list[str]:
    """The topic ids of an infobox template name and category names."""
    box = infobox.lower()
    out = [t.id for t in topics() if box and t.infoboxes and t.infoboxes.search(box)]
    if out:
        return out
    heads = [_HEAD.split(c.lower(), 1)[0] for c in categories]
    return [t.id for t in topics() if t.categories and any(t.categories.search(h) for h in heads)]


def topics_of(article: Article) -> list[str]:
    box = article.quick_facts.template if article.quick_facts else ""
    return topics_for(box, article.categories)
