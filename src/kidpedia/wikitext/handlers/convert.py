"""{{convert}}: a measurement and its conversion, as MediaWiki's Module:Convert shows it.

``convert_text(args, options)`` takes the template's positional parameters as plain
text (``["4400", "km2", "sqmi"]``) and its named options (``{"abbr": "on"}``) and
returns what a reader sees ("4,400 km2 (1,700 sq mi)"), or None when the units
are not known (the caller then shows the measurement as written).

Units come from ``rules/units.yaml``. Rounding follows Module:Convert's default:
the output keeps about the input's precision, adjusted by the size of the
conversion, and has at least two significant figures; a precision or ``sigfig=``
given in the template wins.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kidpedia import yamlload


@dataclass(frozen=True)
class Unit:
    code: str
    dimension: str
    symbol: str
    name: str
    plural: str
    scale: float  # size in the dimension's base unit
    default_out: str
    offset: float = 0.0  # temperatures: kelvin = (value + offset) * scale


_TEMPERATURES = {
    "C": Unit("C", "temperature", "°C", "degree Celsius", "degrees Celsius", 1.0, "F", 273.15),
    "F": Unit("F", "temperature", "°F", "degree Fahrenheit", "degrees Fahrenheit", 5 / 9, "C", 459.67),
    "K": Unit("K", "temperature", "K", "kelvin", "kelvins", 1.0, "C", 0.0),
    "C-change": Unit("C-change", "temperature change", "°C", "degree Celsius", "degrees Celsius", 1.0, "F-change"),
    "F-change": Unit("F-change", "temperature change", "°F", "degree Fahrenheit", "degrees Fahrenheit", 5 / 9, "C-change"),
}
_ALIASES = {"°C": "C", "°F": "F", "degC": "C", "degF": "F", "m²": "m2", "km²": "km2", "sq mi": "sqmi"}
_PREFIXES = {"e3": (1e3, "thousand "), "e6": (1e6, "million "), "e9": (1e9, "billion "), "e12": (1e12, "trillion ")}
_BIG_PREFIX = {"k": "e3", "M": "e6", "G": "e9", "T": "e12"}  # as in "Moilbbl", "Tcuft"
RANGE_SEPS = {
    "-": "–", "–": "–", "to": " to ", "and": " and ", "and(-)": " and ", "or": " or ", "by": " by ",
    "x": " × ", "×": " × ", "+/-": " ± ", "±": " ± ", "to(-)": " to ",
}
_NUMBER = re.compile(r"^[-−+]?(?:\d[\d,]*)?(?:\.\d+)?(?:e-?\d+)?$", re.IGNORECASE)
_SPELL_US = (("metre", "meter"), ("litre", "liter"))


@lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    text = resources.files("kidpedia.wikitext").joinpath("rules/units.yaml").read_text("utf-8")
    table: dict[str, Unit] = dict(_TEMPERATURES)
    for dimension, entries in yamlload.safe_load(text).items():
        for code, (symbol, name, plural, scale, default_out) in entries.items():
            table[str(code)] = Unit(str(code), dimension, str(symbol), name, plural, float(scale), str(default_out))
    return table


def find_unit(code: str) -> Unit | None:
    """A unit by its convert code, with "e6"/"M"-style multipliers ("e6acre", "Moilbbl")."""
    code = _ALIASES.get(code.strip(), code.strip())
    table = units()
    if code in table:
        return table[code]
    for prefix, (factor, words) in _PREFIXES.items():
        base = table.get(code[len(prefix):]) if code.startswith(prefix) else None
        if base:
            return _scaled(base, prefix, factor, words)
    if code[:1] in _BIG_PREFIX and code[1:] in table and table[code[1:]].dimension in ("volume", "flow"):
        prefix = _BIG_PREFIX[code[0]]
        factor, words = _PREFIXES[prefix]
        return _scaled(table[code[1:]], prefix, factor, words)
    return None


def _scaled(base: Unit, prefix: str, factor: float, words: str) -> Unit:
    return Unit(
        prefix + base.code, base.dimension, words + base.symbol, words + base.plural, words + base.plural,
        base.scale * factor, prefix + base.default_out if base.default_out in units() else base.default_out,
    )


def parse_number(text: str) -> float | None:
    t = text.strip().replace("−", "-").replace(",", "")
    if not t or not _NUMBER.match(t):
        return None
    try:
        return float(t)
    except ValueError:
        return None


def _input_precision(text: str) -> int:
    t = text.strip().replace(",", "").lstrip("+-−")
    mantissa, _, exponent = t.lower().partition("e")
    if "." in mantissa:
        prec = len(mantissa.split(".", 1)[1])
    else:
        prec = -(len(mantissa) - len(mantissa.rstrip("0"))) if mantissa.strip("0") else 0
    return prec - int(exponent) if exponent.lstrip("-").isdigit() else prec


def default_precision(in_text: str, in_value: float, out_value: float, in_unit: Unit) -> int:
    """Decimal places for the output, as Module:Convert's default_precision."""
    fudge = 1e-14
    prec = _input_precision(in_text)
    if in_unit.dimension == "temperature":
        kelvin = abs((in_value + in_unit.offset) * in_unit.scale)
        minprec = 2 if kelvin < 1e-8 else 2 - math.floor(math.log10(kelvin) + fudge)
        return max(prec, minprec)
    if in_value == 0 or out_value <= 0:
        return prec
    adjust = math.log10(abs(in_value / out_value)) + math.log10(2)
    minprec = 1 - math.floor(math.log10(out_value) + fudge)
    return max(math.floor(prec + adjust), minprec)


def format_number(value: float, prec: int) -> str:
    """Round to ``prec`` decimal places (negative: tens, hundreds) with thousands separators."""
    if prec > 0:
        text = f"{value:,.{prec}f}"
    else:
        text = f"{int(round(value, prec)):,}"
    return text.replace("-", "−") if text.startswith("-") else text


def format_input(text: str) -> str:
    """The input number as convert shows it: thousands separators added."""
    t = text.strip().replace(",", "").replace("−", "-")
    if re.fullmatch(r"-?\d{4,}(\.\d+)?", t):
        whole, _, frac = t.partition(".")
        t = f"{int(whole):,}" + (f".{frac}" if frac else "")
    return t.replace("-", "−") if t.startswith("-") else t


def convert_value(value: float, src: Unit, dst: Unit) -> float:
    if src.dimension == "temperature" and dst.dimension == "temperature":
        kelvin = (value + src.offset) * src.scale
        return kelvin / dst.scale - dst.offset
    return value * src.scale / dst.scale


@dataclass
class _Request:
    values: list[str]  # one, or two for a range
    separator: str
    unit: Unit
    outs: list[str]
    precision: int | None
    composite_inches: str | None = None  # "6|ft|1|in": the inches
    outs_scale: float = 0.0  # scale of the output unit being formatted


def _parse(args: list[str]) -> _Request | None:
    args = [a.strip() for a in args]
    if not args or parse_number(args[0]) is None:
        return None
    values = [args[0]]
    i = 1
    separator = ""
    if len(args) > 3 and args[1] in RANGE_SEPS and parse_number(args[2]) is not None:
        values.append(args[2])
        separator = RANGE_SEPS[args[1]]
        i = 3
    if i >= len(args):
        return None
    unit = find_unit(args[i])
    if unit is None:
        return None
    i += 1
    inches = None
    if unit.code == "ft" and i + 1 < len(args) and parse_number(args[i]) is not None and args[i + 1] == "in":
        inches = args[i]
        i += 2
    outs: list[str] = []
    if i < len(args) and args[i] and parse_number(args[i]) is None:
        outs = args[i].split()
        i += 1
    precision = int(args[i]) if i < len(args) and re.fullmatch(r"-?\d+", args[i]) else None
    return _Request(values, separator, unit, outs or [unit.default_out], precision, inches)


def _unit_word(unit: Unit, value_text: str, symbol: bool, us: bool, adjective: bool) -> str:
    if symbol:
        return unit.symbol
    one = parse_number(value_text) == 1 or adjective
    word = unit.name if one else unit.plural
    if us:
        for uk, am in _SPELL_US:
            word = word.replace(uk, am)
    return word


def _measure(numbers: list[str], sep: str, unit: Unit, symbol: bool, us: bool, adjective: bool) -> str:
    number = sep.join(numbers)
    word = _unit_word(unit, numbers[-1], symbol, us, adjective and not symbol)
    if adjective and not symbol:
        return f"{number}-{word}"
    return f"{number}{word}" if word.startswith("/") else f"{number} {word}"


def _feet_inches(feet: float, symbol: bool) -> str:
    total = round(feet * 12)
    ft, inch = divmod(total, 12)
    if symbol:
        return f"{ft} ft {inch} in" if inch else f"{ft} ft"
    return f"{ft} {'foot' if ft == 1 else 'feet'} {inch} {'inch' if inch == 1 else 'inches'}"


def convert_text(args: list[str], options: dict[str, str] | None = None) -> str | None:
    """What {{convert|args|options}} shows, or None when the units are unknown."""
    opts = {k.strip().lower(): v.strip().lower() for k, v in (options or {}).items()}
    req = _parse(args)
    if req is None:
        return None
    abbr = opts.get("abbr", "on" if req.unit.dimension.startswith("temperature") else "out")
    in_symbol = abbr in ("on", "in", "values")
    out_symbol = abbr in ("on", "out", "values") or abbr not in ("off", "in")
    if opts.get("disp") == "flip" or opts.get("order") == "flip":
        in_symbol, out_symbol = out_symbol, in_symbol
    us = opts.get("sp") == "us"
    adjective = opts.get("adj") == "on"
    in_values = [parse_number(v) or 0.0 for v in req.values]
    if req.composite_inches is not None:
        in_values = [in_values[0] + (parse_number(req.composite_inches) or 0.0) / 12]

    outputs: list[str] = []
    out_numbers: list[str] = []
    for code in req.outs:
        if code == "ftin" and req.unit.dimension == "length":
            feet = [convert_value(v, req.unit, units()["ft"]) for v in in_values]
            outputs.append(" to ".join(_feet_inches(f, out_symbol) for f in feet))
            continue
        dst = find_unit(code)
        if dst is None or dst.dimension != req.unit.dimension:
            return None
        req.outs_scale = dst.scale
        converted = [convert_value(v, req.unit, dst) for v in in_values]
        texts = [_format_out(req, opts, v, c) for v, c in zip(in_values, converted)]
        out_numbers.append(req.separator.join(texts))
        outputs.append(_measure(texts, req.separator, dst, out_symbol, us, adjective))

    if req.composite_inches is not None:
        inch = units()["in"]
        shown_in = (
            f"{format_input(req.values[0])} {_unit_word(req.unit, req.values[0], in_symbol, us, False)} "
            f"{format_input(req.composite_inches)} {_unit_word(inch, req.composite_inches, in_symbol, us, False)}"
        )
    else:
        shown_in = _measure([format_input(v) for v in req.values], req.separator, req.unit, in_symbol, us, adjective)
    if abbr == "values":
        shown_in = req.separator.join(format_input(v) for v in req.values)
        outputs = out_numbers or outputs
    return _arrange(shown_in, outputs, out_numbers, opts)


def _format_out(req: _Request, opts: dict[str, str], in_value: float, out_value: float) -> str:
    if opts.get("sigfig", "").isdigit() and out_value:
        prec = int(opts["sigfig"]) - 1 - math.floor(math.log10(abs(out_value)))
    elif req.precision is not None:
        prec = req.precision
    elif req.composite_inches is not None:  # "6|ft|1|in": Module:Convert's subunit rule
        prec = max(0, math.floor(math.log10(req.outs_scale) + 2)) if req.outs_scale else 0
    else:
        prec = default_precision(req.values[0], in_value, abs(out_value), req.unit)
    return format_number(out_value, prec)


def _arrange(shown_in: str, outputs: list[str], out_numbers: list[str], opts: dict[str, str]) -> str:
    disp = opts.get("disp", "b")
    out = "; ".join(outputs)
    if disp in ("output only", "out"):
        return out
    if disp in ("output number only", "number"):
        return "; ".join(out_numbers) or out
    if disp == "or":
        return f"{shown_in} or {out}"
    if disp == "flip" or opts.get("order") == "flip":
        return f"{out} ({shown_in})"
    return f"{shown_in} ({out})"
