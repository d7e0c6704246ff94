"""Languages: names, dates, numbers and plurals from CLDR (Babel), and the site's own
strings as gettext catalogs (``locale/<lang>/LC_MESSAGES/kidpedia.po``).

Every stage that writes words for a reader asks here, never a hand-made table:

    language_name("es", "fr") -> "espagnol"      native_name("ja") -> "日本語"
    format_date(1879, 3, 14, "fr") -> "14 mars 1879"
    format_number(1234567, "de") -> "1.234.567"   plural(1, "ru") -> "one"
    translations("es").gettext("Quick facts for kids") -> "Datos para niños"
    reference_date("2023-06-01T12:00:00Z") -> date(2023, 6, 1)

Wikipedia codes that CLDR does not know (``simple``, ``zh-min-nan``, ``als``) fall
back to their nearest CLDR locale, then to English; nothing here raises for an odd
code. Nothing here reads the clock: ages and "as of" are computed against a page's
revision date (``reference_date``), so the same dump always gives the same pages.

The catalogs are read straight from their ``.po`` files with Babel (no compile step,
so a fresh clone or an installed wheel has them as soon as the package is there).
"""

from __future__ import annotations

import datetime
import gettext
import io
import re
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "kidpedia"
# Wikipedia edition codes that are not CLDR locale identifiers, mapped to the nearest one.
_WIKI_TO_CLDR = {
    "simple": "en", "zh-min-nan": "nan", "zh-yue": "yue", "zh-classical": "lzh", "als": "gsw",
    "be-tarask": "be", "be-x-old": "be", "bat-smg": "sgs", "fiu-vro": "vro", "roa-rup": "rup",
    "nds-nl": "nds", "map-bms": "jv", "cbk-zam": "cbk", "roa-tara": "it", "no": "nb",
}  # fmt: skip
# Names CLDR lacks for Wikipedia-only codes, in English (used when CLDR has nothing).
_WIKI_ONLY_NAMES = {"simple": "Simple English"}
_CODE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$")
_TIMESTAMP = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@lru_cache(maxsize=512)
def locale(code: str) -> Locale:
    """The CLDR locale for a Wikipedia edition code (English when none fits)."""
    code = (code or "en").strip().lower()
    for candidate in (_WIKI_TO_CLDR.get(code, code), code.split("-")[0], "en"):
        try:
            return Locale.parse(candidate.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            continue
    return Locale("en")


@lru_cache(maxsize=128)
def list_separator(code: str) -> str:
    """What stands between the items of a list in the language (CLDR's list pattern):
    ", " in English, "、" in Japanese and Chinese."""
    pattern = locale(code).list_patterns["standard"]["middle"]
    return pattern.replace("{0}", "").replace("{1}", "") or ", "


def is_language_code(code: str) -> bool:
    """A syntactically valid edition code (``en``, ``zh-min-nan``): safe in a URL path."""
    return bool(_CODE.match(code or ""))


def territory_name(region: str, lang: str) -> str | None:
    """A country's name in language ``lang`` from its CLDR region code: ("JP", "ja") ->
    "日本", ("UA", "uk") -> "Україна"; None for a code CLDR does not know."""
    return locale(lang).territories.get(region)


def language_name(code: str, in_lang: str = "en", capitalise: bool = False) -> str:
    """The name of language ``code`` written in language ``in_lang`` (CLDR).

    ``capitalise`` for a name standing alone (a menu); inside a sentence CLDR's own
    case is right ("En japonés", "In Japanese")."""
    code = (code or "").strip().lower()
    where = locale(in_lang)
    cldr = _WIKI_TO_CLDR.get(code, code).replace("-", "_")
    name = where.languages.get(cldr) or where.languages.get(code.split("-")[0]) if code else None
    if code in _WIKI_ONLY_NAMES and in_lang == "en":
        name = _WIKI_ONLY_NAMES[code]
    name = name or code
    return name[:1].upper() + name[1:] if capitalise else name


def native_name(code: str) -> str:
    """A language's name in itself ("Español", "日本語"), for a choice of editions."""
    return language_name(code, code, capitalise=True)


def text_direction(code: str) -> str:
    """'rtl' for Arabic, Hebrew, Persian, ...; else 'ltr'."""
    return "rtl" if locale(code).character_order == "right-to-left" else "ltr"


def format_date(year: int, month: int | None = None, day: int | None = None, lang: str = "en",
                mdy: bool = False) -> str:
    """A date as the edition writes it: "14 March 1879", "14 mars 1879", "1879年3月14日".

    Only a year, or a year and month, are written as such. ``mdy`` asks for the
    American order in English ("March 14, 1879"), as ``{{birth date|mf=yes}}`` does."""
    where = locale(lang)
    if not month:
        return str(year) if year > 0 else f"{-year} BC"
    if not day:
        return babel_dates.format_skeleton("yMMMM", datetime.date(year, month, 1), locale=where)
    date = datetime.date(year, month, day)
    if where.language == "en" and not mdy:
        return f"{day} {babel_dates.format_date(date, 'MMMM', locale=where)} {year}"
    return babel_dates.format_date(date, "long", locale=where)


def format_number(number: float | Decimal, lang: str = "en", exact: bool = False) -> str:
    """``1234567`` -> "1,234,567" (en), "1.234.567" (de), "1 234 567" (fr); ``exact``: every
    decimal kept (a Decimal "3.14159" stays 3.14159, not 3.142)."""
    return babel_numbers.format_decimal(number, locale=locale(lang), decimal_quantization=not exact)


def plural(number: float, lang: str = "en") -> str:
    """The CLDR plural category of ``number`` in ``lang``: one, few, many, other, ..."""
    return str(locale(lang).plural_form(number))


def reference_date(timestamp: str | None, fallback: datetime.date | None = None) -> datetime.date | None:
    """The date a page's text speaks from (its revision's timestamp): what "age 89" and
    "as of" are counted against. ``fallback`` (the dump's date) when it has none."""
    m = _TIMESTAMP.match(timestamp or "")
    if m:
        try:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    return fallback


def age_on(born: datetime.date, on: datetime.date) -> int:
    """Whole years from ``born`` to ``on``."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


# ---- the site's strings ---------------------------------------------------------------


@lru_cache(maxsize=1)
def catalog_languages() -> list[str]:
    """The languages the site's strings are translated into (English is the source)."""
    folder = resources.files("kidpedia").joinpath("locale")
    return sorted(p.name for p in folder.iterdir() if p.joinpath("LC_MESSAGES", f"{DOMAIN}.po").is_file())


@lru_cache(maxsize=64)
def translations(lang: str) -> gettext.NullTranslations:
    """gettext translations of the site's strings for ``lang`` (falling back to its base
    language, then to the English source strings)."""
    for code in dict.fromkeys([lang, lang.split("-")[0], locale(lang).language]):
        po = resources.files("kidpedia").joinpath("locale", code, "LC_MESSAGES", f"{DOMAIN}.po")
        if po.is_file():
            return _load_po(po.read_bytes(), code)
    return gettext.NullTranslations()


def _load_po(data: bytes, code: str) -> gettext.GNUTranslations:
    catalog = read_po(io.BytesIO(data), locale=locale(code), domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def chrome_language(lang: str) -> str:
    """The language the site's own words are in for edition ``lang``: ``lang`` when a
    catalog translates them, else English (the source strings). Words written around
    the site's strings (a language's name after "In ...:") follow it, so a page never
    mixes an English "In" with a Ukrainian "грецька"."""
    for code in dict.fromkeys([lang, lang.split("-")[0], locale(lang).language]):
        if code == "en" or code in catalog_languages():
            return code
    return "en"


def gettext_for(lang: str, message: str) -> str:
    return translations(lang).gettext(message)


def ngettext_for(lang: str, singular: str, plural_form: str, n: int) -> str:
    return translations(lang).ngettext(singular, plural_form, n)


def age_text(years: int, lang: str = "en") -> str:
    """"(age 89)", "(89 años)", "(89 ans)", in the edition's language and plural."""
    return ngettext_for(lang, "(age %(num)s)", "(age %(num)s)", years) % {"num": format_number(years, lang)}


def as_of_text(date_text: str, lang: str = "en") -> str:
    """"As of March 2023" in the edition's language."""
    return gettext_for(lang, "As of %(date)s") % {"date": date_text}
