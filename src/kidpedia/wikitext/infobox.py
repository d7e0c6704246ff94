"""Infobox -> QuickFacts: the "Quick facts" box a reader sees beside the lead.

Which rows a box has, their labels and their order come from the label tables in
``rules/infobox/*.yaml`` (one file per family of infoboxes; ``common.yaml`` holds
what every infobox shares). A table entry is one of:

``Label: param``                          a row: the label and the parameter's value
``{label: L, value: FORMAT}``             a row made from a format (see below);
                                          ``value`` may list alternatives, first that fills wins
``{header: H}``                           a section header row ("Area"), kept only when
                                          rows follow it; with ``value`` it is a row when
                                          the value is there ("Government: Unitary state")
``{label: L, columns: FORMAT}``           one row, one column per side: ``#`` in FORMAT is
                                          1, 2, 3 ... (``combatant1`` | ``combatant2``);
                                          ``combatant1a``, ``combatant1b`` join their side
``{repeat: [entries]}``                   the entries once per number ``#`` in use
                                          (``leader_title1``/``leader_name1``, ...); number 1
                                          also reads the unnumbered name (``office``)

A FORMAT is text with ``{param}`` placeholders: ``{a,b}`` takes the first of several
parameters that is there, ``{param|filter}`` formats a value (``num`` adds thousands
separators, a convert unit code such as ``km2`` shows a plain number with its
conversion, ``iucn`` spells a conservation status), ``{@coords}`` is the position from
``latd``/``longd``-style parameters, and ``[...]`` is a part dropped unless all its
placeholders are there. A row whose required placeholders are missing is dropped.

Parameters no entry uses are still shown, labelled from their names ("Years
active"), unless ``hidden`` says MediaWiki never shows them as a row (sizes, alt
texts, colours, footnotes, ...). Any infobox without a table renders this way.

Values keep their links; list items and line breaks become "a, b, c". Each entry of
every table is tested by ``tests/wikitext/test_infobox_rules.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from kidpedia import yamlload
from kidpedia.model import FactRow, Image, QuickFacts, Text
from kidpedia.titles import normalise_title
from kidpedia.wikitext.handlers.convert import convert_text, format_input
from kidpedia.wikitext.handlers.coordinates import coord_of, parse_coord
from kidpedia.wikitext.handlers.lists import join_items, split_items
from kidpedia.wikitext.inline import ParseContext, TextBuilder
from kidpedia.wikitext.params import template_name

INFOBOX_NAMES = frozenset(
    {"taxobox", "speciesbox", "automatic taxobox", "subspeciesbox", "infraspeciesbox", "chembox",
     "drugbox", "geobox", "ichnobox", "oobox", "mycomorphbox", "starbox begin", "planetbox begin"}
)
_NOT_BOXES = ("infobox u.s. state symbols",)  # second boxes a page carries below its own
_SPACES = re.compile(r"[\s_]+")
_RESERVED = frozenset({"label", "value", "header", "columns", "repeat", "test", "again", "rows", "list"})


def is_infobox_name(name: str) -> bool:
    if name.endswith("/ip") or name in _NOT_BOXES:
        return False
    return name.startswith(_BOX_PREFIXES) or name in INFOBOX_NAMES or name.endswith(" infobox")


# A template is an infobox by its shape (any language: Inligtingskas, Карточка, 基礎情報 ...)
# when at least this many named parameters start their own lines and this many hold a value.
SHAPE_MIN_LINES = 5
SHAPE_MIN_FILLED = 3


def is_infobox_shaped(tpl: Template) -> bool:
    """Many named parameters, one per line: the shape of an infobox, whatever its name."""
    lines = filled = 0
    before = str(tpl.name)
    for p in tpl.params:
        if p.showkey:
            if before.rstrip(" \t").endswith("\n") or str(p.name).lstrip(" \t").startswith("\n"):
                lines += 1
            filled += bool(str(p.value).strip())
        before = str(p.value)
    return lines >= SHAPE_MIN_LINES and filled >= SHAPE_MIN_FILLED


# Infobox families by their name in other language editions (Infoboks = da/no/fo, Ficha = es).
_BOX_PREFIXES = ("infobox", "infoboks", "ficha de ", "info/")


def param_key(name: str) -> str:
    """Parameter names compared loosely: "Birth date" and "birth_date" are "birth_date"."""
    return _SPACES.sub("_", re.sub(r"<!--.*?-->", "", name, flags=re.DOTALL).strip()).lower()


def humanise(param: str) -> str:
    """A label from a parameter name: "years_active" -> "Years active", "GDP_PPP" -> "GDP PPP"."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", param)  # "OfficialLang" -> "Official Lang"
    text = _SPACES.sub(" ", text).strip()
    words = [w if len(w) > 1 and any(c.isupper() for c in w[1:]) else w.lower() for w in text.split(" ")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


# ---- label tables -----------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    kind: str  # "row", "header", "columns" or "repeat"
    label: str = ""
    values: tuple[str, ...] = ()  # alternatives (row, header) or one format per column
    entries: tuple[Entry, ...] = ()  # repeat
    test: dict[str, Any] | None = None
    source: str = ""
    again: bool = False  # may show parameters an earlier row showed  # "<file>: <label>" for test ids and messages


@dataclass(frozen=True)
class Family:
    name: str
    templates: frozenset[str]
    prefixes: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    image: tuple[str, ...] = ()
    caption: tuple[str, ...] = ()
    hidden: tuple[re.Pattern[str], ...] = ()
    entries: tuple[Entry, ...] = ()
    include: tuple[str, ...] = ()


def _entry(raw: Any, source: str) -> Entry:
    if isinstance(raw, dict) and len(raw) == 1 and not set(raw) & _RESERVED:
        (label, params), = raw.items()
        names = ",".join(p.strip() for p in str(params).split(","))
        return Entry("row", str(label), (f"{{{names}}}",), source=f"{source}: {label}")
    if not isinstance(raw, dict):
        raise TypeError(f"{source}: entry {raw!r} is not a mapping")
    test = raw.get("test")
    if "repeat" in raw:
        subs = tuple(_entry(r, source) for r in raw["repeat"])
        return Entry("repeat", entries=subs, test=test, source=f"{source}: repeat {subs[0].label}")
    values = raw.get("value", ())
    values = tuple(values) if isinstance(values, list) else ((values,) if values else ())
    if "header" in raw:
        labels = raw["header"] if isinstance(raw["header"], list) else [raw["header"]]
        if "rows" in raw:  # a section: the header shows only with rows under it
            subs = tuple(_entry(r, source) for r in raw["rows"])
            return Entry("section", "|".join(str(x) for x in labels), values, subs, test=test,
                         source=f"{source}: {labels[0]}")
        return Entry("header", "|".join(str(x) for x in labels), values, test=test, source=f"{source}: {raw['header']}",
                     again=bool(raw.get("again")))
    if "list" in raw:
        return Entry("list", str(raw["label"]), (raw["list"],), test=test, source=f"{source}: {raw['label']}")
    if "columns" in raw:
        cols = raw["columns"]
        cols = tuple(cols) if isinstance(cols, list) else (cols,)
        return Entry("columns", str(raw["label"]), cols, test=test, source=f"{source}: {raw['label']}")
    return Entry("row", str(raw.get("label", "")), values, test=test, source=f"{source}: {raw.get('label')}",
                 again=bool(raw.get("again")))


def _family(name: str, data: dict[str, Any]) -> Family:
    return Family(
        name=name,
        templates=frozenset(str(t).lower() for t in data.get("templates", ())),
        prefixes=tuple(str(t).lower() for t in data.get("prefixes", ())),
        title=tuple(param_key(t) for t in data.get("title", ())),
        image=tuple(param_key(t) for t in data.get("image", ())),
        caption=tuple(param_key(t) for t in data.get("caption", ())),
        hidden=tuple(re.compile(f"^(?:{h})$") for h in data.get("hidden", ())),
        entries=tuple(_entry(e, name) for e in data.get("rows", ())),
        include=tuple(data.get("include", ())),
    )


@lru_cache(maxsize=1)
def families() -> tuple[Family, ...]:
    """Every label table, ``common`` first."""
    folder = resources.files("kidpedia.wikitext").joinpath("rules/infobox")
    found = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            found.append(_family(item.name[:-5], yamlload.safe_load(item.read_text("utf-8")) or {}))
    found.sort(key=lambda f: f.name != "common")
    by_name = {f.name: f for f in found}
    return tuple(
        replace(f, entries=f.entries + tuple(e for inc in f.include for e in by_name[inc].entries))
        if f.include else f
        for f in found
    )


def family_for(name: str) -> Family | None:
    for fam in families()[1:]:
        if name in fam.templates or name.startswith(fam.prefixes or ("\0",)):
            return fam
    return None


def common() -> Family:
    return families()[0]


# ---- the box's parameters ---------------------------------------------------------------


@dataclass
class Box:
    """One infobox's non-empty parameters (by loose key) and what the rows used of them."""

    params: dict[str, Wikicode]
    names: dict[str, str]  # key -> name as written
    ctx: ParseContext
    used: set[str] = field(default_factory=set)
    _cache: dict[str, list[Text]] = field(default_factory=dict)

    @classmethod
    def of(cls, tpl: Template, ctx: ParseContext) -> Box:
        params: dict[str, Wikicode] = {}
        names: dict[str, str] = {}
        for p in tpl.params:
            key = param_key(str(p.name))
            if key and key not in params and _has_content(p.value):
                params[key] = p.value
                names[key] = str(p.name).strip()
        return cls(params, names, ctx)

    def has(self, key: str) -> bool:
        return key in self.params

    def items(self, key: str) -> list[Text]:
        """The parameter's lines as a reader sees them (cached: a value is rendered once)."""
        if key not in self._cache:
            self._cache[key] = split_items(self.params[key], self.ctx) if key in self.params else []
        return self._cache[key]

    def text(self, key: str) -> Text:
        b = TextBuilder()
        join_items(self.items(key), b, self.ctx.lang)
        return b.build()

    def plain(self, key: str) -> str:
        return self.text(key).text


def _has_content(value: Wikicode) -> bool:
    raw = str(value)
    if "<!--" in raw:
        raw = re.sub(r"<!--.*?(?:-->|\Z)", "", raw, flags=re.DOTALL)
    return bool(raw.strip())


# ---- formats ----------------------------------------------------------------------------

_TOKEN = re.compile(r"\{([^{}]+)\}|\[|\]|[^{}\[\]]+")


@dataclass(frozen=True)
class _Slot:
    """A placeholder: parameter names (alternatives) and a filter."""

    names: str
    filter: str


def _parse_format(fmt: str) -> list[Any]:
    """"a {x} [b {y}]" -> ["a ", _Slot("x", ""), ["b ", _Slot("y", "")]]."""
    stack: list[list[Any]] = [[]]
    for m in _TOKEN.finditer(fmt):
        tok = m.group(0)
        if tok == "[":
            stack.append([])
        elif tok == "]" and len(stack) > 1:
            group = stack.pop()
            stack[-1].append(group)
        elif m.group(1) is not None:
            names, _, flt = m.group(1).partition("|")
            stack[-1].append(_Slot(names.strip(), flt.strip()))
        else:
            stack[-1].append(tok)
    while len(stack) > 1:
        group = stack.pop()
        stack[-1].append(group)
    return stack[0]


@lru_cache(maxsize=4096)
def _format(fmt: str) -> tuple[Any, ...]:
    return tuple(_freeze(x) for x in _parse_format(fmt))


def _freeze(x: Any) -> Any:
    return tuple(_freeze(y) for y in x) if isinstance(x, list) else x


def _lookup(box: Box, names: str, n: str) -> str | None:
    """The first of ``names`` (with ``#`` -> n) the box has."""
    for name in names.split(","):
        name = name.strip()
        key = name if name.startswith("@") else param_key(name).replace("#", n)
        if key.startswith("@") or box.has(key):
            return key
    return None


def fill(fmt: str, box: Box, n: str = "", label: bool = False, again: bool = False) -> Text | None:
    """Render a format with the box's values; None when a required placeholder is missing.

    A value must use at least one parameter not shown before (a parameter shows once);
    a ``label`` may be plain text.
    """
    b = TextBuilder()
    used: set[str] = set()
    if not _fill_parts(_format(fmt), box, n, b, used):
        return None
    built = b.build()
    params = set(used)
    if not built.text or (not label and (not used or (params and params <= box.used and not again))):
        return None
    box.used |= params
    return built


def _fill_parts(parts: tuple[Any, ...], box: Box, n: str, b: TextBuilder, used: set[str]) -> bool:
    for part in parts:
        if isinstance(part, str):
            b.add(part)
        elif isinstance(part, _Slot):
            key = _lookup(box, part.names, n)
            value = _value(box, key, part.filter) if key else None
            if value is None or not value.text:
                return False
            used.add(key or "")
            b.add_text(value)
        else:  # an optional group
            sub = TextBuilder()
            sub_used: set[str] = set()
            if _fill_parts(part, box, n, sub, sub_used):
                b.pieces.extend(sub.pieces)
                used |= sub_used
    return True


def _value(box: Box, key: str, flt: str) -> Text | None:
    if key == "@coords":
        coords = box_coordinates(box, mark_used=True)
        return Text(coords[2]) if coords else None
    value = box.text(key)
    if not flt or not value.text:
        return value
    filtered = _filtered(value, flt, box.ctx)
    if filtered is None and flt == "notauto":
        box.used.add(key)  # "auto" is an instruction to MediaWiki, not a value to show
    return filtered


_PLAIN_NUMBER = re.compile(r"^\d[\d,]*(\.\d+)?$")
_IUCN = {
    "LC": "Least Concern", "NT": "Near Threatened", "VU": "Vulnerable", "EN": "Endangered",
    "CR": "Critically Endangered", "EW": "Extinct in the wild", "EX": "Extinct", "DD": "Data Deficient",
    "NE": "Not evaluated", "CD": "Conservation Dependent", "LR/LC": "Least Concern", "LR/NT": "Near Threatened",
    "LR/CD": "Conservation Dependent", "PE": "Possibly extinct", "SECURE": "Secure", "G5": "Secure",
}


def _filtered(value: Text, flt: str, ctx: ParseContext) -> Text | None:
    text = value.text.strip()
    if flt == "abbreviated":  # "P. cristata" as an old taxobox writes the species
        return value if " " in text else None
    if flt == "notauto":  # "auto": MediaWiki computes it from other parameters
        return None if text.lower() == "auto" else value
    if flt == "iucn":
        return Text(_IUCN.get(text.upper(), text))
    if flt == "iucnsys":
        return Text(re.sub(r"(?i)^iucn\s*", "IUCN ", text))
    if flt == "initial":
        return Text(text[:1] + ".")
    if not _PLAIN_NUMBER.match(text) or value.links:
        return value
    if flt == "num":
        return Text(format_input(text))
    converted = convert_text([text.replace(",", ""), flt], {"abbr": "on"})
    return Text(converted) if converted else value


# ---- rows ---------------------------------------------------------------------------------


def build_rows(entries: tuple[Entry, ...], box: Box, n: str = "") -> Iterator[FactRow]:
    for entry in entries:
        if entry.kind == "repeat":
            for number in _numbers(entry, box):
                yield from build_rows(entry.entries, box, number)
        elif entry.kind == "columns":
            row = _columns_row(entry, box)
            if row:
                yield row
        elif entry.kind == "list":
            value = _list_value(entry, box)
            if value.text:
                yield FactRow(entry.label, (value,))
        elif entry.kind in ("header", "section"):
            head_value = _first_filled(entry.values, box, n, entry.again)
            label = None
            for alternative in entry.label.split("|"):  # header: [first choice, fallback]
                label = label or fill(alternative, box, n, label=True)
            subs = list(build_rows(entry.entries, box, n)) if entry.kind == "section" else []
            if label is None or (entry.kind == "section" and not head_value and not subs):
                continue
            if head_value:
                yield FactRow(label.text, (head_value,), False)
            else:
                yield FactRow(label.text, (), True)
            yield from subs
        else:
            label = fill(entry.label, box, n, label=True)
            if label is None and "{" in entry.label:
                continue  # "{leader_title#}" with no title: another entry shows the value
            cell = _first_filled(entry.values, box, n, entry.again)
            if cell is None:
                continue
            yield FactRow(label.text if label else "", (cell,))


def _first_filled(formats: tuple[str, ...], box: Box, n: str, again: bool = False) -> Text | None:
    for fmt in formats:
        value = fill(fmt, box, n, again=again)
        if value is not None:
            return value
    return None


_NUMBERED = re.compile(r"^(.*?)(\d+)([a-z]?)$")


def _numbers(entry: Entry, box: Box) -> list[str]:
    """The numbers ``#`` takes in this repeat: those the box uses ("" for no number first)."""
    patterns = []
    for sub in _walk(entry.entries):
        for fmt in (sub.label, *sub.values):
            for names in re.findall(r"\{([^{}|]+)", fmt):
                for name in names.split(","):
                    if "#" in name:
                        head, _, tail = name.strip().partition("#")
                        patterns.append(re.compile(f"^{re.escape(head)}(\\d*){re.escape(tail)}$"))
    found = {"1"}
    for key in box.params:
        for pat in patterns:
            m = pat.match(key)
            if m:
                found.add(m.group(1))
    return sorted(found, key=lambda x: int(x or 0))


def _walk(entries: tuple[Entry, ...]) -> Iterator[Entry]:
    for e in entries:
        yield e
        yield from _walk(e.entries)


def _columns_row(entry: Entry, box: Box) -> FactRow | None:
    columns: list[Text] = []
    for side in range(1, 10):
        col = _column(entry, box, str(side))
        columns.append(col)
    while columns and not columns[-1].text:
        columns.pop()
    if not columns:
        return None
    return FactRow(entry.label, tuple(columns))


def _column(entry: Entry, box: Box, side: str) -> Text:
    """One side: its numbered value and its lettered extras (combatant1, combatant1a, ...)."""
    parts: list[Text] = []
    for suffix in ["", *"abcdefghij"]:
        for fmt in entry.values:
            value = fill(fmt.replace("#", side + suffix), box)
            if value is not None:
                parts.append(value)
    b = TextBuilder()
    join_items(parts, b, box.ctx.lang)
    return b.build()


def _list_value(entry: Entry, box: Box) -> Text:
    """All numbered values of one format in one row: child1, child2, ... -> "a, b, c"."""
    parts = [v for n in _numbers(Entry("repeat", entries=(Entry("row", values=entry.values),)), box)
             if (v := fill(entry.values[0], box, n)) is not None]
    b = TextBuilder()
    join_items(parts, b, box.ctx.lang)
    return b.build()


def _drop_empty_headers(rows: list[FactRow]) -> list[FactRow]:
    out: list[FactRow] = []
    for i, row in enumerate(rows):
        if row.header and (i + 1 == len(rows) or rows[i + 1].header):
            continue
        out.append(row)
    return out


# ---- the box --------------------------------------------------------------------------------


def box_coordinates(box: Box, mark_used: bool = False) -> tuple[float, float, str] | None:
    """The position the box gives: a {{coord}} in a parameter, or latd/longd-style parameters."""
    for key in ("coordinates", "coords", "coord", "location_coordinates", "coordinates_wikidata"):
        if box.has(key):
            for tpl in box.params[key].ifilter_templates(recursive=True):
                if template_name(tpl) in ("coord", "coor"):
                    parsed = coord_of(tpl, box.ctx)
                    if parsed:
                        if mark_used:
                            box.used.add(key)
                        return parsed
    for d, m, s, h, ld, lm, ls, lh in (
        ("latd", "latm", "lats", "latns", "longd", "longm", "longs", "longew"),
        ("lat_deg", "lat_min", "lat_sec", "lat_dir", "lon_deg", "lon_min", "lon_sec", "lon_dir"),
        ("lat_d", "lat_m", "lat_s", "lat_ns", "long_d", "long_m", "long_s", "long_ew"),
    ):
        if box.has(d) and box.has(ld):
            lat = [box.plain(k) for k in (d, m, s) if box.has(k)]
            lon = [box.plain(k) for k in (ld, lm, ls) if box.has(k)]
            if len(lat) != len(lon):
                lat, lon = lat[:1], lon[:1]
            args = lat + [box.plain(h) or "N"] + lon + [box.plain(lh) or "E"] if box.has(h) or box.has(lh) else lat + lon
            parsed = parse_coord(args)
            if parsed:
                return parsed
    return None


def _image(box: Box, fam: Family | None) -> Image | None:
    keys = (fam.image if fam and fam.image else ()) + common().image
    for key in keys:
        if not box.has(key):
            continue
        name = _file_name(box.params[key], box.ctx)
        if name:
            box.used.add(key)
            caption = ""
            for ckey in (fam.caption if fam and fam.caption else ()) + common().caption:
                if box.has(ckey):
                    caption = box.plain(ckey)
                    box.used.add(ckey)
                    break
            return Image(name, caption)
    return None


def _file_name(value: Wikicode, ctx: ParseContext) -> str:
    """"Foo.jpg", "File:Foo.jpg" or "[[File:Foo.jpg|300px]]" -> "Foo.jpg"."""
    raw = str(value)
    m = re.search(r"\[\[\s*(?:[^:\]|]+):([^|\]]+)", raw)
    if m:
        return normalise_title(m.group(1))
    text = re.sub(r"<!--.*?-->", "", raw, flags=re.DOTALL).strip()
    if "{{" in text or "|" in text or "\n" in text:
        return ""
    text = re.sub(r"^(?:File|Image|Datei|Fichier|Bild|Archivo):", "", text, flags=re.IGNORECASE)
    return normalise_title(text) if re.search(r"\.\w{3,4}$", text) else ""


def _title(box: Box, fam: Family | None, ctx: ParseContext) -> str:
    """The first line of the first title parameter there; the family's other title parameters
    (a state's short "Name" beside its "Fullname") are the same name and make no row."""
    found = ""
    for key in fam.title if fam and fam.title else common().title:
        if box.has(key) and (not found or (fam and key in fam.title)):
            items = box.items(key)
            box.used.add(key)
            found = found or (items[0].text if items else "")
    return found or ctx.title


def is_hidden(key: str, fam: Family | None) -> bool:
    pats = common().hidden + (fam.hidden if fam else ())
    return any(p.match(key) for p in pats)


def extract_quick_facts(tpl: Template, ctx: ParseContext) -> QuickFacts:
    """The Quick facts box of one infobox template."""
    facts, _ = extract_with_box(tpl, ctx)
    return facts


def extract_with_box(tpl: Template, ctx: ParseContext) -> tuple[QuickFacts, Box]:
    """extract_quick_facts, and the Box with the parameters its rows used (for coverage measures)."""
    name = template_name(tpl)
    fam = family_for(name)
    box = Box.of(tpl, ctx)
    title = _title(box, fam, ctx)
    image = _image(box, fam)
    rows = list(build_rows(fam.entries, box)) if fam else []
    rows.extend(build_rows(common().entries, box))
    rows.extend(_leftover_rows(box, fam))
    rows = _drop_empty_headers([r for r in rows if r.header or any(v.text for v in r.values)])
    coords = box_coordinates(box)
    return QuickFacts(
        template=name,
        title=title,
        image=image,
        rows=tuple(rows),
        coordinates=(coords[0], coords[1]) if coords else None,
    ), box


# Infoboxes written as several templates in a row: the parts after the first add rows.
_PARTS = ("infobox ship ", "infobox aircraft ", "infobox weapon ", "infobox station ")


def continue_quick_facts(facts: QuickFacts, tpl: Template, ctx: ParseContext) -> QuickFacts:
    """``facts`` with the rows of ``tpl`` added when ``tpl`` is a later part of the same box."""
    name = template_name(tpl)
    if not any(
        name.startswith(p) and facts.template.startswith(p) for p in _PARTS
    ):
        return facts
    part = extract_quick_facts(tpl, ctx)
    return replace(
        facts,
        image=facts.image or part.image,
        rows=facts.rows + part.rows,
        coordinates=facts.coordinates or part.coordinates,
    )


def _leftover_rows(box: Box, fam: Family | None) -> Iterator[FactRow]:
    """Parameters no entry used: labelled from their names."""
    for key in list(box.params):
        if key in box.used or is_hidden(key, fam):
            continue
        value = box.text(key)
        box.used.add(key)
        if value.text and not _PICTURE_VALUE.search(value.text):
            yield FactRow(humanise(box.names[key]), (value,))


# A value that is a picture's file name or size: never a fact, whatever the parameter's name.
_PICTURE_VALUE = re.compile(r"\.(?:svg|png|jpe?g|gif|tiff?|webp)\s*$|^\s*\d+\s*px\s*$", re.IGNORECASE)


def displayable_params(box: Box, fam: Family | None) -> list[str]:
    """Non-empty parameters MediaWiki would show (not hidden; not the title or the image)."""
    return [k for k in box.params if not is_hidden(k, fam)]
