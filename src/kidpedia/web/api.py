"""The JSON API under ``/api/``: article, search, suggest, random (documented by OpenAPI)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from kidpedia.kidify import glossary
from kidpedia.store import explore, forgive
from kidpedia.web import reading as reading_web
from kidpedia.web import render
from kidpedia.web.app import Site
from kidpedia.web.query import MAX_PAGE, PAGE_SIZE, clean_query, clean_title, is_blocked

router = APIRouter(prefix="/api", tags=["api"])

SUGGEST_LIMIT = 8


class TitleLink(BaseModel):
    title: str
    url: str = Field(description="path of the article page on this site")


class SearchResult(TitleLink):
    snippet: str = Field(description="plain text around the matched words")
    snippet_html: str = Field(description="the snippet, escaped, matched words in <mark>")


class SearchResponse(BaseModel):
    query: str
    blocked: bool = Field(description="true when safe search declined the query")
    total: int
    offset: int
    did_you_mean: str | None = Field(
        default=None, description="when set, the results are for this corrected query"
    )
    results: list[SearchResult]


class SuggestResponse(BaseModel):
    query: str
    suggestions: list[TitleLink]


def _site(request: Request) -> Site:
    return request.app.state.site


def _link(title: str) -> TitleLink:
    return TitleLink(title=title, url=render.wiki_url(title))


@router.get("/")
def index() -> dict[str, Any]:
    """What the API offers, and where its OpenAPI document is."""
    return {
        "openapi": "/api/openapi.json",
        "endpoints": ["/api/article/{title}?level=1|2|3", "/api/preview/{title}?level=1|2|3", "/api/search?q=", "/api/suggest?q=", "/api/random"],
        "license": "article text from Wikipedia, CC BY-SA 4.0",
    }


@router.get("/article/{raw_title:path}", response_model=None)
def article(request: Request, raw_title: str, level: int = Query(3, ge=1, le=3)) -> Any:
    """One article in kidpedia's JSON form at reading ``level`` (1: ages 7-9, 2: ages
    10-12, 3: the full article), with its reading measures under ``reading``, its
    ``quiz`` (questions with ``choices`` and the index of the right ``answer``) and its
    ``timeline`` (``date`` as written, ``year``/``month``/``day``, the sentence ``text``);
    a redirect's title redirects to its target."""
    site = _site(request)
    title = clean_title(raw_title)
    found = site.store.resolve(title) if title else None
    if found is None:
        raise HTTPException(404, f"no article called {title!r}")
    suffix = f"?level={level}" if level != 3 else ""
    if found[0] != title:
        return RedirectResponse("/api/article/" + quote(found[0].replace(" ", "_"), safe="") + suffix, 302)
    data = site.store.get(found[0])
    if data is None:
        raise HTTPException(404, f"no article called {title!r}")
    at = reading_web.leveled(site.store, data, level)
    extras = explore.extras(site.store, data.title)
    return {**at.to_json(), "level": level, "reading": reading_web.measures(site.store, at, level),
            "quiz": extras.quiz if extras else [], "timeline": extras.timeline if extras else []}


class Preview(BaseModel):
    title: str
    url: str = Field(description="path of the article page on this site, at the same level")
    level: int
    text: str = Field(description="the article's first sentence at the reading level")


@router.get("/preview/{raw_title:path}", response_model=Preview)
def preview(request: Request, raw_title: str, level: int = Query(3, ge=1, le=3)) -> Preview:
    """The first sentence of an article at a reading level: what a hard word's preview shows."""
    site = _site(request)
    title = clean_title(raw_title)
    found = site.store.resolve(title) if title and not is_blocked(title) else None
    data = site.store.get(found[0]) if found else None
    if data is None:
        raise HTTPException(404, f"no article called {title!r}")
    url = render.wiki_url(data.title) + (f"?level={level}" if level != 3 else "")
    return Preview(title=data.title, url=url, level=level, text=glossary.preview(data, level))


@router.get("/search", response_model=SearchResponse)
def search(request: Request, q: str = "", offset: int = 0, limit: int = PAGE_SIZE) -> SearchResponse:
    """Articles ranked by BM25 for any words; safe search declines some queries."""
    store = _site(request).store
    query = clean_query(q)
    offset = max(0, min(offset, MAX_PAGE * PAGE_SIZE))
    limit = max(1, min(limit, 50))
    if not query or is_blocked(query):
        return SearchResponse(query=query, blocked=bool(query), total=0, offset=offset, results=[])
    found = forgive.find(store, query, limit=limit, offset=offset, blocked=is_blocked)
    hits = found.hits
    results = [
        SearchResult(
            title=h.title,
            url=render.wiki_url(h.title),
            snippet=render.plain_snippet(h.snippet),
            snippet_html=str(render.render_snippet(h.snippet)),
        )
        for h in hits
    ]
    return SearchResponse(
        query=query, blocked=False, total=found.total, offset=offset, did_you_mean=found.did_you_mean,
        results=results,
    )


@router.get("/suggest", response_model=SuggestResponse)
def suggest(request: Request, q: str = "") -> SuggestResponse:
    """Titles starting with ``q``, then titles with a word starting with it (case and
    accents ignored; a misspelt word is corrected), for search-as-you-type.

    In a worker thread like the other routes: answered on the event loop instead it cost
    less CPU (0.54-0.77 against 0.79-0.94 ms a request) but served 441-605 requests/s
    at 8 clients against the thread's 1,047-1,297 on this loaded 2-core machine (load
    7.2-7.5), where one thread gets a smaller share of the cores than several."""
    query = clean_query(q)
    store = _site(request).store
    titles = [] if not query or is_blocked(query) else forgive.suggest(store, query, SUGGEST_LIMIT, is_blocked)
    return SuggestResponse(
        query=query, suggestions=[_link(t) for t in titles if not is_blocked(t)]
    )


@router.get("/random", response_model=TitleLink)
def random(request: Request, response: Response) -> TitleLink:
    """A random good article (a picture, a real lead; not a list or a stub)."""
    store = _site(request).store
    good = explore.random_good(store)
    title = good[0] if good else store.random_title()
    if title is None:
        raise HTTPException(404, "the encyclopedia is empty")
    response.headers["Cache-Control"] = "no-store"
    return _link(title)
