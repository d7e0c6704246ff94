"""Templates: what a reader sees of each one.

Rules come from ``rules/templates.yaml`` (names dropped on purpose, templates that
show their first parameter, fixed texts); templates that need logic (convert, lang,
dates, flags, lists, coordinates) have a handler below. Infoboxes go to
``infobox.extract_quick_facts``. Anything else is dropped and counted in
``ctx.unknown_templates`` so coverage can grow from real dumps (`kidpedia templates`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Callable

import yaml
from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from kidpedia.wikitext.inline import ParseContext, TextBuilder, plain, render_nodes

Handler = Callable[[Template, TextBuilder, ParseContext], None]

_WS = re.compile(r"[\s_]+")


def template_name(tpl: Template) -> str:
    """Normalised template name: lower case, no "Template:" prefix, single spaces."""
    raw = str(tpl.name)
    if "<!--" in raw:
        raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    name = _WS.sub(" ", raw).strip().lower()
    if name.startswith("template:"):
        name = name[9:].strip()
    return name


@lru_cache(maxsize=1)
def rules() -> dict:
    text = resources.files("kidpedia.wikitext").joinpath("rules/templates.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {
        "drop": frozenset(str(x).lower() for x in data["drop"]),
        "drop_prefixes": tuple(str(x).lower() for x in data["drop_prefixes"]),
        "drop_suffixes": tuple(str(x).lower() for x in data["drop_suffixes"]),
        "first_param": frozenset(str(x).lower() for x in data["first_param"]),
        "text": {str(k).lower(): str(v) for k, v in data["text"].items()},
    }


def is_infobox(name: str) -> bool:
    from kidpedia.wikitext.infobox import is_infobox_name

    return is_infobox_name(name)


def classify(name: str) -> str:
    """'infobox', 'handler', 'first_param', 'text', 'magic', 'drop' or 'unknown'."""
    r = rules()
    if name in HANDLERS:
        return "handler"
    if name in r["first_param"]:
        return "first_param"
    if name in r["text"]:
        return "text"
    if is_infobox(name):
        return "infobox"
    if ":" in name or name.startswith("#") or name.isupper():
        return "magic"
    if name in r["drop"] or name.startswith(r["drop_prefixes"]) or name.endswith(r["drop_suffixes"]):
        return "drop"
    return "unknown"


def render_template(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    name = template_name(tpl)
    kind = classify(name)
    if kind == "handler":
        HANDLERS[name](tpl, out, ctx)
    elif kind == "first_param":
        _first_param(tpl, out, ctx)
    elif kind == "text":
        out.add(rules()["text"][name])
    elif kind == "infobox":
        from kidpedia.wikitext.infobox import extract_quick_facts

        if ctx.quick_facts is None:
            ctx.quick_facts = extract_quick_facts(tpl, ctx)
        ctx.stats["infoboxes"] += 1
    elif kind == "magic":
        _magic(tpl, name, out, ctx)
    elif kind == "drop":
        ctx.stats["templates_dropped"] += 1
    else:
        if name.startswith("lang-") or name.startswith("lang "):
            _lang(tpl, out, ctx)
            return
        ctx.unknown_templates[name] += 1
        ctx.stats["templates_unknown"] += 1


# ---- helpers ------------------------------------------------------------------------


def positional(tpl: Template) -> list[Wikicode]:
    return [p.value for p in tpl.params if not p.showkey]


def param(tpl: Template, *names: str) -> Wikicode | None:
    for n in names:
        if tpl.has(n):
            v = tpl.get(n).value
            if str(v).strip():
                return v
    return None


def _render(code: Wikicode | None, out: TextBuilder, ctx: ParseContext) -> None:
    if code is not None:
        render_nodes(code.nodes, out, ctx)


def _first_param(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    args = positional(tpl)
    if args:
        _render(args[0], out, ctx)


def _last_param(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    args = positional(tpl)
    if args:
        _render(args[-1], out, ctx)


def _lang(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{lang|fr|texte}} and {{lang-fr|texte}}: the text in the other language."""
    args = positional(tpl)
    name = template_name(tpl)
    text = args[1] if name == "lang" and len(args) > 1 else (args[0] if args and name != "lang" else None)
    _render(text, out, ctx)


def _magic(tpl: Template, name: str, out: TextBuilder, ctx: ParseContext) -> None:
    """Magic words and parser functions: render the few a reader sees, drop the rest."""
    head, _, rest = str(tpl.name).partition(":")
    fn = head.strip().lower()
    if fn in ("lc", "uc", "lcfirst", "ucfirst", "formatnum"):
        import mwparserfromhell

        value = plain(mwparserfromhell.parse(rest), ctx)
        out.add({"lc": value.lower(), "uc": value.upper()}.get(fn, value))
        return
    if fn == "pagename":
        out.add(ctx.title)
        return
    if name.isupper() and name.strip() in ("PAGENAME", "FULLPAGENAME"):
        out.add(ctx.title)
        return
    ctx.stats["magic_dropped"] += 1


MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]


def _int(code: Wikicode | None, ctx: ParseContext) -> int | None:
    if code is None:
        return None
    s = plain(code, ctx).strip()
    return int(s) if s.isdigit() else None


def format_date(y: int | None, m: int | None, d: int | None, mdy: bool = False) -> str:
    if y is None:
        return ""
    if m is None or not 1 <= m <= 12:
        return str(y)
    month = MONTHS[m - 1]
    if d is None:
        return f"{month} {y}"
    return f"{month} {d}, {y}" if mdy else f"{d} {month} {y}"


def _ymd(tpl: Template, ctx: ParseContext, start: int = 0) -> tuple[int | None, int | None, int | None]:
    args = positional(tpl)[start : start + 3]
    vals = [_int(a, ctx) for a in args] + [None, None, None]
    return vals[0], vals[1], vals[2]


def _is_mdy(tpl: Template) -> bool:
    return any(tpl.has(k) and str(tpl.get(k).value).strip().lower() in ("y", "yes") for k in ("mf", "mdy"))


def _date(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    y, m, d = _ymd(tpl, ctx)
    if y is None:
        _first_param(tpl, out, ctx)
        return
    out.add(format_date(y, m, d, _is_mdy(tpl)))


def _age(y1: int, m1: int | None, d1: int | None, y2: int, m2: int | None, d2: int | None) -> int:
    age = y2 - y1
    if m1 and m2 and (m2, d2 or 1) < (m1, d1 or 1):
        age -= 1
    return age


def _birth_date_and_age(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    import datetime

    y, m, d = _ymd(tpl, ctx)
    if y is None:
        return
    today = datetime.date.today()
    out.add(f"{format_date(y, m, d, _is_mdy(tpl))} (age {_age(y, m, d, today.year, today.month, today.day)})")


def _death_date_and_age(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    y, m, d = _ymd(tpl, ctx)
    y0, m0, d0 = _ymd(tpl, ctx, 3)
    if y is None:
        return
    text = format_date(y, m, d, _is_mdy(tpl))
    if y0 is not None:
        text += f" (aged {_age(y0, m0, d0, y, m, d)})"
    out.add(text)


def _circa(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    out.add("c. ")
    _first_param(tpl, out, ctx)


def _list_items(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{ubl|a|b}}, {{hlist|a|b}}, {{plainlist|* a * b}}: items joined by commas."""
    args = positional(tpl)
    items: list[TextBuilder] = []
    for a in args:
        b = TextBuilder()
        render_nodes(a.nodes, b, ctx)
        if not b.is_blank():
            items.append(b)
    for i, b in enumerate(items):
        if i:
            out.add(", ")
        out.add_text(b.build())


def _drop(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    ctx.stats["templates_dropped"] += 1


HANDLERS: dict[str, Handler] = {
    "lang": _lang,
    "transl": _last_param,
    "circa": _circa,
    "c.": _circa,
    "birth date": _date,
    "birth date and age": _birth_date_and_age,
    "bda": _birth_date_and_age,
    "death date": _date,
    "death date and age": _death_date_and_age,
    "dda": _death_date_and_age,
    "start date": _date,
    "end date": _date,
    "start date and age": _date,
    "film date": _date,
    "date": _first_param,
    "dts": _date,
    "ubl": _list_items,
    "unbulleted list": _list_items,
    "hlist": _list_items,
    "flatlist": _list_items,
    "plainlist": _list_items,
    "plain list": _list_items,
    "bulleted list": _list_items,
    "flagicon": _drop,
    "flag icon": _drop,
}
