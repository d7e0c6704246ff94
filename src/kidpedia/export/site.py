"""A static kids' site: ``kidpedia export site --db X --out DIR``.

    DIR/index.html               the articles A to Z, and the search box
    DIR/wiki/<Title>.html        one file per article (the site's templates, relative links)
    DIR/static/kidpedia.css      our stylesheet
    DIR/static/prefs.js, kidpedia.js   read aloud, text size, the quiz (the site's own)
    DIR/static/media/<digest>    the pictures, once per content
    DIR/static/minisearch.js     MiniSearch 7.2.0 (MIT), a search library made for the browser
    DIR/static/search-docs.js    the search documents: title, the lead's words, address
    DIR/static/search.js         the search box's few lines

Everything is relative and nothing is fetched, so the site opens from ``file://`` as
well as from any static web server, and searches with no server (a ``<script>`` loads
the documents; ``fetch`` is not allowed on ``file://``). Files are written in a fixed
order with fixed content: the same database gives the same site byte for byte.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kidpedia.errors import UsageError
from kidpedia.export.pages import SITE_LAYOUT, PageMaker, open_edition, page_scripts, stylesheet
from kidpedia.lang import language_name
from kidpedia.store import export as store_export
from kidpedia.store import media as store_media

SNIPPET = 160  # characters of the lead shown under a search result
BODY = 1500  # characters of the lead searched
STATIC = ("minisearch.js", "minisearch.LICENSE.txt", "search.js")


@dataclass
class SiteReport:
    articles: int = 0
    pictures: int = 0
    path: Path | None = None


def _write(root: Path, path: str, data: str | bytes) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        target.write_text(data, encoding="utf-8")
    else:
        target.write_bytes(data)


def _snippet(text: str) -> str:
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1].rsplit(" ", 1)[0].rstrip(".,;:") + "…"


def export_site(db: str | Path, out: str | Path, lang: str | None = None) -> SiteReport:
    """Write the static site of the store at ``db`` into the folder ``out``: the edition
    ``lang``, else the store's default."""
    store, lang = open_edition(db, lang)
    root = Path(out)
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} is a file, not a folder")
    if root.exists() and any(root.iterdir()) and not (root / SITE_LAYOUT.main_path).exists():
        raise UsageError(f"{root} is a folder that holds other files", "give a new or empty folder")
    for old in ("wiki", "static"):
        shutil.rmtree(root / old, ignore_errors=True)  # an earlier export of the site: replaced
    layout = SITE_LAYOUT
    titles = store_export.titles(store, lang)
    maker = PageMaker(store, layout, titles, lang)
    report = SiteReport(path=root)
    docs: list[dict[str, object]] = []
    for article in store_export.articles(store, lang):
        path = layout.article_path(article.title)
        _write(root, path, maker.article(article))
        lead = " ".join(t.text for t in article.lead)
        docs.append({"id": len(docs), "title": article.title, "text": _snippet(lead),
                     "body": lead[:BODY], "href": path})
        report.articles += 1
    for info, data in store_media.blobs(store):
        _write(root, layout.media_path(info), data)
        report.pictures += 1
    _write(root, layout.css_path, stylesheet())
    for name in STATIC:
        _write(root, layout.assets + name, resources.files("kidpedia.export").joinpath("static/" + name).read_bytes())
    for name, script in page_scripts().items():
        _write(root, layout.assets + name, script)
    docs_js = "window.KIDPEDIA_DOCS = " + json.dumps(docs, ensure_ascii=False, separators=(",", ":")) + ";\n"
    _write(root, layout.assets + "search-docs.js", docs_js.replace("</", "<\\/"))
    heading = f"kidpedia ({language_name(lang)})"
    _write(root, layout.main_path, maker.main_page(lang, heading))
    return report
