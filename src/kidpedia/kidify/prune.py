"""Sections a child does not need (References, External links, ...), from rules/sections.yaml
and, per language, the dropped roles of data/section_roles.yaml (``kidpedia.sections``).

``dropped_titles(lang)`` is handed to the parser so such sections are never parsed;
``prune`` applies the same rule to an Article from any source, and drops sections
left empty.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import resources

from kidpedia import yamlload
from kidpedia.model import Article, Section
from kidpedia.sections import dropped_names


@lru_cache(maxsize=1)
def _drop_list() -> frozenset[str]:
    text = resources.files("kidpedia.kidify").joinpath("rules/sections.yaml").read_text("utf-8")
    return frozenset(s.lower() for s in yamlload.safe_load(text)["drop"])


@lru_cache(maxsize=256)
def dropped_titles(lang: str = "en") -> frozenset[str]:
    """Lower-cased headings dropped in a page of ``lang``: the drop list and the language's roles."""
    return _drop_list() | dropped_names(lang)


def _prune_sections(sections: tuple[Section, ...], drop: frozenset[str]) -> tuple[Section, ...]:
    out = []
    for s in sections:
        if s.title.strip().lower() in drop:
            continue
        children = _prune_sections(s.sections, drop)
        if s.paragraphs or children:
            out.append(replace(s, sections=children))
    return tuple(out)


def prune(article: Article) -> Article:
    """The article without dropped or empty sections."""
    sections = _prune_sections(article.sections, dropped_titles(article.lang))
    return article if sections == article.sections else replace(article, sections=sections)
