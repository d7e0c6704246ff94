"""Section roles by language (data/section_roles.yaml): which headings are dropped, which are See also.

    role("Посилання", "uk") -> "external_links"      role("関連項目", "ja") -> "see_also"
    dropped_names("vi") -> every heading a Vietnamese page drops (its own names and English)

A page's own language and English are asked (English headings appear in every
edition); the parser (``wikitext``, ``html``) and ``kidify.prune`` share these answers.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from kidpedia import yamlload

DROPPED_ROLES = ("references", "notes", "sources", "bibliography", "external_links", "further_reading")
ROLES = (*DROPPED_ROLES, "see_also")


@lru_cache(maxsize=1)
def section_roles() -> dict[str, dict[str, tuple[str, ...]]]:
    """language -> role -> headings, as written in the data file."""
    text = resources.files("kidpedia").joinpath("data/section_roles.yaml").read_text("utf-8")
    return {str(lang): {r: tuple(map(str, names)) for r, names in roles.items()} for lang, roles in yamlload.safe_load(text).items()}


def _key(title: str) -> str:
    return " ".join(title.split()).lower()


@lru_cache(maxsize=256)
def _by_name(lang: str) -> dict[str, str]:
    table = section_roles()
    out: dict[str, str] = {}
    for code in ("en", lang):
        for r, names in table.get(code, {}).items():
            out.update({_key(n): r for n in names})
    return out


def role(title: str, lang: str = "en") -> str | None:
    """The role of a section heading in a page of ``lang`` (None: an ordinary section)."""
    return _by_name(lang).get(_key(title))


@lru_cache(maxsize=256)
def dropped_names(lang: str = "en") -> frozenset[str]:
    """Lower-cased headings of the dropped roles in ``lang`` and English."""
    return frozenset(name for name, r in _by_name(lang).items() if r in DROPPED_ROLES)


@lru_cache(maxsize=256)
def see_also_names(lang: str = "en") -> frozenset[str]:
    return frozenset(name for name, r in _by_name(lang).items() if r == "see_also")
