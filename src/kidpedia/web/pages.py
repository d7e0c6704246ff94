"""The HTML pages: home, article, search, random, and the friendly "not found" page."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from markupsafe import Markup

from kidpedia.model import Article
from kidpedia.store import Store, forgive
from kidpedia.web import editions, fast, reading, render
from kidpedia.web.app import STATIC_DIR, Site
from kidpedia.web.media import SiteMedia
from kidpedia.web.query import PAGE_SIZE, Paging, clean_query, clean_title, is_blocked, page_number

router = APIRouter(include_in_schema=False)
GET_HEAD = ["GET", "HEAD"]  # HEAD too: link checkers and curl -I ask for it

EXPLORE_COUNT = 6
NO_STORE = {"Cache-Control": "no-store"}


@dataclass
class Teaser:
    """An article offered to explore: title, link and its first words."""

    title: str
    href: str
    blurb: str


def _site(request: Request) -> Site:
    return request.app.state.site


def _blurb(article: Article, length: int = 140) -> str:
    text = article.lead[0].text if article.lead else ""
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


def worth_exploring(article: Article) -> bool:
    """A real topic with a proper lead: not a list, a disambiguation page or a stub."""
    lead = article.lead[0].text if article.lead else ""
    return (
        len(lead) >= 80
        and "may refer to" not in lead
        and not article.title.endswith("(disambiguation)")
        and not article.title.startswith("List of")
        and not is_blocked(article.title)
    )


def explore(store: Store, count: int = EXPLORE_COUNT) -> list[Teaser]:
    """A few different articles worth reading, picked at random (fewer if the store is small)."""
    seen: set[str] = set()
    teasers: list[Teaser] = []
    for _ in range(count * 5):
        title = store.random_title()
        if not title or title in seen:
            continue
        seen.add(title)
        article = store.get(title)
        if article and worth_exploring(article):
            teasers.append(Teaser(title, render.wiki_url(title), _blurb(article)))
        if len(teasers) == count:
            break
    return teasers


@router.api_route("/", methods=GET_HEAD)
def home(request: Request) -> Response:
    site = _site(request)
    response = site.page("home.html", explore=explore(site.store))
    response.headers.update(NO_STORE)
    return response


@router.api_route("/random", methods=GET_HEAD)
def random_article(request: Request) -> Response:
    title = _site(request).store.random_title()
    url = render.wiki_url(title) if title else "/"
    return RedirectResponse(url, status_code=302, headers=NO_STORE)


@router.api_route("/favicon.ico", methods=GET_HEAD)
def favicon() -> Response:
    return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")


@router.api_route("/wiki", methods=GET_HEAD)
@router.api_route("/wiki/", methods=GET_HEAD)
def wiki_root() -> Response:
    return RedirectResponse("/", status_code=302)


@router.api_route("/wiki/{raw_title:path}", methods=GET_HEAD)
def article_page(request: Request, raw_title: str, redirected_from: str | None = None) -> Response:
    site = _site(request)
    title = clean_title(raw_title)
    if not title:
        return RedirectResponse("/", status_code=302)
    found = site.store.resolve(title)
    if found is None:
        return not_found(site, title)
    canonical, via = found
    if canonical != title:
        url = render.wiki_url(canonical)
        if via:
            url += "?redirected_from=" + quote(via, safe="")
        return RedirectResponse(url, status_code=302)
    article = site.store.get(canonical)
    if article is None:  # removed between resolve and get
        return not_found(site, title)
    came_from = _checked_redirect(site.store, redirected_from, canonical)
    level = reading.chosen_level(request.query_params.get("level"))  # issue 10: reading levels
    article = reading.leveled(site.store, article, level)
    view = render.article_view(article, site.store, media=SiteMedia(site.store))
    response = site.page("article.html", article=view, redirected_from=came_from, lang=view.lang,
                         reading=reading.reading_view(article, level, site.store, render.wiki_url))
    if not request.url.query:  # the plain page: kept, and served by web/fast.py from now on
        variant = fast.PLAIN + editions.variant()
        stored = site.rendered.put(canonical, variant, fast.TEMPLATES_HASH, bytes(response.body), lang=site.lang)
        if stored is not None:
            response.headers.update({k.decode(): v.decode() for k, v in fast.cache_headers(stored)})
    return response


def _checked_redirect(store: Store, redirected_from: str | None, target: str) -> str:
    """Show "redirected from X" only when X really is a redirect to this article."""
    if not redirected_from:
        return ""
    name = clean_title(redirected_from)
    return name if name and store.resolve(name) == (target, name) else ""


def not_found(site: Site, title: str) -> Response:
    """A friendly 404 that offers articles like the one asked for (none for blocked words)."""
    if is_blocked(title):
        return site.page("blocked.html", status=404, blocked=True)
    entries = forgive.disambiguation(site.store, title)
    if entries:  # a disambiguation page: "Did you mean …?" with the entries we have
        return site.page(
            "did_you_mean.html", status=404, missing=title, query=clean_query(title),
            suggestions=[Teaser(s, render.wiki_url(s), "") for s in entries],
        )
    short = forgive.short_names(site.store, title)
    found = forgive.find(site.store, clean_query(title), limit=5, blocked=is_blocked)
    suggestions = short + [h.title for h in found.hits if h.title not in short]
    for s in forgive.suggest(site.store, title, 5, is_blocked):
        if s not in suggestions:
            suggestions.append(s)
    return site.page(
        "not_found.html",
        status=404,
        missing=title,
        suggestions=[Teaser(s, render.wiki_url(s), "") for s in suggestions[:8]],
        query=clean_query(title),
    )


@dataclass
class Result:
    title: str
    href: str
    snippet: Markup


@router.api_route("/search", methods=GET_HEAD)
def search_page(request: Request, q: str | None = None, page: str | None = None) -> Response:
    site = _site(request)
    query = clean_query(q)
    if not query:
        return site.page("search.html", results=[], paging=None, exact=None, blocked=False, did_you_mean=None,
                         did_you_mean_url="", short_names=[])
    if is_blocked(query):
        return site.page("blocked.html", query="", blocked=True)  # the word is not shown back
    number = page_number(page)
    found = forgive.find(site.store, query, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE, blocked=is_blocked)
    paging = Paging(number, found.total)
    results = [Result(h.title, render.wiki_url(h.title), render.render_snippet(h.snippet)) for h in found.hits]
    exact = found.exact if paging.page == 1 else None
    short = forgive.short_names(site.store, query) if paging.page == 1 and not exact else []
    return site.page(
        "search.html",
        query=query,
        results=results,
        paging=paging,
        exact=Result(exact, render.wiki_url(exact), Markup()) if exact else None,
        did_you_mean=found.did_you_mean,
        did_you_mean_url="/search?q=" + quote(found.did_you_mean, safe="") if found.did_you_mean else "",
        short_names=[Teaser(t, render.wiki_url(t), "") for t in short if t != exact],
        search_url="/search?q=" + quote(query, safe=""),
        blocked=False,
    )
