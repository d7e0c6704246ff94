"""Namespace and language names (from rules/namespaces.yaml): what a ``[[prefix:...]]`` link is."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

_SIZE = re.compile(r"^\d*x?\d+\s*px$")


@lru_cache(maxsize=1)
def _rules() -> dict:
    text = resources.files("kidpedia.wikitext").joinpath("rules/namespaces.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {
        "file": {s.lower() for s in data["file"]},
        "category": {s.lower() for s in data["category"]},
        "other": {s.lower() for s in data["other"]},
        "languages": {str(s).lower() for s in data["languages"]},
        "language_names": {str(k): v for k, v in data["language_names"].items()},
        "image_options": set(data["image_options"]),
        "image_option_prefixes": tuple(data["image_option_prefixes"]),
    }


def namespace_kind(prefix: str, lang: str = "en") -> str | None:
    """'file', 'category', 'language', 'other' or None (an ordinary title with a colon)."""
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


def is_image_option(text: str) -> bool:
    t = text.strip()
    r = _rules()
    return t.lower() in r["image_options"] or bool(_SIZE.match(t)) or t.lower().startswith(r["image_option_prefixes"])
