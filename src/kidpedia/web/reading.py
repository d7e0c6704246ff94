"""Reading levels on the site: which level a request asks for, the article at that level,
and what the page shows about it (the level switch, the measures, hard words, glossary).

    chosen_level(value) -> int                  ?level=1|2|3 (anything else: 3)
    leveled(store, article, level) -> Article   stored by ``build --levels``, else made now
    reading_view(article, level, store, url) -> ReadingView

A page's measures are made once per article and level in this process (``measures``:
stored by ``build --levels``, else made and kept in a bounded cache keyed by the
article's size as well as its title, so a rebuilt article is measured again), and the
hard words' link targets are looked up together (``Store.resolve_many``: a page links to a
hundred titles, most of them not stored, and one lookup each cost more than the rest of
the page).
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from kidpedia.kidify import glossary, levels, reading
from kidpedia.model import Article
from kidpedia.store import Store
from kidpedia.store.levels import stored_level, stored_measures

MEASURES_KEPT = 4096  # articles-and-levels whose measures a process keeps
_measures: OrderedDict[tuple[object, ...], dict[str, Any]] = OrderedDict()
_measures_lock = threading.Lock()


def chosen_level(value: str | None) -> int:
    return levels.level_number(value) or levels.DEFAULT_LEVEL if value else levels.DEFAULT_LEVEL


def leveled(store: Store, article: Article, level: int) -> Article:
    """The article at ``level``: as ``kidpedia build --levels`` stored it, else made now."""
    if level == 3:
        return article
    return stored_level(store, article.title, level, article.lang) or levels.at_level(article, level)


@dataclass
class GlossaryEntry:
    word: str
    title: str
    href: str
    text: str


@dataclass
class ReadingView:
    level: int
    switch: list[tuple[int, str, bool]]  # (level, href, current)
    grade: float | None  # FKGL, an English measure: None where the language has no grade formula
    ease: float
    words: int
    hard: str  # JSON list of the hard words' hrefs, for the previews (autoescaped in the page)
    glossary: list[GlossaryEntry] = field(default_factory=list)


def level_href(title_url: str, level: int) -> str:
    return f"{title_url}?level={level}"


def measures(store: Store, article: Article, level: int) -> dict[str, Any]:
    """The reading measures of ``article`` (already at ``level``): stored, else made once
    and kept (the key holds the article's size, so a changed article is measured again)."""
    texts = [t.text for t in article.lead] + [t.text for s in article.iter_sections() for t in s.paragraphs]
    key = (str(store.path), article.lang, article.title, level, len(texts), sum(map(len, texts)))
    with _measures_lock:
        if key in _measures:
            _measures.move_to_end(key)
            return _measures[key]
    m = stored_measures(store, article.title, level, article.lang) or reading.article_measures(article)
    with _measures_lock:
        _measures[key] = m
        while len(_measures) > MEASURES_KEPT:
            _measures.popitem(last=False)
    return m


def reading_view(article: Article, level: int, store: Store, url: Callable[[str], str]) -> ReadingView:
    """What the page shows about reading: ``article`` is already at ``level``."""
    m = measures(store, article, level)
    switch = [(n, level_href(url(article.title), n), n == level) for n in levels.LEVELS]
    hard = glossary.hard_links(article, level, limit=None)
    entries: list[GlossaryEntry] = []
    hrefs: list[str] = []
    stored = store.resolve_many(h.target for h in hard)
    for h in hard:
        if len(entries) >= glossary.MAX_HARD:
            break
        found = stored.get(h.target)
        target = store.get(found) if found else None
        if target is None:
            continue
        href = url(target.title)
        hrefs.append(href)
        entries.append(GlossaryEntry(h.text, target.title, href, glossary.preview(target, level)))
    return ReadingView(
        level=level,
        switch=switch,
        grade=float(m["fkgl"]) if m.get("fkgl") is not None else None,
        ease=float(m.get("reading_ease", 0.0)),
        words=int(m.get("words", 0)),
        hard=json.dumps(hrefs, ensure_ascii=False),
        glossary=entries if level < 3 else [],
    )


def api_preview_url(title: str, level: int) -> str:
    return "/api/preview/" + quote(title.replace(" ", "_"), safe="") + f"?level={level}"
