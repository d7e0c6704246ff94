"""The HTML pages: home (topics, "Did you know?", things to explore), article, topic,
search, random, and the friendly "not found" page."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from kidpedia.kidify import topics as topic_rules
from kidpedia.lang import translations
from kidpedia.model import Article
from kidpedia.store import Store, forgive
from kidpedia.store import explore as explore_store
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
    """An article offered to explore: title, link, its first words and its picture."""

    title: str
    href: str
    blurb: str
    picture: render.FigureView | None = None


@dataclass
class TopicLink:
    id: str
    name: str
    href: str
    count: int


@dataclass
class Fact:
    text: str
    title: str
    href: str


def _site(request: Request) -> Site:
    return request.app.state.site


def _blurb(article: Article, length: int = 140) -> str:
    text = article.first_paragraph()
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


def worth_exploring(article: Article) -> bool:
    """A real topic with a proper lead: not a list, a disambiguation page or a stub."""
    lead = article.first_paragraph()
    return (
        len(lead) >= 80
        and "may refer to" not in lead
        and not article.title.endswith("(disambiguation)")
        and not article.title.startswith("List of")
        and not is_blocked(article.title)
    )


def teaser(store: Store, article: Article, media: SiteMedia | None = None) -> Teaser:
    picture = None
    image = article.quick_facts.image if article.quick_facts and article.quick_facts.image else (
        article.images[0] if article.images else None)
    if media is not None and image is not None:
        found = media.media_urls([image.name])
        if image.name in found:
            src, width, height = found[image.name]
            picture = render.FigureView(src, "", "", width, height)  # decorative: the title says it
    return Teaser(article.title, render.wiki_url(article.title), _blurb(article), picture)


def explore(store: Store, count: int = EXPLORE_COUNT) -> list[Teaser]:
    """A few different good articles, picked at random (store/explore.py's list; a
    database built before it: any article worth exploring)."""
    good = explore_store.random_good(store, count)
    if good:
        media = SiteMedia(store)
        return [teaser(store, a, media) for t in good if (a := store.get(t))]
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


def topic_links(store: Store) -> list[TopicLink]:
    """The topics that have good articles, in the order of rules/topics.yaml."""
    counts = explore_store.topic_counts(store)
    words = translations(store.lang if hasattr(store, "lang") else "en")
    return [TopicLink(t.id, words.gettext(t.name), editions.url("/topic/" + t.id), counts[t.id])
            for t in topic_rules.topics() if counts.get(t.id)]


def did_you_know(store: Store, count: int = 3) -> list[Fact]:
    return [Fact(text, title, render.wiki_url(title)) for title, text in explore_store.facts_sample(store, count)]


@router.api_route("/", methods=GET_HEAD)
def home(request: Request) -> Response:
    site = _site(request)
    response = site.page("home.html", explore=explore(site.store), topics=topic_links(site.store),
                         facts=did_you_know(site.store))
    response.headers.update(NO_STORE)
    return response


TOPIC_PAGE = 24


@router.api_route("/topic/{topic_id}", methods=GET_HEAD)
def topic_page(request: Request, topic_id: str, page: str | None = None) -> Response:
    """A topic's good articles, best first, each with its picture (where we have it) and lead."""
    site = _site(request)
    topic = topic_rules.topic_named(topic_id)
    total = explore_store.topic_counts(site.store).get(topic_id, 0) if topic else 0
    if topic is None or not total:
        return site.page("error.html", status=404, title=translations(site.lang).gettext("We couldn't find that page"),
                         message=translations(site.lang).gettext("Maybe the address has a typo. Try a search!"),
                         status_code=404)
    paging = Paging(page_number(page), total, TOPIC_PAGE)
    media = SiteMedia(site.store)
    titles = explore_store.topic_titles(site.store, topic_id, TOPIC_PAGE, paging.offset)
    teasers = [teaser(site.store, a, media) for t in titles if (a := site.store.get(t))]
    return site.page("topic.html", topic=TopicLink(topic.id, translations(site.lang).gettext(topic.name),
                                                   editions.url("/topic/" + topic.id), total),
                     teasers=teasers, paging=paging, topics=topic_links(site.store))


@router.api_route("/random", methods=GET_HEAD)
def random_article(request: Request) -> Response:
    store = _site(request).store
    good = explore_store.random_good(store)
    title = good[0] if good else store.random_title()
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
    render.add_extras(view, site.store)  # issue 14: quiz and timeline
    same_page = {x.lang: x.href for x in view.languages if x.href}
    same_page[site.lang] = render.wiki_url(canonical)
    response = site.page("article.html", article=view, redirected_from=came_from, lang=view.lang,
                         editions=site.edition_choices(same_page),
                         reading=reading.reading_view(article, level, site.store, render.wiki_url))
    kind = fast.page_variant(request.url.query.encode())
    if kind is not None:  # the plain page or a level's: kept, and served by web/fast.py from now on
        variant = kind + editions.variant()
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
    return HTMLResponse(search_html(_site(request), q, page))


def search_html(site: Site, q: str | None = None, page: str | None = None) -> str:
    """The search page for ``?q=...&page=...``: the route's answer, and the hot path's
    (``fast.FastArticles`` answers ``/search`` with it before the app's stack)."""
    query = clean_query(q)
    if not query:
        return site.html("search.html", results=[], paging=None, exact=None, blocked=False, did_you_mean=None,
                         did_you_mean_url="", short_names=[])
    if is_blocked(query):
        return site.html("blocked.html", query="", blocked=True)  # the word is not shown back
    number = page_number(page)
    found = forgive.find(site.store, query, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE, blocked=is_blocked)
    paging = Paging(number, found.total)
    results = [Result(h.title, render.wiki_url(h.title), render.render_snippet(h.snippet)) for h in found.hits]
    exact = found.exact if paging.page == 1 else None
    short = forgive.short_names(site.store, query) if paging.page == 1 and not exact else []
    return site.html(
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
