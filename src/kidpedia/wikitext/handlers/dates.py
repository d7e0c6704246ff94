"""Dates and ages: {{birth date|1990|5|1}}, {{death date and age}}, {{as of}}, {{age}}, ..."""

from __future__ import annotations

import datetime
import re

from babel import dates as babel_dates
from mwparserfromhell.nodes import Template

from kidpedia import lang
from kidpedia.wikitext.handlers.text import first_param
from kidpedia.wikitext.inline import HOLE, ParseContext, TextBuilder, plain
from kidpedia.wikitext.params import param_int, param_text, positional, template_name

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]


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
    vals = [param_int(a, ctx) for a in args] + [None, None, None]
    return vals[0], vals[1], vals[2]


def _is_mdy(tpl: Template) -> bool:
    return any(tpl.has(k) and str(tpl.get(k).value).strip().lower() in ("y", "yes") for k in ("mf", "mdy"))


def date(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    y, m, d = _ymd(tpl, ctx)
    if y is None and m is not None and 1 <= m <= 12:  # {{dts||10|17}}: a day of no year
        month = MONTHS[m - 1]
        out.add(month if d is None else f"{month} {d}" if _is_mdy(tpl) or template_name(tpl) == "dts" else f"{d} {month}")
        return
    if y is None:
        first_param(tpl, out, ctx)
        return
    out.add(format_date(y, m, d, _is_mdy(tpl)))


def _age(y1: int, m1: int | None, d1: int | None, y2: int, m2: int | None, d2: int | None) -> int:
    age = y2 - y1
    if m1 and m2 and (m2, d2 or 1) < (m1, d1 or 1):
        age -= 1
    return age


def birth_date_and_age(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    y, m, d = _ymd(tpl, ctx)
    if y is None:
        return
    today = ctx.today  # the revision's day: never the clock
    born = format_date(y, m, d, _is_mdy(tpl))
    out.add(f"{born} (age {_age(y, m, d, today.year, today.month, today.day)})" if today else born)


def ja_birth_date_and_age(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{生年月日と年齢|1961|11|23}} -> "1961年11月23日（62歳）" as the Japanese edition's
    template writes it (the age on the revision's day; a fourth parameter "no": no age)."""
    y, m, d = _ymd(tpl, ctx)
    args = positional(tpl)
    no_age = len(args) > 3 and plain(args[3], ctx).strip().lower() == "no"
    today = ctx.today
    age = _age(y, m, d, today.year, today.month, today.day) if y is not None and today and not no_age else None
    _ja_date_with_age(y, m, d, age, "歳", out)


def ja_death_date_and_age(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{死亡年月日と没年齢|1632|11|24|1677|2|21}} (born, then died) -> "1677年2月21日（44歳没）"."""
    y0, m0, d0 = _ymd(tpl, ctx)
    y, m, d = _ymd(tpl, ctx, 3)
    age = _age(y0, m0, d0, y, m, d) if y is not None and y0 is not None else None
    _ja_date_with_age(y, m, d, age, "歳没", out)


def _ja_date_with_age(y: int | None, m: int | None, d: int | None, age: int | None, after: str,
                      out: TextBuilder) -> None:
    """A date as the Japanese edition writes it, with the age in full-width brackets where known."""
    if y is None:
        return
    date = lang.format_date(y, m, d, "ja")
    out.add(f"{date}（{age}{after}）" if age is not None else date)


def death_date_and_age(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    y, m, d = _ymd(tpl, ctx)
    y0, m0, d0 = _ymd(tpl, ctx, 3)
    if y is None:
        return
    text = format_date(y, m, d, _is_mdy(tpl))
    if y0 is not None:
        text += f" (aged {_age(y0, m0, d0, y, m, d)})"
    out.add(text)


def as_of(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{as of|2016|5}} -> "As of May 2016"."""
    y, m, d = _ymd(tpl, ctx)
    if y is None:
        return
    words = "as of" if param_text(tpl, ctx, "lc").lower() in ("y", "yes", "on") else "As of"
    if param_text(tpl, ctx, "since").lower() in ("y", "yes"):
        words = "since" if words == "as of" else "Since"
    mdy = param_text(tpl, ctx, "df").lower() == "us"
    out.add(f"{words} {format_date(y, m, d, mdy)}")


def day_month_year(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """uk {{ДН|3|2|1904|21|1}} / {{ДС|...}} (a birth or death date: day, month, year in the
    new style, then the old style's day, month, year where it differs) -> "3 лютого 1904":
    the new-style date."""
    args = [plain(a, ctx).strip() for a in positional(tpl)[:3]] + ["", "", ""]
    d, m, y = (int(a) if a.isdigit() else None for a in args[:3])
    _day_month_year(y, m, d, out, ctx)


def uk_date(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """uk {{Дата|2000|7|25}} (year, month, day) -> "25 липня 2000" (the text goes on "року")."""
    y, m, d = _ymd(tpl, ctx)
    _day_month_year(y, m, d, out, ctx)


def _day_month_year(y: int | None, m: int | None, d: int | None, out: TextBuilder, ctx: ParseContext) -> None:
    """A whole date as "25 липня 2000" (the language's day, month name and year, no era
    word: the text around it has its own), a part of one as the language writes it."""
    if y is None:
        return
    m = m if m and 1 <= m <= 12 else None
    try:
        day = datetime.date(y, m, d) if m and d else None
    except ValueError:
        day = None
    out.add(babel_dates.format_date(day, "d MMMM y", locale=lang.locale(ctx.lang)) if day
            else lang.format_date(y, m, None, ctx.lang))


def vi_as_of(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{Tính đến|2019|October|21}} (the Vietnamese edition's "as of"; its month a number or
    an English name) -> "Tính đến 21 tháng 10, 2019"; {{Tính đến|2016}} -> "Tính đến năm 2016"."""
    args = [plain(a, ctx).strip() for a in positional(tpl)[:3]]
    if not args or not args[0].isdigit():
        return
    month = args[1] if len(args) > 1 else ""
    m = int(month) if month.isdigit() else _MONTH_NUMBER.get(month.lower())
    d = int(args[2]) if m and len(args) > 2 and args[2].isdigit() else None
    y = int(args[0])
    out.add(f"Tính đến {lang.format_date(y, m, d, 'vi')}" if m and 1 <= m <= 12 else f"Tính đến năm {y}")


_MONTH_NUMBER = {name.lower(): n for n, name in enumerate(MONTHS, 1)}


def start_date_and_age(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{start date and age|1990|5|1}} -> "1 May 1990 (35 years ago)"."""
    y, m, d = _ymd(tpl, ctx)
    if y is None:
        first_param(tpl, out, ctx)
        return
    today = ctx.today
    years = _age(y, m, d, today.year, today.month, today.day) if today else 0
    ago = f" ({years} year{'s' if years != 1 else ''} ago)" if years > 0 else ""
    out.add(format_date(y, m, d, _is_mdy(tpl)) + ago)


def year_and_age(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{birth year and age|1950}} -> "1950 (age 75–76)"; {{death year and age|2000|1950}} -> "2000 (aged 49–50)"."""
    args = [param_int(a, ctx) for a in positional(tpl)]
    if not args or args[0] is None:
        return
    if template_name(tpl).startswith("death"):
        born = args[1] if len(args) > 1 else None
        out.add(f"{args[0]} (aged {args[0] - born - 1}–{args[0] - born})" if born else str(args[0]))
    elif ctx.today:
        age = ctx.today.year - args[0]
        out.add(f"{args[0]} (age {age - 1}–{age})")
    else:
        out.add(str(args[0]))


def age_ymd(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{age in years, months and days|1775|04|19|1783|09|03}} -> "8 years, 4 months and 15 days"."""
    y1, m1, d1 = _ymd(tpl, ctx)
    y2, m2, d2 = _ymd(tpl, ctx, 3)
    if y1 is None or m1 is None or d1 is None:
        return
    if y2 is None or m2 is None or d2 is None:
        if ctx.today is None:
            out.add(HOLE)  # "until now" with no day to count to: the sentence cannot stand
            return
        y2, m2, d2 = ctx.today.year, ctx.today.month, ctx.today.day
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


def age_years(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{age|1990|5|1}} or {{age|1990|5|1|2000|1|1}}: an age in whole years."""
    y1, m1, d1 = _ymd(tpl, ctx)
    y2, m2, d2 = _ymd(tpl, ctx, 3)
    if y1 is None:
        return
    if y2 is None:
        if ctx.today is None:
            out.add(HOLE)
            return
        y2, m2, d2 = ctx.today.year, ctx.today.month, ctx.today.day
    out.add(str(_age(y1, m1, d1, y2, m2, d2)))


def fossil_range(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{fossil range|5|0}} -> "5–0 Ma"; {{fossil range|Late Silurian|Recent}} -> "Late Silurian – Recent"."""
    args = [plain(a, ctx) for a in positional(tpl)][:2]
    if not args:
        return
    if all(re.fullmatch(r"[\d.]+", a) for a in args):
        out.add("–".join(args) + " Ma ")
    else:
        out.add(" – ".join(a for a in args if a) + " ")
