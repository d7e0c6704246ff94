"""An Article as plain text, in the reference page's order.

"<Title> facts for kids", Quick facts, lead, Contents, sections, See also and
"In <Language>: <title>" lines. Used by ``kidpedia page --format text``.
"""

from __future__ import annotations

import textwrap
import unicodedata

from kidpedia.lang import chrome_language, language_name, translations
from kidpedia.model import Article, Cell, QuickFacts, Section, Table, Text, layout

MAX_COLUMN = 32  # characters; a longer cell wraps inside its column


def _para(t: Text) -> str:
    if t.table is not None:
        return "\n".join(table_lines(t.table))
    return f"{'  ' * t.depth}- {t.text}" if t.kind == "li" else t.text


def _paras(texts: tuple[Text, ...]) -> list[str]:
    """Paragraphs and list items a line each; a table with a blank line after it when more follows."""
    lines = []
    for i, t in enumerate(texts):
        lines.append(_para(t))
        if t.table is not None and i + 1 < len(texts):
            lines.append("")
    return lines


def _width(s: str) -> int:
    """Columns a string takes in a terminal (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


def grid(rows: tuple[tuple[Cell, ...], ...]) -> list[list[str]]:
    """The cells' text laid on a grid (``model.layout``): a cell spanning rows or
    columns fills the places it covers after its first with ""."""
    out: list[list[str]] = []
    for placed in layout(rows):
        line: list[str] = []
        for col, cell in placed:
            line += [""] * (col - len(line))
            line += [cell.text.text] + [""] * (cell.colspan - 1)
        out.append(line)
    return out


def table_lines(table: Table) -> list[str]:
    """A table as aligned text: columns padded to their widest cell (long cells wrap),
    the header rows underlined, the caption above."""
    cells = grid(table.all_rows())
    n = max((len(r) for r in cells), default=0)
    cells = [r + [""] * (n - len(r)) for r in cells]
    wrapped = [[textwrap.wrap(c, MAX_COLUMN) or [""] for c in r] for r in cells]
    widths = [max((_width(part) for r in wrapped for part in r[i]), default=0) for i in range(n)]
    lines = [table.caption] if table.caption else []
    for i, r in enumerate(wrapped):
        height = max((len(c) for c in r), default=1)
        for k in range(height):
            parts = [_pad(c[k] if k < len(c) else "", widths[j]) for j, c in enumerate(r)]
            lines.append("  ".join(parts).rstrip())
        if i + 1 == len(table.header):
            lines.append("  ".join("-" * w for w in widths).rstrip())
    return lines


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
        lines.extend(_paras(s.paragraphs))
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
    lines += _paras(a.lead)
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
