"""One kids' page as a standalone HTML file, rendered through the web site's templates.

Used by ``kidpedia page --format html``. The stylesheet is inlined so the file
reads well when opened on its own; links become links only to articles in the
given store (none without one), exactly as on the site.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

from kidpedia.model import Article
from kidpedia.store import Store
from kidpedia.web import render
from kidpedia.web.app import template_env


class _NoArticles:
    """A title lookup that knows no articles: every link stays plain text."""

    def exists(self, titles: Iterable[str]) -> set[str]:
        return set()

    def redirect_targets(self, titles: Iterable[str]) -> dict[str, str]:
        return {}


def article_html(article: Article, store: Store | None = None) -> str:
    css = resources.files("kidpedia.web").joinpath("static/kidpedia.css").read_text("utf-8")
    view = render.article_view(article, store if store is not None else _NoArticles())
    html = template_env(view.lang).get_template("standalone.html").render(
        article=view, redirected_from=None, lang=view.lang, query="", article_count=0,
        stylesheet=css, editions=[],
    )
    return html if html.endswith("\n") else html + "\n"
