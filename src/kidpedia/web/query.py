"""What the web app makes of user input: queries, page numbers, titles, safe search.

Every function here accepts any string (quotes, FTS operators, NUL bytes, emoji,
thousands of characters) and returns something harmless; nothing here raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from kidpedia.kidify import safety
from kidpedia.titles import MAX_TITLE, site_title

MAX_QUERY = 200  # characters of a query we search for and show back
MAX_PAGE = 50
PAGE_SIZE = 10

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"\s+")


def clean_query(q: str | None) -> str:
    """A query as we search for it and show it: no control characters, short, trimmed."""
    if not q:
        return ""
    q = _CONTROL.sub(" ", q[: MAX_QUERY * 4])
    return _SPACES.sub(" ", q).strip()[:MAX_QUERY].strip()


def clean_title(raw: str) -> str:
    """A title from a URL path, as the build stores titles (``titles.site_title``)."""
    return site_title(raw[: MAX_TITLE * 4])[:MAX_TITLE]


def page_number(raw: str | None) -> int:
    """``page=`` as a number from 1 to MAX_PAGE; anything else is page 1."""
    if raw is None:
        return 1
    raw = raw.strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 6:
        return 1
    return max(1, min(int(raw), MAX_PAGE))


def is_blocked(q: str) -> bool:
    """Safe search: True when children should not be searching for (or offered) ``q``."""
    return bool(q) and _blocked(q, safety.is_blocked_query)


@lru_cache(maxsize=16384)  # suggestions ask it of the same titles again and again
def _blocked(q: str, check: Callable[[str], object]) -> bool:
    return bool(check(q))


@dataclass(frozen=True)
class Paging:
    page: int
    total: int
    size: int = PAGE_SIZE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, max(1, -(-self.total // self.size)))

    @property
    def previous(self) -> int | None:
        return self.page - 1 if self.page > 1 else None

    @property
    def next(self) -> int | None:
        return self.page + 1 if self.page < self.pages else None
