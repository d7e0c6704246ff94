"""A kids' ZIM for Kiwix (python-libzim's Creator): ``kidpedia export zim``.

Every kept article rendered through the site's templates (``export/pages.py``: relative
links, no script, Kiwix's own search), its redirects, its pictures (stored once per
content), our stylesheet, a full-text and a title index (libzim's, in the articles'
language), and the openZIM metadata: Name, Title (30 characters at most), Description
(80 at most), Language (ISO 639-3), Creator, Publisher, Date (YYYY-MM-DD: the newest
article's date, never the clock), Tags, Source, Scraper and a 48x48 PNG Illustration.
The main page lists the articles A to Z.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from libzim.writer import Creator, Hint, Item, StringProvider
from PIL import Image, ImageDraw

from kidpedia.errors import ExportError
from kidpedia.export.pages import ZIM_LAYOUT, PageMaker, open_edition, stylesheet
from kidpedia.lang import language_name
from kidpedia.sources.zim import quiet_libzim, zim_lang
from kidpedia.store import Store
from kidpedia.store import export as store_export
from kidpedia.store import media as store_media

SCRAPER = "kidpedia 0.1.0"


@dataclass
class ZimReport:
    articles: int = 0
    redirects: int = 0
    pictures: int = 0
    path: Path | None = None
    language: str = ""


def illustration() -> bytes:
    """The 48x48 PNG icon: a yellow sun with a book (drawn, so no file is needed)."""
    img = Image.new("RGBA", (48, 48), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((2, 2, 46, 46), fill=(255, 216, 102, 255), outline=(230, 150, 20, 255), width=2)
    d.polygon([(12, 16), (24, 20), (24, 36), (12, 32)], fill=(255, 255, 255, 255), outline=(40, 60, 120, 255))
    d.polygon([(36, 16), (24, 20), (24, 36), (36, 32)], fill=(235, 242, 255, 255), outline=(40, 60, 120, 255))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def metadata(lang: str, count: int, date: str, name_hint: str) -> dict[str, str]:
    """The openZIM metadata for a kids' ZIM in ``lang`` (a Wikipedia language code)."""
    language = language_name(lang) if lang != "mul" else "many languages"
    slug = re.sub(r"[^a-z0-9]+", "-", name_hint.lower()).strip("-") or "all"
    return {
        "Name": f"kidpedia_{lang}_{slug}",
        "Title": f"kidpedia ({language})"[:30] if len(f"kidpedia ({language})") <= 30 else "kidpedia",
        "Description": f"Wikipedia for kids: {count:,} child-safe articles with pictures"[:80],
        "LongDescription": (f"{count:,} Wikipedia articles made for children by kidpedia: Quick facts, "
                            "simple sections, pictures, and nothing unsuitable for children."),
        "Language": ",".join(zim_lang(code) for code in lang.split(",")),
        "Creator": "Wikipedia contributors",
        "Publisher": "kidpedia",
        "Date": date,
        "Tags": "wikipedia;_category:wikipedia;_pictures:yes;_videos:no;_details:no;_ftindex:yes;kids",
        "Source": "kidpedia",
        "Scraper": SCRAPER,
        "Flavour": "kids",
    }


def export_zim(db: str | Path, out: str | Path, lang: str | None = None) -> ZimReport:
    """Write the kids' ZIM of the store at ``db``: the edition ``lang``, else the store's default."""
    store, lang = open_edition(db, lang)
    titles = store_export.titles(store, lang)
    zim_language = lang
    maker = PageMaker(store, ZIM_LAYOUT, titles, lang)
    report = ZimReport(path=Path(out), language=zim_language)
    out_path = Path(out)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    if out_path.exists():
        out_path.unlink()  # libzim refuses to overwrite
    creator = Creator(str(out_path)).config_verbose(False)
    creator.config_indexing(True, zim_lang(zim_language.split(",")[0]))
    try:
        with quiet_libzim(1):
            _write(creator, store, maker, report, titles, lang, zim_language, Path(db).stem)
    except RuntimeError as e:
        raise ExportError(f"cannot write {out_path}: {' '.join(str(e).split())}") from None
    return report


def _write(creator: Creator, store: Store, maker: PageMaker, report: ZimReport, titles: list[str],
           lang: str, zim_language: str, name_hint: str) -> None:
    layout = maker.layout
    newest = ""
    with creator:
        creator.set_mainpath(layout.main_path)
        for article in store_export.articles(store, lang):
            creator.add_item(_Page(layout.article_path(article.title), article.title, maker.article(article),
                                  front=True))
            newest = max(newest, article.timestamp[:10])
            report.articles += 1
        exported = set(titles)
        taken = {layout.article_path(t) for t in titles} | {layout.main_path}
        for title, target in store_export.redirects(store, lang):
            path = layout.article_path(title)
            if target in exported and path not in taken:
                creator.add_redirection(path, title, layout.article_path(target), {Hint.FRONT_ARTICLE: True})
                taken.add(path)
                report.redirects += 1
        for info, data in store_media.blobs(store):
            creator.add_item(_Blob(layout.media_path(info), info.mime, data))
            report.pictures += 1
        creator.add_item(_Page(layout.css_path, "", stylesheet(), mime="text/css"))
        date = newest if re.fullmatch(r"\d{4}-\d{2}-\d{2}", newest or "") else "1970-01-01"
        meta = metadata(zim_language, report.articles, date, name_hint)
        creator.add_item(_Page(layout.main_path, meta["Title"], maker.main_page(zim_language.split(",")[0],
                                                                                 meta["Title"])))
        for key, value in meta.items():
            creator.add_metadata(key, value)
        creator.add_illustration(48, illustration())


class _Page(Item):
    """An HTML (or CSS) entry."""

    def __init__(self, path: str, title: str, text: str, front: bool = False, mime: str = "text/html") -> None:
        super().__init__()
        self.path, self.title, self.text, self.front, self.mime = path, title, text, front, mime

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.title

    def get_mimetype(self) -> str:
        return self.mime

    def get_contentprovider(self) -> StringProvider:
        return StringProvider(self.text)

    def get_hints(self) -> dict:
        return {Hint.FRONT_ARTICLE: self.front, Hint.COMPRESS: True}


class _Blob(Item):
    """A picture entry (already compressed: the cluster is not compressed again)."""

    def __init__(self, path: str, mime: str, data: bytes) -> None:
        super().__init__()
        self.path, self.mime, self.data = path, mime, data

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return ""

    def get_mimetype(self) -> str:
        return self.mime

    def get_contentprovider(self) -> StringProvider:
        return StringProvider(self.data)

    def get_hints(self) -> dict:
        return {Hint.FRONT_ARTICLE: False, Hint.COMPRESS: False}
