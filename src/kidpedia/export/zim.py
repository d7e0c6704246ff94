"""A kids' ZIM for Kiwix (python-libzim's Creator): ``kidpedia export zim``.

Every kept article rendered through the site's templates (``export/pages.py``: relative
links, no script, Kiwix's own search), its redirects, its pictures (stored once per
content), our stylesheet, a full-text and a title index (libzim's, in the articles'
language), and the openZIM metadata: Name, Title (30 characters at most), Description
(80 at most), Language (ISO 639-3), Creator, Publisher, Date (YYYY-MM-DD: the newest
article's date, never the clock), Tags, Source, Scraper and a 48x48 PNG Illustration.
The main page lists the articles A to Z.

Same input, same file: libzim writes with one worker (several index the full text in
the order they finish), and the random UUIDs (the ZIM's, and one in each Xapian index)
are replaced by ones derived from everything else in the file (``settle``), so two
exports of one database are byte-identical.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from libzim.writer import Creator, Hint, Item, StringProvider
from PIL import Image, ImageDraw

from kidpedia.errors import ExportError
from kidpedia.export.pages import ZIM_LAYOUT, PageMaker, open_edition, page_scripts, stylesheet
from kidpedia.lang import language_name
from kidpedia.sources.zim import quiet_libzim, zim_lang
from kidpedia.store import Store
from kidpedia.store import export as store_export
from kidpedia.store import media as store_media

SCRAPER = "kidpedia 0.1.0"
UUID_NAMESPACE = uuid.UUID("6b1d5c3e-2f0a-5d4e-9c8b-7a6f5e4d3c2b")  # kidpedia's own, for uuid5
XAPIAN_MAGIC = b"\x0f\x0dXapian Glass"


@dataclass
class ZimReport:
    articles: int = 0
    redirects: int = 0
    pictures: int = 0
    path: Path | None = None
    language: str = ""
    uuid: str = ""


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
    creator = Creator(str(out_path)).config_verbose(False).config_nbworkers(1)
    creator.config_indexing(True, zim_lang(zim_language.split(",")[0]))
    try:
        with quiet_libzim(1):
            _write(creator, store, maker, report, titles, lang, zim_language, Path(db).stem)
    except RuntimeError as e:
        raise ExportError(f"cannot write {out_path}: {' '.join(str(e).split())}") from None
    report.uuid = settle(out_path)
    return report


def _uuid_spots(f) -> tuple[list[int], int]:  # type: ignore[no-untyped-def]
    """Where the random UUIDs lie in the ZIM open as ``f`` (the header's, then one after
    each Xapian index's magic, read through the dirents of the ``X`` entries and their
    uncompressed clusters), and where the MD5 checksum starts."""
    f.seek(0)
    head = f.read(80)
    (count, _clusters, path_ptr, _title_ptr, cluster_ptr, _mime, _main, _layout,
     checksum_pos) = struct.unpack_from("<IIQQQQIIQ", head, 24)
    spots = [8]
    f.seek(path_ptr)
    pointers = struct.unpack(f"<{count}Q", f.read(8 * count))
    for pos in reversed(pointers):  # sorted by namespace and path: the X entries come last
        f.seek(pos)
        dirent = f.read(16)
        mime, _param, namespace = struct.unpack_from("<HBc", dirent)
        if namespace < b"X":
            break
        if mime == 0xFFFF or namespace != b"X":
            continue
        cluster, blob = struct.unpack_from("<II", dirent, 8)
        f.seek(cluster_ptr + 8 * cluster)
        (start,) = struct.unpack("<Q", f.read(8))
        f.seek(start)
        info = f.read(1)[0]
        if info & 0x0F > 1:  # compressed: libzim stores its indexes uncompressed
            continue
        width = 8 if info & 0x10 else 4
        f.seek(start + 1 + width * blob)
        (offset,) = struct.unpack("<Q" if width == 8 else "<I", f.read(width))
        f.seek(start + 1 + offset)
        if f.read(len(XAPIAN_MAGIC) + 2)[:len(XAPIAN_MAGIC)] == XAPIAN_MAGIC:
            spots.append(start + 1 + offset + len(XAPIAN_MAGIC) + 2)
    return sorted(spots), checksum_pos


def _chunks(f, end: int, blank: list[int]) -> Iterator[bytes]:  # type: ignore[no-untyped-def]
    """The file's bytes up to ``end``, 1 MiB at a time, with 16 zero bytes at each of ``blank``."""
    f.seek(0)
    pos = 0
    while pos < end:
        data = bytearray(f.read(min(1 << 20, end - pos)))
        for spot in blank:
            lo, hi = max(spot, pos), min(spot + 16, pos + len(data))
            if lo < hi:
                data[lo - pos:hi - pos] = bytes(hi - lo)
        yield bytes(data)
        pos += len(data)


def settle(path: Path) -> str:
    """Give the ZIM at ``path`` UUIDs derived from its content (uuid5 over the SHA-256 of
    the file with its UUIDs blanked) and rewrite its checksum; returns the ZIM's UUID."""
    with open(path, "r+b") as f:
        spots, checksum_pos = _uuid_spots(f)
        digest = hashlib.sha256()
        for chunk in _chunks(f, checksum_pos, spots):
            digest.update(chunk)
        zim_uuid = uuid.uuid5(UUID_NAMESPACE, digest.hexdigest())
        for n, spot in enumerate(spots):
            f.seek(spot)
            f.write(zim_uuid.bytes if n == 0 else uuid.uuid5(zim_uuid, f"xapian-{n}").bytes)
        md5 = hashlib.md5(usedforsecurity=False)
        for chunk in _chunks(f, checksum_pos, []):
            md5.update(chunk)
        f.seek(checksum_pos)
        f.write(md5.digest())
    return str(zim_uuid)


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
        for name, script in page_scripts().items():
            creator.add_item(_Page(layout.assets + name, "", script.decode("utf-8"), mime="application/javascript"))
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
