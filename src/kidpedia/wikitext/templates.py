"""Templates: what a reader sees of each one.

Rules come from ``rules/templates.yaml`` (names dropped on purpose, templates that
show their first parameter, fixed texts); templates that need logic (convert, lang,
dates, flags, lists, coordinates) have a handler below. Infoboxes go to
``infobox.extract_quick_facts``. Anything else is dropped and counted in
``ctx.unknown_templates`` so coverage can grow from real dumps (`kidpedia templates`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

import yaml
from mwparserfromhell.nodes import ExternalLink, Tag, Template
from mwparserfromhell.nodes import Text as TextNode
from mwparserfromhell.wikicode import Wikicode

from kidpedia.model import Text
from kidpedia.wikitext.inline import (
    ParseContext,
    TextBuilder,
    normalise_title,
    plain,
    render_nodes,
    strip_quotes,
)

Handler = Callable[[Template, TextBuilder, ParseContext], None]

_WS = re.compile(r"[\s_]+")


def template_name(tpl: Template) -> str:
    """Normalised template name: lower case, no "Template:" prefix, single spaces."""
    raw = str(tpl.name)
    if "<!--" in raw:
        raw = re.sub(r"<!--.*?-->", "", raw, flags=re.DOTALL)
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
        "country_codes": {str(k): str(v) for k, v in data.get("country_codes", {}).items()},
        "currency_symbols": {str(k).upper(): str(v) for k, v in data.get("currency_symbols", {}).items()},
    }


@lru_cache(maxsize=4096)
def is_infobox(name: str) -> bool:
    from kidpedia.wikitext.infobox import is_infobox_name

    return is_infobox_name(name)


def classify(name: str) -> str:
    """'infobox', 'handler', 'first_param', 'text', 'magic', 'drop' or 'unknown'."""
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
    if name in r["drop"] or name.startswith(r["drop_prefixes"]) or name.endswith(r["drop_suffixes"]):
        return "drop"
    return "unknown"


def render_template(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    name = template_name(tpl)
    kind = classify(name)
    if kind == "handler":
        handler = handler_for(name)
        assert handler is not None
        handler(tpl, out, ctx)
    elif kind == "first_param":
        _first_param(tpl, out, ctx)
    elif kind == "text":
        out.add(rules()["text"][name])
    elif kind == "infobox":
        from kidpedia.wikitext.infobox import continue_quick_facts, extract_quick_facts

        if ctx.quick_facts is None:
            ctx.quick_facts = extract_quick_facts(tpl, ctx)
        else:  # a box made of parts ({{Infobox ship begin}}, {{Infobox ship career}}, ...)
            ctx.quick_facts = continue_quick_facts(ctx.quick_facts, tpl, ctx)
        ctx.stats["infoboxes"] += 1
    elif kind == "magic":
        _magic(tpl, name, out, ctx)
    elif kind == "drop":
        ctx.stats["templates_dropped"] += 1
    else:
        if name.startswith(("lang-", "lang ")):
            _lang(tpl, out, ctx)
            return
        ctx.unknown_templates[name] += 1
        ctx.stats["templates_unknown"] += 1


# ---- helpers ------------------------------------------------------------------------


def positional(tpl: Template) -> list[Wikicode]:
    """The unnamed parameters in order; "|2=b" counts as the second, as MediaWiki reads it."""
    numbered: dict[int, Wikicode] = {}
    n = 0
    for p in tpl.params:
        if not p.showkey:
            n += 1
            numbered[n] = p.value
        elif str(p.name).strip().isdigit():
            numbered[int(str(p.name).strip())] = p.value
    return [numbered[k] for k in sorted(numbered)]


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
    items: list[Text] = []
    for a in positional(tpl):
        items.extend(split_items(a, ctx))
    join_items(items, out)


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


# ---- lists, flags, measurements, coordinates, money, people (issue #3) ---------------


def split_items(code: Wikicode, ctx: ParseContext) -> list[Text]:
    """The lines of a value as a reader sees them: cut at <br>, list items, <hr> and blank lines.

    A single newline inside running text is a space (as MediaWiki renders it); a
    newline ends a list item.
    """
    items: list[Text] = []
    cur = TextBuilder()
    in_item = False

    def flush() -> None:
        nonlocal cur
        if not cur.is_blank():
            built = cur.build()
            if built.text:
                items.append(built)
        cur = TextBuilder()

    for i, node in enumerate(code.nodes):
        if isinstance(node, TextNode):
            lines = strip_quotes(node.value).split("\n")
            if i == 0 and lines[0].lstrip()[:1] in ("*", "#"):
                # A value that starts with list markup is a list (MediaWiki starts it on a new line).
                lines[0] = lines[0].lstrip().lstrip("*#:; ")
                in_item = True
            cur.add(lines[0])
            for line in lines[1:]:
                if in_item or not line.strip():
                    flush()
                    in_item = False
                else:
                    cur.add(" ")
                cur.add(line)
        elif isinstance(node, Tag) and str(node.tag).lower() == "sup" and _FOOTNOTE_MARK.fullmatch(str(node.contents)):
            continue  # a footnote marker: "Catalan<sup>a</sup>"
        elif isinstance(node, Tag) and str(node.tag).lower() == "br" and in_item:
            cur.add(" ")  # a line break inside one list item continues the item
        elif isinstance(node, Tag) and str(node.tag).lower() in ("br", "hr"):
            flush()
        elif isinstance(node, Tag) and node.wiki_markup and str(node.tag) in ("li", "dt", "dd"):
            flush()
            in_item = True
        elif isinstance(node, ExternalLink) and node.title is None:
            cur.add(re.sub(r"^[a-z]+://", "", str(node.url), flags=re.IGNORECASE).rstrip("/"))  # a bare URL
        else:
            render_nodes((node,), cur, ctx)
    flush()
    return items


_FOOTNOTE_MARK = re.compile(r"\s*\[?[a-z]\]?\s*")


def join_items(items: list[Text], out: TextBuilder, separator: str = ", ") -> None:
    """Write items one after another: "a, b, c" (no comma after "Label:" or before "(...)")."""
    for i, item in enumerate(items):
        if i:
            prev = items[i - 1].text
            out.add(" " if prev.endswith((":", ",", ";")) or item.text.startswith("(") else separator)
        out.add_text(item)


def _param_text(tpl: Template, ctx: ParseContext, *names: str) -> str:
    return plain(param(tpl, *names), ctx)


def _second_param(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{native name|fr|texte}}: the text, not the language code."""
    args = positional(tpl)
    if len(args) > 1:
        _render(args[1], out, ctx)


def _country(code_or_name: str) -> str:
    return rules()["country_codes"].get(code_or_name.strip(), code_or_name.strip())


def _flag(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{flag|France}}, {{flagcountry|France}}: the country's name, linked (the flag icon goes)."""
    args = positional(tpl)
    if not args:
        return
    country = _country(plain(args[0], ctx))
    label = _param_text(tpl, ctx, "name") or country
    link = template_name(tpl) not in ("flagu",)
    out.add(label, normalise_title(country) if link and country else None)


def _convert(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{convert|4400|km2|sqmi|abbr=on}} -> "4,400 km2 (1,700 sq mi)"."""
    from kidpedia.wikitext.convert import convert_text

    args = [plain(a, ctx) for a in positional(tpl)]
    opts = {str(p.name).strip(): plain(p.value, ctx) for p in tpl.params if p.showkey}
    if template_name(tpl) == "cvt":
        opts.setdefault("abbr", "on")
    text = convert_text(args, opts)
    if text is None:  # unknown unit: the measurement as written
        text = " ".join(a for a in args[:4] if a and not re.fullmatch(r"-?\d", a) or a == args[0])
        ctx.stats["convert_unknown_unit"] += 1
    out.add(text)


def _height(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{height|m=1.8}}, {{height|ft=6|in=1}}: a person's height and its conversion."""
    from kidpedia.wikitext.convert import convert_text

    m, cm = _param_text(tpl, ctx, "m", "meter", "meters", "metre", "metres"), _param_text(tpl, ctx, "cm")
    ft, inch = _param_text(tpl, ctx, "ft"), _param_text(tpl, ctx, "in")
    if m or cm:
        text = convert_text([m or cm, "m" if m else "cm", "ftin"], {"abbr": "on"})
    elif ft or inch:
        text = convert_text([ft or "0", "ft", inch or "0", "in", "m"], {"abbr": "on"})
    else:
        text = None
    if text:
        out.add(text)


_COORD_HEMI = {"N": 1, "S": -1, "E": 1, "W": -1}


def parse_coord(args: list[str]) -> tuple[float, float, str] | None:
    """{{coord}}'s unnamed parameters -> (latitude, longitude, text as MediaWiki shows it)."""
    a = [x.strip() for x in args if x.strip()]
    ns = next((i for i, x in enumerate(a) if x.upper() in ("N", "S")), None)
    try:
        if ns is None:
            lat, lon = float(a[0]), float(a[1])
            text = f"{abs(lat):g}°{'N' if lat >= 0 else 'S'} {abs(lon):g}°{'E' if lon >= 0 else 'W'}"
        else:
            ew = next(i for i, x in enumerate(a) if i > ns and x.upper() in ("E", "W"))
            lat_parts, lon_parts = a[:ns], a[ns + 1 : ew]
            if not (1 <= len(lat_parts) <= 3 and 1 <= len(lon_parts) <= 3):
                return None
            lat = _dms(lat_parts) * _COORD_HEMI[a[ns].upper()]
            lon = _dms(lon_parts) * _COORD_HEMI[a[ew].upper()]
            text = f"{_dms_text(lat_parts)}{a[ns].upper()} {_dms_text(lon_parts)}{a[ew].upper()}"
    except (ValueError, IndexError, StopIteration):
        return None
    if abs(lat) > 90 or abs(lon) > 180:
        return None
    return lat, lon, text


def _dms(parts: list[str]) -> float:
    return sum(float(p) / 60**i for i, p in enumerate(parts))


def _dms_text(parts: list[str]) -> str:
    marks = ("°", "′", "″")
    return "".join(f"{p}{marks[i]}" for i, p in enumerate(parts))


def coord_of(tpl: Template, ctx: ParseContext) -> tuple[float, float, str] | None:
    return parse_coord([plain(a, ctx) for a in positional(tpl)])


def _coord(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{coord|36|42|N|3|13|E|display=inline,title}}: shown inline as text; a title one is kept as data."""
    parsed = coord_of(tpl, ctx)
    if parsed is None:
        return
    display = _param_text(tpl, ctx, "display").lower().replace(" ", "") or "inline"
    if "title" in display or display in ("t", "it", "ti"):
        from dataclasses import replace

        from kidpedia.model import QuickFacts

        if isinstance(ctx.quick_facts, QuickFacts) and ctx.quick_facts.coordinates is None:
            ctx.quick_facts = replace(ctx.quick_facts, coordinates=(parsed[0], parsed[1]))
        ctx.stats["coordinates"] += 1
    if "inline" in display or display in ("i", "it", "ti"):
        out.add(parsed[2])


def _number_text(text: str) -> str:
    t = text.strip().replace(",", "")
    if re.fullmatch(r"\d{4,}(\.\d+)?", t):
        whole, _, frac = t.partition(".")
        return f"{int(whole):,}" + (f".{frac}" if frac else "")
    return text.strip()


def _currency(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{currency|1000|USD}} -> "US$1,000"; {{US$|5}} -> "US$5"."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if not args:
        return
    name = template_name(tpl)
    symbols = rules()["currency_symbols"]
    code = (args[1] if len(args) > 1 else "USD") if name == "currency" else name.upper()
    amount = _number_text(args[0])
    symbol = symbols.get(code.upper())
    out.add(f"{symbol}{amount}" if symbol else f"{amount} {code}")


_MARRIAGE_END = {"d": "died", "d.": "died", "died": "died", "div": "div.", "div.": "div.", "divorced": "div.",
                 "sep": "sep.", "sep.": "sep.", "separated": "sep.", "annulled": "ann.", "ann.": "ann."}


def _marriage(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{marriage|Pat Smith|1950|1975|end=div.}} -> "Pat Smith (m. 1950; div. 1975)"."""
    args = positional(tpl)
    if not args:
        return
    _render(args[0], out, ctx)
    start = plain(args[1], ctx) if len(args) > 1 else ""
    end = plain(args[2], ctx) if len(args) > 2 else ""
    reason = _MARRIAGE_END.get(_param_text(tpl, ctx, "end", "reason").lower(), "")
    if not start:
        return
    if end and reason:
        out.add(f" (m. {start}; {reason} {end})")
    elif end:
        out.add(f" (m. {start}–{end})")
    else:
        out.add(f" (m. {start})")


def _nihongo(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{nihongo|Tokyo|東京|Tōkyō}} -> "Tokyo (東京, Tōkyō)"."""
    args = positional(tpl)
    if not args:
        return
    _render(args[0], out, ctx)
    extra = [t for t in (plain(a, ctx) for a in args[1:3]) if t]
    if extra:
        out.add(f" ({', '.join(extra)})")


def _as_of(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{as of|2016|5}} -> "As of May 2016"."""
    y, m, d = _ymd(tpl, ctx)
    if y is None:
        return
    words = "as of" if _param_text(tpl, ctx, "lc").lower() in ("y", "yes", "on") else "As of"
    if _param_text(tpl, ctx, "since").lower() in ("y", "yes"):
        words = "since" if words == "as of" else "Since"
    mdy = _param_text(tpl, ctx, "df").lower() == "us"
    out.add(f"{words} {format_date(y, m, d, mdy)}")


def _start_date_and_age(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{start date and age|1990|5|1}} -> "1 May 1990 (35 years ago)"."""
    import datetime

    y, m, d = _ymd(tpl, ctx)
    if y is None:
        _first_param(tpl, out, ctx)
        return
    today = datetime.date.today()
    years = _age(y, m, d, today.year, today.month, today.day)
    ago = f" ({years} year{'s' if years != 1 else ''} ago)" if years > 0 else ""
    out.add(format_date(y, m, d, _is_mdy(tpl)) + ago)


def _year_and_age(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{birth year and age|1950}} -> "1950 (age 75–76)"; {{death year and age|2000|1950}} -> "2000 (aged 49–50)"."""
    import datetime

    args = [_int(a, ctx) for a in positional(tpl)]
    if not args or args[0] is None:
        return
    if template_name(tpl).startswith("death"):
        born = args[1] if len(args) > 1 else None
        out.add(f"{args[0]} (aged {args[0] - born - 1}–{args[0] - born})" if born else str(args[0]))
    else:
        age = datetime.date.today().year - args[0]
        out.add(f"{args[0]} (age {age - 1}–{age})")


def _age_ymd(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{age in years, months and days|1775|04|19|1783|09|03}} -> "8 years, 4 months and 15 days"."""
    import datetime

    y1, m1, d1 = _ymd(tpl, ctx)
    y2, m2, d2 = _ymd(tpl, ctx, 3)
    if y1 is None or m1 is None or d1 is None:
        return
    if y2 is None or m2 is None or d2 is None:
        today = datetime.date.today()
        y2, m2, d2 = today.year, today.month, today.day
    months = (y2 - y1) * 12 + (m2 - m1)
    days = d2 - d1
    if days < 0:
        months -= 1
        prev_month = (m2 - 2) % 12 + 1
        prev_year = y2 if m2 > 1 else y2 - 1
        days += (datetime.date(prev_year + (prev_month == 12), prev_month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    years, months = divmod(months, 12)
    parts = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in ((years, "year"), (months, "month"), (days, "day")) if n]
    if parts:
        out.add(", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1])


def _age_years(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{age|1990|5|1}} or {{age|1990|5|1|2000|1|1}}: an age in whole years."""
    import datetime

    y1, m1, d1 = _ymd(tpl, ctx)
    y2, m2, d2 = _ymd(tpl, ctx, 3)
    if y1 is None:
        return
    if y2 is None:
        today = datetime.date.today()
        y2, m2, d2 = today.year, today.month, today.day
    out.add(str(_age(y1, m1, d1, y2, m2, d2)))


def _frac(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{frac|1|2}} -> "1/2"; {{frac|3|1|2}} -> "3 1/2"."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if len(args) == 1:
        out.add(f"1/{args[0]}")
    elif len(args) == 2:
        out.add(f"{args[0]}/{args[1]}")
    elif len(args) >= 3:
        out.add(f"{args[0]} {args[1]}/{args[2]}")


def _val(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{val|1.23|e=5|u=m}} -> "1.23 × 10^5 m"."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if not args:
        return
    text = _number_text(args[0])
    if len(args) > 1 and args[1]:
        text += f" ± {args[1]}"
    exponent = _param_text(tpl, ctx, "e")
    if exponent:
        text += f" × 10^{exponent}"
    unit = _param_text(tpl, ctx, "u", "ul")
    out.add(f"{text} {unit}" if unit else text)


def _sortname(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{sortname|Ada|Lovelace}} -> "Ada Lovelace", linked unless nolink."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if len(args) < 2:
        return
    name = f"{args[0]} {args[1]}".strip()
    target = args[2] if len(args) > 2 and args[2] else name
    out.add(name, None if _param_text(tpl, ctx, "nolink") else normalise_title(target))


def _url(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{url|http://www.example.org/}} -> "www.example.org" (the label, not a link)."""
    args = [str(a).strip() for a in positional(tpl)]
    if not args or not args[0]:
        return
    label = args[1] if len(args) > 1 and args[1] else re.sub(r"^[a-z]+://", "", args[0], flags=re.IGNORECASE).rstrip("/")
    out.add(label)


def _wrap(left: str, right: str) -> Handler:
    def handler(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
        args = positional(tpl)
        if args:
            out.add(left)
            _render(args[0], out, ctx)
            out.add(right)

    return handler


def _collapsible_list(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{collapsible list|title=Members|a|b}}: the items (the reader can expand them all)."""
    items: list[Text] = []
    for a in positional(tpl):
        items.extend(split_items(a, ctx))
    if items:
        join_items(items, out)
    else:
        _render(param(tpl, "title"), out, ctx)


def _nuclide(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{SimpleNuclide2|Uranium|235}} -> "Uranium-235"."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if len(args) >= 2:
        out.add(f"{args[0]}-{args[1]}", normalise_title(f"{args[0]}-{args[1]}"))
    elif args:
        out.add(args[0])


def _icd10(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{ICD10|O|04||o|00}} -> "O04"; {{ICD10|F|84|0|f|80}} -> "F84.0"."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if len(args) >= 2 and args[0] and args[1]:
        out.add(f"{args[0]}{args[1]}" + (f".{args[2]}" if len(args) > 2 and args[2] else ""))


def _army(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{army|USA}} -> "United States Army" (linked)."""
    args = positional(tpl)
    if args:
        country = _country(plain(args[0], ctx))
        name = {"CSA": "Confederate States Army"}.get(country, f"{country} Army")
        out.add(name, normalise_title(name))


def _country_name(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{USA}} -> "United States" (linked), as the flag-country templates show it."""
    country = _country(template_name(tpl).upper())
    out.add(country, normalise_title(country))


def _based_on(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{based on|''Title''|Author}} -> "Title by Author"."""
    args = positional(tpl)
    if args:
        _render(args[0], out, ctx)
        for i, a in enumerate(args[1:]):
            out.add(" by " if i == 0 else " and ")
            _render(a, out, ctx)


def _ship(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{USS|Hornet|CV-12}} -> "USS Hornet (CV-12)", linked to the ship's article."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if not args:
        return
    prefix = template_name(tpl).upper()
    name = f"{prefix} {args[0]}"
    full = f"{name} ({args[1]})" if len(args) > 1 and args[1] else name
    out.add(full, normalise_title(full))


def _ticker(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{NYSE|IBM}} -> "NYSE: IBM"."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if args:
        out.add(f"{template_name(tpl).upper()}: {args[0]}")


def _interlanguage_link(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{ill|Title|de|Titel}}: the English title, linked; the old {{ill|de|Titel}} form: the title."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if not args:
        return
    if len(args) > 1 and re.fullmatch(r"[a-z]{2,3}(-[a-z]+)?", args[0]):
        out.add(args[1])
        return
    out.add(args[0], normalise_title(args[0]))


def _emedicine(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{eMedicine2|med|3202}} -> "med/3202"."""
    args = [plain(a, ctx) for a in positional(tpl)][:2]
    out.add("/".join(a for a in args if a))


def _fossil_range(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{fossil range|5|0}} -> "5–0 Ma"; {{fossil range|Late Silurian|Recent}} -> "Late Silurian – Recent"."""
    args = [plain(a, ctx) for a in positional(tpl)][:2]
    if not args:
        return
    if all(re.fullmatch(r"[\d.]+", a) for a in args):
        out.add("–".join(args) + " Ma ")
    else:
        out.add(" – ".join(a for a in args if a) + " ")


HANDLERS.update(
    {
        "fossil range": _fossil_range,
        "based on": _based_on,
        **{ship: _ship for ship in ("uss", "hms", "hmas", "hmcs", "hmnzs", "rms", "sms", "ss", "ins", "hnlms", "usns", "usat")},
        **{x: _ticker for x in ("nyse", "nasdaq", "bmv", "lse", "tyo", "fwb", "euronext", "tsx", "asx", "sehk", "bse", "nse")},
        "usa": _country_name,
        "us": _country_name,
        "uk": _country_name,
        "gbr": _country_name,
        "longitem": _last_param,
        "ill": _interlanguage_link,
        "interlanguage link": _interlanguage_link,
        "ublist": _list_items,
        "emedicine2": _emedicine,
        "start-date": _first_param,
        "end-date": _first_param,
        "icd10": _icd10,
        "icd9": _first_param,
        "army": _army,
        "vunblist": _list_items,
        "ordered list": _list_items,
        "collapsible list": _collapsible_list,
        "native name": _second_param,
        "flag": _flag,
        "flagcountry": _flag,
        "flag country": _flag,
        "flagu": _flag,
        "convert": _convert,
        "cvt": _convert,
        "height": _height,
        "coord": _coord,
        "coor": _coord,
        "currency": _currency,
        "us$": _currency,
        "usd": _currency,
        "€": _currency,
        "£": _currency,
        "marriage": _marriage,
        "nihongo": _nihongo,
        "as of": _as_of,
        "start date and age": _start_date_and_age,
        "birth year and age": _year_and_age,
        "death year and age": _year_and_age,
        "age in years, months and days": _age_ymd,
        "age": _age_years,
        "frac": _frac,
        "fraction": _frac,
        "val": _val,
        "sortname": _sortname,
        "sortkeyname": _sortname,
        "taxon list": _list_items,
        "baseball year": _first_param,
        "url": _url,
        "angbr": _wrap("⟨", "⟩"),
        "bracket": _wrap("[", "]"),
        "simplenuclide2": _nuclide,
        "simplenuclide": _nuclide,
    }
)
# Families of templates handled by one handler: {{lang-fr|...}}.
PREFIX_HANDLERS: dict[str, Handler] = {"lang-": _lang}


def handler_for(name: str) -> Handler | None:
    handler = HANDLERS.get(name)
    if handler is None:
        for prefix, h in PREFIX_HANDLERS.items():
            if name.startswith(prefix):
                return h
    return handler
