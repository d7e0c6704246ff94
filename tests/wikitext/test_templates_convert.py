"""{{convert}} as Module:Convert shows it: units, rounding, ranges, options."""

from __future__ import annotations

import pytest

from kidpedia.wikitext.handlers.convert import (
    convert_text,
    default_precision,
    find_unit,
    format_number,
    units,
)


@pytest.mark.parametrize(
    "args,opts,expected",
    [
        (["4400", "km2", "sqmi"], {"abbr": "on"}, "4,400 km2 (1,700 sq mi)"),
        (["4400", "km2", "sqmi"], {}, "4,400 square kilometres (1,700 sq mi)"),
        (["123", "ft", "m"], {}, "123 feet (37 m)"),
        (["6", "ft", "m"], {}, "6 feet (1.8 m)"),
        (["1", "mi"], {}, "1 mile (1.6 km)"),
        (["188320", "sqmi", "km2", "0"], {}, "188,320 square miles (487,747 km2)"),
        (["2.5", "mi", "km", "1"], {}, "2.5 miles (4.0 km)"),
        (["24", "°C", "0"], {"abbr": "on"}, "24 °C (75 °F)"),
        (["-40", "C"], {}, "−40 °C (−40 °F)"),
        (["40", "to", "50", "cm", "in"], {}, "40 to 50 centimetres (16 to 20 in)"),
        (["8", "-", "12", "km", "mi"], {}, "8–12 kilometres (5.0–7.5 mi)"),
        (["1600", "km"], {}, "1,600 kilometres (990 mi)"),
        (["200", "acre", "ha"], {}, "200 acres (81 ha)"),
        (["10", "km"], {"adj": "on"}, "10-kilometre (6.2 mi)"),
        (["100", "km", "mi"], {"disp": "flip"}, "62 miles (100 km)"),
        (["5", "mi", "km"], {"disp": "or"}, "5 miles or 8.0 km"),
        (["5", "mi", "km"], {"disp": "output only"}, "8.0 km"),
        (["100", "m"], {"sp": "us"}, "100 meters (330 ft)"),
        (["6", "ft", "1", "in", "cm"], {}, "6 feet 1 inch (185 cm)"),
        (["1.8", "m", "ftin"], {}, "1.8 metres (5 ft 11 in)"),
        (["2.5", "e6acre"], {}, "2.5 million acres (1.0 million ha)"),
        (["3990", "ft/s", "m/s"], {"abbr": "on"}, "3,990 ft/s (1,220 m/s)"),
        (["15.9", "PD/km2"], {"abbr": "on"}, "15.9/km2 (41/sq mi)"),
        (["1000", "km", "mi"], {"sigfig": "2", "abbr": "on"}, "1,000 km (620 mi)"),
        (["10", "km", "mi nmi"], {"abbr": "on"}, "10 km (6.2 mi; 5.4 nmi)"),
    ],
)
def test_convert(args: list[str], opts: dict[str, str], expected: str) -> None:
    assert convert_text(args, opts) == expected


@pytest.mark.parametrize("args", [["12", "furlongs"], ["abc", "km"], [], ["5", "km", "kg"]])
def test_unknown_or_wrong_units_give_none(args: list[str]) -> None:
    assert convert_text(args) is None


def test_every_unit_converts_to_its_default() -> None:
    for code, unit in units().items():
        out = find_unit(unit.default_out)
        assert out is not None and out.dimension == unit.dimension, code
        assert convert_text(["12", code]) is not None, code


def test_default_precision_follows_module_convert() -> None:
    assert default_precision("4400", 4400, 1698.8, find_unit("km2")) == -2  # type: ignore[arg-type]
    assert default_precision("6", 6, 1.83, find_unit("ft")) == 1  # type: ignore[arg-type]


def test_format_number() -> None:
    assert format_number(1698.8, -2) == "1,700"
    assert format_number(1.8288, 1) == "1.8"
    assert format_number(-3.0, 0) == "−3"
