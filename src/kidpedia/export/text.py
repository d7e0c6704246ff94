"""An Article as plain text, in the reference page's order.

"<Title> facts for kids", Quick facts, lead, Contents, sections, See also and
"In <Language>: <title>" lines. Used by ``kidpedia page --format text``.
"""

from __future__ import annotations

from kidpedia.lang import chrome_language, language_name, translations
from kidpedia.model import Article, QuickFacts, Section, Text


def _para(t: Text) -> str:
    return f"{'  ' * t.depth}- {t.text}" if t.kind == "li" else t.text


def _quick_facts(q: QuickFacts, lang: str = "en") -> list[str]:
    quick_facts = translations(lang).gettext("Quick facts")
    lines = [f"{quick_facts}: {q.title}" if q.title else quick_facts]
    if q.image and q.image.caption:
        lines.append(f"  [{q.image.caption}]")
    for row in q.rows:
        if row.header:
            lines.append(f"  -- {row.label} --")
        elif len(row.values) > 1:
            lines.append(f"  {row.label}:")
            lines.extend(f"    | {v.text}" for v in row.values if v.text)
        else:
            lines.append(f"  {row.label}: {row.values[0].text if row.values else ''}")
    return lines


def _contents(sections: tuple[Section, ...], prefix: str = "", depth: int = 0) -> list[str]:
    lines = []
    for i, s in enumerate(sections, 1):
        number = f"{prefix}{i}"
        lines.append(f"{'  ' * (depth + 1)}{number} {s.title}")
        lines.extend(_contents(s.sections, number + ".", depth + 1))
    return lines


def _sections(sections: tuple[Section, ...]) -> list[str]:
    lines = []
    for s in sections:
        lines.append("")
        lines.append(s.title)
        lines.extend(_para(p) for p in s.paragraphs)
        lines.extend(_sections(s.sections))
    return lines


def _kids_suffix(lang: str) -> str:
    """" para niños": that edition's own "facts for kids", where its catalog has one."""
    if chrome_language(lang) != lang.split("-")[0] and lang != "en":
        return ""
    return " " + translations(lang).gettext("facts for kids")


def article_to_text(a: Article) -> str:
    """The page in its edition's language ("… para niños", "Contenido", "En francés: …")."""
    words = translations(a.lang)
    lines = [words.gettext("%(title)s facts for kids") % {"title": a.title}, ""]
    if a.quick_facts and a.quick_facts.rows:
        lines += _quick_facts(a.quick_facts, a.lang) + [""]
    lines += [_para(p) for p in a.lead]
    if a.sections:
        lines += ["", words.gettext("Contents")] + _contents(a.sections)
    lines += _sections(a.sections)
    if a.see_also:
        lines += ["", words.gettext("See also")] + [f"- {x.text or x.target}" for x in a.see_also]
    if a.language_links:
        lines.append("")
        lines += [
            f"{words.gettext('In %(language)s:') % {'language': language_name(x.lang, chrome_language(a.lang))}} "
            f"{x.title}{_kids_suffix(x.lang)}"
            for x in a.language_links
        ]
    return "\n".join(lines).rstrip() + "\n"
