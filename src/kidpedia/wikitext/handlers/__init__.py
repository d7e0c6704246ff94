"""Template handlers: templates a reader sees as text, one module per family.

``REGISTRY`` names every handler; ``rules/templates.yaml`` (section ``handlers``)
says which template names (aliases) each one renders, with a test case per entry.
A handler is ``(template, TextBuilder, ParseContext) -> None`` (``handlers.base``).
"""

from __future__ import annotations

from kidpedia.wikitext.handlers import coordinates, dates, lists, measures, names, text
from kidpedia.wikitext.handlers.base import Handler

REGISTRY: dict[str, Handler] = {
    # text
    "first_param": text.first_param,
    "last_param": text.last_param,
    "second_param": text.second_param,
    "lang": text.lang,
    "circa": text.circa,
    "url": text.url,
    "html_tag": text.html_tag,
    "drop": text.drop,
    "based_on": text.based_on,
    "interlanguage_link": text.interlanguage_link,
    "untranslated_link": text.untranslated_link,
    "emedicine": text.emedicine,
    "icd10": text.icd10,
    "nuclide": text.nuclide,
    "angle_brackets": text.wrap("⟨", "⟩"),
    "square_brackets": text.wrap("[", "]"),
    "superscript": text.superscript,
    "chem": text.chem,
    "subscript": text.subscript,
    # lists
    "list_items": lists.list_items,
    "collapsible_list": lists.collapsible_list,
    # dates
    "date": dates.date,
    "birth_date_and_age": dates.birth_date_and_age,
    "death_date_and_age": dates.death_date_and_age,
    "ja_birth_date_and_age": dates.ja_birth_date_and_age,
    "ja_death_date_and_age": dates.ja_death_date_and_age,
    "as_of": dates.as_of,
    "vi_as_of": dates.vi_as_of,
    "day_month_year": dates.day_month_year,
    "uk_date": dates.uk_date,
    "start_date_and_age": dates.start_date_and_age,
    "year_and_age": dates.year_and_age,
    "age_ymd": dates.age_ymd,
    "age_years": dates.age_years,
    "fossil_range": dates.fossil_range,
    # coordinates
    "coord": coordinates.coord,
    # measures
    "convert": measures.convert,
    "height": measures.height,
    "currency": measures.currency,
    "frac": measures.frac,
    "val": measures.val,
    "times_ten": measures.times_ten,
    "number": measures.number,
    "sort_key": measures.sort_key,
    "rail_gauge": measures.rail_gauge,
    "not_offline": measures.not_offline,
    "format_price": measures.format_price,
    # names
    "flag": names.flag,
    "marriage": names.marriage,
    "nihongo": names.nihongo,
    "sortname": names.sortname,
    "army": names.army,
    "country_name": names.country_name,
    "ship": names.ship,
    "ticker": names.ticker,
}

__all__ = ["REGISTRY", "Handler"]
