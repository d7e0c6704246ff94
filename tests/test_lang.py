"""The language layer (kidpedia/lang.py): CLDR names, dates, numbers, plurals, and the
site's gettext catalogs (complete for en, es, fr and de)."""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path

import pytest

from kidpedia import lang

ROOT = Path(__file__).resolve().parent.parent
COMPLETE = ("en", "es", "fr", "de")


def test_language_names_in_any_language() -> None:
    assert lang.language_name("es", "en") == "Spanish"
    assert lang.language_name("es", "fr") == "espagnol"
    assert lang.language_name("ja", "es") == "japonés"
    assert lang.language_name("en", "uk") == "англійська"
    assert lang.native_name("ja") == "日本語"
    assert lang.native_name("es") == "Español"
    assert lang.language_name("simple") == "Simple English"
    assert lang.language_name("zh-min-nan") == "Min Nan Chinese"
    assert lang.language_name("xx-nonsense") == "xx-nonsense"  # never raises


def test_dates_numbers_plurals_in_the_edition_language() -> None:
    assert lang.format_date(1879, 3, 14, "en") == "14 March 1879"
    assert lang.format_date(1879, 3, 14, "en", mdy=True) == "March 14, 1879"
    assert lang.format_date(1879, 3, 14, "es") == "14 de marzo de 1879"
    assert lang.format_date(1879, 3, 14, "fr") == "14 mars 1879"
    assert lang.format_date(1879, 3, 14, "de") == "14. März 1879"
    assert lang.format_date(1879, 3, 14, "ja") == "1879年3月14日"
    assert lang.format_number(1234567, "en") == "1,234,567"
    assert lang.format_number(1234567, "de") == "1.234.567"
    assert lang.format_number(1234567, "fr") == "1\u202f234\u202f567"
    assert [lang.plural(n, "ru") for n in (1, 3, 5)] == ["one", "few", "many"]
    assert lang.plural(1, "ja") == "other"
    assert lang.text_direction("ar") == "rtl" and lang.text_direction("fr") == "ltr"


def test_age_and_as_of_speak_the_edition_language() -> None:
    assert lang.age_text(89, "en") == "(age 89)"
    assert lang.age_text(89, "es") == "(89 años)"
    assert lang.age_text(1, "fr") == "(1 an)"
    assert lang.age_text(89, "de") == "(89 Jahre)"
    assert lang.as_of_text("mars 2023", "fr") == "En mars 2023"


def test_reference_date_comes_from_the_revision_not_the_clock() -> None:
    assert lang.reference_date("2016-05-01T12:00:00Z") == datetime.date(2016, 5, 1)
    assert lang.reference_date("", fallback=datetime.date(2023, 5, 1)) == datetime.date(2023, 5, 1)
    assert lang.reference_date("garbage") is None
    assert lang.age_on(datetime.date(1879, 3, 14), datetime.date(1955, 4, 18)) == 76


def _site_messages() -> set[str]:
    """Every message the site asks its catalogs for: the templates' and the app's."""
    from kidpedia.web.app import _MESSAGES, template_env

    env = template_env("en")
    ids: set[str] = set()
    for name in env.list_templates():
        source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
        for _line, _func, message in env.extract_translations(source):
            ids.add(message if isinstance(message, str) else message[0])
    for title, text in _MESSAGES.values():
        ids.update((title, text))
    ids.update({"(age %(num)s)", "As of %(date)s", "Quick facts", "facts for kids"})
    return ids


@pytest.mark.parametrize("code", COMPLETE)
def test_catalogs_are_complete(code: str) -> None:
    from babel.messages.pofile import read_po

    po = ROOT / "src" / "kidpedia" / "locale" / code / "LC_MESSAGES" / "kidpedia.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale=code)
    translated = {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in catalog if m.id}
    missing = sorted(m for m in _site_messages() if not translated.get(m))
    assert not missing, f"{code}: untranslated site strings {missing}"
    assert code in lang.catalog_languages()


def test_site_strings_in_spanish_french_german() -> None:
    t = {c: lang.translations(c) for c in COMPLETE}
    assert t["es"].gettext("Quick facts for kids") == "Datos para niños"
    assert t["es"].gettext("facts for kids") == "para niños"
    assert t["fr"].gettext("See also") == "Voir aussi"
    assert t["de"].gettext("Contents") == "Inhalt"
    assert t["es"].ngettext("%(num)s article found", "%(num)s articles found", 2) == "%(num)s artículos encontrados"
    # Unknown languages fall back to the English source strings.
    assert lang.translations("ja").gettext("See also") == "See also"


def test_catalogs_ship_with_the_package() -> None:
    """The .po files are package data (read by Babel at run time: no compile step)."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["kidpedia"]
    assert "**/*.po" in patterns
    assert any("babel" in d for d in data["project"]["dependencies"])


def test_nothing_outside_wikitext_asks_wikitext_for_a_language_name() -> None:
    for folder in ("web", "export"):
        for py in (ROOT / "src" / "kidpedia" / folder).rglob("*.py"):
            text = py.read_text("utf-8")
            assert "kidpedia.wikitext" not in text or "language_name" not in text, py


def test_words_around_the_site_strings_follow_the_catalog() -> None:
    # an edition without a catalog reads the site's words in English: "In Greek:", not "In грецька:"
    assert lang.chrome_language("es") == "es" and lang.chrome_language("uk") == "en"
    assert lang.chrome_language("en") == "en" and lang.chrome_language("fr-ca") == "fr"
