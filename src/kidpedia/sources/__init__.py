"""Sources: files that yield raw pages (``model.RawPage``) for the build.

    open_source(path, title=None, lang=None, skip=0) -> Source
        .pages() -> Iterator[RawPage]      once; raises DumpFormatError after the good pages
        .bytes_read / .total_bytes         bytes of the file on disk, for a progress bar
        .pages_read / .pages_skipped       pages yielded / passed over by ``skip``
        .lang, .kind                       "xml" | "bz2" | "gz" | "multistream" | "wikitext"
    iter_pages(path, title=None, lang=None, skip=0) -> Iterator[RawPage]

Modules: ``dump`` (MediaWiki XML dumps, the entry points), ``framing`` (cutting the
XML at pages), ``stream`` (files, compression, encodings), ``multistream`` (the
index), ``wikitext_file`` (one page of wikitext), ``redirects`` (what is a
redirect: decided there and nowhere else), ``repack`` (re-packing a real
dump as multistream, or repeated, for tests and benchmarks).
"""

from kidpedia.sources.base import Source
from kidpedia.sources.dump import iter_pages, open_source

__all__ = ["Source", "iter_pages", "open_source"]
