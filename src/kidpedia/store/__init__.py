"""The SQLite store (the only SQL in the tree)."""

from kidpedia.store.db import MARK_END, MARK_START, Edition, PackedArticle, SearchHit, Store, pack

__all__ = ["MARK_END", "MARK_START", "Edition", "PackedArticle", "SearchHit", "Store", "pack"]
