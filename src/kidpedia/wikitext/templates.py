"""Templates: dispatch only. Which rule renders a template, and the parse's context.

Every name is data in ``rules/templates.yaml``: templates rendered by a handler
(``handlers.REGISTRY``, by alias or by name prefix), names dropped on purpose,
templates that show their first parameter, fixed texts. Infoboxes go to
``infobox.extract_quick_facts``. Anything else is dropped and counted in
``ctx.unknown_templates`` so coverage can grow from real dumps (`kidpedia templates`).

``new_context`` makes the ``ParseContext`` a parse needs: it carries
``render_template`` so that ``inline`` renders templates without importing this module.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from mwparserfromhell.nodes import Template

from kidpedia.model import SiteInfo
from kidpedia.wikitext.handlers import REGISTRY, Handler
from kidpedia.wikitext.handlers.data import template_rules
from kidpedia.wikitext.handlers.text import magic
from kidpedia.wikitext.infobox import (
    continue_quick_facts,
    extract_quick_facts,
    is_infobox_name,
    is_infobox_shaped,
)
from kidpedia.wikitext.inline import HOLE, ParseContext, TextBuilder
from kidpedia.wikitext.params import template_name

__all__ = ["classify", "handler_for", "new_context", "render_template", "rules", "template_name"]


@lru_cache(maxsize=1)
def rules() -> dict:
    """The rules file, read into lookups: handlers by alias and prefix, drop lists, texts."""
    data = template_rules()
    handlers: dict[str, Handler] = {}
    for key, entry in data["handlers"].items():
        for name in entry["names"]:
            handlers[str(name).lower()] = REGISTRY[key]
    for code in data["country_codes"]:  # {{JPN}}, {{UKR}}: flag-country codes (the handler asks for capitals)
        handlers.setdefault(code.lower(), REGISTRY["country_name"])
    return {
        "handlers": handlers,
        "handler_prefixes": {str(p).lower(): REGISTRY[e["handler"]] for p, e in data["handler_prefixes"].items()},
        "drop": frozenset(str(x).lower() for x in data["drop"]),
        "drop_prefixes": tuple(str(x).lower() for x in data["drop_prefixes"]),
        "drop_suffixes": tuple(str(x).lower() for x in data["drop_suffixes"]),
        "first_param": frozenset(str(x).lower() for x in data["first_param"]),
        "text": {str(k).lower(): str(v) for k, v in data["text"].items()},
        "disambiguation": frozenset(str(x).lower() for x in data["disambiguation"]),
        "holes": tuple(str(x).lower() for x in data["holes"]),
    }


def handler_for(name: str) -> Handler | None:
    r = rules()
    handler = r["handlers"].get(name)
    if handler is None:
        for prefix, h in r["handler_prefixes"].items():
            if name.startswith(prefix):
                return h
    return handler


@lru_cache(maxsize=4096)
def is_infobox(name: str) -> bool:
    return is_infobox_name(name)


def classify(name: str) -> str:
    """'infobox', 'handler', 'first_param', 'text', 'magic', 'disambiguation', 'drop' or 'unknown'."""
    r = rules()
    if handler_for(name) is not None:
        return "handler"
    if name in r["first_param"]:
        return "first_param"
    if name in r["text"]:
        return "text"
    if is_infobox(name):
        return "infobox"
    if ":" in name or name.startswith("#") or name.isupper():
        return "magic"
    if name in r["disambiguation"]:
        return "disambiguation"
    if name in r["drop"] or name.startswith(r["drop_prefixes"]) or name.endswith(r["drop_suffixes"]):
        return "drop"
    return "unknown"


def render_template(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """Write what a reader sees of ``tpl`` into ``out`` (an infobox goes to ctx.quick_facts)."""
    name = template_name(tpl)
    kind = classify(name)
    if kind == "magic" and not name.startswith("#") and ctx.in_lead and ctx.quick_facts is None \
            and is_infobox_shaped(tpl):
        kind = "unknown"  # "Картка:Таксономія": a box whose name has a colon, not a parser function
    if kind == "handler":
        handler = handler_for(name)
        assert handler is not None
        handler(tpl, out, ctx)
    elif kind == "first_param":
        REGISTRY["first_param"](tpl, out, ctx)
    elif kind == "text":
        out.add(rules()["text"][name])
    elif kind == "infobox":
        if ctx.quick_facts is None:
            ctx.quick_facts = extract_quick_facts(tpl, ctx)
        else:  # a box made of parts ({{Infobox ship begin}}, {{Infobox ship career}}, ...)
            ctx.quick_facts = continue_quick_facts(ctx.quick_facts, tpl, ctx)
        ctx.stats["infoboxes"] += 1
    elif kind == "magic":
        magic(tpl, name, out, ctx)
    elif kind == "drop":
        ctx.stats["templates_dropped"] += 1
        if name.startswith(rules()["holes"]):
            out.add(HOLE)
    elif kind == "disambiguation":
        ctx.stats["disambiguation"] = 1
    elif ctx.in_lead and ctx.quick_facts is None and is_infobox_shaped(tpl):
        ctx.quick_facts = extract_quick_facts(tpl, ctx)  # a box in any language, by its shape
        ctx.stats["infoboxes"] += 1
        ctx.stats["infoboxes_by_shape"] += 1
    else:
        ctx.unknown_templates[name] += 1
        ctx.stats["templates_unknown"] += 1


def new_context(lang: str = "en", title: str = "", site: SiteInfo | None = None, timestamp: str = "") -> ParseContext:
    """A ParseContext that renders templates by these rules (``site``: the dump's namespaces;
    ``timestamp``: the revision's, the day ages are counted to)."""
    return ParseContext(lang=lang, title=title, site=site, today=revision_day(timestamp), render_template=render_template)


def revision_day(timestamp: str) -> datetime.date | None:
    """The day of an ISO timestamp ("2023-01-05T12:00:00Z"), or None."""
    try:
        return datetime.date.fromisoformat(timestamp.strip()[:10])
    except ValueError:
        return None
