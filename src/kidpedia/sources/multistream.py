"""Multistream dumps: find the index beside a dump and look a page up in it.

Wikimedia's ``…-multistream.xml.bz2`` is many bzip2 streams end to end: the
first holds the ``<mediawiki>`` header and ``<siteinfo>``, then each holds 100
pages, the last closes ``</mediawiki>``. Its ``…-multistream-index.txt.bz2`` has
one line per page, in dump order: ``stream offset:page id:title``, the offset
being where the page's stream starts in the compressed file. With it a resumed
build seeks straight to the stream that holds page N instead of decompressing
everything before it. (Without the index the dump reads like any ``.bz2``.)
"""

from __future__ import annotations

import bz2
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class IndexEntry:
    """Page number ``number`` (0-based) of the dump: its stream starts at byte ``offset``
    of the compressed file, ``within`` pages of that stream come before it."""

    number: int
    offset: int
    within: int
    page_id: int
    title: str


def index_candidates(dump: Path) -> list[Path]:
    """Where Wikimedia puts a multistream dump's index, by its naming."""
    name = dump.name
    names = []
    if name.endswith(".xml.bz2"):
        names.append(name[: -len(".xml.bz2")] + "-index.txt.bz2")
    if "multistream" in name:  # …-multistream1.xml-p1p41242.bz2 -> …-multistream-index1.txt-p1p41242.bz2
        names.append(name.replace("multistream", "multistream-index", 1).replace(".xml", ".txt", 1))
    return [dump.with_name(n) for n in dict.fromkeys(names) if n != name]


def find_index(dump: Path) -> Path | None:
    """The index file beside ``dump``, if there is one."""
    for candidate in index_candidates(dump):
        if candidate.is_file():
            return candidate
    return None


def locate(index: Path, number: int) -> IndexEntry | None:
    """Where page ``number`` (0-based, in dump order) is, or None if the index is shorter
    or unreadable. Reads the index only up to that line."""
    stream_offset, stream_first = -1, 0
    try:
        with bz2.open(index, "rt", encoding="utf-8") as lines:
            for i, line in enumerate(lines):
                offset_text, page_id, title = line.rstrip("\n").split(":", 2)
                offset = int(offset_text)
                if offset != stream_offset:
                    stream_offset, stream_first = offset, i
                if i == number:
                    return IndexEntry(number, offset, i - stream_first, int(page_id), title)
    except (OSError, EOFError, ValueError, UnicodeDecodeError):
        return None
    return None
