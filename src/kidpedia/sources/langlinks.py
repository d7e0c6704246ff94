"""Wikimedia's ``langlinks`` table dump (``<db>-<date>-langlinks.sql.gz``) -> language links.

The file is MySQL: a ``CREATE TABLE `langlinks` `` and ``INSERT INTO `langlinks`
VALUES (ll_from,'ll_lang','ll_title'),(...);`` lines. ``ll_from`` is the page id
in the dump's own edition; ``ll_lang`` and ``ll_title`` name the same page in
another edition. Read line by line in bounded memory (plain or gzip); anything that
is not an INSERT into ``langlinks`` is passed over; a file that holds none raises
SourceFormatError (one line).

    read_langlinks(path) -> Iterator[(page_id, lang, title)]
    langlinks_edition(path) -> "ja" for jawiki-20230501-langlinks.sql.gz (None if unnamed)
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

from kidpedia.errors import DumpFormatError
from kidpedia.sources.stream import check_path

_INSERT = re.compile(rb"^INSERT INTO `langlinks` VALUES ")
_ROW = re.compile(rb"\((-?\d+),'((?:[^'\\]|\\.)*)','((?:[^'\\]|\\.)*)'\)")
_ESCAPES = {b"0": b"\0", b"n": b"\n", b"r": b"\r", b"t": b"\t", b"Z": b"\x1a"}
_ESCAPE = re.compile(rb"\\(.)", re.DOTALL)
_DBNAME = re.compile(r"^([a-z_]+?wiki)(?:-|\.|$)")


def _unescape(value: bytes) -> str:
    raw = _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), value)
    return raw.decode("utf-8", "replace")


def langlinks_edition(path: str | Path) -> str | None:
    """The edition a langlinks file belongs to, from its name (jawiki-... -> ja)."""
    from kidpedia.sources.dump import lang_from_dbname

    m = _DBNAME.match(Path(path).name)
    return lang_from_dbname(m.group(1)) if m else None


def read_langlinks(path: str | Path) -> Iterator[tuple[int, str, str]]:
    """(page id, language, title there) for every row of the file's INSERTs."""
    p = check_path(path)
    with p.open("rb") as probe:
        gz = probe.read(2) == b"\x1f\x8b"
    opener = gzip.open if gz else open
    found = False
    try:
        with opener(p, "rb") as f:  # type: ignore[operator]
            for line in f:
                if not _INSERT.match(line):
                    continue
                found = True
                for m in _ROW.finditer(line):
                    yield int(m.group(1)), _unescape(m.group(2)), _unescape(m.group(3)).replace("_", " ")
    except (OSError, EOFError) as e:
        raise DumpFormatError(f"{p.name}: cannot read the langlinks table ({e})") from None
    if not found:
        raise DumpFormatError(
            f"{p.name}: no INSERT INTO `langlinks` rows", "give a Wikimedia <db>-<date>-langlinks.sql.gz file"
        )
