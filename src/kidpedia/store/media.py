"""The store's pictures: image bytes read from a source (a ZIM), deduplicated by content.

    media_blobs(digest, mime, width, height, data)   one row per distinct picture
    media(name, digest)                              an article's file name -> its picture

``put`` stores a prepared picture under the file name articles use (``Image.name``);
two names with the same bytes share one blob. ``lookup`` answers which of some names
have a picture (and its digest, type and size), ``read`` gives the bytes, ``blobs``
walks every distinct picture once (for the exports). A database built before pictures
existed simply has none: reads answer empty.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kidpedia.media import Picture
from kidpedia.store.db import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS media_blobs (
    digest TEXT PRIMARY KEY, mime TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS media (name TEXT PRIMARY KEY, digest TEXT NOT NULL);
"""


@dataclass(frozen=True)
class MediaInfo:
    name: str
    digest: str
    mime: str
    width: int
    height: int

    @property
    def file_name(self) -> str:
        """The picture's file name in an export: its digest (so equal bytes are one file)."""
        return f"{self.digest[:24]}.{'jpg' if self.mime == 'image/jpeg' else 'webp'}"


def ensure(store: Store) -> None:
    conn = store._conn()
    with conn:
        conn.executescript(SCHEMA)


def put(store: Store, items: Iterable[tuple[str, Picture]]) -> int:
    """Store pictures under their names in one transaction; returns how many names."""
    conn = store._conn()
    n = 0
    with conn:
        conn.executescript(SCHEMA)
        for name, pic in items:
            digest = pic.digest
            conn.execute("INSERT OR IGNORE INTO media_blobs VALUES (?, ?, ?, ?, ?)",
                         (digest, pic.mime, pic.width, pic.height, pic.data))
            conn.execute("INSERT OR REPLACE INTO media VALUES (?, ?)", (name, digest))
            n += 1
    return n


def lookup(store: Store, names: Iterable[str]) -> dict[str, MediaInfo]:
    """Which of ``names`` have a picture, with its digest, type and size."""
    wanted = list(dict.fromkeys(names))
    out: dict[str, MediaInfo] = {}
    conn = store._conn()
    try:
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for row in conn.execute(
                "SELECT m.name, b.digest, b.mime, b.width, b.height FROM media m"
                f" JOIN media_blobs b ON b.digest = m.digest WHERE m.name IN ({marks})", chunk
            ):
                out[row[0]] = MediaInfo(*row)
    except sqlite3.OperationalError:
        return {}  # built before pictures existed
    return out


def read(store: Store, name: str) -> tuple[bytes, str] | None:
    """The bytes and MIME type of the picture stored under ``name``."""
    try:
        row = store._conn().execute(
            "SELECT b.data, b.mime FROM media m JOIN media_blobs b ON b.digest = m.digest WHERE m.name = ?",
            (name,),
        ).fetchone()
    except sqlite3.OperationalError:
        return None
    return (bytes(row[0]), row[1]) if row else None


def blobs(store: Store) -> Iterator[tuple[MediaInfo, bytes]]:
    """Every distinct picture once, in digest order (``name`` is one of its names)."""
    try:
        rows = store._conn().execute(
            "SELECT min(m.name), b.digest, b.mime, b.width, b.height, b.data FROM media_blobs b"
            " JOIN media m ON m.digest = b.digest GROUP BY b.digest ORDER BY b.digest"
        )
        for row in rows:
            yield MediaInfo(*row[:5]), bytes(row[5])
    except sqlite3.OperationalError:
        return


def names(store: Store) -> set[str]:
    try:
        return {r[0] for r in store._conn().execute("SELECT name FROM media")}
    except sqlite3.OperationalError:
        return set()


def articles_with_picture_paths(store: Store) -> Iterator[str]:
    """The JSON of every article naming a picture with a path in its source."""
    yield from (r[0] for r in store._conn().execute("SELECT data FROM articles WHERE data LIKE '%\"path\":%'"))
