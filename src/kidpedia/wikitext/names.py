"""Namespace and language names: what a ``[[prefix:...]]`` link is, and a picture's options.

The dump's own ``<siteinfo>`` (a SiteInfo: ``ファイル``, ``Tập tin``, ``Αρχείο`` ...) is
asked first; rules/namespaces.yaml is the fallback for a dump without one, and names
interwiki and language prefixes. Picture options (``thumb``, ``サムネイル``, ``nhỏ``,
``250ピクセル``) come from the same file, per language (MediaWiki's image magic words).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from kidpedia import yamlload
from kidpedia.model import SiteInfo


@lru_cache(maxsize=1)
def _rules() -> dict:
    text = resources.files("kidpedia.wikitext").joinpath("rules/namespaces.yaml").read_text("utf-8")
    data = yamlload.safe_load(text)
    return {
        "file": {s.lower() for s in data["file"]},
        "category": {s.lower() for s in data["category"]},
        "other": {s.lower() for s in data["other"]},
        "languages": {str(s).lower() for s in data["languages"]},
        "language_names": {str(k): v for k, v in data["language_names"].items()},
        "image_options": set(data["image_options"]),
        "image_option_prefixes": tuple(data["image_option_prefixes"]),
        "local_options": {s.casefold() for words in data["image_options_local"].values() for s in words},
        "size": re.compile(r"^\d*(?:x\d+)?\s*(?:" + "|".join(map(re.escape, data["image_size_units"])) + ")$", re.IGNORECASE),
    }


def namespace_kind(prefix: str, lang: str = "en", site: SiteInfo | None = None) -> str | None:
    """'file', 'category', 'language', 'other' or None (an ordinary title with a colon).

    ``site``: the dump's namespaces, asked first; the tables answer for the rest."""
    if site is not None and (kind := site.namespace_kind(prefix)):
        return kind
    p = prefix.strip().replace("_", " ").lower()
    r = _rules()
    if p in r["file"]:
        return "file"
    if p in r["category"]:
        return "category"
    if p in r["languages"]:
        return "language"
    if p in r["other"]:
        return "other"
    return None


def language_name(code: str) -> str:
    return _rules()["language_names"].get(code, code)


def is_image_option(text: str, lang: str = "en") -> bool:
    """``thumb``, ``250px``, ``サムネイル``, ``nhỏ``, ``upright=1.2``: not a caption (any language's words)."""
    t = text.strip()
    r = _rules()
    low = t.casefold()
    return (
        low in r["image_options"]
        or low in r["local_options"]
        or bool(r["size"].match(t))
        or low.startswith(r["image_option_prefixes"])
    )
