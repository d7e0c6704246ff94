"""Wikitext -> Article (``parse``), with mwparserfromhell's builder sped up (``mwfast``)."""

from kidpedia.wikitext import mwfast

mwfast.install()
