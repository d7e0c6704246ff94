"""Kids' pages as files, for the ZIM and the static site: the site's own templates
(``web/templates/article.html``, its blocks and CSS) under an export's ``base.html``
(``export/templates/``) that needs no server: every address is relative, so a page
reads the same inside Kiwix, from ``file://`` and from any static web server.

``Layout`` says where things are (an article's path, the main page, the stylesheet,
a picture); ``PageMaker`` renders an article or the main page (the articles A to Z)
with links only to exported articles and pictures only where the store has them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from jinja2 import ChoiceLoader, Environment, PackageLoader

from kidpedia.errors import StoreError, UsageError
from kidpedia.model import Article
from kidpedia.store import Store
from kidpedia.store import export as store_export
from kidpedia.store import media as store_media
from kidpedia.store.media import MediaInfo
from kidpedia.web import render
from kidpedia.web.app import template_env


@dataclass(frozen=True)
class Layout:
    """Paths inside the export (``/``-separated, relative to its root)."""

    kind: str  # "zim" or "site"
    article_dir: str  # "" (ZIM, as Kiwix's own Wikipedia ZIMs) or "wiki/"
    suffix: str  # "" in a ZIM (the MIME type says HTML), ".html" on disk
    main_path: str
    assets: str  # folder of the stylesheet, scripts and pictures

    def article_path(self, title: str) -> str:
        return self.article_dir + title.replace(" ", "_") + self.suffix

    @property
    def css_path(self) -> str:
        return self.assets + "kidpedia.css"

    def media_path(self, info: MediaInfo) -> str:
        return self.assets + "media/" + info.file_name


ZIM_LAYOUT = Layout("zim", "", "", "index", "_kidpedia/")
SITE_LAYOUT = Layout("site", "wiki/", ".html", "index.html", "static/")


def relative(from_path: str, to_path: str) -> str:
    """The relative URL from the page at ``from_path`` to ``to_path`` (percent-encoded).
    Never "." or "..": a page may share its name with a folder of subpages (``A`` and
    ``A/B``), so the way up always ends with the page's own name."""
    here = posixpath.dirname(from_path) or "."
    folder = posixpath.relpath(posixpath.dirname(to_path) or ".", here)
    name = posixpath.basename(to_path)
    rel = name if folder == "." else f"{folder}/{name}" if name else folder + "/"
    return quote(rel, safe="/")


class ExportedTitles:
    """render.TitleLookup over the exported articles only (links to others stay text)."""

    def __init__(self, store: Store, titles: Iterable[str], lang: str) -> None:
        self.store = store
        self.titles = set(titles)
        self.lang = lang

    def exists(self, titles: Iterable[str]) -> set[str]:
        return {t for t in titles if t in self.titles}

    def redirect_targets(self, titles: Iterable[str]) -> dict[str, str]:
        found = self.store.redirect_targets(titles, lang=self.lang)
        return {k: v for k, v in found.items() if v in self.titles}


class ExportedMedia:
    """render.MediaLookup: the store's pictures at their path in the export."""

    def __init__(self, store: Store, layout: Layout, page_path: str) -> None:
        self.store, self.layout, self.page_path = store, layout, page_path

    def media_urls(self, names: Iterable[str]) -> dict[str, tuple[str, int, int]]:
        found = store_media.lookup(self.store, names)
        return {n: (relative(self.page_path, self.layout.media_path(m)), m.width, m.height) for n, m in found.items()}


def open_edition(db: str | Path, lang: str | None) -> tuple[Store, str]:
    """The store at ``db`` and the edition to export: ``lang``, else the store's default
    (one edition per export); a store without articles or without ``lang`` is an error."""
    store = Store(db)
    langs = store_export.languages(store)
    if not langs:
        raise StoreError(f"{db} holds no article to export", "build it first: kidpedia build SOURCE --db PATH")
    if lang and lang not in dict(langs):
        raise UsageError(f"{db} holds no article in {lang!r}", "its languages: " + ", ".join(x for x, _ in langs))
    return store, lang or store.default_lang()


def export_env() -> Environment:
    env = template_env()
    env.loader = ChoiceLoader([PackageLoader("kidpedia.export", "templates"), env.loader])  # type: ignore[list-item]
    return env


def stylesheet() -> str:
    return resources.files("kidpedia.web").joinpath("static/kidpedia.css").read_text("utf-8")


PAGE_SCRIPTS = ("prefs.js", "kidpedia.js")  # read aloud, text size, quiz, compact Quick facts


def page_scripts() -> dict[str, bytes]:
    """The site's own page scripts, shipped in every export (where the reader runs them)."""
    return {name: resources.files("kidpedia.web").joinpath("static/" + name).read_bytes() for name in PAGE_SCRIPTS}


class PageMaker:
    """Renders the export's pages; ``titles`` are the articles it holds."""

    def __init__(self, store: Store, layout: Layout, titles: list[str], lang: str) -> None:
        self.store = store
        self.layout = layout
        self.titles = titles
        self.lang = lang
        self.lookup = ExportedTitles(store, titles, lang)
        self.env = export_env()

    def _context(self, path: str) -> dict[str, object]:
        return {
            "export_kind": self.layout.kind,
            "css_href": relative(path, self.layout.css_path),
            "home_href": relative(path, self.layout.main_path),
            "assets_href": relative(path, self.layout.assets.rstrip("/")) + "/",
            "query": "",
            "article_count": len(self.titles),
        }

    def article(self, article: Article) -> str:
        path = self.layout.article_path(article.title)
        view = render.article_view(
            article, self.lookup,
            url=lambda t: relative(path, self.layout.article_path(t)),
            media=ExportedMedia(self.store, self.layout, path),
        )
        render.add_extras(view, self.store)  # the quiz and timeline made at build time
        return self.env.get_template("article.html").render(
            article=view, redirected_from=None, lang=view.lang, **self._context(path)
        )

    def main_page(self, lang: str, title: str) -> str:
        path = self.layout.main_path
        entries = [(t, relative(path, self.layout.article_path(t))) for t in self.titles]
        return self.env.get_template("export_home.html").render(
            entries=entries, lang=lang, heading=title, **self._context(path)
        )
