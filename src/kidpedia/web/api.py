"""The JSON API under ``/api/``: article, search, suggest, random (documented by OpenAPI)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from kidpedia.store import forgive
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
        "endpoints": ["/api/article/{title}", "/api/search?q=", "/api/suggest?q=", "/api/random"],
        "license": "article text from Wikipedia, CC BY-SA 4.0",
    }


@router.get("/article/{raw_title:path}", response_model=None)
def article(request: Request, raw_title: str) -> Any:
    """One article in kidpedia's JSON form; a redirect's title redirects to its target."""
    site = _site(request)
    title = clean_title(raw_title)
    found = site.store.resolve(title) if title else None
    if found is None:
        raise HTTPException(404, f"no article called {title!r}")
    if found[0] != title:
        return RedirectResponse("/api/article/" + quote(found[0].replace(" ", "_"), safe=""), 302)
    data = site.store.get(found[0])
    if data is None:
        raise HTTPException(404, f"no article called {title!r}")
    return data.to_json()


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
    accents ignored; a misspelt word is corrected), for search-as-you-type."""
    query = clean_query(q)
    store = _site(request).store
    titles = [] if not query or is_blocked(query) else forgive.suggest(store, query, SUGGEST_LIMIT, is_blocked)
    return SuggestResponse(
        query=query, suggestions=[_link(t) for t in titles if not is_blocked(t)]
    )


@router.get("/random", response_model=TitleLink)
def random(request: Request, response: Response) -> TitleLink:
    """A random article."""
    title = _site(request).store.random_title()
    if title is None:
        raise HTTPException(404, "the encyclopedia is empty")
    response.headers["Cache-Control"] = "no-store"
    return _link(title)
