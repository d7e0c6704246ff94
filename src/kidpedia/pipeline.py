"""The one way a page goes from raw to kids' Article: ``process_page``.

    process_page(raw, level="default") -> Article | Redirect | Skip
        parse (wikitext or HTML -> Article), prune (sections a child does not need),
        safety (clean passages, then keep or exclude the page)
    unjudged(raw) -> Article | Redirect | Skip
        the same up to the safety layer (what ``kidpedia safety`` explains)

The build, the CLI (``page``, ``safety``) and the tests (goldens included) all call
these. Whether a page is a redirect was decided by its source (``RawPage.redirect``,
see ``sources.redirects``). A bad page is a ``Skip`` with a reason, never a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kidpedia.html.parse import parse_html
from kidpedia.kidify import safety
from kidpedia.kidify.prune import dropped_titles, prune
from kidpedia.model import Article, RawPage, Redirect, Skip
from kidpedia.titles import DOT_SEGMENT, MAX_TITLE, normalise_title, site_title
from kidpedia.wikitext.bounds import defuse
from kidpedia.wikitext.parse import parse_article

Result = Article | Redirect | Skip
# RawPage.format of a page its source could not read (its text says why, where).
MALFORMED = "malformed"


def _parse_wikitext(raw: RawPage, drop: frozenset[str]) -> Article:
    """``parse_article`` on the page's text bounded first (``wikitext.bounds.defuse``)."""
    text = defuse(raw.text)
    return parse_article(raw if text is raw.text else replace(raw, text=text), drop)


# RawPage.format -> the parser that makes its Article: wikitext, or rendered HTML
# (Parsoid, a ZIM's pages); the same prune and safety steps follow either.
PARSERS: dict[str, Callable[[RawPage, frozenset[str]], Article]] = {"wikitext": _parse_wikitext, "html": parse_html}


def _titled(raw: RawPage) -> RawPage | Skip:
    """The page under the title the site finds it by (``titles.site_title``), or
    Skip('bad-title') when no URL could reach it: nothing left, or over MAX_TITLE."""
    title = site_title(raw.title)
    if not title:
        return Skip(raw.title, "bad-title", "the title is empty once spaces and control characters are gone")
    if len(title) > MAX_TITLE:
        return Skip(raw.title, "bad-title", f"the title is {len(title):,} characters long, over {MAX_TITLE}")
    if DOT_SEGMENT.search(title):
        return Skip(raw.title, "bad-title", "a '.' or '..' part of the title would be lost from its address")
    return raw if title == raw.title else replace(raw, title=title)


def unjudged(raw: RawPage) -> Result:
    """The page parsed and pruned, before the safety layer cleans and judges it."""
    if raw.ns != 0:
        return Skip(raw.title, "namespace", f"namespace {raw.ns}")
    if raw.format == MALFORMED:
        return Skip(raw.title, "malformed", raw.text)
    titled = _titled(raw)
    if isinstance(titled, Skip):
        return titled
    raw = titled
    if raw.redirect:
        return Redirect(raw.title, normalise_title(raw.redirect))
    if raw.format not in PARSERS:
        return Skip(raw.title, "format", f"no reader for {raw.format}")
    if not raw.text.strip():
        return Skip(raw.title, "empty", "the page has no text")
    try:
        return prune(PARSERS[raw.format](raw, dropped_titles(raw.lang)))
    except RecursionError:
        return Skip(raw.title, "parse-error", "markup nested too deeply")
    except Exception as e:  # noqa: BLE001 - a broken page must never stop the build
        return Skip(raw.title, "parse-error", f"{type(e).__name__}: {e}"[:300])


# Skip.detail of a disambiguation page: the articles it points to, in order, joined by this.
DISAMBIGUATION_SEPARATOR = " | "


def _unless_disambiguation(article: Article) -> Article | Skip:
    """A disambiguation page ("Ada may refer to:") is not an article: it is kept as
    Skip(reason "disambiguation"), its detail the titles it offers (for "did you mean")."""
    marked = article.stats.get("disambiguation") or any("disambiguation" in c.lower() for c in article.categories)
    if not marked:
        return article
    targets: list[str] = []
    for section_texts in [article.lead, *(s.paragraphs for s in article.iter_sections())]:
        for t in section_texts:
            if t.kind == "li" and t.links and t.links[0].target not in targets:
                targets.append(t.links[0].target)
    return Skip(article.title, "disambiguation", DISAMBIGUATION_SEPARATOR.join(targets)[:4000])


def process_page(raw: RawPage, level: str = "default") -> Result:
    """One page in, one kids' article (or a redirect, or a reasoned skip) out."""
    titled = _titled(raw) if raw.ns == 0 and raw.format != MALFORMED else raw
    if isinstance(titled, Skip):
        return titled
    raw = titled
    result = unjudged(raw)
    if isinstance(result, Redirect):
        return _redirect(raw, result)
    if isinstance(result, Article):
        result = _unless_disambiguation(result)
    if isinstance(result, Skip):
        return result
    try:
        article = safety.clean(result, level)
        decision = safety.judge(article, level)
        if not decision.keep:
            return Skip(raw.title, f"excluded:{decision.reason}", decision.detail)
    except RecursionError:
        return Skip(raw.title, "parse-error", "markup nested too deeply")
    except Exception as e:  # noqa: BLE001 - a broken page must never stop the build
        return Skip(raw.title, "parse-error", f"{type(e).__name__}: {e}"[:300])
    if not article.lead and not article.sections:
        return Skip(raw.title, "no-text", "nothing left for a reader after cleaning")
    return article


def _redirect(raw: RawPage, redirect: Redirect) -> Redirect | Skip:
    """A redirect, unless its own title is a strong word (it would show in suggestions)."""
    if safety.is_blocked_term(raw.title, raw.lang, level="loose"):
        return Skip(raw.title, "excluded:redirect-title", "the redirect's title holds a blocked word")
    return redirect
