"""Coordinates: {{coord|36|42|N|3|13|E}} as text, and a title position kept as data."""

from __future__ import annotations

from dataclasses import replace

from mwparserfromhell.nodes import Template

from kidpedia.wikitext.inline import ParseContext, TextBuilder, plain
from kidpedia.wikitext.params import param_text, positional

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


def coord(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{coord|36|42|N|3|13|E|display=inline,title}}: shown inline as text; a title one is kept as data."""
    parsed = coord_of(tpl, ctx)
    if parsed is None:
        return
    display = param_text(tpl, ctx, "display").lower().replace(" ", "") or "inline"
    if "title" in display or display in ("t", "it", "ti"):
        if ctx.quick_facts is not None and ctx.quick_facts.coordinates is None:
            ctx.quick_facts = replace(ctx.quick_facts, coordinates=(parsed[0], parsed[1]))
        ctx.stats["coordinates"] += 1
    if "inline" in display or display in ("i", "it", "ti"):
        out.add(parsed[2])
