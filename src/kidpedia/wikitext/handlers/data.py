"""The template rules file (``rules/templates.yaml``), read once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from kidpedia import yamlload


@lru_cache(maxsize=1)
def template_rules() -> dict[str, Any]:
    """The whole rules file; ``country_codes``, ``country_regions`` and ``currency_symbols``
    with their keys as strings."""
    text = resources.files("kidpedia.wikitext").joinpath("rules/templates.yaml").read_text("utf-8")
    data = yamlload.safe_load(text)
    data["country_codes"] = {str(k): str(v) for k, v in data.get("country_codes", {}).items()}
    data["country_regions"] = {str(k): str(v) for k, v in data.get("country_regions", {}).items()}
    data["currency_symbols"] = {str(k).upper(): str(v) for k, v in data.get("currency_symbols", {}).items()}
    return data
